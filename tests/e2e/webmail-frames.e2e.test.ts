/**
 * The Yahoo and Proton adapters on offline fixture pages (tests/fixtures, docs/webmail-composers.md §5), in Chromium
 * with the built extension. Proton's body lives in a sandboxed, srcless frame the page writes itself and where no
 * content script runs: the top frame reads it, listens to it and highlights inside it. Both pages are served with a
 * strict CSP, and every body is compared byte for byte with the same actions in a Chromium without the extension.
 * Needs a build with the loopback content-script matches: `MRC_DEV_HOSTS=1 npx vite build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Frame,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, DIST, type ExtensionBrowser, hostFor, launchWithExtension, verdictOf } from './browser.ts';
import { highlightPoint } from './highlight-point.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
/** Scripts by the fixture's nonce only; nothing loads from elsewhere. The extension must live with it. */
const STRICT_CSP =
  "default-src 'none'; script-src 'nonce-mrc-fixture'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'";
const APPEAL_SUBJECT = 'Our winter appeal';
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today.';
const PASTED = ' Every gift is matched by our trustees.';
const SERVICE_SUBJECT = 'Change to your bin collection day';
const SERVICE = 'From Monday 4 January your collection day changes to Tuesday. No action is needed.';
const SHORT_REPLY = 'Thanks, Tuesday at 10 works for me. See you then.';

interface Site {
  name: string;
  file: string;
  /** Badge-host keys (`data-mrc-for`) of the new message and of the reply. */
  compose: string;
  reply: string;
  subject: string;
  /** The close/discard control of the composer with this key. */
  close(key: string): string;
  /** The editable body of the composer with this key (inside its frame for Proton). */
  body(p: Page, key: string): Locator;
  /** The Playwright frame whose document holds that body (its own highlight registry). */
  frameOf(p: Page, key: string): Promise<Frame>;
}

const yahoo: Site = {
  name: 'Yahoo',
  file: 'yahoo.html',
  compose: 'yh-body',
  reply: 'yh-reply',
  subject: '#message-subject-field',
  close: (key) =>
    key === 'yh-reply' ? '[data-discard="yh-reply-compose"]' : '[data-discard="yh-new-compose"]',
  body: (p, key) => p.locator(`#${key}`),
  frameOf: async (p) => p.mainFrame(),
};

const proton: Site = {
  name: 'Proton',
  file: 'proton.html',
  compose: 'pm-frame-1',
  reply: 'pm-frame-2',
  subject: '#subject-composer-1',
  close: (key) =>
    `[data-testid="composer-${key.slice('pm-frame-'.length)}"] [data-testid="composer:close-button"]`,
  body: (p, key) => p.frameLocator(`#${key}`).locator('#rooster-editor'),
  async frameOf(p, key) {
    const frame = await (await p.locator(`#${key}`).elementHandle())?.contentFrame();
    if (!frame) throw new Error(`no frame for ${key}`);
    return frame;
  },
};

let server: Server;
let base: string;
let ext: ExtensionBrowser;
let plain: Browser;
let plainContext: BrowserContext;
const requests: string[] = [];
const errors: string[] = [];

const innerHtml = (site: Site, p: Page, key: string) => site.body(p, key).evaluate((el) => el.innerHTML);
/** How many ranges a highlight holds in one frame's own registry (0 when it is not registered there). */
const highlightSize = (f: Frame, name: string) =>
  f.evaluate((n) => (CSS.highlights.get(n) as { size?: number } | undefined)?.size ?? 0, name);

async function open(site: Site): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => errors.push(`${site.name}: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${site.name}: ${m.text()}`);
  });
  await page.goto(`${base}${site.file}`);
  return page;
}

/** Types at the start of the body (focus puts the caret there), leaving any quote or signature after it. */
async function typeAtStart(site: Site, p: Page, key: string, text: string) {
  await site.body(p, key).focus();
  await p.keyboard.type(text);
}

/** Replaces the whole body with `text`, as a writer would (select all, type). */
async function replaceBody(site: Site, p: Page, key: string, text: string) {
  await site.body(p, key).focus();
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type(text);
}

