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
  /** Where the body came from: text/plain part(s), an HTML part converted to text, or no readable part. */
  bodySource: 'plain' | 'html' | 'none';
  /** True when the HTML part was read instead of the text/plain part because it has text the plain part lacks. */
  htmlHadMore: boolean;
  /** Why part of the message was not read (too deeply nested, too many parts), if so. */
  problem?: string;
  recipients: { to: string[]; cc: string[]; bcc: string[] };
}

export interface Header {
  /** Lower-cased field name. */
  name: string;
  /** Unfolded raw value (binary string). */
  value: string;
}

/** Multiparts nested deeper than this are skipped (never read as raw text). Parsing is linear at any depth. */
export const MAX_DEPTH = 100;
const MAX_PARTS = 1000;
const MAX_HEADERS = 10_000;
const MAX_ADDRESSES = 100_000;

/**
 * Reads header fields from `from` up to the first blank line (or the first line that is not a header); returns
 * them and where the body starts.
 */
function readHeaders(bin: string, from: number): { headers: Header[]; bodyStart: number } {
  const headers: Header[] = [];
  let pos = from;
  const n = bin.length;
  let current: Header | undefined;
  while (pos < n) {
    const nl = bin.indexOf('\n', pos);
    const end = nl === -1 ? n : nl;
    const line = bin.charCodeAt(end - 1) === 13 && end > pos ? bin.slice(pos, end - 1) : bin.slice(pos, end);
    const next = nl === -1 ? n : nl + 1;
    if (line === '') return { headers, bodyStart: next };
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && current !== undefined) {
      current.value += line;
      pos = next;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[!-9;-~]+$/.test(line.slice(0, colon).trimEnd())) {
      // Not a header line: the headers ended without a blank line and this is the body.
      return { headers, bodyStart: pos };
    }
    if (headers.length < MAX_HEADERS) {
      current = { name: line.slice(0, colon).trimEnd().toLowerCase(), value: line.slice(colon + 1) };
      headers.push(current);
    } else {
      current = undefined;
    }
    pos = next;
  }
  return { headers, bodyStart: n };
}

/** Where the headers start: after an mbox "From " separator line, if there is one. */
function headerStart(bin: string): number {
  if (!bin.startsWith('From ')) return 0;
  const nl = bin.indexOf('\n');
  return nl === -1 ? bin.length : nl + 1;
}

