/** The store against a fake `browser.storage`: merge-and-validate on save, and failing safe when storage breaks. */
import { beforeEach, describe, expect, test, vi } from 'vitest';

type Listener = (changes: Record<string, unknown>, areaName: string) => void;

const fake = vi.hoisted(() => {
  const state = {
    data: {} as Record<string, unknown>,
    failGet: false,
    failSet: false,
    listeners: new Set<(changes: Record<string, unknown>, areaName: string) => void>(),
    storage: undefined as unknown,
  };
  state.storage = {
    sync: {
      async get(keys: string[]) {
        if (state.failGet) throw new Error('storage broke');
        return Object.fromEntries(keys.filter((k) => k in state.data).map((k) => [k, state.data[k]]));
      },
      async set(items: Record<string, unknown>) {
        if (state.failSet) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        const changes = Object.fromEntries(Object.keys(items).map((k) => [k, { newValue: items[k] }]));
        Object.assign(state.data, structuredClone(items));
        for (const l of state.listeners) l(changes, 'sync');
      },
    },
    onChanged: {
      addListener: (l: Listener) => state.listeners.add(l),
      removeListener: (l: Listener) => state.listeners.delete(l),
    },
  };
  return state;
});

vi.mock('../platform/browser.ts', () => ({
  browser: {
    get storage() {
      return fake.storage;
    },
  },
}));

const {
  loadSettings,
  onSettingsChanged,
  readSettings,
  removeSite,
  saveSettings,
  setSiteEnabled,
  SITE_NOT_STORABLE,
} = await import('./store.ts');
const { defaultSettings } = await import('./schema.ts');

beforeEach(() => {
  fake.data = {};
  fake.failGet = false;
  fake.failSet = false;
  fake.listeners.clear();
});

describe('settings store', () => {
  test('empty storage gives the defaults', async () => {
    expect(await loadSettings()).toEqual(defaultSettings());
  });

  test('save merges, validates and writes only the fields given (plus the version)', async () => {
    fake.data = { organisationName: 'Hope Trust', installedAt: 'elsewhere' };
    const saved = await saveSettings({ organisationType: 'charity', sendCheckMode: 'confirm' });
    expect(saved.ok).toBe(true);
    expect(saved.problems).toEqual([]);
    expect(saved.settings).toMatchObject({
      organisationType: 'charity',
      organisationName: 'Hope Trust',
      sendCheckMode: 'confirm',
    });
    expect(fake.data).toEqual({
      organisationName: 'Hope Trust',
      installedAt: 'elsewhere',
      organisationType: 'charity',
      sendCheckMode: 'confirm',
      version: 1,
    });
  });

  test('a bad value in the update is replaced by its default and reported', async () => {
    const saved = await saveSettings({
      organisationName: '  Hope  ',
      defaultChannel: 'fax' as 'email',
    });
    expect(saved.ok).toBe(true);
    expect(saved.settings.organisationName).toBe('Hope');
    expect(saved.problems).toEqual([expect.stringContaining('Default channel')]);
    expect(fake.data.defaultChannel).toBe('email');
  });

  test('unknown keys in an update are not written', async () => {
    await saveSettings({ organisationType: 'business', evil: 1 } as never);
    expect(fake.data).toEqual({ organisationType: 'business', version: 1 });
  });

  test('bad stored data reads as defaults with problems, and is not reported as the update’s fault', async () => {
    fake.data = { organisationType: 'council', pausedEverywhere: 'yes' };
    const read = await readSettings();
    expect(read.settings).toEqual(defaultSettings());
    expect(read.problems).toHaveLength(2);
    const saved = await saveSettings({ pausedEverywhere: true });
    expect(saved.problems).toEqual([]);
    expect(saved.settings.pausedEverywhere).toBe(true);
  });

  test('site switches: add, toggle, remove', async () => {
    await setSiteEnabled('https://Mail.Example.org/inbox', true);
    expect((await loadSettings()).sites).toEqual({ 'https://mail.example.org': { enabled: true } });
    await setSiteEnabled('https://mail.example.org', false);
    expect((await loadSettings()).sites).toEqual({ 'https://mail.example.org': { enabled: false } });
    await removeSite('https://mail.example.org');
    expect((await loadSettings()).sites).toEqual({});
  });

  test('fails safe when reading throws: defaults, an error, and no write', async () => {
    fake.failGet = true;
    expect(await loadSettings()).toEqual(defaultSettings());
    expect((await readSettings()).storageError).toContain('storage broke');
    const saved = await saveSettings({ organisationType: 'charity' });
    expect(saved.ok).toBe(false);
    expect(saved.storageError).toContain('storage broke');
  });

  test('fails safe when writing throws', async () => {
    fake.failSet = true;
    const saved = await saveSettings({ organisationType: 'charity' });
    expect(saved).toMatchObject({ ok: false, storageError: expect.stringContaining('quota') });
    expect(saved.settings.organisationType).toBe('charity');
  });

  test('fails safe when storage is missing altogether', async () => {
    const storage = fake.storage;
    fake.storage = undefined;
    try {
      expect(await loadSettings()).toEqual(defaultSettings());
      expect((await saveSettings({ organisationType: 'charity' })).ok).toBe(false);
      const unsubscribe = onSettingsChanged(() => {});
      expect(unsubscribe).toBeTypeOf('function');
      unsubscribe();
    } finally {
      fake.storage = storage;
    }
  });

  test('onSettingsChanged reports validated settings for our keys only, until unsubscribed', async () => {
    const seen: string[] = [];
    const unsubscribe = onSettingsChanged((read) => seen.push(read.settings.organisationType));
    await saveSettings({ organisationType: 'political' });
    await vi.waitFor(() => expect(seen).toEqual(['political']));
    for (const l of fake.listeners) l({ installedAt: { newValue: 'x' } }, 'sync');
    for (const l of fake.listeners) l({ organisationType: { newValue: 'charity' } }, 'local');
    unsubscribe();
    await saveSettings({ organisationType: 'business' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['political']);
    expect(fake.listeners.size).toBe(0);
  });

  test('a plain-http site beyond this computer is refused, never reported as saved', async () => {
    const saved = await setSiteEnabled('http://webmail.intranet.example', true);
    expect(saved.ok).toBe(false);
    expect(saved.problems).toEqual([SITE_NOT_STORABLE]);
    expect(fake.data.sites).toBeUndefined();
    // On this computer plain http is fine, and the address is stored normalised.
    expect((await setSiteEnabled('http://127.0.0.2:8080/mail/', true)).ok).toBe(true);
    expect(fake.data.sites).toEqual({ 'http://127.0.0.2:8080': { enabled: true } });
  });
});
