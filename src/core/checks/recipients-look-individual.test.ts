import { expect, test } from 'vitest';
import type { Recipients } from '../context.ts';
import { domainMatches } from './addresses.ts';
import { recipientsLookIndividual } from './recipients-look-individual.ts';
import { type CheckCase, checkInput } from './test-input.ts';

const to = (...list: string[]): Recipients => ({ to: list, cc: [], bcc: [] });

test.each<[string, CheckCase, boolean]>([
  [
    'all webmail, type unknown → info',
    { ctx: { recipients: to('a@gmail.com', 'b@hotmail.co.uk', 'c@yahoo.com') } },
    true,
  ],
  [
    'webmail in Bcc counts',
    { ctx: { recipients: { to: [], cc: [], bcc: ['a@icloud.com', 'b@btinternet.com'] } } },
    true,
  ],
  ['one company address → none', { ctx: { recipients: to('a@gmail.com', 'b@acme.example') } }, false],
  [
    'type already known → none',
    { ctx: { recipients: to('a@gmail.com'), recipientType: 'corporate' } },
    false,
  ],
  ['no recipients → none', {}, false],
  ['empty lists → none', { ctx: { recipients: to() } }, false],
  [
    'not DM → none',
    { ctx: { recipients: to('a@gmail.com') }, level: 'no', route: 'not-direct-marketing' },
    false,
  ],
  [
    'look-alike domain → none',
    { ctx: { recipients: to('a@gmail.com.evil.example', 'b@notgmail.com') } },
    false,
  ],
])('%s', (_name, k, fires) => {
  const out = recipientsLookIndividual.run(checkInput(k));
  expect(out !== undefined).toBe(fires);
  if (out) expect(out).toMatchObject({ id: 'recipients-look-individual', severity: 'info' });
});

test.each([
  ['hotmail.com', 'hotmail.*', true],
  ['hotmail.co.uk', 'hotmail.*', true],
  ['hotmail.', 'hotmail.*', false],
  ['myhotmail.com', 'hotmail.*', false],
  ['gmail.com', 'gmail.com', true],
  ['mail.gmail.com', 'gmail.com', false],
])('domainMatches(%s, %s) = %s', (domain, pattern, expected) => {
  expect(domainMatches(domain, pattern)).toBe(expected);
});
