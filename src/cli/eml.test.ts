import { describe, expect, it } from 'vitest';
import {
  decodeEncodedWords,
  decodeQuotedPrintable,
  parseAddressList,
  parseContentType,
  parseEml,
  splitEntity,
  splitMultipart,
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

describe('splitMultipart', () => {
  it('returns the parts between delimiters, without preamble or epilogue', () => {
    const body = crlf('preamble\n--XX\nA: 1\n\none\n--XX\n\ntwo\n--XX--\nepilogue');
    expect(splitMultipart(body, 'XX')).toEqual(['A: 1\r\n\r\none', '\r\ntwo']);
  });
  it('takes the rest when the closing delimiter is missing, and caps the count', () => {
    expect(splitMultipart('--b\n\nx\n--b\n\ny', 'b')).toEqual(['\nx', '\ny']);
    expect(splitMultipart('--b\n\nx\n'.repeat(50), 'b', 3)).toHaveLength(3);
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

  it('multipart/alternative prefers text/plain', () => {
    const mail = parseEml(
      enc(
        crlf(`Subject: Both
Content-Type: multipart/alternative; boundary="=_b1"

--=_b1
Content-Type: text/plain; charset=utf-8

Plain version
--=_b1
Content-Type: text/html; charset=utf-8

<p>HTML version</p>
--=_b1--
`),
      ),
    );
    expect(mail.body).toBe('Plain version');
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
