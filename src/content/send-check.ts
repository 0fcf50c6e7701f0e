/**
 * Wires the Check at Send guard (send-guard.ts) to the page: its dialog and notices (src/panel/SendDialog.tsx),
 * the local override log (src/settings/override-log.ts) and, in development builds only, fault injection.
 * Kept apart from send-guard.ts so the guard itself has no extension API and is unit-tested as is.
 */
import { LOOPBACK_HOSTS } from '../adapters/shared.ts';
import { createSendUi } from '../panel/SendDialog.tsx';
import { browser } from '../platform/browser.ts';
import { appendOverride, type OverrideEntry } from '../settings/override-log.ts';
import type { SendCheckMode } from '../settings/schema.ts';
import { LOG_OVERRIDE } from '../sites/messages.ts';
import { type GuardDeps, type GuardSession, SendGuard } from './send-guard.ts';

/**
 * Development builds only: the fixture page sets this attribute on `<html>` to make the guard throw at a point
 * (`decide`, `dialog`; space-separated), so the e2e tests can prove a failing extension still lets the send go.
 */
export const FAULT_ATTRIBUTE = 'data-mrc-test-fault';

/**
 * True only in a development build (MRC_DEV_HOSTS=1: the manifest's own content scripts match loopback) on a
 * loopback page. Release manifests never list loopback, so the fault hook is unreachable there; sites a user
 * enables at run time are registered dynamically, not in the manifest, so they cannot turn it on either.
 */
export function isDevBuildOnLoopback(loc: Pick<Location, 'hostname'>): boolean {
  // A constant in every build: false in release builds, so the bundler drops the hook.
  if (!__MRC_DEV__) return false;
  try {
    if (!LOOPBACK_HOSTS.has(loc.hostname)) return false;
    const scripts = browser.runtime.getManifest().content_scripts ?? [];
    return scripts.some((cs) => (cs.matches ?? []).some((m) => m.startsWith('http://127.0.0.1/')));
  } catch {
    return false;
  }
}

export interface SendCheckOptions {
  sessions(): Iterable<GuardSession>;
  mode(): SendCheckMode;
  /** The origin the log records as the site (the top page's). */
  site(): string;
}

/** Starts the guard on `doc`'s window; iframe editors' windows are added with `guard.watch(win)`. */
export function createSendGuard(doc: Document, options: SendCheckOptions): SendGuard {
  const win = doc.defaultView;
  const deps: GuardDeps = {
    sessions: options.sessions,
    mode: options.mode,
    ui: createSendUi(doc),
    logOverride: ({ verdict, webmail, reason }) => {
      const entry: OverrideEntry = {
        at: new Date().toISOString(),
        site: options.site(),
        webmail,
        verdict: verdict.directMarketing,
        purpose: verdict.primaryPurpose,
        route: verdict.route,
        checks: verdict.checks.filter((c) => c.severity !== 'info').map((c) => c.id),
        reason,
      };
      // The background writes the log for every tab (one writer, rate-limited); if it cannot be reached, this
      // page writes the entry itself rather than lose it.
      void Promise.resolve()
        .then(() => browser.runtime.sendMessage({ type: LOG_OVERRIDE, entry }))
        .catch(() => appendOverride(entry))
        .catch(() => undefined);
    },
  };
  if (__MRC_DEV__ && win && isDevBuildOnLoopback(win.location)) {
    deps.fault = (point) => {
      const asked = doc.documentElement.getAttribute(FAULT_ATTRIBUTE)?.split(/\s+/) ?? [];
      if (asked.includes(point)) throw new Error(`Injected fault (${point}) for the fail-open tests`);
    };
  }
  const guard = new SendGuard(deps);
  guard.watch(win);
  return guard;
}
