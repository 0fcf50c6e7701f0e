/**
 * Remembered answers (issue #13 item 5) in Chromium with the built extension, on the demo page's composers: an
 * answer given for one recipient list comes back after a reload, in any composer writing to that list, and not for
 * another list; Settings lists it (by the list's size, never its addresses) and forgets it.
 * Needs a development build (`npm run build:dev`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, type ExtensionBrowser, hostFor, launchWithExtension } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today.\n\nHope Trust, registered charity number 1234567. To stop these emails, reply UNSUBSCRIBE.';

let server: Server;
let base: string;
let ext: ExtensionBrowser;
let worker: Worker;
const errors: string[] = [];

const riskOf = (p: Page, key: string) =>
  p
    .locator(hostFor(key))
    .getAttribute('data-mrc-risk', { timeout: 500 })
    .catch(() => null);

async function writeAppeal(p: Page, key: string) {
  await p.locator(`#${key}`).focus();
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type(APPEAL);
}

async function demo(): Promise<Page> {
  const p = await ext.context.newPage();
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(base);
  await p.locator(hostFor('body')).waitFor({ state: 'attached', timeout: 15_000 });
  return p;
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'manifest.json')))
    throw new Error(`${DIST} is missing: run \`npm run build:dev\` first`);
  const html = readFileSync(path.join(ROOT, 'demo/index.html'));
  server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  ext = await launchWithExtension();
  worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
  await worker.evaluate(() =>
    chrome.storage.sync.set({
      sendCheckMode: 'off',
      organisationType: 'charity',
      organisationName: 'Hope Trust',
    }),
  );
});

afterAll(async () => {
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('remembered answers', () => {
  test('an answer for a recipient list comes back after a reload, only for that list', async () => {
    let p = await demo();
    await writeAppeal(p, 'body');
    await expect.poll(() => riskOf(p, 'body'), { timeout: 15_000 }).toBe('review');
    await p.locator(`${hostFor('body')} .badge`).click();
    await p.locator(`${hostFor('body')} fieldset[data-field="consent"] button[data-value="yes"]`).click();
    await expect.poll(() => riskOf(p, 'body'), { timeout: 10_000 }).toBe('ok');
    // Stored on this device by a hash of the list, never the address.
    const stored = await worker.evaluate(() => chrome.storage.local.get('rememberedAnswers'));
    expect(JSON.stringify(stored)).not.toContain('example.org');
    expect(JSON.stringify(stored)).toContain('"consent"');
    await p.close();

    p = await demo();
    await writeAppeal(p, 'body');
    await expect.poll(() => riskOf(p, 'body'), { timeout: 15_000 }).toBe('ok');
    // Another composer writing to another list is asked again.
    await writeAppeal(p, 'body2');
    await expect.poll(() => riskOf(p, 'body2'), { timeout: 15_000 }).toBe('review');
    await p.close();
  });

  test('Settings lists them by the list’s size, never its addresses, and forgets them', async () => {
    const o = await ext.context.newPage();
    await o.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    const section = o.getByTestId('remembered-answers');
    await expect.poll(() => section.textContent(), { timeout: 10_000 }).toContain('A list of 1 recipient');
    expect(await section.textContent()).not.toContain('example.org');
    await section.getByRole('button', { name: 'Forget all remembered answers' }).click();
    await expect.poll(() => section.textContent()).toContain('No answers remembered yet.');
    await o.close();

    const p = await demo();
    await writeAppeal(p, 'body');
    await expect.poll(() => riskOf(p, 'body'), { timeout: 15_000 }).toBe('review');
    await p.close();
    expect(errors).toEqual([]);
  });
});
