import { describe, expect, test } from 'vitest';
import { parse, wordSet } from './nlp.ts';
import { mayMatch, needsOf } from './prefilter.ts';

const set = (s: string) => wordSet(parse(s));

describe('needsOf / mayMatch', () => {
  test.each([
    ['your (account|order)', 'check your order now', true],
    ['your (account|order)', 'check the order now', false],
    ["(do not|don't) reply", 'please do not reply', true],
    ["(do not|don't) reply", 'please do reply', false],
    ['#Percent off', 'get 50% off', true],
    ['#Percent off', 'get 50% now', false],
    ['(opt out|opt-out)', 'you can opt-out', true],
    ['{donate} now', 'donating now', true],
    ['save #Money?', 'save', true],
    ['(our )?newsletter', 'the newsletter', true],
    ['/^[0-9]+p$/', 'anything', false],
    ['free (gift|trial|#Noun)', 'free lunch', true],
    ['#Email', 'write to ann@example.com', true],
    ['#Email', 'write to us', false],
    ['{petition} now', 'sign the petitions now', true],
    ['{petition} now', 'sign the letter now', false],
    ['{give} now', 'gave now', true],
    ['/^[0-9]+p$/', 'costs 150p', true],
    ['/^[0-9]+p$/', 'costs a lot', false],
    // A part that is not a plain word is left out; the alternative still needs its other words.
    ['(po box|p.o. box|freepost)', 'write to P.O. Box 12', true],
    ['(po box|p.o. box|freepost)', 'write to us', false],
    // Anchors do not hide a token's words.
    ['^(contribution|contributions)', 'contributions welcome', true],
    ['^(contribution|contributions)', 'gifts welcome', false],
    // A regex need is tested against each word, never across two.
    ['/^[0-9]+p$/', 'costs 150 p', false],
  ])('%s on %j → %s', (pattern, sentence, expected) => {
    expect(mayMatch(needsOf(pattern), set(sentence))).toBe(expected);
  });
});
