/**
 * Analysis of one sentence: lexicon hits with offsets local to the sentence, and a few surface statistics.
 * A sentence's result depends only on its own text, so results are cached per sentence string and a
 * one-word edit re-parses one sentence.
 */
import { type Parsed, parse, sweep } from '../nlp/nlp.ts';
import type { CompiledLexicons } from './lexicon.ts';

export interface LocalHit {
  /** Index into CompiledLexicons.patterns. */
  pattern: number;
  start: number;
  end: number;
}

/** Surface statistics; summed over sentences, so every field is a count. */
export interface Stats {
  words: number;
  money: number;
  urls: number;
  emails: number;
  phones: number;
  percents: number;
  exclamations: number;
  questions: number;
  capsWords: number;
  you: number;
  we: number;
  imperatives: number;
}

export const STAT_NAMES = [
  'words',
  'money',
  'urls',
  'emails',
  'phones',
  'percents',
  'exclamations',
  'questions',
  'capsWords',
  'you',
  'we',
  'imperatives',
] as const satisfies readonly (keyof Stats)[];

export interface SentenceResult {
  hits: LocalHit[];
  stats: Stats;
}

export const emptyStats = (): Stats => ({
  words: 0,
  money: 0,
  urls: 0,
  emails: 0,
  phones: 0,
  percents: 0,
  exclamations: 0,
  questions: 0,
  capsWords: 0,
  you: 0,
  we: 0,
  imperatives: 0,
});

export function addStats(into: Stats, from: Stats): void {
  for (const k of STAT_NAMES) into[k] += from[k];
}

const YOU = new Set(['you', 'your', 'yours', 'yourself']);
const WE = new Set(['we', 'our', 'us', 'ours']);

function statsOf(parsed: Parsed, text: string): Stats {
  const s = emptyStats();
  for (const sentence of parsed.sentences) {
    for (let i = 0; i < sentence.length; i++) {
      const t = sentence[i]!;
      if (!t.text) continue;
      s.words++;
      const tags = t.tags;
      if (tags.has('Money')) s.money++;
      if (tags.has('Url')) s.urls++;
      if (tags.has('Email')) s.emails++;
      if (tags.has('PhoneNumber')) s.phones++;
      if (tags.has('Percent')) s.percents++;
      const lower = (t.normal ?? t.text).toLowerCase();
      if (YOU.has(lower)) s.you++;
      if (WE.has(lower)) s.we++;
      if (t.text.length >= 3 && /^[A-Z][A-Z0-9!]+$/.test(t.text)) s.capsWords++;
      if (i === 0 && tags.has('Imperative')) s.imperatives++;
    }
  }
  for (const ch of text) {
    if (ch === '!') s.exclamations++;
    else if (ch === '?') s.questions++;
  }
  return s;
}

export function analyseSentence(text: string, lexicons: CompiledLexicons): SentenceResult {
  const parsed = parse(text);
  const hits: LocalHit[] = [];
  for (const [pattern, s, a, b] of sweep(parsed, lexicons.net)) {
    const terms = parsed.sentences[s];
    const starts = parsed.termStarts[s];
    if (!terms || !starts || b <= a) continue;
    const last = terms[b - 1]!;
    const start = starts[a]!;
    const end = starts[b - 1]! + last.text.length;
    if (end > start) hits.push({ pattern, start, end });
  }
  return { hits, stats: statsOf(parsed, text) };
}
