/**
 * The two catalogues (public/_locales/{en,cy}/messages.json): the same keys, the same placeholders, valid for the
 * browsers' own loaders, actually translated, and in step with the English data the core speaks.
 */
import { describe, expect, test } from 'vitest';
import cyMessages from '../../public/_locales/cy/messages.json' with { type: 'json' };
import enMessages from '../../public/_locales/en/messages.json' with { type: 'json' };
import decision from '../data/decision.json' with { type: 'json' };
import languages from '../data/languages.json' with { type: 'json' };
import catalogue from '../data/rules/catalogue.json' with { type: 'json' };
import checks from '../data/rules/checks.json' with { type: 'json' };
import questions from '../data/rules/questions.json' with { type: 'json' };
import { type Catalogue, LOCALES, loadCatalogue } from './index.ts';
import { keyPart } from './verdict.ts';

const en = enMessages as Catalogue;
const cy = cyMessages as Catalogue;
const CATALOGUES: Record<(typeof LOCALES)[number], Catalogue> = { en, cy };

/**
 * Keys whose Welsh is, correctly, the same as the English: a format with no words, a word Welsh shares, the
 * languages' own names (a language picker shows each in its own language), and proper names.
 */
const SAME_IN_WELSH = new Set([
  'common_sms', // SMS
  'severity_error', // Problem
  'options_problem', // Problem:
  'headline_purpose', // $LEVEL$ — $PURPOSE$
  'training_sector', // Sector
  'language_endonym_en',
  'language_endonym_cy',
  'log_unreadable', // $HEADING$ ($ERROR$).
]);

/**
 * English-only in this version, by design (README, "Welsh and English"): the decision walkthrough's answers, reasons
 * and route names. In Welsh they show in English, marked `lang="en-GB"`; the questions themselves are translated.
 */
const ENGLISH_ONLY = /^walk_(answer|because|route)_/;

/** `$name$` references in a message, lower-cased. */
const references = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase());

describe.each(LOCALES)('the %s catalogue is valid for browsers', (locale) => {
  const messages: Catalogue = CATALOGUES[locale];

  test('keys use only ASCII letters, digits and underscores, are unique ignoring case, none reserved', () => {
    const seen = new Map<string, string>();
    for (const key of Object.keys(messages)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(key.startsWith('@@'), key).toBe(false);
      const folded = key.toLowerCase();
      expect(seen.get(folded), `${key} clashes with ${seen.get(folded)}`).toBeUndefined();
      seen.set(folded, key);
    }
  });

  test.each(Object.keys(messages))('%s: a non-empty message, placeholders declared and used', (key) => {
    const entry = messages[key]!;
    expect(typeof entry.message).toBe('string');
    expect(entry.message.trim()).not.toBe('');
    expect(entry.message, 'no leading or trailing space (browsers trim it)').toBe(entry.message.trim());
    const declared = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
    const used = new Set(references(entry.message));
    expect([...used].sort(), 'every $name$ has a placeholder').toEqual(
      [...used].filter((n) => declared.includes(n)).sort(),
    );
    for (const name of declared) expect(used.has(name), `placeholder ${name} is used`).toBe(true);
    // A lone $ is neither a placeholder nor the $$ escape: browsers would drop or mangle it.
    const rest = entry.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').replace(/\$\$/g, '');
    expect(rest, 'no stray $').not.toContain('$');
    for (const [name, p] of Object.entries(entry.placeholders ?? {})) {
      expect(p.content, `${name}: content is one substitution`).toMatch(/^\$[1-9]$/);
    }
  });
});

describe('English and Welsh', () => {
  test('the Welsh catalogue loads on demand as the same file', async () => {
    expect(await loadCatalogue('cy')).toEqual(cy);
    expect(await loadCatalogue('en')).toEqual(en);
  });

  test('have exactly the same keys, except the English-only walkthrough answers', () => {
    const onlyEn = Object.keys(en).filter((k) => !Object.hasOwn(cy, k) && !ENGLISH_ONLY.test(k));
    expect(
      Object.keys(cy).filter((k) => ENGLISH_ONLY.test(k)),
      'English-only keys in Welsh',
    ).toEqual([]);
    const onlyCy = Object.keys(cy).filter((k) => !Object.hasOwn(en, k));
    expect(onlyEn, 'keys missing from the Welsh catalogue').toEqual([]);
    expect(onlyCy, 'keys missing from the English catalogue').toEqual([]);
  });

  test.each(Object.keys(en).filter((k) => !ENGLISH_ONLY.test(k)))(
    '%s: the same placeholders with the same substitutions',
    (key) => {
      const a = en[key]?.placeholders ?? {};
      const b = cy[key]?.placeholders ?? {};
      const norm = (p: Record<string, { content: string }>) =>
        Object.fromEntries(Object.entries(p).map(([n, v]) => [n.toLowerCase(), v.content]));
      expect(norm(b)).toEqual(norm(a));
    },
  );

  test('every message is translated (Welsh differs from English) except the listed ones', () => {
    const same = Object.keys(en).filter(
      (k) => !ENGLISH_ONLY.test(k) && en[k]?.message === cy[k]?.message && !SAME_IN_WELSH.has(k),
    );
    expect(same).toEqual([]);
    for (const key of SAME_IN_WELSH) expect(Object.hasOwn(en, key), key).toBe(true);
  });

  test('the manifest strings fit the browsers’ limits', () => {
    for (const c of [en, cy]) {
      expect(c.extName?.message.length).toBeLessThanOrEqual(75);
      expect(c.extDescription?.message.length).toBeLessThanOrEqual(132);
    }
  });
});

