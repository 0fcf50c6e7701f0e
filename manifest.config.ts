/**
 * The MV3 manifest, typed (crxjs defineManifest). Least privilege: storage only, no host permissions yet;
 * the composer integration (content scripts per webmail) arrives with the adapters.
 */
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

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
