import { describe, expect, test } from 'vitest';
import { chunk } from './classify.ts';

describe('chunk', () => {
  test.each([
    ['short text stays whole', 'Donate today.', 1],
    ['words with no full stop are cut at spaces', 'word '.repeat(1000), 5],
    ['one unbroken token is cut hard', 'x'.repeat(2500), 3],
  ])('%s', (_name, text, pieces) => {
    const out = chunk(text);
    expect(out.join('')).toBe(text);
    expect(out.length).toBe(pieces);
    for (const piece of out) expect(piece.length).toBeLessThanOrEqual(1000);
  });

  test('never splits a surrogate pair', () => {
    const text = '😀'.repeat(1500);
    for (const piece of chunk(text)) {
      expect(
        piece.charCodeAt(piece.length - 1) >= 0xd800 && piece.charCodeAt(piece.length - 1) <= 0xdbff,
      ).toBe(false);
    }
    expect(chunk(text).join('')).toBe(text);
  });
});
