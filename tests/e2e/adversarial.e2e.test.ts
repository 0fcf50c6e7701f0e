/**
 * Adversarial pages against Check at Send (issue 11, faults 4–7), in Chromium with the built extension. Each page
 * is a plain compose form whose "webmail" records every send it acts on in `#fixture-sent`; each test counts them:
 * exactly one after "Send anyway", none after "Go back", and never a state where Send does nothing. The override
 * log must hold only the entries the user made.
 * - a page that hides our dialog with CSS, removes its host, or rewrites the host's style;
 * - a composer in fullscreen, before the dialog and after it opened;
 * - a page script clicking and typing into our dialog (open shadow root), and firing 2,100 synthetic sends;
 * - Send buttons that act on mousedown, mouseup or pointerup;
 * - a composer the page redraws while the dialog is open.
 * Needs a development build (`npm run build:dev`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, type ExtensionBrowser, launchWithExtension } from './browser.ts';

const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today.';

/** The page: `?act=` the event the Send button acts on; `?attack=` what the page does to our UI. */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile webmail (test)</title>
<style>body { font: 15px/1.5 sans-serif; margin: 1rem; } #body { min-height: 160px; border: 1px solid #999; }
form:fullscreen { background: #fff; padding: 2rem; }</style>
<style id="hide"></style>
</head><body>
<form id="compose" aria-label="New message" onsubmit="return false">
  <input name="to" value="supporters@example.org" aria-label="To">
  <input name="subject" id="subject" value="Our winter appeal" aria-label="Subject">
  <div id="body" contenteditable="true" aria-label="Message body"><p><br></p></div>
  <button type="button" id="send">Send</button>
  <button type="button" id="full">Full screen</button>
</form>
<ol id="fixture-sent"></ol>
<script>
  const q = new URLSearchParams(location.search);
  const act = q.get('act') || 'click';
  const attack = q.get('attack') || '';
  let form = document.getElementById('compose');
  const wire = (f) => {
    f.querySelector('#send').addEventListener(act, () => {
      if (!f.isConnected) return;
      const li = document.createElement('li');
      li.dataset.body = f.querySelector('#body').innerText;
      li.dataset.trusted = 'page';
      document.getElementById('fixture-sent').append(li);
      f.remove();
    });
    f.querySelector('#full').addEventListener('click', () => f.requestFullscreen());
  };
  wire(form);
  if (attack === 'hide-css')
    document.getElementById('hide').textContent =
      'html > div { display: none !important } [data-mrc-host] { display: none !important; visibility: hidden !important; opacity: 0 !important }';
  const isDialogHost = (n) => n.nodeType === 1 && n.getAttribute('data-mrc-host') === 'send-check';
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (!isDialogHost(n)) continue;
      if (attack === 'remove') setTimeout(() => n.remove(), 50);
      if (attack === 'restyle') setTimeout(() => n.setAttribute('style', 'display: none'), 50);
      if (attack === 'fullscreen-after') setTimeout(() => form.requestFullscreen().catch(() => {}), 50);
      if (attack === 'replace') setTimeout(() => {
        // A webmail re-render: a new compose element with the same draft replaces the old one.
        const fresh = form.cloneNode(true);
        wire(fresh);
        form.replaceWith(fresh);
        form = fresh;
      }, 300);
    }
  }).observe(document.documentElement, { childList: true });
</script>
</body></html>`;

let server: Server;
let base: string;
let ext: ExtensionBrowser;
let worker: Worker;
const errors: string[] = [];
/** "Send anyway" clicks the user (the test, through real input) made in this suite. */
let genuineOverrides = 0;

const dialogOf = (p: Page) => p.locator('[data-mrc-host="send-check"] [role="alertdialog"]');
const noticeOf = (p: Page, kind: string) =>
  p.locator(`[data-mrc-host="send-check"] [data-mrc-notice="${kind}"]`);
const sentCount = (p: Page) => p.locator('#fixture-sent li').count();
const badgeHost = (p: Page) => p.locator('[data-mrc-host]:not([data-mrc-host="send-check"])').first();

async function overrideLog(): Promise<Record<string, unknown>[]> {
  const got = await worker.evaluate(() => chrome.storage.local.get('overrideLog'));
  return (got.overrideLog as Record<string, unknown>[] | undefined) ?? [];
}

async function open(query: string): Promise<Page> {
  await worker.evaluate(() => chrome.storage.sync.set({ sendCheckMode: 'confirm' }));
  const p = await ext.context.newPage();
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(`${base}page.html${query}`);
  await p.locator('#body').click();
  await p.keyboard.type(APPEAL);
  await expect
    .poll(
      () =>
        badgeHost(p)
          .getAttribute('data-mrc-verdict', { timeout: 500 })
          .catch(() => null),
      {
        timeout: 15_000,
      },
    )
    .toMatch(/^(yes|likely)$/);
  return p;
}

/** Waits long enough for a second send to show up, then counts. */
async function settled(p: Page) {
  await p.waitForTimeout(800);
  return sentCount(p);
}

/**
 * With the dialog open: "Go back" sends nothing; Send again and "Send anyway" sends exactly one (counted as a
 * genuine override for the log check).
 */
async function backThenSendAnyway(p: Page) {
  await dialogOf(p).getByRole('button', { name: 'Go back and edit' }).click();
  expect(await settled(p)).toBe(0);
  await p.locator('#send').click();
  await dialogOf(p).getByRole('button', { name: 'Send anyway' }).click();
  genuineOverrides++;
  await expect.poll(() => sentCount(p)).toBe(1);
  expect(await settled(p)).toBe(1);
}

/** The dialog is really what the user sees: open as a modal, and on top at its centre. */
function dialogOnTop(p: Page) {
  return p.evaluate(() => {
    const host = document.querySelector('[data-mrc-host="send-check"]');
    const d = host?.shadowRoot?.querySelector('dialog');
    if (!host || !d?.open) return false;
    const r = d.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + 40) === host;
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'manifest.json')))
    throw new Error(`${DIST} is missing: run \`npm run build:dev\` first`);
  if (!readFileSync(path.join(DIST, 'manifest.json'), 'utf8').includes('http://127.0.0.1/*'))
    throw new Error(`${DIST} was built without MRC_DEV_HOSTS=1`);
  server = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/page.html'))
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  ext = await launchWithExtension();
  worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
  await worker.evaluate(() => chrome.storage.local.remove('overrideLog'));
});

