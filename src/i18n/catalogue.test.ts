/**
 * The two catalogues (public/_locales/{en,cy}/messages.json): the same keys, the same placeholders, valid for the
 * browsers' own loaders, actually translated, and holding every message the data names.
 */
import { describe, expect, test } from 'vitest';
import cyMessages from '../../public/_locales/cy/messages.json' with { type: 'json' };
import enMessages from '../../public/_locales/en/messages.json' with { type: 'json' };
import { ENGLISH_ONLY_MESSAGES } from '../core/findings/finding.ts';
import decision from '../data/decision.json' with { type: 'json' };
import catalogue from '../data/rules/catalogue.json' with { type: 'json' };
import questions from '../data/rules/questions.json' with { type: 'json' };
import walkthrough from '../data/walkthrough.json' with { type: 'json' };
import { type Catalogue, LOCALES, loadCatalogue } from './index.ts';

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

/** English-only in this version, by design: the walkthrough's answers, reasons and route names. */
const ENGLISH_ONLY = ENGLISH_ONLY_MESSAGES;

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
 * The data names its messages by id (rule titles and requirements, route summaries, questions and answers, the
 * walkthrough's sentences): each one is in the English catalogue, and in Welsh unless it is English-only.
 */
describe('every message id in the rule data is in the catalogues', () => {
  const ids = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === 'string' && /^[a-z]+(_[A-Za-z0-9]+)+$/.test(v)) ids.add(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  for (const data of [decision, walkthrough, catalogue, questions]) visit(data);

  test('there are ids to check', () => {
    expect(ids.size).toBeGreaterThan(200);
  });

  test.each([...ids])('%s', (id) => {
    expect(Object.hasOwn(en, id), 'English').toBe(true);
    if (!ENGLISH_ONLY.test(id)) expect(Object.hasOwn(cy, id), 'Welsh').toBe(true);
  });
});
