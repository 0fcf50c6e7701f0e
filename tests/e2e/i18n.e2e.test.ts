/**
 * Welsh in the browser: with the options page's language set to Cymraeg, the options page, the popup, the
 * composer badge and panel (in their shadow root) and the training page render Welsh and say so with
 * `lang="cy"`; setting it back to English switches an open composer's badge without a reload. The training
 * page as a plain web page (no extension) follows the browser's language, `?lang=`, and its language button.
 *
 * Needs a build with the loopback content-script matches: `MRC_DEV_HOSTS=1 npx vite build` (MRC_DIST for
 * another folder), and builds the standalone training page into MRC_TRAINING_DIST (default dist-training) when
 * missing or older than its sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAxe } from './axe.ts';
import { CHROMIUM, DIST, type ExtensionBrowser, launchWithExtension } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TRAINING_DIST = path.resolve(ROOT, process.env.MRC_TRAINING_DIST ?? 'dist-training');
const CY = JSON.parse(readFileSync(path.join(ROOT, 'public/_locales/cy/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
const cy = (key: string) => {
  const m = CY[key]?.message;
  if (!m) throw new Error(`no Welsh message ${key}`);
  return m;
};

const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today. Every gift counts.';

let server: Server;
let base = '';
let ext: ExtensionBrowser;
let plain: Browser;
const errors: string[] = [];

const host = (id: string) => `[data-mrc-host][data-mrc-for="${id}"]`;
const extensionUrl = (p: string) => `chrome-extension://${ext.extensionId}/src/${p}`;
const htmlLang = (p: Page) => p.evaluate(() => document.documentElement.lang);
/** WCAG A/AA failures axe finds (valid-lang, html-lang-valid… included), as readable lines. */
const axeFailures = async (p: Page, scope: Parameters<typeof runAxe>[1] = {}) =>
  (await runAxe(p, scope)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
const overflow = (p: Page) =>
  p.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - el.clientWidth;
  });

