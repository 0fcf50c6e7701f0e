/** Warming a long draft in slices gives the same verdict as one check, and leaves nothing for the check to parse. */
import { describe, expect, test } from 'vitest';
import { createChecker } from '../index.ts';
import { createClassifier, WARM_SLICE_CHARS } from './classify.ts';

const PARAGRAPHS = [
  'Your garden waste collection moves to Wednesday from {n} March. No action is needed.',
  'This winter, families need your help. A gift of £10 buys a warm coat. Please donate today.',
  'Croeso i bawb. Rhowch rodd heddiw i gefnogi ein hapêl gaeaf {n}.',
  'The quarterly report for project {n} is attached; please review section two before Thursday.',
];
const draftOf = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    (PARAGRAPHS[i % PARAGRAPHS.length] as string).replace('{n}', String(i)),
  ).join('\n\n');

describe('warm', () => {
  test('slices until told to stop, resumes, and the classification equals a cold one', () => {
    const draft = { subject: 'Winter appeal', body: draftOf(120), channel: 'email' as const };
    const warmed = createClassifier();
    let slices = 0;
    // Stop after every slice: the host would yield to the page between them.
    let rounds = 0;
    while (!warmed.warm(draft, () => slices++ > rounds)) rounds = slices;
    expect(rounds).toBeGreaterThan(2);
    const before = warmed.stats().analysed;
    const a = warmed.classify(draft);
    // Everything was cached: classify parsed nothing new.
    expect(warmed.stats().analysed).toBe(before);
    const b = createClassifier().classify(draft);
    expect(a).toEqual(b);
  });

  test('slices stay near the slice size, one paragraph at least', () => {
    const long = 'word '.repeat(WARM_SLICE_CHARS); // one paragraph longer than a slice
    const c = createClassifier();
    let asked = 0;
    expect(c.warm({ subject: '', body: `${long}\n\nshort one.`, channel: 'email' }, () => asked++ > 0)).toBe(
      false,
    );
    expect(c.warm({ subject: '', body: `${long}\n\nshort one.`, channel: 'email' }, () => false)).toBe(true);
  });

  test('the checker prepares and then checks to the same verdict; odd input never throws', () => {
    const checker = createChecker();
    const input = { subject: 'Appeal', body: draftOf(40) };
    expect(checker.prepare(input, () => false)).toBe(true);
    expect(checker.check(input)).toEqual(createChecker().check(input));
    expect(checker.prepare({ body: '\u0000\uFFFF\uD800' }, () => false)).toBe(true);
    expect(checker.prepare({ body: '' }, () => true)).toBe(true);
  });
});
