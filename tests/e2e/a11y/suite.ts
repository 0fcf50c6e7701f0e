/**
 * Accessibility (WCAG 2.2 AA) of every surface the extension shows, in Debian's Chromium with the built extension:
 * the popup, the options page, the badge and panel on the demo composer, the Check at Send dialog and notice, and
 * the training page (gallery, live editor, walkthrough, presenter, quiz). Each runs axe-core with the WCAG 2.0–2.2
 * A/AA rules in English and Welsh, light and dark, with reduced motion, and must show zero violations (best-practice
 * findings are printed and written to tmp/a11y/axe-summary-<part>.json, not failing). Then what axe cannot judge: keyboard-only use of the panel and popup, a visible focus
 * indicator on everything reachable by Tab, meaning that never rests on colour alone, reduced motion, the colour
 * scheme, and 200% zoom (a viewport half as wide and half as high) with nothing needing a horizontal scroll.
 *
 * Needs a development build (loopback content scripts): `MRC_DEV_HOSTS=1 npx vite build`. Screenshots of the
 * panel and popup in both themes go to tmp/a11y/ for a person to look at.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AxeFinding, type AxeScope, describeFindings, runAxe } from '../axe.ts';
import { DIST, type ExtensionBrowser, launchWithExtension } from '../browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(ROOT, 'tmp/a11y');
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today to our appeal.';
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
/** The interface languages (the `language` setting): every surface is audited in each. */
const LANGS = ['en', 'cy'] as const;
type Lang = (typeof LANGS)[number];
const RUNS = LANGS.flatMap((lang) => SCHEMES.map((scheme) => ({ lang, scheme })));

/** A 1280×800 screen, and the same screen at 200% zoom: CSS pixels halve in both directions. */
const SCREEN = { width: 1280, height: 800 };
const ZOOM_200 = { width: 640, height: 400 };
/** Chrome sizes a popup to its content: the popup's own minimum width, up to 800×600 device pixels. */
const POPUP = { width: 400, height: 600 };

let server: Server;
let base: string;
let ext: ExtensionBrowser;
let extBase: string;
/** What axe said about each surface, written to tmp/a11y/axe-summary-<part>.json for the report. */
const summary: Record<
  string,
  { violations: string[]; bestPractice: string[]; incomplete: string[]; passes: number }
> = {};

const bodyHost = '[data-mrc-host][data-mrc-for="body"]';
const sendHost = '[data-mrc-host="send-check"]';

function ids(findings: AxeFinding[], why = false): string[] {
  return findings.map((f) => {
    if (!why) return `${f.id} ×${f.nodes.length}`;
    // What axe could not decide, and why (its message without the "Fix any of the following" preamble).
    const reasons = new Set(f.nodes.map((n) => n.summary.split('\n').slice(1).join(' ').trim()));
    const where = f.nodes.slice(0, 4).map((n) => n.target);
    return `${f.id} ×${f.nodes.length}: ${[...reasons].join('; ')} at ${where.join(', ')}`;
  });
}

/** Runs axe over a surface; WCAG A/AA violations fail the test, best practice is recorded only. */
async function audit(page: Page, name: string, scope?: AxeScope) {
  const r = await runAxe(page, scope);
  summary[name] = {
    violations: ids(r.violations),
    bestPractice: ids(r.bestPractice),
    incomplete: ids(r.incomplete, true),
    passes: r.passes,
  };
  if (r.bestPractice.length)
    console.warn(`${name}: axe best-practice findings\n${describeFindings(r.bestPractice)}`);
  // Something was examined: a scope that matched nothing passes every rule vacuously.
  expect(r.passes, `${name}: axe examined nothing`).toBeGreaterThan(5);
  expect(describeFindings(r.violations), `${name}: WCAG 2.2 AA violations`).toBe('');
}

async function newPage(
  scheme: Scheme,
  viewport = SCREEN,
  reducedMotion: 'reduce' | 'no-preference' = 'reduce',
) {
  const page = await ext.context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: scheme, reducedMotion });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

/** Settings as the options page would save them (storage.sync, read live by the content script). */
async function setSettings(values: Record<string, unknown>) {
  const page = await ext.context.newPage();
  await page.goto(`${extBase}/src/options/index.html`);
  await page.evaluate((v) => chrome.storage.sync.set(v), values);
  await page.close();
}

/** Answers are remembered across pages (issue #13): a test that needs the questions starts from none. */
async function forgetAnswers() {
  const page = await ext.context.newPage();
  await page.goto(`${extBase}/src/options/index.html`);
  await page.evaluate(() => chrome.storage.local.remove('rememberedAnswers'));
  await page.close();
}

