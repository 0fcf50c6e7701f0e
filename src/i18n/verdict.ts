/**
 * The core's own words in the interface language. The core is pure and speaks English; its text comes from the
 * data files, each piece with a stable id (rule ids, question fields and answer values, route steps, check ids).
 * Here each piece is found again by that id, or, for sentences the core fills in (a summary with its purpose, a
 * check with a count), by matching the English against the same data templates it was filled from. The Welsh
 * catalogue holds the same templates under keys derived from those ids.
 *
 * Anything not found (new data not yet translated) stays in English and says so: `lang: 'en'`, so the surface
 * marks it `lang="en"` and a screen reader reads it as English. In English nothing is looked up at all.
 *
 * Evidence reasons (one per lexicon pattern, about 300) and the training walkthrough's answers stay English in
 * this version; the surfaces say so in Welsh (README, "Welsh and English").
 */
import decisionJson from '../data/decision.json' with { type: 'json' };
import languagesJson from '../data/languages.json' with { type: 'json' };
import checksJson from '../data/rules/checks.json' with { type: 'json' };
import { englishCatalogue, getLocale, joinList, type Locale, lookup, type Substitution } from './index.ts';

/** A piece of text and the language it is actually in (English when no translation exists). */
export interface Localised {
  text: string;
  lang: Locale;
}

/** Catalogue names for data ids: `opted-out-must-not-send` → `opted_out_must_not_send`. */
export const keyPart = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');

const english = (text: string): Localised => ({ text, lang: 'en' });

function translated(key: string, english: string, values: Record<string, Substitution> = {}): Localised {
  if (getLocale() === 'en') return { text: english, lang: 'en' };
  const text = lookupNamed(key, values);
  return text === undefined ? { text: english, lang: 'en' } : { text, lang: getLocale() };
}

/**
 * A data message with named values. Placeholder names are the data's own (`{count}` → `$COUNT$`); the English
 * catalogue entry says which position each name takes ($1, $2…), and a test makes the Welsh entry agree.
 */
export function lookupNamed(key: string, values: Record<string, Substitution>): string | undefined {
  const byName = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  const subs: Substitution[] = [];
  for (const [name, p] of Object.entries(englishCatalogue()[key]?.placeholders ?? {})) {
    const position = /^\$([1-9])$/.exec(p.content)?.[1];
    if (position) subs[Number(position) - 1] = byName.get(name.toLowerCase()) ?? '';
  }
  return lookup(key, ...subs);
}

/**
 * The sender-identity check as the in-page UI words it when the organisation's name is set: the page must never be
 * able to read the name from our panel or dialog (issue 11), so it says "your organisation's name" instead.
 */
export const SENDER_NAME_HIDDEN =
  'Your organisation’s name does not appear in the draft, so recipients may not be able to tell who is sending it. Marketing messages must not hide the sender.';

// ————— Templates: the data's English with {slots}, matched back to their values —————

type SlotReader = (english: string) => Substitution | undefined;

interface Template {
  /** The catalogue name of the translation. */
  key: string;
  /** The data's English, with `{name}` slots. */
  english: string;
  /** How to turn each slot's English value into the target language (default: unchanged). */
  slots?: Record<string, SlotReader>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiled = new WeakMap<Template, { re: RegExp; names: string[] }>();

function compile(template: Template) {
  let c = compiled.get(template);
  if (!c) {
    const names: string[] = [];
    const source = template.english
      .split(/(\{\w+\})/)
      .map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (!m) return escapeRegExp(part);
        names.push(m[1] as string);
        return '([\\s\\S]*?)';
      })
      .join('');
    c = { re: new RegExp(`^${source}$`), names };
    compiled.set(template, c);
  }
  return c;
}

