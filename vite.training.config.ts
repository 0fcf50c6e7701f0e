/**
 * Builds the training page on its own, as a plain web page (no extension, no crx plugin):
 * `npx vite build -c vite.training.config.ts` → dist-training/index.html. Relative asset paths, so the folder
 * works from any sub-path (or from disk through a local server).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { dataCheck } from './scripts/lib/vite-data-check.ts';

const root = fileURLToPath(new URL('./src/training', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // The data in src/data is checked against its schemas before anything is built (npm run data).
  plugins: [dataCheck(fileURLToPath(new URL('.', import.meta.url)))],
  publicDir: false,
  // The live editor's explain worker (src/training/walk.ts) is a module worker.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist-training', import.meta.url)),
    emptyOutDir: true,
    // compromise is ~350 KB; it loads after the first paint.
    chunkSizeWarningLimit: 600,
    modulePreload: { polyfill: false },
  },
});
