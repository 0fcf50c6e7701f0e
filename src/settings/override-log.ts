/**
 * The local log of sends the user let through after the Check at Send asked them to confirm ("Send anyway").
 * Kept in `browser.storage.local` on this device only (never synced, never sent anywhere). An entry records when,
 * on which site and webmail, what the check said (level, purpose, route, the ids of the checks that failed) and the
 * user's optional reason. It never holds the draft's text, subject or addresses: the reason is the user's own
 * words, and email addresses typed into it are removed before it is stored.
 *
 * The pure parts (validation, the reason clean-up, CSV) are exported for tests; storage calls never throw.
 */
import {
  type DirectMarketingLevel,
  DM_LEVELS,
  type PrimaryPurpose,
  PURPOSES,
  ROUTES,
  type Route,
} from '../core/verdict.ts';
import { browser } from '../platform/browser.ts';

/** The storage.local key the log lives under. */
export const OVERRIDE_LOG_KEY = 'overrideLog';
/** The log keeps the newest entries up to this many (about 300 bytes each: far below storage.local's quota). */
export const MAX_LOG_ENTRIES = 1000;
/** A reason longer than this is shortened (counted in characters, not UTF-16 units). */
export const MAX_REASON_LENGTH = 500;
const MAX_FIELD_LENGTH = 300;
const MAX_CHECKS = 20;

export interface OverrideEntry {
  /** When the user chose "Send anyway" (ISO 8601, UTC). */
  at: string;
  /** The page's origin, e.g. `https://mail.google.com`. */
  site: string;
  /** Which adapter handled the composer (gmail, outlook, generic…). */
  webmail: string;
  verdict: DirectMarketingLevel;
  purpose: PrimaryPurpose;
  route: Route;
  /** Ids of the draft checks with severity error or warning (e.g. `recipients-exposed`); never their messages. */
  checks: string[];
  /** The user's optional reason, cleaned (see `cleanReason`); empty when none was given. */
  reason: string;
}

export interface LogRead {
  entries: OverrideEntry[];
  /** Set when storage could not be read (the list is then empty). */
  storageError?: string;
  /** How many stored entries were unreadable and left out. */
  dropped: number;
}

export interface LogWrite {
  ok: boolean;
  storageError?: string;
}

const EMAIL = /[^\s<>()[\]{},;:"']+@[^\s<>()[\]{},;:"']+/gu;

/**
 * The reason as stored: control characters become spaces, whitespace runs collapse, email addresses are replaced
 * by "[address]" (the log must never hold addresses), and it is cut to MAX_REASON_LENGTH characters.
 */
export function cleanReason(input: unknown): string {
  if (typeof input !== 'string') return '';
  const cleaned = input
    .replace(/\p{Cc}+/gu, ' ')
    .replace(EMAIL, '[address]')
    .replace(/\s+/gu, ' ')
    .trim();
  const chars = [...cleaned];
  return chars.length <= MAX_REASON_LENGTH ? cleaned : `${chars.slice(0, MAX_REASON_LENGTH - 1).join('')}…`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(allowed: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}

function shortText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.replace(/\p{Cc}+/gu, ' ').trim();
  return t && t.length <= MAX_FIELD_LENGTH ? t : null;
}

/** One stored entry, validated; null when it cannot be used (storage may hold anything). */
export function parseEntry(raw: unknown): OverrideEntry | null {
  if (!isRecord(raw)) return null;
  const at = typeof raw.at === 'string' && !Number.isNaN(Date.parse(raw.at)) ? raw.at : null;
  const site = shortText(raw.site);
  const webmail = shortText(raw.webmail);
  if (!at || !site || !webmail) return null;
  if (!oneOf(DM_LEVELS, raw.verdict) || !oneOf(ROUTES, raw.route)) return null;
  const purposes = [...PURPOSES, 'none'] as const;
  if (!oneOf(purposes, raw.purpose)) return null;
  const checks = Array.isArray(raw.checks)
    ? raw.checks
        .filter((c): c is string => typeof c === 'string' && /^[a-z0-9-]{1,60}$/.test(c))
        .slice(0, MAX_CHECKS)
    : [];
  return {
    at,
    site,
    webmail,
    verdict: raw.verdict,
    purpose: raw.purpose,
    route: raw.route,
    checks,
    reason: cleanReason(raw.reason),
  };
}

/** The stored list, validated: unreadable entries are dropped and counted, the newest MAX_LOG_ENTRIES kept. */
export function parseLog(raw: unknown): { entries: OverrideEntry[]; dropped: number } {
  if (!Array.isArray(raw)) return { entries: [], dropped: raw === undefined || raw === null ? 0 : 1 };
  const entries: OverrideEntry[] = [];
  let dropped = 0;
  for (const item of raw) {
    const entry = parseEntry(item);
    if (entry) entries.push(entry);
    else dropped++;
  }
  return { entries: entries.slice(-MAX_LOG_ENTRIES), dropped };
}

// --- CSV ------------------------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'Time (UTC)',
  'Site',
  'Webmail',
  'Verdict',
  'Purpose',
  'Route',
  'Checks',
  'Reason',
] as const;

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return, and their full-width
 * forms) gets a leading apostrophe, so opening the export can never run anything (OWASP "CSV injection").
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u.test(value) ? `'${value}` : value;
}

