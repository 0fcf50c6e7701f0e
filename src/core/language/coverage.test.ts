/** Coverage decisions (thresholds in src/data/languages.json) and the text-level adjustment. */
import { describe, expect, test } from 'vitest';
import { words } from '../../i18n/test-words.ts';
import type { DirectMarketingLevel, LanguageCode, PrimaryPurpose } from '../verdict.ts';
import { adjustForCoverage, assessCoverage, COVERAGE, type CueHit, type Stretch } from './coverage.ts';

let at = 0;
function stretch(language: LanguageCode, words: number, field: Stretch['field'] = 'body'): Stretch {
  const start = at;
  at += words * 6;
  return { field, start, end: at, language, confidence: language === 'unknown' ? 0 : 0.8, words };
}

describe('assessCoverage', () => {
  test('all English: full coverage, no note, no paragraphs', () => {
    const r = assessCoverage([stretch('en', 120), stretch('unknown', 4, 'subject')]);
    expect(r).toMatchObject({ primary: 'en', coverage: 'full', basis: 'english', paragraphs: [] });
    expect(r.note).toBeUndefined();
  });

  test('nothing identifiable: primary unknown, full coverage (read as English, as before)', () => {
    expect(assessCoverage([stretch('unknown', 6)])).toMatchObject({ primary: 'unknown', coverage: 'full' });
    expect(assessCoverage([])).toMatchObject({ primary: 'unknown', coverage: 'full' });
  });

  test('a Welsh greeting in an English letter does not limit coverage', () => {
    const r = assessCoverage([stretch('cy', 4), stretch('en', 150)]);
    expect(r.coverage).toBe('full');
  });

  test('a few Welsh words with a Welsh purpose cue do limit it: that part was read by cues only', () => {
    const r = assessCoverage([stretch('cy', 4), stretch('en', 150)], 1);
    expect(r).toMatchObject({ coverage: 'limited', basis: 'english', cues: 1 });
    expect(words(r.note)).toMatch(/Welsh part/);
  });

  test('mostly Welsh: limited, judged on cues, Welsh note', () => {
    const r = assessCoverage([stretch('unknown', 3, 'subject'), stretch('cy', 60), stretch('cy', 30)]);
    expect(r).toMatchObject({ primary: 'cy', coverage: 'limited', basis: 'cues' });
    expect(words(r.note)).toMatch(/Not enough English/);
    expect(words(r.note)).toMatch(/Welsh/);
    expect(r.paragraphs.map((p) => p.language)).toEqual(['cy', 'cy']);
  });

  test('bilingual Welsh and English: judged on the English text', () => {
    const r = assessCoverage([stretch('cy', 70), stretch('en', 65)]);
    expect(r).toMatchObject({ coverage: 'limited', basis: 'english' });
    expect(words(r.note)).toBe(
      'Judged on the English text; the Welsh part was checked only for a short list of Welsh cue words.',
    );
  });

  test('too little English beside another language: cues', () => {
    const r = assessCoverage([stretch('en', COVERAGE.minEnglishWords - 1), stretch('cy', 80)]);
    expect(r.basis).toBe('cues');
    const share = assessCoverage([stretch('en', 25), stretch('fr', 200)]);
    expect(share.basis).toBe('cues');
    expect(words(share.note)).toMatch(/no word list for French/);
  });

  test('English with a long French passage: judged on the English, the French part named as not checked', () => {
    const r = assessCoverage([stretch('en', 200), stretch('fr', 40)]);
    expect(r).toMatchObject({ coverage: 'limited', basis: 'english' });
    expect(words(r.note)).toBe('Judged on the English text; the French part was not checked.');
  });

  test('Welsh and another language beside English: both named', () => {
    const r = assessCoverage([stretch('en', 200), stretch('cy', 40), stretch('de', 30), stretch('fr', 20)]);
    expect(words(r.note)).toMatch(/Welsh part was checked only/);
    expect(words(r.note)).toMatch(/German and French part was not checked/);
  });

  test('non-English stretches are listed with offsets; English ones are not', () => {
    at = 0;
    const r = assessCoverage([stretch('cy', 50), stretch('en', 50)]);
    expect(r.paragraphs).toEqual([{ field: 'body', start: 0, end: 300, language: 'cy', confidence: 0.8 }]);
  });
});

describe('adjustForCoverage', () => {
  const cues = (...ids: string[]): CueHit[] =>
    ids.map((id) => ({ patternId: `fundraising/${id}`, signal: 'fundraising' }));
  const welshOnly = assessCoverage([stretch('cy', 80)], 0);
  const bilingual = assessCoverage([stretch('cy', 80), stretch('en', 80)], 0);
  const english = assessCoverage([stretch('en', 80)], 0);
  const low = { promotional: 0.14, fundraising: 0.02, campaigning: 0.01 };
  const reading = (level: DirectMarketingLevel, primaryPurpose: PrimaryPurpose = 'none') => ({
    level,
    primaryPurpose,
    purposes: { ...low },
  });

  test('full coverage: the classifier’s reading stands', () => {
    for (const level of ['yes', 'likely', 'unclear', 'unlikely', 'no'] as const) {
      expect(adjustForCoverage(reading(level), english, cues('cy-appeal'))).toEqual(reading(level));
    }
  });

  test('cues basis, no cues: never below unclear; a marketing reading is kept', () => {
    expect(adjustForCoverage(reading('no'), welshOnly, [])).toEqual(reading('unclear'));
    expect(adjustForCoverage(reading('unlikely'), welshOnly, []).level).toBe('unclear');
    expect(adjustForCoverage(reading('yes', 'promotional'), welshOnly, [])).toEqual(
      reading('yes', 'promotional'),
    );
  });

  test('cues basis: one cue leaves it unclear but names the purpose; strong cues make it likely', () => {
    expect(adjustForCoverage(reading('no'), welshOnly, cues('cy-donate-word'))).toEqual({
      level: 'unclear',
      primaryPurpose: 'fundraising',
      purposes: { ...low, fundraising: COVERAGE.cueScores.some },
    });
    expect(adjustForCoverage(reading('no'), welshOnly, cues('cy-donate-word', 'cy-appeal'))).toEqual({
      level: 'likely',
      primaryPurpose: 'fundraising',
      purposes: { ...low, fundraising: COVERAGE.cueScores.strong },
    });
    expect(
      adjustForCoverage(reading('no'), welshOnly, cues('cy-amount', 'cy-amount', 'cy-amount')).level,
    ).toBe('likely');
  });

  test('cues pick the purpose most of them point to, and lift each purpose they name', () => {
    const mixed: CueHit[] = [
      { patternId: 'promotional/cy-offer', signal: 'promotional' },
      { patternId: 'promotional/cy-discount', signal: 'promotional' },
      { patternId: 'fundraising/cy-donate-word', signal: 'fundraising' },
    ];
    const out = adjustForCoverage(reading('no'), welshOnly, mixed);
    expect(out.primaryPurpose).toBe('promotional');
    expect(out.purposes).toEqual({
      promotional: COVERAGE.cueScores.strong,
      fundraising: COVERAGE.cueScores.some,
      campaigning: low.campaigning,
    });
  });

  test('english basis: the English reading stands unless Welsh cues contradict a "not marketing"', () => {
    expect(adjustForCoverage(reading('no'), bilingual, [])).toEqual(reading('no'));
    expect(adjustForCoverage(reading('no'), bilingual, cues('cy-appeal'))).toEqual(reading('unclear'));
    expect(adjustForCoverage(reading('likely', 'fundraising'), bilingual, cues('cy-appeal')).level).toBe(
      'likely',
    );
  });
});
