/**
 * Remembered answers (issue #13 item 5): the answers a writer gives in the panel, kept on this device
 * (`storage.local`) so every composer, and the next page load, starts from them. Two scopes:
 * - the organisation (its type and name from Settings): answers given with no recipients known;
 * - a recipient list within it, recognised by a SHA-256 hash of its sorted addresses (never the addresses): answers
 *   given for that list. A list's answers win over the organisation's.
 * `promotes` (does this message promote something?) belongs to one draft and is never remembered. Listed and
 * cleared in Settings. The pure parts are exported for tests; storage calls never throw.
 */
import type { MessageId } from '../core/findings/finding.ts';
import { browser } from '../platform/browser.ts';

export const REMEMBERED_KEY = 'rememberedAnswers';
/** The store keeps the most recently used scopes up to this many. */
export const MAX_SCOPES = 200;
/** Fields never remembered: they belong to one draft. */
export const NOT_REMEMBERED: ReadonlySet<string> = new Set(['promotes']);

/** As the panel keeps it (src/panel/PanelQuestions.tsx `Answer`): the words are message ids, never English. */
export interface RememberedAnswer {
  value: string;
  label: MessageId;
  question: MessageId;
  options?: { value: string; messageId: MessageId }[];
}

export interface Scope {
  /** Storage id: `org:<type>:<name>` or `list:<type>:<name>:<hash>`. */
  id: string;
  kind: 'org' | 'list';
  /** How many distinct addresses the list has (lists only); shown in Settings instead of the addresses. */
  size?: number;
}

export interface ScopeEntry {
  kind: 'org' | 'list';
  size?: number;
  /** ISO time of the last answer. */
  at: string;
  answers: Record<string, RememberedAnswer>;
}

export type Store = Record<string, ScopeEntry>;

/** The organisation's scope (the type and name as set in Settings; the store never leaves this device). */
export function orgScope(type: string, name: string): Scope {
  return { id: `org:${type}:${name.trim().toLowerCase()}`, kind: 'org' };
}

/** Distinct addresses of a recipient list, lower-cased and sorted (the hash's input). */
export function normaliseList(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))].sort();
}

/** The list's scope within the organisation's, or null when there are no recipients or no hashing here. */
export async function listScope(org: Scope, addresses: readonly string[]): Promise<Scope | null> {
  const list = normaliseList(addresses);
  const subtle = globalThis.crypto?.subtle;
  if (!list.length || !subtle) return null;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(list.join('\n')));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return { id: `list:${org.id.slice(4)}:${hex}`, kind: 'list', size: list.length };
}

function validAnswer(a: unknown): a is RememberedAnswer {
  if (!a || typeof a !== 'object') return false;
  const r = a as Record<string, unknown>;
  return (
    typeof r.value === 'string' &&
    typeof r.label === 'string' &&
    typeof r.question === 'string' &&
    (r.options === undefined ||
      (Array.isArray(r.options) &&
        r.options.every(
          (o) =>
            o && typeof o.value === 'string' && typeof (o as { messageId?: unknown }).messageId === 'string',
        )))
  );
}

/** Whatever storage holds, as a valid store (bad entries and answers dropped, `promotes` never kept). */
export function parseStore(raw: unknown): Store {
  const out: Store = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [id, e] of Object.entries(raw as Record<string, unknown>)) {
    if (!e || typeof e !== 'object') continue;
    const entry = e as Record<string, unknown>;
    if ((entry.kind !== 'org' && entry.kind !== 'list') || typeof entry.at !== 'string') continue;
    const answers: Record<string, RememberedAnswer> = {};
    for (const [field, a] of Object.entries((entry.answers as Record<string, unknown>) ?? {}))
      if (!NOT_REMEMBERED.has(field) && validAnswer(a)) answers[field] = a;
    out[id] = {
      kind: entry.kind,
      at: entry.at,
      answers,
      ...(typeof entry.size === 'number' ? { size: entry.size } : {}),
    };
  }
  return out;
}

/** The answers for these scopes: the organisation's, then the list's over them. */
export function answersFor(store: Store, scopes: readonly Scope[]): Record<string, RememberedAnswer> {
  const out: Record<string, RememberedAnswer> = {};
  for (const s of scopes) Object.assign(out, store[s.id]?.answers ?? {});
  return out;
}

/** The store with one answer set (or removed, `answer` null) in `scope`; the oldest scopes beyond MAX_SCOPES go. */
export function withAnswer(
  store: Store,
  scope: Scope,
  field: string,
  answer: RememberedAnswer | null,
  now: string,
): Store {
  if (NOT_REMEMBERED.has(field)) return store;
  const prev = store[scope.id];
  const answers = { ...(prev?.answers ?? {}) };
  if (answer) answers[field] = answer;
  else delete answers[field];
  const next: Store = { ...store };
  if (Object.keys(answers).length)
    next[scope.id] = { kind: scope.kind, at: now, answers, ...(scope.size ? { size: scope.size } : {}) };
  else delete next[scope.id];
  const ids = Object.keys(next);
  if (ids.length > MAX_SCOPES) {
    ids.sort((a, b) => (next[a]?.at ?? '').localeCompare(next[b]?.at ?? ''));
    for (const id of ids.slice(0, ids.length - MAX_SCOPES)) delete next[id];
  }
  return next;
}

// --- storage --------------------------------------------------------------------------------------------------

export async function readRemembered(): Promise<Store> {
  try {
    const got = await browser.storage.local.get(REMEMBERED_KEY);
    return parseStore(got[REMEMBERED_KEY]);
  } catch {
    return {};
  }
}

/** Remembers one answer. Never throws; false when storage refused. */
export async function rememberAnswer(
  scope: Scope,
  field: string,
  answer: RememberedAnswer | null,
): Promise<boolean> {
  try {
    const store = await readRemembered();
    const next = withAnswer(store, scope, field, answer, new Date().toISOString());
    await browser.storage.local.set({ [REMEMBERED_KEY]: next });
    return true;
  } catch {
    return false;
  }
}

/** Forgets one scope (`id`), or everything. */
export async function forgetRemembered(id?: string): Promise<boolean> {
  try {
    if (!id) {
      await browser.storage.local.remove(REMEMBERED_KEY);
      return true;
    }
    const store = await readRemembered();
    delete store[id];
    await browser.storage.local.set({ [REMEMBERED_KEY]: store });
    return true;
  } catch {
    return false;
  }
}

/** Calls back whenever the remembered answers change (another composer, another tab, Settings). */
export function onRememberedChanged(callback: () => void): () => void {
  try {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && REMEMBERED_KEY in changes) callback();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  } catch {
    return () => {};
  }
}
