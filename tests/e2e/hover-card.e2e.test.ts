/**
 * The card on a highlighted phrase (issue #13 item 4), on the demo composer in Chromium with the built extension:
 * the pointer resting on a highlight shows the card (the reason, the citation, the fix) in our shadow root, placed
 * clear of the line; the caret entering a highlight by the arrow keys shows it without taking focus; Escape,
 * typing and the pointer leaving close it; the keyboard shortcut's path reaches it; a fix from the card goes in on
 * click and one Ctrl+Z takes it out, the editor otherwise byte-identical; a mixed message's promotional paragraph
 * says to send it separately; axe finds nothing in English or Welsh. Editors from npm: editors/matrix.ts.
 * Needs a development build (`npm run build:dev`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeFindings, runAxe } from './axe.ts';
import { DIST, type ExtensionBrowser, hostFor, launchWithExtension, verdictOf } from './browser.ts';
import { highlightPoint } from './highlight-point.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today.';
const MIXED = [
  'Dear resident,',
  'From Monday 4 January your bin collection day changes to Tuesday. Please put your bins out by 7am on the new day. No action is needed if you already use the garden waste service.',
  'While you are here, why not try our new leisure centre? Join this month and get 20% off your first three months of membership at Riverside Leisure. Book today online.',
  'Waste Services, Anytown Council',
];

let server: Server;
let base: string;
let ext: ExtensionBrowser;
let worker: Worker;
const errors: string[] = [];

const host = hostFor('body');
const cardOf = (p: Page) => p.locator(`${host} .card`);

/** The first line box of the highlighted phrase `text`, once it is highlighted. */
async function phrasePoint(p: Page, text: string) {
  await expect.poll(() => highlightPoint(p, p, { text }), { timeout: 5000 }).not.toBeNull();
  return highlightPoint(p, p, { text });
}

/** Fills the demo's first composer and waits for its verdict and highlights. */
async function draft(p: Page, paragraphs: string[]) {
  const checks = Number((await p.locator(host).getAttribute('data-mrc-checks')) ?? 0);
  await p.locator('#body').evaluate((el, paras) => {
    el.replaceChildren(
      ...paras.map((t) => {
        const d = document.createElement('div');
        d.textContent = t;
        return d;
      }),
    );
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, paragraphs);
  await expect
    .poll(async () => Number(await p.locator(host).getAttribute('data-mrc-checks')), { timeout: 15_000 })
    .toBeGreaterThan(checks);
  await expect.poll(() => verdictOf(p, 'body'), { timeout: 15_000 }).toMatch(/^(yes|likely)$/);
  await expect
    .poll(() => p.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('mrc-'))), {
      timeout: 5000,
    })
    .toBe(true);
}

async function openDemo(): Promise<Page> {
  const p = await ext.context.newPage();
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.setViewportSize({ width: 1280, height: 720 });
  await p.goto(base);
  await expect.poll(() => verdictOf(p, 'body'), { timeout: 15_000 }).not.toBeNull();
  return p;
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'manifest.json')))
    throw new Error('dist/ is missing: run `npm run build:dev`');
  const html = readFileSync(path.join(ROOT, 'demo/index.html'));
  server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  ext = await launchWithExtension();
  worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
}, 60_000);

