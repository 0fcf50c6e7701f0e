#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm test`, so those two commands are all a newcomer needs on a fresh machine:
 * installs npm dependencies when node_modules is missing or older than the lock file, and Debian's chromium
 * when it is missing and we may use apt-get (root). Uses only Node's standard library.
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

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("Installing Debian's chromium (apt-get)…");
    run('apt-get update -y && apt-get install -y chromium');
  } else {
    console.warn(
      `Chromium was not found at ${chromium}. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH; browser tests and npm start need it.`,
    );
  }
}