afterAll(async () => {
  await ext?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a page that hides or removes the dialog (fault 4)', () => {
  test('CSS that hides html > div and [data-mrc-host]: the dialog is still on top; Go back 0, Send anyway 1', async () => {
    const p = await open('?attack=hide-css');
    await p.locator('#send').click();
    await dialogOf(p).waitFor();
    expect(await dialogOnTop(p)).toBe(true);
    await backThenSendAnyway(p);
    await p.close();
  });

  for (const attack of ['remove', 'restyle'] as const) {
    test(`a page that ${attack === 'remove' ? 'removes the dialog’s host' : 'rewrites the host’s style to display:none'}: the send goes once, marked skipped; later Sends are never stuck`, async () => {
      const p = await open(`?attack=${attack}`);
      await p.locator('#send').click();
      // Within a few checks the guard sees the dialog is gone and lets the held send go: exactly once.
      await expect.poll(() => sentCount(p), { timeout: 5000 }).toBe(1);
      expect(await settled(p)).toBe(1);
      expect(await badgeHost(p).count()).toBe(0); // the composer closed on that send
      await p.close();
    });
  }
});

describe('a composer in fullscreen (fault 4)', () => {
  test('fullscreen before Send: the dialog shows above it; Send anyway sends once', async () => {
    const p = await open('');
    await p.locator('#full').click();
    await expect.poll(() => p.evaluate(() => !!document.fullscreenElement)).toBe(true);
    await p.locator('#send').click();
    await dialogOf(p).waitFor();
    expect(await dialogOnTop(p)).toBe(true);
    await dialogOf(p).getByRole('button', { name: 'Send anyway' }).click();
    genuineOverrides++;
    await expect.poll(() => sentCount(p)).toBe(1);
    expect(await settled(p)).toBe(1);
    await p.close();
  });

  test('fullscreen entered over the open dialog: it comes back on top (or the send goes once); never stuck', async () => {
    const p = await open('?attack=fullscreen-after');
    await p.locator('#send').click();
    await p.waitForTimeout(1000);
    if (await dialogOnTop(p)) await backThenSendAnyway(p);
    await expect.poll(() => sentCount(p)).toBe(1);
    expect(await settled(p)).toBe(1);
    await p.close();
  });
});

