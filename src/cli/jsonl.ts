/**
 * JSON Lines input: the input split into lines in bounded memory (jsonlLines), and one line → one output object:
 * the verdict plus "id", or {"id", "error"} (processJsonlLine, which never throws), and that object as one output
 * line (checkJsonlLine). The main thread and the worker threads (jsonl-worker.ts) run the same functions.
 */
import { CHANNELS, type Checker, type ContextInput } from '../core/index.ts';
import { MAX_INPUT_BYTES } from './read-input.ts';
import { verdictJson } from './verdict-json.ts';

/** A longer line is skipped with an error (as a longer file is refused): it is never held in memory whole. */
export const MAX_JSONL_LINE_BYTES = MAX_INPUT_BYTES;
/** An "id" is echoed back only when its JSON is at most this long (a string, a number, a small object…). */
export const MAX_ID_JSON = 1000;

export type JsonlLine = { number: number; text: string } | { number: number; tooLong: number };

/**
 * The lines of `input` (byte or string chunks, as stdin yields them), split at LF with a CR before it dropped, and
 * decoded as UTF-8 (invalid bytes replaced). A line longer than `maxBytes` is not kept: the rest of it is read and
 * dropped, and it comes out as `tooLong` (its size in bytes), so memory stays bounded whatever the input.
 */
export async function* jsonlLines(
  input: AsyncIterable<unknown> | Iterable<unknown>,
  maxBytes = MAX_JSONL_LINE_BYTES,
): AsyncGenerator<JsonlLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipped = -1;
  let number = 0;
  const finish = (): JsonlLine => {
    number++;
    if (skipped >= 0) {
      const line = { number, tooLong: skipped };
      skipped = -1;
      return line;
    }
    const text = Buffer.concat(parts, size).toString('utf8');
    parts = [];
    size = 0;
    return { number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    let start = 0;
    while (start <= buf.length) {
      const nl = buf.indexOf(0x0a, start);
      const end = nl === -1 ? buf.length : nl;
      const piece = end - start;
      if (skipped >= 0) skipped += piece;
      else if (size + piece > maxBytes) {
        skipped = size + piece;
        parts = [];
        size = 0;
      } else if (piece > 0) {
        // A copy: a slice would keep the whole chunk alive while the line waits for its end.
        parts.push(Buffer.from(buf.subarray(start, end)));
        size += piece;
      }
      if (nl === -1) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (skipped >= 0 || size > 0) yield finish();
}

export type JsonlResult = { id: unknown; error: string } | ({ id: unknown } & Record<string, unknown>);

const MAX_ERROR = 300;

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `id` can be written back into the output line (JSON.stringify recurses, so depth matters too). */
function echoable(id: unknown): boolean {
  if (id === null || typeof id !== 'object') return true;
  try {
    return JSON.stringify(id).length <= MAX_ID_JSON;
  } catch {
    return false;
  }
}

export function processJsonlLine(line: string, checker: Checker, base: ContextInput): JsonlResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `invalid JSON: ${errorText(error)}` };
  }
  if (!isPlainObject(parsed)) return { id: null, error: 'each line must be a JSON object' };
  const id = parsed.id === undefined ? null : parsed.id;
  if (!echoable(id))
    return {
      id: null,
      error: `"id" is too large or too deeply nested to echo back (at most ${MAX_ID_JSON} characters of JSON)`,
    };
  try {
    const { subject, body, channel, context } = parsed;
    if (body === undefined || body === null) return { id, error: 'missing "body"' };
    if (typeof body !== 'string') return { id, error: '"body" must be a string' };
    if (subject !== undefined && subject !== null && typeof subject !== 'string') {
      return { id, error: '"subject" must be a string' };
    }
    if (channel !== undefined && channel !== null && !(CHANNELS as readonly unknown[]).includes(channel)) {
      return { id, error: `"channel": ${JSON.stringify(channel)} is not one of ${CHANNELS.join(' | ')}` };
    }
    if (context !== undefined && context !== null && !isPlainObject(context)) {
      return { id, error: '"context" must be an object' };
    }
    const merged: ContextInput = { ...base, ...(context ?? {}) };
    const verdict = checker.check(
      {
        subject: typeof subject === 'string' ? subject : '',
        body,
        ...(typeof channel === 'string' ? { channel: channel as (typeof CHANNELS)[number] } : {}),
      },
      merged,
    );
    return { id, ...verdictJson(verdict) };
  } catch (error) {
    return { id, error: errorText(error) };
  }
}

/** One output line (newline included) and whether it reports an error. */
export interface JsonlOutput {
  line: string;
  failed: boolean;
}

/** A result as one output line; a result that cannot be serialised becomes an error line (one bad line never ends the batch). */
export function outputLine(result: Record<string, unknown>): JsonlOutput {
  try {
    return { line: `${JSON.stringify(result)}\n`, failed: 'error' in result };
  } catch (error) {
    return {
      line: `${JSON.stringify({ id: null, error: `internal error: ${errorText(error)}` })}\n`,
      failed: true,
    };
  }
}

/** One input line (not blank, BOM removed) → its output line. Never throws. */
export function checkJsonlLine(text: string, checker: Checker, base: ContextInput): JsonlOutput {
  return outputLine(processJsonlLine(text, checker, base));
}

/** The output for a line that was too long to read (see jsonlLines). */
export function tooLongOutput(number: number): JsonlOutput {
  const limit = `${MAX_JSONL_LINE_BYTES / (1024 * 1024)} MiB`;
  return outputLine({ id: null, error: `line ${number} is longer than ${limit}; skipped` });
}
