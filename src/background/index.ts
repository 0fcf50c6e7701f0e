/**
 * Background (service worker in Chrome, event page in Firefox). It holds no drafts and makes no network calls.
 * It keeps the "check on this site" content script registered for the sites the user enabled (sites.ts), and
 * records the install so the popup can greet first-time users.
 */
import { browser } from '../platform/browser.ts';
import { appendOverride, createRateLimit } from '../settings/override-log.ts';
import { normaliseOrigin } from '../settings/schema.ts';
import { loadSettings, onSettingsChanged, SITE_NOT_STORABLE, setSiteEnabled } from '../settings/store.ts';
import { pageOrigin, sitePattern } from '../sites/hosts.ts';
import {
  type EnableSiteRequest,
  type EnableSiteResponse,
  FOCUS_BADGE,
  FOCUS_BADGE_COMMAND,
} from '../sites/messages.ts';
import { handleMessage, type Sender } from './messages.ts';
import { injectInto, type ScriptSpec, type SitesApi, syncSiteScript } from './sites.ts';

const api: SitesApi = {
  contentScriptFiles: () => browser.runtime.getManifest().content_scripts?.[0]?.js ?? [],
  grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
  registered: () => browser.scripting.getRegisteredContentScripts(),
  register: (s: ScriptSpec) => browser.scripting.registerContentScripts([s]),
  update: (s: ScriptSpec) => browser.scripting.updateContentScripts([s]),
  unregister: (id: string) => browser.scripting.unregisterContentScripts({ ids: [id] }),
  tabsMatching: async (pattern: string) =>
    (await browser.tabs.query({ url: pattern })).flatMap((t) => (t.id === undefined ? [] : [t.id])),
  inject: async (tabId: number, files: string[]) => {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files });
  },
};

/** Serialised: start-up, permission and settings events can arrive together. */
let queue: Promise<unknown> = Promise.resolve();
function sync(inject: boolean): Promise<string[]> {
  const run = queue.then(async () => {
    try {
      const added = await syncSiteScript(api, await loadSettings());
      if (inject && added.length) await injectInto(api, added);
      return added;
    } catch {
      return [];
    }
  });
  queue = run;
  return run;
}

/** Enables one site after the popup obtained its permission: settings, registration, and the open tabs. */
async function enableSite(request: EnableSiteRequest): Promise<EnableSiteResponse> {
  const origin = pageOrigin(request.origin);
  const pattern = origin && sitePattern(origin);
  if (!origin || !pattern) return { ok: false, error: 'This page is not a web site the check can run on.' };
  const granted = await browser.permissions.contains({ origins: [pattern] });
  if (!granted) return { ok: false, error: 'The browser did not grant access to this site.' };
  if (!normaliseOrigin(origin)) {
    // The settings cannot hold it (plain http beyond this computer): give the access back rather than keep a
    // permission no setting explains.
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    return { ok: false, error: SITE_NOT_STORABLE };
  }
  const saved = await setSiteEnabled(origin, true);
  if (!saved.ok)
    return {
      ok: false,
      error: saved.refused?.length
        ? (saved.problems[0] ?? 'Your organisation manages the list of sites.')
        : (saved.storageError ?? 'The setting could not be saved.'),
    };
  await sync(false);
  // Inject even when the script was registered already (the site was switched off and on again).
  await injectInto(api, [pattern]);
  return { ok: true };
}

browser.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason === 'install') {
    await browser.storage.local.set({ installedAt: new Date().toISOString() });
    // The first-run page (issue #13): who you send as changes verdicts. Not in development builds, whose every
    // test browser installs the extension afresh (the page itself is tested at options/index.html#welcome).
    if (!__MRC_DEV__)
      void browser.tabs
        .create({ url: browser.runtime.getURL('src/options/index.html#welcome') })
        .catch(() => {});
  }
  await sync(false);
});
browser.runtime.onStartup.addListener(() => void sync(false));
browser.permissions.onAdded.addListener(() => void sync(true));
browser.permissions.onRemoved.addListener(() => void sync(false));
onSettingsChanged(() => void sync(false));

/** "Send anyway" entries: a person confirms a few a minute at most (see createRateLimit). */
const overrideLimit = createRateLimit({ perKey: 6, total: 20, windowMs: 60_000 });

browser.runtime.onMessage.addListener((message: unknown, sender: Sender) =>
  handleMessage(message, sender, {
    extensionId: browser.runtime.id,
    extensionBase: browser.runtime.getURL(''),
    enableSite,
    appendOverride,
    rateLimit: overrideLimit,
  }),
);

// The keyboard shortcut (manifest `commands`; users can change it in the browser's shortcut settings).
browser.commands?.onCommand.addListener(async (command: string) => {
  if (command !== FOCUS_BADGE_COMMAND) return;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: FOCUS_BADGE }, { frameId: 0 });
  } catch {
    // No content script in that tab: nothing to focus.
  }
});
