#!/usr/bin/env node
/**
 * Firefox smoke test: loads a Firefox build of the extension into Debian's firefox-esr (headless) and checks that
 *   1. the add-on installs (as a temporary add-on, so it needs no signature),
 *   2. the content script gives a verdict on the demo composer, with highlights (CSS Custom Highlight API), and
 *      follows the organisation policy (its panel does not ask who is sending once the policy says),
 *   3. the options page renders, and shows the settings an organisation policy set (storage.managed, provided
 *      through a managed-storage native manifest in a throw-away HOME),
 *   4. Check at Send (confirm, set by the policy): Send on a fundraising draft is held with a dialog; "Go back"
 *      keeps the draft and sends nothing; "Send anyway" sends exactly once (the demo page records sends),
 *   5. the popup renders.
 *
 * Playwright cannot drive a stock Firefox, so this speaks WebDriver BiDi (Firefox's built-in remote protocol) over
 * Node's own WebSocket. Nothing is downloaded: the demo page is served on 127.0.0.1, and the profile turns off
 * Firefox's background network services.
 *
 * Usage: node scripts/firefox-smoke.mjs [--dist DIR] [--firefox PATH] [--json]
 *   --dist    a Firefox build made with MRC_DEV_HOSTS=1 (default: builds one into a temporary folder)
 *   --json    print the results as one JSON object (used by tests/e2e/firefox-smoke.e2e.test.ts)
 * Exit status: 0 when every check passed, 1 otherwise.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
export const ADDON_ID = 'marketing-rules-check@example.org';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The policy the smoke test sets, and what the options page must then show. */
export const SMOKE_POLICY = {
  organisationType: 'charity',
  organisationName: 'Smoke Test Trust',
  // Check at Send in confirm mode, so the smoke test can hold, go back and send anyway in Firefox too.
  sendCheckMode: 'confirm',
};

/**
 * Preferences for a quiet, offline profile. The remote agent already applies its recommended automation
 * preferences; these add the services that would otherwise try to reach Mozilla's servers.
 */
const PREFS = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'app.normandy.enabled': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.region.update.enabled': false,
  'browser.search.update': false,
  'browser.newtabpage.enabled': false,
  'browser.ping-centre.telemetry': false,
};

