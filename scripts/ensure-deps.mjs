#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm test`, so those two commands are all a newcomer needs on a fresh machine:
 * installs npm dependencies when node_modules is missing or older than the lock file, and Debian's chromium (and
 * firefox-esr, for the Firefox smoke test, before `npm test` and `npm run test:browser`) when missing and we may
 * use apt-get (root). Node's standard library only.
 */
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules/.package-lock.json');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

if (!existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000)) {
  console.log('Installing npm dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = isRoot && existsSync('/usr/bin/apt-get');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const forTests = ['pretest', 'pretest:browser'].includes(process.env.npm_lifecycle_event ?? '');
const wantFirefox = forTests && !existsSync('/usr/bin/firefox-esr');
if (!existsSync(chromium) || (wantFirefox && canApt)) {
  if (canApt) {
    const packages = [existsSync(chromium) ? '' : 'chromium', wantFirefox ? 'firefox-esr' : ''].filter(
      Boolean,
    );
    console.log(`Installing Debian packages: ${packages.join(', ')} (apt-get)…`);
    try {
      run(`apt-get update -y && apt-get install -y ${packages.join(' ')}`);
    } catch {
      console.warn('apt-get failed: the browser tests that need these packages will say so.');
    }
  } else {
    console.warn(
      `Chromium was not found at ${chromium}. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH; browser tests and npm start need it.`,
    );
  }
}
