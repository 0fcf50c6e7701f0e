import { CHANNEL_ASKS, PRICED } from '../acts/acts.ts';
import { type Classification, SIGNALS, type SignalHit } from '../classify/classification.ts';
import type { Context } from '../context.ts';
import { PURPOSES, type Purpose } from '../verdict.ts';
import type { Facts, FactValue } from './conditions.ts';
import { decision } from './data.ts';
import { CONTEXT_FIELDS, factDomains, factNames } from './fact-domains.ts';

/** Every fact a condition may test (src/core/rules/fact-domains.ts), with decision.json's hit sets. */
export const FACT_NAMES: readonly string[] = factNames(Object.keys(decision.hitSets));

/** Every reason a level step of decision.json can give (the values of the `levelReason` fact besides ''). */
const LEVEL_REASONS: readonly string[] = decision.steps.flatMap((s) =>
  s.kind === 'level' ? s.cases.flatMap((c) => (c.reason ? [c.reason] : [])) : [],
);

/** The values a fact can take, for the facts with a closed set (src/core/rules/fact-domains.ts). */
export const FACT_DOMAINS: Readonly<Record<string, readonly FactValue[]>> = factDomains(LEVEL_REASONS);

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

/** Flattens classification + context into the facts the rule data tests. Missing values default safely. */
export function buildFacts(classification: Classification, context: Context): Facts {
  const facts: Facts = {
    level: classification.directMarketing,
    textLevel: classification.directMarketing,
    levelReason: '',
    route: 'none',
    primaryPurpose: classification.primaryPurpose,
    textPurpose: classification.primaryPurpose,
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
  // A promotional cue with a price in its words, wherever it stands ("For £1,500 a year, your logo…"), not one a
  // context neutralises.
  facts['text.priced'] = classification.hits.some(
    (h) => h.judged && !h.gated && h.signal === 'promotional' && PRICED.test(h.text),
  );
  // Offers put to the reader: priced, or made in a request sentence ("Enjoy free delivery on your next order"), as
  // against a free thing mentioned as a detail of the reader's own booking ("Free parking at the rear").
  facts['acts.pushedOffers'] = acts.filter(
    (a) => a.kind === 'offer' && (a.inRequest === true || PRICED.test(a.text)),
  ).length;
  // Offers put to the reader in a request sentence ("Show this text for a free coffee on your next visit").
  facts['acts.requestedOffers'] = acts.filter((a) => a.kind === 'offer' && a.inRequest === true).length;
  // Asks with a price in their words ("Add it to your booking for £25 per person").
  facts['acts.pricedAsks'] = acts.filter((a) => a.kind === 'ask' && PRICED.test(a.text)).length;
  // Invitations to come along to an event ("Please come along", "Join us for…").
  facts['acts.eventAsks'] = acts.filter(
    (a) => a.kind === 'ask' && a.patternId === 'promotional/event-promo',
  ).length;
  facts['acts.service'] = acts.filter((a) => a.kind === 'service').length;
  // Kinds of service act (distinct patterns, so repeating a draft never changes them) that deal with the reader's own
  // matter (not a public service's directions, such as a polling station), and acknowledgements of what the reader
  // did or has (a donation, an order, a booking): the mark of a receipt.
  const distinct = (keep: (a: (typeof acts)[number]) => boolean) =>
    new Set(acts.filter(keep).map((a) => a.patternId)).size;
  facts['acts.ownMatter'] = distinct((a) => a.kind === 'service' && a.service !== 'public-service');
  facts['acts.acknowledges'] = distinct((a) => a.kind === 'service' && a.service === 'acknowledge');
  // Explicit asks in the sender's own words, per purpose: not a topic word in a request, and not how to reply, sign up
  // or come along (CHANNEL_ASKS). To buy or book: sellingAsks; for money or for the cause ("Please consider making a
  // donation today", "Sign the petition"): explicitFundraising and explicitCampaigning.
  const explicit = (purpose: Purpose) =>
    acts.filter(
      (a) => a.kind === 'ask' && !a.byMood && a.purpose === purpose && !CHANNEL_ASKS.has(a.patternId),
    ).length;
  facts['acts.sellingAsks'] = explicit('promotional');
  // Of those, asks to book or order ("Book now", "Order now"), as against switching or upgrading to something else.
  facts['acts.bookingAsks'] = acts.filter(
    (a) =>
      a.kind === 'ask' &&
      !a.byMood &&
      (a.patternId === 'promotional/book-now' || a.patternId === 'promotional/buy-now'),
  ).length;
  facts['text.strong'] = classification.strong ?? classification.pMarketing >= 0.85;
  facts['text.readerRequest'] = classification.readerRequest === true;
  facts['acts.fundraisingAsks'] = acts.filter(
    (a) => a.kind !== 'service' && a.purpose === 'fundraising',
  ).length;
  facts['acts.campaigningAsks'] = acts.filter(
    (a) => a.kind !== 'service' && a.purpose === 'campaigning',
  ).length;
  facts['acts.explicitFundraising'] = explicit('fundraising');
  facts['acts.explicitCampaigning'] = explicit('campaigning');
  // Sums asked of the reader ("just £5 a month", "£10 or more"), read as gifts or, with no word of giving, as
  // prices (classify.ts: sumsAsPrices): from a party, which sells nothing, they are gifts all the same.
  facts['acts.sums'] = acts.filter((a) => a.patternId === 'fundraising/amount-ask').length;
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
