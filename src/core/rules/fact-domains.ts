/**
 * The facts the rule data may test and the values each can take, as functions of the two things the decision data
 * adds to them (its hit sets and its level reasons). Data-free on purpose: the data schemas (src/core/data) check a
 * decision.json against the facts it defines itself, before any module has read it.
 */
import { SIGNALS } from '../classify/classification.ts';
import { CONTEXT_VALUES } from '../context.ts';
import { DM_LEVELS, PURPOSES, ROUTES } from '../verdict.ts';
import type { FactValue } from './conditions.ts';

export const CONTEXT_FIELDS = Object.keys(CONTEXT_VALUES) as (keyof typeof CONTEXT_VALUES)[];

/**
 * Every fact a condition may test, given decision.json's hit set names. `route` is 'none' until a route step
 * decides; `levelReason` is '' until a level step sets it.
 */
export function factNames(hitSetNames: readonly string[]): readonly string[] {
  return [
    'level',
    'textLevel',
    'levelReason',
    'route',
    'primaryPurpose',
    // The purpose the text alone shows, before any level step re-reads it for the sender.
    'textPurpose',
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
    // Offers that are priced or made in a request sentence; asks that name a price; invitations to an event.
    'acts.pushedOffers',
    // Offers put to the reader in a request sentence.
    'acts.requestedOffers',
    'acts.pricedAsks',
    'acts.eventAsks',
    'acts.service',
    // Service acts on the reader's own matter (all but public-service directions), and explicit asks to buy or book.
    'acts.ownMatter',
    'acts.acknowledges',
    'acts.sellingAsks',
    // Of those, asks to book or order.
    'acts.bookingAsks',
    // The words alone clear the model's "yes" bar.
    'text.strong',
    // A promotional cue names a price (a sale, a fee, a sponsorship's cost).
    'text.priced',
    // The quoted history has the reader asking the sender for something.
    'text.readerRequest',
    // Asks (explicit or by a request sentence) per purpose: a public authority campaigns or fundraises only by asking.
    'acts.fundraisingAsks',
    'acts.campaigningAsks',
    // Explicit asks (not by a request sentence, not how to reply or come along) for money, and for the cause.
    'acts.explicitFundraising',
    'acts.explicitCampaigning',
    // Sums asked of the reader, whichever purpose they were read as.
    'acts.sums',
    // Judged hits per signal and per named hit set (decision.json hitSets), counting the cues a sentence's context
    // neutralises too (counts.* leaves those out): the walkthrough quotes them.
    ...SIGNALS.map((s) => `hits.${s}`),
    ...hitSetNames.map((name) => `hits.${name}`),
    // Evidence behind the verdict: phrases for any purpose, and per purpose.
    'evidence.marketing',
    ...PURPOSES.map((p) => `evidence.${p}`),
    // Set by the walkthrough while it answers a question: true for the question the deciding step names.
    'walk.decisive',
  ];
}

/**
 * The values a fact can take, for the facts with a closed set (the others are counts, shares and flags), given
 * every reason a level step of decision.json can give: a value the rule data compares such a fact with must be one
 * of them, so a typo such as `"is": "opted-otu"` is a data error, not a condition that silently never holds.
 */
export function factDomains(levelReasons: readonly string[]): Readonly<Record<string, readonly FactValue[]>> {
  return {
    level: DM_LEVELS,
    textLevel: DM_LEVELS,
    levelReason: ['', ...new Set(levelReasons)],
    route: ['none', ...ROUTES],
    primaryPurpose: ['none', ...PURPOSES],
    textPurpose: ['none', ...PURPOSES],
    ...Object.fromEntries(
      CONTEXT_FIELDS.map((f): [string, readonly FactValue[]] => [
        f,
        [...new Set<FactValue>([...CONTEXT_VALUES[f], 'unknown'])],
      ]),
    ),
    'language.coverage': ['full', 'limited'],
    'language.basis': ['english', 'cues'],
    'text.strong': [true, false],
    'text.priced': [true, false],
    'text.readerRequest': [true, false],
    'walk.decisive': [true, false],
  };
}
