/**
 * Analysis of one sentence: lexicon hits with offsets local to the sentence, and a few surface statistics.
 * A sentence's result depends only on its own text, so results are cached per sentence string and a
 * one-word edit re-parses one sentence.
 */
import { type LocalAct, sentenceActs } from '../acts/acts.ts';
import { matchAll, type Parsed, parse, wordSet } from '../nlp/nlp.ts';
import { mayMatchPacked, sentenceWords } from '../nlp/prefilter.ts';
import { type CompiledLexicons, candidatesIn } from './lexicon.ts';

export interface LocalHit {
  /** Index into CompiledLexicons.patterns. */
  pattern: number;
  start: number;
  end: number;
  /** The sentence's context neutralises this cue (src/core/acts): not evidence, not a model feature. */
  gated?: boolean;
  /** In an advert's line shaped like a record: gated if the message confirms the reader's own purchase. */
  provisional?: boolean;
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
  /** Fundraising hits in a sentence addressed to the reader (you/your, a question, or an imperative start). */
  fundAsks: number;
  /** Fundraising hits written in capitals only: buttons and banners ("DONATE"), not a request in the text. */
  fundCaps: number;
  /** Sentences analysed. */
  sentences: number;
  /** Sentences that ask something of the reader (src/core/acts). */
  requests: number;
  /** Requests whose words serve the sender ("our", "us") / the reader's own affairs ("your") only. */
  requestsOurs: number;
  requestsYours: number;
  /** Sentences with a service act or a record line. */
  serviceSentences: number;
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
  'fundAsks',
  'fundCaps',
  'sentences',
  'requests',
  'requestsOurs',
  'requestsYours',
  'serviceSentences',
] as const satisfies readonly (keyof Stats)[];

export interface SentenceResult {
  hits: LocalHit[];
  stats: Stats;
  /** What the sentences ask of the reader (offsets local, like hits). */
  acts: LocalAct[];
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
  fundAsks: 0,
  fundCaps: 0,
  sentences: 0,
  requests: 0,
  requestsOurs: 0,
  requestsYours: 0,
  serviceSentences: 0,
});

export function addStats(into: Stats, from: Stats): void {
  for (const k of STAT_NAMES) into[k] += from[k];
}

const YOU = new Set(['you', 'your', 'yours', 'yourself']);
const WE = new Set(['we', 'our', 'us', 'ours']);

