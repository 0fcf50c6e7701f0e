/**
 * npm run train: fits the model's weights and writes src/data/model.json.
 * Trains on dev.jsonl and uk_dev.jsonl (../shared/corpus; arguable items left out; UK items weigh more) and the
 * project's own supplement, exactly as each cross-validation fold of `npm run eval` does. Deterministic: the same
 * lexicons, feature code and corpora give the same file. The model records what it was built from (corpus hashes,
 * lexicon hash, feature version), so a test can tell when it is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaches } from '../src/core/classify/classify.ts';
import { CLASSES, type ModelFile } from '../src/core/classify/model.ts';
import { provenance } from '../src/core/classify/provenance.ts';
import { corpusHash, loadCorpus } from './lib/corpus.ts';
import { featuresOf, fitModel } from './lib/crossval.ts';
import { trainable, UK_WEIGHT } from './lib/settings.ts';

function main() {
  const dev = loadCorpus('dev');
  const uk = loadCorpus('uk');
  const supplement = loadCorpus('supplement');
  const items = [...dev, ...uk, ...supplement];
  const started = performance.now();
  const feats = featuresOf(items, createCaches(200_000));
  console.log(`features for ${items.length} items in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const used = items.filter(trainable);
  const fitted = fitModel(
    items,
    feats,
    `dev corpus (${dev.length}) + uk_dev (${uk.filter(trainable).length} of ${uk.length}, arguable left out, weight ${UK_WEIGHT}) + supplement (${supplement.length}): ${used.length} items (${CLASSES.map((c) => `${c} ${used.filter((i) => i.label === c).length}`).join(', ')})`,
  );
  const model: ModelFile = {
    ...fitted,
    version: 2,
    builtFrom: {
      ...provenance(),
      corpora: { dev: corpusHash('dev'), uk: corpusHash('uk'), supplement: corpusHash('supplement') },
    },
  };
  const file = path.resolve(import.meta.dirname, '../src/data/model.json');
  writeFileSync(file, `${JSON.stringify(model, null, 1)}\n`);
  const n = Object.values(model.weights).reduce((s, w) => s + Object.keys(w).length, 0);
  console.log(`wrote ${path.relative(process.cwd(), file)}: ${n} weights`);
}

main();
