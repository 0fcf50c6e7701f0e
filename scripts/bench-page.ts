/**
 * npm run bench:page: the extension in the webmail page and the training page, in real Chromium (figures printed,
 * never asserted). README "In the page" holds the figures and what they mean.
 *
 * The Gmail fixture, served with Gmail's Trusted Types CSP, in a browser with the extension and in the same
 * browser build without it. Every main-thread task over 50 ms (PerformanceObserver "longtask", registered before
 * the page's own scripts; the content script shares that thread) is recorded, and the longest is printed for each
 * moment the issue names:
 *  - page load with the composer open (until 3 s after the load, the checker started and the first check done);
 *  - the first check of a 10,000-word draft (put in by DOM calls, as Gmail's editor would, until 1 s after the
 *    verdict);
 *  - typing 60 characters at 10 a second at the end of that draft (until 1 s after the verdict);
 *  - Send (Ctrl+Enter, Check at Send in confirm mode) right after a 7-character edit of that draft;
 *  - a 5,000-word paste (execCommand insertText, which the editor treats as a paste of plain text) into a
 *    1,000-word draft (until 1 s after the verdict).
 * Also: keystroke-to-verdict at 1,000 words (from the last of 60 keystrokes at 10 a second to the badge's next
 * verdict; it includes the 400 ms pause the check waits for), and the extension's memory in the tab with the
 * 10,000-word draft checked: the tab's JavaScript heap with the extension minus without (the content script runs
 * in the page's heap), plus the checking worker's heap and its frame's (Chrome DevTools Protocol
 * Runtime.getHeapUsage, after a garbage collection).
 * The training page (built like dist-training) gets 8 characters typed at 10 a second into the live editor's body
 * on every scenario of its gallery; the longest task per scenario is printed.
 * Medians of BENCH_RUNS runs (default 3), and the worst; the load average is printed before and after, as the
 * figures depend on it. Builds into tmp/dist-bench and tmp/dist-bench-training first. BENCH_ONLY=webmail or
 * BENCH_ONLY=training runs one part.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'tmp/dist-bench');
const TRAINING = path.join(ROOT, 'tmp/dist-bench-training');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const TYPED = ' Please donate today: a gift of £10 buys a warm winter coat.';
const KEY_DELAY_MS = 100;
const DEBOUNCE_MS = 400;
const CSP = "require-trusted-types-for 'script'";
const ONLY = process.env.BENCH_ONLY ?? '';

const SERVICE = [
  'Your garden waste collection will move from Tuesday to Wednesday from {n} March. No action is needed, and bins should be out by 7am.',
  'The quarterly report for project {n} is attached. Could you review section {n} before the meeting on Thursday?',
  'Your order {n} has been dispatched and should arrive within three working days. Keep the reference on your receipt.',
  'We are upgrading the case management system on {n} April. The service will be unavailable between 6pm and 9pm.',
  'Thank you for your application {n}. We will write to you within ten working days with a decision.',
];

function serviceDraft(words: number, from = 0): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = from; count < words; i++) {
    const p = (SERVICE[i % SERVICE.length] as string).replaceAll('{n}', String(1000 + i));
    paragraphs.push(p);
    count += p.split(/\s+/).length;
  }
  return paragraphs;
}

function build() {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, MRC_DEV_HOSTS: '1', MRC_OUT_DIR: DIST },
  });
  execFileSync(
    process.execPath,
    [vite, 'build', '-c', 'vite.training.config.ts', '--outDir', TRAINING, '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

interface Browser {
  context: BrowserContext;
  serviceWorker: Worker | undefined;
  close(): Promise<void>;
}

async function launch(withExtension: boolean): Promise<Browser> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mrc-bench-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
  if (withExtension) args.push(`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
  });
  let serviceWorker: Worker | undefined;
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Check at Send in confirm mode, so Send goes through the check.
    await serviceWorker.evaluate(() => chrome.storage.sync.set({ sendCheckMode: 'confirm' }));
  }
  return {
    context,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Registered before the page's own scripts: every long task, with its start time. */
