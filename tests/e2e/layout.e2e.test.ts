/**
 * Layout that never hides the draft (issue #13 items 6 and 7), measured by bounding boxes in Chromium with the built
 * extension, on every fixture composer (Gmail, Outlook, Yahoo, Proton, the iframe editors) and the demo page:
 * - at 1280×720 and 1920×1080, no badge intersects the draft's text: the client rects of every visible text node in
 *   every composer's body, quoted history and signatures included, with the body filled past its visible height;
 * - at 1280×720, an open panel covers neither the composer's To field, nor its Subject, nor the line the caret is on.
 * Needs a development build (`npm run build:dev`).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, type ExtensionBrowser, hostFor, launchWithExtension } from './browser.ts';
import { type ServedPage, servePages } from './serve.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const STRICT_CSP =
  "default-src 'none'; script-src 'nonce-mrc-fixture'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'";
/** An appeal long enough to wrap over many lines and fill the body down to its bottom-right corner. */
const LONG_APPEAL = Array.from(
  { length: 9 },
  () =>
    'This winter, local families need your help more than ever, and a gift of £10 buys a warm coat for a child who has none. ',
)
  .join('')
  .concat('Please donate today.');

interface Composer {
  /** Badge-host key (`data-mrc-for`): the body's id, or its frame's. */
  key: string;
  body(p: Page): Locator;
  /** The composer's To field and Subject (the panel must not cover them). */
  to: string;
  subject: string;
}

interface Fixture {
  name: string;
  file: string;
  csp?: string;
  composers: Composer[];
}

const FIXTURE_LIST: Fixture[] = [
  {
    name: 'Gmail',
    file: 'gmail.html',
    csp: "require-trusted-types-for 'script'",
    composers: [
      { key: 'gm-body', body: (p) => p.locator('#gm-body'), to: '#to-chips', subject: '#gm-subject' },
    ],
  },
  {
    name: 'Outlook',
    file: 'outlook.html',
    composers: [{ key: 'ol-body', body: (p) => p.locator('#ol-body'), to: '#ol-to', subject: '#ol-subject' }],
  },
  {
    name: 'Yahoo',
    file: 'yahoo.html',
    csp: STRICT_CSP,
    composers: [
      {
        key: 'yh-body',
        body: (p) => p.locator('#yh-body'),
        to: '#yh-new-compose [data-test-id="compose-header-field-to"]',
        subject: '#message-subject-field',
      },
    ],
  },
  {
    name: 'Proton',
    file: 'proton.html',
    csp: STRICT_CSP,
    composers: [
      {
        key: 'pm-frame-1',
        body: (p) => p.frameLocator('#pm-frame-1').locator('#rooster-editor'),
        to: '[data-testid="composer-1"] [data-testid="composer:to"]',
        subject: '#subject-composer-1',
      },
    ],
  },
  {
    name: 'iframe editors',
    file: 'tinymce-like.html',
    composers: [
      {
        key: 'ed-rich',
        body: (p) => p.frameLocator('#ed-rich').locator('body'),
        to: '#to-rich',
        subject: '#subject-rich',
      },
    ],
  },
  {
    name: 'demo',
    file: 'demo.html',
    composers: [{ key: 'body', body: (p) => p.locator('#body'), to: '#to', subject: '#subject' }],
  },
];

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

let server: Server;
let base: string;
let ext: ExtensionBrowser;
const errors: string[] = [];

async function open(fx: Fixture, viewport: { width: number; height: number }): Promise<Page> {
  const p = await ext.context.newPage();
  p.on('pageerror', (e) => errors.push(`${fx.name}: ${e}`));
  await p.setViewportSize(viewport);
  await p.goto(`${base}${fx.file}`);
  return p;
}

/** Writes the long appeal at the start of the body (quoted history stays after it) and waits for its verdict. */
async function fill(p: Page, c: Composer) {
  await c.body(p).click({ position: { x: 5, y: 5 } });
  await p.keyboard.press('ControlOrMeta+Home');
  await p.keyboard.insertText(LONG_APPEAL);
  await expect
    .poll(
      () =>
        p
          .locator(hostFor(c.key))
          .getAttribute('data-mrc-verdict', { timeout: 500 })
          .catch(() => null),
      { timeout: 15_000 },
    )
    .toMatch(/^(yes|likely)$/);
}

/** Two animation frames: the badge and panel are placed on frames. */
const settle = (p: Page) =>
  p.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Every badge on the page against every visible line box of text in every composer body (in frames too, offset by
 * the frame): the overlaps found, as "badge of X over 'text' of Y".
 */
