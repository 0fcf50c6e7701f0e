/**
 * Helpers for browser tests against the real loopback Roundcube (scripts/roundcube, issue #3) and its SMTP sink
 * (issue #4). Not a test file: import it from a *.test.ts. Needs root and Debian's apt on first use (setup.sh
 * installs the packages; about 30–65 s cold, under 1 s warm).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const SCRIPTS = path.resolve(import.meta.dirname, '../../scripts/roundcube');
/** The Debian packages setup.sh installs (keep in step with RC_PACKAGES in scripts/roundcube/common.sh). */
export const RC_PACKAGES = [
  'roundcube',
  'roundcube-core',
  'roundcube-sqlite3',
  'roundcube-plugins',
  'dovecot-imapd',
  'nginx',
  'php-fpm',
  'php-sqlite3',
] as const;

function commandExists(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** What roundcubeAvailability asks of the machine (the real one by default; tests give fakes). */
export interface MachineProbe {
  commandExists(cmd: string): boolean;
  /** dpkg-query says the package is installed. */
  installed(pkg: string): boolean;
  isRoot: boolean;
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query expands ${Status} itself
const DPKG_STATUS = '-f=${Status}';

const thisMachine: MachineProbe = {
  commandExists,
  installed: (p) =>
    /install ok installed/.test(
      spawnSync('dpkg-query', ['-W', DPKG_STATUS, p], { encoding: 'utf8' }).stdout ?? '',
    ),
  get isRoot() {
    return process.getuid?.() === 0;
  },
};

export type Availability = { ok: true } | { ok: false; reason: string };

/**
 * Whether this machine can run the stack: the packages are installed, or setup.sh can install them (root with
 * apt-get). Synchronous and cheap (dpkg-query), so a test file can decide at collection time whether to skip.
 */
export function roundcubeAvailability(probe: MachineProbe = thisMachine): Availability {
  if (!probe.commandExists('dpkg-query'))
    return {
      ok: false,
      reason: 'not a Debian-based system (no dpkg-query): Roundcube comes from Debian packages',
    };
  const missing = RC_PACKAGES.filter((p) => !probe.installed(p));
  if (!missing.length) return { ok: true };
  if (!probe.isRoot)
    return {
      ok: false,
      reason: `packages missing (${missing.join(' ')}) and not root: run \`sudo bash scripts/roundcube/setup.sh\``,
    };
  if (!probe.commandExists('apt-get'))
    return { ok: false, reason: `packages missing (${missing.join(' ')}) and no apt-get` };
  return { ok: true };
}

/**
 * Why a Roundcube browser test file skips, or '' when it runs. In CI it always runs (and fails, saying why, when
 * Roundcube cannot start): a missing Roundcube must never turn into a green run.
 */
export function roundcubeSkipReason(
  availability: Availability,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return !availability.ok && !env.CI ? availability.reason : '';
}

/** True when every service of the stack runs (scripts/roundcube/status.sh exits 0). */
export function roundcubeRunning(env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync('bash', [path.join(SCRIPTS, 'status.sh')], { env, stdio: 'ignore' }).status === 0;
}

export interface RoundcubeEnv {
  /** Base URL with trailing slash, e.g. http://127.0.0.1:38080/ */
  RC_URL: string;
  RC_USER: string;
  RC_PASS: string;
  /** One `<time_ns>-<seq>.eml` file per delivered message. */
  RC_SMTP_SINK_DIR: string;
  [key: string]: string;
}

/** Runs scripts/roundcube/start.sh (setup first when needed; no-op when running) and returns its KEY=VALUE lines. */
export function startRoundcube(env: NodeJS.ProcessEnv = process.env): RoundcubeEnv {
  const out = execFileSync('bash', [path.join(SCRIPTS, 'start.sh')], {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 10 * 60_000,
  });
  const vars: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) vars[line.slice(0, i)] = line.slice(i + 1);
  }
  for (const k of ['RC_URL', 'RC_USER', 'RC_PASS', 'RC_SMTP_SINK_DIR']) {
    if (!vars[k]) throw new Error(`start.sh did not print ${k}`);
  }
  return vars as RoundcubeEnv;
}

