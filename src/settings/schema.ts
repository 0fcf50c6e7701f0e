/**
 * The user's settings: type, defaults and a validator for whatever storage hands back.
 * Pure TypeScript (no browser APIs) so the options page, the popup, content scripts and tests share it.
 *
 * `parseSettings` never throws: unknown keys are dropped, a missing field takes its default silently,
 * and a present but bad value is replaced by its default with a plain-English problem noted.
 */
import { CHANNELS, type Channel, SENDERS, type Sender } from '../core/context.ts';

export const SETTINGS_VERSION = 1;

export const ORGANISATION_TYPES = [...SENDERS, 'unknown'] as const satisfies readonly (Sender | 'unknown')[];
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * What happens at Send (issue #13): `risk` (the default) holds only a draft that breaks a rule as drafted (risk
 * `stop`), `confirm` also one that needs a look (`review`), `advise` never holds, `off` does nothing.
 */
export const SEND_CHECK_MODES = ['off', 'advise', 'risk', 'confirm'] as const;
export type SendCheckMode = (typeof SEND_CHECK_MODES)[number];

/** The interface language: `auto` follows the browser's preferred languages (src/i18n); the others override it. */
export const LANGUAGE_CHOICES = ['auto', 'en', 'cy'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export const MAX_NAME_LENGTH = 200;
/** Keeps the `sites` item well inside storage.sync's 8 KB per-item quota. */
export const MAX_SITES = 100;
const MAX_ORIGIN_LENGTH = 300;

export interface SiteSetting {
  enabled: boolean;
}

export interface Settings {
  version: number;
  organisationType: OrganisationType;
  /** Used by the sender-identity check: does the message say who it is from? */
  organisationName: string;
  defaultChannel: Channel;
  /** What happens at Send: nothing, a note, a hold for what breaks a rule, or a confirmation step. */
  sendCheckMode: SendCheckMode;
  /** Per-site switches, keyed by normalised origin (`https://host[:port]`, or http on loopback). */
  sites: Record<string, SiteSetting>;
  pausedEverywhere: boolean;
  /** The language of the extension's own pages and panels (not of the drafts it checks). */
  language: LanguageChoice;
}

export type SettingsField = Exclude<keyof Settings, 'version'>;

export const SETTINGS_FIELDS = [
  'organisationType',
  'organisationName',
  'defaultChannel',
  'sendCheckMode',
  'sites',
  'pausedEverywhere',
  'language',
] as const satisfies readonly SettingsField[];

/** Every key the settings occupy in storage. */
export const STORAGE_KEYS = ['version', ...SETTINGS_FIELDS] as const;

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    organisationType: 'unknown',
    organisationName: '',
    defaultChannel: 'email',
    sendCheckMode: 'risk',
    sites: {},
    pausedEverywhere: false,
    language: 'auto',
  };
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(defaultSettings());

export interface SettingsIssue {
  field: keyof Settings | 'settings';
  message: string;
}

export interface ParsedSettings {
  settings: Settings;
  /** Plain-English problems, one per bad value (empty when everything was fine or simply missing). */
  problems: string[];
  /** The same problems with the field each belongs to, for showing them inline. */
  issues: SettingsIssue[];
}

const FIELD_NAME: Record<keyof Settings, string> = {
  version: 'Settings version',
  organisationType: 'Organisation type',
  organisationName: 'Organisation name',
  defaultChannel: 'Default channel',
  sendCheckMode: 'Check at Send',
  sites: 'Sites',
  pausedEverywhere: 'Pause everywhere',
  language: 'Language',
};

/** A short, safe rendering of any value for a problem message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': {
      const shown = [...value].slice(0, 40).join('');
      return `“${shown}${shown.length < value.length ? '…' : ''}”`;
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1']);
/** Any 127.x.y.z address is this machine (self-hosted webmail on loopback, test servers). */
const isLoopback = (host: string) => LOOPBACK.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

function isHostname(host: string): boolean {
  return host.length > 0 && host.length <= 253 && host.split('.').every((label) => LABEL.test(label));
}

/**
 * `https://Mail.Example.org/inbox` → `https://mail.example.org`. Returns null unless the input is an https
 * address with a plain host name (or IPv4 address), or an http address on localhost / 127.0.0.1.
 * Paths, queries and fragments are dropped; user names, passwords and wildcards are refused.
 */
export function normaliseOrigin(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (!text || text.length > MAX_ORIGIN_LENGTH || !/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'http:') {
    if (!isLoopback(host)) return null;
  } else if (url.protocol !== 'https:' || !isHostname(host)) {
    return null;
  }
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
}

/** The host (and port) of a normalised origin, for display. */
export function siteLabel(origin: string): string {
  return origin.replace(/^https:\/\//, '');
}

function parseName(value: string): { name: string; truncated: boolean } {
  // Control characters (newlines, tabs, NUL…) become spaces; then trim. Count code points, not UTF-16 units.
  const cleaned = value.replace(/\p{Cc}+/gu, ' ').trim();
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME_LENGTH) return { name: cleaned, truncated: false };
  return { name: chars.slice(0, MAX_NAME_LENGTH).join('').trimEnd(), truncated: true };
}

