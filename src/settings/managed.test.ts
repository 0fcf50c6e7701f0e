/**
 * The organisation policy (storage.managed): validation by the same rules as the user's settings, locking,
 * defaults the user may override, saves refused for locked settings, and failing open to the user's settings
 * when the managed area is missing, throws or hangs. Also keeps public/managed_schema.json in step with the code.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test, vi } from 'vitest';

type Listener = (changes: Record<string, unknown>, areaName: string) => void;

const fake = vi.hoisted(() => {
  const state = {
    sync: {} as Record<string, unknown>,
    policy: {} as Record<string, unknown>,
    /** 'ok' | 'throw' (Firefox with no policy) | 'hang' | 'missing' (no managed area) */
    managedMode: 'ok' as 'ok' | 'throw' | 'hang' | 'missing' | 'late',
    /** In 'late' mode: the pending reads, answered by answerLate(). */
    late: [] as (() => void)[],
    listeners: new Set<(changes: Record<string, unknown>, areaName: string) => void>(),
  };
  const pick = (data: Record<string, unknown>, keys: string[]) =>
    structuredClone(Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])));
  const managed = {
    async get(keys: string[]) {
      if (state.managedMode === 'throw') throw new Error('Managed storage manifest not found');
      if (state.managedMode === 'hang') return new Promise(() => {});
      if (state.managedMode === 'late')
        return new Promise((resolve) => state.late.push(() => resolve(pick(state.policy, keys))));
      return pick(state.policy, keys);
    },
  };
  const storage = {
    sync: {
      async get(keys: string[]) {
        return pick(state.sync, keys);
      },
      async set(items: Record<string, unknown>) {
        Object.assign(state.sync, structuredClone(items));
        const changes = Object.fromEntries(Object.keys(items).map((k) => [k, { newValue: items[k] }]));
        for (const l of state.listeners) l(changes, 'sync');
      },
    },
    get managed() {
      return state.managedMode === 'missing' ? undefined : managed;
    },
    onChanged: {
      addListener: (l: Listener) => state.listeners.add(l),
      removeListener: (l: Listener) => state.listeners.delete(l),
    },
  };
  return { state, storage };
});

vi.mock('../platform/browser.ts', () => ({ browser: { storage: fake.storage } }));

const {
  parseManagedPolicy,
  readManagedPolicy,
  applyPolicy,
  POLICY_KEYS,
  MAX_POLICY_NOTES_PER_KEY,
  forgetLatestPolicy,
  onLatePolicy,
} = await import('./managed.ts');
const {
  readSettings,
  loadSettings,
  saveSettings,
  setSiteEnabled,
  removeSite,
  onSettingsChanged,
  watchSettings,
  LOCKED_MESSAGE,
} = await import('./store.ts');
const { defaultSettings, ORGANISATION_TYPES, SEND_CHECK_MODES, SETTINGS_FIELDS, MAX_SITES } = await import(
  './schema.ts'
);
const { CHANNELS } = await import('../core/context.ts');

beforeEach(() => {
  fake.state.sync = {};
  fake.state.policy = {};
  fake.state.managedMode = 'ok';
  fake.state.late = [];
  fake.state.listeners.clear();
  forgetLatestPolicy();
});

/** Answers every managed read waiting in 'late' mode. */
function answerLate() {
  for (const answer of fake.state.late.splice(0)) answer();
}

