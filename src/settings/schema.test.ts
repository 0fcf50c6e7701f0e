import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  defaultSettings,
  MAX_NAME_LENGTH,
  MAX_SITES,
  normaliseOrigin,
  parseSettings,
  SETTINGS_VERSION,
  type Settings,
  siteLabel,
} from './schema.ts';

const DEFAULTS: Settings = {
  version: SETTINGS_VERSION,
  organisationType: 'unknown',
  organisationName: '',
  defaultChannel: 'email',
  sendCheckMode: 'risk',
  sites: {},
  pausedEverywhere: false,
  language: 'auto',
};

describe('defaults', () => {
  test('work untouched', () => {
    expect(defaultSettings()).toEqual(DEFAULTS);
    expect(DEFAULT_SETTINGS).toEqual(DEFAULTS);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  test('defaultSettings returns a fresh copy each time', () => {
    const a = defaultSettings();
    a.sites['https://x.example'] = { enabled: true };
    expect(defaultSettings().sites).toEqual({});
  });

  test.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty object', {}],
  ])('%s gives the defaults with no problems', (_name, input) => {
    expect(parseSettings(input)).toEqual({ settings: DEFAULTS, problems: [], issues: [] });
  });

  test('a complete, valid record round-trips unchanged', () => {
    const good: Settings = {
      version: 1,
      organisationType: 'charity',
      organisationName: 'Hope Trust',
      defaultChannel: 'sms',
      sendCheckMode: 'confirm',
      sites: { 'https://mail.example.org': { enabled: true }, 'http://localhost:8080': { enabled: false } },
      pausedEverywhere: true,
      language: 'cy',
    };
    expect(parseSettings(good)).toEqual({ settings: good, problems: [], issues: [] });
    expect(parseSettings(parseSettings(good).settings).settings).toEqual(good);
  });
});

type Field = keyof Omit<Settings, 'version' | 'sites'>;
const GOOD: [Field, unknown][] = [
  ['organisationType', 'business'],
  ['organisationType', 'charity'],
  ['organisationType', 'public-authority'],
  ['organisationType', 'political'],
  ['organisationType', 'other'],
  ['organisationType', 'unknown'],
  ['defaultChannel', 'email'],
  ['defaultChannel', 'sms'],
  ['sendCheckMode', 'off'],
  ['sendCheckMode', 'advise'],
  ['sendCheckMode', 'risk'],
  ['sendCheckMode', 'confirm'],
  ['pausedEverywhere', true],
  ['pausedEverywhere', false],
  ['organisationName', ''],
  ['organisationName', 'Hope Trust'],
  ['organisationName', 'Cyngor Sir Ynys Môn'],
  ['organisationName', 'x'.repeat(MAX_NAME_LENGTH)],
  ['language', 'auto'],
  ['language', 'en'],
  ['language', 'cy'],
];

const BAD: [Field, unknown][] = [
  ['organisationType', 'Charity'],
  ['organisationType', 'council'],
  ['organisationType', ''],
  ['organisationType', 3],
  ['organisationType', null],
  ['organisationType', ['charity']],
  ['organisationType', { value: 'charity' }],
  ['defaultChannel', 'letter'],
  ['defaultChannel', 'SMS'],
  ['defaultChannel', true],
  ['sendCheckMode', 'block'],
  ['sendCheckMode', 1],
  ['sendCheckMode', undefined],
  ['pausedEverywhere', 'true'],
  ['pausedEverywhere', 1],
  ['pausedEverywhere', null],
  ['organisationName', 42],
  ['organisationName', null],
  ['organisationName', ['Hope']],
  ['organisationName', { name: 'Hope' }],
  ['language', 'CY'],
  ['language', 'cy-GB'],
  ['language', 'welsh'],
  ['language', ''],
  ['language', null],
];

describe('each field', () => {
  test.each(GOOD)('%s accepts %j', (field, value) => {
    const { settings, problems } = parseSettings({ [field]: value });
    expect(problems).toEqual([]);
    expect(settings[field]).toEqual(value);
    expect({ ...settings, [field]: DEFAULTS[field] }).toEqual(DEFAULTS);
  });

  test.each(BAD)('%s rejects %j: default kept, one problem noted', (field, value) => {
    const { settings, problems, issues } = parseSettings({ [field]: value });
    expect(settings).toEqual(DEFAULTS);
    expect(problems).toHaveLength(1);
    expect(issues).toEqual([{ field, message: problems[0] }]);
  });

  test('a bad field does not spoil the good ones', () => {
    const { settings, problems } = parseSettings({
      organisationType: 'charity',
      defaultChannel: 'fax',
      sendCheckMode: 'confirm',
    });
    expect(settings).toEqual({ ...DEFAULTS, organisationType: 'charity', sendCheckMode: 'confirm' });
    expect(problems).toEqual([expect.stringContaining('Default channel')]);
  });
});

