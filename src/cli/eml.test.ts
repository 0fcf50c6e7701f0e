import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  decodeEncodedWords,
  decodeQuotedPrintable,
  parseAddressList,
  parseContentType,
  parseEml,
  splitEntity,
} from './eml.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
/** Bytes from a string whose chars are all 0-255 (for latin1 and windows-1252 test data). */
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('headers', () => {
  it('splits headers from the body and unfolds continuation lines', () => {
    const { headers, body } = splitEntity(crlf('Subject: one\n  two\nX-A: b\n\nBody\n'));
    expect(headers).toEqual([
      { name: 'subject', value: ' one  two' },
      { name: 'x-a', value: ' b' },
    ]);
    expect(body).toBe('Body\r\n');
  });
  it('ends the headers at a line that is not a header', () => {
    expect(splitEntity('Subject: x\nHello there\nmore').body).toBe('Hello there\nmore');
  });
  it('skips an mbox From line', () => {
    expect(splitEntity('From a@b Mon Jan 1\nSubject: s\n\nb').headers[0]).toEqual({
      name: 'subject',
      value: ' s',
    });
  });
});

describe('decodeEncodedWords', () => {
  it('decodes B and Q words in several charsets', () => {
    expect(decodeEncodedWords('=?utf-8?B?wqM1IG9mZiB0b2RheQ==?=')).toBe('£5 off today');
    expect(decodeEncodedWords('=?UTF-8?Q?Caf=C3=A9_open?=')).toBe('Café open');
    expect(decodeEncodedWords('=?iso-8859-1?q?=A35?=')).toBe('£5');
    expect(decodeEncodedWords('=?windows-1252?Q?=93Hi=94?=')).toBe('“Hi”');
  });
  it('drops whitespace between adjacent words and joins split characters', () => {
    // "é" (C3 A9) split across two words.
    expect(decodeEncodedWords('=?utf-8?Q?Caf=C3?= =?utf-8?Q?=A9?= now')).toBe('Café now');
    expect(decodeEncodedWords('Hello =?utf-8?Q?W?=  =?utf-8?Q?orld?= !')).toBe('Hello World !');
  });
  it('keeps plain text and odd input as it is', () => {
    expect(decodeEncodedWords('Plain = text =?')).toBe('Plain = text =?');
    expect(decodeEncodedWords('=?bogus-charset?Q?abc?=')).toBe('abc');
  });
});

describe('parseContentType', () => {
  it('reads type, subtype and quoted or bare parameters', () => {
    expect(parseContentType('Multipart/Alternative; boundary="a b;c"; CHARSET=utf-8')).toEqual({
      type: 'multipart',
      subtype: 'alternative',
      params: { boundary: 'a b;c', charset: 'utf-8' },
    });
    expect(parseContentType(undefined)).toEqual({ type: 'text', subtype: 'plain', params: {} });
  });
});

describe('decodeQuotedPrintable', () => {
  it('removes soft breaks and decodes escapes', () => {
    expect(decodeQuotedPrintable('Hello =\r\nworld =3D =C2=A3 =ZZ')).toBe('Hello world = \u00c2\u00a3 =ZZ');
  });
});

describe('multipart structure', () => {
  const mixed = (body: string) =>
    parseEml(enc(`Subject: s\nContent-Type: multipart/mixed; boundary=XX\n\n${body}`)).body;
  it('reads the parts between delimiters, without preamble or epilogue', () => {
    expect(mixed(crlf('preamble\n--XX\nA: 1\n\none\n--XX\n\ntwo\n--XX--\nepilogue'))).toBe('one\n\ntwo');
  });
  it('takes the rest when the closing delimiter is missing', () => {
    expect(mixed('--XX\n\nx\n--XX\n\ny\n')).toBe('x\n\ny\n');
  });
  it('a delimiter matches its boundary exactly: "--XXY" does not end a part of "XX"', () => {
    expect(mixed('--XX\n\nline one\n--XXY\nline two\n--XX  \n\nthree\n--XX--')).toBe(
      'line one\n--XXY\nline two\n\nthree',
    );
  });
  it('an enclosing delimiter also ends the parts inside it', () => {
    const body =
      '--XX\nContent-Type: multipart/alternative; boundary=in\n\n--in\n\ninner\n--XX\n\nouter\n--XX--';
    expect(mixed(body)).toBe('inner\n\nouter');
  });
  it('caps the number of parts and says so', () => {
    const mail = parseEml(
      enc(
        `Content-Type: multipart/mixed; boundary=b\n\n${'--b\nContent-Type: image/png\n\nx\n'.repeat(2000)}`,
      ),
    );
    expect(mail.bodySource).toBe('none');
    expect(mail.problem).toMatch(/more than 1000 MIME parts/);
  });
});

