/**
 * End-to-end tests of the built command: spawn `node bin/marketing-check.mjs` and check exit codes, output shape
 * and behaviour on hostile input. Verdict *values* are not asserted (the classifier is developed separately), only
 * the contract: field names, enum membership, ids, order, exit codes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_VALUES, DM_LEVELS, PURPOSES, ROUTES } from '../../src/core/index.ts';
import { type CliOptions, ensureBuilt, type Result, root, cli as spawnCli } from './spawn-cli.ts';

const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
let dir = '';

const cli = (args: string[], options: CliOptions = {}): Result => spawnCli(args, { cwd: dir, ...options });

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return name;
}

/** No crash output: stack frames or an uncaught error name. */
function expectNoCrash(r: Result): void {
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+/);
  expect(r.stderr).not.toMatch(/^\w*Error:|node:internal/m);
  expect(r.code === 0 || r.code === 1 || r.code === 2).toBe(true);
}

const SEVERITIES = ['info', 'warning', 'error'];

/** Every contract field present with the right type and enum membership. */
function expectVerdict(v: Record<string, unknown>, original?: { subject: string; body: string }): void {
  expect(DM_LEVELS).toContain(v.directMarketing);
  expect([...PURPOSES, 'none']).toContain(v.primaryPurpose);
  const purposes = v.purposes as Record<string, unknown>;
  expect(Object.keys(purposes).sort()).toEqual([...PURPOSES].sort());
  for (const p of PURPOSES) {
    expect(typeof purposes[p]).toBe('number');
    expect(purposes[p]).toBeGreaterThanOrEqual(0);
    expect(purposes[p]).toBeLessThanOrEqual(1);
  }
  expect(ROUTES).toContain(v.route);
  expect(typeof v.summary).toBe('string');
  expect(Array.isArray(v.evidence)).toBe(true);
  for (const e of v.evidence as Record<string, unknown>[]) {
    expect(['subject', 'body']).toContain(e.field);
    expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
    expect(typeof e.text).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(typeof e.patternId).toBe('string');
    expect([...PURPOSES, 'none']).toContain(e.purpose);
    if (original) {
      const source = e.field === 'subject' ? original.subject : original.body;
      expect(source.slice(e.start as number, e.end as number)).toBe(e.text);
    }
  }
  expect(Array.isArray(v.rules)).toBe(true);
  for (const r of v.rules as Record<string, unknown>[]) {
    expect(typeof r.id).toBe('string');
    expect(typeof r.title).toBe('string');
    expect(typeof r.requirement).toBe('string');
    for (const c of r.citations as Record<string, unknown>[]) {
      expect(typeof c.title).toBe('string');
      expect(typeof c.url).toBe('string');
    }
  }
  expect(Array.isArray(v.checks)).toBe(true);
  for (const c of v.checks as Record<string, unknown>[]) {
    expect(typeof c.id).toBe('string');
    expect(SEVERITIES).toContain(c.severity);
    expect(typeof c.message).toBe('string');
  }
  expect(Array.isArray(v.questions)).toBe(true);
  for (const q of v.questions as Record<string, unknown>[]) {
    expect(typeof q.field).toBe('string');
    expect(typeof q.text).toBe('string');
    expect(Array.isArray(q.options)).toBe(true);
  }
}

const TXT_SUBJECT = 'Our summer appeal';
const TXT_BODY =
  'Dear friend,\n\nPlease donate £10 today to help us plant trees.\n\nUnsubscribe: reply STOP.\n';

const EML = `From: Charity <hello@charity.example>
To: "Smith, Jo" <jo@example.com>, sam@example.org
Cc: team@example.net
Subject: =?utf-8?Q?Caf=C3=A9_news_=E2=80=93_20=25_off?=
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="sep"

--sep
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Our caf=C3=A9 is open. Book now and get 20% off your first visit.
--sep
Content-Type: text/html; charset=utf-8

<p>Our caf&eacute; is open.</p>
--sep--
`;