/** Runs the same actions on the fixture in a browser without the extension and returns the body's innerHTML. */
async function withoutExtension(site: Site, key: string, act: (p: Page) => Promise<void>) {
  const p = await plainContext.newPage();
  try {
    await p.goto(`${base}${site.file}`);
    await act(p);
    return await innerHtml(site, p, key);
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
    throw new Error(`${DIST} was built without MRC_DEV_HOSTS=1: the fixture pages get no content script`);
  const pages: Record<string, Buffer> = {
    '/yahoo.html': readFileSync(path.join(FIXTURES, 'yahoo.html')),
    '/proton.html': readFileSync(path.join(FIXTURES, 'proton.html')),
  };
  server = createServer((req, res) => {
    const html = pages[req.url ?? ''];
    if (html)
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP })
        .end(html);
    else if (req.url === '/favicon.ico') res.writeHead(204).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  ext = await launchWithExtension();
  ext.context.on('request', (r) => requests.push(r.url()));
  // The paste test writes the clipboard from the page.
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  plainContext = await plain.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
});

afterAll(async () => {
  await plainContext?.close();
  await plain?.close();
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

for (const site of [yahoo, proton]) {
  describe(`${site.name} fixture`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(site);
    });

    test('both composers get a badge host, by the body (Proton: by its editor frame)', async () => {
      await page.locator(hostFor(site.compose)).waitFor({ state: 'attached', timeout: 15_000 });
      await page.locator(hostFor(site.reply)).waitFor({ state: 'attached', timeout: 15_000 });
      expect(await page.locator('[data-mrc-host]').count()).toBe(2);
    });

    test('a check with no typing leaves the bodies exactly as without the extension', async () => {
      await page.waitForTimeout(1000);
      for (const key of [site.compose, site.reply])
        expect(await innerHtml(site, page, key)).toBe(await withoutExtension(site, key, async () => {}));
    });

    test('quoted promotional history and the signature do not make a short reply marketing', async () => {
      await typeAtStart(site, page, site.reply, SHORT_REPLY);
      await expect.poll(() => verdictOf(page, site.reply), { timeout: 10_000 }).toMatch(/^(no|unlikely)$/);
    });

    test('a fundraising appeal: yes/likely badge, highlights in the body’s own document, body untouched', async () => {
      const act = async (p: Page) => {
        await p.locator(site.subject).fill(APPEAL_SUBJECT);
        await typeAtStart(site, p, site.compose, APPEAL);
      };
      await act(page);
      await expect.poll(() => verdictOf(page, site.compose), { timeout: 10_000 }).toMatch(/^(yes|likely)$/);
      expect(await page.locator(`${hostFor(site.compose)} .badge`).textContent()).toContain('fundraising');
      const frame = await site.frameOf(page, site.compose);
      await expect.poll(() => highlightSize(frame, 'mrc-fundraising'), { timeout: 5000 }).toBeGreaterThan(0);
      if (frame !== page.mainFrame()) {
        // The registry is per document: nothing of the frame's draft is registered in the top document.
        expect(await highlightSize(page.mainFrame(), 'mrc-fundraising')).toBe(0);
        expect(await frame.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
        expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
      }
      expect(await innerHtml(site, page, site.compose)).toBe(await withoutExtension(site, site.compose, act));
    });

    test('two composers keep separate verdicts', async () => {
      expect(await verdictOf(page, site.compose)).toMatch(/^(yes|likely)$/);
      expect(await verdictOf(page, site.reply)).toMatch(/^(no|unlikely)$/);
    });

    test('the card on a highlight (issue #13): hover shows it clear of the line; its fix goes in, one Ctrl+Z takes it out', async () => {
      await page.waitForTimeout(1200);
      const before = await innerHtml(site, page, site.compose);
      const at = await highlightPoint(page, await site.frameOf(page, site.compose));
      if (!at) throw new Error('no highlighted phrase');
      const logged = errors.length;
      await page.mouse.move(at.x, at.y, { steps: 3 });
      const card = page.locator(`${hostFor(site.compose)} .card`);
      await card.waitFor({ state: 'visible', timeout: 5000 });
      expect(await card.locator('.card-reason').textContent()).toMatch(/\S/);
      const box = await card.boundingBox();
      expect(box!.y + box!.height <= at.top || box!.y >= at.bottom, 'the card covers the hovered line').toBe(
        true,
      );
      expect(await innerHtml(site, page, site.compose)).toBe(before);
      await card.locator('[data-mrc-fix="opt-out-missing"]').click();
      await expect
        .poll(() => site.body(page, site.compose).innerText(), { timeout: 5000 })
        .toContain('unsubscribe here: [unsubscribe link]');
      await page.keyboard.press('ControlOrMeta+Z');
      await expect.poll(() => innerHtml(site, page, site.compose), { timeout: 5000 }).toBe(before);
      await page.mouse.move(1, 1);
      await card.waitFor({ state: 'detached', timeout: 5000 });
      // Chromium logs "Blocked script execution … sandboxed" when the pointer moves over Proton's script-less frame
      // with the extension loaded, also with a build of main that has no card (2026-12-03): not the card's doing.
      const sandboxNoise = /Blocked script execution in .* the document's frame is sandboxed/;
      errors.splice(
        logged,
        errors.length - logged,
        ...errors.slice(logged).filter((e) => !sandboxNoise.test(e)),
      );
    });

    test('paste and undo in the body: the same bytes as without the extension', async () => {
      const act = async (p: Page) => {
        await p.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
        await replaceBody(site, p, site.compose, APPEAL);
        await p.keyboard.press('ControlOrMeta+V');
        const pasted = await site.body(p, site.compose).evaluate((el) => el.textContent ?? '');
        if (!pasted.includes(PASTED.trim())) throw new Error(`paste did not land: ${pasted}`);
        await p.keyboard.press('ControlOrMeta+Z');
      };
      await act(page);
      const html = await innerHtml(site, page, site.compose);
      expect(html).not.toContain(PASTED.trim());
      expect(html).toBe(await withoutExtension(site, site.compose, act));
      await expect.poll(() => verdictOf(page, site.compose), { timeout: 10_000 }).toMatch(/^(yes|likely)$/);
    });

    test('a click on the badge opens the panel with the verdict; a phrase click marks it in the draft', async () => {
      const badge = page.locator(`${hostFor(site.compose)} .badge`);
      const panelId = await badge.getAttribute('aria-controls');
      await badge.click();
      const panel = page.locator(`${hostFor(site.compose)} #${panelId}`);
      await panel.waitFor({ state: 'visible', timeout: 5000 });
      expect(await badge.getAttribute('aria-expanded')).toBe('true');
      expect(await panel.locator('.verdict').getAttribute('data-verdict')).toMatch(/^(yes|likely)$/);
      expect(await panel.locator('.verdict-headline').textContent()).toContain('fundraising');
      const before = await innerHtml(site, page, site.compose);
      await panel.locator('.evidence-button').first().click();
      const frame = await site.frameOf(page, site.compose);
      await expect.poll(() => highlightSize(frame, 'mrc-current'), { timeout: 5000 }).toBe(1);
      expect(await innerHtml(site, page, site.compose)).toBe(before);
      await panel.locator('.close').click();
      expect(await badge.getAttribute('aria-expanded')).toBe('false');
    });

    test('a service message is not marketing', async () => {
      await page.locator(site.subject).fill(SERVICE_SUBJECT);
      await replaceBody(site, page, site.compose, SERVICE);
      await expect.poll(() => verdictOf(page, site.compose), { timeout: 10_000 }).toMatch(/^(no|unlikely)$/);
      const frame = await site.frameOf(page, site.compose);
      await expect.poll(() => highlightSize(frame, 'mrc-fundraising'), { timeout: 5000 }).toBe(0);
    });

    test('an edit by the app itself (no input event) is picked up by the observer on the body', async () => {
      // What Proton's RoosterJS (driven from the parent) or Yahoo's editor do on templates and undo: DOM only.
      await site.body(page, site.compose).evaluate((el, text) => {
        const line = el.ownerDocument.createElement('div');
        line.textContent = text;
        el.replaceChildren(line);
      }, APPEAL);
      await expect.poll(() => verdictOf(page, site.compose), { timeout: 10_000 }).toMatch(/^(yes|likely)$/);
    });

    test('closing a composer removes its badge host and keeps the other', async () => {
      await page.locator(site.close(site.reply)).click();
      await page.locator(hostFor(site.reply)).waitFor({ state: 'detached', timeout: 10_000 });
      expect(await page.locator(hostFor(site.compose)).count()).toBe(1);
    });

    if (site === proton) {
      test('a composer opened later is found once the app writes its frame', async () => {
        await page.locator('[data-testid="sidebar:compose"]').click();
        await page.locator(hostFor('pm-frame-3')).waitFor({ state: 'attached', timeout: 10_000 });
        await typeAtStart(site, page, 'pm-frame-3', APPEAL);
        await expect.poll(() => verdictOf(page, 'pm-frame-3'), { timeout: 10_000 }).toMatch(/^(yes|likely)$/);
        expect(await page.locator('[data-mrc-host]').count()).toBe(2);
      });
    }

    test('the content script logged no errors', () => {
      expect(errors).toEqual([]);
    });
  });
}

describe('both fixtures', () => {
  test('no request leaves the extension, and no console or page errors', () => {
    const outside = requests.filter((u) => !u.startsWith(base) && !u.startsWith('chrome-extension://'));
    expect(outside).toEqual([]);
    expect(ext.extensionRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
