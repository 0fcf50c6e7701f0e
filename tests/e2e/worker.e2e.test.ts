/**
 * The checking worker (issue #14): drafts are checked off the page's main thread, in a worker the content script
 * starts through a hidden extension frame, on the Gmail fixture under Gmail's Trusted Types CSP. When the worker is
 * blocked (development builds: `data-mrc-test-fault="worker"` on `<html>` makes the frame's address one the
 * browser refuses) or stops (the page removes its frame), the check falls back to the page and keeps working, with
 * the same verdicts, evidence and badge.
 * Needs a build with the loopback content-script matches: `MRC_DEV_HOSTS=1 npx vite build`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExtensionBrowser, hostFor, launchWithExtension, verdictOf } from './browser.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const TRUSTED_TYPES_CSP = "require-trusted-types-for 'script'";
const APPEAL_SUBJECT = 'Our winter appeal';
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today at www.example.org/give.';
const SERVICE = 'From Monday 4 January your collection day changes to Tuesday. No action is needed.';
const EVENT =
  'Come to our open day on Saturday: meet the team, try the new gym for free and join before 1 May for 20% off.';

let server: Server;
let base: string;
let ext: ExtensionBrowser;
const errors: string[] = [];

/** The Gmail fixture; `blocked` makes the worker frame one the browser refuses (before the content script runs). */
async function open(blocked = false): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/gmail.html${blocked ? '?fault=worker' : ''}`);
  return page;
}

/** Records the page's own loads of the core's chunk (the content script's in-page fallback imports it). */
function coreLoadsInPage(p: Page): string[] {
  const loads: string[] = [];
  p.on('request', (r) => {
    if (/\/assets\/core-[^/]*\.js$/.test(r.url()) && r.frame() === p.mainFrame()) loads.push(r.url());
  });
  return loads;
}

/** Where drafts are checked: `ready` (the worker), `dead` (fell back to the page), `starting`, or null. */
const checkerState = (p: Page) =>
  p.evaluate(() => document.querySelector('[data-mrc-checker]')?.getAttribute('data-mrc-checker') ?? null);

/** Everything the page shows of a verdict: the host's attributes, the badge's words, the highlighted phrases. */
async function shown(p: Page) {
  return p.evaluate(() => {
    const host = document.querySelector('[data-mrc-host][data-mrc-for="gm-body"]');
    const highlights: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights)
      if (name.startsWith('mrc-')) highlights[name] = [...h].map((r) => (r as Range).toString()).sort();
    return {
      verdict: host?.getAttribute('data-mrc-verdict') ?? null,
      route: host?.getAttribute('data-mrc-route') ?? null,
      problems: host?.getAttribute('data-mrc-problems') ?? null,
      badge: host?.shadowRoot?.querySelector('.badge')?.textContent ?? null,
      highlights,
    };
  });
}

/** Replaces the draft as a writer would, then waits until the badge has shown a verdict for it. */
async function write(p: Page, subject: string, body: string) {
  const checks = async () =>
    Number((await p.locator(hostFor('gm-body')).getAttribute('data-mrc-checks')) ?? 0);
  await p.locator(hostFor('gm-body')).waitFor({ state: 'attached', timeout: 15_000 });
  const before = await checks();
  await p.locator('#gm-subject').fill(subject);
  await p.locator('#gm-body').focus();
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.insertText(body);
  await expect.poll(checks, { timeout: 15_000 }).toBeGreaterThan(before);
  // The subject and body change in two steps: wait for the verdict to settle on both.
  await p.waitForTimeout(800);
}

beforeAll(async () => {
  const html = readFileSync(path.join(FIXTURES, 'gmail.html'), 'utf8');
  // The fault is in the page's own markup, so it is there before the content script starts.
  const faulty = html.replace(/<html\b/, '<html data-mrc-test-fault="worker"');
  if (faulty === html) throw new Error('gmail.html has no <html> tag to mark');
  server = createServer((req, res) => {
    if (req.url === '/gmail.html' || req.url === '/gmail.html?fault=worker')
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': TRUSTED_TYPES_CSP,
        })
        .end(req.url.endsWith('?fault=worker') ? faulty : html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the checking worker', () => {
  test('under Trusted Types, the worker starts and gives the verdict; the core is never loaded into the page', async () => {
    const p = await open();
    const coreInPage = coreLoadsInPage(p);
    await write(p, APPEAL_SUBJECT, APPEAL);
    expect(await checkerState(p)).toBe('ready');
    expect(await verdictOf(p, 'gm-body')).toMatch(/^(yes|likely)$/);
    expect((await shown(p)).highlights['mrc-fundraising']?.length).toBeGreaterThan(0);
    expect(coreInPage).toEqual([]);
    // The frame is hidden from the page: no frame element in its DOM, nothing to see or focus.
    expect(await p.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);
    expect(await p.locator('[data-mrc-checker]').isVisible()).toBe(false);
    await p.close();
  });

  test('blocked worker: the check falls back to the page and gives the same verdicts and highlights', async () => {
    const viaWorker = await open();
    const inPage = await open(true);
    const coreInPage = coreLoadsInPage(inPage);
    for (const [subject, body] of [
      [APPEAL_SUBJECT, APPEAL],
      ['Bin day', SERVICE],
      ['Open day', EVENT],
    ] as const) {
      await write(viaWorker, subject, body);
      await write(inPage, subject, body);
      const [a, b] = [await shown(viaWorker), await shown(inPage)];
      expect(a.verdict).not.toBeNull();
      expect(b).toEqual(a);
    }
    expect(await checkerState(viaWorker)).toBe('ready');
    expect(await checkerState(inPage)).toBe('dead');
    // The same request is seen when the page does load the core (so its absence above means something).
    expect(coreInPage.length).toBe(1);
    await viaWorker.close();
    await inPage.close();
  });

  test('a page that removes the worker frame: the next check runs in the page, nothing is lost', async () => {
    const p = await open();
    await write(p, 'Bin day', SERVICE);
    expect(await checkerState(p)).toBe('ready');
    expect(await verdictOf(p, 'gm-body')).toMatch(/^(no|unlikely)$/);
    await p.evaluate(() => document.querySelector('[data-mrc-checker]')?.remove());
    await write(p, APPEAL_SUBJECT, APPEAL);
    await expect.poll(() => verdictOf(p, 'gm-body'), { timeout: 15_000 }).toMatch(/^(yes|likely)$/);
    expect(await p.locator('#gm-body').innerText()).toContain('Please donate today');
    await p.close();
  });

  test('no page error', () => {
    expect(errors).toEqual([]);
  });
});
