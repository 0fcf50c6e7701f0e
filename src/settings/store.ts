/**
 * Settings in `browser.storage.sync`: one storage key per field (so two devices editing different fields do
 * not overwrite each other, and each item stays far below sync's per-item quota). An organisation's policy in
 * `storage.managed` (managed.ts) is laid over them: locked settings cannot be saved from here.
 *
 * Fails safe: if storage is missing or throws, reads give the defaults and writes report the error; nothing
 * here throws. Nothing leaves the browser except through the browser's own sync, if the user has it on.
 */
import { browser } from '../platform/browser.ts';
import { applyPolicy, type ManagedPolicy, NO_POLICY, onLatePolicy, readManagedPolicy } from './managed.ts';
import {
  defaultSettings,
  normaliseOrigin,
  type ParsedSettings,
  parseSettings,
  SETTINGS_FIELDS,
  SETTINGS_VERSION,
  type Settings,
  type SettingsField,
  type SiteSetting,
  STORAGE_KEYS,
} from './schema.ts';

/** What the organisation's policy does to the settings, for showing it (empty lists when there is none). */
export interface ManagedSettings {
  /** Settings the organisation set and locked: the user cannot change them. */
  locked: SettingsField[];
  /** Settings the organisation set but left unlocked: its value applies until the user picks another. */
  defaults: SettingsField[];
  /** The organisation's own site switches (locked or default, as `locked` says). */
  sites: Record<string, SiteSetting>;
  /** Policy values that were ignored, in plain English. */
  problems: string[];
}

export interface SettingsRead extends ParsedSettings {
  /** The settings in force: the user's, with the organisation's policy laid over them. */
  settings: Settings;
  /** Set when storage could not be read at all (the settings are then the defaults and the policy). */
  storageError?: string;
  managed: ManagedSettings;
  /** Set when the organisation policy had not answered yet: the one last read here (or none) was used. */
  policyPending?: boolean;
}

export interface SettingsSave extends ParsedSettings {
  ok: boolean;
  /** Set when the write failed (for example a storage quota); `settings` is what would have been saved. */
  storageError?: string;
  /** Settings in the update that the organisation locked: not saved (`ok` is false, and `issues` say why). */
  refused?: SettingsField[];
}

/** Shown when a save touches a setting the organisation locked. */
export const LOCKED_MESSAGE = 'Set by your organisation; it cannot be changed here.';

export type SettingsUpdate = Partial<Pick<Settings, SettingsField>>;