describe('parseAddressList', () => {
  it('keeps addresses and drops names, comments and groups', () => {
    expect(
      parseAddressList(
        '"Doe, Jane" <jane@example.com>, bob@example.org (Bob), Team: a@x.co, b@x.co;, <c@y.uk>',
      ),
    ).toEqual(['jane@example.com', 'bob@example.org', 'a@x.co', 'b@x.co', 'c@y.uk']);
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
    expect(parseAddressList(undefined)).toEqual([]);
  });
});

describe('parseEml', () => {
  it('plain text, quoted-printable, recipients and an encoded subject', () => {
    const mail = parseEml(
      enc(
        crlf(`From: Shop <shop@example.com>
To: "A, B" <ab@example.com>, c@example.com
Cc: d@example.com
Bcc: e@example.com
Subject: =?utf-8?B?U3VtbWVyIHNhbGUg4oCTIDIwJSBvZmY=?=
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Save 20% on everything. Price =C2=A35 only =E2=80=93 this is a long line th=
at was wrapped.
`),
      ),
    );
    expect(mail.subject).toBe('Summer sale – 20% off');
    expect(mail.body).toBe('Save 20% on everything. Price £5 only – this is a long line that was wrapped.\n');
    expect(mail.bodySource).toBe('plain');
    expect(mail.recipients).toEqual({
      to: ['ab@example.com', 'c@example.com'],
      cc: ['d@example.com'],
      bcc: ['e@example.com'],
    });
  });

  it('base64 body in latin1', () => {
    const body = Buffer.from(latin1('Caf\u00e9 \u00a35')).toString('base64');
    const mail = parseEml(
      enc(
        `Subject: Hi\nContent-Type: text/plain; charset="ISO-8859-1"\nContent-Transfer-Encoding: base64\n\n${body}\n`,
      ),
    );
    expect(mail.body).toBe('Café £5');
  });

  it('windows-1252 8bit body', () => {
    const mail = parseEml(
      latin1('Subject: x\nContent-Type: text/plain; charset=windows-1252\n\n\u0093Quoted\u0094 \u0080'),
    );
    expect(mail.body).toBe('“Quoted” €');
  });

  it('multipart/alternative prefers text/plain when the HTML says the same', () => {
    const mail = parseEml(
      enc(
        crlf(`Subject: Both
Content-Type: multipart/alternative; boundary="=_b1"

--=_b1
Content-Type: text/plain; charset=utf-8

Our café is open on Sundays.
--=_b1
Content-Type: text/html; charset=utf-8

<p>Our caf&eacute; is <b>open</b> on Sundays.</p>
--=_b1--
`),
      ),
    );
    expect(mail.body).toBe('Our café is open on Sundays.');
    expect(mail.bodySource).toBe('plain');
  });

  it('falls back to HTML (nested multipart, base64 HTML) and skips attachments', () => {
    const html = Buffer.from(
      '<html><head><style>x{}</style></head><body><p>Donate &pound;10</p><script>bad()</script></body></html>',
    ).toString('base64');
    const mail = parseEml(
      enc(`Subject: Html only
Content-Type: multipart/mixed; boundary=outer

--outer
Content-Type: multipart/alternative; boundary=inner

--inner
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

${html}
--inner--
--outer
Content-Type: text/plain
Content-Disposition: attachment; filename=notes.txt

Attachment text
--outer--
`),
    );
    expect(mail.body).toBe('Donate £10');
    expect(mail.bodySource).toBe('html');
  });

  it('a message with no readable part, and a message without headers', () => {
    expect(parseEml(enc('Content-Type: image/png\n\nxxx')).bodySource).toBe('none');
    expect(parseEml(enc('Just text')).body).toBe('Just text');
  });

  it('raw UTF-8 in headers and an undeclared charset', () => {
    const mail = parseEml(enc('Subject: Café £5\n\nnaïve body'));
    expect(mail.subject).toBe('Café £5');
    expect(mail.body).toBe('naïve body');
  });

  it('ends quickly on deep nesting and many parts', () => {
    let nested = 'inner text';
    for (let i = 0; i < 200; i++)
      nested = `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n${nested}\n--b${i}--\n`;
    expect(parseEml(enc(nested)).bodySource).not.toBeUndefined();
    const many = `Content-Type: multipart/mixed; boundary=z\n\n${'--z\nContent-Type: text/plain\n\n\n'.repeat(50_000)}`;
    expect(parseEml(enc(many)).bodySource).toBe('plain');
  });
});

/** multipart/alternative with a text/plain and a text/html part. */
const alternative = (plain: string, html: string, extraHeaders = '') =>
  enc(
    crlf(`Subject: News
${extraHeaders}Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

${plain}
--alt
Content-Type: text/html; charset=utf-8

${html}
--alt--
`),
  );