/**
 * The English catalogue repeats the data's English for every data-driven message, so that (a) a Welsh entry
 * exists for each and (b) an edit to the data that is not carried to the catalogues fails here, naming the key.
 */
describe('data-driven messages are in step with src/data', () => {
  const slots = (text: string) => text.replace(/\{(\w+)\}/g, (_m, n: string) => `$${n.toUpperCase()}$`);
  const expectEntry = (key: string, english: string) => {
    expect(en[key]?.message, `public/_locales/en/messages.json "${key}"`).toBe(slots(english));
    expect(cy[key]?.message, `public/_locales/cy/messages.json "${key}"`).toEqual(expect.any(String));
  };

  test('rules: a title and a requirement per rule in catalogue.json', () => {
    for (const r of catalogue.rules) {
      expectEntry(`rule_${keyPart(r.id)}_title`, r.title);
      expectEntry(`rule_${keyPart(r.id)}_req`, r.requirement);
    }
  });

  test('questions: the text and every answer label in questions.json', () => {
    for (const [field, q] of Object.entries(questions)) {
      if (field === '$comment' || typeof q === 'string') continue;
      expectEntry(`question_${keyPart(field)}`, q.text);
      for (const o of q.options) expectEntry(`question_${keyPart(field)}_${keyPart(o.value)}`, o.label);
    }
  });

  test('summaries: every route step in decision.json, and the purpose phrases', () => {
    for (const [purpose, label] of Object.entries(decision.purposeLabels))
      expectEntry(`summary_purpose_${keyPart(purpose)}`, label);
    for (const step of decision.steps as { id: string; kind: string; summary?: string }[]) {
      if (step.kind === 'route') expectEntry(`summary_${keyPart(step.id)}`, step.summary ?? '');
    }
  });

  test('draft checks: every message variant in checks.json', () => {
    const o = checks['opt-out-missing'];
    const lang = checks['language-coverage-limited'];
    const variants: Record<string, string> = {
      check_opt_out_missing_email: o.message.email,
      check_opt_out_missing_sms: o.message.sms,
      check_opt_out_missing_email_soft: o.message.email + o.softOptInSuffix,
      check_opt_out_missing_sms_soft: o.message.sms + o.softOptInSuffix,
      check_sender_unidentified: checks['sender-unidentified'].message,
      check_sender_unidentified_name: checks['sender-unidentified'].messageWithName,
      check_recipients_exposed: checks['recipients-exposed'].message,
      check_opted_out: checks['opted-out'].message,
      check_consent_request_is_marketing: checks['consent-request-is-marketing'].message,
      check_recipients_look_individual: checks['recipients-look-individual'].message,
      check_draft_truncated: checks['draft-truncated'].message,
      check_language_cues_cy: lang.message['cues-cy'],
      check_language_cues_other: lang.message['cues-other'],
      check_language_english: lang.message.english,
      check_language_part_cy: lang.parts.cy,
      check_language_part_other: lang.parts.other,
      check_language_parts_both: `${lang.parts.cy} ${lang.parts.other}`,
      check_language_found_none: lang.found.none,
      check_language_found_one: lang.found.one,
      check_language_found_many: lang.found.many,
    };
    for (const [key, english] of Object.entries(variants)) expectEntry(key, english);
    const ids = Object.keys(checks).filter((k) => k !== '$comment');
    for (const id of ids)
      expect(
        Object.keys(variants).some((k) => k.startsWith(`check_${keyPart(id)}`) || id.startsWith('language')),
        `${id} has messages in the catalogues`,
      ).toBe(true);
  });

  test('language names and coverage notes in languages.json', () => {
    for (const [code, name] of Object.entries(languages.names)) expectEntry(`language_name_${code}`, name);
    for (const [kind, note] of Object.entries(languages.notes))
      expectEntry(`coverage_note_${keyPart(kind)}`, note);
  });
});
