import { type Classification, SIGNALS, type SignalHit } from '../classify/classification.ts';
import { CONTEXT_VALUES, type Context } from '../context.ts';
import { DM_LEVELS, PURPOSES, ROUTES } from '../verdict.ts';
import type { Facts, FactValue } from './conditions.ts';
import { decision } from './data.ts';

const CONTEXT_FIELDS = Object.keys(CONTEXT_VALUES) as (keyof typeof CONTEXT_VALUES)[];

/** Every fact a condition may test. `route` is 'none' until a route step decides; `levelReason` is '' until a level step sets it. */
export const FACT_NAMES: readonly string[] = [
  'level',
  'textLevel',
  'levelReason',
  'route',
  'primaryPurpose',
  ...CONTEXT_FIELDS,
  ...PURPOSES.map((p) => `purposes.${p}`),
  ...SIGNALS.map((s) => `counts.${s}`),
  // Language coverage (src/core/language): 'full' | 'limited', 'english' | 'cues', and the number of
  // other-language purpose cues (Welsh fundraising, promotional, campaigning words) in the judged text.
  'language.coverage',
  'language.basis',
  'language.cues',
  // What the judged text puts to the reader (src/core/acts): explicit asks, asks by a request sentence, offers,
  // and service acts.
  'acts.asks',
  'acts.moodAsks',
  'acts.offers',
  // Offers that name a price or a discount ("just £45", "20% off"): a public authority selling something.
  'acts.pricedOffers',
  'acts.service',
  // The words alone clear the model's "yes" bar.
  'text.strong',
  // Asks (explicit or by a request sentence) per purpose: a public authority campaigns or fundraises only by asking.
  'acts.fundraisingAsks',
  'acts.campaigningAsks',
  // Judged hits per signal and per named hit set (decision.json hitSets), counting the cues a sentence's context
  // neutralises too (counts.* leaves those out): the walkthrough quotes them.
  ...SIGNALS.map((s) => `hits.${s}`),
  ...Object.keys(decision.hitSets).map((name) => `hits.${name}`),
  // Evidence behind the verdict: phrases for any purpose, and per purpose.
  'evidence.marketing',
  ...PURPOSES.map((p) => `evidence.${p}`),
  // Set by the walkthrough while it answers a question: true for the question the deciding step names.
  'walk.decisive',
];

/** Every reason a level step of decision.json can give (the values of the `levelReason` fact besides ''). */
const LEVEL_REASONS: readonly string[] = decision.steps.flatMap((s) =>
  s.kind === 'level' ? s.cases.flatMap((c) => (c.reason ? [c.reason] : [])) : [],
);

/**
 * The values a fact can take, for the facts with a closed set (the others are counts, shares and flags): a value
 * the rule data compares such a fact with must be one of them, so a typo such as `"is": "opted-otu"` is a data
 * error (src/core/rules/data.test.ts), not a condition that silently never holds.
 */
export const FACT_DOMAINS: Readonly<Record<string, readonly FactValue[]>> = {
  level: DM_LEVELS,
  textLevel: DM_LEVELS,
  levelReason: ['', ...new Set(LEVEL_REASONS)],
  route: ['none', ...ROUTES],
  primaryPurpose: ['none', ...PURPOSES],
  ...Object.fromEntries(
    CONTEXT_FIELDS.map((f): [string, readonly FactValue[]] => [
      f,
      [...new Set<FactValue>([...CONTEXT_VALUES[f], 'unknown'])],
    ]),
  ),
  'language.coverage': ['full', 'limited'],
  'language.basis': ['english', 'cues'],
  'text.strong': [true, false],
  'walk.decisive': [true, false],
};

/** The judged hits of a signal or of a named hit set (decision.json hitSets). */
export function hitsIn(classification: Pick<Classification, 'hits'>, name: string): SignalHit[] {
  const set = decision.hitSets[name];
  const signal = set?.signal ?? name;
  const except = set?.except ?? [];
  const only = set?.only;
  return classification.hits.filter(
    (h) =>
      h.judged &&
      h.signal === signal &&
      !except.includes(h.patternId) &&
      (!only || only.includes(h.patternId)),
  );
}

/** An offer's words that name a price or a discount. */
const PRICED = /[£$€%]|\d\s*p\b|\b(?:price|prices|pence|per cent|discount|half)\b/i;

/** Flattens classification + context into the facts the rule data tests. Missing values default safely. */
export function buildFacts(classification: Classification, context: Context): Facts {
  const facts: Facts = {
    level: classification.directMarketing,
    textLevel: classification.directMarketing,
    levelReason: '',
    route: 'none',
    primaryPurpose: classification.primaryPurpose,
  };
  for (const field of CONTEXT_FIELDS) facts[field] = context[field] ?? 'unknown';
  facts.channel = context.channel ?? 'email';
  for (const p of PURPOSES) facts[`purposes.${p}`] = classification.purposes?.[p] ?? 0;
  for (const s of SIGNALS) facts[`counts.${s}`] = classification.counts?.[s] ?? 0;
  facts['language.coverage'] = classification.language?.coverage ?? 'full';
  facts['language.basis'] = classification.language?.basis ?? 'english';
  facts['language.cues'] = classification.language?.cues ?? 0;
  const acts = classification.acts ?? [];
  facts['acts.asks'] = acts.filter((a) => a.kind === 'ask' && !a.byMood).length;
  facts['acts.moodAsks'] = acts.filter((a) => a.kind === 'ask' && a.byMood).length;
  facts['acts.offers'] = acts.filter((a) => a.kind === 'offer').length;
  facts['acts.pricedOffers'] = acts.filter((a) => a.kind === 'offer' && PRICED.test(a.text)).length;
  facts['acts.service'] = acts.filter((a) => a.kind === 'service').length;
  facts['text.strong'] = classification.strong ?? classification.pMarketing >= 0.85;
  facts['acts.fundraisingAsks'] = acts.filter(
    (a) => a.kind !== 'service' && a.purpose === 'fundraising',
  ).length;
  facts['acts.campaigningAsks'] = acts.filter(
    (a) => a.kind !== 'service' && a.purpose === 'campaigning',
  ).length;
  for (const s of SIGNALS) facts[`hits.${s}`] = 0;
  for (const h of classification.hits)
    if (h.judged) facts[`hits.${h.signal}`] = (facts[`hits.${h.signal}`] as number) + 1;
  for (const [name, set] of Object.entries(decision.hitSets)) {
    const hits = hitsIn(classification, name);
    facts[`hits.${name}`] = set.distinct
      ? new Set(hits.map((h) => h.text.toLowerCase().replace(/\s+/g, ' '))).size
      : hits.length;
  }
  const evidence = classification.evidence ?? [];
  facts['evidence.marketing'] = evidence.filter((e) => e.purpose !== 'none').length;
  for (const p of PURPOSES) facts[`evidence.${p}`] = evidence.filter((e) => e.purpose === p).length;
  facts['walk.decisive'] = false;
  return facts;
}
