import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crx } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import manifest, { target } from './manifest.config.ts';
import { dataCheck } from './scripts/lib/vite-data-check.ts';
import { OPTIONAL_SITE_MATCHES } from './src/sites/hosts.ts';

/**
 * The content script loads its modules from the extension, so crxjs lists them as web-accessible on the webmail
 * hosts. Sites the user enables at run time need them too, and their matches cannot change at run time, so the
 * content script's own chunks (JavaScript only, no pages) are web-accessible from any http(s) page. The cost: a
 * page could tell that the extension is installed by probing those URLs. `use_dynamic_url` would prevent that,
 * but Chromium then fails the content script's module import ("Failed to fetch dynamically imported module"),
 * tried here in 2026-11; README lists this under limits.
 */
const WORKER_FRAME = 'src/worker/index.html';

function dynamicContentResources(): Plugin {
  return {
    name: 'mrc-dynamic-content-resources',
    enforce: 'post',
    // crxjs writes the manifest late, so this rewrites the written file.
    writeBundle(options) {
      const file = path.join(options.dir ?? 'dist', 'manifest.json');
      if (!existsSync(file)) return;
      const m = JSON.parse(readFileSync(file, 'utf8'));
      const resources = [
        ...new Set<string>(
          (m.web_accessible_resources ?? []).flatMap((w: { resources: string[] }) => w.resources),
        ),
      ];
      if (!resources.length) return;
      // The worker frame (src/worker/frame.ts): the content script puts it in the page to start the checking
      // worker. Its own script and the worker load from inside the extension, so they need not be listed.
      resources.push(WORKER_FRAME);
      m.web_accessible_resources = [{ matches: OPTIONAL_SITE_MATCHES, resources }];
      writeFileSync(file, `${JSON.stringify(m, null, 2)}\n`);
    },
  };
}

/**
 * Vite wraps each dynamic import in a preload helper that, when the import fails, dispatches a cancelable
 * `vite:preloadError` event on `window`. In a content script that is the webmail's window: the page would learn
 * the extension is there, and by cancelling the event could make the failed import resolve to undefined. This
 * rewrites the helper so a failed import simply rejects (the content script fails open on it). The build stops if
 * Vite's helper no longer has the expected shape, so the fix can never silently fall away.
 */
export function quietPreloadErrors(): Plugin {
  const DISPATCH =
    /const (\w+) = new Event\("vite:preloadError", \{ cancelable: true \}\);\s*\1\.payload = (\w+);\s*window\.dispatchEvent\(\1\);\s*if \(!\1\.defaultPrevented\) throw \2;/;
  return {
    name: 'mrc-quiet-preload-errors',
    enforce: 'post',
    transform(code, id) {
      if (!id.includes('vite/preload-helper')) return null;
      if (!DISPATCH.test(code))
        throw new Error('mrc-quiet-preload-errors: Vite’s preload helper changed; update vite.config.ts.');
      return { code: code.replace(DISPATCH, (_m, _e, err) => `throw ${err};`), map: null };
    },
  };
}

export default defineConfig({
  plugins: [
    // The data in src/data is checked against its schemas before anything is built (npm run data).
    dataCheck(path.dirname(fileURLToPath(import.meta.url))),
    crx({ manifest, browser: target }),
    dynamicContentResources(),
    quietPreloadErrors(),
  ],
  // Development-only code (the Send-check's fault hook for tests) is dropped from release builds entirely.
  define: { __MRC_DEV__: JSON.stringify(process.env.MRC_DEV_HOSTS === '1') },
  // The checking worker is a module worker (Chromium, and Firefox since 114).
  worker: { format: 'es' },
  build: {
    outDir: process.env.MRC_OUT_DIR ?? (target === 'firefox' ? 'dist-firefox' : 'dist'),
    emptyOutDir: true,
    // Content scripts run in the webmail's document: never add <link rel=modulepreload> to its head.
    modulePreload: {
      // Every browser the extension supports preloads modules natively; Vite's polyfill would only add a
      // fetch() of our own files to the package, which store reviewers (and tests/package) flag as network code.
      polyfill: false,
      resolveDependencies: (_file, deps, ctx) => (ctx.hostId.includes('content') ? [] : deps),
    },
    // Extension pages beyond the manifest's own: the training page (also built standalone by
    // vite.training.config.ts) and the worker frame.
    rollupOptions: {
      input: { training: 'src/training/index.html', 'worker-frame': WORKER_FRAME },
      // Preact in a chunk of its own with a stable name: scripts/firefox-lint.mjs justifies the one innerHTML in
      // its renderer by that name. Without the group, Preact joins whichever shared chunk has the same importers
      // (since the interface catalogues, the labels chunk).
      output: {
        codeSplitting: { groups: [{ name: 'jsxRuntime', test: /[\\/]node_modules[\\/]preact[\\/]/ }] },
      },
    },
    // compromise is ~350 KB; it is loaded only where a draft is checked.
    chunkSizeWarningLimit: 600,
  },
});
