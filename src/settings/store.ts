/**
 * Settings in `browser.storage.sync`: one storage key per field (so two devices editing different fields do
 * not overwrite each other, and each item stays far below sync's per-item quota).
 *
 * Fails safe: if storage is missing or throws, reads give the defaults and writes report the error; nothing
 * here throws. Nothing leaves the browser except through the browser's own sync, if the user has it on.
 */
import { browser } from '../platform/browser.ts';
import {
  defaultSettings,
  type ParsedSettings,
  parseSettings,
  SETTINGS_VERSION,
  type Settings,
  type SettingsField,
  STORAGE_KEYS,
} from './schema.ts';

export interface SettingsRead extends ParsedSettings {
  /** Set when storage could not be read at all (the settings are then the defaults). */
  storageError?: string;
}

export interface SettingsSave extends ParsedSettings {
  ok: boolean;
  /** Set when the write failed (for example a storage quota); `settings` is what would have been saved. */
  storageError?: string;
}

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

/** The stored settings, validated, with any problems found. Never throws. */
export async function readSettings(): Promise<SettingsRead> {
  try {
    const stored = await syncArea().get([...STORAGE_KEYS]);
    return parseSettings(stored);
  } catch (error) {
    return { settings: defaultSettings(), problems: [], issues: [], storageError: errorText(error) };
  }
}

/** The stored settings, or the defaults if they cannot be read. Never throws. */
export async function loadSettings(): Promise<Settings> {
  return (await readSettings()).settings;
}

/**
 * Merges `update` into the stored settings, validates, and writes the fields in `update` (with the version).
 * The problems returned are those of the update itself (a bad value is replaced by its default, and saved so).
 */
export async function saveSettings(update: SettingsUpdate): Promise<SettingsSave> {
  const current = await readSettings();
  const fields = Object.keys(update ?? {}).filter(
    (k): k is SettingsField => (STORAGE_KEYS as readonly string[]).includes(k) && k !== 'version',
  );
  const merged: Record<string, unknown> = { ...current.settings };
  for (const field of fields) merged[field] = update[field];
  const parsed = parseSettings(merged);
  const issues = parsed.issues.filter((i) => (fields as string[]).includes(i.field));
  const result = { settings: parsed.settings, issues, problems: issues.map((i) => i.message) };
  if (current.storageError) return { ...result, ok: false, storageError: current.storageError };
  const toWrite: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const field of fields) toWrite[field] = parsed.settings[field];
  try {
    await syncArea().set(toWrite);
    return { ...result, ok: true };
  } catch (error) {
    return { ...result, ok: false, storageError: errorText(error) };
  }
}

/** Turns the check on or off for one site (adding it to the list if needed). */
export async function setSiteEnabled(origin: string, enabled: boolean): Promise<SettingsSave> {
  const { settings } = await readSettings();
  return saveSettings({ sites: { ...settings.sites, [origin]: { enabled } } });
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
 * another extension page, or another device). Returns an unsubscribe function. Never throws.
 */
export function onSettingsChanged(callback: (read: SettingsRead) => void): () => void {
  const keys = new Set<string>(STORAGE_KEYS);
  let active = true;
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'sync' || !Object.keys(changes).some((k) => keys.has(k))) return;
    void readSettings().then((read) => {
      if (active) callback(read);
    });
  };
  try {
    const onChanged = browser?.storage?.onChanged;
    if (!onChanged) return () => {};
    onChanged.addListener(listener);
    return () => {
      active = false;
      try {
        onChanged.removeListener(listener);
      } catch {
        // Nothing to undo.
      }
    };
  } catch {
    return () => {};
  }
}
