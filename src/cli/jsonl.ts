/**
 * One JSON Lines input → one output object: the verdict plus "id", or {"id", "error"}. Never throws.
 */
import { CHANNELS, type Checker, type ContextInput } from '../core/index.ts';
import { verdictJson } from './verdict-json.ts';

export type JsonlResult = { id: unknown; error: string } | ({ id: unknown } & Record<string, unknown>);

const MAX_ERROR = 300;

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