function syncArea() {
  // Optional chaining throughout: outside an extension (or with storage disabled) any of these may be missing.
  const area = browser?.storage?.sync;
  if (!area) throw new Error('Browser storage is not available here.');
  return area;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Layers {
  /** The user's own settings, validated, without the policy. */
  user: Settings;
  /** Fields the user has a valid stored value for (an unlocked policy default gives way to these). */
  chose: Set<SettingsField>;
  policy: ManagedPolicy;
  read: SettingsRead;
}

function managedView(policy: ManagedPolicy): ManagedSettings {
  return {
    locked: [...policy.locked],
    defaults: SETTINGS_FIELDS.filter((f) => policy.values[f] !== undefined && !policy.locked.includes(f)),
    sites: { ...(policy.values.sites ?? {}) },
    problems: [...policy.problems],
  };
}

export interface ReadOptions {
  /**
   * How long to wait for the organisation policy (default MANAGED_READ_TIMEOUT_MS). 0: not at all, for content
   * scripts, which must never wait for it: the policy last read here applies meanwhile, and a late one arrives
   * through onSettingsChanged.
   */
  policyWaitMs?: number;
  /** A policy already in hand (one that arrived late): used instead of reading the managed area again. */
  policy?: ManagedPolicy;
}

async function readLayers(options: ReadOptions = {}): Promise<Layers> {
  // The policy is read even when sync storage fails: the organisation's choices still apply.
  let policyPending = false;
  const policyRead = options.policy
    ? Promise.resolve(options.policy)
    : readManagedPolicy(options.policyWaitMs).then((p) => {
        policyPending = p.pending === true;
        return p;
      });
  let parsed: ParsedSettings;
  let stored: Record<string, unknown> = {};
  let storageError: string | undefined;
  try {
    stored = (await syncArea().get([...STORAGE_KEYS])) ?? {};
    parsed = parseSettings(stored);
  } catch (error) {
    parsed = { settings: defaultSettings(), problems: [], issues: [] };
    storageError = errorText(error);
  }
  const policy = await policyRead;
  const bad = new Set(parsed.issues.map((i) => i.field));
  const chose = new Set(SETTINGS_FIELDS.filter((f) => Object.hasOwn(stored, f) && !bad.has(f)));
  // A problem with a stored value the policy overrides anyway is not the user's to fix.
  const issues = parsed.issues.filter((i) => !(policy.locked as string[]).includes(i.field));
  const read: SettingsRead = {
    settings: applyPolicy(parsed.settings, chose, policy),
    issues,
    problems: issues.map((i) => i.message),
    managed: managedView(policy),
    ...(storageError ? { storageError } : {}),
    ...(policyPending ? { policyPending } : {}),
  };
  return { user: parsed.settings, chose, policy, read };
}

/**
 * The settings in force (the user's stored settings, validated, with the organisation's policy over them), the
 * problems found, and what the policy manages. Never throws.
 */
export async function readSettings(options: ReadOptions = {}): Promise<SettingsRead> {
  return (await readLayers(options)).read;
}

/** The stored settings, or the defaults if they cannot be read. Never throws. */
export async function loadSettings(): Promise<Settings> {
  return (await readSettings()).settings;
}

/**
 * Merges `update` into the stored settings, validates, and writes the fields in `update` (with the version).
 * The problems returned are those of the update itself (a bad value is replaced by its default, and saved so).
 * Settings the organisation locked are not written: they come back in `refused`, with an issue each, and `ok`
 * is false. The returned `settings` are those in force afterwards (policy included).
 */
export async function saveSettings(update: SettingsUpdate): Promise<SettingsSave> {
  const { user, chose, policy, read: current } = await readLayers();
  const asked = Object.keys(update ?? {}).filter(
    (k): k is SettingsField => (STORAGE_KEYS as readonly string[]).includes(k) && k !== 'version',
  );
  const refused = asked.filter((f) => policy.locked.includes(f));
  const fields = asked.filter((f) => !policy.locked.includes(f));
  const merged: Record<string, unknown> = { ...current.settings };
  for (const field of fields) merged[field] = update[field];
  const parsed = parseSettings(merged);
  const issues = [
    ...refused.map((field) => ({ field, message: LOCKED_MESSAGE })),
    ...parsed.issues.filter((i) => (fields as string[]).includes(i.field)),
  ];
  const toWrite: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const field of fields) toWrite[field] = parsed.settings[field];
  if (toWrite.sites) toWrite.sites = userSites(parsed.settings.sites, user.sites, policy.values.sites);
  const nextUser: Settings = { ...user, ...(toWrite as Partial<Settings>), version: user.version };
  const nextChose = new Set([...chose, ...fields]);
  const result = {
    settings: applyPolicy(nextUser, nextChose, policy),
    issues,
    problems: issues.map((i) => i.message),
    ...(refused.length ? { refused } : {}),
  };
  if (current.storageError) return { ...result, ok: false, storageError: current.storageError };
  if (!fields.length) return { ...result, ok: refused.length === 0 };
  try {
    await syncArea().set(toWrite);
    return { ...result, ok: refused.length === 0 };
  } catch (error) {
    return { ...result, ok: false, storageError: errorText(error) };
  }
}

/**
 * The user's own site list to store, from the list in force after an edit: an organisation default the user
 * left as it was stays the organisation's (not copied into the user's storage, so a later policy change still
 * reaches it); a switch the user flipped, or a site they had already, is theirs.
 */
function userSites(
  edited: Record<string, SiteSetting>,
  own: Record<string, SiteSetting>,
  policySites: Record<string, SiteSetting> | undefined,
): Record<string, SiteSetting> {
  const out: Record<string, SiteSetting> = {};
  for (const [origin, site] of Object.entries(edited)) {
    const fromPolicy = policySites?.[origin];
    if (fromPolicy && !Object.hasOwn(own, origin) && fromPolicy.enabled === site.enabled) continue;
    out[origin] = site;
  }
  return out;
}