describe('parseManagedPolicy', () => {
  test('no policy: nothing set, nothing locked, no notes', () => {
    for (const raw of [undefined, null, {}]) {
      expect(parseManagedPolicy(raw)).toEqual({ values: {}, locked: [], problems: [] });
    }
  });

  test('valid values are taken as given and, with no "locked" key, every one of them is locked', () => {
    const policy = parseManagedPolicy({
      organisationType: 'charity',
      organisationName: '  Hope Trust ',
      sendCheckMode: 'confirm',
      sites: ['https://Webmail.Hope.example/inbox'],
      disabledSites: ['https://mail.yahoo.com'],
      pausedEverywhere: false,
    });
    expect(policy.problems).toEqual([]);
    expect(policy.values).toEqual({
      organisationType: 'charity',
      organisationName: 'Hope Trust',
      sendCheckMode: 'confirm',
      sites: {
        'https://webmail.hope.example': { enabled: true },
        'https://mail.yahoo.com': { enabled: false },
      },
      pausedEverywhere: false,
    });
    expect(policy.locked).toEqual([
      'organisationType',
      'organisationName',
      'sendCheckMode',
      'sites',
      'pausedEverywhere',
    ]);
  });

  test('bad values are ignored (not replaced by a default) with a note naming the policy key', () => {
    const policy = parseManagedPolicy({
      organisationType: 'council',
      organisationName: 42,
      defaultChannel: 'fax',
      sendCheckMode: 'sometimes',
      pausedEverywhere: 'yes',
      sites: 'https://a.example',
    });
    expect(policy.values).toEqual({});
    expect(policy.locked).toEqual([]);
    expect(policy.problems).toHaveLength(6);
    expect(policy.problems[0]).toBe(
      `Organisation policy “organisationType”: “council” should be one of ${ORGANISATION_TYPES.join(', ')}; ignored.`,
    );
    expect(policy.problems.join('\n')).toContain(
      '“sendCheckMode”: “sometimes” should be one of off, advise, risk, confirm',
    );
    expect(policy.problems.join('\n')).toContain('“sites”: expected a list of site addresses but found');
  });

  test('an over-long organisation name is ignored rather than cut', () => {
    const policy = parseManagedPolicy({ organisationName: 'x'.repeat(201) });
    expect(policy.values).toEqual({});
    expect(policy.problems).toEqual([expect.stringContaining('longer than the 200 characters allowed')]);
  });

  test('site lists: bad addresses skipped with a note, good ones kept; a site in both lists is ignored', () => {
    const policy = parseManagedPolicy({
      sites: [
        'https://ok.example',
        'ftp://bad.example',
        7,
        'http://intranet.example',
        'https://both.example',
      ],
      disabledSites: ['https://both.example'],
    });
    expect(policy.values.sites).toEqual({ 'https://ok.example': { enabled: true } });
    expect(policy.problems).toHaveLength(4);
    expect(policy.problems.at(-1)).toContain('https://both.example is in both');
    expect(policy.locked).toEqual(['sites']);
  });

  test('a site list holding only bad entries sets nothing; an empty list on purpose sets an empty list', () => {
    expect(parseManagedPolicy({ sites: ['nope'] }).values).toEqual({});
    expect(parseManagedPolicy({ sites: [] })).toEqual({
      values: { sites: {} },
      locked: ['sites'],
      problems: [],
    });
  });

  test('site lists obey the same cap as the user’s list', () => {
    const many = Array.from({ length: MAX_SITES + 5 }, (_, i) => `https://s${i}.example`);
    const policy = parseManagedPolicy({ sites: many });
    expect(Object.keys(policy.values.sites ?? {})).toHaveLength(MAX_SITES);
    expect(policy.problems).toEqual(
      expect.arrayContaining([expect.stringContaining(`more than ${MAX_SITES} sites`)]),
    );
  });

  test('"locked" chooses which settings are locked; the rest are defaults; unknown names are noted', () => {
    const policy = parseManagedPolicy({
      organisationType: 'business',
      sendCheckMode: 'confirm',
      locked: ['organisationType', 'pausedEverywhere', 'colour', 'disabledSites'],
    });
    expect(policy.locked).toEqual(['organisationType', 'sites', 'pausedEverywhere']);
    expect(policy.problems).toEqual([expect.stringContaining('“colour” is not a setting name')]);
  });

  test('a "locked" that is not a list is noted, and everything set is locked (the safe reading)', () => {
    const policy = parseManagedPolicy({ sendCheckMode: 'off', locked: 'sendCheckMode' });
    expect(policy.locked).toEqual(['sendCheckMode']);
    expect(policy.problems).toEqual([expect.stringContaining('expected a list of setting names')]);
  });

  test('a policy that is not an object, or throws when read, is ignored with a note', () => {
    expect(parseManagedPolicy(['a'])).toMatchObject({
      values: {},
      locked: [],
      problems: [expect.any(String)],
    });
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('no');
        },
      },
    );
    expect(parseManagedPolicy(hostile).problems).toEqual([
      'The organisation policy could not be read; it is ignored.',
    ]);
  });
});

