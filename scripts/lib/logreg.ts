/**
 * Multinomial logistic regression, trained by full-batch gradient descent for a fixed number of steps from
 * zero weights: no randomness, so `npm run train` always writes the same model for the same data.
 */
import { CLASSES, type ModelClass, type ModelFile } from '../../src/core/classify/model.ts';

export interface Example {
  features: Map<string, number>;
  label: ModelClass;
  /** How much the example counts (default 1): UK messages weigh more than the old spam they train beside. */
  weight?: number;
}

export interface TrainOptions {
  /** Sign constraints: features starting with `prefix` weigh at least as much for `favours` as for any class. */
  priors?: { prefix: string; favours: ModelClass }[];
  steps?: number;
  rate?: number;
  l2?: number;
  /** Features seen in fewer documents than this are dropped. */
  minDocs?: number;
}

export function train(examples: Example[], opts: TrainOptions = {}): Pick<ModelFile, 'bias' | 'weights'> {
  const { steps = 1500, rate = 0.5, l2 = 0.002, minDocs = 3, priors = [] } = opts;
  const docFreq = new Map<string, number>();
  for (const e of examples)
    for (const [k, v] of e.features) if (v !== 0) docFreq.set(k, (docFreq.get(k) ?? 0) + 1);
  const names = [...docFreq]
    .filter(([, n]) => n >= minDocs)
    .map(([k]) => k)
    .sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const X = examples.map((e) => {
    const row: [number, number][] = [];
    for (const [k, v] of e.features) {
      const i = index.get(k);
      if (i !== undefined && v !== 0) row.push([i, v]);
    }
    return row;
  });
  const K = CLASSES.length;
  // For each feature, the class its prior favours (or -1).
  const favoured = names.map((name) => {
    const prior = priors.find((p) => name.startsWith(p.prefix));
    return prior ? CLASSES.indexOf(prior.favours) : -1;
  });
  const y = examples.map((e) => CLASSES.indexOf(e.label));
  // Balance the classes: each class weighs as much in the loss as any other (by summed example weight).
  const weightOf = (i: number) => examples[i]!.weight ?? 1;
  const total = examples.reduce((s, _, i) => s + weightOf(i), 0);
  const classCount = CLASSES.map((_, k) => y.reduce((s, c, i) => s + (c === k ? weightOf(i) : 0), 0) || 1);
  const sampleWeight = y.map((c, i) => (weightOf(i) * total) / (K * classCount[c]!));
  const W = CLASSES.map(() => new Float64Array(names.length));
  const b = new Float64Array(K);
  const n = examples.length;
  const scale = total;
  for (let step = 0; step < steps; step++) {
    const gW = CLASSES.map(() => new Float64Array(names.length));
    const gb = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      const row = X[i]!;
      const z = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        let s = b[k]!;
        const w = W[k]!;
        for (const [j, v] of row) s += w[j]! * v;
        z[k] = s;
      }
      const max = Math.max(...z);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k]! - max);
        sum += z[k]!;
      }
      for (let k = 0; k < K; k++) {
        const g = (z[k]! / sum - (y[i] === k ? 1 : 0)) * sampleWeight[i]!;
        gb[k]! += g;
        const gw = gW[k]!;
        for (const [j, v] of row) gw[j]! += g * v;
      }
    }
    for (let k = 0; k < K; k++) {
      b[k]! -= (rate * gb[k]!) / scale;
      const w = W[k]!;
      const gw = gW[k]!;
      for (let j = 0; j < names.length; j++) w[j]! -= rate * (gw[j]! / scale + l2 * w[j]!);
    }
    // Project onto the priors: where another class outweighs the favoured one, meet in the middle.
    for (let j = 0; j < names.length; j++) {
      const c = favoured[j]!;
      if (c < 0) continue;
      for (let k = 0; k < K; k++) {
        if (k === c || W[k]![j]! <= W[c]![j]!) continue;
        const mid = (W[k]![j]! + W[c]![j]!) / 2;
        W[k]![j] = mid;
        W[c]![j] = mid;
      }
    }
  }
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const bias = Object.fromEntries(CLASSES.map((c, k) => [c, round(b[k]!)])) as Record<ModelClass, number>;
  const weights = Object.fromEntries(
    CLASSES.map((c, k) => [
      c,
      Object.fromEntries(names.map((name, j) => [name, round(W[k]![j]!)]).filter(([, w]) => w !== 0)),
    ]),
  ) as Record<ModelClass, Record<string, number>>;
  return { bias, weights };
}