function badgeOverlaps(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll<HTMLElement>('[data-mrc-host][data-mrc-for]'));
    const inter = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    });
    const empty = (b: Box) => b.right - b.left < 0.5 || b.bottom - b.top < 0.5;
    const texts: { key: string; box: Box; text: string }[] = [];
    for (const h of hosts) {
      const key = h.dataset.mrcFor ?? '';
      const el = document.getElementById(key);
      if (!el) continue;
      let root: Element = el;
      let dx = 0;
      let dy = 0;
      let clip: Box = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      if (el instanceof HTMLIFrameElement) {
        const r = el.getBoundingClientRect();
        dx = r.left + el.clientLeft;
        dy = r.top + el.clientTop;
        clip = inter(clip, { left: dx, top: dy, right: dx + el.clientWidth, bottom: dy + el.clientHeight });
        root = el.contentDocument?.body ?? el;
      }
      // Text scrolled out of a scrolling ancestor is not on screen: clip by each one's box.
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowY !== 'visible' || s.overflowX !== 'visible') {
          const r = a.getBoundingClientRect();
          clip = inter(clip, r);
        }
      }
      const doc = root.ownerDocument;
      const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.nodeValue?.trim()) continue;
        const range = doc.createRange();
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects())) {
          const box = inter(clip, {
            left: r.left + dx,
            top: r.top + dy,
            right: r.right + dx,
            bottom: r.bottom + dy,
          });
          if (!empty(box)) texts.push({ key, box, text: n.nodeValue.trim().slice(0, 30) });
        }
      }
    }
    const found: string[] = [];
    for (const h of hosts) {
      const badge = h.shadowRoot?.querySelector('.badge');
      const anchor = h.shadowRoot?.querySelector<HTMLElement>('.anchor');
      if (!badge || !anchor || anchor.hidden) continue;
      const b = badge.getBoundingClientRect();
      if (b.width === 0) continue;
      for (const t of texts)
        if (!empty(inter(b, t.box))) found.push(`badge of ${h.dataset.mrcFor} over "${t.text}" of ${t.key}`);
    }
    return found;
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'manifest.json')))
    throw new Error('dist/ is missing: run `npm run build:dev`');
  const pages: Record<string, ServedPage> = {};
  for (const fx of FIXTURE_LIST)
    pages[`/${fx.file}`] = {
      html: readFileSync(
        fx.file === 'demo.html' ? path.join(ROOT, 'demo/index.html') : path.join(FIXTURES, fx.file),
      ),
      csp: fx.csp,
    };
  ({ server, base } = await servePages(pages));
  ext = await launchWithExtension();
}, 60_000);

afterAll(async () => {
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

for (const fx of FIXTURE_LIST) {
  describe(`${fx.name}: the badge and panel never hide the draft`, () => {
    for (const vp of VIEWPORTS) {
      test(`${vp.width}×${vp.height}: no badge over the draft's text, quoted text included`, async () => {
        const p = await open(fx, vp);
        for (const c of fx.composers) await fill(p, c);
        await settle(p);
        expect(await badgeOverlaps(p)).toEqual([]);
        // Scrolled to the end of the draft too (the badge follows the editor's visible bottom).
        for (const c of fx.composers) {
          await c.body(p).press('ControlOrMeta+End');
          await settle(p);
          expect(await badgeOverlaps(p)).toEqual([]);
        }
        await p.close();
      });
    }

    test('1280×720: the open panel covers neither To, nor Subject, nor the caret line', async () => {
      const p = await open(fx, { width: 1280, height: 720 });
      for (const c of fx.composers) {
        await fill(p, c);
        await settle(p);
        // The caret line: where the writer's caret is (after the text just written), in this page's viewport.
        const caret = await c.body(p).evaluate((el) => {
          const doc = el.ownerDocument;
          const sel = doc.getSelection();
          const range = sel?.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
          if (!range) return null;
          range.collapse(false);
          const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
          const frame = doc.defaultView?.frameElement;
          const f = frame?.getBoundingClientRect();
          const dx = f ? f.left + (frame?.clientLeft ?? 0) : 0;
          const dy = f ? f.top + (frame?.clientTop ?? 0) : 0;
          // The whole line: the body's width at the caret's height.
          const b = el.getBoundingClientRect();
          return { left: b.left + dx, right: b.right + dx, top: r.top + dy, bottom: r.bottom + dy };
        });
        expect(caret, 'no caret in the body').not.toBeNull();
        const host = p.locator(hostFor(c.key));
        await host.locator('.badge').click();
        const panel = host.locator('.panel');
        await panel.waitFor({ state: 'visible' });
        await settle(p);
        const pb = await panel.boundingBox();
        const boxes = {
          To: await p.locator(c.to).first().boundingBox(),
          Subject: await p.locator(c.subject).first().boundingBox(),
        };
        const over = (b: { x: number; y: number; width: number; height: number } | null, o: Box) =>
          !!b && b.x < o.right && o.left < b.x + b.width && b.y < o.bottom && o.top < b.y + b.height;
        for (const [name, b] of Object.entries(boxes)) {
          expect(b, `${name} not found`).not.toBeNull();
          const box = { left: b!.x, top: b!.y, right: b!.x + b!.width, bottom: b!.y + b!.height };
          expect(over(pb, box), `the panel covers ${name} of ${c.key}`).toBe(false);
        }
        expect(over(pb, caret!), `the panel covers the caret line of ${c.key}`).toBe(false);
        await p.keyboard.press('Escape');
        await panel.waitFor({ state: 'detached' });
      }
      await p.close();
    });
  });
}

describe('layout hygiene', () => {
  test('no page errors', () => {
    expect(errors).toEqual([]);
  });
});
