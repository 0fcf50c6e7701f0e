/** Pure helpers for the training page: outcomes, filters, seeded shuffles, highlight segments. No DOM. */
import type { DirectMarketingLevel, Evidence, Field, PrimaryPurpose, Route } from '../core/index.ts';
import { isMarketingLevel, ROUTES } from '../core/verdict.ts';
import { messageRecord } from '../i18n/index.ts';
import { type Scenario, SECTORS, type Sector } from './types.ts';

export type Outcome = 'dm' | 'not-dm' | 'unclear';
export const OUTCOMES: readonly Outcome[] = ['dm', 'not-dm', 'unclear'];
export const OUTCOME_LABEL = messageRecord<Outcome>({
  dm: 'outcome_dm',
  'not-dm': 'outcome_not_dm',
  unclear: 'outcome_unclear',
});

const NOT_DM = new Set<DirectMarketingLevel>(['no', 'unlikely']);

/** The outcome a list of acceptable levels stands for: all marketing, all not, or anything else = unclear. */
export function outcomeOfLevels(levels: readonly DirectMarketingLevel[]): Outcome {
  if (levels.length > 0 && levels.every(isMarketingLevel)) return 'dm';
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

/** How many questions a trainer can pick for a quiz. */
export const QUIZ_SIZES = [5, 10, 15, 20] as const;
export const DEFAULT_QUIZ_SIZE = 10;

export interface QuizSettings {
  size: number;
  /** The sectors the questions come from (all when every sector is chosen). */
  sectors: readonly Sector[];
}

/** `?n=10&sectors=charity,business` from a query string; missing or bad values fall back to the defaults. */
export function parseQuizSettings(search: string): QuizSettings {
  const params = new URLSearchParams(search);
  const n = Number(params.get('n'));
  const size = (QUIZ_SIZES as readonly number[]).includes(n) ? n : DEFAULT_QUIZ_SIZE;
  const asked = (params.get('sectors') ?? '')
    .split(',')
    .filter((x): x is Sector => (SECTORS as readonly string[]).includes(x));
  return { size, sectors: asked.length > 0 ? SECTORS.filter((x) => asked.includes(x)) : SECTORS };
}

/** A seed for each stream of choices (the same quiz seed gives the same quiz). */
const subSeed = (seed: number, stream: number) =>
  (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + stream * 0x27d4eb2f) >>> 0;

/**
 * The quiz: `size` scenarios from the chosen sectors with the answers balanced across the outcomes (direct
 * marketing, not, unclear): each outcome gets size/3 questions, the remainder going to outcomes picked by the
 * seed, and an outcome with too few scenarios gives its share to the others. Then shuffled.
 */
export function quizSet(
  list: readonly Scenario[],
  seed: number,
  size = DEFAULT_QUIZ_SIZE,
  sectors: readonly Sector[] = SECTORS,
): Scenario[] {
  const pool = list.filter((s) => sectors.includes(s.sector));
  const groups = OUTCOMES.map((o, i) =>
    shuffle(
      pool.filter((s) => outcomeOf(s) === o),
      subSeed(seed, i + 1),
    ),
  );
  const total = Math.min(size, pool.length);
  const take = OUTCOMES.map(() => 0);
  // Hand out one question at a time to the outcome that has had fewest so far and still has scenarios; ties go
  // in an order the seed picks, so which outcome gets the extra question varies from quiz to quiz.
  const order = shuffle([0, 1, 2], subSeed(seed, 7));
  for (let n = 0; n < total; n++) {
    let best = -1;
    for (const i of order) {
      if (take[i]! >= groups[i]!.length) continue;
      if (best === -1 || take[i]! < take[best]!) best = i;
    }
    if (best === -1) break;
    take[best]!++;
  }
  const chosen = groups.flatMap((g, i) => g.slice(0, take[i]));
  return shuffle(chosen, subSeed(seed, 11));
}

/**
 * The four routes offered for "which route, and what must the sender do?": the right one and three others,
 * picked by the seed from those that could be confused with it, listed in the fixed order of ROUTES (so the
 * right answer's position gives nothing away).
 */
export function routeOptions(route: Route, seed: number, count = 4): Route[] {
  const others = ROUTES.filter((r) => r !== route);
  // The most common wrong belief first: that consent is needed, or that the rules do not apply.
  const likely: Route[] = route === 'consent-required' ? ['not-direct-marketing'] : ['consent-required'];
  const rest = shuffle(
    others.filter((r) => !likely.includes(r)),
    seed,
  );
  const picked = new Set<Route>([route, ...likely, ...rest].slice(0, count));
  return ROUTES.filter((r) => picked.has(r));
}

export interface Segment {
  text: string;
  /** Set when the segment is an evidence phrase. */
  purpose?: PrimaryPurpose;
  /** The evidence the phrase comes from (to tell the one being presented from the others). */
  source?: Evidence;
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
    out.push({ text: text.slice(start, e.end), purpose: e.purpose, source: e });
    pos = e.end;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos) });
  return out;
}

/**
 * The evidence in reading order (subject first), one entry per phrase that shows in the draft: what presenter
 * mode steps through, and what the hand-out numbers. Phrases hidden by an earlier overlapping one are left out.
 */
export function evidenceSteps(evidence: readonly Evidence[], subject: string, body: string): Evidence[] {
  const out: Evidence[] = [];
  for (const [field, text] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    for (const s of segments(text, evidence, field))
      if (s.source && !out.includes(s.source)) out.push(s.source);
  }
  return out;
}

/** Splits a draft into paragraphs at blank lines (single line breaks stay inside a paragraph). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
}
