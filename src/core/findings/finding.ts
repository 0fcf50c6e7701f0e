/**
 * What the core says, as data: ids and parameters, never prose. Every surface (panel, popup, Send dialog, training
 * page, CLI) turns a finding into English or Welsh with one function, `render` in src/i18n/render.ts, so a sentence
 * is written once, in the catalogues (public/_locales/{en,cy}/messages.json), and never parsed back.
 *
 * The shape follows vfile-message and Vale's Alert: a rule id, a severity, the words it is about (a span, when it
 * is about words of the draft), the message and an optional note (ids), the values they fill in, and the sources.
 */
import type enMessages from '../../../public/_locales/en/messages.json';
import type citationsJson from '../../data/citations.json';
import type { LanguageCode, Severity } from '../verdict.ts';

/** A key of the English catalogue (the reference: a key missing from it is a compile error). */
export type CatalogueKey = keyof typeof enMessages;

/**
 * The id of a message: a catalogue key, or `lexicon:<pattern id>` for the reason a lexicon pattern gives
 * (src/data/lexicons/*.json `message`, the English source of ~150 phrase-level reasons).
 */
export type MessageId = CatalogueKey | `lexicon:${string}`;

/**
 * English-only in this version, by design (README, "Welsh and English"): the decision walkthrough's answers, reasons
 * and route names. In Welsh they show in English, marked `lang="en-GB"`; the questions themselves are translated.
 */
export const ENGLISH_ONLY_MESSAGES = /^walk_(answer|because|route)_/;

/** An id into src/data/citations.json. */
export type CitationId = Exclude<keyof typeof citationsJson, '$comment'>;

/**
 * A value a message fills in: verbatim text (a name, the draft's own words), a count (written with the locale's
 * digit grouping), another message (rendered in the same language), a language's name, or a list of values ("a, b
 * and c" in the reader's language).
 */
export type Param =
  | string
  | number
  | MessageRef
  | { readonly language: LanguageCode }
  | { readonly list: readonly Param[] };

/** Named values; a message refers to them by name (`$COUNT$` is `count`). */
export type Params = Readonly<Record<string, Param>>;

/** A message with its values. */
export interface MessageRef {
  readonly messageId: MessageId;
  readonly params?: Params;
}

/** Words of the draft: UTF-16 code-unit offsets into the original subject or body, and the words themselves. */
export interface Span {
  field: 'subject' | 'body';
  start: number;
  end: number;
  /** Exactly `original.slice(start, end)`. */
  text: string;
}

export const FINDING_SOURCES = ['evidence', 'act', 'check', 'rule', 'route'] as const;
/**
 * What produced a finding: `evidence` a lexicon phrase behind the verdict, `act` what a sentence asks of (or does
 * for) its reader, `check` a draft check, `rule` a rule that applies, `route` the decision step that set the route.
 */
export type FindingSource = (typeof FINDING_SOURCES)[number];

/** One thing the core found. JSON-safe: no functions, no prose. */
export interface Finding {
  source: FindingSource;
  /**
   * The stable id of what produced it: a lexicon pattern (`fundraising/donate-ask`) for evidence and acts, a draft
   * check (`opt-out-missing`), a rule (`consent-required`), or a decision step (`products-soft-opt-in`).
   */
  ruleId: string;
  severity: Severity;
  /** The words it is about, when it is about words of the draft. */
  span?: Span;
  /** What it says. */
  messageId: MessageId;
  /** Why, or what to do (a rule's requirement, the reason behind an act). Filled with the same params. */
  noteId?: MessageId;
  /** The values the message and note fill in. */
  params: Params;
  /** The sources it rests on. */
  citations: CitationId[];
}

export const isMessageRef = (p: Param): p is MessageRef =>
  typeof p === 'object' && p !== null && 'messageId' in p;
