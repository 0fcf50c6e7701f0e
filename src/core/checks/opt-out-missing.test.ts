import { expect, test } from 'vitest';
import { words } from '../../i18n/test-words.ts';
import type { Severity } from '../verdict.ts';
import { optOutMissing } from './opt-out-missing.ts';
import { type CheckCase, checkInput } from './test-input.ts';

test.each<[string, CheckCase, Severity | undefined, RegExp?]>([
  ['DM email without opt-out → warning', {}, 'warning', /unsubscribe/],
  ['DM SMS without opt-out → STOP advice', { ctx: { channel: 'sms' } }, 'warning', /STOP/],
  ['likely DM without opt-out → warning', { level: 'likely' }, 'warning'],
  ['soft opt-in without opt-out → error', { route: 'soft-opt-in' }, 'error', /condition/],
  ['charity soft opt-in without opt-out → error', { route: 'charity-soft-opt-in' }, 'error'],
  ['corporate DM still needs one → warning', { route: 'corporate-subscriber' }, 'warning'],
  ['solicited DM still needs one → warning', { route: 'solicited' }, 'warning'],
  ['judged opt-out hit → none', { c: { counts: { 'opt-out': 1 } } }, undefined],
  [
    'footer opt-out (not judged) counts → none',
    { c: { hits: [{ signal: 'opt-out', judged: false }] } },
    undefined,
  ],
  [
    'opt-out only in the subject → still missing',
    { c: { hits: [{ signal: 'opt-out', field: 'subject' }] } },
    'warning',
  ],
  [
    'List-Unsubscribe header (context.optOutHeader) → none',
    { ctx: { optOutHeader: 'one-click' } },
    undefined,
  ],
  ['a mailto List-Unsubscribe counts too → none', { ctx: { optOutHeader: 'mailto' } }, undefined],
  [
    'under a soft opt-in the header counts → none',
    { ctx: { optOutHeader: 'link' }, route: 'soft-opt-in' },
    undefined,
  ],
  [
    'an SMS has no mail headers: still missing',
    { ctx: { channel: 'sms', optOutHeader: 'one-click' } },
    'warning',
    /STOP/,
  ],
  ['not DM → none', { level: 'unlikely', route: 'not-direct-marketing' }, undefined],
  ['unclear → none', { level: 'unclear', route: 'unclear' }, undefined],
  [
    'level yes but routed not-DM (public task) → none',
    { level: 'yes', route: 'not-direct-marketing' },
    undefined,
  ],
])('%s', (_name, k, severity, message) => {
  const out = optOutMissing.run(checkInput(k));
  expect(out?.severity).toBe(severity);
  if (out) expect(out.id).toBe('opt-out-missing');
  if (message) expect(words(out)).toMatch(message);
});