/** The element that has keyboard focus, through open shadow roots. */
function focused(page: Page) {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return null;
    const s = getComputedStyle(a);
    const root = a.getRootNode() as Document | ShadowRoot;
    const host = (root as ShadowRoot).host as HTMLElement | undefined;
    // WCAG 2.4.11: the focused element must not be entirely hidden (by a sticky header, a panel, the viewport edge).
    // Probe its centre and four inset corners; any point that lands on it (or its label) counts as seen.
    const r = a.getBoundingClientRect();
    const el = a;
    const labels = Array.from((a as HTMLInputElement).labels ?? []);
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + 2, r.top + 2],
      [r.right - 2, r.top + 2],
      [r.left + 2, r.bottom - 2],
      [r.right - 2, r.bottom - 2],
    ];
    const seen = points.some(([x = -1, y = -1]) => {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const hit = root.elementFromPoint(x, y);
      return !!hit && (hit === el || el.contains(hit) || labels.some((l) => l.contains(hit)));
    });
    // What the ring is drawn against (WCAG 1.4.11 wants 3:1 there): the element's own background for an inset ring,
    // else the nearest opaque background around it, else the page's canvas.
    const opaque = (c: string) => c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);
    let behind: Element | null = Number.parseFloat(s.outlineOffset) < 0 ? a : a.parentElement;
    let ringBg = '';
    while (behind && !ringBg) {
      const c = getComputedStyle(behind).backgroundColor;
      if (opaque(c)) ringBg = c;
      behind =
        behind.parentElement ?? (((behind.getRootNode() as ShadowRoot).host as Element | undefined) || null);
    }
    if (!ringBg) {
      const canvas = document.createElement('div');
      canvas.style.background = 'Canvas';
      document.documentElement.append(canvas);
      ringBg = getComputedStyle(canvas).backgroundColor;
      canvas.remove();
    }
    return {
      tag: a.tagName.toLowerCase(),
      cls: a.getAttribute('class') ?? '',
      id: a.id,
      text: (a.textContent ?? '').trim().slice(0, 60),
      label: a.getAttribute('aria-label') ?? '',
      host: host?.getAttribute?.('data-mrc-for') ?? host?.getAttribute?.('data-mrc-host') ?? '',
      outlineStyle: s.outlineStyle,
      outlineWidth: Number.parseFloat(s.outlineWidth) || 0,
      outlineColor: s.outlineColor,
      boxShadow: s.boxShadow,
      obscured: !seen,
      ringBg,
    };
  });
}
type Focused = NonNullable<Awaited<ReturnType<typeof focused>>>;

/** The colour of the first solid ring in a computed box-shadow (no blur, a spread of 1px or more), if any. */
function shadowRing(boxShadow: string): string | null {
  for (const layer of boxShadow.split(/,(?![^(]*\))/)) {
    const colour = layer.match(/rgba?\([^)]*\)/)?.[0];
    const [, , blur = 0, spread = 0] = (layer.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+/g) ?? []).map(
      Number,
    );
    if (colour && blur === 0 && spread >= 1) return colour;
  }
  return null;
}

/**
 * A focus indicator a sighted keyboard user can see: the browser's own ring (two-tone, visible on any background),
 * or an outline at least 2px wide with 3:1 contrast against what it is drawn on (WCAG 1.4.11). A two-tone ring
 * (a solid box-shadow band inside the outline) passes when either tone has 3:1 there and the tones differ by 3:1.
 */
function visibleFocus(f: Focused): boolean {
  if (f.outlineStyle === 'auto') return true;
  if (f.outlineStyle === 'none' || f.outlineWidth < 2 || /rgba\(.*,\s*0\)$|transparent/.test(f.outlineColor))
    return false;
  const ring = over(f.outlineColor, f.ringBg);
  if (contrast(ring, f.ringBg) >= 3) return true;
  const band = shadowRing(f.boxShadow);
  return !!band && contrast(over(band, f.ringBg), f.ringBg) >= 3 && contrast(over(band, f.ringBg), ring) >= 3;
}

/**
 * Presses Tab up to `max` times and returns every element focused on the way, stopping early at `until`.
 * Each must show a visible focus indicator.
 */
async function tabThrough(page: Page, max: number, until?: (f: Focused) => boolean): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    seen.push(f);
    if (until?.(f)) break;
  }
  return seen;
}

function withoutVisibleFocus(seen: Focused[]): string[] {
  return seen
    .filter((f) => !visibleFocus(f) || f.obscured)
    .map(
      (f) =>
        `${f.tag}.${f.cls}#${f.id} "${f.text || f.label}" (${f.outlineStyle} ${f.outlineWidth}px ${f.outlineColor} on ${f.ringBg}, ${contrast(over(f.outlineColor, f.ringBg), f.ringBg).toFixed(2)}:1${f.obscured ? ', hidden from view' : ''})`,
    );
}

/** No horizontal scrolling: the document is no wider than the viewport. */
function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - el.clientWidth;
  });
}