describe('a policy with very many bad site entries', () => {
  test('125,000 bad sites: the rest of the policy, locks included, still applies; the notes stay short', () => {
    const policy = parseManagedPolicy({
      sendCheckMode: 'confirm',
      organisationType: 'charity',
      sites: Array.from({ length: 125_000 }, (_, i) => `ftp://bad-${i}.example`),
      disabledSites: ['https://mail.yahoo.com'],
      locked: ['sendCheckMode', 'sites'],
    });
    expect(policy.values.sendCheckMode).toBe('confirm');
    expect(policy.values.organisationType).toBe('charity');
    expect(policy.values.sites).toEqual({ 'https://mail.yahoo.com': { enabled: false } });
    expect(policy.locked).toEqual(['sendCheckMode', 'sites']);
    expect(policy.problems.length).toBeLessThanOrEqual(MAX_POLICY_NOTES_PER_KEY + 1);
    expect(policy.problems.at(-1)).toMatch(/“sites”: and 124,9\d\d more entries like these; ignored\./);
  });
});

describe('applyPolicy', () => {
  const user = {
    ...defaultSettings(),
    organisationType: 'political' as const,
    sendCheckMode: 'off' as const,
  };

  test('locked values override the user’s; a locked setting the policy does not set takes the default', () => {
    const policy = parseManagedPolicy({
      organisationType: 'charity',
      locked: ['organisationType', 'sendCheckMode'],
    });
    const out = applyPolicy(user, new Set(['organisationType', 'sendCheckMode']), policy);
    expect(out.organisationType).toBe('charity');
    expect(out.sendCheckMode).toBe('risk');
  });

  test('an unlocked value applies only where the user has not chosen', () => {
    const policy = parseManagedPolicy({ organisationType: 'charity', defaultChannel: 'sms', locked: [] });
    const out = applyPolicy(user, new Set(['organisationType']), policy);
    expect(out.organisationType).toBe('political');
    expect(out.defaultChannel).toBe('sms');
  });

  test('sites: locked replaces the user’s list; unlocked merges it, the user winning per site', () => {
    const mine = {
      ...user,
      sites: { 'https://a.example': { enabled: false }, 'https://b.example': { enabled: true } },
    };
    const lockedPolicy = parseManagedPolicy({ sites: ['https://a.example'] });
    expect(applyPolicy(mine, new Set(['sites']), lockedPolicy).sites).toEqual({
      'https://a.example': { enabled: true },
    });
    const openPolicy = parseManagedPolicy({ sites: ['https://a.example', 'https://c.example'], locked: [] });
    expect(applyPolicy(mine, new Set(['sites']), openPolicy).sites).toEqual({
      'https://a.example': { enabled: false },
      'https://b.example': { enabled: true },
      'https://c.example': { enabled: true },
    });
  });

  test('does not mutate the user’s settings or the policy', () => {
    const policy = parseManagedPolicy({ sites: ['https://a.example'] });
    const before = structuredClone(user);
    const out = applyPolicy(user, new Set(), policy);
    out.sites['https://z.example'] = { enabled: true };
    expect(user).toEqual(before);
    expect(policy.values.sites).toEqual({ 'https://a.example': { enabled: true } });
  });
});

