#!/usr/bin/env node
/**
 * npm start: build the extension, serve the demo composer on 127.0.0.1, and open Debian's Chromium with the
 * extension loaded on it. With no display (a server, CI), Chromium runs headless instead and a screenshot
 * of the popup checking the demo draft is saved to tmp/start-popup.png.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';

const { chromium } = await import('playwright-core'); // installed by scripts/ensure-deps.mjs (prestart)

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

console.log('Building the extension and the training page…');
// MRC_DEV_HOSTS adds 127.0.0.1/localhost to the content scripts' matches, so the demo composer gets the badge.
execSync('npx vite build', { cwd: root, stdio: 'inherit', env: { ...process.env, MRC_DEV_HOSTS: '1' } });
execSync('npx vite build -c vite.training.config.ts', { cwd: root, stdio: 'inherit' });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};
const trainingRoot = path.join(root, 'dist-training');
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let file;
  if (url.pathname === '/' || url.pathname === '/index.html') file = path.join(root, 'demo/index.html');
  else if (url.pathname === '/training' || url.pathname === '/training/')
    file = path.join(trainingRoot, 'index.html');
  else if (url.pathname.startsWith('/training/')) {
    file = path.resolve(trainingRoot, `.${decodeURIComponent(url.pathname.slice('/training'.length))}`);
    if (!file.startsWith(trainingRoot + path.sep)) file = undefined;
  }
  try {
    if (!file) throw new Error('not found');
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const demoUrl = `http://127.0.0.1:${server.address().port}/`;

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const profile = mkdtempSync(path.join(os.tmpdir(), 'mrc-start-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: null,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
} catch (error) {
  console.error(`Could not start Chromium at ${executablePath}: ${error.message.split('\n')[0]}`);
  console.error(
    'Install it with `apt-get install chromium` (or set CHROMIUM_PATH), then run `npm start` again.',
  );
  server.close();
  process.exit(1);
}
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);
const trainingUrl = `${demoUrl}training/`;
const training = await context.newPage();
await training.goto(trainingUrl);
console.log(`Demo composer: ${demoUrl}`);
console.log(`Training mode (plain web page, no extension needed): ${trainingUrl}`);
console.log(`Training mode (extension page): chrome-extension://${extensionId}/src/training/index.html`);
console.log(`Popup as a page: chrome-extension://${extensionId}/src/popup/index.html`);

if (headless) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 480, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  await popup.fill('#subject', await page.inputValue('#subject'));
  await popup.fill('#body', (await page.textContent('#body')).trim().replace(/\s+/g, ' '));
  await popup.waitForSelector('section.verdict', { timeout: 20_000 });
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  const shot = path.join(root, 'tmp/start-popup.png');
  await popup.screenshot({ path: shot, fullPage: true });
  console.log(
    `No display found, so Chromium ran headless. Verdict: ${await popup.textContent('.verdict-headline')}`,
  );
  console.log(`Screenshot of the popup checking the demo draft: ${path.relative(process.cwd(), shot)}`);
  await context.close();
  server.close();
} else {
  console.log(
    'Chromium is open with the extension loaded. Close the browser window (or press Ctrl+C) to stop.',
  );
  context.on('close', () => server.close());
}
