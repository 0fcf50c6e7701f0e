import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary, normalizeNewlines } from './charset.ts';
import {
  draftFromBytes,
  InputError,
  kindFor,
  looksLikeEml,
  parseTxt,
  readCapped,
  readFileBytes,
} from './read-input.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseTxt', () => {
  it('takes a first Subject: line as the subject', () => {
    expect(parseTxt('Subject: Big sale\n\nBody here\nmore')).toEqual({
      subject: 'Big sale',
      body: 'Body here\nmore',
    });
    expect(parseTxt('subject:x')).toEqual({ subject: 'x', body: '' });
  });
  it('has no subject otherwise', () => {
    expect(parseTxt('Hello\nSubject: not this')).toEqual({ subject: '', body: 'Hello\nSubject: not this' });
  });
  it('normalises CRLF and drops a BOM', () => {
    expect(parseTxt('\ufeffSubject: A\r\n\r\nB\r\nC\r\n')).toEqual({ subject: 'A', body: 'B\nC\n' });
  });
});

describe('decoding', () => {
  it('replaces invalid UTF-8 and honours BOMs', () => {
    expect(decodeText(Uint8Array.of(0x61, 0xff, 0x62))).toBe('a\ufffdb');
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, 0x68, 0x69))).toBe('hi');
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0x68, 0, 0x69, 0))).toBe('hi');
    expect(decodeText(Uint8Array.of(0xfe, 0xff, 0, 0x68, 0, 0x69))).toBe('hi');
  });
  it('normalizeNewlines', () => {
    expect(normalizeNewlines('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
  it('looksBinary: NUL bytes or many control characters, but not UTF-16 text or latin1', () => {
    expect(looksBinary(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 1))).toBe(true);
    expect(looksBinary(Uint8Array.from({ length: 1000 }, (_, i) => (i % 31) + 1))).toBe(true);
    expect(looksBinary(Uint8Array.of(0xff, 0xfe, 0x68, 0))).toBe(false);
    expect(looksBinary(Uint8Array.of(0x43, 0x61, 0x66, 0xe9, 0x0d, 0x0a))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });
});

describe('kindFor / looksLikeEml', () => {
  it('goes by extension, and sniffs stdin', () => {
    const eml = () => 'From: a@b\nTo: c@d\nSubject: x\n\nbody';
    const txt = () => 'Subject: x\n\nbody';
    expect(kindFor('a.EML', txt)).toBe('eml');
    expect(kindFor('a.txt', eml)).toBe('txt');
    expect(kindFor('page.html', txt)).toBe('html');
    expect(kindFor('-', eml)).toBe('eml');
    expect(kindFor('-', txt)).toBe('txt');
    expect(kindFor('dir.v2/noext', txt)).toBe('txt');
  });
  it('looksLikeEml needs a mail header and a header block', () => {
    expect(looksLikeEml('Received: x\r\n y\r\nSubject: s\r\n\r\nb')).toBe(true);
    expect(looksLikeEml('Subject: s\n\nb')).toBe(false);
    expect(looksLikeEml('From: a\nnot a header\n\n')).toBe(false);
  });
});

describe('draftFromBytes', () => {
  it('reads .txt, .eml and .html', () => {
    expect(draftFromBytes('a.txt', enc('Subject: S\nB'))).toEqual({ subject: 'S', body: 'B' });
    expect(draftFromBytes('a.eml', enc('To: x@y.com\nSubject: S\n\nB'))).toEqual({
      subject: 'S',
      body: 'B',
      recipients: { to: ['x@y.com'], cc: [], bcc: [] },
    });
    expect(draftFromBytes('a.eml', enc('Subject: S\n\nB'))).toEqual({ subject: 'S', body: 'B' });
    expect(draftFromBytes('a.html', enc('<p>Hi &amp; bye</p>'))).toEqual({ subject: '', body: 'Hi & bye' });
  });
  it('refuses binary data and mail without text', () => {
    expect(() => draftFromBytes('a.txt', Uint8Array.of(1, 0, 2))).toThrow(
      /looks like binary data, not a text draft/,
    );
    expect(() => draftFromBytes('a.eml', enc('Content-Type: image/png\n\nxx'))).toThrow(InputError);
  });
});

describe('reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-read-'));

  it('readCapped stops past the limit', async () => {
    await expect(readCapped(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), 15)).rejects.toThrow(
      /too large/,
    );
    expect(await readCapped(Readable.from([Buffer.from('ab'), 'cd']), 15)).toEqual(Buffer.from('abcd'));
  });
  it('readFileBytes: missing file, directory, too large, and a good file', async () => {
    await expect(readFileBytes(join(dir, 'nope.txt'))).rejects.toThrow('no such file');
    await expect(readFileBytes(dir)).rejects.toThrow('is a directory');
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(100));
    await expect(readFileBytes(big, 50)).rejects.toThrow(/too large/);
    expect(Buffer.from(await readFileBytes(big)).toString()).toBe('x'.repeat(100));
  });
});