describe('store with an organisation policy', () => {
  test('managed values override the user’s stored values, and the read says which are locked', async () => {
    fake.state.sync = { organisationType: 'business', organisationName: 'Mine', sendCheckMode: 'off' };
    fake.state.policy = { organisationType: 'public-authority', organisationName: 'Anytown Council' };
    const read = await readSettings();
    expect(read.settings).toMatchObject({
      organisationType: 'public-authority',
      organisationName: 'Anytown Council',
      sendCheckMode: 'off',
    });
    expect(read.managed).toEqual({
      locked: ['organisationType', 'organisationName'],
      defaults: [],
      sites: {},
      problems: [],
    });
    expect(await loadSettings()).toEqual(read.settings);
  });

  test('locked settings cannot be saved: refused, explained, storage untouched; the rest of the update saves', async () => {
    fake.state.sync = { organisationType: 'business' };
    fake.state.policy = { organisationType: 'charity', pausedEverywhere: false };
    const saved = await saveSettings({
      organisationType: 'political',
      pausedEverywhere: true,
      defaultChannel: 'sms',
    });
    expect(saved.ok).toBe(false);
    expect(saved.refused).toEqual(['organisationType', 'pausedEverywhere']);
    expect(saved.issues).toEqual([
      { field: 'organisationType', message: LOCKED_MESSAGE },
      { field: 'pausedEverywhere', message: LOCKED_MESSAGE },
    ]);
    expect(fake.state.sync).toEqual({ organisationType: 'business', defaultChannel: 'sms', version: 1 });
    expect(saved.settings).toMatchObject({
      organisationType: 'charity',
      pausedEverywhere: false,
      defaultChannel: 'sms',
    });
  });

  test('an update made only of locked settings writes nothing', async () => {
    fake.state.policy = { sendCheckMode: 'confirm' };
    const saved = await saveSettings({ sendCheckMode: 'off' });
    expect(saved).toMatchObject({ ok: false, refused: ['sendCheckMode'] });
    expect(fake.state.sync).toEqual({});
  });

  test('an unlocked default applies until the user saves their own choice, which then wins', async () => {
    fake.state.policy = { sendCheckMode: 'confirm', locked: [] };
    expect((await readSettings()).managed.defaults).toEqual(['sendCheckMode']);
    expect((await loadSettings()).sendCheckMode).toBe('confirm');
    const saved = await saveSettings({ sendCheckMode: 'advise' });
    expect(saved.ok).toBe(true);
    expect(saved.settings.sendCheckMode).toBe('advise');
    expect((await loadSettings()).sendCheckMode).toBe('advise');
  });

  test('a bad stored value under an unlocked default gives way to the default', async () => {
    fake.state.sync = { sendCheckMode: 'sometimes' };
    fake.state.policy = { sendCheckMode: 'confirm', locked: [] };
    const read = await readSettings();
    expect(read.settings.sendCheckMode).toBe('confirm');
    expect(read.problems).toEqual([expect.stringContaining('Check at Send')]);
  });

  test('problems with stored values of locked settings are not reported to the user', async () => {
    fake.state.sync = { organisationType: 'council' };
    fake.state.policy = { organisationType: 'charity' };
    expect((await readSettings()).problems).toEqual([]);
  });

  test('bad policy values are ignored: the user’s settings stay in force, and the notes are passed on', async () => {
    fake.state.sync = { sendCheckMode: 'off' };
    fake.state.policy = { sendCheckMode: 'never', organisationType: 'charity' };
    const read = await readSettings();
    expect(read.settings.sendCheckMode).toBe('off');
    expect(read.settings.organisationType).toBe('charity');
    expect(read.managed.locked).toEqual(['organisationType']);
    expect(read.managed.problems).toEqual([expect.stringContaining('“sendCheckMode”: “never”')]);
    expect((await saveSettings({ sendCheckMode: 'confirm' })).ok).toBe(true);
  });

  test('locked sites: no site can be added, switched or removed', async () => {
    fake.state.sync = { sites: { 'https://mine.example': { enabled: true } } };
    fake.state.policy = { sites: ['https://webmail.org.example'], disabledSites: ['https://mail.yahoo.com'] };
    const read = await readSettings();
    expect(read.settings.sites).toEqual({
      'https://webmail.org.example': { enabled: true },
      'https://mail.yahoo.com': { enabled: false },
    });
    expect(read.managed.sites).toEqual(read.settings.sites);
    for (const result of [
      await setSiteEnabled('https://new.example', true),
      await setSiteEnabled('https://mail.yahoo.com', true),
      await removeSite('https://webmail.org.example'),
    ]) {
      expect(result).toMatchObject({ ok: false, refused: ['sites'], problems: [LOCKED_MESSAGE] });
    }
    expect(fake.state.sync).toEqual({ sites: { 'https://mine.example': { enabled: true } } });
  });

  test('unlocked sites: the user adds and switches sites; untouched organisation sites stay the organisation’s', async () => {
    fake.state.policy = { sites: ['https://webmail.org.example', 'https://other.org.example'], locked: [] };
    await setSiteEnabled('https://mine.example', true);
    expect(fake.state.sync.sites).toEqual({ 'https://mine.example': { enabled: true } });
    await setSiteEnabled('https://other.org.example', false);
    expect(fake.state.sync.sites).toEqual({
      'https://mine.example': { enabled: true },
      'https://other.org.example': { enabled: false },
    });
    expect((await loadSettings()).sites).toEqual({
      'https://webmail.org.example': { enabled: true },
      'https://other.org.example': { enabled: false },
      'https://mine.example': { enabled: true },
    });
    // Removing an organisation site only drops the user's own switch: the organisation's default returns.
    await removeSite('https://other.org.example');
    expect((await loadSettings()).sites['https://other.org.example']).toEqual({ enabled: true });
  });

  test('the policy still applies when sync storage cannot be read', async () => {
    fake.state.policy = { organisationType: 'charity' };
    const sync = fake.storage.sync;
    const get = sync.get;
    sync.get = async () => {
      throw new Error('sync broke');
    };
    try {
      const read = await readSettings();
      expect(read.storageError).toContain('sync broke');
      expect(read.settings).toEqual({ ...defaultSettings(), organisationType: 'charity' });
    } finally {
      sync.get = get;
    }
  });

  test('a policy change is reported through onSettingsChanged', async () => {
    const seen: string[] = [];
    const unsubscribe = onSettingsChanged((read) => seen.push(read.settings.organisationType));
    fake.state.policy = { organisationType: 'political' };
    for (const l of fake.state.listeners) l({ organisationType: { newValue: 'political' } }, 'managed');
    await vi.waitFor(() => expect(seen).toEqual(['political']));
    unsubscribe();
  });
});

