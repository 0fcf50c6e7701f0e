/**
 * npm 11 blocks dependencies' install scripts unless package.json's `allowScripts` covers them, and ends every
 * `npm ci` with a warning listing the ones it skipped. Every package in the lock file that has an install script
 * must be approved (true) or denied (false) on purpose, so a clean install prints no such warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

test('every dependency with an install script is approved or denied in allowScripts', () => {
  const pkg = read('package.json') as { allowScripts?: Record<string, boolean> };
  const lock = read('package-lock.json') as {
    packages: Record<string, { hasInstallScript?: boolean; version?: string }>;
  };
  const decided = new Set(Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(?<=.)@[^@]*$/, '')));
  const withScripts = Object.entries(lock.packages)
    .filter(([where, p]) => where !== '' && p.hasInstallScript)
    .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
  expect(withScripts).toContain('esbuild');
  expect(withScripts.filter((name) => !decided.has(name))).toEqual([]);
  // esbuild's postinstall only checks and links its platform binary: approved.
  expect(pkg.allowScripts?.esbuild).toBe(true);
});
