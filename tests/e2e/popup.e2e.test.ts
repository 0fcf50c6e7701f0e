/** The built extension loads in Chromium, and its popup checks a pasted draft with the same core, offline. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, type ExtensionBrowser, launchWithExtension } from './browser.ts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'manifest.json')))
    throw new Error('dist/ is missing: run `npm run build` first');
  browser = await launchWithExtension();
});
afterAll(async () => browser?.close());

describe('extension build', () => {
  test('dist/manifest.json is MV3 with least privilege', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'activeTab']);
    // Every other site is asked for one at a time, from the popup: nothing broad is granted at install.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    for (const broad of ['<all_urls>', 'https://*/*', 'http://*/*', '*://*/*'])
      expect(manifest.host_permissions ?? []).not.toContain(broad);
  });

  test('the popup gives a fundraising appeal a direct-marketing verdict, then a service message none', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await page.fill('#subject', 'Our winter appeal');
    await page.fill(
      '#body',
      'This winter, families need you. Just £5 could provide a hot meal. Please donate today.',
    );
    const section = page.locator('section.verdict');
    await expect
      .poll(() => section.getAttribute('data-verdict'), { timeout: 15_000 })
      .toMatch(/^(yes|likely)$/);
    expect(await page.locator('.verdict-headline').textContent()).toContain('fundraising');
    expect(await page.locator('.evidence li').count()).toBeGreaterThan(0);

    await page.fill('#subject', 'Change to your bin collection day');
    await page.fill(
      '#body',
      'From Monday 4 January your collection day changes to Tuesday. No action is needed.',
    );
    await expect
      .poll(() => section.getAttribute('data-verdict'), { timeout: 15_000 })
      .toMatch(/^(no|unlikely)$/);
    expect(await page.locator('.verdict-headline').textContent()).not.toContain('fundraising');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('no network request leaves the extension', () => {
    expect(browser.extensionRequests).toEqual([]);
  });
});
