/**
 * Which sites the check runs on. Built-in: the webmail hosts in the manifest's content scripts (no permission
 * prompt; content scripts need none). Every other site only after the user enables it from the popup, which asks
 * the browser for that one site's host permission (optional_host_permissions) and registers the content script
 * for it at run time (`src/background/sites.ts`).
 */

import { WEBMAILS } from '../adapters/webmails.ts';

/** The webmail hosts the in-composer check runs on out of the box: those of src/adapters/webmails.ts. */
export const WEBMAIL_HOSTS: readonly string[] = Object.values(WEBMAILS).flatMap((w) => w.hosts);

/** Match patterns for the built-in hosts (manifest content_scripts). */
export const WEBMAIL_MATCHES: string[] = WEBMAIL_HOSTS.map((h) => `https://${h}/*`);

/** What the user may grant at run time, one site at a time (manifest optional_host_permissions). */
export const OPTIONAL_SITE_MATCHES = ['https://*/*', 'http://*/*'];

/** True for the origins of the built-in webmail hosts (they need no per-site permission). */
export function isBuiltinOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' && WEBMAIL_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * The match pattern (and permission origin) for one site. Match patterns cannot carry a port, so an origin with a
 * port is granted for its host on any port (loopback test servers, self-hosted webmail on :8443).
 */
export function sitePattern(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

/** The http(s) origin of a page URL, or null for pages no content script can run on (browser pages, files…). */
export function pageOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}
