/**
 * The Firefox build in Debian's firefox-esr (scripts/firefox-smoke.mjs, over WebDriver BiDi): it installs, gives a
 * verdict with highlights on the demo composer without touching the draft, an organisation policy
 * (storage.managed) reaches both the composer check and the options page, and its popup renders.
 *
 * The script builds its own Firefox development build in a temporary folder, so this needs no dist-firefox/.
 * Without firefox-esr the checks are skipped on a developer's machine and fail in CI (.ci/run installs it).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const available = existsSync(FIREFOX);

interface SmokeResult {
  firefox: string;
  ok: boolean;
  checks: Record<string, boolean>;
  details: Record<string, unknown>;
}

let result: SmokeResult;

describe.skipIf(!available && !process.env.CI)('Firefox (firefox-esr, WebDriver BiDi)', () => {
  beforeAll(async () => {
    if (!available) throw new Error(`firefox-esr is missing at ${FIREFOX}: apt-get install firefox-esr`);
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/firefox-smoke.mjs', '--json'], {
      cwd: ROOT,
      timeout: 120_000,
      maxBuffer: 10 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      // The script exits 1 when a check fails but still prints its results; anything else is a real failure.
      if (error.stdout?.trim().startsWith('{')) return { stdout: error.stdout };
      throw new Error(`firefox smoke test could not run: ${error.stderr ?? error}`);
    });
    result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
  }, 150_000);

  const expectCheck = (name: string) =>
    expect(result.checks[name], `${name}: ${JSON.stringify(result.details[name])}`).toBe(true);

  test('the add-on installs (temporary, unsigned) under its gecko id', () => {
    expect(result.firefox).toMatch(/^Mozilla Firefox \d+/);
    expectCheck('installs');
  });

  test('the content script gives a verdict in words on the demo composer', () => expectCheck('verdict'));

  test('highlights use the CSS Custom Highlight API, and the draft’s DOM is untouched', () => {
    expectCheck('highlights');
    expectCheck('draft untouched');
  });

  test('the organisation policy reaches the content script (no question about who is sending)', () =>
    expectCheck('policy applies in the composer'));

  test('Check at Send (confirm): the send is held with a dialog', () =>
    expectCheck('send held with a dialog'));

  test('Check at Send: Go back sends nothing and keeps the draft', () =>
    expectCheck('go back sends nothing and keeps the draft'));

  test('Check at Send: Send anyway sends exactly once', () => expectCheck('send anyway sends exactly once'));

  test('the options page renders', () => expectCheck('options renders'));

  test('the options page shows the settings set by a managed-storage policy as locked', () =>
    expectCheck('options shows managed settings'));

  test('the popup renders', () => expectCheck('popup renders'));

  test('nothing else was checked or failed', () => {
    expect(Object.keys(result.checks).sort()).toEqual(
      [
        'draft untouched',
        'go back sends nothing and keeps the draft',
        'highlights',
        'installs',
        'options renders',
        'options shows managed settings',
        'policy applies in the composer',
        'popup renders',
        'send anyway sends exactly once',
        'send held with a dialog',
        'verdict',
      ].sort(),
    );
    expect(result.ok).toBe(true);
  });
});
