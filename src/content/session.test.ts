// @vitest-environment happy-dom
/** What the page may see of a verdict: never the organisation's name (issue 11, fault 7). */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeCheck, fakeVerdict } from '../core/rules/test-support.ts';
import type { DraftCheck, Verdict } from '../core/verdict.ts';
import { words } from '../i18n/test-words.ts';

vi.mock('../platform/browser.ts', () => ({ browser: {} }));
const { withoutOrganisationName } = await import('./session.ts');
const { render } = await import('../i18n/render.ts');
const { loadCatalogue, setLocale } = await import('../i18n/index.ts');

const verdict = (check: DraftCheck): Verdict => fakeVerdict({ checks: [check] });
const named = (senderName: string): DraftCheck => ({
  ...fakeCheck('sender-unidentified', 'warning', { senderName }),
  messageId: 'check_sender_unidentified_name',
});

afterEach(() => setLocale('en'));

describe('withoutOrganisationName', () => {
  test('the sender-identity check names "your organisation", not the name', () => {
    const v = verdict(named('Hope Trust'));
    expect(words(v.checks[0])).toContain('"Hope Trust" does not appear in the draft');
    const out = withoutOrganisationName(v, 'Hope Trust');
    expect(words(out.checks[0])).toBe(
      'Your organisation’s name does not appear in the draft, so recipients may not be able to tell who is sending it. Marketing messages must not hide the sender.',
    );
    expect(JSON.stringify(out)).not.toContain('Hope Trust');
  });

  test('no name set, or a check without it: the verdict unchanged', () => {
    const v = verdict(fakeCheck('sender-unidentified', 'warning'));
    expect(withoutOrganisationName(v, undefined)).toBe(v);
    expect(withoutOrganisationName(v, 'Hope Trust')).toBe(v);
  });

  test('it is translated like the other checks', async () => {
    await loadCatalogue('cy');
    setLocale('cy');
    const out = withoutOrganisationName(verdict(named('Hope Trust')), 'Hope Trust');
    expect(render(out.checks[0]!).message).toEqual({
      text: expect.stringContaining('enw eich sefydliad'),
      lang: 'cy',
    });
  });
});