describe('failing open to the user’s settings', () => {
  const mine = { organisationType: 'business', sendCheckMode: 'off' };

  test.each([
    ['no managed area at all', 'missing'],
    ['the browser throws (Firefox with no policy or manifest)', 'throw'],
  ] as const)('%s', async (_name, mode) => {
    fake.state.sync = { ...mine };
    fake.state.policy = { organisationType: 'charity' };
    fake.state.managedMode = mode;
    const read = await readSettings();
    expect(read.settings).toMatchObject(mine);
    expect(read.managed).toEqual({ locked: [], defaults: [], sites: {}, problems: [] });
    expect((await saveSettings({ organisationType: 'charity' })).ok).toBe(true);
  });

  test('a managed area that never answers is given up on after the timeout', async () => {
    fake.state.managedMode = 'hang';
    vi.useFakeTimers();
    try {
      const pending = readManagedPolicy(1000);
      await vi.advanceTimersByTimeAsync(1000);
      expect(await pending).toEqual({ values: {}, locked: [], problems: [], pending: true });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a policy that answers late (the first page after a browser start)', () => {
  const LOCKED = { sendCheckMode: 'confirm', pausedEverywhere: true };

  test('readManagedPolicy gives up at once with 0 ms, hands the late answer to listeners, then reuses it', async () => {
    fake.state.managedMode = 'late';
    fake.state.policy = LOCKED;
    const seen: unknown[] = [];
    const off = onLatePolicy((p) => seen.push(p.values));
    expect(await readManagedPolicy(0)).toMatchObject({ values: {}, pending: true });
    answerLate();
    await vi.waitFor(() => expect(seen).toEqual([LOCKED]));
    // A later read that times out again falls back to the policy already in hand, not to none.
    const again = await readManagedPolicy(0);
    expect(again.values).toEqual(LOCKED);
    expect(again.pending).toBeUndefined();
    off();
  });

  test('watchSettings: defaults at once, the user’s settings without waiting, the locked policy when it comes', async () => {
    fake.state.managedMode = 'late';
    fake.state.sync = { sendCheckMode: 'off', organisationType: 'charity' };
    fake.state.policy = LOCKED;
    const reads: { mode: string; paused: boolean; type: string; pending: boolean }[] = [];
    const off = watchSettings((r) =>
      reads.push({
        mode: r.settings.sendCheckMode,
        paused: r.settings.pausedEverywhere,
        type: r.settings.organisationType,
        pending: !!r.policyPending,
      }),
    );
    // Synchronously: the safe defaults (advise never holds a send), so composers are found at once.
    expect(reads).toEqual([{ mode: 'advise', paused: false, type: 'unknown', pending: true }]);
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    expect(reads[1]).toEqual({ mode: 'off', paused: false, type: 'charity', pending: true });
    answerLate();
    await vi.waitFor(() => expect(reads).toHaveLength(3));
    expect(reads[2]).toEqual({ mode: 'confirm', paused: true, type: 'charity', pending: false });
    off();
  });

  test('watchSettings: a read without the policy never replaces one with it', async () => {
    fake.state.managedMode = 'late';
    fake.state.policy = LOCKED;
    const modes: string[] = [];
    const off = watchSettings((r) => modes.push(r.settings.sendCheckMode));
    // The policy answers before the user's own read has been delivered.
    answerLate();
    await vi.waitFor(() => expect(modes.at(-1)).toBe('confirm'));
    await new Promise((r) => setTimeout(r, 20));
    expect(modes.at(-1)).toBe('confirm');
    // A settings change later is read with the policy in hand.
    const before = modes.length;
    await fake.storage.sync.set({ organisationType: 'business' });
    await vi.waitFor(() => expect(modes.length).toBeGreaterThan(before));
    expect(modes.at(-1)).toBe('confirm');
    off();
  });
});

describe('public/managed_schema.json', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'),
  );

  test('declares exactly the policy keys the code reads, at the top level of an object', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });

  test('its choices match the settings’ own', () => {
    const p = schema.properties;
    expect(p.organisationType.enum).toEqual([...ORGANISATION_TYPES]);
    expect(p.defaultChannel.enum).toEqual([...CHANNELS]);
    expect(p.sendCheckMode.enum).toEqual([...SEND_CHECK_MODES]);
    expect(p.locked.items.enum).toEqual([...SETTINGS_FIELDS, 'disabledSites']);
    expect(p.pausedEverywhere.type).toBe('boolean');
    expect(p.organisationName.type).toBe('string');
    for (const key of ['sites', 'disabledSites', 'locked']) expect(p[key].type).toBe('array');
  });

  test('every property has a title and description (Chrome shows them in chrome://policy) and exactly one type', () => {
    for (const [key, prop] of Object.entries<Record<string, unknown>>(schema.properties)) {
      expect(prop.title, key).toEqual(expect.any(String));
      expect(prop.description, key).toEqual(expect.any(String));
      expect(typeof prop.type, key).toBe('string');
    }
  });
});

