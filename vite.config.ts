import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest, { target } from './manifest.config.ts';

export default defineConfig({
  plugins: [crx({ manifest, browser: target })],
  build: {
    outDir: process.env.MRC_OUT_DIR ?? (target === 'firefox' ? 'dist-firefox' : 'dist'),
    emptyOutDir: true,
    // Content scripts run in the webmail's document: never add <link rel=modulepreload> to its head.
    modulePreload: {
      resolveDependencies: (_file, deps, ctx) => (ctx.hostId.includes('content') ? [] : deps),
    },
    // Extension pages beyond the manifest's own: the training page (also built standalone by vite.training.config.ts).
    rollupOptions: { input: { training: 'src/training/index.html' } },
    // compromise is ~350 KB; it is loaded only where a draft is checked.
    chunkSizeWarningLimit: 600,
  },
});
