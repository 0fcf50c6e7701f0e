#!/usr/bin/env node
/**
 * `npm run package`: release builds for both stores, zipped.
 *
 *   packages/marketing-rules-check-<version>-chrome.zip    Chrome Web Store (and Edge Add-ons)
 *   packages/marketing-rules-check-<version>-firefox.zip   addons.mozilla.org
 *
 * Each zip holds the built extension and nothing else: manifest.json at the root, no source maps, no sources, no
 * development hosts. Entries are sorted and time-stamped 1980-01-01, so the same build gives the same bytes.
 * Before zipping, each build is checked (version, no dev hosts, no source maps, the browser's background form, the
 * Firefox data-collection declaration); a failed check stops the packaging with the reason.
 *
 * Options: --out DIR (default packages/), --target chrome|firefox (default both).
 * Uses Node's standard library and the project's own Vite; never downloads anything.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeZip } from './zip.mjs';

const root = path.resolve(import.meta.dirname, '..');
export const NAME = 'marketing-rules-check';
export const TARGETS = ['chrome', 'firefox'];

/** Files that never belong in a store package, whatever the build emits. */
const EXCLUDED = [/\.map$/, /(^|\/)\.[^/]*/, /(^|\/)\.vite\//];

function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Release build of one target into `outDir` (never the dev build: loopback hosts are for tests only). */
function build(target, outDir) {
  const env = { ...process.env, MRC_OUT_DIR: outDir };
  delete env.MRC_DEV_HOSTS;
  if (target === 'firefox') env.TARGET = 'firefox';
  else delete env.TARGET;
  try {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    throw new Error(`The ${target} build failed:\n${output || error.message}`);
  }
}

/**
 * What a store package must satisfy; returns the problems (empty when fine). Exported for the tests, which run
 * it on the zips' own manifests.
 */
export function checkBuild(target, manifest, files, version) {
  const problems = [];
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  if (manifest.version !== version) problems.push(`manifest version ${manifest.version} is not ${version}`);
  const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []);
  const dev = matches.filter((m) => /^https?:\/\/(127\.0\.0\.1|localhost)\//.test(m));
  if (dev.length)
    problems.push(`development hosts in content_scripts: ${dev.join(', ')} (built with MRC_DEV_HOSTS?)`);
  const maps = files.filter((f) => f.endsWith('.map'));
  if (maps.length) problems.push(`source maps: ${maps.join(', ')}`);
  if (manifest.key) problems.push('manifest has a "key" (the stores assign the extension id)');
  const schema = manifest.storage?.managed_schema;
  if (schema && !files.includes(schema)) problems.push(`storage.managed_schema ${schema} is missing`);
  if (target === 'chrome') {
    if (!manifest.background?.service_worker) problems.push('Chrome build has no background.service_worker');
    if (manifest.browser_specific_settings) problems.push('Chrome build carries browser_specific_settings');
  } else {
    const gecko = manifest.browser_specific_settings?.gecko;
    if (manifest.background?.service_worker) problems.push('Firefox build has a background.service_worker');
    if (!manifest.background?.scripts?.length) problems.push('Firefox build has no background.scripts');
    if (!gecko?.id) problems.push('Firefox build has no browser_specific_settings.gecko.id');
    if (JSON.stringify(gecko?.data_collection_permissions?.required) !== '["none"]')
      problems.push('Firefox build does not declare data_collection_permissions.required ["none"]');
  }
  for (const file of [manifest.background?.service_worker, ...(manifest.background?.scripts ?? [])])
    if (file && !files.includes(file)) problems.push(`background file ${file} is missing`);
  return problems;
}

/** Builds and zips one target; returns what was written. */
export function packageTarget(target, { outDir, version }) {
  const stage = path.join(outDir, `.stage-${target}`);
  rmSync(stage, { recursive: true, force: true });
  try {
    build(target, stage);
    const all = listFiles(stage).sort();
    const files = all.filter((f) => !EXCLUDED.some((re) => re.test(f)));
    const manifest = JSON.parse(readFileSync(path.join(stage, 'manifest.json'), 'utf8'));
    const problems = checkBuild(target, manifest, files, version);
    if (problems.length)
      throw new Error(`The ${target} build is not fit to ship:\n- ${problems.join('\n- ')}`);
    const zip = writeZip(files.map((f) => ({ path: f, data: readFileSync(path.join(stage, f)) })));
    const file = path.join(outDir, `${NAME}-${version}-${target}.zip`);
    writeFileSync(file, zip);
    const unpacked = files.reduce((n, f) => n + readFileSync(path.join(stage, f)).length, 0);
    const warnings = [];
    if (!manifest.icons?.['128'])
      warnings.push('no 128×128 icon in the manifest: the Chrome Web Store requires one');
    return {
      target,
      file,
      files: files.length,
      bytes: zip.length,
      unpacked,
      sha256: createHash('sha256').update(zip).digest('hex'),
      skipped: all.filter((f) => !files.includes(f)),
      warnings,
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'packages' }, target: { type: 'string', multiple: true } },
  });
  const targets = values.target?.length ? values.target : TARGETS;
  for (const t of targets) {
    if (!TARGETS.includes(t)) {
      console.error(`Unknown --target ${JSON.stringify(t)}: use ${TARGETS.join(' or ')}.`);
      process.exit(2);
    }
  }
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const outDir = path.resolve(root, values.out);
  mkdirSync(outDir, { recursive: true });
  for (const target of targets) {
    const r = packageTarget(target, { outDir, version });
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `${path.relative(process.cwd(), r.file)}: ${r.files} files, ${kb(r.bytes)} (unpacked ${kb(r.unpacked)}), sha256 ${r.sha256}`,
    );
    if (r.skipped.length) console.log(`  left out: ${r.skipped.join(', ')}`);
    for (const w of r.warnings) console.warn(`  warning: ${w}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
