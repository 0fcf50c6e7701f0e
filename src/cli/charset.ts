/**
 * Byte-to-text decoding shared by the .txt and .eml readers. Never throws: unknown charsets fall back to UTF-8,
 * invalid sequences become U+FFFD.
 */

const decoders = new Map<string, TextDecoder>();

/**
 * Code points of windows-1252 bytes 0x80-0x9F (undefined bytes map to themselves). Node 20's TextDecoder reads
 * "windows-1252" (and "latin1", "us-ascii", which WHATWG aliases to it) as ISO-8859-1, so we map these ourselves.
 */
export const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

function decoderFor(label: string): TextDecoder | undefined {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label, { fatal: false });
    } catch {
      return undefined;
    }
    decoders.set(label, d);
  }
  return d;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes in the named charset (any WHATWG label: utf-8, latin1, windows-1252, iso-8859-15, …). */
export function decodeBytes(bytes: Uint8Array, charset?: string): string {
  const label = (charset ?? '')
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (label === '') {
    // No declared charset: UTF-8 if it is valid, else the usual Western fallback.
    try {
      return utf8Strict.decode(bytes);
    } catch {
      return decodeWindows1252(bytes);
    }
  }
  const decoder = decoderFor(label) ?? decoderFor('utf-8')!;
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/** Bytes of a "binary string" (one char per byte, as produced by latin1Of). */
export function bytesOf(binary: string): Uint8Array {
  return Buffer.from(binary, 'latin1');
}

/** One char per byte, 0x00-0xFF, so MIME structure can be parsed with string functions without decoding. */
export function latin1Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Text from a raw file: honours a UTF-8 or UTF-16 byte-order mark, else UTF-8 with replacement characters. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoderFor('utf-16le')!.decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoderFor('utf-16be')!.decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  return decoderFor('utf-8')!.decode(bytes);
}

/** True if the bytes start with a UTF-16 byte-order mark (such files legitimately contain NUL bytes). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Binary data rather than a text draft: any NUL byte, or more than 5% control characters in the first 64 KiB.
 * (Text in a legacy 8-bit charset is not binary: only C0 controls and DEL count.)
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, 65_536);
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    // Allowed: tab, LF, VT, FF, CR, ESC.
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) {
      control++;
    }
  }
  return control / sample.length > 0.05;
}

/** CRLF and lone CR become LF; a leading BOM goes. */
export function normalizeNewlines(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.indexOf('\r') === -1 ? noBom : noBom.replace(/\r\n?/g, '\n');
}
