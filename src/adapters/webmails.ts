/**
 * The webmails with an adapter of their own, one entry each, in the order they are tried (the generic adapter
 * comes after all of them). Everything else that names a webmail derives from here: the adapter registry and its
 * order (index.ts), the hosts the content script is declared on (src/sites/hosts.ts → the manifest), the names the
 * popup shows, and the conventions test (conventions.test.ts), which checks that each one has its adapter file, its
 * tests, its fixture, and its line in PRIVACY.md and README.md.
 *
 * Data only (no DOM code), so the manifest, the background and the popup can read it without the adapters.
 * Adding a webmail: see docs/adding-a-webmail.md.
 */

export interface WebmailInfo {
  /** The brand name, the same in every language (the popup: "Gmail: likely direct marketing"). */
  label: string;
  /** Hosts the content script runs on out of the box. Empty for self-hosted webmail (the user enables the site). */
  hosts: readonly string[];
  /**
   * How the adapter is tested against pages: a fixture page in tests/fixtures (served on loopback in dev builds
   * only), or `real` for a webmail the tests run for real (Roundcube: tests/roundcube, tests/e2e/roundcube*).
   */
  fixture: `${string}.html` | 'real';
}

export const WEBMAILS = {
  gmail: { label: 'Gmail', hosts: ['mail.google.com'], fixture: 'gmail.html' },
  outlook: {
    label: 'Outlook',
    // On-premises Outlook on the web (OWA) on an organisation's own domain falls to the generic adapter.
    hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
    fixture: 'outlook.html',
  },
  yahoo: { label: 'Yahoo Mail', hosts: ['mail.yahoo.com'], fixture: 'yahoo.html' },
  proton: { label: 'Proton Mail', hosts: ['mail.proton.me'], fixture: 'proton.html' },
  // Self-hosted: no host of its own; recognised by its compose page's URL or DOM on a site the user enabled.
  roundcube: { label: 'Roundcube', hosts: [], fixture: 'real' },
} as const satisfies Record<string, WebmailInfo>;

/** The id of a webmail with its own adapter (`src/adapters/<id>.ts`). */
export type WebmailId = keyof typeof WEBMAILS;

/** The webmails, in the order their adapters are tried. */
export const WEBMAIL_IDS = Object.keys(WEBMAILS) as WebmailId[];

/** Loopback hosts: fixture pages are served here in development builds (MRC_DEV_HOSTS=1) only. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost']);

/**
 * True on the webmail's own hosts, and on its fixture page on loopback. The content script only runs on loopback
 * in builds made with MRC_DEV_HOSTS=1, so the fixture never applies in a release build.
 */
export function onWebmailPage(
  id: WebmailId,
  { hostname, pathname }: Pick<Location, 'hostname' | 'pathname'>,
): boolean {
  const w: WebmailInfo = WEBMAILS[id];
  if (w.hosts.includes(hostname)) return true;
  return w.fixture !== 'real' && LOOPBACK_HOSTS.has(hostname) && pathname.endsWith(`/${w.fixture}`);
}
