#!/usr/bin/env node
// Smoke test of the loopback Roundcube (scripts/roundcube/start.sh): Debian's Chromium via playwright-core,
// log in, send one plain-text message and check the SMTP sink got exactly it, then switch a compose to HTML
// (TinyMCE), type into the editor iframe and send that too. Prints timings. Exit code 0 = pass.
// Usage: node scripts/roundcube/smoke.mjs [--stop]   (--stop: stop the stack afterwards)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const HERE = import.meta.dirname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const t0 = performance.now();
const timings = [];
let last = t0;
const mark = (label) => {
  const now = performance.now();
  timings.push([label, now - last]);
  console.log(`  ${label}: ${((now - last) / 1000).toFixed(2)} s`);
  last = now;
};

/** Runs start.sh (which sets up first if needed) and returns its KEY=VALUE lines as an object. */
function startStack() {
  const out = execFileSync('bash', [path.join(HERE, 'start.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const env = {};
  for (const line of out.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) env[line.slice(0, i)] = line.slice(i + 1);
  }
  return env;
}

/** The sink's delivered messages: [{file, subject, text}]. */
function delivered(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const head = text.split(/\r?\n\r?\n/, 1)[0];
      const subject = /^Subject: (.*)$/m.exec(head)?.[1]?.trim() ?? '';
      return { file: f, subject, text };
    });
}

async function waitFor(fn, what, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

async function openCompose(page, url) {
  // Roundcube keeps compose state in the PHP session, and a request still running from the previous page
  // (mail list refresh after login or after Send) can save the session over it: the compose page then
  // shows "Requested compose session not found". Let the previous page settle first, and retry once.
  for (let attempt = 1; ; attempt++) {
    await page.waitForLoadState('networkidle');
    await page.goto(`${url}?_task=mail&_action=compose`);
    const ready = page.locator('textarea#composebody');
    const lost = page.getByText('Requested compose session not found');
    await ready.or(lost).first().waitFor({ state: 'attached' });
    if ((await ready.count()) > 0) break;
    if (attempt >= 3) throw new Error('compose session lost 3 times');
    console.log('  (compose session lost, retrying)');
  }
  // The Send button stays disabled until rcmail has initialised.
  await page.locator('button.btn.btn-primary.send:not([disabled])').waitFor();
}

async function fillHeaders(page, to, subject) {
  // Visible recipient widget (ul.recipient-input > li.input > input); the hidden textarea#_to holds the value.
  const input = page.locator('#compose_to .recipient-input input[type=text]').first();
  await input.click();
  await input.pressSequentially(`${to},`);
  await waitFor(
    async () => (await page.locator('textarea#_to').inputValue()).includes(to),
    'recipient in #_to',
  );
  await page.locator('input#compose-subject').fill(subject);
}

async function sendAndExpectOne(page, sinkDir, subject) {
  const before = delivered(sinkDir).length;
  await page.locator('button.btn.btn-primary.send').click();
  await waitFor(() => delivered(sinkDir).length > before, `delivery of "${subject}"`);
  // Give a duplicate delivery a chance to show up before counting.
  await page.waitForURL((u) => !u.searchParams.has('_id') || u.searchParams.get('_action') !== 'compose', {
    timeout: 15_000,
  });
  await new Promise((r) => setTimeout(r, 300));
  const after = delivered(sinkDir);
  const mine = after.filter((m) => m.subject === subject);
  assert(after.length - before === 1, `exactly one new delivery (got ${after.length - before})`);
  assert(mine.length === 1, `exactly one message with subject "${subject}" (got ${mine.length})`);
  return mine[0];
}

async function main() {
  console.log('roundcube smoke');
  const env = startStack();
  mark('start.sh (setup if needed + wait for HTTP)');
  const { RC_URL: url, RC_USER: user, RC_PASS: pass, RC_SMTP_SINK_DIR: sinkDir } = env;
  assert(url && user && pass && sinkDir, 'start.sh printed RC_URL, RC_USER, RC_PASS, RC_SMTP_SINK_DIR');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (d) => d.accept()); // HTML toggle confirm(), leave-page prompts
    mark('launch chromium');

    await page.goto(url);
    await page.locator('#rcmloginuser').fill(user);
    await page.locator('#rcmloginpwd').fill(pass);
    await page.locator('#rcmloginsubmit').click();
    await page.waitForURL(/_task=mail/);
    await page.locator('#messagelist, #mailboxlist').first().waitFor();
    mark('login');

    // --- plain text compose
    await openCompose(page, url);
    assert(await page.locator('textarea#composebody').isVisible(), 'plain-text textarea is visible');
    mark('open compose (plain)');
    const stamp = Date.now();
    const subject1 = `MRC smoke plain ${stamp}`;
    await fillHeaders(page, 'bob@example.test', subject1);
    await page.locator('textarea#composebody').fill('Hello Bob,\n\nThis is a plain-text smoke test.\n');
    const msg1 = await sendAndExpectOne(page, sinkDir, subject1);
    assert(/X-Sink-Rcpt-To: .*bob@example\.test/.test(msg1.text), 'envelope recipient is bob@example.test');
    assert(msg1.text.includes('plain-text smoke test'), 'body delivered');
    mark(`send plain + sink has exactly 1 (${msg1.file})`);

    // --- HTML (TinyMCE) compose via the per-compose editor toggle
    await openCompose(page, url);
    // Elastic hides select#editor-selector (pretty-select) and shows a toolbar button above the textarea
    // (a.mce-i-html, "HTML") that switches this compose to TinyMCE, as a person would click it.
    const toggle = page.locator('#composebodycontainer a.mce-i-html');
    if (await toggle.isVisible()) await toggle.click();
    else await page.locator('select#editor-selector').selectOption('html', { force: true });
    const iframe = page.locator('iframe#composebody_ifr');
    await iframe.waitFor();
    const body = page.frameLocator('iframe#composebody_ifr').locator('body#tinymce[contenteditable=true]');
    await body.waitFor();
    assert(!(await page.locator('textarea#composebody').isVisible()), 'textarea hidden in HTML mode');
    mark('open compose + switch to HTML (TinyMCE iframe found)');
    const typed = 'Typed into TinyMCE by the smoke test';
    await body.click();
    await page.keyboard.type(typed);
    const text = await body.innerText();
    assert(text.includes(typed), `editor body contains the typed text (got ${JSON.stringify(text)})`);
    mark('type into TinyMCE body');
    const subject2 = `MRC smoke html ${stamp}`;
    await fillHeaders(page, 'bob@example.test', subject2);
    const msg2 = await sendAndExpectOne(page, sinkDir, subject2);
    assert(/Content-Type: text\/html/i.test(msg2.text), 'HTML part delivered');
    assert(msg2.text.includes(typed), 'typed text delivered');
    mark(`send HTML + sink has exactly 1 (${msg2.file})`);
  } finally {
    await browser.close();
  }
  if (process.argv.includes('--stop'))
    execFileSync('bash', [path.join(HERE, 'stop.sh')], { stdio: 'inherit' });
  console.log(`PASS roundcube smoke in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

main().catch((e) => {
  console.error(`FAIL roundcube smoke: ${e?.stack ?? e}`);
  process.exitCode = 1;
});
