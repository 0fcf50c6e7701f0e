/**
 * Settings an organisation sets by policy, read from `storage.managed` (Chrome/Edge: the `3rdparty` extension
 * policy, declared in public/managed_schema.json; Firefox: the `3rdparty` enterprise policy or a managed-storage
 * native manifest). The browser makes that area read-only, so nothing here can change it.
 *
 * Policy keys (all optional):
 * - `organisationType`, `organisationName`, `defaultChannel`, `sendCheckMode`, `pausedEverywhere`, `language`: the
 *   same values as the user's settings, checked by the same rules (`parseSettings`).
 * - `sites`: site addresses where the check is on; `disabledSites`: addresses where it is off (for example a
 *   built-in webmail the organisation does not use). Together they form the `sites` setting.
 * - `locked`: the settings the user cannot change. When it is absent, every setting the policy sets is locked.
 *   A locked setting that the policy does not set stays at its built-in default; a locked `sites` means the
 *   user's own site list is not used and no site can be added.
 *   A setting the policy sets but does not lock is the organisation's default: it applies until the user picks
 *   something else (for `sites`, per site).
 *
 * Fails open: no managed area, a browser that throws (Firefox without a policy), a slow answer, or a bad value
 * all leave the user's own settings in force. A bad value is ignored with a plain-English note naming the policy
 * key, so an administrator can see what to fix (the options page lists the notes).
 */
import { CHANNELS } from '../core/context.ts';
import { browser } from '../platform/browser.ts';
import {
  defaultSettings,
  describeValue,
  LANGUAGE_CHOICES,
  MAX_SITES,
  normaliseOrigin,
  ORGANISATION_TYPES,
  parseSettings,
  SEND_CHECK_MODES,
  SETTINGS_FIELDS,
  type Settings,
  type SettingsField,
  type SiteSetting,
} from './schema.ts';

