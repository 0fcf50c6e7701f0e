/** The site-script registration logic against a fake browser: idempotent, least privilege, nothing for built-ins. */
import { describe, expect, test } from 'vitest';
import { defaultSettings, type Settings } from '../settings/schema.ts';
import {
  injectInto,
  isGranted,
  type ScriptSpec,
  SITE_SCRIPT_ID,
  type SitesApi,
  siteMatches,
  syncSiteScript,
} from './sites.ts';

function settings(sites: Settings['sites'], extra: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), sites, ...extra };
}

function fakeApi(granted: string[], tabs: Record<string, number[]> = {}) {
  const state = { scripts: [] as ScriptSpec[], injected: [] as number[], calls: [] as string[] };
  const api: SitesApi = {
    contentScriptFiles: () => ['assets/main.ts-loader.js'],
    grantedOrigins: async () => granted,
    registered: async () => state.scripts,
    register: async (s) => {
      state.calls.push('register');
      state.scripts = [s];
    },
    update: async (s) => {
      state.calls.push('update');
      state.scripts = [s];
    },
    unregister: async () => {
      state.calls.push('unregister');
      state.scripts = [];
    },
    tabsMatching: async (p) => tabs[p] ?? [],
    inject: async (id) => {
      if (id < 0) throw new Error('No tab with id');
      state.injected.push(id);
    },
  };
  return { api, state };
}

describe('isGranted', () => {
  test('exact hosts, wildcards and schemes', () => {
    expect(isGranted('https://mail.example.org/*', ['https://mail.example.org/*'])).toBe(true);
    expect(isGranted('https://mail.example.org/*', ['https://*.example.org/*'])).toBe(true);
    expect(isGranted('https://mail.example.org/*', ['https://*/*'])).toBe(true);
    expect(isGranted('https://mail.example.org/*', ['<all_urls>'])).toBe(true);
    expect(isGranted('https://mail.example.org/*', ['http://mail.example.org/*'])).toBe(false);
    expect(isGranted('https://mail.example.org/*', ['https://example.org/*'])).toBe(false);
    expect(isGranted('https://evil-example.org/*', ['https://*.example.org/*'])).toBe(false);
    expect(isGranted('https://mail.example.org/*', [])).toBe(false);
  });
});

describe('siteMatches', () => {
  test('only switched-on, granted, non-built-in sites; ports dropped; sorted and unique', () => {
    const s = settings({
      'https://mail.example.org': { enabled: true },
      'https://webmail.example.net:8443': { enabled: true },
      'https://off.example.org': { enabled: false },
      'https://ungranted.example.com': { enabled: true },
      'https://mail.google.com': { enabled: true },
    });
    const granted = [
      'https://mail.example.org/*',
      'https://webmail.example.net/*',
      'https://off.example.org/*',
    ];
    expect(siteMatches(s, granted)).toEqual(['https://mail.example.org/*', 'https://webmail.example.net/*']);
  });

  test('pausing does not unregister (the running scripts pause themselves)', () => {
    const s = settings({ 'https://mail.example.org': { enabled: true } }, { pausedEverywhere: true });
    expect(siteMatches(s, ['https://mail.example.org/*'])).toEqual(['https://mail.example.org/*']);
  });
});

describe('syncSiteScript', () => {
  test('registers once, updates on change, unregisters when nothing is left', async () => {
    const { api, state } = fakeApi(['https://a.example.org/*', 'https://b.example.org/*']);
    const one = settings({ 'https://a.example.org': { enabled: true } });
    expect(await syncSiteScript(api, one)).toEqual(['https://a.example.org/*']);
    expect(state.scripts).toEqual([
      expect.objectContaining({ id: SITE_SCRIPT_ID, matches: ['https://a.example.org/*'], allFrames: true }),
    ]);
    // Running again changes nothing new.
    expect(await syncSiteScript(api, one)).toEqual([]);
    const two = settings({
      'https://a.example.org': { enabled: true },
      'https://b.example.org': { enabled: true },
    });
    expect(await syncSiteScript(api, two)).toEqual(['https://b.example.org/*']);
    expect(state.scripts[0]?.matches).toEqual(['https://a.example.org/*', 'https://b.example.org/*']);
    expect(await syncSiteScript(api, settings({}))).toEqual([]);
    expect(state.scripts).toEqual([]);
    expect(state.calls).toEqual(['register', 'update', 'update', 'unregister']);
  });

  test('no content script in the manifest: nothing is registered', async () => {
    const { api, state } = fakeApi(['https://a.example.org/*']);
    api.contentScriptFiles = () => [];
    expect(await syncSiteScript(api, settings({ 'https://a.example.org': { enabled: true } }))).toEqual([]);
    expect(state.calls).toEqual([]);
  });
});

describe('injectInto', () => {
  test('injects into every open tab on the site and survives tabs that went away', async () => {
    const { api, state } = fakeApi([], { 'https://a.example.org/*': [4, -1, 7] });
    expect(await injectInto(api, ['https://a.example.org/*', 'https://none.example.org/*'])).toBe(2);
    expect(state.injected).toEqual([4, 7]);
  });
});