const HTML_EML = `Subject: Html only
Content-Type: text/html; charset=windows-1252
Content-Transfer-Encoding: base64

${Buffer.from('<html><head><style>p{}</style></head><body><p>Sign our petition today</p></body></html>').toString('base64')}
`;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marketing-check-cli-'));
  file('draft.txt', `Subject: ${TXT_SUBJECT}\n\n${TXT_BODY}`);
  file('plain.txt', 'Your order #123 has shipped.\n');
  file('mail.eml', EML.replace(/\n/g, '\r\n'));
  file('html.eml', HTML_EML);
  file('empty.txt', '');
  mkdirSync(join(dir, 'folder'));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('help and version', () => {
  it('--help prints usage, every flag and the allowed values, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = cli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('usage: marketing-check');
      for (const name of [
        '--json',
        '--jsonl',
        '--sender',
        '--channel',
        '--recipient-type',
        '--relationship',
      ]) {
        expect(r.stdout).toContain(name);
      }
      for (const name of ['--consent', '--soft-opt-in', '--solicited', '--sender-name', '--version']) {
        expect(r.stdout).toContain(name);
      }
      for (const values of Object.values(CONTEXT_VALUES)) expect(r.stdout).toContain(values.join('|'));
      expect(r.stdout).toContain('JSON array');
      expect(r.stderr).toBe('');
    }
  });

  it('--version prints the package version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});

describe('readable report', () => {
  it('a .txt file', () => {
    const r = cli(['draft.txt']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('== draft.txt ==');
    expect(r.stdout).toMatch(new RegExp(`^Direct marketing: (${DM_LEVELS.join('|')})`, 'm'));
    expect(r.stdout).toMatch(/^Route: .+ \(([a-z-]+)\)$/m);
    expect(r.stdout).toMatch(
      /^Purposes: promotional \d\.\d\d · fundraising \d\.\d\d · campaigning \d\.\d\d$/m,
    );
  });

  it('an .eml file and an HTML-only .eml', () => {
    for (const name of ['mail.eml', 'html.eml']) {
      const r = cli([name]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`== ${name} ==`);
      expect(r.stdout).toContain('Direct marketing: ');
    }
  });

  it('stdin with -', () => {
    const r = cli(['-'], { input: `Subject: Hi\n\n${TXT_BODY}` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== stdin ==');
    expect(r.stdout).toContain('Direct marketing: ');
  });

  it('stdin that is an e-mail is read as one', () => {
    const r = cli(['--json', '-'], { input: EML });
    expect(r.code).toBe(0);
    expectVerdict(JSON.parse(r.stdout));
  });

  it('several files, each with its own header', () => {
    const r = cli(['draft.txt', 'mail.eml', 'plain.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^== .+ ==$/gm)).toEqual(['== draft.txt ==', '== mail.eml ==', '== plain.txt ==']);
  });

  it('no ANSI codes when not a terminal or with NO_COLOR; colour with FORCE_COLOR', () => {
    expect(cli(['draft.txt']).stdout).not.toContain('\u001b[');
    expect(cli(['draft.txt'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(cli(['draft.txt'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
  });

  it('the route reads as in the extension, and the ICO pages cited are the English ones', () => {
    const r = cli([
      '--sender=charity',
      '--recipient-type=individual',
      '--relationship=supporter',
      '--soft-opt-in=met',
      'draft.txt',
    ]);
    expect(r.code).toBe(0);
    const en = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8'));
    expect(r.stdout).toContain(`Route: ${en.route_charity_soft_opt_in.message} (charity-soft-opt-in)`);
    expect(r.stdout).toContain(
      'https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/the-charitable-purpose-soft-opt-in',
    );
    expect(r.stdout).not.toContain('cy.ico.org.uk');
  });

  it('context flags in both forms are accepted', () => {
    const r = cli([
      '--sender',
      'charity',
      '--channel=email',
      '--recipient-type',
      'individual',
      '--relationship=supporter',
      '--consent',
      'unknown',
      '--soft-opt-in=met',
      '--solicited',
      'no',
      '--sender-name',
      'Tree Trust',
      'draft.txt',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Direct marketing: ');
  });
});

/** A shop's offer as multipart/alternative; the text part has no unsubscribe wording. */
function offerEml(options: { htmlFooter?: string; headers?: string } = {}): string {
  return `From: Garden Shop <news@garden.example>
To: jo@example.com
Subject: Spring sale on garden tools
${options.headers ?? ''}MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Our spring sale starts today: 20% off all garden tools until Sunday. Shop now at garden.example.

Garden Shop Ltd, 1 High Street
--alt
Content-Type: text/html; charset=utf-8

<p>Our spring sale starts today: 20% off all garden tools until Sunday. Shop now at garden.example.</p>
<p>Garden Shop Ltd, 1 High Street</p>${options.htmlFooter ?? ''}
--alt--
`.replace(/\n/g, '\r\n');
}

const checkIds = (r: Result) =>
  (JSON.parse(r.stdout) as { checks: { id: string }[] }).checks.map((c) => c.id);

describe('e-mail files (.eml)', () => {
  const flags = ['--sender=business', '--recipient-type=individual'];

  it('without any opt-out, "no unsubscribe" is reported (the control case)', () => {
    file('offer.eml', offerEml());
    const r = cli(['--json', ...flags, 'offer.eml']);
    expect(r.code).toBe(0);
    expect(checkIds(r)).toContain('opt-out-missing');
  });

  it('an unsubscribe link only in the HTML part counts: the HTML part is read', () => {
    file(
      'footer.eml',
      offerEml({
        htmlFooter: '\n<p><a href="https://garden.example/u/7">Unsubscribe</a> from these emails.</p>',
      }),
    );
    const json = cli(['--json', ...flags, 'footer.eml']);
    expect(json.code).toBe(0);
    expect(checkIds(json)).not.toContain('opt-out-missing');
    const text = cli([...flags, 'footer.eml']);
    expect(text.stdout).toContain('Input: read from the HTML part, which has text the plain-text part lacks');
  });

  it('a List-Unsubscribe header counts as the opt-out route (one-click, link, mailto)', () => {
    const headers = {
      'one-click':
        'List-Unsubscribe: <mailto:leave@garden.example>, <https://garden.example/u/7>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n',
      link: 'List-Unsubscribe: <https://garden.example/u/7>\n',
      mailto: 'List-Unsubscribe: <mailto:leave@garden.example?subject=unsubscribe>\n',
    };
    for (const [kind, h] of Object.entries(headers)) {
      file(`lu-${kind}.eml`, offerEml({ headers: h }));
      const r = cli(['--json', ...flags, `lu-${kind}.eml`]);
      expect(r.code, kind).toBe(0);
      expect(checkIds(r), kind).not.toContain('opt-out-missing');
    }
    const text = cli([...flags, 'lu-one-click.eml']);
    expect(text.stdout).toContain(
      'Input: opt-out route in the headers: List-Unsubscribe with one-click unsubscribe (RFC 8058)',
    );
  });

  it('MIME nested 25 levels deep is read from its text part, not as raw structure', () => {
    let open = '';
    let close = '';
    for (let i = 0; i < 25; i++) {
      open += `--n${i}x\nContent-Type: multipart/mixed; boundary=n${i + 1}x\n\n`;
      close = `\n--n${i + 1}x--${close}`;
    }
    const inner = 'Dear friend, please donate £10 today to keep our shelter open this winter.';
    file(
      'deep.eml',
      `Subject: Appeal\nContent-Type: multipart/mixed; boundary=n0x\n\n${open}--n25x\nContent-Type: text/plain\n\n${inner}${close}\n--n0x--\n`,
    );
    const r = cli(['--json', 'deep.eml']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as { directMarketing: string; evidence: { text: string }[] };
    expect(['yes', 'likely']).toContain(v.directMarketing);
    expect(v.evidence.map((e) => e.text).join(' ')).toMatch(/donate/i);
    expect(r.stdout).not.toContain('multipart');
  });

  it('MIME nested past the limit: a clear message, not raw text read as a draft', () => {
    let open = '';
    for (let i = 0; i < 5000; i++) open += `--n${i}x\nContent-Type: multipart/mixed; boundary=n${i + 1}x\n\n`;
    file(
      'deeper.eml',
      `Subject: Deep\nContent-Type: multipart/mixed; boundary=n0x\n\n${open}--n5000x\n\nhello\n`,
    );
    const r = cli(['deeper.eml']);
    expect(r.code).toBe(1);
    expectNoCrash(r);
    expect(r.stderr).toMatch(
      /deeper\.eml: no text\/plain or text\/html part in the message \(.*nested more than 100 levels/,
    );
  });

  it('a 19.5 MB quoted-printable body is decoded in bounded memory', { timeout: 120_000 }, () => {
    const line =
      '=E2=80=93=C2=A3=41=42=43=44=45=46=47=48=49=4A=4B=4C=4D=4E=4F=50=51=52=53=54=55=56=57=58=\r\n';
    const head =
      'Subject: Big\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n';
    file('qp.eml', Buffer.from(head + line.repeat(Math.ceil((19.5 * 1024 * 1024) / line.length)), 'latin1'));
    const report =
      'process.on("exit",()=>process.stderr.write("maxRSS "+process.resourceUsage().maxRSS+"\\n"))';
    const r = cli(['--json', 'qp.eml'], {
      nodeArgs: ['--import', `data:text/javascript,${encodeURIComponent(report)}`],
    });
    expect(r.code).toBe(0);
    expectVerdict(JSON.parse(r.stdout));
    const rss = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1]);
    // peak resident memory in KB: about 160 MB measured (the regex decoder took about 1 GB)
    expect(rss).toBeGreaterThan(0);
    expect(rss).toBeLessThan(450 * 1024);
  });
});

describe('--json', () => {
  it('one file: one verdict object with every contract field', () => {
    const r = cli(['--json', 'draft.txt']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(Array.isArray(v)).toBe(false);
    expectVerdict(v, { subject: TXT_SUBJECT, body: TXT_BODY });
  });

  it('an .eml file', () => {
    const r = cli(['--json', '--sender=business', 'mail.eml']);
    expect(r.code).toBe(0);
    expectVerdict(JSON.parse(r.stdout));
  });

  it('several files: an array in order, each with "file"; a failed file is {file, error} and exit 1', () => {
    const r = cli(['--json', 'draft.txt', 'missing.txt', 'mail.eml']);
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list.map((x) => x.file)).toEqual(['draft.txt', 'missing.txt', 'mail.eml']);
    expectVerdict(list[0]!);
    expect(list[1]).toEqual({ file: 'missing.txt', error: 'no such file' });
    expectVerdict(list[2]!);
    expect(r.stderr).toContain('missing.txt: no such file');
  });
});

describe('--jsonl', () => {
  it('good and bad lines: one output line each, in order, ids echoed, exit 1', () => {
    const input = [
      '{"id": "a", "subject": "Hello", "body": "Donate today", "channel": "email"}',
      '',
      'not json at all',
      '   ',
      '{"id": 2, "body": "Your parcel is on its way", "channel": "sms", "context": {"consent": "yes"}}',
      '{"id": "no-body", "subject": "x"}',
      '{"id": "bad-context", "body": "x", "context": {"consent": "maybe"}}',
      '{"id": "bad-field", "body": "x", "context": {"colour": "red"}}',
      '{"id": "bad-channel", "body": "x", "channel": "fax"}',
      '[1, 2]',
      '{"id": null, "body": "last"}',
    ].join('\n');
    const r = cli(['--jsonl', '--sender', 'charity'], { input });
    expect(r.code).toBe(1);
    expectNoCrash(r);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual([
      'a',
      null,
      2,
      'no-body',
      'bad-context',
      'bad-field',
      'bad-channel',
      null,
      null,
    ]);
    expect(out.map((o) => 'error' in o)).toEqual([false, true, false, true, true, true, true, true, false]);
    for (const o of out) {
      if ('error' in o) {
        expect(Object.keys(o).sort()).toEqual(['error', 'id']);
        expect(typeof o.error).toBe('string');
      } else {
        expectVerdict(o);
      }
    }
    expect(out[4]!.error).toMatch(/consent/);
  });

  it('all good lines: exit 0; CRLF, BOM and lone surrogates are fine', () => {
    const input = `\ufeff{"id": 1, "body": "one"}\r\n{"id": 2, "subject": "\\ud800", "body": "two \\udc00 \\ud83d"}\r\n`;
    const r = cli(['--jsonl'], { input });
    expect(r.code).toBe(0);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual([1, 2]);
    for (const o of out) expectVerdict(o);
  });

  it('invalid UTF-8 in the input is replaced, not fatal', () => {
    const input = Buffer.concat([
      Buffer.from('{"id": "u", "body": "caf'),
      Buffer.from([0xe9, 0xff]),
      Buffer.from('"}\n'),
    ]);
    const r = cli(['--jsonl'], { input });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('u');
  });

  // 20,000 lines: many batches on every worker thread, so order across threads is tested; throughput is measured
  // by `npm run bench:cli`, not here.
  it('20,000 lines stream through with order kept', { timeout: 180_000 }, () => {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      if (i % 10 === 9) lines.push('');
      else if (i % 1000 === 500) lines.push(`{"id": ${i}, broken`);
      else lines.push(JSON.stringify({ id: i, body: 'Thanks for your order. It ships tomorrow.' }));
    }
    const r = cli(['--jsonl'], { input: lines.join('\n') });
    expect(r.code).toBe(1);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(18_000);
    const expectedIds = lines
      .map((l, i) => (l === '' ? undefined : i % 1000 === 500 ? null : i))
      .filter((x) => x !== undefined);
    const first = JSON.parse(out[0]!);
    expectVerdict(first);
    const ids = out.map((l) => JSON.parse(l).id);
    expect(ids).toEqual(expectedIds);
  });
});

describe('hostile input', () => {
  it('a nonexistent file: message, exit 1, the other files still processed', () => {
    const r = cli(['nope.txt', 'plain.txt']);
    expect(r.code).toBe(1);
    expectNoCrash(r);
    expect(r.stderr).toContain('nope.txt: no such file');
    expect(r.stdout).toContain('== plain.txt ==');
  });

  it('a directory', () => {
    const r = cli(['folder', 'plain.txt']);
    expect(r.code).toBe(1);
    expectNoCrash(r);
    expect(r.stderr).toContain('folder: is a directory');
    expect(r.stdout).toContain('== plain.txt ==');
  });

  it('binary files: NUL bytes, or mostly control characters', () => {
    file(
      'image.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
    );
    file('noise.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => ((i * 7919) % 255) + 1)));
    for (const name of ['image.png', 'noise.txt']) {
      const r = cli([name]);
      expect(r.code).toBe(1);
      expectNoCrash(r);
      expect(r.stderr).toContain(`${name}: looks like binary data, not a text draft`);
    }
    const r = cli(['-'], { input: Buffer.from([1, 2, 0, 3]) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stdin: looks like binary data');
  });

  it('a 5 MB body', { timeout: 60_000 }, () => {
    const sentence = 'Our shop is open late on Thursdays and the café serves soup. ';
    file('big.txt', `Subject: Big\n\n${sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length))}`);
    const r = cli(['--json', 'big.txt']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expectVerdict(JSON.parse(r.stdout));
  });

  it('a 5 MB JSONL line', { timeout: 60_000 }, () => {
    const body = 'Donate now. '.repeat(450_000);
    const r = cli(['--jsonl'], { input: `${JSON.stringify({ id: 'big', body })}\n` });
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('big');
  });

  it('a 100,000-line text file', { timeout: 60_000 }, () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `Line ${i}: thanks for shopping with us.`);
    file('long.txt', lines.join('\n'));
    const r = cli(['--json', 'long.txt']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expectVerdict(JSON.parse(r.stdout));
  });

  it('invalid UTF-8, CRLF line endings, a BOM, an empty file', () => {
    file(
      'latin.txt',
      Buffer.concat([Buffer.from('Subject: Caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\n\nbody')]),
    );
    file('crlf.txt', 'Subject: Hello\r\n\r\nLine one\r\nLine two\r\n');
    file('bom.txt', '\ufeffSubject: With BOM\n\nBody text\n');
    file('crlf.eml', 'To: a@b.example\r\nSubject: x\r\n\r\nBody\r\n');
    for (const name of ['latin.txt', 'crlf.txt', 'bom.txt', 'crlf.eml', 'empty.txt']) {
      const r = cli(['--json', name]);
      expectNoCrash(r);
      expect(r.code).toBe(0);
      expectVerdict(JSON.parse(r.stdout));
    }
    const r = cli(['--json', 'crlf.txt']);
    expectVerdict(JSON.parse(r.stdout), { subject: 'Hello', body: 'Line one\nLine two\n' });
  });

  it('malformed e-mails end with a verdict or a clear error', () => {
    file('nested.eml', `${'Content-Type: multipart/mixed; boundary=b\n\n--b\n'.repeat(500)}text`);
    file('noheaders.eml', 'just a body, no headers at all');
    file('attach.eml', 'Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQ=\n');
    file('bad64.eml', 'Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!not base64***\n');
    for (const name of ['nested.eml', 'noheaders.eml', 'bad64.eml']) {
      const r = cli([name]);
      expectNoCrash(r);
      expect(r.code).toBe(0);
    }
    const r = cli(['attach.eml']);
    expect(r.code).toBe(1);
    expectNoCrash(r);
    expect(r.stderr).toContain('attach.eml: no text/plain or text/html part');
  });

  it('stdin given twice: the second is an error', () => {
    const r = cli(['-', '-'], { input: 'hello' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already read');
    expect(r.stdout).toContain('== stdin ==');
  });
});

describe('usage errors exit 2', () => {
  it('no FILE and no --jsonl: usage on stderr', () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('usage: marketing-check');
  });

  it('an unknown flag: one line naming it', () => {
    const r = cli(['--frobnicate', 'draft.txt']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--frobnicate');
  });

  it('a bad value: one line naming the flag and the allowed values', () => {
    for (const [args, allowed] of [
      [['--sender', 'company', 'draft.txt'], 'business | charity | public-authority | political | other'],
      [['--channel=fax', 'draft.txt'], 'email | sms'],
      [['--soft-opt-in', 'yes', 'draft.txt'], 'met | not-met | unknown'],
    ] as const) {
      const r = cli([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(args[0].split('=')[0]!);
      expect(r.stderr).toContain(allowed);
    }
  });

  it('a flag without its value', () => {
    const r = cli(['draft.txt', '--consent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--consent needs a value');
  });
});