/** The first template the English matches, with its slot values translated; undefined if none matches. */
function matchTemplates(templates: readonly Template[], text: string): string | undefined {
  for (const template of templates) {
    const { re, names } = compile(template);
    const m = re.exec(text);
    if (!m) continue;
    const values: Record<string, Substitution> = {};
    let ok = true;
    names.forEach((name, i) => {
      const raw = m[i + 1] ?? '';
      const read = template.slots?.[name];
      const value = read ? read(raw) : raw;
      if (value === undefined) ok = false;
      else values[name] = value;
    });
    if (!ok) continue;
    const out = lookupNamed(template.key, values);
    if (out !== undefined) return out;
  }
  return undefined;
}

function localiseBy(templates: () => readonly Template[], text: string): Localised {
  if (getLocale() === 'en') return english(text);
  const out = matchTemplates(templates(), text);
  return out === undefined ? english(text) : { text: out, lang: getLocale() };
}

// ————— Summaries (decision.json route steps) —————

interface RouteStep {
  id: string;
  kind: string;
  summary?: string;
}
const decision = decisionJson as unknown as { purposeLabels: Record<string, string>; steps: RouteStep[] };

let summaryTemplates: Template[] | undefined;
function summaries(): Template[] {
  summaryTemplates ??= decision.steps
    .filter((s) => s.kind === 'route' && typeof s.summary === 'string')
    .map((s) => ({
      key: `summary_${keyPart(s.id)}`,
      english: s.summary as string,
      slots: { purpose: purposePhrase },
    }));
  return summaryTemplates;
}

/** decision.json's purpose label ("asks for donations or support") → its phrase in the current language. */
function purposePhrase(englishLabel: string): string | undefined {
  const purpose = Object.entries(decision.purposeLabels).find(([, label]) => label === englishLabel)?.[0];
  return purpose === undefined ? undefined : lookup(`summary_purpose_${keyPart(purpose)}`);
}

export function summaryText(summary: string): Localised {
  return localiseBy(summaries, summary);
}

// ————— Rules (catalogue.json, by id) —————

export function ruleTitle(rule: { id: string; title: string }): Localised {
  return translated(`rule_${keyPart(rule.id)}_title`, rule.title);
}

export function ruleRequirement(rule: { id: string; requirement: string }): Localised {
  return translated(`rule_${keyPart(rule.id)}_req`, rule.requirement);
}

// ————— Questions (questions.json, by context field and answer value) —————

export function questionText(q: { field: string; text: string; variant?: string }): Localised {
  const variant = q.variant ? `__${keyPart(q.variant)}` : '';
  return translated(`question_${keyPart(q.field)}${variant}`, q.text);
}

export function optionLabel(q: { field: string }, o: { value: string; label: string }): Localised {
  return translated(`question_${keyPart(q.field)}_${keyPart(o.value)}`, o.label);
}

// ————— Draft checks (checks.json, by check id and variant) —————

type LanguageCode = keyof typeof languagesJson.names;
const languageNames = languagesJson.names as Record<LanguageCode, string>;

/** One English language name ("French", "another language") → the current language's. */
function languageName(name: string): string | undefined {
  const code = (Object.keys(languageNames) as LanguageCode[]).find((c) => languageNames[c] === name);
  return code === undefined ? undefined : lookup(`language_name_${code}`);
}

/** "French, German and Dutch" (the core's English list) → the same list in the current language. */
function languageList(list: string): string | undefined {
  const names = list.split(/, | and /);
  const out = names.map(languageName);
  return out.every((n) => n !== undefined) ? joinList(out as string[]) : undefined;
}

const count: SlotReader = (raw) => (/^\d[\d,]*$/.test(raw) ? raw : undefined);
const verbatim: SlotReader = (raw) => raw;

const checks = checksJson as unknown as {
  'opt-out-missing': { message: { email: string; sms: string }; softOptInSuffix: string };
  'sender-unidentified': { message: string; messageWithName: string };
  'recipients-exposed': { message: string };
  'opted-out': { message: string };
  'consent-request-is-marketing': { message: string };
  'recipients-look-individual': { message: string };
  'draft-truncated': { message: string };
  'language-coverage-limited': {
    message: { 'cues-cy': string; 'cues-other': string; english: string };
    parts: { cy: string; other: string };
    found: { none: string; one: string; many: string };
  };
};