describe('organisation name', () => {
  test.each([
    ['  Hope Trust  ', 'Hope Trust'],
    ['\tHope\nTrust\r\n', 'Hope Trust'],
    ['Hope\u0000Trust', 'Hope Trust'],
    ['   ', ''],
  ])('%j is cleaned to %j', (input, expected) => {
    const { settings, problems } = parseSettings({ organisationName: input });
    expect(settings.organisationName).toBe(expected);
    expect(problems).toEqual([]);
  });

  test('over the limit: shortened to the limit, with a problem', () => {
    const { settings, problems } = parseSettings({ organisationName: 'a'.repeat(MAX_NAME_LENGTH + 1) });
    expect(settings.organisationName).toBe('a'.repeat(MAX_NAME_LENGTH));
    expect(problems).toEqual([expect.stringContaining('shortened')]);
  });

  test('the limit counts characters, and never splits one', () => {
    const name = '😀'.repeat(MAX_NAME_LENGTH + 5);
    const { settings } = parseSettings({ organisationName: name });
    expect([...settings.organisationName]).toHaveLength(MAX_NAME_LENGTH);
    expect(settings.organisationName).toBe('😀'.repeat(MAX_NAME_LENGTH));
  });

  test('a huge string is cut quickly and quoted briefly', () => {
    const started = performance.now();
    const { settings, problems } = parseSettings({ organisationName: 'x'.repeat(5_000_000) });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(settings.organisationName).toHaveLength(MAX_NAME_LENGTH);
    expect(problems[0]!.length).toBeLessThan(200);
  });
});

