/**
 * A multinomial logistic regression over named features. Weights live in src/data/model.json, written by
 * `npm run train` (scripts/train.ts) from the dev corpus; small and reviewable (one weight per class per name).
 */
import type { PrimaryPurpose } from '../verdict.ts';
import type { Features } from './features.ts';

export const CLASSES = [
  'none',
  'promotional',
  'fundraising',
  'campaigning',
] as const satisfies readonly PrimaryPurpose[];
export type ModelClass = (typeof CLASSES)[number];

export interface ModelFile {
  version: number;
  trainedOn: string;
  classes: ModelClass[];
  /** Per class: bias, then weight per feature name (features absent from the map weigh nothing). */
  bias: Record<ModelClass, number>;
  weights: Record<ModelClass, Record<string, number>>;
  /** pMarketing cut-offs for the directMarketing levels: yes ≥ yes, likely ≥ likely, unclear ≥ unclear, unlikely ≥ unlikely. */
  thresholds: { yes: number; likely: number; unclear: number; unlikely: number };
  /** What `npm run train` built it from (src/core/classify/provenance.ts); absent in models made by tests. */
  builtFrom?: {
    featureVersion: number;
    lexicons: string;
    /** sha256 of each corpus file as read. */
    corpora: Record<string, string>;
  };
}

export function scores(model: ModelFile, features: Features): Record<ModelClass, number> {
  // Sum in name order: floating-point addition depends on order, and the same draft must always score the same
  // whichever path (cache or fresh parse) built its features.
  const entries = [...features].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const logits = CLASSES.map((c) => {
    let z = model.bias[c] ?? 0;
    const w = model.weights[c] ?? {};
    for (const [name, value] of entries) z += (w[name] ?? 0) * value;
    return z;
  });
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return Object.fromEntries(CLASSES.map((c, i) => [c, exps[i]! / sum])) as Record<ModelClass, number>;
}