/** One CSV cell: formula-guarded, always quoted, inner quotes doubled (RFC 4180). */
export function csvCell(value: string): string {
  return `"${guardFormula(value).replace(/"/g, '""')}"`;
}

/** The log as RFC 4180 CSV (CRLF line ends, a header row), oldest first. */
export function toCsv(entries: readonly OverrideEntry[]): string {
  const rows = [CSV_COLUMNS.map((c) => csvCell(c)).join(',')];
  for (const e of entries) {
    rows.push(
      [e.at, e.site, e.webmail, e.verdict, e.purpose, e.route, e.checks.join(' '), e.reason]
        .map(csvCell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The export's file name for a date, e.g. `marketing-check-overrides-2026-11-24.csv`. */
export function csvFileName(now: Date): string {
  return `marketing-check-overrides-${now.toISOString().slice(0, 10)}.csv`;
}

// --- storage --------------------------------------------------------------------------------------------------

function localArea() {
  const area = browser?.storage?.local;
  if (!area) throw new Error('Browser storage is not available here.');
  return area;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The log, validated, oldest first. Never throws. */
export async function readOverrideLog(): Promise<LogRead> {
  try {
    const stored = await localArea().get(OVERRIDE_LOG_KEY);
    return parseLog(stored?.[OVERRIDE_LOG_KEY]);
  } catch (error) {
    return { entries: [], dropped: 0, storageError: errorText(error) };
  }
}

/**
 * Writes to the log run one after another in this context: an append is a read-modify-write, and two of them
 * interleaved would each write back the list without the other's entry. The content scripts of every tab hand
 * their entries to the background (LOG_OVERRIDE), so in practice one context writes the log.
 */
let writes: Promise<unknown> = Promise.resolve();
function serial(write: () => Promise<LogWrite>): Promise<LogWrite> {
  const next = writes.then(write, write);
  writes = next;
  return next;
}

/** Adds one entry (cleaned and validated first), dropping the oldest beyond MAX_LOG_ENTRIES. Never throws. */
export function appendOverride(entry: OverrideEntry): Promise<LogWrite> {
  const clean = parseEntry({ ...entry, reason: cleanReason(entry?.reason) });
  if (!clean) return Promise.resolve({ ok: false, storageError: 'The log entry was not valid.' });
  return serial(async () => {
    try {
      const area = localArea();
      const stored = await area.get(OVERRIDE_LOG_KEY);
      const { entries } = parseLog(stored?.[OVERRIDE_LOG_KEY]);
      entries.push(clean);
      await area.set({ [OVERRIDE_LOG_KEY]: entries.slice(-MAX_LOG_ENTRIES) });
      return { ok: true };
    } catch (error) {
      return { ok: false, storageError: errorText(error) };
    }
  });
}

/** Deletes every entry (after any append already queued). Never throws. */
export function clearOverrideLog(): Promise<LogWrite> {
  return serial(async () => {
    try {
      await localArea().remove(OVERRIDE_LOG_KEY);
      return { ok: true };
    } catch (error) {
      return { ok: false, storageError: errorText(error) };
    }
  });
}

export interface RateLimitOptions {
  /** At most this many per key (a tab) within the window. */
  perKey: number;
  /** At most this many in all within the window. */
  total: number;
  windowMs: number;
  now?(): number;
}

/**
 * A sliding-window limit on log appends. A person confirms "Send anyway" in a dialog a few times a minute at most;
 * more than that comes from something else (a page driving the extension), and is not written, so it can never
 * push genuine entries out of the capped log.
 */
export function createRateLimit(options: RateLimitOptions): { allow(key: string): boolean } {
  const now = options.now ?? Date.now;
  const times = new Map<string, number[]>();
  let all: number[] = [];
  return {
    allow(key) {
      const t = now();
      const since = t - options.windowMs;
      all = all.filter((x) => x > since);
      const mine = (times.get(key) ?? []).filter((x) => x > since);
      for (const [k, list] of times) if (!list.some((x) => x > since)) times.delete(k);
      if (mine.length >= options.perKey || all.length >= options.total) {
        if (mine.length) times.set(key, mine);
        return false;
      }
      mine.push(t);
      all.push(t);
      times.set(key, mine);
      return true;
    },
  };
}

/** Calls `callback` whenever the log changes (from any tab). Returns an unsubscribe function. Never throws. */
export function onOverrideLogChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && Object.hasOwn(changes, OVERRIDE_LOG_KEY)) callback();
  };
  try {
    const onChanged = browser?.storage?.onChanged;
    if (!onChanged) return () => {};
    onChanged.addListener(listener);
    return () => {
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
