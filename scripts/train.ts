/**
 * npm run train: fits the model's weights on the dev corpus and writes src/data/model.json.
 * Deterministic: same lexicons + same corpus → same file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClassifier } from '../src/core/classify/classify.ts';
import { CLASSES, type ModelFile } from '../src/core/classify/model.ts';
import { loadCorpus, SUPPLEMENT } from './lib/corpus.ts';
import { train } from './lib/logreg.ts';
import { PRIORS } from './lib/priors.ts';
import { THRESHOLDS, TRAIN_OPTIONS } from './lib/settings.ts';

function main() {
  const dev = loadCorpus();
  const supplement = loadCorpus(SUPPLEMENT);
  const items = [...dev, ...supplement];
  const classifier = createClassifier();
  const started = performance.now();
  const examples = items.map((it) => ({
    features: classifier.features({ subject: it.subject, body: it.body, channel: it.channel }),
    label: it.label,
  }));
  console.log(`features for ${items.length} items in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const fitted = train(examples, { ...TRAIN_OPTIONS, priors: PRIORS });
  const model: ModelFile = {
    version: 1,
    trainedOn: `dev corpus (${dev.length}) + supplement (${supplement.length}): ${items.length} items (${CLASSES.map((c) => `${c} ${items.filter((i) => i.label === c).length}`).join(', ')})`,
    classes: [...CLASSES],
    ...fitted,
    thresholds: THRESHOLDS,
  };
  const file = path.resolve(import.meta.dirname, '../src/data/model.json');
  writeFileSync(file, `${JSON.stringify(model, null, 1)}\n`);
  const n = Object.values(model.weights).reduce((s, w) => s + Object.keys(w).length, 0);
  console.log(`wrote ${path.relative(process.cwd(), file)}: ${n} weights`);
}

main();
