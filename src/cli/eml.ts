/**
 * A small, dependency-free RFC 822 / MIME reader: enough to get the subject, the recipients and the readable
 * body out of a saved e-mail (.eml). Works on a "binary string" (one char per byte) so that every part can be
 * decoded in its own charset. Every loop is bounded: hostile input ends in time linear in its size.
 */
import { bytesOf, decodeBytes, latin1Of, normalizeNewlines } from './charset.ts';
import { htmlToText } from './html.ts';

export interface ParsedEmail {
  subject: string;
  body: string;
  /** Where the body came from: a text/plain part, an HTML part converted to text, or no readable part. */
  bodySource: 'plain' | 'html' | 'none';
  recipients: { to: string[]; cc: string[]; bcc: string[] };
}

export interface Header {
  /** Lower-cased field name. */
  name: string;
  /** Unfolded raw value (binary string). */
  value: string;
}

const MAX_DEPTH = 20;
const MAX_PARTS = 1000;
const MAX_HEADERS = 10_000;
const MAX_ADDRESSES = 100_000;

/** Splits an entity into its header fields and body. Header parsing stops at the first blank line. */
export function splitEntity(bin: string): { headers: Header[]; body: string } {
  const headers: Header[] = [];
  let pos = 0;
  const n = bin.length;
  // An mbox "From " separator line before the headers.
  if (bin.startsWith('From ')) {
    const nl = bin.indexOf('\n');
    pos = nl === -1 ? n : nl + 1;
  }
  let current: Header | undefined;
  while (pos < n) {
    const nl = bin.indexOf('\n', pos);
    const end = nl === -1 ? n : nl;
    const line = bin.charCodeAt(end - 1) === 13 && end > pos ? bin.slice(pos, end - 1) : bin.slice(pos, end);
    const next = nl === -1 ? n : nl + 1;
    if (line === '') return { headers, body: bin.slice(next) };
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && current !== undefined) {
      current.value += line;
      pos = next;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[!-9;-~]+$/.test(line.slice(0, colon).trimEnd())) {
      // Not a header line: the headers ended without a blank line and this is the body.
      return { headers, body: bin.slice(pos) };
    }
    if (headers.length < MAX_HEADERS) {
      current = { name: line.slice(0, colon).trimEnd().toLowerCase(), value: line.slice(colon + 1) };
      headers.push(current);
    } else {
      current = undefined;
    }
    pos = next;
  }
  return { headers, body: '' };
}

function header(headers: readonly Header[], name: string): string | undefined {
  return headers.find((h) => h.name === name)?.value;
}

