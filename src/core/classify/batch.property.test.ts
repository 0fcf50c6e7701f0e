/**
 * A first check parses all new sentences in one compromise call; typing re-parses one sentence alone. Both
 * paths must give identical results, or a verdict would depend on the cache. Odd characters included:
 * compromise can move sentence boundaries around control characters, which the batch must detect.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { splitSentences } from '../nlp/nlp.ts';
import { sharedLexicons } from './lexicon.ts';
import { analysePieces, analyseSentence } from './sentence.ts';

const WORDS = [
  'donate',
  'today',
  '£5',
  'a',
  'month',
  'Gift',
  'Aid',
  'sign',
  'the',
  'petition',
  'your',
  'order',
  '50%',
  'off',
  'free',
  'STOP',
  'vote',
  'I',
  'think',
  '\n',
  '\n\n',
  '.',
  '!',
  '?',
  '>',
  'On',
  'wrote:',
  '--',
  'é',
  '😀',
  '\u0000',
  '\ud800',
  '\u200b',
  'www.example.org',
  'ann@example.com',
  'Mr',
  'Dr.',
  'U.S.',
  'e.g.',
  '3.5',
  '...',
  'Update',
  '\t',
  '\r\n',
  '\u2028',
  '"',
  "'",
  '(',
  ')',
];
const lexicons = sharedLexicons();
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((w) => w.join(' '));

test('batch analysis equals one-by-one analysis', () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 5 }), (texts) => {
      const pieces = [...new Set(texts.flatMap((t) => splitSentences(t)).filter((p) => p.trim()))];
      if (pieces.length < 2) return;
      const batch = analysePieces(pieces, lexicons);
      if (!batch) return; // misaligned: the caller falls back to one-by-one
      for (let i = 0; i < pieces.length; i++) expect(batch[i]).toEqual(analyseSentence(pieces[i]!, lexicons));
    }),
    { numRuns: 500 },
  );
});
