import { expect, test } from 'vitest';
import { words } from '../../i18n/test-words.ts';
import { draftTruncated } from './draft-truncated.ts';
import { checkInput } from './test-input.ts';

test('a truncated draft says how much was checked', () => {
  const input = checkInput({});
  input.classification = {
    ...input.classification,
    truncated: true,
    excluded: [{ start: 400_000, end: 5_000_000, kind: 'truncated' }],
  };
  const out = draftTruncated.run(input);
  expect(out).toMatchObject({ id: 'draft-truncated', severity: 'warning', params: { analysed: 400_000 } });
  expect(words(out)).toContain('only its first 400,000 characters were checked');
});

test('a normal draft has no such check', () => {
  expect(draftTruncated.run(checkInput({}))).toBeUndefined();
});
