import { expect, test } from 'vitest';
import { consentRequestIsMarketing } from './consent-request-is-marketing.ts';
import { type CheckCase, checkInput } from './test-input.ts';

test.each<[string, CheckCase, boolean]>([
  ['consent request → info', { c: { counts: { 'consent-request': 1 } } }, true],
  [
    'consent request with consent held → none',
    { c: { counts: { 'consent-request': 1 } }, ctx: { consent: 'yes' } },
    false,
  ],
  ['no consent request → none', {}, false],
  [
    'unjudged consent-request hit (footer) → none',
    { c: { hits: [{ signal: 'consent-request', judged: false }] } },
    false,
  ],
])('%s', (_name, k, fires) => {
  const out = consentRequestIsMarketing.run(checkInput(k));
  expect(out !== undefined).toBe(fires);
  if (out) expect(out).toMatchObject({ id: 'consent-request-is-marketing', severity: 'info' });
});