afterAll(async () => {
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the card on a highlighted phrase, on the demo composer', () => {
  test('hover shows the reason, the citation and the fix, clear of the line; leaving closes it', async () => {
    const p = await openDemo();
    await draft(p, [APPEAL]);
    const at = await phrasePoint(p, 'Please donate');
    expect(at).not.toBeNull();
    const before = await p.locator('#body').evaluate((el) => el.outerHTML);
    await p.mouse.move(at!.x, at!.y);
    const card = cardOf(p);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    expect(await card.getAttribute('data-purpose')).toBe('fundraising');
    expect(await card.locator('.card-reason').textContent()).toMatch(/\S/);
    expect(await card.locator('.card-sources a').first().getAttribute('href')).toMatch(
      /^https:\/\/ico\.org\.uk\//,
    );
    expect(await card.locator('[data-mrc-fix="opt-out-missing"]').textContent()).toBe(
      'Add an unsubscribe line',
    );
    // Never over the line being hovered, and never in the draft's DOM; focus stayed where it was.
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height <= at!.top || box!.y >= at!.bottom).toBe(true);
    expect(await p.locator('#body').evaluate((el) => el.outerHTML)).toBe(before);
    expect(await p.locator(host).evaluate((h) => h.shadowRoot?.activeElement ?? null)).toBeNull();
    // The pointer can cross to the card: it stays.
    await p.mouse.move(box!.x + 20, box!.y + box!.height / 2, { steps: 4 });
    await p.waitForTimeout(600);
    expect(await card.isVisible()).toBe(true);
    // Away from both: it closes.
    await p.mouse.move(5, 5);
    await card.waitFor({ state: 'hidden', timeout: 3000 });
    await p.close();
  });

  test('the caret entering a phrase by the arrow keys shows the card without taking focus; typing and Escape close it', async () => {
    const p = await openDemo();
    await draft(p, [APPEAL]);
    await p.locator('#body').click();
    await p.keyboard.press('ControlOrMeta+End');
    const card = cardOf(p);
    // Typing never opens it.
    await p.keyboard.type(' Thanks');
    await p.waitForTimeout(300);
    expect(await card.count()).toBe(0);
    // Arrow back into "donate today": the card shows; the caret and focus stay in the draft.
    for (let i = 0; i < ' Thanks today.'.length + 2; i++) await p.keyboard.press('ArrowLeft');
    await card.waitFor({ state: 'visible', timeout: 3000 });
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('body');
    // Typing closes it, and the letter went into the draft.
    const checks = Number(await p.locator(host).getAttribute('data-mrc-checks'));
    await p.keyboard.type('x');
    await card.waitFor({ state: 'detached', timeout: 3000 });
    expect(await p.locator('#body').innerText()).toContain('donaxte today');
    // The check of "donaxte" has no phrase there. Undo the letter and come back in by the keys at once, before the
    // next check: when its highlights arrive, the caret is in the phrase and the card shows.
    await expect
      .poll(async () => Number(await p.locator(host).getAttribute('data-mrc-checks')), { timeout: 15_000 })
      .toBeGreaterThan(checks);
    await p.keyboard.press('Backspace');
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.press('ArrowRight');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    // Escape closes it and leaves the caret in the draft.
    await p.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 3000 });
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('body');
    await p.close();
  });

  test('keyboard: the shortcut’s path reaches the card; Escape returns to the draft, the caret where it was', async () => {
    const p = await openDemo();
    await p.bringToFront();
    const tabId = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    await draft(p, [APPEAL]);
    await p.locator('#body').click();
    await p.keyboard.press('ControlOrMeta+End');
    for (let i = 0; i < ' today.'.length + 2; i++) await p.keyboard.press('ArrowLeft');
    const card = cardOf(p);
    await card.waitFor({ state: 'visible', timeout: 3000 });
    // The command the shortcut sends (Alt+Shift+M): a test cannot press a browser shortcut.
    const focused = await worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'mrc:focus-badge' }, { frameId: 0 }),
      tabId,
    );
    expect(focused).toBe(true);
    expect(
      await p.locator(host).evaluate((h) => h.shadowRoot?.activeElement?.getAttribute('data-mrc-fix')),
    ).toBe('opt-out-missing');
    await p.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 3000 });
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('body');
    await p.keyboard.type('Q');
    expect(await p.locator('#body').innerText()).toContain('donaQte today.');
    await p.close();
  });

  test('a fix from the card goes in on click; one Ctrl+Z takes it out, the editor byte-identical', async () => {
    const p = await openDemo();
    await draft(p, [APPEAL]);
    await p.waitForTimeout(1200);
    const before = await p.locator('#body').evaluate((el) => el.innerHTML);
    const at = await phrasePoint(p, 'Please donate');
    await p.mouse.move(at!.x, at!.y);
    const fix = cardOf(p).locator('[data-mrc-fix="opt-out-missing"]');
    await fix.waitFor({ state: 'visible', timeout: 5000 });
    await fix.click();
    const SENTENCE =
      'To stop receiving these emails from [your organisation], unsubscribe here: [unsubscribe link]';
    await expect.poll(() => p.locator('#body').innerText(), { timeout: 5000 }).toContain(SENTENCE);
    const after = (await p.locator('#body').innerText()).split('\n').filter((l) => l.trim());
    expect(after.at(-1)).toBe(SENTENCE);
    expect(after.slice(0, -1)).toEqual([APPEAL]);
    await expect
      .poll(() => cardOf(p).locator('[data-mrc-fix-status]').getAttribute('data-mrc-fix-status'), {
        timeout: 3000,
      })
      .toBe('done');
    await p.keyboard.press('ControlOrMeta+Z');
    await expect
      .poll(() => p.locator('#body').evaluate((el) => el.innerHTML), { timeout: 5000 })
      .toBe(before);
    await p.close();
  });

  test('a mixed message: the card on the promotional paragraph says to send it separately', async () => {
    const p = await openDemo();
    await draft(p, MIXED);
    const at = await phrasePoint(p, '20% off');
    expect(at).not.toBeNull();
    await p.mouse.move(at!.x, at!.y);
    const card = cardOf(p);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    expect(await card.locator('[data-mrc-card-mixed]').textContent()).toContain(
      'Send it as a separate message',
    );
    expect(await card.locator('.card-sources a').allTextContents()).toContain(
      'ICO: Direct marketing and regulatory communications',
    );
    // An appeal alone is not mixed: no such note.
    await draft(p, [APPEAL]);
    await p.mouse.move(5, 5);
    await card.waitFor({ state: 'detached', timeout: 3000 });
    const appeal = await phrasePoint(p, 'Please donate');
    await p.mouse.move(appeal!.x, appeal!.y);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    expect(await card.locator('[data-mrc-card-mixed]').count()).toBe(0);
    await p.close();
  });

  for (const lang of ['en', 'cy'] as const) {
    test(`axe: the open card has no WCAG 2.2 AA violations (${lang})`, async () => {
      await worker.evaluate((l) => chrome.storage.sync.set({ language: l }), lang);
      const p = await openDemo();
      await draft(p, MIXED);
      const at = await phrasePoint(p, '20% off');
      await p.mouse.move(at!.x, at!.y);
      const card = cardOf(p);
      await card.waitFor({ state: 'visible', timeout: 5000 });
      if (lang === 'cy')
        expect(await card.locator('[data-mrc-card-mixed]').textContent()).toContain('ar wahân');
      const r = await runAxe(p, { include: [host], lift: [host] });
      expect(r.passes).toBeGreaterThan(5);
      expect(describeFindings(r.violations)).toBe('');
      await p.close();
      await worker.evaluate(() => chrome.storage.sync.set({ language: 'auto' }));
    });
  }

  test('no page errors', () => {
    expect(errors).toEqual([]);
  });
});
