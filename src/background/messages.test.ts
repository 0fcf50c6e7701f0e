/** The background's message handling: each message only from the sender it is meant for; the log rate-limited. */
import { describe, expect, test } from 'vitest';
import type { OverrideEntry } from '../settings/override-log.ts';
import { ENABLE_SITE, LOG_OVERRIDE } from '../sites/messages.ts';
import {
  handleMessage,
  type MessageDeps,
  NOT_FROM_EXTENSION_PAGE,
  RATE_LIMITED,
  type Sender,
} from './messages.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const POPUP: Sender = { id: ID, url: `${BASE}src/popup/index.html` };
const CONTENT: Sender = {
  id: ID,
  url: 'https://mail.example.org/inbox',
  tab: { id: 7, url: 'https://mail.example.org/inbox' },
};

const entry: OverrideEntry = {
  at: '2026-11-24T10:15:00.000Z',
  site: 'https://forged.example',
  webmail: 'generic',
  verdict: 'yes',
  purpose: 'fundraising',
  route: 'consent-required',
  checks: [],
  reason: '',
};

function deps(allow = true) {
  const calls = { enabled: [] as string[], appended: [] as OverrideEntry[] };
  const d: MessageDeps = {
    extensionId: ID,
    extensionBase: BASE,
    enableSite: async (r) => {
      calls.enabled.push(r.origin);
      return { ok: true };
    },
    appendOverride: async (e) => {
      calls.appended.push(e);
      return { ok: true };
    },
    rateLimit: { allow: () => allow },
  };
  return { d, calls };
}

describe('ENABLE_SITE', () => {
  const message = { type: ENABLE_SITE, origin: 'https://webmail.example.org' };

  test('from the popup (also opened as a page in a tab): handled', async () => {
    for (const sender of [POPUP, { ...POPUP, tab: { id: 3, url: POPUP.url } }]) {
      const { d, calls } = deps();
      expect(await handleMessage(message, sender, d)).toEqual({ ok: true });
      expect(calls.enabled).toEqual(['https://webmail.example.org']);
    }
  });

  test.each([
    ['a content script (its URL is the web page’s, as the browser reports it)', CONTENT],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['no sender id', { url: `${BASE}src/popup/index.html` }],
  ] as const)('from %s: refused, nothing enabled', async (_name, sender) => {
    const { d, calls } = deps();
    expect(await handleMessage(message, sender, d)).toEqual({ ok: false, error: NOT_FROM_EXTENSION_PAGE });
    expect(calls.enabled).toEqual([]);
  });
});

describe('LOG_OVERRIDE', () => {
  test('from a content script: appended, with the site the browser reports for the tab', async () => {
    const { d, calls } = deps();
    expect(await handleMessage({ type: LOG_OVERRIDE, entry }, CONTENT, d)).toEqual({ ok: true });
    expect(calls.appended).toEqual([{ ...entry, site: 'https://mail.example.org' }]);
  });

  test('from an extension page or another extension: refused', async () => {
    for (const sender of [POPUP, { ...CONTENT, id: 'other' }]) {
      const { d, calls } = deps();
      expect(await handleMessage({ type: LOG_OVERRIDE, entry }, sender, d)).toMatchObject({ ok: false });
      expect(calls.appended).toEqual([]);
    }
  });

  test('over the rate limit: not appended, and the reply says why', async () => {
    const { d, calls } = deps(false);
    expect(await handleMessage({ type: LOG_OVERRIDE, entry }, CONTENT, d)).toEqual({
      ok: false,
      storageError: RATE_LIMITED,
    });
    expect(calls.appended).toEqual([]);
  });
});

test('other messages are not answered', () => {
  const { d } = deps();
  expect(handleMessage({ type: 'mrc:tab-status' }, POPUP, d)).toBeUndefined();
  expect(handleMessage(null, POPUP, d)).toBeUndefined();
  expect(handleMessage({ type: LOG_OVERRIDE, entry: 'x' }, CONTENT, d)).toBeUndefined();
});