describe('a page script driving the extension (fault 7)', () => {
  test('synthetic clicks, keys and a typed reason in our dialog do nothing; the user’s own choice still counts', async () => {
    const p = await open('');
    const logBefore = (await overrideLog()).length;
    await p.locator('#send').click();
    await dialogOf(p).waitFor();
    await p.evaluate(() => {
      const root = document.querySelector('[data-mrc-host="send-check"]')!.shadowRoot!;
      const input = root.querySelector<HTMLInputElement>('input')!;
      input.value = 'forged by the page';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const send = root.querySelector<HTMLButtonElement>('[data-action="send"]')!;
      send.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      send.click();
      send.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
      root
        .querySelector('dialog')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      root
        .querySelector('dialog')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(await settled(p)).toBe(0);
    expect(await dialogOf(p).count()).toBe(1);
    expect((await overrideLog()).length).toBe(logBefore);
    // The user goes back: nothing sent; then confirms with a reason of their own: one send, one entry.
    await dialogOf(p).getByRole('button', { name: 'Go back and edit' }).click();
    expect(await settled(p)).toBe(0);
    await p.locator('#send').click();
    await dialogOf(p).getByLabel('Reason for sending anyway (optional)').fill('Board approved');
    await dialogOf(p).getByRole('button', { name: 'Send anyway' }).click();
    genuineOverrides++;
    await expect.poll(() => sentCount(p)).toBe(1);
    await expect.poll(async () => (await overrideLog()).length).toBe(logBefore + 1);
    expect((await overrideLog()).at(-1)?.reason).toBe('Board approved');
    await p.close();
  });

  test('2,100 synthetic sends: never more than one dialog or send, never a log entry', async () => {
    const p = await open('');
    const logBefore = (await overrideLog()).length;
    const fire = () =>
      p.evaluate(() => {
        const send = document.getElementById('send');
        for (let i = 0; i < 2100 && send?.isConnected; i++)
          send.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 0 }));
      });
    // Right after the user typed (the browser counts them as active), a synthetic click on Send is checked like
    // a webmail's own shortcut-turned-click: one dialog, the other 2,099 swallowed while it is open.
    await fire();
    expect(await dialogOf(p).count()).toBe(1);
    expect(await settled(p)).toBe(0);
    await dialogOf(p).getByRole('button', { name: 'Go back and edit' }).click();
    // Once the user's activation has lapsed (5 s; Playwright's evaluate counts as a gesture, so the page script
    // fires on its own timer), a page script's click on its own button is its own business: the page's handler
    // acts on the first and closes the form; nothing is held or logged.
    await p.evaluate(() => {
      setTimeout(() => {
        const send = document.getElementById('send');
        for (let i = 0; i < 2100 && send?.isConnected; i++)
          send.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 0 }));
      }, 5500);
    });
    await p.waitForTimeout(6000);
    expect(await settled(p)).toBe(1);
    expect(await dialogOf(p).count()).toBe(0);
    expect((await overrideLog()).length).toBe(logBefore);
    await p.close();
  });

  test('the badge and panel do not answer a page script either; the organisation’s name is not in the page', async () => {
    await worker.evaluate(() => chrome.storage.sync.set({ organisationName: 'Hope Trust Secret' }));
    const p = await open('');
    await p.evaluate(() => {
      const host = document.querySelector('[data-mrc-host]:not([data-mrc-host="send-check"])')!;
      host.shadowRoot!.querySelector<HTMLButtonElement>('button.badge')!.click();
    });
    await p.waitForTimeout(300);
    expect(await badgeHost(p).locator('.panel').count()).toBe(0);
    await badgeHost(p).locator('button.badge').click();
    await badgeHost(p).locator('.panel').waitFor();
    const inPage = await p.evaluate(() =>
      Array.from(document.querySelectorAll('[data-mrc-host]'), (h) => h.shadowRoot?.textContent ?? '').join(
        ' ',
      ),
    );
    expect(inPage).toContain('Your organisation’s name does not appear');
    expect(inPage).not.toContain('Hope Trust Secret');
    await worker.evaluate(() => chrome.storage.sync.remove('organisationName'));
    await p.close();
  });
});

describe('Send buttons that act on the press (fault 5)', () => {
  for (const act of ['mousedown', 'mouseup', 'pointerup', 'pointerdown'] as const) {
    test(`a Send button acting on ${act}: held whole; Go back 0, Send anyway exactly 1`, async () => {
      const p = await open(`?act=${act}`);
      await p.locator('#send').click();
      await dialogOf(p).waitFor();
      expect(await settled(p)).toBe(0);
      await backThenSendAnyway(p);
      await p.close();
    });
  }
});

describe('a press that ends off the Send button (fault 5)', () => {
  test('pressed on Send, released elsewhere: the held press ends with the dialog, and Send is never stuck', async () => {
    const p = await open('?act=mousedown');
    const box = (await p.locator('#send').boundingBox())!;
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width / 2, box.y + 200);
    await p.mouse.up();
    await dialogOf(p).waitFor({ timeout: 5000 });
    expect(await settled(p)).toBe(0);
    await backThenSendAnyway(p);
    await p.close();
  });
});

describe('a composer replaced while the dialog is open (fault 6)', () => {
  test('Send anyway on a redrawn composer: nothing sent, not logged, a note says so; Send on the new one goes once, logged', async () => {
    const p = await open('?attack=replace');
    const logBefore = (await overrideLog()).length;
    await p.locator('#send').click();
    await dialogOf(p).waitFor();
    await p.waitForTimeout(600); // the page has redrawn the composer meanwhile
    await dialogOf(p).getByRole('button', { name: 'Send anyway' }).click();
    await noticeOf(p, 'not-sent').waitFor();
    expect(await settled(p)).toBe(0);
    expect((await overrideLog()).length).toBe(logBefore);
    // The redrawn composer holds the same draft: its Send goes without asking again, and is logged now.
    await p.locator('#send').click();
    await expect.poll(() => sentCount(p)).toBe(1);
    expect(await settled(p)).toBe(1);
    expect(await dialogOf(p).count()).toBe(0);
    genuineOverrides++;
    await expect.poll(async () => (await overrideLog()).length).toBe(logBefore + 1);
    await p.close();
  });
});

describe('the log and the page', () => {
  test('the override log holds exactly the user’s own confirmations', async () => {
    await expect.poll(async () => (await overrideLog()).length).toBe(genuineOverrides);
    for (const entry of await overrideLog())
      expect(entry.reason === '' || entry.reason === 'Board approved').toBe(true);
  });

  test('no page error', () => {
    expect(errors).toEqual([]);
  });
});
