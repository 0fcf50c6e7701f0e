/**
 * "Check on this site": the content script for sites the user enabled from the popup. The popup asks the browser
 * for the one site's host permission (a user gesture is needed); this module then keeps one registered content
 * script whose matches are exactly the enabled sites the user has granted, and injects it into tabs already open
 * on a newly enabled site. Idempotent: it can run at start-up, on permission changes, on settings changes and on
 * the popup's request, in any order.
 *
 * The browser APIs are passed in (a narrow interface), so the logic is unit-tested with fakes.
 */
import type { Settings } from '../settings/schema.ts';
import { isBuiltinOrigin, sitePattern } from '../sites/hosts.ts';

export const SITE_SCRIPT_ID = 'mrc-enabled-sites';

interface RegisteredScript {
  id: string;
  matches?: string[];
}

export interface SitesApi {
  /** The content script files (from the manifest: the same bundle as the built-in webmail hosts). */
  contentScriptFiles(): string[];
  grantedOrigins(): Promise<string[]>;
  registered(): Promise<RegisteredScript[]>;
  register(script: ScriptSpec): Promise<void>;
  update(script: ScriptSpec): Promise<void>;
  unregister(id: string): Promise<void>;
  /** Ids of open tabs whose URL matches `pattern` (needs the host permission, which the user just granted). */
  tabsMatching(pattern: string): Promise<number[]>;
  inject(tabId: number, files: string[]): Promise<void>;
}

export interface ScriptSpec {
  id: string;
  matches: string[];
  js: string[];
  allFrames: boolean;
  matchOriginAsFallback: boolean;
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** True when the granted permission origins cover `pattern` (exactly, or by a wider grant such as https://*\/*). */
export function isGranted(pattern: string, granted: readonly string[]): boolean {
  const [scheme, rest] = pattern.split('://');
  const host = rest?.split('/')[0] ?? '';
  return granted.some((g) => {
    if (g === '<all_urls>') return true;
    const [gs, grest] = g.split('://');
    const ghost = grest?.split('/')[0] ?? '';
    if (gs !== '*' && gs !== scheme) return false;
    if (ghost === '*') return true;
    const bare = ghost.replace(/:\d+$/, '');
    if (bare.startsWith('*.')) return host === bare.slice(2) || host.endsWith(bare.slice(1));
    return bare === host;
  });
}

/** The match patterns the site script should have: switched on, not built in, and granted by the user. */
export function siteMatches(settings: Settings, granted: readonly string[]): string[] {
  // "Pause everywhere" is not a reason to unregister: the running scripts pause themselves and resume with it.
  const out = new Set<string>();
  for (const [origin, site] of Object.entries(settings.sites)) {
    if (!site.enabled || isBuiltinOrigin(origin)) continue;
    const pattern = sitePattern(origin);
    if (pattern && isGranted(pattern, granted)) out.add(pattern);
  }
  return [...out].sort();
}

export function scriptSpec(matches: string[], js: string[]): ScriptSpec {
  return {
    id: SITE_SCRIPT_ID,
    matches,
    js,
    // Same frames as the manifest's content script: editors in srcless iframes are reached from the top frame.
    allFrames: true,
    matchOriginAsFallback: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/**
 * Brings the registered site script in line with the settings and granted permissions. Returns the patterns
 * that were newly added (so the caller can inject into tabs already open there).
 */
export async function syncSiteScript(api: SitesApi, settings: Settings): Promise<string[]> {
  const js = api.contentScriptFiles();
  if (!js.length) return [];
  const matches = siteMatches(settings, await api.grantedOrigins());
  const existing = (await api.registered()).find((s) => s.id === SITE_SCRIPT_ID);
  const before = new Set(existing?.matches ?? []);
  if (!matches.length) {
    if (existing) await api.unregister(SITE_SCRIPT_ID);
    return [];
  }
  const spec = scriptSpec(matches, js);
  if (existing) await api.update(spec);
  else await api.register(spec);
  return matches.filter((m) => !before.has(m));
}

/** Injects the content script into open tabs on newly enabled sites (the script itself ignores a second run). */
export async function injectInto(api: SitesApi, patterns: string[]): Promise<number> {
  const js = api.contentScriptFiles();
  let injected = 0;
  for (const pattern of patterns) {
    for (const tabId of await api.tabsMatching(pattern)) {
      try {
        await api.inject(tabId, js);
        injected++;
      } catch {
        // A tab that closed or navigated away meanwhile: nothing to do.
      }
    }
  }
  return injected;
}