describe('choosing between the text and HTML parts', () => {
  it('uses the HTML part when it has text the plain part lacks (an unsubscribe footer)', () => {
    const mail = parseEml(
      alternative(
        'Our spring sale starts today: 20% off all garden tools.',
        '<p>Our spring sale starts today: 20% off all garden tools.</p><p><a href="https://shop.example/u">Unsubscribe</a> from these emails.</p>',
      ),
    );
    expect(mail.bodySource).toBe('html');
    expect(mail.body).toContain('Unsubscribe from these emails.');
    expect(mail.htmlHadMore).toBe(true);
  });

  it('a placeholder text part ("view it in a browser") gives way to the HTML', () => {
    const mail = parseEml(
      alternative(
        'This message is best viewed in a browser: https://news.example/view/1',
        '<h1>Winter appeal</h1><p>Please give £10 today to keep the shelter open.</p>',
      ),
    );
    expect(mail.bodySource).toBe('html');
    expect(mail.body).toContain('Please give £10 today');
  });

  it('keeps the text part when the HTML says nothing more (markup, entities and case aside)', () => {
    const mail = parseEml(
      alternative(
        'Your order 1234 has shipped. Track it at https://shop.example/t/1234',
        '<p>Your <b>order</b> 1234 has&nbsp;SHIPPED.</p><p><a href="https://shop.example/t/1234">Track it</a></p>',
      ),
    );
    expect(mail.bodySource).toBe('plain');
    expect(mail.body).toBe('Your order 1234 has shipped. Track it at https://shop.example/t/1234');
    expect(mail.htmlHadMore).toBe(false);
  });

  it('multipart/mixed: a list footer in its own text part is read with the message', () => {
    const mail = parseEml(
      enc(`Subject: Digest
Content-Type: multipart/mixed; boundary=mix

--mix
Content-Type: text/plain

Meeting notes are attached.
--mix
Content-Type: application/pdf
Content-Disposition: attachment; filename=notes.pdf

JVBERi0=
--mix
Content-Type: text/plain

To unsubscribe, email leave@lists.example
--mix--
`),
    );
    expect(mail.body).toBe('Meeting notes are attached.\n\nTo unsubscribe, email leave@lists.example');
  });
});

/** `levels` multiparts, each holding the next, around one text/plain part. */
function nestedMime(levels: number, inner: string): Uint8Array {
  let open = '';
  let close = '';
  for (let i = 0; i < levels; i++) {
    open += `--b${i}z\nContent-Type: multipart/mixed; boundary=b${i + 1}z\n\n`;
    close = `\n--b${i + 1}z--${close}`;
  }
  return enc(
    `Subject: Deep\nContent-Type: multipart/mixed; boundary=b0z\n\n${open}--b${levels}z\nContent-Type: text/plain\n\n${inner}${close}\n--b0z--\n`,
  );
}

describe('deeply nested MIME', () => {
  it('reads the text part of a message nested 25 levels deep, not the raw structure', () => {
    const mail = parseEml(nestedMime(25, 'Please donate £10 today.'));
    expect(mail.bodySource).toBe('plain');
    expect(mail.body).toBe('Please donate £10 today.');
  });

  it('nesting past the limit is never read as raw text, and ends in linear time', () => {
    const deep = nestedMime(20_000, 'Please donate £10 today.');
    const t0 = performance.now();
    const mail = parseEml(deep);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(mail.body).not.toContain('Content-Type');
    expect(mail.body).not.toContain('--b');
    expect(mail.bodySource).toBe('none');
    expect(mail.problem).toMatch(/nested more than \d+ levels/);
  });
});

describe('quoted-printable in bounded memory', () => {
  it('decodes a 19.5 MB body of escapes with the heap capped at 256 MB', () => {
    // A separate process with a small heap: the old regex decoder needed about 1 GB for this body.
    const script = `
      import { parseEml } from ${JSON.stringify(new URL('./eml.ts', import.meta.url).pathname)};
      const line = '=E2=80=93=C2=A3=41=42=43=44=45=46=47=48=49=4A=4B=4C=4D=4E=4F=50=51=52=53=54=55=56=57=58=\\r\\n';
      const head = 'Subject: Big\\r\\nContent-Type: text/plain; charset=utf-8\\r\\nContent-Transfer-Encoding: quoted-printable\\r\\n\\r\\n';
      const bytes = Buffer.from(head + line.repeat(Math.ceil((19.5 * 1024 * 1024) / line.length)), 'latin1');
      const mail = parseEml(bytes);
      console.log(JSON.stringify({ length: mail.body.length, start: mail.body.slice(0, 4), rss: process.resourceUsage().maxRSS }));
    `;
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=256', '--import', 'tsx', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { length: number; start: string; rss: number };
    expect(out.start).toBe('–£AB');
    expect(out.length).toBeGreaterThan(5_000_000);
    // peak resident memory, in KB: the input (20 MB), its bytes and the decoded text, far from 1 GB
    expect(out.rss).toBeLessThan(400 * 1024);
  });
});
