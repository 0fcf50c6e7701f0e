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
  // Rows as one flat sparse matrix (CSR): feature indexes and values, row i in [rowStart[i], rowStart[i + 1]).
  const rowStart = new Int32Array(examples.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  examples.forEach((e, r) => {
    for (const [k, v] of e.features) {
      const i = index.get(k);
      if (i !== undefined && v !== 0) {
        cols.push(i);
        vals.push(v);
      }
    }
    rowStart[r + 1] = cols.length;
  });
  const col = Int32Array.from(cols);
  const val = Float64Array.from(vals);
  const K = CLASSES.length;
  const D = names.length;
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
  // Weights class-major: W[k * D + j].
  const W = new Float64Array(K * D);
  const b = new Float64Array(K);
  const n = examples.length;
  const scale = total;
  const gW = new Float64Array(K * D);
  const gb = new Float64Array(K);
  const z = new Float64Array(K);
  for (let step = 0; step < steps; step++) {
    gW.fill(0);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      const from = rowStart[i]!;
      const to = rowStart[i + 1]!;
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = b[k]!;
        const off = k * D;
        for (let t = from; t < to; t++) s += W[off + col[t]!]! * val[t]!;
        z[k] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k]! - max);
        sum += z[k]!;
      }
      for (let k = 0; k < K; k++) {
        const g = (z[k]! / sum - (y[i] === k ? 1 : 0)) * sampleWeight[i]!;
        gb[k]! += g;
        const off = k * D;
        for (let t = from; t < to; t++) gW[off + col[t]!]! += g * val[t]!;
      }
    }
    for (let k = 0; k < K; k++) {
      b[k]! -= (rate * gb[k]!) / scale;
      const off = k * D;
      for (let j = 0; j < D; j++) W[off + j]! -= rate * (gW[off + j]! / scale + l2 * W[off + j]!);
    }
    // Project onto the priors: where another class outweighs the favoured one, meet in the middle.
    for (let j = 0; j < D; j++) {
      const c = favoured[j]!;
      if (c < 0) continue;
      for (let k = 0; k < K; k++) {
        if (k === c || W[k * D + j]! <= W[c * D + j]!) continue;
        const mid = (W[k * D + j]! + W[c * D + j]!) / 2;
        W[k * D + j] = mid;
        W[c * D + j] = mid;
      }
    }
  }
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const bias = Object.fromEntries(CLASSES.map((c, k) => [c, round(b[k]!)])) as Record<ModelClass, number>;
  const weights = Object.fromEntries(
    CLASSES.map((c, k) => [
      c,
      Object.fromEntries(names.map((name, j) => [name, round(W[k * D + j]!)]).filter(([, w]) => w !== 0)),
    ]),
  ) as Record<ModelClass, Record<string, number>>;
  return { bias, weights };
}
