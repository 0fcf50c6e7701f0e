/**
 * The in-page check on the demo composer: badge, panel and live highlights, in Chromium with the built
 * extension. Needs a build with the loopback content-script matches: `MRC_DEV_HOSTS=1 npx vite build`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, DIST, type ExtensionBrowser, launchWithExtension } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today.';
const MORE = ' Every gift counts.';
const SERVICE_SUBJECT = 'Change to your bin collection day';
const SERVICE = 'From Monday 4 January your collection day changes to Tuesday. No action is needed.';

let server: Server;
let base: string;
let ext: ExtensionBrowser;
let plain: Browser;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

const host = (id: string) => `[data-mrc-host][data-mrc-for="${id}"]`;
const verdictOf = (id: string) => page.locator(host(id)).getAttribute('data-mrc-verdict', { timeout: 1000 });
const hasHighlight = (p: Page, name: string) => p.evaluate((n) => CSS.highlights.has(n), name);

/** The same typing in any page: replace the body, then type a few more characters at the end. */
async function typeAppeal(p: Page) {
  await p.locator('#body').fill(APPEAL);
  await p.keyboard.press('End');
  await p.keyboard.type(MORE);
}

beforeAll(async () => {
  const manifestPath = path.join(DIST, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error('dist/ is missing: run `MRC_DEV_HOSTS=1 npx vite build` first');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!JSON.stringify(manifest.content_scripts ?? []).includes('http://127.0.0.1/*'))
    throw new Error('dist/ was built without MRC_DEV_HOSTS=1: the demo page gets no content script');
  const html = readFileSync(path.join(ROOT, 'demo/index.html'));
  server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  ext = await launchWithExtension();
  ext.context.on('request', (r) => requests.push(r.url()));
  plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await ext.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
});

