#!/usr/bin/env node
/**
 * Bundles the command-line tool: src/cli/main.ts → bin/marketing-check.mjs (ESM, Node 20, compromise inlined),
 * with a shebang and the executable bit. Runs on `npm ci` (prepare) and before the tests (build:cli).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'bin', 'marketing-check.mjs');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (error) {
  // `npm ci --omit=dev` runs prepare without the dev dependencies: say so, but do not break the install.
  const lifecycle = process.env.npm_lifecycle_event;
  console.error(
    `build-cli: esbuild is not installed (${error.code ?? error.message}); bin/marketing-check.mjs not built`,
  );
  process.exit(lifecycle === 'prepare' ? 0 : 1);
}

mkdirSync(dirname(outfile), { recursive: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: {
    js: [
      '#!/usr/bin/env node',
      // For any CommonJS dependency that calls require() on a Node built-in.
      "import { createRequire as __mcCreateRequire } from 'node:module';",
      'const require = __mcCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
chmodSync(outfile, 0o755);
const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs)[0]]?.bytes ?? 0;
console.log(`build-cli: wrote bin/marketing-check.mjs (${Math.round(bytes / 1024)} KB)`);
