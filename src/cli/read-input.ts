/**
 * Reading drafts: files and stdin to bytes (bounded in size), bytes to a draft (subject, body, recipients).
 * Every failure is an InputError whose message is fit to print after the file name.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Recipients } from '../core/index.ts';
import { decodeText, hasUtf16Bom, looksBinary, normalizeNewlines } from './charset.ts';
import { parseEml } from './eml.ts';
import { htmlToText } from './html.ts';

export class InputError extends Error {
  override name = 'InputError';
}

/** Bigger inputs are refused rather than read: a draft is never this long. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export type DraftKind = 'txt' | 'eml' | 'html';

export interface LoadedDraft {
  subject: string;
  body: string;
  recipients?: Recipients;
  /** How the file was read, where the reader should know (which MIME part, what was left out). */
  notes?: string[];
}

/** How to read a file, from its extension; stdin (and unknown extensions) is sniffed. */
export function kindFor(name: string, text: () => string): DraftKind {
  const dot = name.lastIndexOf('.');
  const ext = dot === -1 || name.lastIndexOf('/') > dot ? '' : name.slice(dot + 1).toLowerCase();
  if (ext === 'eml' || ext === 'mbox') return 'eml';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'txt' || ext === 'text' || ext === 'md') return 'txt';
  return looksLikeEml(text()) ? 'eml' : 'txt';
}

const EML_HEADERS =
  /^(from|to|cc|date|received|return-path|delivered-to|message-id|mime-version|content-type|reply-to|x-[a-z0-9-]+)$/;

/** A block of RFC 822 header lines, ended by a blank line, with at least one header only e-mails have. */
export function looksLikeEml(text: string): boolean {
  const head = text.slice(0, 16_384).replace(/^\ufeff/, '');
  const lines = head.split(/\r?\n/);
  let mailHeader = false;
  let count = 0;
  for (const line of lines) {
    if (line === '') return mailHeader && count > 0;
    if (/^[ \t]/.test(line) && count > 0) continue;
    const m = /^([!-9;-~]+):/.exec(line);
    if (!m) return false;
    count++;
    if (EML_HEADERS.test(m[1]!.toLowerCase())) mailHeader = true;
  }
  return false;
}

/** A .txt draft: an optional first line `Subject: …`, then the body (blank lines after the subject dropped). */
export function parseTxt(text: string): { subject: string; body: string } {
  const t = normalizeNewlines(text);
  const nl = t.indexOf('\n');
  const first = nl === -1 ? t : t.slice(0, nl);
  if (!/^subject:/i.test(first)) return { subject: '', body: t };
  let start = nl === -1 ? t.length : nl + 1;
  // Skip blank lines between the subject and the body.
  for (let i = start; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 10) start = i + 1;
    else if (c !== 32 && c !== 9) break;
  }
  return { subject: first.slice('subject:'.length).trim(), body: t.slice(start) };
}

/** Bytes to a draft. `name` picks the format (see kindFor). Throws InputError for binary data. */
export function draftFromBytes(name: string, bytes: Uint8Array): LoadedDraft {
  if (looksBinary(bytes)) throw new InputError('looks like binary data, not a text draft');
  let decoded: string | undefined;
  const text = () => {
    decoded ??= decodeText(bytes);
    return decoded;
  };
  const kind = kindFor(name, text);
  if (kind === 'eml') {
    // A UTF-16 file is re-encoded so the MIME reader sees bytes it understands.
    const mail = parseEml(hasUtf16Bom(bytes) ? new TextEncoder().encode(text()) : bytes);
    if (mail.bodySource === 'none') {
      const why = mail.problem ? ` (${mail.problem})` : '';
      throw new InputError(`no text/plain or text/html part in the message${why}`);
    }
    const { to, cc, bcc } = mail.recipients;
    const draft: LoadedDraft = { subject: mail.subject, body: mail.body };
    if (to.length + cc.length + bcc.length > 0) draft.recipients = mail.recipients;
    const notes = [
      mail.htmlHadMore ? 'read from the HTML part, which has text the plain-text part lacks' : '',
      mail.problem ? `not all of it was read: ${mail.problem}` : '',
    ].filter(Boolean);
    if (notes.length > 0) draft.notes = notes;
    return draft;
  }
  if (kind === 'html') return { subject: '', body: htmlToText(normalizeNewlines(text())) };
  return parseTxt(text());
}

/** Reads a stream into memory, refusing more than `limit` bytes. */
export async function readCapped(
  stream: AsyncIterable<unknown>,
  limit = MAX_INPUT_BYTES,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > limit) throw new InputError(`too large (more than ${formatMiB(limit)})`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}

function formatMiB(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

const FS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a parent is not a directory)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

function fsError(error: unknown): InputError {
  const code = (error as { code?: unknown })?.code;
  const known = typeof code === 'string' ? FS_ERRORS[code] : undefined;
  if (known) return new InputError(known);
  return new InputError(`cannot read: ${error instanceof Error ? error.message : String(error)}`);
}

/** Reads a named file (not stdin). Devices and pipes are read as streams, so /dev/zero is refused, not hung on. */
export async function readFileBytes(path: string, limit = MAX_INPUT_BYTES): Promise<Uint8Array> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw fsError(error);
  }
  if (info.isDirectory()) throw new InputError('is a directory, not a file');
  if (info.isFile() && info.size > limit) {
    throw new InputError(`too large (${formatMiB(info.size)}; the limit is ${formatMiB(limit)})`);
  }
  const stream = createReadStream(path);
  try {
    return await readCapped(stream, limit);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fsError(error);
  } finally {
    stream.destroy();
  }
}
