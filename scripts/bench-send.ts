/**
 * npm run bench:send: Check at Send in real Chromium on the demo page (figures printed, never asserted).
 *
 * For drafts of 100, 1,000 and 10,000 words that read as an appeal, with an up-to-date verdict, Ctrl+Enter is
 * pressed and the time from the keydown (a window capture listener the page registered before the extension's)
 * to the moment the dialog is open and checked on screen (a MutationObserver the page has on `<html>`, which
 * runs right after the guard's synchronous work) is taken, 9 times; then the same right after a one-word edit
 * (the verdict is stale and re-checked on the spot). Medians in ms. Builds a dev extension into
 * tmp/dist-bench-send first.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.MRC_DIST = 'tmp/dist-bench-send';
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today. ';

execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, MRC_DEV_HOSTS: '1', MRC_OUT_DIR: path.join(ROOT, process.env.MRC_DIST) },
});
const { launchWithExtension } = await import('../tests/e2e/browser.ts');

const html = readFileSync(path.join(ROOT, 'demo/index.html'), 'utf8').replace(
  '<head>',
  `<head><script>
    window.__t0 = 0; window.__times = [];
    addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.ctrlKey) __t0 = performance.now(); }, true);
    new MutationObserver(() => {
      const d = document.querySelector('[data-mrc-host="send-check"]')?.shadowRoot?.querySelector('dialog');
      if (d?.open && __t0) { __times.push(performance.now() - __t0); __t0 = 0; }
    }).observe(document.documentElement, { childList: true });
  </script>`,
);
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const checks = (p: Page) => p.locator('[data-mrc-for="body"]').getAttribute('data-mrc-checks');

const ext = await launchWithExtension();
const worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
await worker.evaluate(() => chrome.storage.sync.set({ sendCheckMode: 'confirm' }));
console.log('| words | up-to-date verdict | right after a one-word edit |');
console.log('|---|---|---|');
for (const words of [100, 1000, 10_000]) {
  const p = await ext.context.newPage();
  await p.goto(url);
  // Paragraphs of unique sentences, as a real draft has (the per-sentence cache gets no free hits).
  const paragraphs = Array.from(
    { length: Math.ceil(words / APPEAL.split(' ').length) },
    (_, i) => `${APPEAL.replace('£10', `£${10 + i}`)}Ref ${1000 + i}.`,
  );
  const before = await checks(p);
  await p.evaluate((list) => {
    const body = document.getElementById('body')!;
    body.replaceChildren(
      ...list.map((t) => {
        const div = document.createElement('div');
        div.textContent = t;
        return div;
      }),
    );
  }, paragraphs);
  await p.waitForFunction(
    (b) => document.querySelector('[data-mrc-for="body"]')?.getAttribute('data-mrc-checks') !== b,
    before,
    { timeout: 30_000 },
  );
  const dialogOpen = (open: boolean) =>
    p.waitForFunction(
      (want) =>
        !!document
          .querySelector('[data-mrc-host="send-check"]')
          ?.shadowRoot?.querySelector('dialog[open]') === want,
      open,
    );
  await p.locator('#body').focus();
  await p.keyboard.press('End');
  const timed = async (edit: boolean) => {
    for (let i = 0; i < RUNS; i++) {
      if (edit) await p.keyboard.type('x');
      else await p.waitForTimeout(600);
      await p.keyboard.press('Control+Enter');
      await dialogOpen(true);
      await p.keyboard.press('Escape');
      await dialogOpen(false);
    }
    return p.evaluate(() => (window as unknown as { __times: number[] }).__times.splice(0));
  };
  const fresh = await timed(false);
  const edited = await timed(true);
  console.log(
    `| ${words.toLocaleString('en-GB')} | ${median(fresh).toFixed(1)} | ${median(edited).toFixed(1)} |`,
  );
  await p.close();
}
await ext.close();
server.close();
