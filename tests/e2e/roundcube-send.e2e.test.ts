/**
 * Check at Send (issue #4) on a real Roundcube 1.6 on loopback (scripts/roundcube), in Chromium with the built
 * extension. Roundcube's Send is a server-rendered button with an inline `onclick="rcmail.command('send',…)"`, and
 * what it delivers goes to an SMTP sink that saves one file per message, so every test counts real deliveries:
 * - confirm path (plain text and TinyMCE): exactly one message, with the same subject, recipient and body;
 * - "Go back and edit": none, and the draft is intact;
 * - an injected exception in the extension: exactly one;
 * - the keyboard path (Tab to Send, Enter) behaves like the click (core Roundcube has no send shortcut);
 * - advise and off never hold;
 * - risk first (issue #13), the default mode: a non-compliant appeal is `stop` and held; a compliant one is
 *   `review` until consent is answered, then `ok` and sent at once; a service notice with 60
 *   addresses in To is `stop` before Send and held; a fix goes in on click (plain text and TinyMCE) and one
 *   Ctrl+Z takes it out, the body byte-identical.
 *
 * Runs its own stack (MRC_RC_DIR and ports of its own, so another test file's stack is never touched), started
 * here and stopped afterwards. Skipped, with the reason, only outside CI on a machine that cannot run Roundcube.
 * Needs a development build: `MRC_OUT_DIR=… MRC_DEV_HOSTS=1 npx vite build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  login,
  openCompose,
  type RoundcubeEnv,
  roundcubeAvailability,
  roundcubeSkipReason,
  type SinkMessage,
  settle,
  sinkMessages,
  startRoundcube,
  stopRoundcube,
  switchToHtml,
} from '../roundcube/roundcube.ts';
import { DIST, type ExtensionBrowser, launchWithExtension } from './browser.ts';

const availability = roundcubeAvailability();
const skipReason = roundcubeSkipReason(availability);
if (skipReason) console.warn(`[roundcube send-check e2e] skipped: ${skipReason}`);

/** A stack of this file's own: state dir and ports differ from scripts/roundcube's defaults. */
const STACK_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  MRC_RC_DIR: '/tmp/mrc-roundcube-send-check',
  RC_HTTP_PORT: '38380',
  RC_IMAP_PORT: '38443',
  RC_SMTP_PORT: '38325',
};

const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today.';
const SERVICE = 'From Monday 4 January your collection day changes to Tuesday. No action is needed.';
const TO = 'bob@example.test';
const PLAIN_HOST = '[data-mrc-host][data-mrc-for="composebody"]';
const HTML_HOST = '[data-mrc-host][data-mrc-for="composebody_ifr"]';

type Mode = 'off' | 'advise' | 'confirm' | 'risk';

let env: RoundcubeEnv;
let ext: ExtensionBrowser;
let worker: Worker;
let page: Page;
const pageErrors: string[] = [];
let counter = 0;

const dialogOf = (p: Page) => p.locator('[data-mrc-host="send-check"] [role="alertdialog"]');
const verdictOf = (p: Page, host: string) =>
  p
    .locator(host)
    .getAttribute('data-mrc-verdict', { timeout: 500 })
    .catch(() => null);
const delivered = (subject: string): SinkMessage[] =>
  sinkMessages(env.RC_SMTP_SINK_DIR).filter((m) => m.subject === subject);

async function setMode(mode: Mode) {
  await worker.evaluate((m) => chrome.storage.sync.set({ sendCheckMode: m }), mode);
  // The content script follows storage changes; give the change a moment to arrive.
  await page.waitForTimeout(200);
}

/**
 * A fresh compose with recipients (by default one), a unique subject and `body` in plain text (or TinyMCE with
 * `html`). Recipients are typed into Roundcube's own recipient widget, as a writer would.
 */
async function compose(body: string, opts: { html?: boolean; label: string; to?: string[] }) {
  const subject = `Winter appeal ${Date.now()}-${++counter} ${opts.label}`;
  await openCompose(page, env);
  const input = page.locator('#compose_to .recipient-input input[type=text]').first();
  await input.click();
  const to = opts.to ?? [TO];
  // Typing 60 addresses is about 1,200 keys; on a loaded CI machine that outlasts Playwright's 30 s action limit
  // (ci18) before anything of the extension is involved.
  await input.pressSequentially(to.map((a) => `${a},`).join(''), { timeout: 180_000 });
  await page.waitForFunction(
    (last) => (document.getElementById('_to') as HTMLTextAreaElement).value.includes(last),
    to.at(-1)!,
  );
  await page.locator('input#compose-subject').fill(subject);
  if (opts.html) {
    await switchToHtml(page);
    await page.frameLocator('iframe#composebody_ifr').locator('body#tinymce').click();
    // One input event, as a paste gives: these tests count sends, and typing is tested in roundcube.e2e.
    await page.keyboard.insertText(body);
  } else {
    await page.locator('textarea#composebody').fill(body);
  }
  return subject;
}