/** Splits an entity into its header fields and body. Header parsing stops at the first blank line. */
export function splitEntity(bin: string): { headers: Header[]; body: string } {
  const { headers, bodyStart } = readHeaders(bin, headerStart(bin));
  return { headers, body: bin.slice(bodyStart) };
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

const hexValue = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

/**
 * Undoes quoted-printable over `bin[start, end)`, straight into bytes: soft line breaks go, =XX escapes become
 * their byte, a stray "=" stays as it is. One pass; the output is never longer than the input.
 */
export function decodeQuotedPrintableBytes(bin: string, start = 0, end = bin.length): Uint8Array {
  const out = new Uint8Array(Math.max(0, end - start));
  let o = 0;
  for (let i = start; i < end; i++) {
    const c = bin.charCodeAt(i);
    if (c !== 61) {
      out[o++] = c;
      continue;
    }
    let j = i + 1;
    while (j < end && (bin.charCodeAt(j) === 32 || bin.charCodeAt(j) === 9)) j++;
    if (j < end && bin.charCodeAt(j) === 10) {
      i = j; // soft line break
      continue;
    }
    if (j + 1 < end && bin.charCodeAt(j) === 13 && bin.charCodeAt(j + 1) === 10) {
      i = j + 1; // soft line break (CRLF)
      continue;
    }
    const high = i + 2 < end ? hexValue(bin.charCodeAt(i + 1)) : -1;
    const low = high >= 0 ? hexValue(bin.charCodeAt(i + 2)) : -1;
    if (low >= 0) {
      out[o++] = high * 16 + low;
      i += 2;
    } else {
      out[o++] = 61;
    }
  }
  return out.subarray(0, o);
}

/** Undoes quoted-printable, as a binary string (one char per byte). */
export function decodeQuotedPrintable(bin: string): string {
  return latin1Of(decodeQuotedPrintableBytes(bin));
}

function decodeTransfer(bin: string, start: number, end: number, encoding: string | undefined): Uint8Array {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'base64') return Buffer.from(bin.slice(start, end).replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  if (enc === 'quoted-printable') return decodeQuotedPrintableBytes(bin, start, end);
  return bytesOf(bin.slice(start, end));
}

/** One MIME entity: its type, and either its content's range in the message or its parts. */
interface Entity {
  type: ContentType;
  headers: Header[];
  /** An attachment (or inside one): never read as the body. */
  attachment: boolean;
  /** The content, `[start, end)` in the message (entities that are not opened multiparts). */
  start: number;
  end: number;
  /** The parts of a multipart. */
  parts?: Entity[];
  /** A multipart nested deeper than MAX_DEPTH, or beyond MAX_PARTS: skipped, not read as text. */
  skipped?: boolean;
}

/** Longer boundaries are not believed (RFC 2046 allows 70 characters): the multipart is read as text. */
const MAX_BOUNDARY = 200;

/**
 * The MIME structure in one pass over the lines. Every open multipart's boundary is in a map, so each line costs
 * one look-up however deep the nesting; a delimiter of an enclosing multipart also ends the parts inside it.
 * Delimiter lines match exactly (`--boundary` or `--boundary--`, then optional white space), as RFC 2046 says.
 */
function parseStructure(
  bin: string,
  headers: Header[],
  bodyStart: number,
): { root: Entity; problem?: string } {
  let problem: string | undefined;
  let partCount = 0;
  const open: { boundary: string; entity: Entity; depth: number }[] = [];
  const byBoundary = new Map<string, number>();
  /** The entity whose content the current lines belong to (none in a preamble or an epilogue). */
  let reading: Entity | undefined;

  const begin = (h: Header[], start: number, depth: number, insideAttachment: boolean): Entity => {
    const type = parseContentType(header(h, 'content-type'));
    const disposition = parseContentType(header(h, 'content-disposition'), 'inline');
    const entity: Entity = {
      type,
      headers: h,
      attachment: insideAttachment || (depth > 0 && disposition.type === 'attachment'),
      start,
      end: start,
    };
    const boundary = type.params.boundary;
    if (type.type === 'multipart' && boundary && boundary.length <= MAX_BOUNDARY) {
      if (depth >= MAX_DEPTH) {
        entity.skipped = true;
        problem ??= `its MIME parts are nested more than ${MAX_DEPTH} levels deep; the deeper ones were not read`;
        reading = entity;
        return entity;
      }
      entity.parts = [];
      open.push({ boundary, entity, depth });
      byBoundary.set(boundary, open.length - 1);
      reading = undefined; // the preamble
      return entity;
    }
    reading = entity;
    return entity;
  };

  const close = () => {
    const frame = open.pop();
    if (!frame) return;
    if (byBoundary.get(frame.boundary) !== open.length) return;
    byBoundary.delete(frame.boundary);
    // The same boundary may also be open further out (malformed, but then it is that one's again).
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.boundary === frame.boundary) {
        byBoundary.set(frame.boundary, i);
        break;
      }
    }
  };

  /** Which open multipart a line `--…` delimits, and whether it closes it. */
  const delimiter = (lineStart: number, lineEnd: number): { index: number; closing: boolean } | undefined => {
    let end = lineEnd;
    while (end > lineStart && [13, 32, 9].includes(bin.charCodeAt(end - 1))) end--;
    if (end - lineStart > MAX_BOUNDARY + 4) return undefined;
    const text = bin.slice(lineStart + 2, end);
    const index = byBoundary.get(text);
    if (index !== undefined) return { index, closing: false };
    if (!text.endsWith('--')) return undefined;
    const closing = byBoundary.get(text.slice(0, -2));
    return closing === undefined ? undefined : { index: closing, closing: true };
  };

  const root = begin(headers, bodyStart, 0, false);
  const n = bin.length;
  let pos = bodyStart;
  while (pos < n && open.length > 0) {
    const nl = bin.indexOf('\n', pos);
    const lineEnd = nl === -1 ? n : nl;
    const next = nl === -1 ? n : nl + 1;
    const hit =
      bin.charCodeAt(pos) === 45 && bin.charCodeAt(pos + 1) === 45 ? delimiter(pos, lineEnd) : undefined;
    if (!hit) {
      pos = next;
      continue;
    }
    if (reading) {
      // The line break before a delimiter belongs to the delimiter.
      let end = pos;
      if (end > reading.start && bin.charCodeAt(end - 1) === 10) end--;
      if (end > reading.start && bin.charCodeAt(end - 1) === 13) end--;
      reading.end = end;
      reading = undefined;
    }
    while (open.length - 1 > hit.index) close();
    if (hit.closing) {
      close(); // what follows, up to an enclosing delimiter, is its epilogue
      pos = next;
      continue;
    }
    const parent = open[open.length - 1]!;
    const part = readHeaders(bin, next);
    if (++partCount > MAX_PARTS) {
      problem ??= `it has more than ${MAX_PARTS} MIME parts; the rest were not read`;
      pos = part.bodyStart;
      continue;
    }
    parent.entity.parts!.push(
      begin(part.headers, part.bodyStart, parent.depth + 1, parent.entity.attachment),
    );
    pos = part.bodyStart;
  }
  if (reading) reading.end = n; // no closing delimiter: the rest is the last part
  return problem === undefined ? { root } : { root, problem };
}

