import { expect, test } from 'vitest';
import { words } from '../../i18n/test-words.ts';
import type { Recipients } from '../context.ts';
import type { Severity } from '../verdict.ts';
import { recipientsExposed } from './recipients-exposed.ts';
import { addresses, checkInput } from './test-input.ts';

const r = (to: string[], cc: string[] = [], bcc: string[] = []): Recipients => ({ to, cc, bcc });

test.each<[string, Recipients | undefined, Severity | undefined, number?]>([
  ['no recipients given → none', undefined, undefined],
  ['9 visible → none', r(addresses(9)), undefined],
  ['10 visible → warning', r(addresses(10)), 'warning', 10],
  ['split across To and Cc → warning', r(addresses(6), addresses(6, 'example.org')), 'warning', 12],
  ['49 visible → warning', r(addresses(49)), 'warning', 49],
  ['50 visible → error', r(addresses(50)), 'error', 50],
  ['Bcc does not count', r(addresses(2), [], addresses(200)), undefined],
  [
    'duplicates and case count once',
    r([...addresses(9), 'PERSON0@example.com', 'Person 1 <person1@example.com>']),
    undefined,
  ],
  ['display names are parsed', r(addresses(10).map((a, i) => `Name ${i} <${a}>`)), 'warning', 10],
  ['junk entries are ignored', r([...addresses(9), 'not an address', '']), undefined],
])('%s', (_name, recipients, severity, count) => {
  const input = checkInput({ ctx: recipients ? { recipients } : {} });
  const out = recipientsExposed.run(input);
  expect(out?.severity).toBe(severity);
  if (out) {
    expect(out.id).toBe('recipients-exposed');
    expect(words(out)).toContain(`${count} email addresses`);
    expect(words(out)).toMatch(/Bcc/);
  }
});

test('applies whether or not the draft is marketing', () => {
  const input = checkInput({
    level: 'no',
    route: 'not-direct-marketing',
    ctx: { recipients: r(addresses(60)) },
  });
  expect(recipientsExposed.run(input)?.severity).toBe('error');
});
