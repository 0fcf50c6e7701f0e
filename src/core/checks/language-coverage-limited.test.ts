import { describe, expect, test } from 'vitest';
import { words } from '../../i18n/test-words.ts';
import { assessCoverage, type Stretch } from '../language/coverage.ts';
import type { LanguageCode } from '../verdict.ts';
import { languageCoverageLimited } from './language-coverage-limited.ts';
import { checkInput } from './test-input.ts';

const stretch = (language: LanguageCode, words: number): Stretch => ({
  field: 'body',
  start: 0,
  end: words * 6,
  language,
  confidence: 0.8,
  words,
});

function run(stretches: Stretch[], cues = 0, level: 'yes' | 'likely' | 'unclear' | 'no' = 'unclear') {
  const input = checkInput({ level });
  input.classification = { ...input.classification, language: assessCoverage(stretches, cues) };
  return languageCoverageLimited.run(input);
}

describe('language-coverage-limited', () => {
  test('English drafts (and drafts from before language detection) get no such check', () => {
    expect(run([stretch('en', 100)])).toBeUndefined();
    expect(languageCoverageLimited.run(checkInput({}))).toBeUndefined();
  });

  test('mostly Welsh, no cues: a warning that says what was checked and that nothing was found', () => {
    const c = run([stretch('cy', 80)]);
    expect(c).toMatchObject({ id: 'language-coverage-limited', severity: 'warning' });
    expect(words(c)).toMatch(/short list of Welsh cue words \(for example rhodd, .*\), and none was found\./);
  });

  test('mostly Welsh, with cues: says how many were found', () => {
    expect(words(run([stretch('cy', 80)], 1))).toMatch(/; 1 was found\./);
    expect(words(run([stretch('cy', 80)], 4))).toMatch(/; 4 were found\./);
  });

  test('mostly another language: names it and says it was not judged at all', () => {
    const c = run([stretch('de', 80)]);
    expect(c).toMatchObject({ severity: 'warning' });
    expect(words(c)).toMatch(/no word list for German, so that text was not judged at all/);
  });

  test('bilingual Welsh and English: a note, naming what happened to the Welsh part', () => {
    const c = run([stretch('cy', 80), stretch('en', 80)], 0, 'no');
    expect(c).toMatchObject({ severity: 'info' });
    expect(words(c)).toBe(
      'The verdict rests on the English text. The Welsh part was checked only against a short list of Welsh cue words, and none was found. If the versions differ, check the other-language text yourself: any part that promotes, fundraises or campaigns makes the whole message direct marketing.',
    );
  });

  test('bilingual, Welsh cues against an English "not marketing" (now unclear): a warning', () => {
    expect(run([stretch('cy', 80), stretch('en', 80)], 2, 'unclear')).toMatchObject({ severity: 'warning' });
    // The same cues when the English agrees that it is marketing: only a note.
    expect(run([stretch('cy', 80), stretch('en', 80)], 2, 'likely')).toMatchObject({ severity: 'info' });
  });

  test('English with Welsh and French parts: both named', () => {
    const c = run([stretch('en', 200), stretch('cy', 40), stretch('fr', 30)]);
    expect(words(c)).toMatch(/The Welsh part was checked only .* The French part was not checked\./);
  });
});