/** What an entity gives to read: its text, whether any of it came from HTML, and whether HTML won over text. */
interface Readable {
  text: string;
  html: boolean;
  htmlHadMore: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words (two or more characters, with a letter) of `richer` that `base` never uses, ignoring case. */
function hasWordsMissingFrom(richer: string, base: string): boolean {
  const have = new Set<string>();
  for (const m of base.matchAll(WORD)) have.add(m[0].toLowerCase());
  for (const m of richer.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    if (word.length >= 2 && /\p{L}/u.test(word) && !have.has(word)) return true;
  }
  return false;
}

/**
 * multipart/alternative: the text/plain version, unless the HTML version has text it lacks (an unsubscribe
 * footer, or a text part that only says "view this in a browser"): recipients read the HTML one.
 */
function chooseAlternative(options: readonly Readable[]): Readable | undefined {
  const plain = options.find((o) => !o.html && o.text.trim() !== '');
  const html = options.findLast((o) => o.html && o.text.trim() !== '');
  if (plain && html)
    return hasWordsMissingFrom(html.text, plain.text) ? { ...html, htmlHadMore: true } : plain;
  return plain ?? html ?? options[0];
}

function readable(entity: Entity, bin: string): Readable | undefined {
  if (entity.attachment || entity.skipped) return undefined;
  if (entity.parts) {
    const options = entity.parts.flatMap((p) => readable(p, bin) ?? []);
    if (entity.type.subtype === 'alternative') return chooseAlternative(options);
    // mixed, related, signed, report…: the inline text parts in order (a list footer is often its own part)
    const texts = options.filter((o) => o.text.trim() !== '');
    if (texts.length <= 1) return texts[0] ?? options[0];
    return {
      text: texts.map((o, i) => (i < texts.length - 1 ? o.text.replace(/\n+$/, '') : o.text)).join('\n\n'),
      html: texts.some((o) => o.html),
      htmlHadMore: texts.some((o) => o.htmlHadMore),
    };
  }
  const { type } = entity;
  const isPlain = type.type === 'text' && (type.subtype === 'plain' || type.subtype === '');
  const isHtml = type.type === 'text' && (type.subtype === 'html' || type.subtype === 'xhtml+xml');
  // A multipart without a usable boundary: read it as text.
  const isBrokenMultipart = type.type === 'multipart';
  if (!isPlain && !isHtml && !isBrokenMultipart) return undefined;
  const bytes = decodeTransfer(
    bin,
    entity.start,
    entity.end,
    header(entity.headers, 'content-transfer-encoding'),
  );
  const text = normalizeNewlines(decodeBytes(bytes, type.params.charset));
  return { text: isHtml ? htmlToText(text) : text, html: isHtml, htmlHadMore: false };
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
  const { headers, bodyStart } = readHeaders(bin, headerStart(bin));
  const rawSubject = header(headers, 'subject');
  const subject = rawSubject === undefined ? '' : decodeEncodedWords(rawSubject).replace(/\s+/g, ' ').trim();

  const { root, problem } = parseStructure(bin, headers, bodyStart);
  const read = readable(root, bin);
  const mail: ParsedEmail = {
    subject,
    body: read?.text ?? '',
    bodySource: read ? (read.html ? 'html' : 'plain') : 'none',
    htmlHadMore: read?.htmlHadMore ?? false,
    recipients: {
      to: recipientList(headers, 'to'),
      cc: recipientList(headers, 'cc'),
      bcc: recipientList(headers, 'bcc'),
    },
  };
  if (problem) mail.problem = problem;
  return mail;
}
