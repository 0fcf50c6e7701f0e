// @vitest-environment happy-dom
/** What the page may see of a verdict: never the organisation's name (issue 11, fault 7). */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Verdict } from '../core/verdict.ts';

vi.mock('../platform/browser.ts', () => ({ browser: {} }));
const { withoutOrganisationName } = await import('./session.ts');
const { checkText, SENDER_NAME_HIDDEN } = await import('../i18n/verdict.ts');
const { loadCatalogue, setLocale } = await import('../i18n/index.ts');

const verdict = (message: string): Verdict => ({
  directMarketing: 'yes',
  primaryPurpose: 'fundraising',
  purposes: { promotional: 0, fundraising: 0.9, campaigning: 0 },
  route: 'consent-required',
  summary: '',
  evidence: [],
  rules: [],
  checks: [{ id: 'sender-unidentified', severity: 'warning', message }],
  questions: [],
});

afterEach(() => setLocale('en'));

describe('withoutOrganisationName', () => {
  const named =
    '"Hope Trust" does not appear in the draft, so recipients may not be able to tell who is sending it. Marketing messages must not hide the sender.';

  test('the sender-identity check names "your organisation", not the name', () => {
    const out = withoutOrganisationName(verdict(named), 'Hope Trust');
    expect(out.checks[0]?.message).toBe(SENDER_NAME_HIDDEN);
    expect(JSON.stringify(out)).not.toContain('Hope Trust');
  });

  test('no name set, or a message without it: the verdict unchanged', () => {
    const v = verdict('The draft may not make clear who is sending it.');
    expect(withoutOrganisationName(v, undefined)).toBe(v);
    expect(withoutOrganisationName(v, 'Hope Trust')).toBe(v);
  });

  test('it is translated like the other checks', async () => {
    await loadCatalogue('cy');
    setLocale('cy');
    expect(checkText({ id: 'sender-unidentified', message: SENDER_NAME_HIDDEN })).toEqual({
      text: expect.stringContaining('enw eich sefydliad'),
      lang: 'cy',
    });
  });
});
