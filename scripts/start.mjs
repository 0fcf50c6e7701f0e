#!/usr/bin/env node
/**
 * npm start: build the extension and the training page, serve the demo composer and the training page on
 * 127.0.0.1, and open Debian's Chromium with the extension loaded on the demo composer.
 *
 * With no display (a server, CI, a container), Chromium runs headless: it checks the demo draft, opens the
 * badge's panel and saves a screenshot of the composer with badge and panel to tmp/start-demo.png. The server
 * then keeps running until Ctrl+C, so the printed addresses stay live (forward the port to reach them).
 *
 *   --once        take the screenshot headless and stop (even with a display)
 *   --port N      serve on port N (default 5179, or PORT; a free port if that one is taken)
 *   --no-build    use the dist/ and dist-training/ already built
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = 'Usage: npm start [-- --once] [-- --port N] [-- --no-build]';
let options;
try {
  options = parseArgs({
    options: {
      once: { type: 'boolean', default: false },
      port: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const wantedPort = Number(options.port ?? process.env.PORT ?? 5179);
if (!Number.isInteger(wantedPort) || wantedPort < 0 || wantedPort > 65535) {
  console.error(`--port must be a port number (0-65535), not ${JSON.stringify(options.port)}\n${USAGE}`);
  process.exit(2);
}

const { chromium } = await import('playwright-core'); // installed by scripts/ensure-deps.mjs (prestart)

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const trainingRoot = path.join(root, 'dist-training');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const headless = options.once || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

if (options['no-build']) {
  for (const dir of [dist, trainingRoot]) {
    if (!existsSync(path.join(dir, 'manifest.json')) && !existsSync(path.join(dir, 'index.html'))) {
      console.error(`${path.relative(root, dir)}/ is not built: run npm start without --no-build.`);
      process.exit(1);
    }
  }
} else {
  console.log('Building the extension and the training page…');
  // MRC_DEV_HOSTS adds 127.0.0.1/localhost to the content scripts' matches, so the demo composer gets the badge.
  execSync('npx vite build', { cwd: root, stdio: 'inherit', env: { ...process.env, MRC_DEV_HOSTS: '1' } });
  execSync('npx vite build -c vite.training.config.ts', { cwd: root, stdio: 'inherit' });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let file;
  if (url.pathname === '/' || url.pathname === '/index.html') file = path.join(root, 'demo/index.html');
  else if (url.pathname === '/training') {
    res.writeHead(301, { location: '/training/' }).end();
    return;
  } else if (url.pathname === '/training/') file = path.join(trainingRoot, 'index.html');
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
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
  }
});

/** Listens on the wanted port, or on a free one when that is taken. */
function listen(port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' && port !== 0) {
        console.log(`Port ${port} is in use; serving on a free port instead.`);
        resolve(listen(0));
      } else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}
const port = await listen(wantedPort);
const demoUrl = `http://127.0.0.1:${port}/`;
const trainingUrl = `${demoUrl}training/`;

const profile = mkdtempSync(path.join(os.tmpdir(), 'mrc-start-'));
let context;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await context?.close().catch(() => {});
  await new Promise((resolve) => server.close(resolve));
  rmSync(profile, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => {
  console.log('\nStopping.');
  void stop(0);
});
process.on('SIGTERM', () => void stop(0));

try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 860 } : null,
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
  await stop(1);
}
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);

if (headless) {
  // The first composer's badge, then its panel: what a user sees after clicking the badge.
  const host = page.locator('[data-mrc-host][data-mrc-for="body"]');
  let verdict = '';
  try {
    const badge = host.locator('.badge');
    await badge.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-mrc-host][data-mrc-for="body"]')?.hasAttribute('data-mrc-verdict'),
      undefined,
      { timeout: 30_000 },
    );
    verdict = (await badge.textContent())?.trim() ?? '';
    await badge.click();
    const panelId = await badge.getAttribute('aria-controls');
    await host.locator(`#${panelId}`).waitFor({ state: 'visible', timeout: 10_000 });
  } catch (error) {
    console.error(`The demo composer did not show its badge and panel: ${error.message.split('\n')[0]}`);
    await stop(1);
  }
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  const shot = path.join(root, 'tmp/start-demo.png');
  await page.screenshot({ path: shot, animations: 'disabled' });
  console.log(`No display${options.once ? ' wanted (--once)' : ' found'}, so Chromium ran headless.`);
  console.log(`The demo draft reads: ${verdict}`);
  console.log(
    `Screenshot of the demo composer with its badge and panel: ${path.relative(process.cwd(), shot)}`,
  );
  if (options.once) await stop(0);
  // The headless browser is no longer needed; the pages stay served for a browser of your own.
  await context.close();
  context = undefined;
  console.log(`Demo composer: ${demoUrl}`);
  console.log(`Training mode (a plain web page, no extension needed): ${trainingUrl}`);
  console.log(
    `To see the badge on the demo composer in your own browser, load ${path.relative(process.cwd(), dist) || '.'}/ as an unpacked extension (chrome://extensions, Developer mode).`,
  );
  console.log(`Serving on 127.0.0.1:${port} (forward that port to reach it). Press Ctrl+C to stop.`);
} else {
  const training = await context.newPage();
  await training.goto(trainingUrl);
  await page.bringToFront();
  console.log(`Demo composer: ${demoUrl}`);
  console.log(`Training mode (a plain web page, no extension needed): ${trainingUrl}`);
  console.log(`Training mode (extension page): chrome-extension://${extensionId}/src/training/index.html`);
  console.log(`Popup as a page: chrome-extension://${extensionId}/src/popup/index.html`);
  console.log('Chromium is open with the extension loaded. Close the browser (or press Ctrl+C) to stop.');
  context.on('close', () => void stop(0));
}