function observeLongTasks() {
  const w = window as unknown as { __long: { start: number; duration: number }[] };
  w.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

const now = (page: Page) => page.evaluate(() => performance.now());

/** The longest task that ended after `since` (page time), 0 when none was over 50 ms. */
const longestSince = (page: Page, since: number) =>
  page.evaluate((t) => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    return Math.max(0, ...w.__long.filter((e) => e.start + e.duration > t).map((e) => e.duration));
  }, since);

const checks = (page: Page) =>
  page.evaluate(() =>
    Number(
      document.querySelector('[data-mrc-host][data-mrc-for="gm-body"]')?.getAttribute('data-mrc-checks') ?? 0,
    ),
  );

/** Waits until the badge has shown more than `n` verdicts; resolves with the wall time it did. */
async function verdictAfter(page: Page, n: number): Promise<number> {
  await page.waitForFunction(
    (k) =>
      Number(
        document.querySelector('[data-mrc-host][data-mrc-for="gm-body"]')?.getAttribute('data-mrc-checks') ??
          0,
      ) > k,
    n,
    { timeout: 60_000, polling: 5 },
  );
  return Date.now();
}

async function fill(page: Page, paragraphs: string[]) {
  // DOM calls only (the page enforces Trusted Types), as Gmail's own editor would add paragraphs.
  await page.evaluate((ps) => {
    const body = document.getElementById('gm-body') as HTMLElement;
    body.replaceChildren(
      ...ps.map((p) => {
        const div = document.createElement('div');
        div.textContent = p;
        return div;
      }),
    );
  }, paragraphs);
}

