import { expect, test } from 'vitest';
import { words } from '../../i18n/test-words.ts';
import { senderUnidentified } from './sender-unidentified.ts';
import { type CheckCase, checkInput } from './test-input.ts';

test.each<[string, CheckCase, boolean, RegExp?]>([
  ['DM, no identity cue, no name → warning', {}, true, /who is sending/],
  [
    'identity cue in signature (not judged) → none',
    { c: { hits: [{ signal: 'sender-identity', judged: false }] } },
    false,
  ],
  ['judged identity cue → none', { c: { counts: { 'sender-identity': 1 } } }, false],
  [
    'sender name in body (any case) → none',
    { ctx: { senderName: 'Acme Ltd' }, body: 'Thanks from ACME ltd' },
    false,
  ],
  ['sender name in subject → none', { ctx: { senderName: 'Acme' }, subject: 'Acme sale' }, false],
  [
    'sender name absent → warning naming it',
    { ctx: { senderName: 'Acme' }, body: 'Big sale' },
    true,
    /"Acme"/,
  ],
  ['not DM → none', { level: 'no', route: 'not-direct-marketing' }, false],
  ['unclear → none', { level: 'unclear', route: 'unclear' }, false],
])('%s', (_name, k, fires, message) => {
  const out = senderUnidentified.run(checkInput(k));
  expect(out !== undefined).toBe(fires);
  if (out) expect(out).toMatchObject({ id: 'sender-unidentified', severity: 'warning' });
  if (message) expect(words(out)).toMatch(message);
});
