/** Training settings shared by train and eval (so cross-validation retrains exactly as `npm run train` does). */
import type { ModelFile } from '../../src/core/classify/model.ts';
import type { CorpusItem } from './corpus.ts';

export const THRESHOLDS: ModelFile['thresholds'] = { yes: 0.85, likely: 0.6, unclear: 0.4, unlikely: 0.15 };
export const TRAIN_OPTIONS = { steps: 1500, rate: 0.5, l2: 0.002, minDocs: 3 };

/**
 * uk_dev messages are what this tool's users write; the dev corpus is old spam, SMS chat and US political mail.
 * Each UK message counts this many times in training.
 */
export const UK_WEIGHT = 3;

/** Arguable uk_dev items are honest hedges: reported as a distribution, never trained on or scored. */
export const trainable = (it: CorpusItem): boolean => it.dm !== 'arguable';

export const exampleWeight = (it: CorpusItem): number => (it.corpus === 'uk' ? UK_WEIGHT : 1);