/** Every key the policy may hold (the properties of public/managed_schema.json). */
export const POLICY_KEYS = [
  'organisationType',
  'organisationName',
  'defaultChannel',
  'sendCheckMode',
  'sites',
  'disabledSites',
  'pausedEverywhere',
  'language',
  'locked',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** How long to wait for the managed area before going on without it: the content script must never stall. */
export const MANAGED_READ_TIMEOUT_MS = 1500;

type SettingValues = Partial<Pick<Settings, SettingsField>>;

export interface ManagedPolicy {
  /** The valid values the policy sets, by setting. */
  values: SettingValues;
  /** Settings the user cannot change (in SETTINGS_FIELDS order). */
  locked: SettingsField[];
  /** One plain-English note per policy value that was ignored or cut. */
  problems: string[];
  /** Set when the managed area had not answered yet and no policy had been read here before: none is known. */
  pending?: true;
}

export const NO_POLICY: Readonly<ManagedPolicy> = Object.freeze({ values: {}, locked: [], problems: [] });

const SCALAR_POLICY: Record<Exclude<SettingsField, 'sites'>, string> = {
  organisationType: `one of ${ORGANISATION_TYPES.join(', ')}`,
  organisationName: 'text',
  defaultChannel: `one of ${CHANNELS.join(', ')}`,
  sendCheckMode: `one of ${SEND_CHECK_MODES.join(', ')}`,
  pausedEverywhere: 'true or false',
  language: `one of ${LANGUAGE_CHOICES.join(', ')}`,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const note = (key: string, message: string) => `Organisation policy “${key}”: ${message}`;

/** Notes about one policy key beyond this many are summed up in one line (a list can hold any number of entries). */
export const MAX_POLICY_NOTES_PER_KEY = 20;

/**
 * Appends `notes` to `problems`, at most MAX_POLICY_NOTES_PER_KEY of them, then one line that counts the rest
 * (`total` notes in all; `notes` may hold only the first ones).
 */
function addNotes(problems: string[], key: string, notes: readonly string[], total = notes.length): void {
  // A loop, not push(...notes): spreading 100,000 arguments overflows the stack.
  for (const n of notes.slice(0, MAX_POLICY_NOTES_PER_KEY)) problems.push(n);
  const more = total - Math.min(notes.length, MAX_POLICY_NOTES_PER_KEY);
  if (more > 0)
    problems.push(note(key, `and ${more.toLocaleString('en-GB')} more entries like these; ignored.`));
}

/** The origins of a `sites` / `disabledSites` list; bad entries are noted and skipped. */
function originList(key: 'sites' | 'disabledSites', value: unknown, problems: string[]): string[] {
  if (!Array.isArray(value)) {
    problems.push(note(key, `expected a list of site addresses but found ${describeValue(value)}; ignored.`));
    return [];
  }
  const origins: string[] = [];
  const bad: string[] = [];
  let badCount = 0;
  for (const entry of value) {
    const origin = normaliseOrigin(entry);
    if (origin) {
      origins.push(origin);
      continue;
    }
    if (++badCount <= MAX_POLICY_NOTES_PER_KEY)
      bad.push(
        note(
          key,
          `${describeValue(entry)} is not a site address this extension can use (https://host, or http on this computer); ignored.`,
        ),
      );
  }
  addNotes(problems, key, bad, badCount);
  return origins;
}

/**
 * Validates what `storage.managed` handed back. Never throws. Scalars go through `parseSettings`, so a policy
 * value is accepted exactly when the same value would be accepted from the user; anything it would replace or
 * shorten is ignored instead (an administrator's value is used as given or not at all).
 */
export function parseManagedPolicy(raw: unknown): ManagedPolicy {
  try {
    return parsePolicy(raw);
  } catch {
    return {
      values: {},
      locked: [],
      problems: ['The organisation policy could not be read; it is ignored.'],
    };
  }
}

function parsePolicy(raw: unknown): ManagedPolicy {
  if (raw === undefined || raw === null) return { values: {}, locked: [], problems: [] };
  if (!isRecord(raw))
    return {
      values: {},
      locked: [],
      problems: [`The organisation policy is ${describeValue(raw)}, not a set of settings; it is ignored.`],
    };

  const problems: string[] = [];
  const values: SettingValues = {};
  const has = (key: PolicyKey) => Object.hasOwn(raw, key);

  for (const field of Object.keys(SCALAR_POLICY) as (keyof typeof SCALAR_POLICY)[]) {
    if (!has(field)) continue;
    const parsed = parseSettings({ [field]: raw[field] });
    if (parsed.issues.length) {
      const why =
        field === 'organisationName' && typeof raw[field] === 'string'
          ? 'is longer than the 200 characters allowed'
          : `should be ${SCALAR_POLICY[field]}`;
      problems.push(note(field, `${describeValue(raw[field])} ${why}; ignored.`));
    } else {
      (values as Record<string, unknown>)[field] = parsed.settings[field];
    }
  }

  if (has('sites') || has('disabledSites')) {
    const siteProblems: string[] = [];
    const on = has('sites') ? originList('sites', raw.sites, siteProblems) : [];
    const off = has('disabledSites') ? originList('disabledSites', raw.disabledSites, siteProblems) : [];
    const offSet = new Set(off);
    const both = new Set(on.filter((o) => offSet.has(o)));
    addNotes(
      siteProblems,
      'sites',
      [...both].map((origin) => note('sites', `${origin} is in both “sites” and “disabledSites”; ignored.`)),
    );
    const entries: Record<string, SiteSetting> = {};
    for (const origin of on) if (!both.has(origin)) entries[origin] = { enabled: true };
    for (const origin of off) if (!both.has(origin)) entries[origin] = { enabled: false };
    if (Object.keys(entries).length > MAX_SITES)
      siteProblems.push(
        note('sites', `more than ${MAX_SITES} sites; the ones after the first ${MAX_SITES} are ignored.`),
      );
    // The same rules as the user's list (normalised origins, at most MAX_SITES).
    const sites = parseSettings({ sites: entries }).settings.sites;
    // Lists that held only bad entries set nothing; lists given empty on purpose set an empty list.
    if (Object.keys(sites).length > 0 || siteProblems.length === 0) values.sites = sites;
    for (const p of siteProblems) problems.push(p);
  }

  let locked: SettingsField[];
  if (!has('locked')) {
    locked = SETTINGS_FIELDS.filter((f) => Object.hasOwn(values, f));
  } else if (!Array.isArray(raw.locked)) {
    problems.push(
      note(
        'locked',
        `expected a list of setting names but found ${describeValue(raw.locked)}; every setting the policy sets is locked.`,
      ),
    );
    locked = SETTINGS_FIELDS.filter((f) => Object.hasOwn(values, f));
  } else {
    const wanted = new Set<SettingsField>();
    for (const name of raw.locked) {
      const field = name === 'disabledSites' ? 'sites' : name;
      if ((SETTINGS_FIELDS as readonly unknown[]).includes(field)) wanted.add(field as SettingsField);
      else
        problems.push(
          note(
            'locked',
            `${describeValue(name)} is not a setting name (${SETTINGS_FIELDS.join(', ')}); ignored.`,
          ),
        );
    }
    locked = SETTINGS_FIELDS.filter((f) => wanted.has(f));
  }

  return { values, locked, problems };
}

/**
 * The settings in force: the user's settings with the policy laid over them.
 * - A locked setting takes the policy's value, or the built-in default if the policy does not set it.
 * - An unlocked policy value applies unless the user chose their own (`userChose`: the fields the user has a
 *   valid stored value for). For sites this is per site: the user's entry for a site wins over the policy's.
 */
export function applyPolicy(
  user: Settings,
  userChose: ReadonlySet<SettingsField>,
  policy: ManagedPolicy,
): Settings {
  const defaults = defaultSettings();
  const out: Settings = { ...user, sites: { ...user.sites } };
  const set = out as unknown as Record<string, unknown>;
  for (const field of SETTINGS_FIELDS) {
    const value = policy.values[field];
    if (policy.locked.includes(field)) {
      set[field] = structuredClone(value ?? defaults[field]);
    } else if (value !== undefined) {
      if (field === 'sites') out.sites = { ...(value as Settings['sites']), ...user.sites };
      else if (!userChose.has(field)) set[field] = value;
    }
  }
  return out;
}

class PolicyTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PolicyTimeout('The organisation policy took too long to read.')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The policy as last read in this context (a read that timed out falls back to it). */
let latest: ManagedPolicy | undefined;
const lateListeners = new Set<(policy: ManagedPolicy) => void>();

/** Forgets the policy last read (tests start each case afresh). */
export function forgetLatestPolicy(): void {
  latest = undefined;
}

/**
 * Calls `listener` when a policy read that was given up on (timed out) answers after all: the first page after a
 * browser start can wait seconds for the managed area, and a locked policy must still win when it comes.
 */
export function onLatePolicy(listener: (policy: ManagedPolicy) => void): () => void {
  lateListeners.add(listener);
  return () => lateListeners.delete(listener);
}

/**
 * Reads and validates the policy. Never throws: with no managed area (outside an extension), or when the browser
 * refuses (Firefox rejects `get` when no policy or manifest exists), there is simply no policy. When the area does
 * not answer within `timeoutMs`, the policy last read in this context (else none) is returned at once, and the
 * late answer, if it comes, goes to the onLatePolicy listeners.
 */
export async function readManagedPolicy(timeoutMs = MANAGED_READ_TIMEOUT_MS): Promise<ManagedPolicy> {
  try {
    const area = browser?.storage?.managed;
    if (!area) return NO_POLICY;
    let gaveUp = false;
    const read = Promise.resolve(area.get([...POLICY_KEYS])).then((raw) => {
      const policy = parseManagedPolicy(raw);
      latest = policy;
      if (gaveUp)
        for (const listener of lateListeners) {
          try {
            listener(policy);
          } catch {
            // One listener's failure is not the others'.
          }
        }
      return policy;
    });
    try {
      return await withTimeout(read, timeoutMs);
    } catch (error) {
      // A refusal (Firefox without a policy) is final; a timeout waits on in the background.
      gaveUp = true;
      read.catch(() => undefined);
      if (error instanceof PolicyTimeout) return latest ?? { ...NO_POLICY, pending: true };
      return NO_POLICY;
    }
  } catch {
    return NO_POLICY;
  }
}
