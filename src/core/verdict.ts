/**
 * The verdict: what `check()` returns. Ids, values and findings only (src/core/findings): the words come from
 * `render` in src/i18n/render.ts. The CLI prints it as JSON with the words filled in (src/cli/verdict-json.ts); that
 * JSON's field names and value sets are a public contract (issue #2, "CLI contract"): other tools parse them.
 */
import type { EnumField } from './context.ts';
import type { Finding, MessageRef, Span } from './findings/finding.ts';

/** How sure the classifier is that the draft is direct marketing. */
export const DM_LEVELS = ['yes', 'likely', 'unclear', 'unlikely', 'no'] as const;
export type DirectMarketingLevel = (typeof DM_LEVELS)[number];

/**
 * Whether a level says the draft is direct marketing (`yes` or `likely`). The one definition of it: the badge's
 * headline, the risk, the draft checks, Check at Send and the training quiz all ask this, each adding its own
 * conditions (the route, the purpose) where it needs them.
 */
export const isMarketingLevel = (level: DirectMarketingLevel): boolean =>
  level === 'yes' || level === 'likely';

/** The purposes that make a message direct marketing (DPA 2018 s.122(5): products, services, aims and ideals). */
export const PURPOSES = ['promotional', 'fundraising', 'campaigning'] as const;
export type Purpose = (typeof PURPOSES)[number];
export type PrimaryPurpose = Purpose | 'none';

/** Which legal route the sender would rely on. */
export const ROUTES = [
  'not-direct-marketing',
  'consent-required',
  'consent-held',
  'soft-opt-in',
  'charity-soft-opt-in',
  'corporate-subscriber',
  'solicited',
  'unclear',
] as const;
export type Route = (typeof ROUTES)[number];

export type Field = 'subject' | 'body';

/** A source a rule rests on: ICO guidance or legislation. */
export interface Citation {
  title: string;
  url: string;
}

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * One phrase behind the verdict: a finding (source `evidence`, ruleId = the lexicon pattern, message = its reason)
 * whose span's fields are also at the top level, as in the v1 contract that the highlighters (src/content) and the
 * CLI JSON read. Offsets are UTF-16 code units into the original subject or body.
 */
export interface Evidence extends Finding, Span {
  source: 'evidence';
  span: Span;
  /** Which purpose the phrase points to; `none` marks service-message language that points away from marketing. */
  purpose: PrimaryPurpose;
  /** Id of the lexicon pattern that matched (stable, e.g. `fundraising/donate-ask`; the same as ruleId). */
  patternId: string;
}

/**
 * Something about the draft itself the sender should fix or know before sending: a finding (source `check`) that
 * also keeps the v1 `id` (the same as ruleId), which the Send check (src/content) reads.
 */
export interface DraftCheck extends Finding {
  source: 'check';
  id: string;
}

/** A question whose answer would change or firm up the route (the panel offers these as one-click answers). */
export interface Question {
  /** The context field the answer sets. */
  field: EnumField;
  /** The question's words (a message id; `render` fills it). */
  messageId: MessageRef['messageId'];
  /** Which wording of the question this is, when the data has more than one (for example `charity`). */
  variant?: string;
  /** The answers that settle something, each with its words (a message id). */
  options: { value: string; messageId: MessageRef['messageId'] }[];
}

/** The languages with a function-word profile in src/data/languages.json (src/core/language/detect.ts). */
export const PROFILED = ['en', 'cy', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl'] as const;
export type ProfiledLanguage = (typeof PROFILED)[number];

/**
 * Languages the core tells apart. The classifier reads English; Welsh has cue words (src/data/lexicons/welsh.json);
 * the others are recognised only to say that the text was not judged. `other` is any other language (a
 * non-Latin script, for instance); `unknown` is text too short or too plain to tell, which is read as English.
 */
export const LANGUAGE_CODES = [...PROFILED, 'other', 'unknown'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** A judged stretch of the draft that is not in English. Offsets as in Evidence. */
export interface LanguageSpan {
  field: Field;
  start: number;
  end: number;
  language: LanguageCode;
  /** 0..1: how clearly the text is in that language. */
  confidence: number;
}

/** Which languages the draft is in and how far the verdict could read them. */
export interface LanguageCoverage {
  /** The language of most of the judged text (`unknown` when no stretch could be identified). */
  primary: LanguageCode;
  /** `full`: the classifier read all of the judged text; `limited`: some or most of it is not in English. */
  coverage: 'full' | 'limited';
  /**
   * What the verdict rests on. `english`: the classifier's reading of the English text (other-language parts
   * checked by cue words only, or not at all). `cues`: too little English, so the text-level verdict rests on
   * cue words and is never lower than `unclear`.
   */
  basis: 'english' | 'cues';
  /** One plain sentence for the reader (absent when coverage is full). */
  note?: MessageRef;
  /** The non-English stretches (empty when coverage is full). */
  paragraphs: LanguageSpan[];
}

export interface Verdict {
  directMarketing: DirectMarketingLevel;
  primaryPurpose: PrimaryPurpose;
  /** Per purpose, 0..1: how strongly the draft reads as that purpose. */
  purposes: Record<Purpose, number>;
  route: Route;
  /** The decision step that set the route (source `route`): its message is the one-sentence summary of why. */
  decision: Finding;
  evidence: Evidence[];
  /**
   * What each sentence of the judged text asks of its reader or does for them (source `act`): an ask or an offer
   * (a marketing element) or a service act (it acknowledges, records, instructs, states a duty).
   */
  acts: Finding[];
  /** The rules that apply (source `rule`): the message is the rule's title, the note what it asks of the sender. */
  rules: Finding[];
  checks: DraftCheck[];
  questions: Question[];
  /** Which languages the draft is in and how far the verdict could read them (check() always sets it). */
  language?: LanguageCoverage;
}