async function waitVerdict(host: string, level: RegExp) {
  await expect.poll(() => verdictOf(page, host), { timeout: 15_000 }).toMatch(level);
}

/** Waits for the one delivery of `subject`, then long enough for a duplicate to arrive, and returns them all. */
async function deliveredOnce(subject: string) {
  await expect.poll(() => delivered(subject).length, { timeout: 20_000 }).toBeGreaterThan(0);
  await page.waitForTimeout(1500);
  return delivered(subject);
}

describe.skipIf(!!skipReason)('Check at Send on a real Roundcube', () => {
  beforeAll(async () => {
    const manifestPath = path.join(DIST, 'manifest.json');
    if (!existsSync(manifestPath))
      throw new Error(`${DIST} is missing: run \`MRC_DEV_HOSTS=1 npx vite build\` first`);
    if (!readFileSync(manifestPath, 'utf8').includes('http://127.0.0.1/*'))
      throw new Error(
        `${DIST} was built without MRC_DEV_HOSTS=1: Roundcube on loopback gets no content script`,
      );
    env = startRoundcube(STACK_ENV);
    ext = await launchWithExtension();
    worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    // The HTML switch asks with confirm(); leaving an unsent compose asks before unload.
    page.on('dialog', (d) => void d.accept());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await login(page, env);
  }, 180_000);

  afterAll(async () => {
    await ext?.close();
    if (env) stopRoundcube(STACK_ENV);
  });

  test('confirm (plain text): held with the dialog; "Send anyway" delivers exactly one, same content', async () => {
    await setMode('confirm');
    const subject = await compose(APPEAL, { label: 'confirm-plain' });
    await waitVerdict(PLAIN_HOST, /^(yes|likely)$/);
    await page.locator('button.btn.btn-primary.send').click();
    await dialogOf(page).waitFor();
    await page.waitForTimeout(1000);
    expect(delivered(subject)).toHaveLength(0);
    await dialogOf(page).getByLabel('Reason for sending anyway (optional)').fill('Trustees approved');
    await dialogOf(page).getByRole('button', { name: 'Send anyway' }).click();
    const got = await deliveredOnce(subject);
    expect(got).toHaveLength(1);
    expect(got[0]!.rcptTo).toContain(TO);
    expect(got[0]!.raw.replace(/=\r?\n/g, '')).toContain('Please donate today.');
    await settle(page);
  });

  test('confirm (TinyMCE): held; "Send anyway" delivers exactly one HTML message', async () => {
    await setMode('confirm');
    const subject = await compose(APPEAL, { html: true, label: 'confirm-html' });
    await waitVerdict(HTML_HOST, /^(yes|likely)$/);
    await page.locator('button.btn.btn-primary.send').click();
    await dialogOf(page).waitFor();
    await dialogOf(page).getByRole('button', { name: 'Send anyway' }).click();
    const got = await deliveredOnce(subject);
    expect(got).toHaveLength(1);
    expect(got[0]!.raw).toMatch(/Content-Type: text\/html/i);
    expect(got[0]!.raw.replace(/=\r?\n/g, '')).toContain('Please donate today.');
    await settle(page);
  });

  test('"Go back and edit" delivers none; the draft is intact and focused; sending later still works', async () => {
    await setMode('confirm');
    const subject = await compose(APPEAL, { label: 'go-back' });
    await waitVerdict(PLAIN_HOST, /^(yes|likely)$/);
    await page.locator('button.btn.btn-primary.send').click();
    await dialogOf(page).waitFor();
    await dialogOf(page).getByRole('button', { name: 'Go back and edit' }).click();
    await dialogOf(page).waitFor({ state: 'detached' });
    await page.waitForTimeout(2000);
    expect(delivered(subject)).toHaveLength(0);
    expect(await page.locator('textarea#composebody').inputValue()).toBe(APPEAL);
    expect(await page.locator('input#compose-subject').inputValue()).toBe(subject);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composebody');
    // Escape is "go back" too.
    await page.locator('button.btn.btn-primary.send').click();
    await dialogOf(page).waitFor();
    await page.keyboard.press('Escape');
    await dialogOf(page).waitFor({ state: 'detached' });
    await page.waitForTimeout(1000);
    expect(delivered(subject)).toHaveLength(0);
    // Not stuck: the writer confirms the same draft and it goes, once.
    await page.locator('button.btn.btn-primary.send').click();
    await dialogOf(page).getByRole('button', { name: 'Send anyway' }).click();
    expect(await deliveredOnce(subject)).toHaveLength(1);
    await settle(page);
  });

  test('keyboard: Tab to Send and Enter behaves like the click (held, then exactly one)', async () => {
    await setMode('confirm');
    const subject = await compose(APPEAL, { label: 'keyboard' });
    await waitVerdict(PLAIN_HOST, /^(yes|likely)$/);
    await page.locator('button.btn.btn-primary.send').focus();
    await page.keyboard.press('Enter');
    await dialogOf(page).waitFor();
    await page.waitForTimeout(1000);
    expect(delivered(subject)).toHaveLength(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await deliveredOnce(subject)).toHaveLength(1);
    await settle(page);
  });

  test('fail open: an exception in the extension still delivers exactly one, with no dialog', async () => {
    await setMode('confirm');
    const subject = await compose(APPEAL, { label: 'fault' });
    await waitVerdict(PLAIN_HOST, /^(yes|likely)$/);
    await page.evaluate(() => document.documentElement.setAttribute('data-mrc-test-fault', 'decide'));
    await page.locator('button.btn.btn-primary.send').click();
    expect(await deliveredOnce(subject)).toHaveLength(1);
    expect(await dialogOf(page).count()).toBe(0);
    await settle(page);
  });

  test('fail open: a dialog that fails to render releases the send: exactly one', async () => {
    await setMode('confirm');
    const subject = await compose(APPEAL, { label: 'fault-dialog' });
    await waitVerdict(PLAIN_HOST, /^(yes|likely)$/);
    await page.evaluate(() => document.documentElement.setAttribute('data-mrc-test-fault', 'dialog'));
    await page.locator('button.btn.btn-primary.send').click();
    expect(await deliveredOnce(subject)).toHaveLength(1);
    await settle(page);
  });

  test('advise never holds: exactly one', async () => {
    await setMode('advise');
    const subject = await compose(APPEAL, { label: 'advise' });
    await waitVerdict(PLAIN_HOST, /^(yes|likely)$/);
    await page.locator('button.btn.btn-primary.send').click();
    expect(await dialogOf(page).count()).toBe(0);
    expect(await deliveredOnce(subject)).toHaveLength(1);
    await settle(page);
  });

  test('off never holds: exactly one', async () => {
    await setMode('off');
    const subject = await compose(APPEAL, { label: 'off' });
    await waitVerdict(PLAIN_HOST, /^(yes|likely)$/);
    await page.locator('button.btn.btn-primary.send').click();
    expect(await dialogOf(page).count()).toBe(0);
    expect(await deliveredOnce(subject)).toHaveLength(1);
    await settle(page);
  });

  test('confirm: a service message goes straight through, exactly one', async () => {
    await setMode('confirm');
    const subject = await compose(SERVICE, { label: 'service' });
    await waitVerdict(PLAIN_HOST, /^(no|unlikely)$/);
    await page.locator('button.btn.btn-primary.send').click();
    expect(await dialogOf(page).count()).toBe(0);
    expect(await deliveredOnce(subject)).toHaveLength(1);
    await settle(page);
  });

  // Risk first (issue #13): the default mode holds only at `stop`.
  const riskOf = (host: string) =>
    page
      .locator(host)
      .getAttribute('data-mrc-risk', { timeout: 500 })
      .catch(() => null);
  /** Presses Send and waits for the dialog that holds it; returns the problems it lists, by check id. */
  async function sendHeld(): Promise<(string | null)[]> {
    await page.locator('button.btn.btn-primary.send').click();
    await dialogOf(page).waitFor();
    return dialogOf(page)
      .locator('[data-mrc-problem]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-mrc-problem')));
  }
  const OPT_OUT_LINE =
    'To stop receiving these emails from [your organisation], unsubscribe here: [unsubscribe link]';

  test('risk: a non-compliant appeal is stop with 2 problems, and the default mode holds it', async () => {
    await setMode('risk');
    const subject = await compose(APPEAL, { label: 'risk-appeal' });
    await expect.poll(() => riskOf(PLAIN_HOST), { timeout: 15_000 }).toBe('stop');
    expect(await page.locator(PLAIN_HOST).getAttribute('data-mrc-problems')).toBe('2');
    expect(await sendHeld()).toEqual(['opt-out-missing', 'sender-unidentified']);
    await dialogOf(page).getByRole('button', { name: 'Go back and edit' }).click();
    await page.waitForTimeout(1500);
    expect(delivered(subject)).toHaveLength(0);
    await settle(page);
  });

  test('risk: a service notice with 60 addresses in To is stop before Send, and held at Send', async () => {
    await setMode('risk');
    const residents = Array.from({ length: 60 }, (_, i) => `r${i}@example.test`);
    const subject = await compose(SERVICE, { label: 'risk-exposed', to: residents });
    await waitVerdict(PLAIN_HOST, /^(no|unlikely)$/);
    await expect.poll(() => riskOf(PLAIN_HOST), { timeout: 15_000 }).toBe('stop');
    expect(await page.locator(PLAIN_HOST).getAttribute('data-mrc-problems')).toBe('1');
    expect(await sendHeld()).toEqual(['recipients-exposed']);
    await page.waitForTimeout(1000);
    expect(delivered(subject)).toHaveLength(0);
    await dialogOf(page).getByRole('button', { name: 'Go back and edit' }).click();
    await page.waitForTimeout(1000);
    expect(delivered(subject)).toHaveLength(0);
    await settle(page);
  }, 240_000); // the 60 addresses are typed key by key (see compose)

  test('risk: a compliant appeal is review until consent is answered, then ok, and sends at once', async () => {
    await setMode('risk');
    // Answers are remembered per recipient list (issue #13 item 5): start from none.
    await worker.evaluate(() => chrome.storage.local.remove('rememberedAnswers'));
    const compliant = `${APPEAL}\n\nHope Trust, registered charity number 1234567. To stop these emails, reply UNSUBSCRIBE.`;
    const subject = await compose(compliant, { label: 'risk-compliant' });
    await expect.poll(() => riskOf(PLAIN_HOST), { timeout: 15_000 }).toBe('review');
    expect(await page.locator(PLAIN_HOST).getAttribute('data-mrc-problems')).toBe('0');
    await page.locator(`${PLAIN_HOST} .badge`).click();
    await page.locator(`${PLAIN_HOST} fieldset[data-field="consent"] button[data-value="yes"]`).click();
    await expect.poll(() => riskOf(PLAIN_HOST), { timeout: 10_000 }).toBe('ok');
    await page.locator('button.btn.btn-primary.send').click();
    expect(await deliveredOnce(subject)).toHaveLength(1);
    expect(await dialogOf(page).count()).toBe(0);
    await settle(page);
  });

  test('fix in one click (plain text): the unsubscribe line goes in; one Ctrl+Z takes it out, byte-identical', async () => {
    await setMode('risk');
    await compose(APPEAL, { label: 'fix-plain' });
    await expect.poll(() => riskOf(PLAIN_HOST), { timeout: 15_000 }).toBe('stop');
    await page.waitForTimeout(1200);
    const body = page.locator('textarea#composebody');
    const before = await body.inputValue();
    await page.locator(`${PLAIN_HOST} .badge`).click();
    await page.locator(`${PLAIN_HOST} [data-mrc-fix="opt-out-missing"]`).click();
    await expect.poll(() => body.inputValue(), { timeout: 5000 }).toContain(OPT_OUT_LINE);
    // The line of its own, and nothing else changed.
    expect((await body.inputValue()).replace(`\n\n${OPT_OUT_LINE}`, '')).toBe(before);
    await expect
      .poll(() => page.locator(PLAIN_HOST).getAttribute('data-mrc-problems'), { timeout: 10_000 })
      .toBe('1');
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => body.inputValue(), { timeout: 5000 }).toBe(before);
    await settle(page);
  });

  test('fix in one click (TinyMCE): the line goes in through the editor; one Ctrl+Z takes it out, byte-identical', async () => {
    await setMode('risk');
    await compose(APPEAL, { html: true, label: 'fix-html' });
    await expect.poll(() => riskOf(HTML_HOST), { timeout: 15_000 }).toBe('stop');
    await page.waitForTimeout(1200);
    const body = page.frameLocator('iframe#composebody_ifr').locator('body#tinymce');
    const before = await body.evaluate((el) => el.innerHTML);
    await page.locator(`${HTML_HOST} .badge`).click();
    await page.locator(`${HTML_HOST} [data-mrc-fix="opt-out-missing"]`).click();
    await expect.poll(() => body.innerText(), { timeout: 5000 }).toContain(OPT_OUT_LINE);
    const lines = (await body.innerText()).split('\n').filter((l) => l.trim() !== '');
    expect(lines).toEqual([APPEAL, OPT_OUT_LINE]);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => body.evaluate((el) => el.innerHTML), { timeout: 5000 }).toBe(before);
    await settle(page);
  });

  test('no page error along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
