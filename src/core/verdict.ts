/**
 * The verdict: what `check()` returns and what the CLI prints as JSON.
 * Field names and value sets are a public contract (issue #2, "CLI contract"): other tools parse them.
 */

/** How sure the classifier is that the draft is direct marketing. */
export const DM_LEVELS = ['yes', 'likely', 'unclear', 'unlikely', 'no'] as const;
export type DirectMarketingLevel = (typeof DM_LEVELS)[number];

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

/** One phrase behind the verdict. Offsets are UTF-16 code units into the original subject or body. */
export interface Evidence {
  start: number;
  end: number;
  field: Field;
  /** Exactly `original.slice(start, end)`. */
  text: string;
  /** Which purpose the phrase points to; `none` marks service-message language that points away from marketing. */
  purpose: PrimaryPurpose;
  /** Plain-English reason. */
  message: string;
  /** Id of the lexicon pattern that matched (stable, e.g. `fundraising/donate-ask`). */
  patternId: string;
}

/** A rule that applies to this draft in this context, with what it asks of the sender. */
export interface AppliedRule {
  id: string;
  title: string;
  requirement: string;
  citations: Citation[];
}

export type Severity = 'info' | 'warning' | 'error';

/** Something about the draft itself the sender should fix or know before sending. */
export interface DraftCheck {
  id: string;
  severity: Severity;
  message: string;
}

/** A question whose answer would change or firm up the route (the panel offers these as one-click answers). */
export interface Question {
  /** The context field the answer sets. */
  field: string;
  text: string;
  /** Which wording of the question this is, when the data has more than one (for example `charity`). */
  variant?: string;
  options: { value: string; label: string }[];
}

/**
 * Languages the core tells apart. The classifier reads English; Welsh has cue words (src/data/lexicons/welsh.json);
 * the others are recognised only to say that the text was not judged. `other` is any other language (a
 * non-Latin script, for instance); `unknown` is text too short or too plain to tell, which is read as English.
 */
export const LANGUAGE_CODES = [
  'en',
  'cy',
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'other',
  'unknown',
] as const;
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
  /** One plain sentence for the reader; empty when coverage is full. */
  note: string;
  /** The non-English stretches (empty when coverage is full). */
  paragraphs: LanguageSpan[];
}

export interface Verdict {
  directMarketing: DirectMarketingLevel;
  primaryPurpose: PrimaryPurpose;
  /** Per purpose, 0..1: how strongly the draft reads as that purpose. */
  purposes: Record<Purpose, number>;
  route: Route;
  /** One sentence that says why the route was reached. */
  summary: string;
  evidence: Evidence[];
  rules: AppliedRule[];
  checks: DraftCheck[];
  questions: Question[];
  /** Which languages the draft is in and how far the verdict could read them (check() always sets it). */
  language?: LanguageCoverage;
}
