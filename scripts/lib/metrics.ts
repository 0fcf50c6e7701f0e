/** Confusion matrix, direct-marketing precision/recall/F1 and macro-F1 over the four classes. */
import { CLASSES, type ModelClass } from '../../src/core/classify/model.ts';

export interface Prediction {
  label: ModelClass;
  predicted: ModelClass;
  /** The verdict's directMarketing is yes or likely. */
  isMarketing: boolean;
}

export interface Scores {
  n: number;
  confusion: Record<ModelClass, Record<ModelClass, number>>;
  dm: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; tn: number };
  perClass: Record<ModelClass, { precision: number; recall: number; f1: number }>;
  macroF1: number;
  accuracy: number;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function score(preds: Prediction[]): Scores {
  const confusion = Object.fromEntries(
    CLASSES.map((a) => [a, Object.fromEntries(CLASSES.map((b) => [b, 0]))]),
  ) as Scores['confusion'];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of preds) {
    confusion[p.label][p.predicted]++;
    const truth = p.label !== 'none';
    if (truth && p.isMarketing) tp++;
    else if (!truth && p.isMarketing) fp++;
    else if (truth) fn++;
    else tn++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const perClass = Object.fromEntries(
    CLASSES.map((c) => {
      const t = confusion[c][c];
      const predicted = CLASSES.reduce((s, a) => s + confusion[a][c], 0);
      const actual = CLASSES.reduce((s, b) => s + confusion[c][b], 0);
      const p = t / (predicted || 1);
      const r = t / (actual || 1);
      return [c, { precision: p, recall: r, f1: f1(p, r) }];
    }),
  ) as Scores['perClass'];
  const correct = CLASSES.reduce((s, c) => s + confusion[c][c], 0);
  return {
    n: preds.length,
    confusion,
    dm: { precision, recall, f1: f1(precision, recall), tp, fp, fn, tn },
    perClass,
    macroF1: CLASSES.reduce((s, c) => s + perClass[c].f1, 0) / CLASSES.length,
    accuracy: correct / (preds.length || 1),
  };
}

const pct = (x: number) => x.toFixed(3);

export function formatScores(title: string, s: Scores): string {
  const lines = [`## ${title} (n = ${s.n})`, ''];
  lines.push(
    `| truth \\ predicted | ${CLASSES.join(' | ')} |`,
    `|---|${CLASSES.map(() => '---').join('|')}|`,
  );
  for (const a of CLASSES) lines.push(`| ${a} | ${CLASSES.map((b) => s.confusion[a][b]).join(' | ')} |`);
  lines.push(
    '',
    `Direct marketing (yes|likely): precision ${pct(s.dm.precision)}, recall ${pct(s.dm.recall)}, F1 ${pct(s.dm.f1)}` +
      ` (tp ${s.dm.tp}, fp ${s.dm.fp}, fn ${s.dm.fn}, tn ${s.dm.tn})`,
    `4-class macro-F1 ${pct(s.macroF1)}, accuracy ${pct(s.accuracy)}; per class F1: ${CLASSES.map((c) => `${c} ${pct(s.perClass[c].f1)}`).join(', ')}`,
    '',
  );
  return lines.join('\n');
}
