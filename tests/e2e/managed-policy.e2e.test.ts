/**
 * An organisation policy in Debian's Chromium, set the way an administrator sets it on Linux: a JSON file in
 * /etc/chromium/policies/managed/ with a `3rdparty.extensions.<id>` entry. Chromium validates it against the
 * extension's managed_schema.json and hands it to `storage.managed`; the options page then shows the locked
 * settings and the organisation's defaults, and a locked setting cannot be changed.
 *
 * The unpacked extension's id is derived from its folder's path, so the policy names only this build: other
 * builds (other test runs on the machine) get no policy. The file exists only while this file's browser runs
 * (the e2e files run one at a time, so the other files' browsers, which load the same build, never see it).
 * Needs write access to /etc/chromium/policies (root; CI runs as root); skipped elsewhere.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, type ExtensionBrowser, launchWithExtension } from './browser.ts';

const POLICY_DIR = '/etc/chromium/policies/managed';

/** Chromium's id for an unpacked extension: the first 128 bits of SHA-256 of its path, as letters a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

function canWritePolicies(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const POLICY = {
  organisationType: 'public-authority',
  organisationName: 'Anytown Council',
  sendCheckMode: 'confirm',
  sites: ['https://webmail.anytown.example', 'ftp://files.anytown.example'],
  disabledSites: ['https://mail.yahoo.com'],
  // Not in the schema's enum: Chromium drops it before the extension sees it.
  defaultChannel: 'fax',
  locked: ['organisationType', 'organisationName', 'sites'],
};

const writable = canWritePolicies();
const extensionId = unpackedExtensionId(DIST);
const policyFile = path.join(POLICY_DIR, `mrc-e2e-${extensionId}-${process.pid}.json`);

let browser: ExtensionBrowser;
let page: Page;

describe.skipIf(!writable)('organisation policy in Chromium (storage.managed)', () => {
  beforeAll(async () => {
    // A file left by an interrupted run would put later browsers of this build under the policy: remove it.
    for (const f of readdirSync(POLICY_DIR))
      if (f.startsWith(`mrc-e2e-${extensionId}-`)) rmSync(path.join(POLICY_DIR, f), { force: true });
    writeFileSync(
      policyFile,
      JSON.stringify({ '3rdparty': { extensions: { [extensionId]: POLICY } } }, null, 2),
    );
    // The file stays while this browser runs: Chromium reads extension policies once the extension has loaded
    // (and re-reads the folder from time to time). afterAll removes it.
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await page.waitForSelector('main[aria-busy="false"]');
    // The policy can reach storage.managed just after the page's first read; the page follows the change.
    await page.getByTestId('managed-notice').waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    rmSync(policyFile, { force: true });
    await browser?.close();
  });

  test('the extension id is the one the policy names', () => {
    expect(browser.extensionId).toBe(extensionId);
  });

  test('Chromium validates the policy against managed_schema.json before the extension reads it', async () => {
    const managed = await page.evaluate(() => chrome.storage.managed.get(null));
    const { defaultChannel: _dropped, ...valid } = POLICY;
    expect(managed).toEqual(valid);
  });

  test('locked settings show the organisation’s values, marked and disabled', async () => {
    const authority = page.getByRole('radio', { name: 'Public authority' });
    expect(await authority.isChecked()).toBe(true);
    expect(await authority.isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Business' }).isDisabled()).toBe(true);
    const name = page.getByLabel('Organisation name');
    expect(await name.inputValue()).toBe('Anytown Council');
    expect(await name.getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('#organisationType-managed').textContent()).toContain(
      'Set by your organisation',
    );
    expect(await page.locator('#organisationName-managed').textContent()).toContain(
      'Set by your organisation',
    );
  });

  test('an unlocked policy value is a default the user can change, and the change is saved', async () => {
    expect(await page.locator('#sendCheckMode-managed').textContent()).toContain(
      'Suggested by your organisation',
    );
    expect(await page.getByRole('radio', { name: 'Confirm' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /^Advise/ }).check();
    await expect
      .poll(() => page.locator('header [role="status"]').textContent(), { timeout: 10_000 })
      .toBe('Saved: Check at Send.');
    expect(await page.evaluate(() => chrome.storage.sync.get('sendCheckMode'))).toEqual({
      sendCheckMode: 'advise',
    });
  });

  test('the locked site list: the organisation’s sites only, switches disabled, nothing to remove', async () => {
    const rows = page.locator('.site');
    expect(await rows.locator('.origin').allTextContents()).toEqual([
      'mail.yahoo.com',
      'webmail.anytown.example',
    ]);
    for (const row of await rows.all()) {
      expect(await row.getByRole('switch').isDisabled()).toBe(true);
      expect(await row.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    }
    expect(await page.getByRole('switch', { name: 'Check on mail.yahoo.com' }).isChecked()).toBe(false);
  });

  test('the policy’s bad site address is listed for the administrator, and the rest of the policy applies', async () => {
    const notice = await page.getByTestId('managed-notice').textContent();
    expect(notice).toContain('Your organisation manages some of these settings.');
    expect(notice).toContain(
      'Organisation policy “sites”: “ftp://files.anytown.example” is not a site address',
    );
  });

  test('clicking a locked choice changes nothing, and nothing is written to storage', async () => {
    // A disabled radio ignores the click (forced past Playwright's own check, as a user's click would be).
    await page
      .getByRole('radio', { name: 'Charity' })
      .click({ force: true })
      .catch(() => {});
    expect(await page.getByRole('radio', { name: 'Public authority' }).isChecked()).toBe(true);
    expect(await page.evaluate(() => chrome.storage.sync.get('organisationType'))).toEqual({});
  });
});
