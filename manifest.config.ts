/**
 * The MV3 manifest, typed (crxjs defineManifest). Least privilege: storage only, no host permissions; the
 * composer integration runs as content scripts on the webmail hosts only (content scripts need no permission).
 */
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { OPTIONAL_SITE_MATCHES, WEBMAIL_MATCHES } from './src/sites/hosts.ts';

export { WEBMAIL_MATCHES };

/**
 * Loopback pages, only in builds made with MRC_DEV_HOSTS=1: `npm start`'s demo composer and the e2e fixtures
 * are served from 127.0.0.1. Never in a release build, so the shipped extension runs on the webmail hosts only.
 */
export const DEV_MATCHES =
  process.env.MRC_DEV_HOSTS === '1' ? ['http://127.0.0.1/*', 'http://localhost/*'] : [];

/**
 * Dev builds only: host permission for a second loopback address, standing in for "a site the user enabled". The
 * e2e test drives the popup's "Check on this site" there; with the permission already held, the browser's prompt
 * resolves at once instead of waiting for a click the test cannot make. Never in a release build.
 */
export const DEV_ENABLED_SITE_PERMISSIONS = process.env.MRC_DEV_HOSTS === '1' ? ['http://127.0.0.2/*'] : [];

export const target: 'chrome' | 'firefox' = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/** Firefox only. A named constant because crxjs' manifest type does not know `gecko_android` yet. */
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'marketing-rules-check@example.org',
    // 140 is the first release with both the CSS Custom Highlight API and data_collection_permissions, and an
    // ESR line, which organisations deploy.
    strict_min_version: '140.0',
    // Declares that the extension collects nothing (the Firefox add-on data consent; see PRIVACY.md).
    data_collection_permissions: { required: ['none' as const] },
  },
  // Firefox for Android reads data_collection_permissions from 142 on.
  gecko_android: { strict_min_version: '142.0' },
};

export default defineManifest({
  manifest_version: 3,
  // Name, short name, description and the toolbar title come from public/_locales (English and Welsh); the
  // browser picks the catalogue for its own language, English by default.
  default_locale: 'en',
  name: '__MSG_extName__',
  short_name: '__MSG_extShortName__',
  description: '__MSG_extDescription__',
  version: pkg.version,
  // Drawn for this project (assets/icon.svg, rendered by scripts/icons.mjs).
  icons: {
    16: 'icons/icon-16.png',
    32: 'icons/icon-32.png',
    48: 'icons/icon-48.png',
    128: 'icons/icon-128.png',
  },
  action: {
    default_popup: 'src/popup/index.html',
    default_title: '__MSG_extName__',
    default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  },
  options_ui: { page: 'src/options/index.html', open_in_tab: true },
  background:
    target === 'firefox'
      ? { scripts: ['src/background/index.ts'] }
      : { service_worker: 'src/background/index.ts', type: 'module' },
  // storage: settings. scripting: register the content script for sites the user enables from the popup.
  // activeTab: the popup may read the address of the tab it was opened on, to offer "check on this site".
  permissions: ['storage', 'scripting', 'activeTab'],
  // Keyboard access to the badge (it sits after the page in the Tab order): Alt+Shift+M from the draft.
  commands: {
    'focus-badge': {
      suggested_key: { default: 'Alt+Shift+M' },
      description: '__MSG_extCommandFocusBadge__',
    },
  },
  // Nothing is granted at install: each site is asked for, one at a time, when the user enables it.
  optional_host_permissions: OPTIONAL_SITE_MATCHES,
  ...(DEV_ENABLED_SITE_PERMISSIONS.length ? { host_permissions: DEV_ENABLED_SITE_PERMISSIONS } : {}),
  // Organisation policy (storage.managed): the keys an administrator may set (src/settings/managed.ts). Chrome and
  // Edge validate policies against this file; Firefox ignores it and takes policies.json as given.
  storage: { managed_schema: 'managed_schema.json' },
  content_scripts: [
    {
      matches: [...WEBMAIL_MATCHES, ...DEV_MATCHES],
      js: ['src/content/main.ts'],
      // Compose editors can live in same-origin and about:blank iframes (TinyMCE-style editors, pop-outs).
      all_frames: true,
      match_about_blank: true,
      run_at: 'document_idle',
    },
  ],
  ...(target === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
});