/** The heap of one target the page session can see (the checking worker), through the DevTools protocol. */
async function targetHeap(cdp: CDPSession, match: (t: { type: string; url: string }) => boolean) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as unknown as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find(match);
  if (!target) return 0;
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };
  const ask = (id: number, method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const on = (e: { sessionId: string; message: string }) => {
        const m = JSON.parse(e.message);
        if (e.sessionId !== sessionId || m.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', on);
        resolve(m.result ?? {});
      };
      cdp.on('Target.receivedMessageFromTarget', on);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  await ask(1, 'HeapProfiler.collectGarbage');
  const heap = await ask(2, 'Runtime.getHeapUsage');
  await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  return Number(heap.usedSize ?? 0);
}

async function heapOf(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  return Number(((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize);
}

interface WebmailRun {
  load: number;
  firstCheck: number;
  firstVerdictMs: number | null;
  typing: number;
  send: number;
  sendOutcome: string;
  paste: number;
  keyToVerdictMs: number | null;
  pageHeap: number;
  workerHeap: number;
  frameHeap: number;
  checker: string;
}

async function webmailRun(b: Browser, base: string, withExtension: boolean): Promise<WebmailRun> {
  const page = await b.context.newPage();
  await page.addInitScript(observeLongTasks);
  const cdp = await b.context.newCDPSession(page);

  // 1. Page load with the composer open (a short draft in it).
  await page.goto(`${base}/gmail.html`);
  await fill(page, serviceDraft(60));
  if (withExtension) await verdictAfter(page, 0);
  await page.waitForTimeout(3000);
  const load = await longestSince(page, 0);
  const checker = withExtension
    ? await page.evaluate(
        () => document.querySelector('[data-mrc-checker]')?.getAttribute('data-mrc-checker') ?? '-',
      )
    : '-';

  // 2. The first check of a 10,000-word draft.
  let t = await now(page);
  let n = withExtension ? await checks(page) : 0;
  const filledAt = Date.now();
  await fill(page, serviceDraft(10_000));
  const firstVerdictMs = withExtension ? (await verdictAfter(page, n)) - filledAt : null;
  await page.waitForTimeout(1000);
  const firstCheck = await longestSince(page, t);

  // Memory, with the 10,000-word draft checked.
  const pageHeap = await heapOf(cdp);
  const workerHeap = withExtension
    ? await targetHeap(cdp, (x) => x.type === 'worker' && x.url.includes('check-worker'))
    : 0;
  const frame = page.frames().find((f) => f.url().includes('/src/worker/index.html'));
  const frameHeap = frame ? await heapOf(await b.context.newCDPSession(frame)) : 0;

  // 3. Typing at 10 characters a second at the end of the draft.
  await page.locator('#gm-body').focus();
  await page.keyboard.press('ControlOrMeta+End');
  t = await now(page);
  n = withExtension ? await checks(page) : 0;
  await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
  if (withExtension) await verdictAfter(page, n);
  await page.waitForTimeout(1000);
  const typing = await longestSince(page, t);

  // 4. Send right after a small edit (the verdict is stale).
  await page.keyboard.type(' Thanks', { delay: 20 });
  t = await now(page);
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(1500);
  const send = await longestSince(page, t);
  const sendOutcome = await page.evaluate(() =>
    document.querySelector('#fixture-sent li')
      ? 'sent'
      : document.querySelector('[data-mrc-host="send-check"] [role="alertdialog"]')
        ? 'dialog'
        : 'neither',
  );

  // 5. Keystroke-to-verdict at 1,000 words, then a 5,000-word paste into that draft.
  await page.goto(`${base}/gmail.html`);
  await fill(page, serviceDraft(1000));
  if (withExtension) await verdictAfter(page, 0);
  await page.waitForTimeout(1000);
  await page.locator('#gm-body').focus();
  await page.keyboard.press('ControlOrMeta+End');
  n = withExtension ? await checks(page) : 0;
  await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
  const typedAt = Date.now();
  const keyToVerdictMs = withExtension ? (await verdictAfter(page, n)) - typedAt : null;
  await page.waitForTimeout(1000);
  t = await now(page);
  n = withExtension ? await checks(page) : 0;
  await page.evaluate(
    (text) => {
      document.execCommand('insertText', false, text);
    },
    `\n${serviceDraft(5000, 7).join('\n')}`,
  );
  if (withExtension) await verdictAfter(page, n);
  await page.waitForTimeout(1000);
  const paste = await longestSince(page, t);

  await page.close();
  return {
    load,
    firstCheck,
    firstVerdictMs,
    typing,
    send,
    sendOutcome,
    paste,
    keyToVerdictMs,
    pageHeap,
    workerHeap,
    frameHeap,
    checker,
  };
}

/** The training page's live editor: 20 keystrokes at 10 a second into the body of each scenario. */
async function trainingRun(b: Browser, base: string): Promise<{ id: string; longest: number }[]> {
  const page = await b.context.newPage();
  await page.addInitScript(observeLongTasks);
  await page.goto(`${base}/training/index.html`);
  const editor = page.locator('textarea#body');
  await editor.waitFor({ timeout: 30_000 });
  await page.waitForSelector('.scenario-card');
  // The core loads after the first paint; let it.
  await page.waitForTimeout(3000);
  const out: { id: string; longest: number }[] = [];
  const ids = await page
    .locator('.scenario-card')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '').filter(Boolean));
  for (const id of ids) {
    await page.locator(`.scenario-card[data-id="${id}"]`).click();
    await page.waitForTimeout(300);
    await editor.focus();
    await page.keyboard.press('ControlOrMeta+End');
    const t = await now(page);
    await page.keyboard.type(' Join us', { delay: KEY_DELAY_MS });
    await page.waitForTimeout(DEBOUNCE_MS + 500);
    out.push({ id, longest: await longestSince(page, t) });
  }
  await page.close();
  return out;
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};
const fmt = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? '-' : `${Math.round(n)}`;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

async function main() {
  const loadBefore = load();
  build();
  const fixture = readFileSync(path.join(ROOT, 'tests/fixtures/gmail.html'));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/gmail.html') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP })
        .end(fixture);
      return;
    }
    if (url.pathname.startsWith('/training/')) {
      const file = path.join(TRAINING, path.normalize(url.pathname.slice('/training/'.length)));
      if (file.startsWith(TRAINING) && existsSync(file)) {
        const type = file.endsWith('.js')
          ? 'text/javascript'
          : file.endsWith('.css')
            ? 'text/css'
            : 'text/html';
        res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const runs: Record<'with' | 'without', WebmailRun[]> = { with: [], without: [] };
  const training: { id: string; longest: number }[][] = [];
  for (const mode of ['without', 'with'] as const) {
    if (mode === 'with' && ONLY === 'training') continue;
    const b = await launch(mode === 'with');
    for (let i = 0; i < RUNS && ONLY !== 'training'; i++) {
      runs[mode].push(await webmailRun(b, base, mode === 'with'));
      console.error(`webmail ${mode} run ${i + 1}: ${JSON.stringify(runs[mode].at(-1))}`);
    }
    if (mode === 'without' && ONLY !== 'webmail')
      for (let i = 0; i < RUNS; i++) {
        training.push(await trainingRun(b, base));
        console.error(
          `training run ${i + 1}: worst ${Math.max(0, ...(training.at(-1) ?? []).map((s) => s.longest))} ms`,
        );
      }
    await b.close();
  }
  server.close();

  console.log(
    `bench:page: Gmail fixture (Trusted Types CSP), ${RUNS} runs each; load average ${loadBefore} before, ${load()} after (${os.cpus().length} cores)`,
  );
  if (runs.with.length) printWebmail(runs);
  if (training.length) printTraining(training);
}

function printWebmail(runs: Record<'with' | 'without', WebmailRun[]>) {
  console.log(`where the extension checked: ${runs.with.map((r) => r.checker).join(', ')}`);
  console.log('');
  console.log('Longest main-thread task (ms), median (worst) of the runs; 0 = no task over 50 ms:');
  console.log('');
  console.log('| moment | without the extension | with the extension |');
  console.log('|---|---|---|');
  const rows: [string, (r: WebmailRun) => number][] = [
    ['page load with the composer open', (r) => r.load],
    ['first check of a 10,000-word draft', (r) => r.firstCheck],
    ['a 5,000-word paste (into 1,000 words)', (r) => r.paste],
    ['typing at 10 characters a second (10,000 words)', (r) => r.typing],
    ['Send (Ctrl+Enter right after an edit, confirm mode)', (r) => r.send],
  ];
  for (const [name, pick] of rows) {
    const cell = (rs: WebmailRun[]) => `${fmt(median(rs.map(pick)))} (${fmt(Math.max(...rs.map(pick)))})`;
    console.log(`| ${name} | ${cell(runs.without)} | ${cell(runs.with)} |`);
  }
  console.log('');
  const k = runs.with.map((r) => r.keyToVerdictMs ?? Number.NaN);
  console.log(
    `keystroke-to-verdict at 1,000 words: median ${fmt(median(k))} ms (worst ${fmt(Math.max(...k))}), that is ${fmt(median(k) - DEBOUNCE_MS)} ms after the ${DEBOUNCE_MS} ms pause (target ≤ 150)`,
  );
  const f = runs.with.map((r) => r.firstVerdictMs ?? Number.NaN);
  console.log(`first verdict on the 10,000-word draft: median ${fmt(median(f))} ms after it appeared`);
  console.log(`Send outcome: ${runs.with.map((r) => r.sendOutcome).join(', ')}`);
  const extra = median(runs.with.map((r) => r.pageHeap)) - median(runs.without.map((r) => r.pageHeap));
  const worker = median(runs.with.map((r) => r.workerHeap));
  const frame = median(runs.with.map((r) => r.frameHeap));
  console.log(
    `memory with the 10,000-word draft (JS heap, MB): tab ${mb(median(runs.without.map((r) => r.pageHeap)))} without, ${mb(median(runs.with.map((r) => r.pageHeap)))} with (content script ${mb(extra)}); worker ${mb(worker)}; worker frame ${mb(frame)}; extension in all ${mb(extra + worker + frame)} (target ≤ 40)`,
  );
  console.log('');
}

function printTraining(training: { id: string; longest: number }[][]) {
  const scenarioIds = training[0]?.map((s) => s.id) ?? [];
  const perScenario = scenarioIds.map((id) =>
    median(training.map((r) => r.find((s) => s.id === id)?.longest ?? 0)),
  );
  const worst = Math.max(0, ...training.flat().map((s) => s.longest));
  const over = scenarioIds.filter((_, i) => (perScenario[i] ?? 0) > 50);
  console.log(
    `training live editor: ${scenarioIds.length} scenarios, longest task per scenario while typing: median of medians ${fmt(median(perScenario))} ms, worst ${fmt(worst)} ms; scenarios whose median is over 50 ms: ${over.length ? over.join(', ') : 'none'}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
