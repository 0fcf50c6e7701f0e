import type { ActKind, PatternRole, ServiceKind } from '../acts/acts.ts';
import type { LanguageReport } from '../language/coverage.ts';
import type { DirectMarketingLevel, Evidence, PrimaryPurpose, Purpose } from '../verdict.ts';

/**
 * Signals the lexicons find. The three purposes make a message direct marketing; the others are cues
 * the rule engine and the draft checks read (see src/data/lexicons/<signal>.json).
 */
export const SIGNALS = [
  'promotional',
  'fundraising',
  'campaigning',
  /** Service/administrative language: your account, order, appointment, payment due, statutory notice. */
  'service',
  /** An unsubscribe / opt-out route: "unsubscribe", "reply STOP". */
  'opt-out',
  /** Asking for marketing consent ("would you like to hear about our offers?"): itself marketing. */
  'consent-request',
  /** Offers from partners or other organisations. */
  'third-party',
  /** Paid-for or commercial services (leisure, tickets, memberships, prices). */
  'paid-service',
  /** Public-task cues: new public service, portal, helpline, consultation, electoral register. */
  'public-task',
  /** Signs the reader asked for this ("as requested", "the brochure you asked for"). */
  'solicited',
  /** Who the sender is: sign-off, organisation name, registered charity/company number, postal address. */
  'sender-identity',
  /** Personal or working correspondence (first-person talk, list discussion): points to an ordinary message. */
  'conversation',
  /** Words that make a sentence a request to the reader (src/core/acts decides what is asked). */
  'request',
] as const;
export type Signal = (typeof SIGNALS)[number];

export const isPurpose = (s: string): s is Purpose =>
  s === 'promotional' || s === 'fundraising' || s === 'campaigning';

/** Where a lexicon pattern's words stand in the draft (its reason: patternMessage(patternId)). */
export interface Located {
  patternId: string;
  field: 'subject' | 'body';
  start: number;
  end: number;
  text: string;
}

/** One lexicon hit, anywhere in the draft (judged text, signature or footer). */
export interface SignalHit extends Located {
  signal: Signal;
  /** How the pattern speaks (src/core/acts); `topic` hits feed the model but are never evidence. */
  role: PatternRole;
  /**
   * False when the hit sits in a signature or footer, or in text the judgement leaves out (the non-English
   * part of a draft judged on its English text; an other-language cue outside text of its language): seen
   * by the checks, left out of the judgement.
   */
  judged: boolean;
  /**
   * True when the sentence's context neutralises the cue (a record line, a negation, an acknowledgement of the
   * reader's own action: src/core/acts): seen by the checks, neither evidence nor counted.
   */
  gated?: boolean;
}

/** What one sentence of the judged text asks of the reader (src/core/acts), with its place in the draft. */
export interface DraftAct extends Located {
  kind: ActKind;
  purpose?: Purpose;
  service?: ServiceKind;
  /** True when a topic word became an ask because the sentence is a request, not an ask pattern in itself. */
  byMood: boolean;
  /** For offers: made in a request sentence ("Enjoy free delivery…"), not a plain description. */
  inRequest?: boolean;
}

/** What the classifier says about the text alone, before any context. */
export interface Classification {
  directMarketing: DirectMarketingLevel;
  primaryPurpose: PrimaryPurpose;
  /** 0..1 per purpose. */
  purposes: Record<Purpose, number>;
  /** Probability the text is any kind of direct marketing (1 - P(none)). */
  pMarketing: number;
  /** The words alone clear the model's "yes" bar (pMarketing ≥ its yes threshold). */
  strong?: boolean;
  /** Evidence for the verdict (judged purpose hits and service hits). */
  evidence: Evidence[];
  /** Every hit of every signal, judged or not; rules and checks read this. */
  hits: SignalHit[];
  /** The acts of the judged English text: asks, offers and service acts, in draft order. */
  acts: DraftAct[];
  /** Count of judged hits per signal. */
  counts: Record<Signal, number>;
  /**
   * The quoted reply history has the reader asking the sender for something ("Could you send over the written
   * quote?"): with the sender's "as asked", the mark of a solicited reply.
   */
  readerRequest?: boolean;
  /** Parts of the body left out of the judgement. */
  excluded: { start: number; end: number; kind: 'quote' | 'signature' | 'truncated' }[];
  /** True when the draft was longer than the analysis limit and only its start was judged. */
  truncated: boolean;
  /** Length of the judged text in words (roughly). */
  words: number;
  /** Which judged text is not in English and what the text level rests on (absent: all English, as before). */
  language?: LanguageReport;
}
