import { describe, expect, test } from 'vitest';
import { fixOffset } from './fix.ts';

describe('fixOffset: the end of the writer’s own text', () => {
  test('a plain body: after its last character, trailing blank lines left alone', () => {
    const body = 'Please donate today.\n\n';
    expect(fixOffset(body)).toBe('Please donate today.'.length);
  });

  test('before a sign-off signature', () => {
    const body = 'Please donate today.\n\nKind regards,\nSam\nHope Trust';
    expect(body.slice(0, fixOffset(body))).toBe('Please donate today.');
  });

  test('before an RFC 3676 signature delimiter', () => {
    const body = 'Our sale starts now.\n-- \nAcme Ltd\n020 7946 0000';
    expect(body.slice(0, fixOffset(body))).toBe('Our sale starts now.');
  });

  test('before quoted reply history', () => {
    const body =
      'Yes, please add me.\n\nOn Mon, 3 Nov 2026 at 09:12, Sam <sam@example.org> wrote:\n> Shall I add you?';
    expect(body.slice(0, fixOffset(body))).toBe('Yes, please add me.');
  });

  test('an empty or blank body: offset 0', () => {
    expect(fixOffset('')).toBe(0);
    expect(fixOffset('\n\n  ')).toBe(0);
  });
});