describe('README policy examples', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## Managed deployment');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 3));
  const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
  /** The extension's own policy inside each example: Chrome's 3rdparty, Firefox's 3rdparty, or a native manifest. */
  const policies = blocks.map(
    (b) =>
      Object.values(b['3rdparty']?.extensions ?? {})[0] ??
      Object.values(b.policies?.['3rdparty']?.Extensions ?? {})[0] ??
      b.data,
  );

  test('there are three examples (Chrome/Edge, Firefox policies.json, Firefox native manifest)', () => {
    expect(start).toBeGreaterThan(-1);
    expect(policies).toHaveLength(3);
    for (const p of policies) expect(p).toEqual(expect.any(Object));
  });

  test('each example is a valid policy: known keys only, nothing ignored', () => {
    for (const p of policies) {
      expect(Object.keys(p).filter((k) => !(POLICY_KEYS as readonly string[]).includes(k))).toEqual([]);
      expect(parseManagedPolicy(p).problems).toEqual([]);
    }
  });

  test('the Firefox examples use the extension’s gecko id', () => {
    const firefox = blocks[1].policies['3rdparty'].Extensions;
    expect(Object.keys(firefox)).toEqual(['marketing-rules-check@example.org']);
    expect(blocks[2].name).toBe('marketing-rules-check@example.org');
  });
});
