/** Pure helpers for the training page: outcomes, filters, seeded shuffles, highlight segments. No DOM. */
import type { DirectMarketingLevel, Evidence, Field, PrimaryPurpose } from '../core/index.ts';
import { messageRecord } from '../i18n/index.ts';
import type { Scenario, Sector } from './types.ts';

export type Outcome = 'dm' | 'not-dm' | 'unclear';
export const OUTCOMES: readonly Outcome[] = ['dm', 'not-dm', 'unclear'];
export const OUTCOME_LABEL = messageRecord<Outcome>({
  dm: 'outcome_dm',
  'not-dm': 'outcome_not_dm',
  unclear: 'outcome_unclear',
});

const DM = new Set<DirectMarketingLevel>(['yes', 'likely']);
const NOT_DM = new Set<DirectMarketingLevel>(['no', 'unlikely']);

/** The outcome a list of acceptable levels stands for: all marketing, all not, or anything else = unclear. */
export function outcomeOfLevels(levels: readonly DirectMarketingLevel[]): Outcome {
  if (levels.length > 0 && levels.every((l) => DM.has(l))) return 'dm';
  if (levels.length > 0 && levels.every((l) => NOT_DM.has(l))) return 'not-dm';
  return 'unclear';
}

export function outcomeOf(s: Scenario): Outcome {
  return outcomeOfLevels(s.expected.directMarketing);
}

/** The outcome of one checker level (for comparing the checker with the expected answer). */
export function outcomeOfLevel(level: DirectMarketingLevel): Outcome {
  return outcomeOfLevels([level]);
}

export interface Filters {
  sector: Sector | 'all';
  channel: 'email' | 'sms' | 'all';
  outcome: Outcome | 'all';
}

export const NO_FILTERS: Filters = { sector: 'all', channel: 'all', outcome: 'all' };

export function applyFilters(list: readonly Scenario[], f: Filters): Scenario[] {
  return list.filter(
    (s) =>
      (f.sector === 'all' || s.sector === f.sector) &&
      (f.channel === 'all' || s.channel === f.channel) &&
      (f.outcome === 'all' || outcomeOf(s) === f.outcome),
  );
}

/** mulberry32: a tiny deterministic PRNG, enough for shuffling a quiz. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded PRNG; returns a new array. */
export function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  const rand = prng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** `?seed=N` from a query string, or undefined when absent or not a whole number. */
export function parseSeed(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('seed');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  return Number(raw);
}

export function quizSet(list: readonly Scenario[], seed: number, size = 10): Scenario[] {
  return shuffle(list, seed).slice(0, size);
}

export interface Segment {
  text: string;
  /** Set when the segment is an evidence phrase. */
  purpose?: PrimaryPurpose;
  message?: string;
}

/**
 * Splits `text` into plain and highlighted segments for one field. Evidence whose offsets no longer match the
 * text (the draft changed since the check) is skipped; overlapping phrases are clipped so none is drawn twice.
 */
export function segments(text: string, evidence: readonly Evidence[], field: Field): Segment[] {
  const spans = evidence
    .filter((e) => e.field === field && e.end > e.start && text.slice(e.start, e.end) === e.text)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const e of spans) {
    if (e.end <= pos) continue;
    const start = Math.max(e.start, pos);
    if (start > pos) out.push({ text: text.slice(pos, start) });
    out.push({ text: text.slice(start, e.end), purpose: e.purpose, message: e.message });
    pos = e.end;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos) });
  return out;
}

/** Splits a draft into paragraphs at blank lines (single line breaks stay inside a paragraph). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
}
