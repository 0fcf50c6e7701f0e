/**
 * Language coverage in the built extension: a Welsh draft is never a silent "not marketing". The popup shows
 * the coverage note under the headline; the composer badge names the language and the panel shows the note.
 * Needs a build with the loopback content-script matches: `MRC_DEV_HOSTS=1 npx vite build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, type ExtensionBrowser, launchWithExtension } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WELSH_NOTICE =
  'Annwyl breswylydd, o ddydd Llun 2 Mawrth ymlaen bydd eich biniau’n cael eu casglu ddydd Mawrth yn lle ddydd Iau. Nid oes angen i chi wneud dim byd arall.';
const WELSH_APPEAL =
  'Y gaeaf hwn, mae cannoedd o deuluoedd yn ein sir heb wres. Rhowch rodd heddiw i’n hapêl. Gallai £10 dalu am bryd poeth i blentyn.';

let browser: ExtensionBrowser;
let server: Server;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
  const manifestPath = path.join(DIST, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error('the build is missing: run `MRC_DEV_HOSTS=1 npx vite build` first');
  const html = readFileSync(path.join(ROOT, 'demo/index.html'));
  server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('language coverage in the extension', () => {
  test('popup: a Welsh notice is unclear with the note under the headline; a Welsh appeal is fundraising', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await page.fill('#subject', 'Newid i’ch diwrnod casglu');
    await page.fill('#body', WELSH_NOTICE);
    const section = page.locator('section.verdict');
    await expect.poll(() => section.getAttribute('data-verdict'), { timeout: 15_000 }).toBe('unclear');
    const note = page.locator('.verdict-language');
    await expect.poll(() => note.textContent(), { timeout: 5000 }).toMatch(/^Not enough English to judge/);
    expect(await note.getAttribute('role')).toBe('note');

    await page.fill('#subject', 'Apêl y Gaeaf');
    await page.fill('#body', WELSH_APPEAL);
    await expect
      .poll(() => section.getAttribute('data-verdict'), { timeout: 15_000 })
      .toMatch(/^(yes|likely)$/);
    expect(await page.locator('.verdict-headline').textContent()).toContain('fundraising');
    expect(await note.count()).toBe(1);
    await page.close();
  });

  test('composer: the badge names Welsh and the panel shows the note', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base);
    const host = page.locator('[data-mrc-host][data-mrc-for="body"]');
    await expect.poll(() => host.getAttribute('data-mrc-verdict'), { timeout: 15_000 }).toMatch(/\w/);
    await page.locator('#subject').fill('Newid i’ch diwrnod casglu');
    await page.locator('#body').fill(WELSH_NOTICE);
    const badge = host.locator('.badge');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toMatch(/Unclear · Welsh$/);
    expect(await badge.getAttribute('data-language')).toBe('cy');
    await badge.click();
    const panel = host.locator('.panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.verdict-language').textContent()).toMatch(/^Not enough English to judge/);
    // The coverage warning is a problem to check, first in the panel.
    expect(await panel.locator('[data-mrc-problem="language-coverage-limited"]').textContent()).toContain(
      'Welsh cue words',
    );
    await page.close();
  });

  test('no page errors and no network requests from the extension', () => {
    expect(errors).toEqual([]);
    expect(browser.extensionRequests).toEqual([]);
  });
});