/** Relative luminance of a computed `rgb()` colour (WCAG's formula). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** The background a surface paints, walking up while it is transparent. */
function backgroundOf(page: Page, selector: string, inHost?: string) {
  return page.evaluate(
    ({ selector, inHost }) => {
      const root: ParentNode = inHost ? (document.querySelector(inHost)?.shadowRoot ?? document) : document;
      let el: Element | null = root.querySelector(selector);
      while (el) {
        const bg = getComputedStyle(el).backgroundColor;
        if (bg && !/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
        el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
      }
      return 'rgb(255, 255, 255)';
    },
    { selector, inHost },
  );
}

/**
 * The language assistive technology would read `selector` in: the nearest `lang`, looking through shadow hosts
 * (our UI inside a host on an English webmail page must carry its own when it is in Welsh: WCAG 3.1.1, 3.1.2).
 */
function languageOf(page: Page, inHost?: string, selector = ':root') {
  return page.evaluate(
    ({ inHost, selector }) => {
      const root = inHost ? document.querySelector(inHost)?.shadowRoot : document;
      let el: Element | null | undefined = root?.querySelector(selector);
      while (el) {
        const owner = el.closest('[lang]');
        if (owner) return owner.getAttribute('lang') ?? '';
        el = ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
      }
      return '';
    },
    { inHost, selector },
  );
}

async function expectLanguage(page: Page, lang: Lang, inHost?: string, selector?: string) {
  const found = await languageOf(page, inHost, selector);
  expect(found, `language of ${inHost ?? 'the page'} ${selector ?? ''}`).toMatch(new RegExp(`^${lang}\\b`));
}

/** Two "Send anyway" entries as the Send dialog would log them, and one the options page cannot read. */
function seedOverrideLog(page: Page) {
  return page.evaluate(() =>
    chrome.storage.local.set({
      overrideLog: [
        {
          at: '2026-11-20T10:15:00.000Z',
          site: 'https://mail.google.com',
          webmail: 'gmail',
          verdict: 'yes',
          purpose: 'fundraising',
          route: 'consent-required',
          checks: ['opt-out-missing', 'sender-unidentified'],
          reason: 'Sent to our own volunteers, who asked for it',
        },
        {
          at: '2026-11-21T09:00:00.000Z',
          site: 'https://outlook.office.com',
          webmail: 'outlook',
          verdict: 'likely',
          purpose: 'promotional',
          route: 'soft-opt-in',
          checks: [],
          reason: '',
        },
        'not an entry',
      ],
    }),
  );
}

/**
 * Opens the demo composer, replaces its draft with an appeal and waits for the verdict on that text: the page's
 * own draft is an appeal too, so the badge alone cannot tell the two apart, but the highlighted phrases can.
 */
async function demoWithAppeal(page: Page) {
  await page.goto(base);
  const original = await page.locator('#body').innerText();
  await page.locator('#body').fill(APPEAL);
  // Every highlighted phrase is in the new text, and one at least was not in the old (stale ranges collapse to '').
  await expect
    .poll(
      () =>
        page.evaluate(
          ({ text, old }) => {
            const phrases = [...CSS.highlights.keys()]
              .filter((name) => name.startsWith('mrc-') && name !== 'mrc-current')
              .flatMap((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()));
            return phrases.every((p) => p && text.includes(p)) && phrases.some((p) => !old.includes(p));
          },
          { text: APPEAL, old: original },
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  await expect
    .poll(() => page.locator(bodyHost).getAttribute('data-mrc-verdict'), { timeout: 15_000 })
    .toMatch(/^(yes|likely)$/);
}

async function openPanel(page: Page) {
  const badge = page.locator(`${bodyHost} .badge`);
  if ((await badge.getAttribute('aria-expanded')) !== 'true') await badge.click();
  const panel = page.locator(`${bodyHost} .panel`);
  await panel.waitFor({ state: 'visible' });
  return panel;
}

async function popupWithVerdict(page: Page, query = '') {
  await page.goto(`${extBase}/src/popup/index.html${query}`);
  await page.fill('#subject', 'Our winter appeal');
  await page.fill('#body', APPEAL);
  await expect
    .poll(() => page.locator('section.verdict').getAttribute('data-verdict'), { timeout: 15_000 })
    .toMatch(/^(yes|likely)$/);
}

/**
 * The id of `page`'s tab, for the popup's `?tab=` (its "This tab" section then lists that page's composers). Asked
 * of the service worker for the active tab: without host permission a tab's URL is hidden from tabs.query.
 */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const worker = ext.context.serviceWorkers()[0];
  if (!worker) throw new Error('the extension has no service worker');
  const id = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error('no active tab');
  return id;
}

/** WCAG contrast ratio of two opaque `rgb()` colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` (which may be translucent `rgba()`) painted over the opaque `under`, as an opaque `rgb()`. */
function over(top: string, under: string): string {
  const [r, g, b, a = 1] = (top.match(/[\d.]+/g) ?? []).map(Number);
  const [ur = 255, ug = 255, ub = 255] = (under.match(/[\d.]+/g) ?? []).map(Number);
  const mix = (c = 0, u: number) => Math.round(c * a + u * (1 - a));
  return `rgb(${mix(r, ur)}, ${mix(g, ug)}, ${mix(b, ub)})`;
}

/** What one test file runs (the suite is split so its files run side by side). */
export interface A11yPart {
  /** Names the part (its axe summary is tmp/a11y/axe-summary-<name>.json). */
  name: string;
  /** Interface languages whose axe runs (light and dark each) this file does. */
  axe: readonly Lang[];
  /** Keyboard, colour, motion, scheme and zoom: what axe cannot judge. */
  rest: boolean;
}

/** Three files of one to two minutes each (a11y-1, -2, -3 .e2e.test.ts); each language and the rest in one. */
export const A11Y_PARTS: readonly A11yPart[] = [
  { name: 'en', axe: ['en'], rest: false },
  { name: 'cy', axe: ['cy'], rest: false },
  { name: 'rest', axe: [], rest: true },
];

/** Registers one part of the suite in the calling test file: its own server and browser. */
export function a11ySuite(part: A11yPart): void {
  beforeAll(async () => {
    const manifestPath = path.join(DIST, 'manifest.json');
    if (!existsSync(manifestPath))
      throw new Error(`${DIST} is missing: run \`MRC_DEV_HOSTS=1 npx vite build\` first`);
    if (!readFileSync(manifestPath, 'utf8').includes('http://127.0.0.1/*'))
      throw new Error(`${DIST} was built without MRC_DEV_HOSTS=1: the demo page gets no content script`);
    mkdirSync(SHOTS, { recursive: true });
    const html = readFileSync(path.join(ROOT, 'demo/index.html'));
    server = createServer((req, res) => {
      if (req.url === '/' || req.url === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    ext = await launchWithExtension();
    extBase = `chrome-extension://${ext.extensionId}`;
  });

  afterAll(async () => {
    if (Object.keys(summary).length)
      writeFileSync(
        path.join(SHOTS, `axe-summary-${part.name}.json`),
        `${JSON.stringify(summary, null, 2)}\n`,
      );
    await ext?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  describe.each(RUNS.filter((r) => part.axe.includes(r.lang)))(
    'axe, WCAG 2.2 AA, $lang, $scheme scheme with reduced motion',
    ({ lang, scheme }) => {
      beforeAll(() => setSettings({ language: lang }));
      afterAll(() => setSettings({ language: 'auto' }));

      test('popup: empty, then with a verdict, then listing the composers of a tab', async () => {
        const { page, errors } = await newPage(scheme, POPUP);
        await page.goto(`${extBase}/src/popup/index.html`);
        await page.waitForSelector('.this-tab');
        await expectLanguage(page, lang);
        await audit(page, `popup empty (${lang}, ${scheme})`);
        await popupWithVerdict(page);
        await audit(page, `popup verdict (${lang}, ${scheme})`);
        await page.screenshot({ path: path.join(SHOTS, `popup-${lang}-${scheme}.png`), fullPage: true });

        const demo = await ext.context.newPage();
        await demoWithAppeal(demo);
        const tab = await tabIdOf(demo);
        await page.goto(`${extBase}/src/popup/index.html?tab=${tab}`);
        await page.waitForSelector('.composers .composer');
        // Each composer leads with its risk, as its badge does (issue #13): the same attribute and words.
        const risks = await page
          .locator('.composer-risk')
          .evaluateAll((els) =>
            els.map((e) => ({ risk: e.getAttribute('data-risk'), text: e.textContent?.trim() ?? '' })),
          );
        expect(risks.length).toBeGreaterThan(0);
        for (const r of risks) {
          expect(['ok', 'review', 'stop']).toContain(r.risk);
          expect(r.text).not.toBe('');
        }
        await audit(page, `popup this-tab composers (${lang}, ${scheme})`);
        await page.screenshot({
          path: path.join(SHOTS, `popup-composers-${lang}-${scheme}.png`),
          fullPage: true,
        });
        await demo.close();
        expect(errors).toEqual([]);
        await page.close();
      });

      test('options: defaults, then validation problems from bad stored values', async () => {
        const { page, errors } = await newPage(scheme);
        await page.goto(`${extBase}/src/options/index.html`);
        await page.waitForSelector('main[aria-busy="false"]');
        await expectLanguage(page, lang);
        await audit(page, `options (${lang}, ${scheme})`);
        await page.evaluate(() =>
          chrome.storage.sync.set({
            sites: {
              'https://mail.example.org': { enabled: true },
              'http://evil.example': { enabled: true },
            },
            defaultChannel: 'fax',
            organisationName: 'x'.repeat(400),
          }),
        );
        await page.reload();
        await page.waitForSelector('main[aria-busy="false"]');
        expect(await page.locator('.problems li').count()).toBeGreaterThan(0);
        await audit(page, `options with problems (${lang}, ${scheme})`);
        await page.screenshot({
          path: path.join(SHOTS, `options-problems-${lang}-${scheme}.png`),
          fullPage: true,
        });
        await page.evaluate(() => chrome.storage.sync.clear());
        await page.evaluate((l) => chrome.storage.sync.set({ language: l }), lang);

        // The "Send anyway" log with entries (and one unreadable), then its in-place "delete all?" confirmation.
        await seedOverrideLog(page);
        await page.reload();
        await page.waitForSelector('table.overrides');
        await audit(page, `options override log (${lang}, ${scheme})`);
        await page.locator('[data-testid="override-log"] .log-actions button').nth(1).click();
        await page.waitForSelector('fieldset.confirm-clear');
        await audit(page, `options clear-log confirmation (${lang}, ${scheme})`);
        await page.locator('[data-testid="override-log"]').screenshot({
          path: path.join(SHOTS, `options-log-${lang}-${scheme}.png`),
        });
        await page.evaluate(() => chrome.storage.local.remove('overrideLog'));
        expect(errors).toEqual([]);
        await page.close();
      });

      test('badge and open panel on the demo composer (evidence, route, checks, questions, answers)', async () => {
        await setSettings({ sendCheckMode: 'off' });
        const { page, errors } = await newPage(scheme);
        await demoWithAppeal(page);
        await expectLanguage(page, lang, bodyHost, '.badge');
        await audit(page, `badge (${lang}, ${scheme})`, { include: [bodyHost], lift: [bodyHost] });
        const panel = await openPanel(page);
        expect(await panel.locator('.evidence-list li').count()).toBeGreaterThan(0);
        expect(await panel.locator('.verdict-route').count()).toBe(1);
        await expectLanguage(page, lang, bodyHost, '.panel');
        await audit(page, `panel (${lang}, ${scheme})`, { include: [bodyHost], lift: [bodyHost] });
        await page.screenshot({ path: path.join(SHOTS, `panel-${lang}-${scheme}.png`) });
        // Answer the first question: the pressed option and the "your answers" list are audited too.
        const option = panel.locator('.option').first();
        if (await option.count()) {
          await option.click();
          await panel.locator('.answers li').first().waitFor();
          await audit(page, `panel answered (${lang}, ${scheme})`, { include: [bodyHost], lift: [bodyHost] });
          await page.screenshot({ path: path.join(SHOTS, `panel-answered-${lang}-${scheme}.png`) });
        }
        expect(errors).toEqual([]);
        await page.close();
      });

      test('Check at Send: the confirm dialog, then the advise notice', async () => {
        await setSettings({ sendCheckMode: 'confirm' });
        const { page, errors } = await newPage(scheme);
        await demoWithAppeal(page);
        await page.locator('#send1').click();
        const dialog = page.locator(`${sendHost} [data-mrc-send-dialog]`);
        await dialog.waitFor({ state: 'visible', timeout: 10_000 });
        await expectLanguage(page, lang, sendHost, '[data-mrc-send-dialog]');
        await audit(page, `send dialog (${lang}, ${scheme})`, { include: [sendHost], lift: [sendHost] });
        await page.screenshot({ path: path.join(SHOTS, `send-dialog-${lang}-${scheme}.png`) });
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });

        await setSettings({ sendCheckMode: 'advise' });
        await page.locator('#send1').click();
        const notice = page.locator(`${sendHost} [data-mrc-notice="advise"]`);
        await notice.waitFor({ state: 'visible', timeout: 10_000 });
        await expectLanguage(page, lang, sendHost, '.notice');
        await audit(page, `send notice (${lang}, ${scheme})`, { include: [sendHost], lift: [sendHost] });
        await page.screenshot({ path: path.join(SHOTS, `send-notice-${lang}-${scheme}.png`) });
        await setSettings({ sendCheckMode: 'off' });
        expect(errors).toEqual([]);
        await page.close();
      });

      test('training: gallery and live editor, walkthrough, presenter (question, evidence and answer), quiz', async () => {
        const { page, errors } = await newPage(scheme);
        await page.goto(`${extBase}/src/training/index.html`);
        await page.waitForSelector('.live section.verdict', { timeout: 15_000 });
        await expectLanguage(page, lang);
        await audit(page, `training explore (${lang}, ${scheme})`);
        await page.locator('#toggle-walk').click();
        await page.waitForSelector('.result .walkthrough');
        await audit(page, `training walkthrough (${lang}, ${scheme})`);
        await page.screenshot({ path: path.join(SHOTS, `training-${lang}-${scheme}.png`) });

        await page.locator('#present').click();
        await page.waitForSelector('.presenter');
        await audit(page, `training presenter (${lang}, ${scheme})`);
        await page.keyboard.press(' ');
        await page.waitForSelector('.presenter-reason-current', { timeout: 15_000 });
        await audit(page, `training presenter evidence (${lang}, ${scheme})`);
        await page.keyboard.press('a');
        await page.waitForSelector('.presenter-verdict .verdict', { timeout: 15_000 });
        await audit(page, `training presenter answer (${lang}, ${scheme})`);
        await page.screenshot({ path: path.join(SHOTS, `training-presenter-${lang}-${scheme}.png`) });
        await page.keyboard.press('Escape');

        await page.goto(`${extBase}/src/training/index.html?seed=1`);
        await page.waitForSelector('.quiz-card');
        await audit(page, `training quiz (${lang}, ${scheme})`);
        await page.locator('.quiz-answer[data-answer="dm"]').click();
        await page.waitForSelector('.quiz-route');
        await audit(page, `training quiz route question (${lang}, ${scheme})`);
        await page.locator('.quiz-route').first().click();
        await page.waitForSelector('.quiz-reveal .answer', { timeout: 15_000 });
        await audit(page, `training quiz answer (${lang}, ${scheme})`);
        await page.screenshot({ path: path.join(SHOTS, `training-quiz-${lang}-${scheme}.png`) });
        expect(errors).toEqual([]);
        await page.close();
      });
    },
  );

  if (part.rest) {
    describe('keyboard only', () => {
      test.each(SCHEMES)(
        'panel (%s): Tab reaches the badge, Enter opens, Tab through evidence and questions, Escape closes back to the badge',
        async (scheme) => {
          await setSettings({ sendCheckMode: 'off' });
          await forgetAnswers();
          // Tall enough for all three demo composers: a badge shows (and takes focus) only while its composer is on
          // screen, and tabbing through the page scrolls it.
          const { page, errors } = await newPage(scheme, { width: 1280, height: 1800 });
          await demoWithAppeal(page);
          // From the editor, by keyboard alone: the hosts follow the page's own controls in the Tab order.
          await page.locator('#body').focus();
          const toBadge = await tabThrough(page, 40, (f) => f.host === 'body' && f.cls.includes('badge'));
          const badge = toBadge.at(-1);
          expect(badge?.cls, 'the badge is reachable with Tab').toContain('badge');
          expect(withoutVisibleFocus(toBadge.filter((f) => f.host))).toEqual([]);
          const badgeEl = page.locator(`${bodyHost} .badge`);
          expect(await badgeEl.getAttribute('aria-expanded')).toBe('false');

          await page.keyboard.press('Enter');
          expect(await badgeEl.getAttribute('aria-expanded')).toBe('true');
          await page.locator(`${bodyHost} .panel`).waitFor({ state: 'visible' });
          // Opening leaves focus on the badge; the panel's controls come next in the Tab order.
          expect((await focused(page))?.cls).toContain('badge');
          const inPanel = await tabThrough(page, 60, (f) => f.host !== 'body');
          const panelStops = inPanel.filter((f) => f.host === 'body');
          expect(panelStops.map((f) => f.cls)).toEqual(
            expect.arrayContaining(['close', 'evidence-button', 'option']),
          );
          expect(withoutVisibleFocus(panelStops)).toEqual([]);

          // Back to the first evidence phrase: Enter shows it in the draft (a highlight, focus stays in the panel).
          await page.locator(`${bodyHost} .evidence-button`).first().focus();
          await page.keyboard.press('Enter');
          await expect.poll(() => page.evaluate(() => CSS.highlights.has('mrc-current'))).toBe(true);
          expect((await focused(page))?.cls).toBe('evidence-button');

          // A question answered with Space: the answer is listed, and focus stays inside the panel.
          await page.locator(`${bodyHost} .option`).first().focus();
          await page.keyboard.press(' ');
          await page.locator(`${bodyHost} .answers li`).first().waitFor();
          const afterAnswer = await focused(page);
          expect(afterAnswer?.host).toBe('body');

          await page.keyboard.press('Escape');
          expect(await page.locator(`${bodyHost} .panel`).count()).toBe(0);
          expect(await badgeEl.getAttribute('aria-expanded')).toBe('false');
          const back = await focused(page);
          expect(back?.cls).toContain('badge');
          expect(visibleFocus(back as Focused)).toBe(true);
          expect(errors).toEqual([]);
          await page.close();
        },
      );

      test.each(SCHEMES)(
        'popup (%s): every control in order with a visible focus ring, and a draft checked by typing alone',
        async (scheme) => {
          const { page, errors } = await newPage(scheme, POPUP);
          await page.goto(`${extBase}/src/popup/index.html`);
          await page.waitForSelector('.this-tab');
          const stops = await tabThrough(page, 12, (f) => f.id === 'sender');
          expect(stops.map((f) => f.id || f.text)).toEqual([
            'Open training mode',
            'Settings',
            'pause-everywhere',
            'subject',
            'body',
            'channel',
            'sender',
          ]);
          expect(withoutVisibleFocus(stops)).toEqual([]);

          await page.locator('#subject').focus();
          await page.keyboard.type('Our winter appeal');
          await page.keyboard.press('Tab');
          await page.keyboard.type(APPEAL);
          await expect
            .poll(() => page.locator('section.verdict').getAttribute('data-verdict'), { timeout: 15_000 })
            .toMatch(/^(yes|likely)$/);
          // The verdict's citation links follow the form in the Tab order, each with a visible ring.
          await page.locator('#sender').focus();
          const links = await tabThrough(page, 6);
          expect(links.length).toBeGreaterThan(0);
          expect(links.every((f) => f.tag === 'a')).toBe(true);
          expect(withoutVisibleFocus(links)).toEqual([]);

          // Space toggles "Pause everywhere" from the keyboard; it is stored.
          await page.locator('#pause-everywhere').focus();
          await page.keyboard.press(' ');
          await expect
            .poll(() => page.evaluate(() => chrome.storage.sync.get('pausedEverywhere')))
            .toEqual({ pausedEverywhere: true });
          await page.keyboard.press(' ');
          await expect
            .poll(() => page.evaluate(() => chrome.storage.sync.get('pausedEverywhere')))
            .toEqual({ pausedEverywhere: false });
          expect(errors).toEqual([]);
          await page.close();
        },
      );

      test.each(SCHEMES)(
        'Send dialog (%s): focus starts on "Go back and edit", Tab stays inside, every stop visible, Escape goes back',
        async (scheme) => {
          await setSettings({ sendCheckMode: 'confirm' });
          const { page, errors } = await newPage(scheme);
          await demoWithAppeal(page);
          await page.locator('#body').focus();
          await page.keyboard.press('Control+Enter');
          const dialog = page.locator(`${sendHost} [data-mrc-send-dialog]`);
          await dialog.waitFor({ state: 'visible', timeout: 10_000 });
          const first = await focused(page);
          expect(first?.text).toBe('Go back and edit');
          const stops = await tabThrough(page, 8);
          expect(
            stops.every((f) => f.host === 'send-check'),
            'Tab stays in the dialog',
          ).toBe(true);
          expect(new Set(stops.map((f) => f.id || f.text))).toEqual(
            new Set(['mrc-send-reason', 'Go back and edit', 'Send anyway']),
          );
          expect(withoutVisibleFocus(stops)).toEqual([]);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
          // Going back leaves the draft where it was, unsent.
          expect(await page.locator('#demo-sent li').count()).toBe(0);
          await setSettings({ sendCheckMode: 'off' });
          expect(errors).toEqual([]);
          await page.close();
        },
      );

      test('options and training: every Tab stop shows a focus indicator and is not hidden behind anything', async () => {
        for (const scheme of SCHEMES) {
          const { page, errors } = await newPage(scheme);
          await page.goto(`${extBase}/src/options/index.html`);
          await page.waitForSelector('main[aria-busy="false"]');
          const options = await tabThrough(page, 40);
          expect(options.length).toBeGreaterThan(10);
          expect(withoutVisibleFocus(options), `options (${scheme})`).toEqual([]);

          await page.goto(`${extBase}/src/training/index.html`);
          await page.waitForSelector('.live section.verdict', { timeout: 15_000 });
          const training = await tabThrough(page, 120);
          expect(training.length).toBeGreaterThan(30);
          expect(withoutVisibleFocus(training), `training (${scheme})`).toEqual([]);

          await page.goto(`${extBase}/src/training/index.html?seed=1`);
          await page.waitForSelector('.quiz-card');
          const quiz = await tabThrough(page, 20);
          expect(withoutVisibleFocus(quiz), `quiz (${scheme})`).toEqual([]);
          expect(errors).toEqual([]);
          await page.close();
        }
      });
    });
  }

  if (part.rest) {
    describe('meaning never rests on colour alone', () => {
      test('badge in words, highlights and evidence marks with one underline style per purpose, checks named', async () => {
        await setSettings({ sendCheckMode: 'off' });
        const { page, errors } = await newPage('light');
        await demoWithAppeal(page);
        const host2 = '[data-mrc-host][data-mrc-for="body2"]';
        await expect
          .poll(() => page.locator(`${host2} .badge`).textContent(), { timeout: 15_000 })
          .toContain('Not marketing');
        // Each level says what it means in words, and its dot differs in shape too (square, diamond, circle).
        const dots = await page.evaluate(
          (hosts) =>
            hosts.map((h) => {
              const dot = document.querySelector(h)?.shadowRoot?.querySelector('.badge .dot') as Element;
              const s = getComputedStyle(dot);
              return `${s.borderRadius} ${s.transform}`;
            }),
          [bodyHost, host2],
        );
        expect(dots[0]).not.toBe(dots[1]);

        // In the draft: every purpose's ::highlight rule underlines, each in its own style.
        const decorations = await page.evaluate(() => {
          const out: Record<string, string> = {};
          for (const sheet of document.adoptedStyleSheets)
            for (const rule of Array.from(sheet.cssRules)) {
              // Top-level style rules only: the dark-scheme @media block changes colours, not styles.
              if (!('selectorText' in rule)) continue;
              const m = rule.cssText.match(/::highlight\(mrc-(\w+)\)\s*\{([^}]*)\}/);
              if (m?.[1] && m[2]?.includes('text-decoration')) out[m[1]] = m[2];
            }
          return out;
        });
        const style = (purpose: string) => {
          const d = decorations[purpose] ?? '';
          return d.includes('underline')
            ? (d.match(/\b(solid|double|dotted|dashed|wavy)\b/)?.[1] ?? 'solid')
            : '';
        };
        const styles = ['promotional', 'fundraising', 'campaigning'].map(style);
        expect(styles.every(Boolean), JSON.stringify(decorations)).toBe(true);
        expect(new Set(styles).size).toBe(3);

        // In the panel: each evidence phrase is underlined in its purpose's style and names the purpose in text.
        const panel = await openPanel(page);
        const marks = await panel.locator('.evidence-list .mark').evaluateAll((els) =>
          els.map((el) => ({
            purpose: [...el.classList].find((c) => c.startsWith('mark-'))?.slice(5) ?? '',
            line: getComputedStyle(el).textDecorationLine,
            style: getComputedStyle(el).textDecorationStyle,
            named: el.parentElement?.querySelector('.sr')?.textContent ?? '',
          })),
        );
        expect(marks.length).toBeGreaterThan(0);
        for (const m of marks.filter((m) => m.purpose !== 'none')) {
          expect(m.line).toContain('underline');
          expect(m.style).toBe(style(m.purpose));
          expect(m.named.toLowerCase()).toContain(m.purpose);
        }
        // Problems say their level in words, not only in their colour (issue #13: they lead the panel).
        const problems = await panel.locator('.problems li').allTextContents();
        expect(problems.length).toBeGreaterThan(0);
        for (const c of problems) expect(c).toMatch(/^(Must fix|To check): /);
        expect(errors).toEqual([]);
        await page.close();
      });

      test('training: highlight underlines differ by purpose, and the highlighted text keeps 4.5:1 contrast', async () => {
        for (const scheme of SCHEMES) {
          const { page } = await newPage(scheme);
          await page.goto(`${extBase}/src/training/index.html`);
          await page.waitForSelector('.live section.verdict', { timeout: 15_000 });
          // axe cannot judge text drawn over the highlight backdrop, so work it out here: the field's text colour
          // over the field's background with each purpose's translucent highlight painted on it.
          const probe = await page.evaluate(() => {
            const input = document.querySelector('.hl-input') as HTMLElement;
            let el: Element | null = document.querySelector('.hl-backdrop');
            let bg = 'rgb(255, 255, 255)';
            while (el) {
              const c = getComputedStyle(el).backgroundColor;
              if (!/rgba\(.*,\s*0\)$/.test(c)) {
                bg = c;
                break;
              }
              el = el.parentElement;
            }
            const marks: Record<string, { bg: string; style: string; line: string }> = {};
            for (const purpose of ['promotional', 'fundraising', 'campaigning', 'none']) {
              const m = document.createElement('mark');
              m.className = `hl hl-${purpose}`;
              m.textContent = 'x';
              document.querySelector('.hl-backdrop')?.append(m);
              const s = getComputedStyle(m);
              marks[purpose] = {
                bg: s.backgroundColor,
                style: s.textDecorationStyle,
                line: s.textDecorationLine,
              };
              m.remove();
            }
            return { fg: getComputedStyle(input).color, bg, marks };
          });
          expect(contrast(probe.fg, probe.bg), `${scheme}: field text`).toBeGreaterThanOrEqual(4.5);
          for (const [purpose, m] of Object.entries(probe.marks)) {
            expect(
              contrast(probe.fg, over(m.bg, probe.bg)),
              `${scheme}: ${purpose} highlight`,
            ).toBeGreaterThanOrEqual(4.5);
            expect(m.line, `${scheme}: ${purpose} underline`).toContain('underline');
          }
          const purposeStyles = ['promotional', 'fundraising', 'campaigning'].map(
            (p) => probe.marks[p]?.style,
          );
          expect(new Set(purposeStyles).size, JSON.stringify(probe.marks)).toBe(3);
          await page.close();
        }
      });
    });
  }

  if (part.rest) {
    describe('preferences: reduced motion and colour scheme', () => {
      test('the panel and the Send dialog animate only when motion is welcome', async () => {
        for (const motion of ['no-preference', 'reduce'] as const) {
          await setSettings({ sendCheckMode: 'confirm' });
          const { page } = await newPage('light', SCREEN, motion);
          await demoWithAppeal(page);
          const panel = await openPanel(page);
          const panelAnimation = await panel.evaluate((el) => getComputedStyle(el).animationName);
          await page.keyboard.press('Escape');
          await page.locator('#send1').click();
          const dialog = page.locator(`${sendHost} [data-mrc-send-dialog]`);
          await dialog.waitFor({ state: 'visible', timeout: 10_000 });
          const dialogAnimation = await dialog.evaluate((el) => getComputedStyle(el).animationName);
          await page.keyboard.press('Escape');
          if (motion === 'reduce') {
            expect(panelAnimation).toBe('none');
            expect(dialogAnimation).toBe('none');
          } else {
            expect(panelAnimation).not.toBe('none');
            expect(dialogAnimation).not.toBe('none');
          }
          await page.close();
        }
        await setSettings({ sendCheckMode: 'off' });
      });

      test('every surface follows the colour scheme: light backgrounds in light, dark in dark', async () => {
        await setSettings({ sendCheckMode: 'confirm' });
        for (const scheme of SCHEMES) {
          const { page } = await newPage(scheme);
          const backgrounds: Record<string, string> = {};
          await page.goto(`${extBase}/src/popup/index.html`);
          await page.waitForSelector('.this-tab');
          backgrounds.popup = await backgroundOf(page, 'main');
          await page.goto(`${extBase}/src/options/index.html`);
          await page.waitForSelector('main[aria-busy="false"]');
          backgrounds.options = await backgroundOf(page, 'main');
          await page.goto(`${extBase}/src/training/index.html`);
          await page.waitForSelector('.live section.verdict', { timeout: 15_000 });
          backgrounds.training = await backgroundOf(page, '.live');
          await demoWithAppeal(page);
          await openPanel(page);
          backgrounds.panel = await backgroundOf(page, '.panel', bodyHost);
          backgrounds.badge = await backgroundOf(page, '.badge', bodyHost);
          await page.keyboard.press('Escape');
          await page.locator('#send1').click();
          await page
            .locator(`${sendHost} [data-mrc-send-dialog]`)
            .waitFor({ state: 'visible', timeout: 10_000 });
          backgrounds.dialog = await backgroundOf(page, '.dialog', sendHost);
          await page.keyboard.press('Escape');
          for (const [surface, bg] of Object.entries(backgrounds)) {
            if (scheme === 'light') expect(luminance(bg), `${surface} in light: ${bg}`).toBeGreaterThan(0.7);
            else expect(luminance(bg), `${surface} in dark: ${bg}`).toBeLessThan(0.05);
          }
          await page.close();
        }
        await setSettings({ sendCheckMode: 'off' });
      });
    });
  }

  if (part.rest) {
    describe('200% zoom (a 1280×800 screen at 200%: 640×400 CSS pixels)', () => {
      test('popup, options and training need no horizontal scrolling', async () => {
        for (const scheme of SCHEMES) {
          // The popup at 200%: its own minimum width (380 CSS px = 760 device px) inside the 800×600 popup limit.
          const popup = await newPage(scheme, { width: 380, height: 300 });
          await popupWithVerdict(popup.page);
          expect(await horizontalOverflow(popup.page), `popup (${scheme})`).toBeLessThanOrEqual(0);
          await popup.page.screenshot({ path: path.join(SHOTS, `popup-zoom200-${scheme}.png`) });
          await popup.page.close();

          const { page } = await newPage(scheme, ZOOM_200);
          await page.goto(`${extBase}/src/options/index.html`);
          await seedOverrideLog(page);
          await page.reload();
          await page.waitForSelector('table.overrides');
          // The log's table may scroll inside its own focusable region (a data table is exempt); the page may not.
          expect(await horizontalOverflow(page), `options (${scheme})`).toBeLessThanOrEqual(0);
          await page.locator('[data-testid="override-log"]').screenshot({
            path: path.join(SHOTS, `options-log-zoom200-${scheme}.png`),
          });
          await page.evaluate(() => chrome.storage.local.remove('overrideLog'));
          // The sticky header must leave most of the short viewport for the settings.
          const bar = await page.locator('.bar').boundingBox();
          expect(bar?.height ?? 0).toBeLessThan(ZOOM_200.height / 3);

          await page.goto(`${extBase}/src/training/index.html`);
          await page.waitForSelector('.live section.verdict', { timeout: 15_000 });
          expect(await horizontalOverflow(page), `training (${scheme})`).toBeLessThanOrEqual(0);
          await page.locator('#present').click();
          await page.waitForSelector('.presenter');
          const presenter = await page
            .locator('.presenter')
            .evaluate((el) => el.scrollWidth - el.clientWidth);
          expect(presenter, `presenter (${scheme})`).toBeLessThanOrEqual(0);
          await page.keyboard.press('Escape');
          await page.goto(`${extBase}/src/training/index.html?seed=1`);
          await page.waitForSelector('.quiz-card');
          expect(await horizontalOverflow(page), `quiz (${scheme})`).toBeLessThanOrEqual(0);
          await page.close();
        }
      });

      test('the panel and the Send dialog fit the zoomed viewport, with nothing clipped sideways', async () => {
        await setSettings({ sendCheckMode: 'confirm' });
        for (const scheme of SCHEMES) {
          const { page } = await newPage(scheme, ZOOM_200);
          await demoWithAppeal(page);
          await page.locator('#body').scrollIntoViewIfNeeded();
          const badge = await page.locator(`${bodyHost} .badge`).boundingBox();
          expect(badge).not.toBeNull();
          const panel = await openPanel(page);
          const box = await panel.boundingBox();
          expect(box).not.toBeNull();
          if (!box) continue;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(ZOOM_200.width);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height).toBeLessThanOrEqual(ZOOM_200.height);
          // The panel scrolls up and down only: no content wider than it.
          expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(SHOTS, `panel-zoom200-${scheme}.png`) });
          await page.keyboard.press('Escape');

          await page.locator('#send1').click();
          const dialog = page.locator(`${sendHost} [data-mrc-send-dialog]`);
          await dialog.waitFor({ state: 'visible', timeout: 10_000 });
          const d = await dialog.boundingBox();
          expect(
            d && d.x >= 0 && d.y >= 0 && d.x + d.width <= ZOOM_200.width && d.y + d.height <= ZOOM_200.height,
          ).toBe(true);
          // Both actions stay on screen while the findings scroll.
          for (const action of ['back', 'send']) {
            const b = await page.locator(`${sendHost} [data-action="${action}"]`).boundingBox();
            expect(b && b.y + b.height <= ZOOM_200.height && b.x + b.width <= ZOOM_200.width, action).toBe(
              true,
            );
          }
          // The findings scroll up and down inside the dialog, never sideways.
          const wide = await page
            .locator(`${sendHost} .content`)
            .evaluate((el) => el.scrollWidth - el.clientWidth);
          expect(wide).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(SHOTS, `send-dialog-zoom200-${scheme}.png`) });
          await page.keyboard.press('Escape');
          await page.close();
        }
        await setSettings({ sendCheckMode: 'off' });
      });
    });
  }
}
