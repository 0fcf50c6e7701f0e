#!/usr/bin/env node
/**
 * `npm run pack:cli [-- --out DIR] [-- --no-build]`: the command-line tool as a tarball to install anywhere with
 * `npm install -g ./marketing-rules-check-VERSION.tgz`.
 *
 * The tarball holds bin/ (built here, unless --no-build), README.md, PRIVACY.md and a package.json with only what
 * an installed command needs: name, version, bin, engines, no dependencies (compromise is inlined in bin/) and no
 * scripts. `npm pack` in the checkout would pack this project's development scripts too, and npm 11 then warns
 * at install that `prepare` is not allowed (and allowing it would fail: the build script is not in the package).
 * Prints the tarball's path.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : root);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!args.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  type: pkg.type,
  bin: pkg.bin,
  engines: pkg.engines,
  files: ['bin/', 'PRIVACY.md'],
};

const stage = mkdtempSync(join(tmpdir(), 'mrc-pack-cli-'));
try {
  cpSync(join(root, 'bin'), join(stage, 'bin'), { recursive: true });
  for (const file of ['README.md', 'PRIVACY.md']) cpSync(join(root, file), join(stage, file));
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(out, { recursive: true });
  const [result] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', out], { cwd: stage, encoding: 'utf8' }),
  );
  console.log(join(out, result.filename));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