function parseSites(value: unknown, note: (message: string) => void): Record<string, SiteSetting> {
  const sites: Record<string, SiteSetting> = {};
  if (!isRecord(value)) {
    note(`${FIELD_NAME.sites}: expected a list of sites but found ${describeValue(value)}; no sites kept.`);
    return sites;
  }
  let count = 0;
  for (const key of Object.keys(value)) {
    const origin = normaliseOrigin(key);
    if (!origin) {
      note(
        `${FIELD_NAME.sites}: ${describeValue(key)} is not a site address this extension can use; removed.`,
      );
      continue;
    }
    const entry = value[key];
    if (!isRecord(entry) || typeof entry.enabled !== 'boolean') {
      note(`${FIELD_NAME.sites}: the switch for ${siteLabel(origin)} could not be read; removed.`);
      continue;
    }
    if (own(sites, origin)) {
      note(`${FIELD_NAME.sites}: ${siteLabel(origin)} was listed more than once; the last entry is kept.`);
    } else if (count >= MAX_SITES) {
      note(`${FIELD_NAME.sites}: more than ${MAX_SITES} sites; ${siteLabel(origin)} and later ones dropped.`);
      break;
    } else {
      count++;
    }
    sites[origin] = { enabled: entry.enabled };
  }
  return sites;
}

/** Validates stored (or proposed) settings field by field. Never throws. */
export function parseSettings(input: unknown): ParsedSettings {
  try {
    return parseFields(input);
  } catch {
    // Only exotic objects (throwing getters, revoked proxies) get here; storage never hands those back.
    const message = 'Saved settings could not be read; defaults used.';
    return { settings: defaultSettings(), problems: [message], issues: [{ field: 'settings', message }] };
  }
}

function parseFields(input: unknown): ParsedSettings {
  const settings = defaultSettings();
  const issues: SettingsIssue[] = [];
  const noteFor = (field: SettingsIssue['field']) => (message: string) => issues.push({ field, message });

  if (input === undefined || input === null) return { settings, problems: [], issues };
  if (!isRecord(input)) {
    noteFor('settings')(`Saved settings were ${describeValue(input)}, not a set of settings; defaults used.`);
    return { settings, problems: issues.map((i) => i.message), issues };
  }

  const bad = (field: keyof Settings, value: unknown, fallback: string) =>
    noteFor(field)(`${FIELD_NAME[field]}: ${describeValue(value)} is not a valid choice; using ${fallback}.`);

  if (own(input, 'version')) {
    const v = input.version;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      noteFor('version')(`${FIELD_NAME.version}: ${describeValue(v)} is not a version number.`);
    } else if (v > SETTINGS_VERSION) {
      noteFor('version')(
        'These settings were saved by a newer version of the extension; anything this version does not understand is ignored.',
      );
    }
  }

  if (own(input, 'organisationType')) {
    const v = input.organisationType;
    if (oneOf(ORGANISATION_TYPES, v)) settings.organisationType = v;
    else bad('organisationType', v, '“Not sure”');
  }

  if (own(input, 'organisationName')) {
    const v = input.organisationName;
    if (typeof v === 'string') {
      const { name, truncated } = parseName(v);
      settings.organisationName = name;
      if (truncated)
        noteFor('organisationName')(
          `${FIELD_NAME.organisationName}: longer than ${MAX_NAME_LENGTH} characters; shortened.`,
        );
    } else {
      noteFor('organisationName')(
        `${FIELD_NAME.organisationName}: ${describeValue(v)} is not text; left blank.`,
      );
    }
  }

  if (own(input, 'defaultChannel')) {
    const v = input.defaultChannel;
    if (oneOf(CHANNELS, v)) settings.defaultChannel = v;
    else bad('defaultChannel', v, 'email');
  }

  if (own(input, 'sendCheckMode')) {
    const v = input.sendCheckMode;
    if (oneOf(SEND_CHECK_MODES, v)) settings.sendCheckMode = v;
    else bad('sendCheckMode', v, '“Hold what breaks a rule”');
  }

  if (own(input, 'sites')) settings.sites = parseSites(input.sites, noteFor('sites'));

  if (own(input, 'pausedEverywhere')) {
    const v = input.pausedEverywhere;
    if (typeof v === 'boolean') settings.pausedEverywhere = v;
    else
      noteFor('pausedEverywhere')(
        `${FIELD_NAME.pausedEverywhere}: ${describeValue(v)} is not on or off; checks stay on.`,
      );
  }

  if (own(input, 'language')) {
    const v = input.language;
    if (oneOf(LANGUAGE_CHOICES, v)) settings.language = v;
    else bad('language', v, 'the browser’s language');
  }

  return { settings, problems: issues.map((i) => i.message), issues };
}
