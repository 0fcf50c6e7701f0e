/**
 * The committed model (src/data/model.json) must match the code and data it is used with. `npm run train` records
 * what it was built from; these tests fail when that no longer matches, with the command that fixes it:
 * - always: the feature code's version and the lexicons' hash (both in this repository);
 * - when the corpora are present beside the checkout (../shared/corpus): their hashes, and a full retrain that must
 *   reproduce the committed weights exactly (training is deterministic).
 */
import { describe, expect, test } from 'vitest';
import { corpusAvailable, corpusHash, loadCorpus } from '../../scripts/lib/corpus.ts';
import { featuresOf, fitModel } from '../../scripts/lib/crossval.ts';
import { createCaches } from '../../src/core/classify/classify.ts';
import { FEATURE_VERSION } from '../../src/core/classify/features.ts';
import type { ModelFile } from '../../src/core/classify/model.ts';
import { provenance } from '../../src/core/classify/provenance.ts';
import model from '../../src/data/model.json' with { type: 'json' };

const committed = model as ModelFile;
const STALE = 'src/data/model.json is stale: run `npm run train` and commit the new model';

describe('the committed model', () => {
  test('records what it was built from', () => {
    expect(committed.builtFrom, STALE).toBeDefined();
  });

  test('was built with the current feature code', () => {
    expect(committed.builtFrom?.featureVersion, STALE).toBe(FEATURE_VERSION);
  });

  test('was built with the current lexicons', () => {
    expect(committed.builtFrom?.lexicons, STALE).toBe(provenance().lexicons);
  });

  const corpora = corpusAvailable('dev') && corpusAvailable('uk');
  test.runIf(corpora)('was built from the corpora beside the checkout', () => {
    expect(committed.builtFrom?.corpora, STALE).toEqual({
      dev: corpusHash('dev'),
      uk: corpusHash('uk'),
      supplement: corpusHash('supplement'),
    });
  });

  test.runIf(corpora)(
    'is what `npm run train` builds today, weight for weight',
    () => {
      const items = [...loadCorpus('dev'), ...loadCorpus('uk'), ...loadCorpus('supplement')];
      const fitted = fitModel(items, featuresOf(items, createCaches(200_000)), '');
      expect(fitted.bias, STALE).toEqual(committed.bias);
      expect(fitted.weights, STALE).toEqual(committed.weights);
      expect(fitted.thresholds, STALE).toEqual(committed.thresholds);
    },
    180_000,
  );
});
