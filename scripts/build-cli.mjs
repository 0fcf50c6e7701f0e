#!/usr/bin/env node
/**
 * Builds the command-line tool into bin/ (ESM, Node 20, compromise inlined: the package needs no dependencies at
 * run time). Runs on `npm ci` and `npm pack` (prepare) and before the tests (build:cli).
 *
 *   bin/marketing-check.mjs        the launcher: argument parsing, --help, --version; loads no classifier
 *   bin/lib/engine-*.mjs, chunk-*  the command itself, loaded by the launcher when it runs in-process
 *   bin/lib/jsonl-worker.mjs       a --jsonl worker thread
 *   bin/lib/marketing-check.blob   a V8 startup snapshot of the command with the core loaded and warmed up
 *                                  (node --build-snapshot), and .blob.json: the Node build that made it
 *
 * A snapshot loads only in the Node build that made it; the launcher checks (src/cli/snapshot-choice.ts) and
 * otherwise runs in-process. If the snapshot cannot be made here, the build says so and goes on without it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin');
const lib = join(bin, 'lib');
const kb = (bytes) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (error) {
  // `npm ci --omit=dev` runs prepare without the dev dependencies: say so, but do not break the install.
  const lifecycle = process.env.npm_lifecycle_event;
  console.error(`build-cli: esbuild is not installed (${error.code ?? error.message}); bin/ not built`);
  process.exit(lifecycle === 'prepare' ? 0 : 1);
}

// For any CommonJS dependency that calls require() on a Node built-in.
const requireShim = [
  "import { createRequire as __mcCreateRequire } from 'node:module';",
  'const require = __mcCreateRequire(import.meta.url);',
].join('\n');

// The data in src/data must pass its schemas (src/core/data/schemas.ts) before it is built in: npm run data --check.
const data = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/data.ts'), '--check'], {
  cwd: root,
  stdio: 'inherit',
});
if (data.status !== 0) {
  console.error('build-cli: the data check failed (above); bin/ not built');
  process.exit(1);
}

rmSync(bin, { recursive: true, force: true });
mkdirSync(lib, { recursive: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

// The launcher and the worker, sharing chunks; the engine (everything else) is a chunk the launcher imports on demand.
const modules = await esbuild.build({
  ...common,
  entryPoints: {
    'marketing-check': join(root, 'src/cli/main.ts'),
    'lib/jsonl-worker': join(root, 'src/cli/jsonl-worker.ts'),
  },
  outdir: bin,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'lib/[name]-[hash]',
  splitting: true,
  format: 'esm',
  banner: { js: requireShim },
});
chmodSync(join(bin, 'marketing-check.mjs'), 0o755);
const launcher = modules.metafile.outputs['bin/marketing-check.mjs'];
const total = Object.values(modules.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `build-cli: wrote bin/marketing-check.mjs (${kb(launcher?.bytes ?? 0)}) and bin/lib/ (${kb(total)} in all)`,
);

// The startup snapshot: one CommonJS script (node --build-snapshot takes no modules), run once to build the heap.
const work = mkdtempSync(join(tmpdir(), 'mrc-snapshot-'));
try {
  const entry = join(work, 'snapshot.cjs');
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'src/cli/snapshot.ts')],
    outfile: entry,
    format: 'cjs',
  });
  const blob = join(lib, 'marketing-check.blob');
  // Without NODE_OPTIONS: V8 options baked into the snapshot would have to be given every time it is used.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', entry], {
    cwd: work,
    env,
    encoding: 'utf8',
  });
  // Node warns when the snapshot holds a built-in module whose state may not survive it (worker_threads did:
  // its workers then failed to start). Such a snapshot is refused, not shipped.
  if (result.status !== 0 || /not yet fully verified|Warning/.test(result.stderr)) {
    throw Object.assign(new Error(`node --build-snapshot exited ${result.status}`), {
      stderr: result.stderr,
    });
  }
  // The launcher compares this record with the Node running it (src/cli/snapshot-choice.ts, compiled here).
  const choice = await esbuild.build({
    ...common,
    entryPoints: [join(root, 'src/cli/snapshot-choice.ts')],
    format: 'esm',
    write: false,
    metafile: false,
  });
  const source = Buffer.from(choice.outputFiles[0].text).toString('base64');
  const { currentBuild } = await import(`data:text/javascript;base64,${source}`);
  writeFileSync(join(lib, 'marketing-check.blob.json'), `${JSON.stringify(currentBuild(), null, 2)}\n`);
  console.log(
    `build-cli: wrote bin/lib/marketing-check.blob (${kb(statSync(blob).size)}, Node ${process.version})`,
  );
} catch (error) {
  rmSync(join(lib, 'marketing-check.blob'), { force: true });
  const detail = String(error.stderr ?? error.message ?? error)
    .trim()
    .split('\n')
    .slice(0, 5)
    .join('\n');
  console.warn(`build-cli: no startup snapshot (the command still works, but starts slower):\n${detail}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
