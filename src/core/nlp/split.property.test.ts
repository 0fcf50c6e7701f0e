/**
 * Bounded work on any text (issue 11, fault 8): compromise's sentence splitter is quadratic on runs of sentence
 * marks and on long stretches of non-sentence chunks. These properties hold for runs of every sentence mark:
 * - the pieces always concatenate to the input;
 * - compromise's splitter is never handed more than SPLIT_WINDOW characters, a mark run longer than MAX_MARK_RUN,
 *   or more than a linear amount of text in all (a bound on work that does not depend on the machine's speed);
 * - on ordinary text (no long runs) the split is exactly compromise's own, across window boundaries too;
 * - parse() offsets stay exact: every term sits at its offset in the text compromise parsed, which has the input's
 *   length, and every line it parses is at most MAX_NLP_LINE long.
 */

import nlp from 'compromise';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  boundForNlp,
  boundMarkRuns,
  MAX_MARK_RUN,
  MAX_NLP_LINE,
  parse,
  SENTENCE_MARKS,
  SPLIT_WINDOW,
  splitSentences,
} from './nlp.ts';

/** Every sentence mark, one character each (the class in SENTENCE_MARKS spelled out). */
const MARKS = [
  ...'.!?\u203D\u2E18\u203C\u2047\u2048\u2049\u0964\u0965\u061F\u06D4\u0589\u1362\u1367\u104B\u17D4\u3002\uFF01\uFF1F\uFF61',
];

const raw = (text: string): string[] =>
  (
    nlp.methods() as unknown as { one: { tokenize: { splitSentences: (t: string, w: unknown) => string[] } } }
  ).one.tokenize.splitSentences(text, nlp.world());

const longestRun = (text: string) => {
  let best = 0;
  let run = 0;
  for (const ch of text) {
    run = MARKS.includes(ch) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
};

const WORDS = ['Donate', 'today', 'A.', 'Mr.', 'sale', 'now', 'U.S.', 'e.g.', '£5', 'café', 'the', 'I', 'ok'];
const word = fc.constantFrom(...WORDS);
const space = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '  ', '\t');

/** Text with runs of one mark (up to `maxRun` long) between words and spaces. */
const textWithRuns = (mark: string, maxRun: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: word },
        { weight: 2, arbitrary: space },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: maxRun }).map((n) => mark.repeat(n)) },
        { weight: 1, arbitrary: fc.constantFrom(...MARKS) },
      ),
      { maxLength: 300 },
    )
    .map((parts) => parts.join(''));

describe('splitSentences on runs of every sentence mark', () => {
  test('the constant and the list agree', () => {
    expect(new RegExp(`^[${SENTENCE_MARKS}]$`).test('.')).toBe(true);
    for (const m of MARKS) expect(new RegExp(`^[${SENTENCE_MARKS}]$`).test(m), m).toBe(true);
  });

  for (const mark of MARKS) {
    test(`runs of U+${mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}: pieces cover the text; the splitter's work is bounded`, () => {
      fc.assert(
        fc.property(textWithRuns(mark, 20_000), (text) => {
          const seen: string[] = [];
          const pieces = splitSentences(text, (t) => {
            seen.push(t);
            return raw(t);
          });
          if (!/\S/.test(text)) return pieces.length === 0;
          expect(pieces.join('')).toBe(text);
          for (const t of seen) {
            expect(t.length).toBeLessThanOrEqual(SPLIT_WINDOW);
            expect(longestRun(t)).toBeLessThanOrEqual(MAX_MARK_RUN);
          }
          const handed = seen.reduce((n, t) => n + t.length, 0);
          expect(handed).toBeLessThanOrEqual(3 * text.length + SPLIT_WINDOW);
          return true;
        }),
        { numRuns: 25 },
      );
    });
  }

  test('one 200,000-character run of each mark: a handful of windows, each bounded', () => {
    for (const mark of MARKS) {
      const text = `Please donate ${mark.repeat(200_000)} now.`;
      let calls = 0;
      const pieces = splitSentences(text, (t) => {
        calls++;
        expect(longestRun(t)).toBeLessThanOrEqual(MAX_MARK_RUN);
        return raw(t);
      });
      expect(pieces.join('')).toBe(text);
      expect(calls).toBeLessThanOrEqual(2 + (2 * text.length) / SPLIT_WINDOW);
    }
  });

  test('ordinary text (no long runs): exactly compromise’s own split, across window boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, space, fc.constantFrom('. ', '! ', '? ', '.\n', '...', '!!')), {
          minLength: 1,
          maxLength: 3000,
        }),
        (parts) => {
          const text = parts.join('');
          expect(splitSentences(text)).toEqual(raw(text));
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a long letter of real sentences splits as compromise splits it whole', () => {
    const para =
      'Dear Ms. Jones, thank you for your letter of 3 Jan. We have passed it to Dr. Patel! Will you come on Tues.? ' +
      'The U.K. office opens at 9 a.m. and closes at 5 p.m. Our appeal raised £5,000... Thank you. ';
    const text = para.repeat(120);
    expect(text.length).toBeGreaterThan(3 * SPLIT_WINDOW);
    expect(splitSentences(text)).toEqual(raw(text));
  });
});

describe('parse on bounded text', () => {
  test('offsets are exact: each term sits at its offset in a same-length copy; lines are capped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MARKS).chain((m) => textWithRuns(m, 3000)),
        fc.integer({ min: 0, max: 3 }),
        (body, glue) => {
          // Sometimes one very long line (no breaks), as glued exports give.
          const text = glue === 0 ? body.replace(/\n/g, ' ') : body;
          const seen = boundForNlp(text);
          expect(seen).toHaveLength(text.length);
          // A longer line is one token (nothing to break it at).
          for (const line of seen.split('\n'))
            if (line.length > MAX_NLP_LINE + 1) expect(line.trim()).not.toMatch(/[ \t\u00a0]/);
          expect(longestRun(seen)).toBeLessThanOrEqual(MAX_MARK_RUN);
          const parsed = parse(text);
          parsed.sentences.forEach((terms, s) => {
            terms.forEach((term, i) => {
              const at = parsed.termStarts[s]![i]!;
              expect(seen.slice(at, at + term.text.length)).toBe(term.text);
            });
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  test('boundMarkRuns keeps the last marks of a run (so "Stop!!!…!! Go" still ends a sentence there)', () => {
    const text = `Stop${'!'.repeat(20)} Go`;
    const bounded = boundMarkRuns(text);
    expect(bounded).toHaveLength(text.length);
    expect(bounded).toBe(`Stop${'~'.repeat(12)}${'!'.repeat(8)} Go`);
    expect(splitSentences(text)).toEqual([`Stop${'!'.repeat(20)} `, 'Go']);
    expect(boundMarkRuns('No long runs here... OK!!')).toBe('No long runs here... OK!!');
  });
});