function statsOf(parsed: Parsed, sentence: number, text: string): Stats {
  const s = emptyStats();
  const terms = parsed.sentences[sentence] ?? [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
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
  for (const ch of text) {
    if (ch === '!') s.exclamations++;
    else if (ch === '?') s.questions++;
  }
  return s;
}

/** Hits and stats of one compromise sentence; offsets are made relative to `base` (the piece's start). */
function analyseParsed(
  parsed: Parsed,
  sentence: number,
  base: number,
  text: string,
  lexicons: CompiledLexicons,
): SentenceResult {
  const words = wordSet(parsed, sentence);
  const hits: LocalHit[] = [];
  const terms = parsed.sentences[sentence];
  const starts = parsed.termStarts[sentence];
  if (terms && starts) {
    // Only matches filed under a word (or tag) of this sentence, in compiled order so results are stable.
    const sw = sentenceWords(words, lexicons.vocabulary);
    const candidates = candidatesIn(sw, lexicons);
    for (const i of candidates) {
      const m = lexicons.matches[i]!;
      if (!mayMatchPacked(m.packed, sw)) continue;
      for (const [, a, b] of matchAll(parsed, m.match, sentence)) {
        if (b <= a) continue;
        const start = starts[a]! - base;
        // A batch's separator can end up in a last term's text (">\n\n"): a hit never runs past its piece.
        let end = Math.min(starts[b - 1]! + terms[b - 1]!.text.length - base, text.length);
        // …and never ends in white space: a control character can make compromise keep spaces and line
        // breaks inside a term's text, and how many depends on what follows the piece.
        while (end > start && /\s/.test(text[end - 1]!)) end--;
        if (end > start) hits.push({ pattern: m.pattern, start, end });
      }
    }
  }
  const stats = statsOf(parsed, sentence, text);
  const localStarts = (starts ?? []).map((s) => s - base);
  const [from, to] = sentenceBounds(parsed, sentence, base, text);
  const resolved = sentenceActs(
    text.slice(from, to),
    from,
    terms ?? [],
    localStarts,
    hits,
    lexicons.patterns,
  );
  for (const i of resolved.gated) hits[i]!.gated = true;
  if (resolved.advert) for (const h of hits) if (!h.gated) h.provisional = true;
  stats.sentences = 1;
  if (resolved.request) {
    stats.requests = 1;
    if (stats.we > 0) stats.requestsOurs = 1;
    else if (stats.you > 0) stats.requestsYours = 1;
  }
  if (resolved.record || resolved.acts.some((a) => a.kind === 'service')) {
    stats.serviceSentences = 1;
    // Amounts and percentages in a record or acknowledgement ("Amount: £20.00", "your refund of £2.50") are
    // the reader's own figures, not prices or asks.
    stats.money = 0;
    stats.percents = 0;
  }
  countFundraisingAsks(stats, hits, text, lexicons);
  return { hits, stats, acts: resolved.acts };
}

/** Where one compromise sentence lies in its piece (offsets relative to `base`, the piece's start). */
function sentenceBounds(parsed: Parsed, sentence: number, base: number, text: string): [number, number] {
  const terms = parsed.sentences[sentence];
  const starts = parsed.termStarts[sentence];
  if (!terms?.length || !starts?.length) return [0, 0];
  const last = terms.length - 1;
  const from = Math.min(text.length, Math.max(0, starts[0]! - base));
  const to = starts[last]! - base + terms[last]!.text.length + terms[last]!.post.length;
  return [from, Math.min(text.length, Math.max(from, to))];
}

/** A hit that is a link ("example.org/donate/…", "https://…"). */
const URL_LIKE = /^(?:https?:\/\/|www\.)|^[\w-]+(?:\.[\w-]+)+\//i;

/**
 * The label policy separates a request for money written in the text from a lone DONATE button: counts
 * fundraising hits in a sentence addressed to the reader, and those in capitals only (buttons, banners).
 */
function countFundraisingAsks(
  stats: Stats,
  hits: LocalHit[],
  text: string,
  lexicons: CompiledLexicons,
): void {
  const addressed = stats.you > 0 || stats.questions > 0 || stats.imperatives > 0;
  for (const h of hits) {
    if (h.gated || lexicons.patterns[h.pattern]!.signal !== 'fundraising') continue;
    const matched = text.slice(h.start, h.end);
    // A link is neither a written ask nor a button's capitals: it says where a donation page is, not who asks.
    if (URL_LIKE.test(matched)) continue;
    if (/[a-z]/.test(matched)) {
      if (addressed) stats.fundAsks++;
    } else if (/[A-Z]/.test(matched)) stats.fundCaps++;
  }
}

function merge(results: SentenceResult[]): SentenceResult {
  if (results.length === 1) return results[0]!;
  const stats = emptyStats();
  for (const r of results) addStats(stats, r.stats);
  return { hits: results.flatMap((r) => r.hits), stats, acts: results.flatMap((r) => r.acts) };
}

/** Analyses one piece of text (normally one sentence) on its own. */
export function analyseSentence(text: string, lexicons: CompiledLexicons): SentenceResult {
  const parsed = parse(text);
  const results = parsed.sentences.map((_, i) => analyseParsed(parsed, i, 0, text, lexicons));
  if (results.length === 0) return { hits: [], stats: emptyStats(), acts: [] };
  return merge(results);
}

/**
 * Analyses many pieces (consecutive sentences of one text, as split by splitSentences) with one parse.
 * compromise tags each sentence on its own, so the results equal per-piece analysis; one call saves the
 * per-call set-up. Returns null if compromise's sentences do not line up with the pieces.
 */
export function analysePieces(pieces: string[], lexicons: CompiledLexicons): SentenceResult[] | null {
  const nonEmpty = pieces.filter((p) => p.trim());
  // A blank line between pieces makes compromise start a new sentence even where a piece has no full stop.
  const SEPARATOR = '\n\n';
  const parsed = parse(nonEmpty.join(SEPARATOR));
  if (parsed.sentences.length !== nonEmpty.length) return null;
  let base = 0;
  const out: SentenceResult[] = [];
  for (let i = 0; i < nonEmpty.length; i++) {
    const piece = nonEmpty[i]!;
    // Each compromise sentence must start inside its piece and end in the white space after it: compromise
    // can move a boundary (e.g. around control characters) while the count still matches.
    const terms = parsed.sentences[i] ?? [];
    const starts = parsed.termStarts[i] ?? [];
    if (terms.length > 0) {
      const first = starts[0]!;
      const last = terms[terms.length - 1]!;
      const end = starts[terms.length - 1]! + last.text.length + last.post.length;
      const textEnd = base + piece.trimEnd().length;
      if (
        first < base ||
        first > base + piece.length ||
        end < textEnd ||
        end > base + piece.length + SEPARATOR.length
      ) {
        return null;
      }
    }
    out.push(analyseParsed(parsed, i, base, piece, lexicons));
    base += piece.length + SEPARATOR.length;
  }
  return out;
}
