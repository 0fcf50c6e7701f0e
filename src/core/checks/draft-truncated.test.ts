import { expect, test } from 'vitest';
import { draftTruncated } from './draft-truncated.ts';
import { checkInput } from './test-input.ts';

test('a truncated draft says how much was checked', () => {
  const input = checkInput({});
  input.classification = {
    ...input.classification,
    truncated: true,
    excluded: [{ start: 400_000, end: 5_000_000, kind: 'truncated' }],
  };
  expect(draftTruncated.run(input)).toEqual({
    id: 'draft-truncated',
    severity: 'warning',
    message: expect.stringContaining('400,000'),
  });
});

test('a normal draft has no such check', () => {
  expect(draftTruncated.run(checkInput({}))).toBeUndefined();
});
