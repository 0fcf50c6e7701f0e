/**
 * The one place where what the core found becomes words. The core speaks in ids and parameters (src/core/findings);
 * `render` turns a finding into English or Welsh for every surface (panel, popup, Send dialog, training page, CLI),
 * from the catalogues `public/_locales/{en,cy}/messages.json`, which hold each sentence once.
 *
 * Anything without a Welsh entry (a lexicon pattern's reason, English-only by design in this version) comes out in
 * English and says so: `lang: 'en'`, so the surface marks it `lang="en-GB"` and a screen reader reads it as English.
 */
// Values only from the light modules of the core: the content script renders findings in its first chunk, and the
// core itself (src/core/index.ts, with compromise) must stay in the chunk it loads lazily.
import { isMessageRef } from '../core/findings/finding.ts';
import { citation, patternMessage } from '../core/findings/sources.ts';
import type {
  Citation,
  Finding,
  MessageId,
  MessageRef,
  Param,
  Params,
  Question,
  WalkStep,
} from '../core/index.ts';
import {
  type CatalogueEntry,
  catalogueIn,
  englishCatalogue,
  format,
  getLocale,
  joinList,
  type Locale,
  type Substitution,
} from './index.ts';

/** A piece of text and the language it is actually in (English when no translation exists). */
export interface Localised {
  text: string;
  lang: Locale;
}

/** A finding in words. */
export interface RenderedFinding {
  message: Localised;
  note?: Localised;
  citations: Citation[];
}

/** Catalogue names for data ids: `opted-out-must-not-send` → `opted_out_must_not_send`. */
export const keyPart = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');

const LEXICON = 'lexicon:';

function entry(key: string, locale: Locale): CatalogueEntry | undefined {
  const catalogue = catalogueIn(locale);
  return catalogue && Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
}

/** Fills a message's placeholders by name (`$COUNT$` takes `params.count`; names match in any case). */
function fill(message: CatalogueEntry, params: Params, locale: Locale): string {
  const byName = new Map(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
  const subs: Substitution[] = [];
  for (const [name, p] of Object.entries(message.placeholders ?? {})) {
    const position = /^\$([1-9])$/.exec(p.content)?.[1];
    if (!position) continue;
    const value = byName.get(name.toLowerCase());
    subs[Number(position) - 1] = value === undefined ? '' : paramText(value, locale);
  }
  return format(message, subs);
}

function paramText(p: Param, locale: Locale): string {
  if (typeof p === 'string') return p;
  // Counts are written with British digit grouping in both languages (12, 1,250, 400,000).
  if (typeof p === 'number') return p.toLocaleString('en-GB');
  if (isMessageRef(p)) return renderMessage(p, locale).text;
  if ('language' in p)
    return renderMessage({ messageId: `language_name_${p.language}` as MessageId }, locale).text;
  return joinList(
    p.list.map((item) => paramText(item, locale)),
    locale,
  );
}

/** One message with its values, in `locale` (the interface language by default), else in English. */
export function renderMessage(ref: MessageRef | MessageId, locale: Locale = getLocale()): Localised {
  const { messageId, params = {} } = typeof ref === 'string' ? { messageId: ref } : ref;
  if (messageId.startsWith(LEXICON)) {
    const id = messageId.slice(LEXICON.length);
    const own = locale === 'en' ? undefined : entry(`lexicon_${keyPart(id)}`, locale);
    if (own) return { text: fill(own, params, locale), lang: locale };
    return { text: patternMessage(id) ?? id, lang: 'en' };
  }
  const own = entry(messageId, locale);
  if (own) return { text: fill(own, params, locale), lang: locale };
  const english = englishCatalogue()[messageId];
  // An id with no English is a data bug that the catalogue tests catch; show the id rather than nothing.
  return { text: english ? fill(english, params, 'en') : messageId, lang: 'en' };
}

/** A finding's message, note and sources, in `locale` (the interface language by default). */
export function render(finding: Finding, locale: Locale = getLocale()): RenderedFinding {
  const { params } = finding;
  const out: RenderedFinding = {
    message: renderMessage({ messageId: finding.messageId, params }, locale),
    citations: finding.citations.map(citation),
  };
  if (finding.noteId) out.note = renderMessage({ messageId: finding.noteId, params }, locale);
  return out;
}

/**
 * One line per finding, for golden tests and logs: `12-20 info fundraising/donate-ask: Asks for a donation.`
 * (`subject:0-6` for words of the subject; no position for a finding about the whole draft), always in English.
 */
export function findingToString(finding: Finding): string {
  const s = finding.span;
  const at = s ? `${s.field === 'subject' ? 'subject:' : ''}${s.start}-${s.end} ` : '';
  return `${at}${finding.severity} ${finding.ruleId}: ${render(finding, 'en').message.text}`;
}

/** A walkthrough step in words. */
export interface RenderedStep {
  question: Localised;
  answer: Localised;
  /** The reasons, one sentence after another. */
  because: Localised;
  citations: Citation[];
}

/** A walkthrough step (src/core/walkthrough.ts) in `locale`; sentences with no translation stay English, as a whole. */
export function renderStep(step: WalkStep, locale: Locale = getLocale()): RenderedStep {
  const parts = step.because.map((ref) => renderMessage(ref, locale));
  const lang = parts.every((p) => p.lang === locale) ? locale : 'en';
  const because = (lang === locale ? parts : step.because.map((ref) => renderMessage(ref, 'en')))
    .map((p) => p.text)
    .join(' ');
  return {
    question: renderMessage(step.question, locale),
    answer: renderMessage(step.answer, locale),
    because: { text: because, lang },
    citations: step.citations.map(citation),
  };
}

/** A question (src/core/verdict.ts) and its answers in words. */
export interface RenderedQuestion {
  text: Localised;
  options: { value: string; label: Localised }[];
}

export function renderQuestion(q: Question, locale: Locale = getLocale()): RenderedQuestion {
  return {
    text: renderMessage(q.messageId, locale),
    options: q.options.map((o) => ({ value: o.value, label: renderMessage(o.messageId, locale) })),
  };
}