function watch(p: Page) {
  p.on('pageerror', (e) => errors.push(`${p.url()}: ${String(e)}`));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${p.url()}: ${m.text()}`);
  });
  return p;
}

/** Newest modification time of the training page's sources. */
function newestTrainingSource(): number {
  let newest = statSync(path.join(ROOT, 'vite.training.config.ts')).mtimeMs;
  for (const dir of ['src/training', 'src/core', 'src/ui', 'src/data', 'src/i18n', 'public/_locales']) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true }))
      if (entry.isFile())
        newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function setLanguage(choice: 'Cymraeg' | 'English' | 'auto') {
  const page = watch(await ext.context.newPage());
  await page.goto(extensionUrl('options/index.html'));
  const radio =
    choice === 'auto'
      ? page.locator('input[name="language"][value="auto"]')
      : page.getByRole('radio', { name: choice, exact: true });
  await radio.check();
  await expect.poll(() => page.locator('[role="status"]').getAttribute('data-status')).toBe('saved');
  return page;
}

beforeAll(async () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  if (!JSON.stringify(manifest.content_scripts ?? []).includes('http://127.0.0.1/*'))
    throw new Error(`${DIST} was built without MRC_DEV_HOSTS=1: the demo page gets no content script`);
  const built = path.join(TRAINING_DIST, 'index.html');
  if (!existsSync(built) || statSync(built).mtimeMs < newestTrainingSource()) {
    execFileSync('npx', ['vite', 'build', '-c', 'vite.training.config.ts', '--outDir', TRAINING_DIST], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  }
  const demo = readFileSync(path.join(ROOT, 'demo/index.html'));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/training/')) {
      const rel = decodeURIComponent(url.pathname.slice('/training/'.length)) || 'index.html';
      const file = path.resolve(TRAINING_DIST, rel);
      if (file.startsWith(TRAINING_DIST + path.sep) && existsSync(file) && statSync(file).isFile()) {
        const type = file.endsWith('.html')
          ? 'text/html; charset=utf-8'
          : file.endsWith('.css')
            ? 'text/css'
            : 'text/javascript';
        res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  ext = await launchWithExtension();
  plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}, 180_000);

afterAll(async () => {
  await plain?.close();
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the extension in Welsh (Settings → Language → Cymraeg)', () => {
  let demo: Page;

  test('the options page switches to Welsh at once', async () => {
    // English first: the browser here is English and the setting is "auto".
    const page = watch(await ext.context.newPage());
    await page.goto(extensionUrl('options/index.html'));
    await page.locator('h1').waitFor();
    expect(await htmlLang(page)).toBe('en-GB');
    expect(await page.locator('h1').textContent()).toBe('Marketing Rules Check settings');
    await page.close();

    const options = await setLanguage('Cymraeg');
    await expect.poll(() => htmlLang(options)).toBe('cy');
    expect(await options.locator('h1').textContent()).toBe(cy('options_title'));
    expect(await options.title()).toBe(cy('options_title'));
    expect(await options.getByRole('radio', { name: cy('options_org_charity'), exact: true }).count()).toBe(
      1,
    );
    // The language names are marked in their own language.
    expect(await options.locator('label[for="language-en"]').getAttribute('lang')).toBe('en-GB');
    expect(await axeFailures(options)).toEqual([]);
    await options.screenshot({ path: path.join(ROOT, 'tmp', 'i18n-options-cy.png'), fullPage: true });
    await options.close();
  });

  test('the popup is in Welsh, verdict, summary and rules included', async () => {
    const popup = watch(await ext.context.newPage());
    // The popup's own width: Welsh is longer than English and must still fit without sideways scrolling.
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(extensionUrl('popup/index.html'));
    await popup.locator('h1').waitFor();
    expect(await htmlLang(popup)).toBe('cy');
    expect(await popup.locator('h1').textContent()).toBe(cy('extName'));
    expect(await popup.locator('main').textContent()).toContain(cy('popup_check_text'));
    await popup.locator('#body').fill(APPEAL);
    const headline = popup.locator('.verdict-headline');
    await expect.poll(() => headline.textContent(), { timeout: 15_000 }).toContain(cy('purpose_fundraising'));
    expect(await popup.locator('.verdict-route strong').textContent()).toBe(cy('common_route'));
    expect(await popup.locator('.verdict-summary').textContent()).toMatch(
      /^Mae'r neges hon yn gofyn am roddion/,
    );
    expect(await popup.locator('.verdict-summary span[lang]').count()).toBe(0);
    // Phrase-level reasons are still English: marked so, and the page says so in Welsh.
    expect(await popup.locator('.evidence li span[lang="en-GB"]').count()).toBeGreaterThan(0);
    expect(await popup.locator('.english-note').textContent()).toBe(cy('common_english_note'));
    expect(await overflow(popup)).toBeLessThanOrEqual(0);
    await popup.screenshot({ path: path.join(ROOT, 'tmp', 'i18n-popup-cy.png'), fullPage: true });
    expect(await axeFailures(popup)).toEqual([]);
    await popup.close();
  });

  test('the composer badge and panel are in Welsh inside their shadow root', async () => {
    demo = watch(await ext.context.newPage());
    await demo.goto(base);
    await demo.locator('#body').fill(APPEAL);
    const badge = demo.locator(`${host('body')} .badge`);
    await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toContain(cy('purpose_fundraising'));
    expect(await demo.locator(`${host('body')} .anchor`).getAttribute('lang')).toBe('cy');
    // The webmail page's own language is untouched.
    expect(await htmlLang(demo)).not.toBe('cy');
    await badge.click();
    const panel = demo.locator(`${host('body')} section.panel`);
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getAttribute('aria-label')).toBe(cy('panel_details'));
    expect(await panel.locator('.panel-title').textContent()).toBe(cy('panel_heading'));
    expect(await panel.textContent()).toContain(cy('panel_why_phrases'));
    await demo.screenshot({ path: path.join(ROOT, 'tmp', 'i18n-panel-cy.png') });
    expect(await axeFailures(demo, { include: [host('body')], lift: [host('body')] })).toEqual([]);
  });

  test('the training page, as an extension page, follows the setting; ?lang=en overrides it', async () => {
    const training = watch(await ext.context.newPage());
    await training.goto(extensionUrl('training/index.html'));
    await training.locator('.gallery').waitFor();
    expect(await htmlLang(training)).toBe('cy');
    expect(await training.locator('h1').first().textContent()).toBe(cy('training_title'));
    await training.locator('.live section.verdict').waitFor({ timeout: 15_000 });
    expect(await axeFailures(training)).toEqual([]);
    await training.goto(extensionUrl('training/index.html?lang=en'));
    await training.locator('.gallery').waitFor();
    expect(await htmlLang(training)).toBe('en-GB');
    expect(await training.locator('h1').first().textContent()).toBe('Marketing rules: training');
    await training.close();
  });

  test('back to English: the open composer’s badge switches without a reload', async () => {
    const options = await setLanguage('English');
    await expect.poll(() => htmlLang(options)).toBe('en-GB');
    await options.close();
    const badge = demo.locator(`${host('body')} .badge`);
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toContain('fundraising');
    expect(await demo.locator(`${host('body')} .anchor`).getAttribute('lang')).toBe('en-GB');
    await (await setLanguage('auto')).close();
    await demo.close();
  });
});

describe('the training page as a plain web page', () => {
  test('a Welsh browser gets Welsh; ?lang=en overrides; the language button switches back and says so in the address', async () => {
    const context = await plain.newContext({ locale: 'cy-GB' });
    const page = watch(await context.newPage());
    await page.goto(`${base}training/index.html`);
    await page.locator('.gallery').waitFor();
    expect(await htmlLang(page)).toBe('cy');
    expect(await page.title()).toBe(cy('training_page_title'));
    expect(await page.locator('h1').first().textContent()).toBe(cy('training_title'));
    await expect
      .poll(() => page.locator('.live section.verdict .verdict-route strong').textContent(), {
        timeout: 15_000,
      })
      .toBe(cy('common_route'));
    await page.screenshot({ path: path.join(ROOT, 'tmp', 'i18n-training-cy.png') });

    await page.goto(`${base}training/index.html?lang=en`);
    await page.locator('.gallery').waitFor();
    expect(await htmlLang(page)).toBe('en-GB');
    expect(await page.locator('h1').first().textContent()).toBe('Marketing rules: training');
    const button = page.locator('#language');
    expect(await button.locator('span').getAttribute('lang')).toBe('cy');
    expect(await button.getAttribute('aria-label')).toBe('Switch the page to Cymraeg');
    await button.click();
    await expect.poll(() => htmlLang(page)).toBe('cy');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('cy');
    expect(await page.locator('h1').first().textContent()).toBe(cy('training_title'));
    await context.close();
  });
});

describe('nothing broke', () => {
  test('no page errors or console errors, and the extension made no requests', () => {
    expect(errors).toEqual([]);
    expect(ext.extensionRequests).toEqual([]);
  });
});