describe('origins', () => {
  test.each([
    ['https://mail.example.org', 'https://mail.example.org'],
    ['https://Mail.Example.ORG', 'https://mail.example.org'],
    ['HTTPS://mail.example.org', 'https://mail.example.org'],
    ['https://mail.example.org/', 'https://mail.example.org'],
    ['https://mail.example.org/inbox/compose?to=a#x', 'https://mail.example.org'],
    ['https://mail.example.org:443', 'https://mail.example.org'],
    ['https://mail.example.org:8443/', 'https://mail.example.org:8443'],
    ['  https://mail.example.org  ', 'https://mail.example.org'],
    ['https://webmail.council.gov.uk', 'https://webmail.council.gov.uk'],
    ['https://intranet', 'https://intranet'],
    ['https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['https://192.168.1.20', 'https://192.168.1.20'],
    ['http://localhost', 'http://localhost'],
    ['http://LOCALHOST:8080/roundcube/', 'http://localhost:8080'],
    ['http://127.0.0.1:8025', 'http://127.0.0.1:8025'],
    ['http://127.0.0.1:80', 'http://127.0.0.1'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseOrigin(input)).toBe(expected);
  });

  test.each([
    [''],
    ['mail.example.org'],
    ['//mail.example.org'],
    ['http://mail.example.org'],
    ['http://192.168.1.20'],
    ['http://[::1]:8080'],
    ['ftp://mail.example.org'],
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['chrome-extension://abcdef'],
    ['https://'],
    ['https://*.example.org'],
    ['https://exa mple.org'],
    ['https://-bad.example.org'],
    ['https://example.org.'],
    ['https://user:pass@mail.example.org'],
    ['https://user@mail.example.org'],
    ['https://[::1]'],
    [`https://${'a'.repeat(400)}.example`],
    ['__proto__'],
    ['constructor'],
  ])('%j is refused', (input) => {
    expect(normaliseOrigin(input)).toBeNull();
  });

  test.each([[null], [undefined], [42], [{}], [['https://mail.example.org']]])(
    'non-string %j is refused',
    (input) => {
      expect(normaliseOrigin(input)).toBeNull();
    },
  );

  test('siteLabel drops the https scheme only', () => {
    expect(siteLabel('https://mail.example.org')).toBe('mail.example.org');
    expect(siteLabel('http://localhost:8080')).toBe('http://localhost:8080');
  });
});

describe('sites', () => {
  test('keys are normalised and entries keep only `enabled`', () => {
    const { settings, problems } = parseSettings({
      sites: {
        'https://Mail.Example.org/inbox': { enabled: true, extra: 'dropped' },
        'http://127.0.0.1:8025/': { enabled: false },
      },
    });
    expect(settings.sites).toEqual({
      'https://mail.example.org': { enabled: true },
      'http://127.0.0.1:8025': { enabled: false },
    });
    expect(problems).toEqual([]);
  });

  test.each([
    ['a bad origin', { 'http://mail.example.org': { enabled: true } }],
    ['a bare boolean', { 'https://mail.example.org': true }],
    ['a string flag', { 'https://mail.example.org': { enabled: 'yes' } }],
    ['a missing flag', { 'https://mail.example.org': {} }],
    ['a null entry', { 'https://mail.example.org': null }],
  ])('%s is removed with a problem', (_name, sites) => {
    const { settings, problems, issues } = parseSettings({ sites });
    expect(settings.sites).toEqual({});
    expect(problems).toHaveLength(1);
    expect(issues[0]!.field).toBe('sites');
  });

  test.each([
    ['null', null],
    ['a list', ['https://mail.example.org']],
    ['a string', 'https://mail.example.org'],
    ['a number', 7],
  ])('sites given as %s: none kept, one problem', (_name, sites) => {
    const { settings, problems } = parseSettings({ sites });
    expect(settings.sites).toEqual({});
    expect(problems).toHaveLength(1);
  });

  test('two keys for the same origin: the last wins, with a problem', () => {
    const { settings, problems } = parseSettings({
      sites: {
        'https://mail.example.org': { enabled: true },
        'https://MAIL.example.org/': { enabled: false },
      },
    });
    expect(settings.sites).toEqual({ 'https://mail.example.org': { enabled: false } });
    expect(problems).toEqual([expect.stringContaining('more than once')]);
  });

  test(`at most ${MAX_SITES} sites are kept`, () => {
    const sites = Object.fromEntries(
      Array.from({ length: MAX_SITES + 20 }, (_, i) => [`https://s${i}.example`, { enabled: true }]),
    );
    const { settings, problems } = parseSettings({ sites });
    expect(Object.keys(settings.sites)).toHaveLength(MAX_SITES);
    expect(settings.sites[`https://s${MAX_SITES - 1}.example`]).toEqual({ enabled: true });
    expect(settings.sites[`https://s${MAX_SITES}.example`]).toBeUndefined();
    expect(problems).toHaveLength(1);
  });
});

describe('junk input', () => {
  test.each([
    ['an array', [1, 2, 3]],
    ['an array of settings', [{ organisationType: 'charity' }]],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['a string', 'organisationType=charity'],
    ['a huge string', 'x'.repeat(1_000_000)],
    ['a boolean', true],
    ['a function', () => ({ organisationType: 'charity' })],
    ['a symbol', Symbol('x')],
    ['a bigint', 10n],
  ])('%s gives the defaults and one problem, without throwing', (_name, input) => {
    const { settings, problems } = parseSettings(input);
    expect(settings).toEqual(DEFAULTS);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.length).toBeLessThan(200);
  });

  test('unknown keys are dropped silently', () => {
    const { settings, problems } = parseSettings({
      organisationType: 'business',
      theme: 'dark',
      installedAt: 'x',
    });
    expect(settings).toEqual({ ...DEFAULTS, organisationType: 'business' });
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULTS).sort());
    expect(problems).toEqual([]);
  });

  test('prototype-pollution keys neither pollute nor survive', () => {
    const input = JSON.parse(
      '{"__proto__": {"polluted": true, "organisationType": "charity"},' +
        ' "constructor": {"prototype": {"polluted": true}},' +
        ' "sites": {"__proto__": {"enabled": true}, "constructor": {"enabled": true},' +
        ' "https://ok.example": {"enabled": true, "__proto__": {"polluted": true}}}}',
    );
    const { settings } = parseSettings(input);
    expect(settings).toEqual({ ...DEFAULTS, sites: { 'https://ok.example': { enabled: true } } });
    expect(Object.hasOwn(settings, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(settings.sites)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((settings as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('inherited values are ignored: only own keys count', () => {
    const input = Object.create({ organisationType: 'charity', pausedEverywhere: true });
    expect(parseSettings(input).settings).toEqual(DEFAULTS);
  });

  test('a value whose getter throws still does not throw', () => {
    const input = {
      organisationType: 'charity',
      get sites(): unknown {
        throw new Error('boom');
      },
    };
    const { settings, problems } = parseSettings(input);
    expect(settings).toEqual(DEFAULTS);
    expect(problems).toHaveLength(1);
  });

  test.each([
    ['a newer version', { version: SETTINGS_VERSION + 1, organisationType: 'charity' }, 'newer version'],
    ['a string version', { version: '1' }, 'not a version'],
    ['a zero version', { version: 0 }, 'not a version'],
    ['a fractional version', { version: 1.5 }, 'not a version'],
  ])('%s is noted, and known fields still read', (_name, input, expected) => {
    const { settings, problems } = parseSettings(input);
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.organisationType).toBe((input as Partial<Settings>).organisationType ?? 'unknown');
    expect(problems).toEqual([expect.stringContaining(expected)]);
  });

  test('a record with every field bad: all defaults, one problem each', () => {
    const { settings, problems } = parseSettings({
      version: 'x',
      organisationType: 1,
      organisationName: 2,
      defaultChannel: 3,
      sendCheckMode: 4,
      sites: 5,
      pausedEverywhere: 6,
    });
    expect(settings).toEqual(DEFAULTS);
    expect(problems).toHaveLength(7);
  });
});
