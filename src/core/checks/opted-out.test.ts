import { expect, test } from 'vitest';
import { optedOut } from './opted-out.ts';
import { type CheckCase, checkInput } from './test-input.ts';

test.each<[string, CheckCase, boolean]>([
  ['opted-out + DM → error', { ctx: { consent: 'opted-out' } }, true],
  ['opted-out + likely DM → error', { ctx: { consent: 'opted-out' }, level: 'likely' }, true],
  [
    'opted-out + not DM → none',
    { ctx: { consent: 'opted-out' }, level: 'unlikely', route: 'not-direct-marketing' },
    false,
  ],
  ['consent yes → none', { ctx: { consent: 'yes' }, route: 'consent-held' }, false],
  ['consent unknown → none', {}, false],
])('%s', (_name, k, fires) => {
  const out = optedOut.run(checkInput(k));
  expect(out !== undefined).toBe(fires);
  if (out) expect(out).toMatchObject({ id: 'opted-out', severity: 'error' });
});