/** Header text as Unicode: raw 8-bit bytes (RFC 6532) are read as UTF-8, else windows-1252. */
function headerText(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting 8-bit bytes in a binary string
  return /[^\u0000-\u007f]/.test(raw) ? decodeBytes(bytesOf(raw)) : raw;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function encodedWordBytes(encoding: string, text: string): string {
  if (encoding === 'b' || encoding === 'B') {
    return latin1Of(Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64'));
  }
  return text
    .replace(/_/g, ' ')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/**
 * Decodes RFC 2047 encoded-words (=?utf-8?B?…?= and =?iso-8859-1?Q?…?=). Whitespace between adjacent
 * encoded-words is dropped, and adjacent words in one charset are joined before decoding so a multi-byte
 * character split across two words survives.
 */
export function decodeEncodedWords(value: string): string {
  const text = headerText(value);
  if (text.indexOf('=?') === -1) return text;
  const out: string[] = [];
  let last = 0;
  let pending: { charset: string; bytes: string } | undefined;
  const flush = () => {
    if (pending) out.push(decodeBytes(bytesOf(pending.bytes), pending.charset));
    pending = undefined;
  };
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(text); m !== null; m = ENCODED_WORD.exec(text)) {
    const gap = text.slice(last, m.index);
    // RFC 2231 allows a language suffix: utf-8*en.
    const charset = m[1]!.split('*')[0]!.toLowerCase();
    const bytes = encodedWordBytes(m[2]!, m[3]!);
    const adjacent = pending !== undefined && /^\s*$/.test(gap);
    if (adjacent && pending!.charset === charset) {
      pending!.bytes += bytes;
    } else {
      flush();
      if (!adjacent) out.push(gap);
      pending = { charset, bytes };
    }
    last = m.index + m[0].length;
  }
  flush();
  out.push(text.slice(last));
  return out.join('');
}

export interface ContentType {
  type: string;
  subtype: string;
  params: Record<string, string>;
}

/** Parses `text/plain; charset="utf-8"` (also Content-Disposition, whose "type" is inline/attachment). */
export function parseContentType(value: string | undefined, fallback = 'text/plain'): ContentType {
  const raw = (value ?? '').trim();
  const semi = raw.indexOf(';');
  const full = (semi === -1 ? raw : raw.slice(0, semi)).trim().toLowerCase() || fallback;
  const slash = full.indexOf('/');
  const params: Record<string, string> = {};
  if (semi !== -1) {
    const re = /;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
    const rest = raw.slice(semi);
    for (let m = re.exec(rest); m !== null; m = re.exec(rest)) {
      let v = m[2]!.trim();
      if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
      const key = m[1]!.toLowerCase();
      if (!(key in params)) params[key] = v;
    }
  }
  return {
    type: slash === -1 ? full : full.slice(0, slash),
    subtype: slash === -1 ? '' : full.slice(slash + 1),
    params,
  };
}

/** Undoes quoted-printable: soft line breaks and =XX escapes (a stray "=" stays as it is). */
export function decodeQuotedPrintable(bin: string): string {
  return bin
    .replace(/=[ \t]*\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

function decodeTransfer(body: string, encoding: string | undefined): Uint8Array {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  if (enc === 'quoted-printable') return bytesOf(decodeQuotedPrintable(body));
  return bytesOf(body);
}

/** The body parts between `--boundary` delimiter lines (preamble and epilogue dropped). */
export function splitMultipart(body: string, boundary: string, limit = MAX_PARTS): string[] {
  const delim = `--${boundary}`;
  const find = (from: number): number => {
    const i = body.indexOf(`\n${delim}`, from);
    return i === -1 ? -1 : i + 1;
  };
  const parts: string[] = [];
  let pos = body.startsWith(delim) ? 0 : find(0);
  while (pos !== -1 && parts.length < limit) {
    const after = pos + delim.length;
    if (body.startsWith('--', after)) break; // the closing delimiter
    const eol = body.indexOf('\n', after);
    if (eol === -1) break;
    const start = eol + 1;
    const next = find(eol);
    if (next === -1) {
      parts.push(body.slice(start)); // no closing delimiter: the rest is the last part
      break;
    }
    let end = next - 1;
    if (end > start && body.charCodeAt(end - 1) === 13) end--;
    parts.push(body.slice(start, Math.max(start, end)));
    pos = next;
  }
  return parts;
}

interface TextPart {
  kind: 'plain' | 'html';
  text: string;
}

function collectTextParts(
  headers: readonly Header[],
  body: string,
  depth: number,
  budget: { parts: number },
  out: TextPart[],
): void {
  const type = parseContentType(header(headers, 'content-type'));
  const disposition = parseContentType(header(headers, 'content-disposition'), 'inline');
  if (depth > 0 && disposition.type === 'attachment') return;

  if (type.type === 'multipart' && depth < MAX_DEPTH && type.params.boundary) {
    for (const part of splitMultipart(body, type.params.boundary, budget.parts)) {
      if (budget.parts-- <= 0) return;
      const entity = splitEntity(part);
      collectTextParts(entity.headers, entity.body, depth + 1, budget, out);
    }
    return;
  }
  const isPlain = type.type === 'text' && (type.subtype === 'plain' || type.subtype === '');
  const isHtml = type.type === 'text' && (type.subtype === 'html' || type.subtype === 'xhtml+xml');
  // A multipart without a boundary: read it as text.
  const isBrokenMultipart = type.type === 'multipart';
  if (!isPlain && !isHtml && !isBrokenMultipart) return;
  const bytes = decodeTransfer(body, header(headers, 'content-transfer-encoding'));
  const text = normalizeNewlines(decodeBytes(bytes, type.params.charset));
  out.push({ kind: isHtml ? 'html' : 'plain', text });
}

/** Addresses from an address-list header: display names, comments and groups are dropped. */
export function parseAddressList(value: string | undefined): string[] {
  if (value === undefined) return [];
  const out: string[] = [];
  let cur = '';
  let angle = '';
  let inAngle = false;
  let sawAngle = false;
  let inQuote = false;
  let comment = 0;
  const append = (c: string) => {
    if (inAngle) angle += c;
    else cur += c;
  };
  const flush = () => {
    const addr = (sawAngle ? angle.replace(/^@[^:]*:/, '') : cur).trim();
    if (addr && out.length < MAX_ADDRESSES) out.push(addr);
    cur = '';
    angle = '';
    inAngle = false;
    sawAngle = false;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (inQuote) {
      if (c === '\\' && i + 1 < value.length) {
        append(value[++i]!);
      } else {
        if (c === '"') inQuote = false;
        append(c);
      }
      continue;
    }
    if (comment > 0) {
      if (c === '\\') i++;
      else if (c === '(') comment++;
      else if (c === ')') comment--;
      continue;
    }
    if (c === '"') {
      inQuote = true;
      append(c);
    } else if (c === '(') {
      comment = 1;
    } else if (inAngle) {
      if (c === '>') inAngle = false;
      else angle += c;
    } else if (c === '<') {
      inAngle = true;
      sawAngle = true;
      angle = '';
    } else if (c === ',' || c === ';') {
      flush();
    } else if (c === ':') {
      cur = ''; // a group name ("Team: a@x, b@y;")
    } else if (c === '\r' || c === '\n') {
      cur += ' ';
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

function recipientList(headers: readonly Header[], name: string): string[] {
  const all: string[] = [];
  for (const h of headers) {
    if (h.name !== name) continue;
    for (const a of parseAddressList(headerText(h.value))) {
      if (all.length >= MAX_ADDRESSES) return all;
      all.push(a);
    }
  }
  return all;
}

/** Parses a whole message. Never throws on odd input. */
export function parseEml(bytes: Uint8Array): ParsedEmail {
  const bin = latin1Of(bytes);
  const { headers, body } = splitEntity(bin);
  const rawSubject = header(headers, 'subject');
  const subject = rawSubject === undefined ? '' : decodeEncodedWords(rawSubject).replace(/\s+/g, ' ').trim();

  const parts: TextPart[] = [];
  collectTextParts(headers, body, 0, { parts: MAX_PARTS }, parts);
  const plain = parts.find((p) => p.kind === 'plain' && p.text.trim() !== '');
  const html = parts.find((p) => p.kind === 'html');
  let chosen: { body: string; bodySource: ParsedEmail['bodySource'] };
  if (plain) chosen = { body: plain.text, bodySource: 'plain' };
  else if (html) chosen = { body: htmlToText(html.text), bodySource: 'html' };
  else if (parts[0]) chosen = { body: parts[0].text, bodySource: 'plain' };
  else chosen = { body: '', bodySource: 'none' };

  return {
    subject,
    ...chosen,
    recipients: {
      to: recipientList(headers, 'to'),
      cc: recipientList(headers, 'cc'),
      bcc: recipientList(headers, 'bcc'),
    },
  };
}
