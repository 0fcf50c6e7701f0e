/** The override log: validation, reason clean-up, the cap, CSV escaping and formula guarding, failing safe. */
import { beforeEach, describe, expect, test, vi } from 'vitest';

type Listener = (changes: Record<string, unknown>, areaName: string) => void;

const fake = vi.hoisted(() => {
  const state = {
    data: {} as Record<string, unknown>,
    fail: false,
    listeners: new Set<(changes: Record<string, unknown>, areaName: string) => void>(),
    storage: undefined as unknown,
  };
  state.storage = {
    local: {
      async get(key: string) {
        if (state.fail) throw new Error('storage broke');
        return key in state.data ? { [key]: structuredClone(state.data[key]) } : {};
      },
      async set(items: Record<string, unknown>) {
        if (state.fail) throw new Error('QUOTA_BYTES quota exceeded');
        Object.assign(state.data, structuredClone(items));
        const changes = Object.fromEntries(Object.keys(items).map((k) => [k, { newValue: items[k] }]));
        for (const l of state.listeners) l(changes, 'local');
      },
      async remove(key: string) {
        if (state.fail) throw new Error('storage broke');
        delete state.data[key];
        for (const l of state.listeners) l({ [key]: { newValue: undefined } }, 'local');
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

const log = await import('./override-log.ts');
type Entry = import('./override-log.ts').OverrideEntry;

const entry = (over: Partial<Entry> = {}): Entry => ({
  at: '2026-11-24T10:15:00.000Z',
  site: 'https://mail.google.com',
  webmail: 'gmail',
  verdict: 'yes',
  purpose: 'fundraising',
  route: 'consent-required',
  checks: ['opt-out-missing'],
  reason: 'Supporters asked for this update',
  ...over,
});

beforeEach(() => {
  fake.data = {};
  fake.fail = false;
  fake.listeners.clear();
});

describe('cleanReason', () => {
  test('collapses whitespace and control characters, and trims', () => {
    expect(log.cleanReason('  line one\n\tline\u0000two  ')).toBe('line one line two');
  });

  test('removes email addresses: the log never holds addresses', () => {
    expect(log.cleanReason('Approved by jo.bloggs@council.gov.uk and <a@b.org>')).toBe(
      'Approved by [address] and <[address]>',
    );
  });

  test('caps the length in characters, marking the cut', () => {
    const long = '😀'.repeat(log.MAX_REASON_LENGTH + 10);
    const out = log.cleanReason(long);
    expect([...out]).toHaveLength(log.MAX_REASON_LENGTH);
    expect(out.endsWith('…')).toBe(true);
  });

  test('anything but text gives an empty reason', () => {
    expect(log.cleanReason(undefined)).toBe('');
    expect(log.cleanReason({ toString: () => 'x' })).toBe('');
  });
});

describe('parseLog', () => {
  test('keeps valid entries, drops and counts bad ones', () => {
    const raw = [
      entry(),
      { ...entry(), verdict: 'maybe' },
      { ...entry(), at: 'yesterday' },
      'nonsense',
      { ...entry(), site: '' },
      entry({ reason: '' }),
    ];
    const { entries, dropped } = log.parseLog(raw);
    expect(entries).toHaveLength(2);
    expect(dropped).toBe(4);
  });

  test('a missing log is empty, not an error; a non-list counts as one dropped', () => {
    expect(log.parseLog(undefined)).toEqual({ entries: [], dropped: 0 });
    expect(log.parseLog({ a: 1 })).toEqual({ entries: [], dropped: 1 });
  });

  test('check ids must look like ids; messages or text are not kept', () => {
    const parsed = log.parseEntry({ ...entry(), checks: ['recipients-exposed', 'Some message text!', 7] });
    expect(parsed?.checks).toEqual(['recipients-exposed']);
  });

  test('a stored reason is cleaned again on read', () => {
    expect(log.parseEntry({ ...entry(), reason: 'ask me@example.org' })?.reason).toBe('ask [address]');
  });
});

describe('CSV', () => {
  test('header plus one row per entry, every cell quoted, CRLF line ends', () => {
    const csv = log.toCsv([entry()]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('"Time (UTC)","Site","Webmail","Verdict","Purpose","Route","Checks","Reason"');
    expect(lines[1]).toBe(
      '"2026-11-24T10:15:00.000Z","https://mail.google.com","gmail","yes","fundraising","consent-required","opt-out-missing","Supporters asked for this update"',
    );
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });

  test('quotes, commas and newlines inside a cell stay inside it', () => {
    const cell = log.csvCell('He said "send it", then\r\nleft');
    expect(cell).toBe('"He said ""send it"", then\r\nleft"');
  });

  test('cells that a spreadsheet would run as formulas get a leading apostrophe', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝1+1'])
      expect(log.guardFormula(bad)).toBe(`'${bad}`);
    for (const fine of ['Send it', '1-2', 'a=b', '£5 donation']) expect(log.guardFormula(fine)).toBe(fine);
    const csv = log.toCsv([entry({ reason: '=cmd|" /C calc"!A0' })]);
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
  });

  test('several checks are joined by spaces; an empty log is the header only', () => {
    expect(log.toCsv([entry({ checks: ['a-b', 'c-d'] })])).toContain('"a-b c-d"');
    expect(log.toCsv([])).toBe(`${log.CSV_COLUMNS.map((c) => `"${c}"`).join(',')}\r\n`);
  });

  test('file name carries the date', () => {
    expect(log.csvFileName(new Date('2026-11-24T23:00:00Z'))).toBe(
      'marketing-check-overrides-2026-11-24.csv',
    );
  });
});

describe('storage', () => {
  test('append, read back, clear', async () => {
    expect((await log.appendOverride(entry())).ok).toBe(true);
    expect((await log.appendOverride(entry({ reason: 'second' }))).ok).toBe(true);
    const read = await log.readOverrideLog();
    expect(read.entries.map((e) => e.reason)).toEqual(['Supporters asked for this update', 'second']);
    expect((await log.clearOverrideLog()).ok).toBe(true);
    expect((await log.readOverrideLog()).entries).toEqual([]);
  });

  test('an appended reason is cleaned before it is stored', async () => {
    await log.appendOverride(entry({ reason: 'ok per  boss@example.org\n' }));
    expect((fake.data[log.OVERRIDE_LOG_KEY] as Entry[])[0]?.reason).toBe('ok per [address]');
  });

  test('an invalid entry is refused, not stored', async () => {
    const result = await log.appendOverride({ ...entry(), route: 'anything' as Entry['route'] });
    expect(result.ok).toBe(false);
    expect(fake.data[log.OVERRIDE_LOG_KEY]).toBeUndefined();
  });

  test('the log is capped: the oldest entries go first', async () => {
    fake.data[log.OVERRIDE_LOG_KEY] = Array.from({ length: log.MAX_LOG_ENTRIES }, (_, i) =>
      entry({ reason: `n${i}` }),
    );
    await log.appendOverride(entry({ reason: 'newest' }));
    const stored = fake.data[log.OVERRIDE_LOG_KEY] as Entry[];
    expect(stored).toHaveLength(log.MAX_LOG_ENTRIES);
    expect(stored[0]?.reason).toBe('n1');
    expect(stored.at(-1)?.reason).toBe('newest');
  });

  test('broken storage: reads give an empty log with the error, writes report it; nothing throws', async () => {
    fake.fail = true;
    const read = await log.readOverrideLog();
    expect(read.entries).toEqual([]);
    expect(read.storageError).toBe('storage broke');
    expect(await log.appendOverride(entry())).toEqual({ ok: false, storageError: 'storage broke' });
    expect(await log.clearOverrideLog()).toEqual({ ok: false, storageError: 'storage broke' });
  });

  test('concurrent appends are serialised: none is lost (each read-modify-write waits for the one before)', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => log.appendOverride(entry({ reason: `r${i}` }))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = (fake.data[log.OVERRIDE_LOG_KEY] as Entry[]).map((e) => e.reason);
    expect(stored).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`));
  });

  test('a clear queued behind appends runs after them; an append after it starts a new log', async () => {
    const done = Promise.all([
      log.appendOverride(entry({ reason: 'a' })),
      log.clearOverrideLog(),
      log.appendOverride(entry({ reason: 'b' })),
    ]);
    await done;
    expect((fake.data[log.OVERRIDE_LOG_KEY] as Entry[]).map((e) => e.reason)).toEqual(['b']);
  });

  test('change listener fires for the log key only, and unsubscribes', async () => {
    const seen: number[] = [];
    const off = log.onOverrideLogChanged(() => seen.push(1));
    await log.appendOverride(entry());
    for (const l of fake.listeners) l({ somethingElse: {} }, 'local');
    off();
    await log.appendOverride(entry());
    expect(seen).toHaveLength(1);
  });
});

describe('rate limit', () => {
  test('allows a burst per key, refuses beyond it, and allows again once the window has passed', () => {
    let now = 0;
    const limit = log.createRateLimit({ perKey: 3, total: 5, windowMs: 60_000, now: () => now });
    expect([1, 2, 3, 4].map(() => limit.allow('tab-1'))).toEqual([true, true, true, false]);
    expect(limit.allow('tab-2')).toBe(true);
    expect(limit.allow('tab-3')).toBe(true);
    // Five in the window across all keys: the total is reached too.
    expect(limit.allow('tab-4')).toBe(false);
    now = 60_001;
    expect(limit.allow('tab-1')).toBe(true);
    expect(limit.allow('tab-4')).toBe(true);
  });
});