export function userJs(uuid) {
  const prefs = {
    ...PREFS,
    // A fixed moz-extension:// host for the add-on, so its pages can be opened by address.
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
  };
  return Object.entries(prefs)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

/** A minimal WebDriver BiDi client: numbered commands, answers matched by id. */
class Bidi {
  constructor(ws) {
    this.ws = ws;
    this.next = 1;
    this.pending = new Map();
    ws.addEventListener('message', (event) => {
      const msg = JSON.parse(String(event.data));
      const waiter = msg.id !== undefined && this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.type === 'error') waiter.reject(new Error(`${msg.error}: ${msg.message}`));
      else waiter.resolve(msg.result);
    });
  }

  static connect(url) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => resolve(new Bidi(ws)), { once: true });
      ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
    });
  }

  send(method, params = {}) {
    const id = this.next++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Evaluates `expression` (awaited) in the page of `context`; returns the JSON-decoded string it yields. */
  async evaluate(context, expression) {
    const r = await this.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => { ${expression} })()))()`,
      target: { context },
      awaitPromise: true,
    });
    if (r.type === 'exception')
      throw new Error(`page script failed: ${r.exceptionDetails?.text ?? 'unknown'}`);
    return r.result?.value === undefined ? undefined : JSON.parse(r.result.value);
  }

  /**
   * A real click (trusted, as the user's): the element `find` returns (a script body) is measured, and the pointer
   * pressed and released at its centre through WebDriver BiDi input actions. Our controls ignore script clicks.
   */
  async click(context, find) {
    const at = await this.evaluate(
      context,
      `const el = (() => { ${find} })();
       if (!el) return null;
       const r = el.getBoundingClientRect();
       return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };`,
    );
    if (!at) throw new Error('nothing to click');
    await this.send('input.performActions', {
      context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: at.x, y: at.y },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.send('input.releaseActions', { context });
  }

  close() {
    try {
      this.ws.close();
    } catch {
      // Already closed.
    }
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value or the time runs out; returns the last value. */
async function until(fn, timeoutMs, stepMs = 200) {
  const end = Date.now() + timeoutMs;
  let value;
  for (;;) {
    try {
      value = await fn();
    } catch {
      value = undefined;
    }
    if (value || Date.now() > end) return value;
    await sleep(stepMs);
  }
}

function buildDev(outDir) {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      env: { ...process.env, TARGET: 'firefox', MRC_DEV_HOSTS: '1', MRC_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function startFirefox(firefox, profile, home) {
  const child = spawn(
    firefox,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port',
      '0',
      // Lets the remote agent open the add-on's own pages (moz-extension:), which it refuses by default.
      '--remote-allow-system-access',
    ],
    {
      env: { ...process.env, HOME: home, MOZ_CRASHREPORTER_DISABLE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`firefox did not start its remote agent:\n${log}`)),
      30_000,
    );
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`firefox exited (${code}) before its remote agent started:\n${log}`));
    });
  });
  return { child, url };
}

/**
 * Runs the smoke test. Resolves to a result per check (never throws for a failed check; it throws only when
 * Firefox cannot be started at all).
 */
export async function runFirefoxSmoke({ dist, firefox = FIREFOX } = {}) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'mrc-firefox-'));
  const profile = path.join(work, 'profile');
  const home = path.join(work, 'home');
  const uuid = randomUUID();
  const results = { firefox: '', checks: {}, details: {} };
  const check = (name, ok, detail) => {
    results.checks[name] = !!ok;
    if (detail !== undefined) results.details[name] = detail;
  };
  let server;
  let fx;
  let bidi;
  try {
    results.firefox = execFileSync(firefox, ['--version'], { encoding: 'utf8' }).trim();
    const distDir = dist ? path.resolve(dist) : path.join(work, 'dist-firefox');
    if (!dist) buildDev(distDir);
    const manifest = JSON.parse(readFileSync(path.join(distDir, 'manifest.json'), 'utf8'));
    if (!JSON.stringify(manifest.content_scripts ?? []).includes('http://127.0.0.1/*'))
      throw new Error(`${distDir} was built without MRC_DEV_HOSTS=1: the demo page gets no content script`);

    mkdirSync(profile, { recursive: true });
    writeFileSync(path.join(profile, 'user.js'), `${userJs(uuid)}\n`);
    // The organisation policy, as a managed-storage native manifest in this run's own HOME (Linux, per user).
    mkdirSync(path.join(home, '.mozilla/managed-storage'), { recursive: true });
    writeFileSync(
      path.join(home, `.mozilla/managed-storage/${ADDON_ID}.json`),
      JSON.stringify({
        name: ADDON_ID,
        description: 'Smoke test policy',
        type: 'storage',
        data: SMOKE_POLICY,
      }),
    );

    const demo = readFileSync(path.join(root, 'demo/index.html'));
    server = createServer((req, res) => {
      if (req.url === '/' || req.url === '/index.html')
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo);
      else res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const demoUrl = `http://127.0.0.1:${server.address().port}/`;

    fx = startFirefox(firefox, profile, home);
    bidi = await Bidi.connect(`${await fx.url}/session`);
    await bidi.send('session.new', { capabilities: {} });

    const installed = await bidi.send('webExtension.install', {
      extensionData: { type: 'path', path: distDir },
    });
    check('installs', installed?.extension === ADDON_ID, installed?.extension);

    const tree = await bidi.send('browsingContext.getTree', {});
    const context = tree.contexts[0].context;

    // 2. The content script on the demo composer: a verdict in words, and highlights in the draft.
    await bidi.send('browsingContext.navigate', { context, url: demoUrl, wait: 'complete' });
    const verdict = await until(
      () =>
        bidi.evaluate(
          context,
          `const h = document.querySelector('[data-mrc-host][data-mrc-for="body"]');
           return h && h.getAttribute('data-mrc-verdict');`,
        ),
      20_000,
    );
    check('verdict', /^(yes|likely)$/.test(verdict ?? ''), verdict);
    const highlights = await until(
      () => bidi.evaluate(context, 'return [...CSS.highlights.keys()].filter((k) => k.startsWith("mrc-"));'),
      5_000,
    );
    check('highlights', Array.isArray(highlights) && highlights.includes('mrc-fundraising'), highlights);
    const bodyUntouched = await bidi.evaluate(
      context,
      'return !document.getElementById("body").querySelector("[data-mrc-host], mark, span[class^=mrc]");',
    );
    check('draft untouched', bodyUntouched === true);

    // The policy reaches the content script too: with the organisation type set (charity), the panel no longer
    // asks who is sending, while it still asks the other questions.
    const panelRoot = `document.querySelector('[data-mrc-host][data-mrc-for="body"]')?.shadowRoot`;
    await bidi.click(context, `return ${panelRoot}?.querySelector('.badge');`);
    const questions = await until(
      () =>
        bidi.evaluate(
          context,
          `const root = ${panelRoot};
           const legends = [...(root?.querySelectorAll('.question legend') ?? [])].map((l) => l.textContent);
           return legends.length ? legends : null;`,
        ),
      10_000,
    );
    check(
      'policy applies in the composer',
      Array.isArray(questions) && questions.length > 0 && !questions.some((q) => /who is sending/i.test(q)),
      questions,
    );

    // Check at Send in Firefox: the dialog holds the send, Go back sends nothing, Send anyway sends once.
    const dialogJs = `const h = document.querySelector('[data-mrc-host="send-check"]');
       return h?.shadowRoot?.querySelector('[role="alertdialog"]') ?? null;`;
    const sentCount = () =>
      bidi.evaluate(context, 'return document.querySelectorAll("#demo-sent li").length;');
    const bodyBefore = await bidi.evaluate(context, 'return document.getElementById("body").innerHTML;');
    await bidi.click(context, 'return document.getElementById("send1");');
    const held = await until(
      () => bidi.evaluate(context, `${dialogJs.replace('?? null;', '? true : null;')}`),
      10_000,
    );
    check('send held with a dialog', held === true && (await sentCount()) === 0, { held });
    await bidi.click(
      context,
      `return document.querySelector('[data-mrc-host="send-check"]')?.shadowRoot?.querySelector('[data-action="back"]');`,
    );
    const backOk = await until(
      () =>
        bidi.evaluate(
          context,
          `const h = document.querySelector('[data-mrc-host="send-check"]');
           const open = !!h?.shadowRoot?.querySelector('[role="alertdialog"]');
           return open ? null : { body: document.getElementById('body')?.innerHTML ?? '' };`,
        ),
      5_000,
    );
    check(
      'go back sends nothing and keeps the draft',
      backOk?.body === bodyBefore && (await sentCount()) === 0,
      { same: backOk?.body === bodyBefore },
    );
    await bidi.click(context, 'return document.getElementById("send1");');
    await until(() => bidi.evaluate(context, `${dialogJs.replace('?? null;', '? true : null;')}`), 10_000);
    await bidi.click(
      context,
      `return document.querySelector('[data-mrc-host="send-check"]')?.shadowRoot?.querySelector('[data-action="send"]');`,
    );
    const sent = await until(async () => ((await sentCount()) > 0 ? sentCount() : null), 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    check('send anyway sends exactly once', sent === 1 && (await sentCount()) === 1, { sent });

    // 3. The options page, with the organisation's settings marked.
    const base = `moz-extension://${uuid}`;
    await bidi.send('browsingContext.navigate', {
      context,
      url: `${base}/src/options/index.html`,
      wait: 'complete',
    });
    const options = await until(
      () =>
        bidi.evaluate(
          context,
          `if (document.querySelector('main')?.getAttribute('aria-busy') !== 'false') return null;
           const r = (v) => document.querySelector('input[name="organisationType"][value="' + v + '"]');
           return {
             title: document.querySelector('h1')?.textContent,
             charityChecked: r('charity')?.checked,
             charityDisabled: r('charity')?.disabled,
             name: document.getElementById('organisationName')?.value,
             nameReadOnly: document.getElementById('organisationName')?.readOnly,
             notice: document.querySelector('[data-testid="managed-notice"]')?.textContent ?? '',
             lockedNotes: document.querySelectorAll('[data-managed="locked"]').length,
           };`,
        ),
      15_000,
    );
    check('options renders', options?.title === 'Marketing Rules Check settings', options?.title);
    check(
      'options shows managed settings',
      options?.charityChecked &&
        options?.charityDisabled &&
        options?.name === SMOKE_POLICY.organisationName &&
        options?.nameReadOnly &&
        options?.lockedNotes === 3 &&
        options?.notice.includes('Your organisation manages some of these settings.'),
      options,
    );

    // 4. The popup, opened as a tab.
    await bidi.send('browsingContext.navigate', {
      context,
      url: `${base}/src/popup/index.html`,
      wait: 'complete',
    });
    const popup = await until(
      () =>
        bidi.evaluate(
          context,
          'return (document.body?.innerText ?? "").trim().length > 0 && document.title;',
        ),
      10_000,
    );
    check('popup renders', typeof popup === 'string' && popup.length > 0, popup);
  } finally {
    bidi?.close();
    if (fx) {
      fx.url.catch(() => {});
      if (fx.child.exitCode === null) {
        const exited = new Promise((resolve) => fx.child.once('exit', resolve));
        fx.child.kill('SIGTERM');
        await Promise.race([exited, sleep(5000)]);
        if (fx.child.exitCode === null) fx.child.kill('SIGKILL');
      }
    }
    if (server) await new Promise((resolve) => server.close(resolve));
    rmSync(work, { recursive: true, force: true });
  }
  results.ok = Object.values(results.checks).length > 0 && Object.values(results.checks).every(Boolean);
  return results;
}

async function main() {
  const { values } = parseArgs({
    options: { dist: { type: 'string' }, firefox: { type: 'string' }, json: { type: 'boolean' } },
  });
  const firefox = values.firefox ?? FIREFOX;
  if (!existsSync(firefox)) {
    console.error(`Firefox was not found at ${firefox}. Install Debian's firefox-esr or set FIREFOX_PATH.`);
    process.exit(1);
  }
  const results = await runFirefoxSmoke({ dist: values.dist, firefox });
  if (values.json) console.log(JSON.stringify(results));
  else {
    console.log(results.firefox);
    for (const [name, ok] of Object.entries(results.checks))
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${JSON.stringify(results.details[name])}`}`);
  }
  process.exit(results.ok ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (typeof WebSocket === 'undefined') {
    // Node 20 has WebSocket behind a flag: run again with it.
    const child = spawn(process.execPath, ['--experimental-websocket', ...process.argv.slice(1)], {
      stdio: 'inherit',
    });
    child.on('exit', (code) => process.exit(code ?? 1));
  } else {
    main().catch((error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
  }
}
