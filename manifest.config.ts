/**
 * The MV3 manifest, typed (crxjs defineManifest). Least privilege: storage only, no host permissions; the
 * composer integration runs as content scripts on the webmail hosts only (content scripts need no permission).
 */
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

/** The webmail hosts the in-composer check runs on (issue #3). */
export const WEBMAIL_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://mail.yahoo.com/*',
  'https://mail.proton.me/*',
];

/**
 * Loopback pages, only in builds made with MRC_DEV_HOSTS=1: `npm start`'s demo composer and the e2e fixtures
 * are served from 127.0.0.1. Never in a release build, so the shipped extension runs on the webmail hosts only.
 */
export const DEV_MATCHES =
  process.env.MRC_DEV_HOSTS === '1' ? ['http://127.0.0.1/*', 'http://localhost/*'] : [];

export const target: 'chrome' | 'firefox' = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineManifest({
  manifest_version: 3,
  name: 'Marketing Rules Check',
  short_name: 'Marketing Check',
  description:
    'Tells you, before you send, whether UK direct marketing rules (PECR, UK GDPR) apply to your email or text. Runs entirely in your browser.',
  version: pkg.version,
  action: { default_popup: 'src/popup/index.html', default_title: 'Marketing Rules Check' },
  options_ui: { page: 'src/options/index.html', open_in_tab: true },
  background:
    target === 'firefox'
      ? { scripts: ['src/background/index.ts'] }
      : { service_worker: 'src/background/index.ts', type: 'module' },
  permissions: ['storage'],
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
  ...(target === 'firefox'
    ? {
        browser_specific_settings: {
          gecko: {
            id: 'marketing-rules-check@example.org',
            strict_min_version: '142.0',
            data_collection_permissions: { required: ['none'] },
          },
        },
      }
    : {}),
});