export function stopRoundcube(env: NodeJS.ProcessEnv = process.env): void {
  execFileSync('bash', [path.join(SCRIPTS, 'stop.sh')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

export interface SinkMessage {
  file: string;
  subject: string;
  /** Envelope recipients as the sink saw them (RCPT TO). */
  rcptTo: string;
  raw: string;
}

/** Messages the SMTP sink has received, oldest first. */
export function sinkMessages(sinkDir: string): SinkMessage[] {
  return readdirSync(sinkDir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((file) => {
      const raw = readFileSync(path.join(sinkDir, file), 'utf8');
      const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
      return { file, subject: header('Subject'), rcptTo: header('X-Sink-Rcpt-To'), raw };
    });
}

/**
 * Appends a message to the user's INBOX over IMAP (Python's imaplib: python3 is already needed by the SMTP sink)
 * and returns its UID, e.g. for a reply composer: `?_task=mail&_action=compose&_reply_uid=UID&_mbox=INBOX`.
 */
export function seedMessage(
  env: RoundcubeEnv,
  message: { from: string; subject: string; body: string; date?: Date },
): number {
  const script = String.raw`
import imaplib, json, sys, time, email.utils
a = json.load(sys.stdin)
m = imaplib.IMAP4(a["host"], int(a["port"]))
m.login(a["user"], a["pass"])
raw = ("From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s@example.test>\r\n"
       "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n") % (
  a["from"], a["user"], a["subject"], email.utils.formatdate(a["date"]), a["id"], a["body"].replace("\n", "\r\n"))
typ, data = m.append("INBOX", None, imaplib.Time2Internaldate(time.time()), raw.encode("utf-8"))
m.logout()
resp = data[0].decode()
uid = resp.split("APPENDUID", 1)[1].split("]")[0].split()[1]
print(uid)
`;
  const out = execFileSync('python3', ['-c', script], {
    encoding: 'utf8',
    input: JSON.stringify({
      host: env.RC_IMAP_HOST ?? '127.0.0.1',
      port: env.RC_IMAP_PORT ?? '38143',
      user: env.RC_USER,
      pass: env.RC_PASS,
      from: message.from,
      subject: message.subject,
      body: message.body,
      date: (message.date ?? new Date()).getTime() / 1000,
      id: `seed-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    }),
  });
  const uid = Number(out.trim());
  if (!Number.isInteger(uid)) throw new Error(`IMAP APPEND gave no UID: ${out}`);
  return uid;
}

// ------------------------------------------------------------------------------------ browser helpers (Playwright)

/** Logs in on the login page and waits for the mail view to settle. */
export async function login(page: Page, env: RoundcubeEnv): Promise<void> {
  await page.goto(env.RC_URL);
  await page.locator('#rcmloginuser').fill(env.RC_USER);
  await page.locator('#rcmloginpwd').fill(env.RC_PASS);
  await page.locator('#rcmloginsubmit').click();
  await page.waitForURL(/_task=mail/);
  await page.locator('#messagelist, #mailboxlist').first().waitFor();
}

/**
 * Waits until Roundcube has no request of its own running (jQuery's `$.active` count of its AJAX calls is 0, twice,
 * 250 ms apart). Playwright's `networkidle` is not used: on a compose page that had TinyMCE it sometimes never
 * fired although no request was pending.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  for (let i = 0; i < 2; i++) {
    await page.waitForFunction(
      () => {
        const jq = (window as unknown as { jQuery?: { active: number } }).jQuery;
        return !jq || jq.active === 0;
      },
      null,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(250);
  }
}

/**
 * Opens a compose page (`query` adds e.g. `&_reply_uid=3&_mbox=INBOX`) and waits until it is ready.
 * Roundcube keeps compose state in the PHP session, and a request still running from the previous page can save
 * the session over it ("Requested compose session not found"): let the page settle first, and retry (README).
 */
export async function openCompose(page: Page, env: RoundcubeEnv, query = ''): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await settle(page);
    await page.goto(`${env.RC_URL}?_task=mail&_action=compose${query}`);
    const ready = page.locator('textarea#composebody');
    const lost = page.getByText('Requested compose session not found');
    await ready.or(lost).first().waitFor({ state: 'attached' });
    if ((await ready.count()) > 0) break;
    if (attempt >= 3) throw new Error('compose session lost 3 times');
  }
  // The Send button stays disabled until rcmail has initialised.
  await page.locator('button.btn.btn-primary.send:not([disabled])').waitFor();
  await settle(page);
}

/** Adds recipients through the visible widget, as a person pasting a list would; waits for the hidden `#_to` list. */
export async function addRecipients(page: Page, addresses: readonly string[], row = 'to'): Promise<void> {
  const input = page.locator(`#compose_${row} .recipient-input input[type=text]`).first();
  await input.click();
  await input.fill(addresses.join(', '));
  await input.press(',');
  const last = addresses[addresses.length - 1] ?? '';
  await page.waitForFunction(
    ([id, addr]) => (document.getElementById(id!) as HTMLTextAreaElement | null)?.value.includes(addr!),
    [`_${row}`, last],
  );
}

/**
 * Switches this compose to HTML (TinyMCE) with Elastic's toolbar button above the textarea (it asks with
 * `confirm()` when the body has text: the caller's dialog handler must accept) and waits for the editable body.
 */
export async function switchToHtml(page: Page): Promise<void> {
  const toggle = page.locator('#composebodycontainer .editor-toolbar a.mce-i-html');
  if (await toggle.isVisible()) await toggle.click();
  else await page.locator('select#editor-selector').selectOption('html', { force: true });
  await page.frameLocator('iframe#composebody_ifr').locator('body#tinymce[contenteditable=true]').waitFor();
}

/** Switches back to plain text (TinyMCE's "Plain text" toolbar button) and waits for the textarea. */
export async function switchToPlain(page: Page): Promise<void> {
  await page.locator('.tox-tinymce button[aria-label="Plain text"]').click();
  await page.locator('textarea#composebody').waitFor({ state: 'visible' });
}

/**
 * Sets the plain-text signature of the test user's identity directly in the stack's SQLite database (the identity
 * exists once the user has logged in). An empty string removes it.
 */
export function setSignature(env: RoundcubeEnv, text: string): void {
  const db = path.join(env.MRC_RC_DIR ?? '/tmp/mrc-roundcube', 'rc/db/roundcube.db');
  const out = execFileSync(
    'python3',
    [
      '-c',
      `
import json, sqlite3, sys
a = json.load(sys.stdin)
c = sqlite3.connect(a["db"], timeout=10)
n = c.execute("UPDATE identities SET signature = ?, html_signature = 0 WHERE email = ? AND del = 0", (a["sig"], a["user"])).rowcount
c.commit()
print(n)
`,
    ],
    { encoding: 'utf8', input: JSON.stringify({ db, sig: text, user: env.RC_USER }) },
  );
  if (Number(out.trim()) < 1) throw new Error(`no identity for ${env.RC_USER} in ${db} (log in first)`);
}
