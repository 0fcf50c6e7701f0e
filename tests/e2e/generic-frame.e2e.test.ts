/**
 * Generic iframe editors (TinyMCE / CKEditor 4 style, and designMode documents) on a page the content script runs
 * on, in Chromium with the built extension: tests/fixtures/tinymce-like.html. The top frame owns the srcless
 * frames (their own content-script instances stay passive): verdict badge by the frame, highlights in the frame's
 * document, the editor's DOM exactly as without the extension.
 * Needs a build with the loopback content-script matches: `MRC_DEV_HOSTS=1 npx vite build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, DIST, type ExtensionBrowser, hostFor, launchWithExtension, verdictOf } from './browser.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/tinymce-like.html');
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today.';
const SERVICE = 'From Monday 4 January your collection day changes to Tuesday. No action is needed.';

let server: Server;
let url: string;
let ext: ExtensionBrowser;
let plain: Browser;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

/** The frame whose `<iframe>` element has this id. */
async function frameById(p: Page, frameId: string): Promise<Frame> {
  const handle = await p.locator(`iframe#${frameId}`).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame #${frameId}`);
  return frame;
}

/** Clicks into a frame editor and types, as a writer would. */
async function typeInto(p: Page, frameId: string, text: string, replace = false) {
  await p.frameLocator(`iframe#${frameId}`).locator('body').click();
  if (replace) await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type(text);
}

const bodyHtml = async (p: Page, frameId: string) =>
  (await frameById(p, frameId)).evaluate(() => document.body.innerHTML);

/** Runs `act` on the fixture in a browser without the extension and returns that frame body's innerHTML. */
async function withoutExtension(frameId: string, act: (p: Page) => Promise<void>) {
  const p = await plain.newPage();
  try {
    await p.goto(url);
    await act(p);
    return await bodyHtml(p, frameId);
  } finally {
    await p.close();
  }
}

beforeAll(async () => {
  const manifestPath = path.join(DIST, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${DIST} is missing: run \`MRC_DEV_HOSTS=1 npx vite build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!JSON.stringify(manifest.content_scripts ?? []).includes('http://127.0.0.1/*'))
    throw new Error(`${DIST} was built without MRC_DEV_HOSTS=1: the fixture page gets no content script`);
  const html = readFileSync(FIXTURE);
  server = createServer((req, res) => {
    if (req.url === '/tinymce-like.html')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (req.url === '/favicon.ico') res.writeHead(204).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tinymce-like.html`;
  ext = await launchWithExtension();
  ext.context.on('request', (r) => requests.push(r.url()));
  plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await ext.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
});

afterAll(async () => {
  await plain?.close();
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('contenteditable body in a srcless frame (TinyMCE style)', () => {
  test('typing an appeal: a yes/likely badge by the frame, highlights in the frame document only', async () => {
    await page.locator('#subject-rich').fill('Our winter appeal');
    await typeInto(page, 'ed-rich', APPEAL);
    await expect.poll(() => verdictOf(page, 'ed-rich'), { timeout: 15_000 }).toMatch(/^(yes|likely)$/);
    expect(await page.locator(`${hostFor('ed-rich')} .badge`).textContent()).toContain('fundraising');

    const frame = await frameById(page, 'ed-rich');
    await expect
      .poll(() => frame.evaluate(() => CSS.highlights.has('mrc-fundraising')), { timeout: 5000 })
      .toBe(true);
    const marked = await frame.evaluate(() =>
      [...(CSS.highlights.get('mrc-fundraising') ?? [])].map((r) => r.toString()),
    );
    expect(marked.length).toBeGreaterThan(0);
    for (const t of marked) expect(APPEAL).toContain(t);
    // The ::highlight rules were adopted by the frame's document, not written into its DOM.
    expect(await frame.evaluate(() => document.adoptedStyleSheets.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => CSS.highlights.has('mrc-fundraising'))).toBe(false);

    // The badge sits at the frame's bottom-right corner, in the top document.
    const frameBox = (await page.locator('iframe#ed-rich').boundingBox())!;
    const anchor = await page
      .locator(hostFor('ed-rich'))
      .evaluate((h) =>
        (h.shadowRoot!.querySelector('.anchor') as HTMLElement).getBoundingClientRect().toJSON(),
      );
    expect(Math.abs(anchor.left - (frameBox.x + frameBox.width))).toBeLessThanOrEqual(2);
    expect(Math.abs(anchor.top - (frameBox.y + frameBox.height))).toBeLessThanOrEqual(2);
  });

  test('the frame body is exactly as without the extension', async () => {
    const html = await bodyHtml(page, 'ed-rich');
    const without = await withoutExtension('ed-rich', async (p) => {
      await p.locator('#subject-rich').fill('Our winter appeal');
      await typeInto(p, 'ed-rich', APPEAL);
    });
    expect(html).toBe(without);
    expect(html).not.toMatch(/mrc|data-/);
  });

  test('replacing it with a service message gives not marketing and removes the highlights', async () => {
    await page.locator('#subject-rich').fill('Change to your bin collection day');
    await typeInto(page, 'ed-rich', SERVICE, true);
    await expect.poll(() => verdictOf(page, 'ed-rich'), { timeout: 15_000 }).toMatch(/^(no|unlikely)$/);
    const frame = await frameById(page, 'ed-rich');
    await expect
      .poll(() => frame.evaluate(() => CSS.highlights.has('mrc-fundraising')), { timeout: 5000 })
      .toBe(false);
  });
});

describe('designMode document (older editors)', () => {
  test('typing an appeal gives a verdict by that frame and highlights in its document', async () => {
    await page.locator('#subject-design').fill('Please give');
    await typeInto(page, 'ed-design', APPEAL);
    await expect.poll(() => verdictOf(page, 'ed-design'), { timeout: 15_000 }).toMatch(/^(yes|likely)$/);
    const frame = await frameById(page, 'ed-design');
    await expect
      .poll(() => frame.evaluate(() => CSS.highlights.has('mrc-fundraising')), { timeout: 5000 })
      .toBe(true);
    expect(await page.locator('[data-mrc-host]').count()).toBe(2);
  });

  test('its body is exactly as without the extension', async () => {
    const html = await bodyHtml(page, 'ed-design');
    const without = await withoutExtension('ed-design', async (p) => {
      await p.locator('#subject-design').fill('Please give');
      await typeInto(p, 'ed-design', APPEAL);
    });
    expect(html).toBe(without);
  });

  test('removing the frame removes its badge; the other stays', async () => {
    await page.evaluate(() => document.getElementById('compose-design')?.remove());
    await expect.poll(() => page.locator(hostFor('ed-design')).count(), { timeout: 5000 }).toBe(0);
    expect(await page.locator(hostFor('ed-rich')).count()).toBe(1);
  });
});

test('no request leaves the extension, and no console errors', () => {
  const origin = new URL(url).origin;
  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('chrome-extension://'));
  expect(outside).toEqual([]);
  expect(ext.extensionRequests).toEqual([]);
  expect(errors).toEqual([]);
});
