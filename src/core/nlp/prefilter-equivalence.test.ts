/** The pre-filter may only save work: with and without it, every pattern finds the same matches. */
import { expect, test } from 'vitest';
import { LEXICONS, sharedLexicons } from '../classify/lexicon.ts';
import { matchAll, parse, wordSet } from './nlp.ts';
import { mayMatch } from './prefilter.ts';

const lexicons = sharedLexicons();
const texts = [
  ...Object.values(LEXICONS).flatMap((l) =>
    l.patterns.flatMap((p) => [...p.examples.hit, ...(p.examples.miss ?? [])]),
  ),
  "Don’t miss out — e-mail us, opt-out anytime, or text STOP to 60123. Don't reply to this e-mail.",
  'We’re giving away 3 iPads! You’ve won £1,000.50 & a free-of-charge trial; 50% OFF ends tonight.',
];

test.each(texts)('same matches with and without the pre-filter: %j', (text) => {
  const parsed = parse(text);
  const words = wordSet(parsed);
  for (const m of lexicons.matches) {
    const found = matchAll(parsed, m.match);
    if (found.length > 0)
      expect(mayMatch(m.needs, words), `pattern ${lexicons.patterns[m.pattern]!.globalId}`).toBe(true);
  }
});