/** Why a site cannot be switched on: the settings hold https sites, and plain http on this computer only. */
export const SITE_NOT_STORABLE =
  'Plain http sites can be checked only on this computer (localhost, 127.x.x.x); other sites need https.';

/**
 * Turns the check on or off for one site (adding it to the list if needed). An address the settings cannot hold
 * (plain http beyond this computer, not a web address) is refused with `ok: false`, never reported as saved.
 */
export async function setSiteEnabled(origin: string, enabled: boolean): Promise<SettingsSave> {
  const { settings } = await readSettings();
  const site = normaliseOrigin(origin);
  if (!site) {
    const issues = [{ field: 'sites' as const, message: SITE_NOT_STORABLE }];
    return { ok: false, settings, issues, problems: [SITE_NOT_STORABLE] };
  }
  return saveSettings({ sites: { ...settings.sites, [site]: { enabled } } });
}

/** Removes one site from the list. */
export async function removeSite(origin: string): Promise<SettingsSave> {
  const { settings } = await readSettings();
  const sites = { ...settings.sites };
  delete sites[origin];
  return saveSettings({ sites });
}

/**
 * Calls `callback` with the freshly validated settings whenever they change in sync storage (from this page,
 * another extension page, or another device) or the organisation's policy changes or answers late. `options` are
 * those of each re-read. Returns an unsubscribe function. Never throws.
 */
export function onSettingsChanged(
  callback: (read: SettingsRead) => void,
  options: ReadOptions = {},
): () => void {
  const keys = new Set<string>(STORAGE_KEYS);
  let active = true;
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    // A policy change arrives as the 'managed' area (Chrome applies it live; Firefox on restart).
    const relevant =
      areaName === 'managed' || (areaName === 'sync' && Object.keys(changes).some((k) => keys.has(k)));
    if (!relevant) return;
    void readSettings(options).then((read) => {
      if (active) callback(read);
    });
  };
  // A policy read that timed out and answered later (the first page after a browser start) is a change too.
  const offLate = onLatePolicy((policy) => {
    void readLayers({ policy }).then(({ read }) => {
      if (active) callback(read);
    });
  });
  try {
    const onChanged = browser?.storage?.onChanged;
    if (!onChanged)
      return () => {
        active = false;
        offLate();
      };
    onChanged.addListener(listener);
    return () => {
      active = false;
      offLate();
      try {
        onChanged.removeListener(listener);
      } catch {
        // Nothing to undo.
      }
    };
  } catch {
    return () => {
      active = false;
      offLate();
    };
  }
}

/**
 * For content scripts, which must never hold back finding composers: calls `callback` at once with safe defaults
 * (the check on, Check at Send advising only, never holding a send), then with the user's settings as soon as they
 * are read (without waiting for the organisation policy), then with every change, and with the policy whenever it
 * answers, however late (a locked policy that arrives late still wins). A read made before the policy answered
 * never replaces one made after. Returns an unsubscribe function. Never throws.
 */
export function watchSettings(callback: (read: SettingsRead) => void): () => void {
  let active = true;
  let withPolicy = false;
  const deliver = (read: SettingsRead) => {
    if (!active || (withPolicy && read.policyPending)) return;
    if (!read.policyPending) withPolicy = true;
    try {
      callback(read);
    } catch {
      // The caller fails open on its own.
    }
  };
  const off = onSettingsChanged(deliver, { policyWaitMs: 0 });
  deliver({
    // Until the user's own choice is read, Check at Send only advises: it must never hold a send the user set to
    // go through (the default, "risk", applies as soon as the stored settings say nothing else).
    settings: { ...defaultSettings(), sendCheckMode: 'advise' },
    issues: [],
    problems: [],
    managed: managedView(NO_POLICY),
    policyPending: true,
  });
  void readLayers({ policyWaitMs: 0 }).then(({ read }) => deliver(read));
  return () => {
    active = false;
    off();
  };
}