afterAll(async () => {
  await plain?.close();
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('in-page check on the demo composer', () => {
  test('the open draft gets a badge in words at load', async () => {
    await expect.poll(() => verdictOf('body'), { timeout: 15_000 }).toMatch(/^(yes|likely)$/);
    expect(await page.locator(`${host('body')} .badge`).textContent()).toContain('fundraising');
    // The content script's host is outside the page's body, at the end of the document element.
    expect(await page.evaluate(() => document.body.querySelector('[data-mrc-host]'))).toBeNull();
  });

  test('typing an appeal gives a fundraising verdict and live highlights; the editor DOM is untouched', async () => {
    await typeAppeal(page);
    await expect
      .poll(() => page.locator(`${host('body')} .badge`).textContent(), { timeout: 10_000 })
      .toContain('fundraising');
    expect(await verdictOf('body')).toMatch(/^(yes|likely)$/);
    await expect.poll(() => hasHighlight(page, 'mrc-fundraising'), { timeout: 5000 }).toBe(true);
    // The highlighted text comes from the editor's own text nodes.
    const highlighted = await page.evaluate(() =>
      [...(CSS.highlights.get('mrc-fundraising') ?? [])].map((r) => r.toString()),
    );
    expect(highlighted.length).toBeGreaterThan(0);
    for (const t of highlighted) expect(`${APPEAL}${MORE}`).toContain(t);

    const plainPage = await plain.newPage();
    await plainPage.goto(base);
    await typeAppeal(plainPage);
    const withoutExtension = await plainPage.locator('#body').evaluate((el) => el.outerHTML);
    await plainPage.close();
    const withExtension = await page.locator('#body').evaluate((el) => el.outerHTML);
    expect(withExtension).toBe(withoutExtension);
    expect(await hasHighlight(page, 'mrc-fundraising')).toBe(true);
  });

  test('clicking the badge opens the panel with evidence; Escape closes it and returns focus', async () => {
    const badge = page.locator(`${host('body')} .badge`);
    expect(await badge.getAttribute('aria-expanded')).toBe('false');
    await badge.click();
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    const panelId = await badge.getAttribute('aria-controls');
    const panel = page.locator(`${host('body')} #${panelId}`);
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.evidence-list li').count()).toBeGreaterThan(0);
    expect(await panel.locator('.verdict-route').textContent()).toContain('Route');
    // No room beside the form: the panel opens under the composer's To and Subject, never over them
    // (tests/e2e/layout.e2e.test.ts measures this, and the caret line, on every fixture).
    const [p, subject] = await Promise.all([panel.boundingBox(), page.locator('#subject').boundingBox()]);
    expect(p?.y ?? 0).toBeGreaterThanOrEqual((subject?.y ?? Infinity) + (subject?.height ?? 0));
    // Picking a phrase marks it without touching the editor's selection.
    const selectionBefore = await page.evaluate(() => String(getSelection()));
    await panel.locator('.evidence-button').first().click();
    await expect.poll(() => hasHighlight(page, 'mrc-current')).toBe(true);
    expect(await page.evaluate(() => String(getSelection()))).toBe(selectionBefore);
    // A question answered in the panel is remembered for this composer.
    const option = panel.locator('.option').first();
    if (await option.count()) {
      await option.click();
      await expect.poll(() => panel.locator('.answers li').count(), { timeout: 5000 }).toBeGreaterThan(0);
    }
    mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'tmp/composer.png') });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await badge.getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: path.join(ROOT, 'tmp/composer-closed.png') });
    expect(
      await page.locator(host('body')).evaluate((h) => h.shadowRoot?.activeElement?.className),
    ).toContain('badge');
  });

  test('each composer gets its own badge and verdict, textarea included', async () => {
    await expect.poll(() => verdictOf('body2'), { timeout: 10_000 }).toMatch(/^(no|unlikely)$/);
    await page.locator('#subject3').fill('Summer sale');
    await page
      .locator('#body3')
      .fill('Big summer sale: 20% off all garden furniture this weekend only. Shop now and save!');
    await expect.poll(() => verdictOf('body3'), { timeout: 10_000 }).toMatch(/^(yes|likely)$/);
    expect(await page.locator(`${host('body3')} .badge`).textContent()).toContain('promotional');
    expect(await verdictOf('body')).toMatch(/^(yes|likely)$/);
    expect(await verdictOf('body2')).toMatch(/^(no|unlikely)$/);
    expect(await page.locator('[data-mrc-host]').count()).toBe(3);
  });

  test('an open panel is above every other badge (issue #13): its host is raised, and it takes the points it covers', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const badge = page.locator(`${host('body2')} .badge`);
    await badge.click();
    const panel = page.locator(`${host('body2')} .panel`);
    await panel.waitFor({ state: 'visible' });
    // The panel and badges are placed on animation frames (after the viewport change and the open): let two
    // frames pass, then measure and hit-test in one synchronous step, so nothing moves in between.
    const layout = await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
      await frame();
      await frame();
      const hosts = Array.from(document.querySelectorAll<HTMLElement>('[data-mrc-host][data-mrc-for]'));
      const openHost = hosts.find((h) => h.dataset.mrcFor === 'body2');
      const p = openHost?.shadowRoot?.querySelector('.panel')?.getBoundingClientRect();
      const covered: { id: string; hit: string | null }[] = [];
      for (const h of hosts) {
        const b = h.shadowRoot?.querySelector('.badge')?.getBoundingClientRect();
        if (h === openHost || !p || !b || b.width === 0) continue;
        const x = b.x + b.width / 2;
        const y = b.y + b.height / 2;
        if (x < p.left || x > p.right || y < p.top || y > p.bottom) continue;
        covered.push({
          id: h.dataset.mrcFor ?? '',
          hit: document.elementFromPoint(x, y)?.getAttribute('data-mrc-for') ?? null,
        });
      }
      // Every point of the panel (a grid finer than a badge is tall) lands on the open panel's host.
      const strays = new Set<string>();
      if (p)
        for (let y = p.top + 3; y < p.bottom - 3; y += 6)
          for (let x = p.left + 3; x < p.right - 3; x += 6) {
            const at = document.elementFromPoint(x, y);
            const id = at?.getAttribute('data-mrc-for') ?? at?.tagName ?? 'nothing';
            if (id !== 'body2') strays.add(id);
          }
      return {
        stack: hosts.map((h) => ({ id: h.dataset.mrcFor, z: Number(h.style.zIndex) })),
        covered,
        strays: [...strays],
        panel: !!p && p.width > 0 && p.height > 0,
      };
    });
    const { stack } = layout;
    expect(layout.panel).toBe(true);
    expect(layout.strays, 'points of the open panel that land elsewhere').toEqual([]);
    const open = stack.find((h) => h.id === 'body2');
    expect(stack.length).toBeGreaterThan(1);
    for (const h of stack) if (h !== open) expect(h.z).toBeLessThan(open?.z ?? 0);
    // Wherever another badge lies under the open panel, a click there lands on the panel.
    for (const c of layout.covered)
      expect(c, `badge of ${c.id} under the panel`).toEqual({ id: c.id, hit: 'body2' });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await page.locator(host('body2')).evaluate((h) => Number(h.style.zIndex))).toBe(open!.z - 1);
  });

  test('removing a composer removes its badge and its highlights', async () => {
    await page.evaluate(() => document.querySelector('[role="dialog"]')?.remove());
    await expect.poll(() => page.locator(host('body')).count(), { timeout: 5000 }).toBe(0);
    expect(await hasHighlight(page, 'mrc-fundraising')).toBe(false);
    expect(await page.locator('[data-mrc-host]').count()).toBe(2);
  });

  test('replacing a draft with a service message flips the verdict', async () => {
    await page.locator('#subject2').fill('Our winter appeal');
    await page.locator('#body2').fill(APPEAL);
    await expect.poll(() => verdictOf('body2'), { timeout: 10_000 }).toMatch(/^(yes|likely)$/);
    await expect.poll(() => hasHighlight(page, 'mrc-fundraising'), { timeout: 5000 }).toBe(true);
    await page.locator('#subject2').fill(SERVICE_SUBJECT);
    await page.locator('#body2').fill(SERVICE);
    await expect.poll(() => verdictOf('body2'), { timeout: 10_000 }).toMatch(/^(no|unlikely)$/);
    expect(await page.locator(`${host('body2')} .badge`).textContent()).not.toContain('fundraising');
    await expect.poll(() => hasHighlight(page, 'mrc-fundraising'), { timeout: 5000 }).toBe(false);

    await page.locator('#subject3').fill(SERVICE_SUBJECT);
    await page.locator('#body3').fill(SERVICE);
    await expect.poll(() => verdictOf('body3'), { timeout: 10_000 }).toMatch(/^(no|unlikely)$/);
    expect(await page.locator(`${host('body3')} .badge`).textContent()).not.toMatch(
      /promotional|fundraising/,
    );
  });

  test('a composer added later is found, and a service message there is not marketing', async () => {
    await page.evaluate(
      ([subject, body]) => {
        const form = document.createElement('form');
        const s = document.createElement('input');
        s.name = 'subject';
        s.value = subject!;
        const b = document.createElement('div');
        b.id = 'late';
        b.contentEditable = 'true';
        b.setAttribute('role', 'textbox');
        b.setAttribute('aria-multiline', 'true');
        b.textContent = body!;
        form.append(s, b);
        document.body.append(form);
      },
      [SERVICE_SUBJECT, SERVICE],
    );
    await expect.poll(() => verdictOf('late'), { timeout: 10_000 }).toMatch(/^(no|unlikely)$/);
  });

  // Vite's dynamic-import preloader adds <link rel=modulepreload> to the *page's* head unless vite.config.ts
  // turns it off for the content script (build.modulePreload.resolveDependencies: [] when hostId is the
  // content chunk). This must fail when that regresses, so it never skips.
  test('the page head is as the page left it (no injected styles or links)', async () => {
    expect(await page.evaluate(() => document.head.querySelectorAll('link, style').length)).toBe(1);
  });

  test('no request leaves the browser, and the page saw no errors', () => {
    const outside = requests.filter((u) => !u.startsWith(base) && !u.startsWith('chrome-extension://'));
    expect(outside).toEqual([]);
    expect(ext.extensionRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
