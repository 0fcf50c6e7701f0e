/**
 * Language identification on short, realistic texts written for these tests. English must never read as
 * another language (the classifier's behaviour on English drafts must not change); Welsh must read as Welsh;
 * the other profiled languages as themselves; non-Latin scripts as `other`.
 */
import { describe, expect, test } from 'vitest';
import { renderMessage } from '../../i18n/render.ts';
import { identifyLanguage, looksMixed } from './detect.ts';
import { languageRuns } from './runs.ts';
import { ENGLISH, OTHERS, WELSH } from './test-texts.ts';

/** Short Welsh lines with few function words: they may stay unknown, but never read as another language. */
const SHORT_WELSH = [
  'Cofiwch gofrestru i bleidleisio cyn 18 Ebrill.',
  'Noddwch fi yn Hanner Marathon Caerdydd!',
  'Gwasanaethau Gwastraff, Cyngor Sir Ddinbych',
];

describe('identifyLanguage', () => {
  test.each(ENGLISH)('English is never read as another language: %j', (text) => {
    expect(['en', 'unknown']).toContain(identifyLanguage(text).language);
  });

  test.each(WELSH)('Welsh reads as Welsh: %j', (text) => {
    const g = identifyLanguage(text);
    expect(g.language).toBe('cy');
    expect(g.confidence).toBeGreaterThan(0.3);
  });

  test.each(SHORT_WELSH)('short Welsh is Welsh or unknown, never another language: %j', (text) => {
    expect(['cy', 'unknown']).toContain(identifyLanguage(text).language);
  });

  test.each(OTHERS)('%s: %j', (language, text) => {
    expect(identifyLanguage(text).language).toBe(language);
  });

  test('plain English prose is identified as English with confidence', () => {
    const g = identifyLanguage(
      'Thank you for your order. We will let you know when it has been dispatched, and you can track it from your account.',
    );
    expect(g.language).toBe('en');
    expect(g.confidence).toBeGreaterThan(0.8);
  });

  test('nothing to go on: unknown with zero confidence', () => {
    for (const text of ['', '   ', '£25.00', '07700 900123', 'https://example.com/a-b-c', 'x@example.org']) {
      expect(identifyLanguage(text)).toMatchObject({ language: 'unknown', confidence: 0 });
    }
  });

  test('links and addresses do not count as words', () => {
    expect(identifyLanguage('https://de.example.com/und/der/die/das und').words).toBe(1);
  });

  test('huge unbroken input stays linear (no backtracking on a 400,000-character token)', () => {
    const g = identifyLanguage(`${'x'.repeat(400_000)}@${'y'.repeat(10)}`);
    expect(g.language).toBe('unknown');
  });

  test('names, in the catalogue', () => {
    expect(renderMessage('language_name_cy', 'en').text).toBe('Welsh');
    expect(renderMessage('language_name_other', 'en').text).toBe('another language');
  });
});

describe('languageRuns', () => {
  test('one run for a one-language paragraph', () => {
    const text = 'Rhowch rodd heddiw i helpu teuluoedd sydd heb gartref y gaeaf hwn.';
    expect(languageRuns(text)).toEqual([
      expect.objectContaining({ start: 0, end: text.length, language: 'cy' }),
    ]);
  });

  test('a paragraph with a Welsh block and its English version splits at the line break', () => {
    const welsh = "Bydd eich biniau'n cael eu casglu ddydd Mawrth yn lle ddydd Iau o fis Mawrth ymlaen.\n";
    const english = 'Your bins will be collected on Tuesday instead of Thursday from March onwards.\n';
    const text = welsh + english;
    expect(looksMixed(identifyLanguage(text))).toBe(true);
    const runs = languageRuns(text);
    expect(runs.map((r) => r.language)).toEqual(['cy', 'en']);
    expect(runs[0]).toMatchObject({ start: 0, end: welsh.length });
    expect(runs[1]).toMatchObject({ start: welsh.length, end: text.length });
  });

  test('a line too short to tell joins the run before it', () => {
    const text =
      'Annwyl breswylydd,\nMae eich casgliad nesaf ddydd Mawrth ac nid oes angen i chi wneud dim.\n£25\nDear resident,\nYour next collection is on Tuesday and you do not need to do anything.';
    const runs = languageRuns(text);
    expect(runs.map((r) => r.language)).toEqual(['cy', 'en']);
    expect(text.slice(runs[0]!.start, runs[0]!.end)).toContain('£25');
    // Runs cover the paragraph exactly.
    expect(runs[0]!.start).toBe(0);
    expect(runs[0]!.end).toBe(runs[1]!.start);
    expect(runs.at(-1)!.end).toBe(text.length);
  });

  test('English with a Welsh greeting stays one English run', () => {
    const text =
      'Bore da pawb,\nThe minutes from Tuesday are attached. Please send any corrections by Friday.';
    expect(languageRuns(text)).toHaveLength(1);
  });
});

/** Accuracy over the whole set (printed with the test name, so a run shows the figure). */
test('detection accuracy on the test set is 100% for the decisions that matter', () => {
  const english = ENGLISH.filter((t) => ['en', 'unknown'].includes(identifyLanguage(t).language)).length;
  const welsh = WELSH.filter((t) => identifyLanguage(t).language === 'cy').length;
  const others = OTHERS.filter(([l, t]) => identifyLanguage(t).language === l).length;
  expect({ english, welsh, others }).toEqual({
    english: ENGLISH.length,
    welsh: WELSH.length,
    others: OTHERS.length,
  });
});
