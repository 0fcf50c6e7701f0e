/**
 * "Check on this site" from the popup, and "pause everywhere": a page on a site that is not a built-in webmail
 * host (127.0.0.2, standing in for a self-hosted webmail) gets no check until the user enables it in the popup;
 * then the content script starts in the open tab without a reload, the popup lists the composers with their
 * verdicts, and switching the site off or pausing everywhere removes every badge. Needs a dev build
 * (`MRC_DEV_HOSTS=1`): it holds the 127.0.0.2 host permission, so the browser's prompt resolves at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, type ExtensionBrowser, launchWithExtension } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today.';

let server: Server;
let site: string;
let builtin: string;
let ext: ExtensionBrowser;
let worker: Worker;
const errors: string[] = [];

const hosts = (p: Page) => p.locator('[data-mrc-host]').count();

async function openPage(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return page;
}

/** The tab of the page just opened (the active one: without host permission a tab's URL is hidden). */
async function activeTabId(page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  popup.on('pageerror', (e) => errors.push(`popup: ${e}`));
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
  return popup;
}

beforeAll(async () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  if (!(manifest.host_permissions ?? []).includes('http://127.0.0.2/*'))
    throw new Error('the build lacks the dev-only 127.0.0.2 permission: build with MRC_DEV_HOSTS=1');
  const html = readFileSync(path.join(ROOT, 'demo/index.html'));
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  site = `http://127.0.0.2:${port}/`;
  builtin = `http://127.0.0.1:${port}/`;
  ext = await launchWithExtension();
  worker = ext.context.serviceWorkers()[0] as Worker;
  expect(existsSync(DIST)).toBe(true);
}, 60_000);

afterAll(async () => {
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('check on this site', () => {
  test('a site that is not built in gets nothing until enabled; the popup enables it in the open tab', async () => {
    const page = await openPage(site);
    await page.locator('#body').fill(APPEAL);
    await page.waitForTimeout(1500);
    expect(await hosts(page)).toBe(0);

    const popup = await openPopup(await activeTabId(page));
    const state = popup.locator('.site-state');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('not-enabled');
    await popup.getByRole('button', { name: 'Check on this site' }).click();
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('on');

    // The content script started in the already-open tab, without a reload: a host for each of the three composers
    // (the textarea in its compose window with a Send button is found without a focus, issue 11).
    await expect.poll(() => hosts(page), { timeout: 15_000 }).toBe(3);
    await expect
      .poll(() => page.locator('[data-mrc-host][data-mrc-for="body"]').getAttribute('data-mrc-verdict'), {
        timeout: 15_000,
      })
      .toMatch(/^(yes|likely)$/);

    // The popup lists the composers with the same verdicts.
    const first = popup.locator('.composer').first();
    await expect
      .poll(() => first.getAttribute('data-verdict'), { timeout: 10_000 })
      .toMatch(/^(yes|likely)$/);
    expect(await first.locator('.composer-verdict').textContent()).toContain('fundraising');

    // Registered for the future too: a new tab on the same site is checked on load.
    const again = await openPage(site);
    await expect.poll(() => hosts(again), { timeout: 15_000 }).toBe(3);
    const registered = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered.map((s) => s.matches)).toEqual([['http://127.0.0.2/*']]);
    await again.close();

    // "Show in page" opens that composer's panel.
    await first.getByRole('button', { name: 'Show in page' }).click();
    await expect
      .poll(() =>
        page
          .locator('[data-mrc-host][data-mrc-for="body"]')
          .evaluate((h) => !!h.shadowRoot?.querySelector('[role="dialog"], .panel:not([hidden])')),
      )
      .toBe(true);

    // Switching the site off removes every badge; the draft is untouched.
    await popup.getByRole('button', { name: 'Turn off on this site' }).click();
    await expect.poll(() => hosts(page), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('off');
    expect(await page.locator('#body').textContent()).toContain('Please donate today.');
    const after = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(after).toEqual([]);
    await popup.close();
    await page.close();
  }, 90_000);

  test('pause everywhere removes the badges on a built-in site and unpausing brings them back', async () => {
    const page = await openPage(builtin);
    await page.locator('#body').fill(APPEAL);
    await expect.poll(() => hosts(page), { timeout: 15_000 }).toBe(3);
    const popup = await openPopup(await activeTabId(page));
    await expect.poll(() => popup.locator('.composer').count(), { timeout: 10_000 }).toBe(3);
    await popup.locator('#pause-everywhere').check();
    await expect.poll(() => hosts(page), { timeout: 10_000 }).toBe(0);
    await expect
      .poll(() => popup.locator('.site-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('paused');
    await popup.locator('#pause-everywhere').uncheck();
    await expect.poll(() => hosts(page), { timeout: 15_000 }).toBe(3);
    await popup.close();
    await page.close();
  }, 60_000);

  test('the keyboard shortcut focuses the badge of the composer being written in', async () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
    expect(manifest.commands?.['focus-badge']?.suggested_key?.default).toBe('Alt+Shift+M');
    const page = await openPage(builtin);
    await page.locator('#body2').fill(APPEAL);
    await expect
      .poll(() => page.locator('[data-mrc-host][data-mrc-for="body2"]').getAttribute('data-mrc-verdict'), {
        timeout: 15_000,
      })
      .toMatch(/^(yes|likely)$/);
    await page.locator('#body2').focus();
    const tabId = await activeTabId(page);
    // What the background does on the command (Playwright cannot press browser-level shortcuts).
    const focused = await worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'mrc:focus-badge' }, { frameId: 0 }),
      tabId,
    );
    expect(focused).toBe(true);
    const where = await page.evaluate(() => {
      const host = document.activeElement as HTMLElement | null;
      return {
        host: host?.getAttribute('data-mrc-for'),
        inner: host?.shadowRoot?.activeElement?.className ?? '',
      };
    });
    expect(where.host).toBe('body2');
    expect(where.inner).toContain('badge');
    // Enter on the focused badge opens the panel.
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page
          .locator('[data-mrc-host][data-mrc-for="body2"]')
          .evaluate((h) => !!h.shadowRoot?.querySelector('[role="dialog"], .panel:not([hidden])')),
      )
      .toBe(true);
    await page.close();
  });

  test('a browser page offers nothing to enable', async () => {
    const page = await openPage('about:blank');
    const popup = await openPopup(await activeTabId(page));
    await expect
      .poll(() => popup.locator('.this-tab').textContent(), { timeout: 10_000 })
      .toContain('cannot be checked');
    await popup.close();
    await page.close();
  });

  test('no network request leaves the extension, and no page errors', () => {
    expect(ext.extensionRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
