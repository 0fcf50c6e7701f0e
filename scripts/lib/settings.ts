/** Training settings shared by train and eval (so cross-validation retrains exactly as `npm run train` does). */
import type { ModelFile } from '../../src/core/classify/model.ts';

export const THRESHOLDS: ModelFile['thresholds'] = { yes: 0.85, likely: 0.6, unclear: 0.4, unlikely: 0.15 };
export const TRAIN_OPTIONS = { steps: 1500, rate: 0.5, l2: 0.002, minDocs: 3 };
