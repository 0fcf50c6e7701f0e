/**
 * The options page of the built extension in Debian's Chromium: defaults on first open, changes save at once
 * (announced) and persist in storage.sync, the training link, and no network requests.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAxe } from './axe.ts';
import { DIST, type ExtensionBrowser, launchWithExtension } from './browser.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../tmp');
const MANIFEST = path.join(DIST, 'manifest.json');

let browser: ExtensionBrowser;
let optionsUrl = '';

beforeAll(async () => {
  if (!existsSync(MANIFEST)) throw new Error('dist/ is missing: run `npx vite build` first');
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  if (!manifest.options_ui)
    throw new Error('dist/manifest.json has no options_ui: the build is stale, run `npx vite build` first');
  browser = await launchWithExtension();
  optionsUrl = `chrome-extension://${browser.extensionId}/src/options/index.html`;
});
afterAll(async () => browser?.close());

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(optionsUrl);
  await page.waitForSelector('main[aria-busy="false"]');
  return { page, errors };
}

async function waitSaved(page: Page, what: string) {
  await expect
    .poll(() => page.locator('[role="status"]').textContent(), { timeout: 10_000 })
    .toBe(`Saved: ${what}.`);
}

describe('options page', () => {
  test('the manifest declares the options page, opened in a tab', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    expect(manifest.options_ui).toEqual({ page: 'src/options/index.html', open_in_tab: true });
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'activeTab']);
  });

  test('the first-run page (#welcome, opened at install) asks who you send as, focused, skippable, axe-clean', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${optionsUrl}#welcome`);
    await page.waitForSelector('main[aria-busy="false"]');
    const welcome = page.getByTestId('welcome');
    expect(await welcome.getByRole('heading').textContent()).toBe(
      'Welcome: three answers make every check fit you',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('welcome-title');
    expect(await welcome.getByRole('button', { name: 'Skip for now' }).count()).toBe(1);
    // The organisation's questions follow at once.
    await welcome.getByRole('link', { name: 'Start with your organisation' }).click();
    expect(await page.getByRole('radio', { name: 'Charity' }).isVisible()).toBe(true);
    await page.goto(`${optionsUrl}#welcome`);
    await page.waitForSelector('[data-testid="welcome"]');
    expect((await runAxe(page)).violations).toEqual([]);
    await page.close();
  });

  test('first open shows the defaults, labelled controls and the disclaimer', async () => {
    const { page, errors } = await open();
    expect(await page.title()).toContain('Marketing Rules Check');
    expect(await page.getByRole('radio', { name: 'Not sure' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Organisation name').inputValue()).toBe('');
    expect(await page.getByRole('radio', { name: 'Email' }).isChecked()).toBe(true);
    // The default holds only what breaks a rule (issue #13).
    expect(
      await page.getByRole('radio', { name: /^Hold what breaks a rule \(recommended\)/ }).isChecked(),
    ).toBe(true);
    expect(await page.getByRole('switch', { name: 'Pause checks on every site' }).isChecked()).toBe(false);
    expect(await page.getByTestId('sites-empty').isVisible()).toBe(true);
    expect(await page.locator('body').textContent()).toContain('Guidance, not legal advice.');
    expect(await page.locator('body').textContent()).toContain('when you press Send in a supported webmail');
    // Every form control has an accessible name.
    const unnamed = await page.$$eval('input, button, select, textarea', (els) =>
      els
        .filter((el) => {
          const id = el.id;
          const labelled = id && document.querySelector(`label[for="${id}"]`);
          // A button's own text is its name.
          const text = el.tagName === 'BUTTON' && el.textContent?.trim();
          return !labelled && !el.getAttribute('aria-label') && !el.closest('label') && !text;
        })
        .map((el) => el.outerHTML),
    );
    expect(unnamed).toEqual([]);
    expect(await page.locator('[role="status"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Charity, a name and Confirm save, are announced, and persist across a reload', async () => {
    const { page, errors } = await open();
    // Keyboard operable: from the checked radio (Not sure, last), arrow keys wrap to Business, then Charity.
    await page.getByRole('radio', { name: 'Not sure' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Charity' }).isChecked()).toBe(true);
    await waitSaved(page, 'organisation type');

    await page.getByLabel('Organisation name').fill('  Hope Valley Trust  ');
    await page.getByLabel('Organisation name').press('Tab');
    await waitSaved(page, 'organisation name');

    await page.getByRole('radio', { name: 'Confirm' }).check();
    await waitSaved(page, 'Check at Send');

    const stored = await page.evaluate(() => chrome.storage.sync.get(null));
    expect(stored).toEqual({
      version: 1,
      organisationType: 'charity',
      organisationName: 'Hope Valley Trust',
      sendCheckMode: 'confirm',
    });

    await page.reload();
    await page.waitForSelector('main[aria-busy="false"]');
    expect(await page.getByRole('radio', { name: 'Charity' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Organisation name').inputValue()).toBe('Hope Valley Trust');
    expect(await page.getByRole('radio', { name: 'Confirm' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Email' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('sites from storage list with switches and remove buttons; bad stored values show inline', async () => {
    const { page, errors } = await open();
    await page.evaluate(() =>
      chrome.storage.sync.set({
        sites: {
          'https://mail.example.org': { enabled: true },
          'http://localhost:8080': { enabled: false },
          'http://evil.example': { enabled: true },
        },
        defaultChannel: 'fax',
      }),
    );
    await page.reload();
    await page.waitForSelector('main[aria-busy="false"]');
    const on = page.getByRole('switch', { name: 'Check on mail.example.org' });
    const off = page.getByRole('switch', { name: 'Check on http://localhost:8080' });
    expect(await on.isChecked()).toBe(true);
    expect(await off.isChecked()).toBe(false);
    const problems = await page.locator('.problems li').allTextContents();
    expect(problems.some((p) => p.includes('Default channel') && p.includes('fax'))).toBe(true);
    expect(problems.some((p) => p.includes('evil.example'))).toBe(true);

    await off.check();
    await waitSaved(page, 'sites');
    await page.getByRole('button', { name: 'Remove mail.example.org' }).click();
    await waitSaved(page, 'sites');
    expect(await page.evaluate(() => chrome.storage.sync.get('sites'))).toEqual({
      sites: { 'http://localhost:8080': { enabled: true } },
    });
    // Focus stays in the list after a removal.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Remove http://localhost:8080',
    );

    // Pause everywhere, then undo it, from the keyboard.
    await page.getByRole('switch', { name: 'Pause checks on every site' }).focus();
    await page.keyboard.press('Space');
    await waitSaved(page, 'pause everywhere');
    expect(await page.getByTestId('paused-banner').isVisible()).toBe(true);

    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 900, height: 2200 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'options.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SHOTS, 'options-dark.png'), fullPage: true });

    await page.keyboard.press('Space');
    await waitSaved(page, 'pause everywhere');
    expect(await page.evaluate(() => chrome.storage.sync.get('pausedEverywhere'))).toEqual({
      pausedEverywhere: false,
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the training link opens the training page', async () => {
    const { page, errors } = await open();
    const link = page.getByRole('link', { name: 'Open training mode' });
    expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
      `chrome-extension://${browser.extensionId}/src/training/index.html`,
    );
    const [training] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await training.waitForLoadState();
    expect(training.url()).toBe(`chrome-extension://${browser.extensionId}/src/training/index.html`);
    expect(await training.locator('h1').first().textContent()).toBeTruthy();
    await training.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('no network request leaves the extension', () => {
    expect(browser.extensionRequests).toEqual([]);
  });
});
