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

/** A uk_dev item's outcome: the check's level, purpose and route against the expert's dm judgement. */
export interface UkOutcome {
  id: string;
  sender: string;
  channel: 'email' | 'sms';
  dm: 'dm' | 'not-dm' | 'arguable';
  label: ModelClass;
  level: string;
  purpose: string;
  route: string;
  questions: string[];
}

const isDmLevel = (level: string) => level === 'yes' || level === 'likely';

/** The route a uk_dev item should reach in the context the corpus gives (sender and channel only). */
export function expectedRoute(o: UkOutcome): string | null {
  if (o.dm === 'arguable') return null;
  return o.dm === 'dm' ? 'consent-required' : 'not-direct-marketing';
}

export interface UkScores {
  notDm: number;
  falseAlarms: number;
  unclearOnNotDm: number;
  dm: number;
  caught: number;
  unclearOnDm: number;
  purposeRight: number;
  routeScored: number;
  routeRight: number;
  arguable: { dm: number; unclear: number; notDm: number };
}

export function scoreUk(outcomes: UkOutcome[]): UkScores {
  const s: UkScores = {
    notDm: 0,
    falseAlarms: 0,
    unclearOnNotDm: 0,
    dm: 0,
    caught: 0,
    unclearOnDm: 0,
    purposeRight: 0,
    routeScored: 0,
    routeRight: 0,
    arguable: { dm: 0, unclear: 0, notDm: 0 },
  };
  for (const o of outcomes) {
    const flagged = isDmLevel(o.level);
    if (o.dm === 'not-dm') {
      s.notDm++;
      if (flagged) s.falseAlarms++;
      if (o.level === 'unclear') s.unclearOnNotDm++;
    } else if (o.dm === 'dm') {
      s.dm++;
      if (flagged) s.caught++;
      if (o.level === 'unclear') s.unclearOnDm++;
      if (o.purpose === o.label) s.purposeRight++;
    } else if (flagged) s.arguable.dm++;
    else if (o.level === 'unclear') s.arguable.unclear++;
    else s.arguable.notDm++;
    const want = expectedRoute(o);
    if (want) {
      s.routeScored++;
      if (o.route === want) s.routeRight++;
    }
  }
  return s;
}

const frac = (a: number, b: number) => `${a}/${b} (${b ? ((100 * a) / b).toFixed(1) : '–'}%)`;

export function formatUk(title: string, outcomes: UkOutcome[]): string {
  const lines = [`## ${title} (n = ${outcomes.length})`, ''];
  const row = (name: string, os: UkOutcome[]) => {
    const s = scoreUk(os);
    return `| ${name} | ${os.length} | ${frac(s.falseAlarms, s.notDm)} | ${frac(s.unclearOnNotDm, s.notDm)} | ${frac(s.caught, s.dm)} | ${frac(s.purposeRight, s.dm)} | ${frac(s.routeRight, s.routeScored)} | ${s.arguable.dm} / ${s.arguable.unclear} / ${s.arguable.notDm} |`;
  };
  lines.push(
    '| sender | n | false alarms on not-dm | unclear on not-dm | recall on dm | purpose right on dm | route right | arguable: dm / unclear / not |',
    '|---|---|---|---|---|---|---|---|',
    row('**all**', outcomes),
  );
  for (const sender of [...new Set(outcomes.map((o) => o.sender))].sort()) {
    lines.push(
      row(
        sender,
        outcomes.filter((o) => o.sender === sender),
      ),
    );
  }
  for (const channel of ['email', 'sms'] as const) {
    lines.push(
      row(
        `(${channel})`,
        outcomes.filter((o) => o.channel === channel),
      ),
    );
  }
  const levels = ['yes', 'likely', 'unclear', 'unlikely', 'no'];
  lines.push(
    '',
    '| judgement \\ level | yes | likely | unclear | unlikely | no |',
    '|---|---|---|---|---|---|',
  );
  for (const dm of ['dm', 'arguable', 'not-dm'] as const) {
    const os = outcomes.filter((o) => o.dm === dm);
    lines.push(`| ${dm} | ${levels.map((l) => os.filter((o) => o.level === l).length).join(' | ')} |`);
  }
  const wrong = outcomes.filter(
    (o) =>
      (o.dm === 'not-dm' && isDmLevel(o.level)) ||
      (o.dm === 'dm' && (!isDmLevel(o.level) || o.purpose !== o.label)),
  );
  lines.push('', `Wrong items (${wrong.length}): id, judgement/label → level purpose route`, '');
  for (const o of wrong) lines.push(`- ${o.id} ${o.dm}/${o.label} → ${o.level} ${o.purpose} ${o.route}`);
  lines.push('');
  return lines.join('\n');
}