let checkTemplates: Record<string, Template[]> | undefined;
function checkTemplatesFor(id: string): readonly Template[] {
  if (!checkTemplates) {
    const o = checks['opt-out-missing'];
    const lang = checks['language-coverage-limited'];
    const found: Template[] = [
      { key: 'check_language_found_none', english: lang.found.none },
      { key: 'check_language_found_one', english: lang.found.one },
      { key: 'check_language_found_many', english: lang.found.many, slots: { count } },
    ];
    const foundSlot: SlotReader = (raw) => matchTemplates(found, raw);
    const cyPart: Template = {
      key: 'check_language_part_cy',
      english: lang.parts.cy,
      slots: { found: foundSlot },
    };
    const otherPart: Template = {
      key: 'check_language_part_other',
      english: lang.parts.other,
      slots: { language: languageList },
    };
    const parts: Template[] = [
      // Both parts, Welsh first, as the core joins them with a space.
      {
        key: 'check_language_parts_both',
        english: `${lang.parts.cy} ${lang.parts.other}`,
        slots: { found: foundSlot, language: languageList },
      },
      cyPart,
      otherPart,
    ];
    checkTemplates = {
      'opt-out-missing': [
        { key: 'check_opt_out_missing_email_soft', english: o.message.email + o.softOptInSuffix },
        { key: 'check_opt_out_missing_sms_soft', english: o.message.sms + o.softOptInSuffix },
        { key: 'check_opt_out_missing_email', english: o.message.email },
        { key: 'check_opt_out_missing_sms', english: o.message.sms },
      ],
      'sender-unidentified': [
        { key: 'check_sender_unidentified', english: checks['sender-unidentified'].message },
        { key: 'check_sender_unidentified_org', english: SENDER_NAME_HIDDEN },
        {
          key: 'check_sender_unidentified_name',
          english: checks['sender-unidentified'].messageWithName,
          slots: { senderName: verbatim },
        },
      ],
      'recipients-exposed': [
        { key: 'check_recipients_exposed', english: checks['recipients-exposed'].message, slots: { count } },
      ],
      'opted-out': [{ key: 'check_opted_out', english: checks['opted-out'].message }],
      'consent-request-is-marketing': [
        {
          key: 'check_consent_request_is_marketing',
          english: checks['consent-request-is-marketing'].message,
        },
      ],
      'recipients-look-individual': [
        {
          key: 'check_recipients_look_individual',
          english: checks['recipients-look-individual'].message,
          slots: { count },
        },
      ],
      'draft-truncated': [
        {
          key: 'check_draft_truncated',
          english: checks['draft-truncated'].message,
          slots: { analysed: count },
        },
      ],
      'language-coverage-limited': [
        { key: 'check_language_cues_cy', english: lang.message['cues-cy'], slots: { found: foundSlot } },
        {
          key: 'check_language_cues_other',
          english: lang.message['cues-other'],
          slots: { language: languageName },
        },
        {
          key: 'check_language_english',
          english: lang.message.english,
          slots: { parts: (raw) => matchTemplates(parts, raw) },
        },
      ],
    };
  }
  return checkTemplates[id] ?? [];
}

export function checkText(c: { id: string; message: string }): Localised {
  return localiseBy(() => checkTemplatesFor(c.id), c.message);
}

// ————— The language-coverage note (languages.json notes) —————

let noteTemplates: Template[] | undefined;
function notes(): Template[] {
  const n = (languagesJson as unknown as { notes?: Record<string, string> }).notes ?? {};
  noteTemplates ??= Object.entries(n).map(([kind, english]) => ({
    key: `coverage_note_${keyPart(kind)}`,
    english,
    slots: { language: (raw: string) => languageList(raw) },
  }));
  return noteTemplates;
}

export function coverageNote(note: string): Localised {
  return localiseBy(notes, note);
}

// ————— Evidence reasons: English in this version —————

/** An evidence phrase's reason. Lexicon reasons are not translated yet, so this is always English. */
export function evidenceReason(e: { message: string }): Localised {
  return english(e.message);
}
