/**
 * The only module that imports compromise. It installs our small plugin once (the words the lexicons rely on)
 * and exposes the handful of compromise calls the classifier uses.
 */
import nlp from 'compromise';

/** Multi-word terms and tags compromise does not know, so patterns can use them as one token/tag. */
const WORDS: Record<string, string> = {
  unsubscribe: 'Verb',
  'opt out': 'Verb',
  'gift aid': 'Noun',
  'text to donate': 'Noun',
  ringtone: 'Noun',
  ringtones: 'Noun',
  txt: 'Verb',
};

nlp.addWords(WORDS);

/**
 * compromise tags "hospice.org.uk/quiz" as a link but not "hospice.example/quiz": the reserved `.example` domain
 * (RFC 2606) is what trainers, our demo page and our tests write in place of a real address, and a booking link
 * there must read as one.
 */
(
  nlp.world() as unknown as { model: { two: { regexNormal: [RegExp, string, string][] } } }
).model.two.regexNormal.unshift([/^[a-z0-9][a-z0-9.-]*\.example(\/\S*)?$/, 'Url', '.example']);

export type Doc = ReturnType<typeof nlp>;
/** A match pattern parsed once by compromise (parsing on every call would dominate the cost). */
export type ParsedMatch = ReturnType<typeof nlp.parseMatch>;

export function parseMatch(pattern: string): ParsedMatch {
  return nlp.parseMatch(pattern);
}

// --- bounded work on any text -----------------------------------------------------------------------------------
//
// compromise's sentence splitter is quadratic on two kinds of input: a run of sentence marks not followed by a
// space (its split regex `[.!?…]+\s` backtracks over the run from every position: 40,000 "!" took 5.8 s), and a
// long stretch of chunks that are not sentences on their own ("A. A. A. …": each is merged into a growing string
// that is searched again). Both are bounded here, without changing the split of ordinary text:
// - in a copy of the same length, every run of more than MAX_MARK_RUN marks keeps its last MAX_MARK_RUN marks and
//   the rest become a neutral filler, so each position's backtracking is bounded and offsets stay exact;
// - the splitter sees at most SPLIT_WINDOW characters and SPLIT_WINDOW_BOUNDARIES candidate boundaries at once;
//   a window's last sentences are split again at the start of the next window, so its boundaries are the ones
//   compromise finds in the whole text (only a sentence longer than a window is cut at the window's end).

/** The marks compromise's splitter ends sentences with (its split regex, CJK full stops included). */
export const SENTENCE_MARKS =
  '.!?\u203D\u2E18\u203C\u2047\u2048\u2049\u0964\u0965\u061F\u06D4\u0589\u1362\u1367\u104B\u17D4\u3002\uFF01\uFF1F\uFF61';
/** A longer run of sentence marks is shortened (in a same-length copy) to its last this-many marks. */
export const MAX_MARK_RUN = 8;
/** Stands in for the marks dropped from a long run: not a mark, a letter, a space, a quote or a bracket. */
const FILLER = '~';
const MARK_CLASS = `[${SENTENCE_MARKS}]`;
const LONG_RUN = new RegExp(`${MARK_CLASS}{${MAX_MARK_RUN + 1},}`, 'g');
/** Where compromise may end a sentence: marks then white space, or a line break. */
const BOUNDARY = new RegExp(`${MARK_CLASS}+\\s|\\n`, 'g');
/** The splitter is given at most this many characters at once… */
export const SPLIT_WINDOW = 4000;
/** …and at most this many candidate boundaries (each may start a chunk it merges into a growing string). */
export const SPLIT_WINDOW_BOUNDARIES = 64;
/** Sentences at a window's end are split again in the next window (compromise looks up to two sentences ahead). */
const CARRY = 3;
/** compromise parses text with lines no longer than this (classify's pieces are shorter still). */
export const MAX_NLP_LINE = 1000;

/**
 * `text` with every run of more than MAX_MARK_RUN sentence marks shortened to its last MAX_MARK_RUN marks, the
 * dropped ones replaced by a filler: the same length, so every offset into it is an offset into `text`.
 */
export function boundMarkRuns(text: string): string {
  LONG_RUN.lastIndex = 0;
  if (!LONG_RUN.test(text)) return text;
  return text.replace(LONG_RUN, (run) => FILLER.repeat(run.length - MAX_MARK_RUN) + run.slice(-MAX_MARK_RUN));
}

type Splitter = (text: string) => string[];

/** compromise's own splitter: pieces whose concatenation is the input (nothing for white space only). */
const compromiseSplit: Splitter = (text) => {
  const methods = nlp.methods() as unknown as {
    one: { tokenize: { splitSentences: (t: string, w: unknown) => string[] } };
  };
  return methods.one.tokenize.splitSentences(text, nlp.world());
};

/** Where the window that starts at `start` ends (see SPLIT_WINDOW): after a boundary or white space if it can. */
function windowEnd(shadow: string, start: number): number {
  const limit = Math.min(shadow.length, start + SPLIT_WINDOW);
  BOUNDARY.lastIndex = start;
  let count = 0;
  for (let m = BOUNDARY.exec(shadow); m; m = BOUNDARY.exec(shadow)) {
    const end = m.index + m[0].length;
    if (end > limit) break;
    if (++count === SPLIT_WINDOW_BOUNDARIES) return end;
  }
  if (limit === shadow.length) return limit;
  // Cut at a line break, else white space, in the window's second half; else at the limit (never in a pair).
  const half = start + SPLIT_WINDOW / 2;
  const nl = shadow.lastIndexOf('\n', limit - 1);
  if (nl >= half) return nl + 1;
  for (let i = limit - 1; i >= half; i--) if (/\s/.test(shadow[i]!)) return i + 1;
  const code = shadow.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * Sentences as compromise splits them, in bounded time on any text (see above). The pieces concatenate to `text`;
 * white space alone gives none, as compromise does. `split` is compromise's splitter (tests pass a spy).
 */
export function splitSentences(text: string, split: Splitter = compromiseSplit): string[] {
  if (!/\S/.test(text)) return [];
  const shadow = boundMarkRuns(text);
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = windowEnd(shadow, start);
    const found = split(shadow.slice(start, end));
    let lengths = found.map((p) => p.length);
    // compromise's pieces always cover the window; if they ever do not, the window is one piece.
    if (lengths.reduce((a, b) => a + b, 0) !== end - start) lengths = [end - start];
    const last = end >= text.length;
    // Keep the window's last sentences for the next window, unless this is the end of the text or the window is
    // one sentence (longer than a window: cut at its end).
    const keep = last || lengths.length <= 1 ? lengths.length : Math.max(1, lengths.length - CARRY);
    let at = start;
    for (const length of lengths.slice(0, keep)) {
      out.push(text.slice(at, at + length));
      at += length;
    }
    if (lengths.length === 0) {
      // White space only: it belongs to the sentence before (compromise moves white space to sentence ends).
      if (out.length) out[out.length - 1] += text.slice(start, end);
      else out.push(text.slice(start, end));
      at = end;
    }
    start = at;
  }
  return out;
}

/**
 * The text compromise parses: `text` with long runs of sentence marks bounded (boundMarkRuns) and every line cut
 * to at most MAX_NLP_LINE characters by turning a space near the limit into a line break. Same length as `text`,
 * so term offsets are offsets into `text`; ordinary pieces (classify's, under MAX_NLP_LINE) pass unchanged.
 */
export function boundForNlp(text: string): string {
  const bounded = boundMarkRuns(text);
  let out: string[] | null = null;
  let lineStart = 0;
  for (let i = 0; i <= bounded.length; i++) {
    if (i < bounded.length && bounded[i] !== '\n') {
      if (i - lineStart < MAX_NLP_LINE) continue;
      // Over the limit: break at the last white space of this line.
      let cut = -1;
      for (let j = i; j > lineStart; j--)
        if (/[ \t\u00a0]/.test(bounded[j]!)) {
          cut = j;
          break;
        }
      // One token longer than the limit: break at the white space after it instead.
      if (cut === -1)
        for (let j = i; j < bounded.length && bounded[j] !== '\n'; j++)
          if (/[ \t\u00a0]/.test(bounded[j]!)) {
            cut = j;
            break;
          }
      if (cut === -1) {
        lineStart = i;
        continue;
      }
      out ??= bounded.split('');
      out[cut] = '\n';
      lineStart = cut + 1;
      continue;
    }
    lineStart = i + 1;
  }
  return out ? out.join('') : bounded;
}

interface Term {
  pre: string;
  text: string;
  post: string;
  tags: Set<string>;
  normal?: string;
  machine?: string;
  implicit?: string;
  alias?: string[];
}

/**
 * A postscript's mark ("PS", "P.S.", "PPS") at the start of a line or sentence, blanked to spaces of the same length:
 * after it compromise reads a capitalised imperative as a name ("PS Protect your belongings…") and a lower-case one as
 * part of a noun phrase, so the sentence that follows loses its mood. The mark itself is no cue.
 */
const POSTSCRIPT = /(^|[\n.!?]\s*)([Pp]\.?(?:[Pp]\.?)?[Ss]\.?:?)(?=[ \t]+\p{L})/gu;
function maskPostscripts(text: string): string {
  return text.replace(POSTSCRIPT, (_, lead: string, mark: string) => lead + ' '.repeat(mark.length));
}

export interface Parsed {
  doc: Doc;
  /** Terms per sentence as compromise holds them. */
  sentences: Term[][];
  /** Character offset of each term's text, per sentence, relative to the parsed string. */
  termStarts: number[][];
}

/**
 * What `nlp(text)` does, minus the compute steps nothing here reads. compromise runs `world.hooks` after tokenising;
 * three of them change no tag, text or form: `chunks` groups terms into noun and verb chunks (`term.chunk`; no
 * pattern or act uses chunks), `id` gives each term a unique id for a view's pointers (the check matches on a
 * sentence's terms directly, see matchAll) and `typeahead` completes a last word from prefixes, of which none are
 * registered. Skipping them saves about a tenth of the parse (`npm run bench`); a test holds the terms equal to
 * `nlp()`'s on the everyday drafts, the scenarios and a sample of the corpora.
 */
const UNUSED_HOOKS = new Set(['chunks', 'id', 'typeahead']);
type World = {
  hooks: string[];
  methods: { one: { tokenize: { fromString: (text: string, world: World) => Term[][] } } };
};
type ViewClass = new (document: Term[][]) => Doc & { compute(hooks: string[]): void };
const world = nlp.world() as unknown as World;
const View = (nlp('') as unknown as { constructor: ViewClass }).constructor;
const HOOKS = world.hooks.filter((h) => !UNUSED_HOOKS.has(h));

/** compromise's parse of `text` without the unused steps (see UNUSED_HOOKS). */
export function nlpParse(text: string): Doc {
  if (!text) return nlp('');
  const doc = new View(world.methods.one.tokenize.fromString(text, world));
  doc.compute(HOOKS);
  return doc;
}

export function parse(text: string): Parsed {
  const doc = nlpParse(maskPostscripts(boundForNlp(text)));
  const sentences = (doc as unknown as { document: Term[][] }).document;
  const termStarts: number[][] = [];
  let offset = 0;
  for (const sentence of sentences) {
    const starts: number[] = [];
    for (const term of sentence) {
      offset += term.pre.length;
      starts.push(offset);
      offset += term.text.length + term.post.length;
    }
    termStarts.push(starts);
  }
  return { doc, sentences, termStarts };
}

/** "#noun" for "Noun": the word-set key of each tag, made once (a few hundred tags exist). */
const TAG_KEYS = new Map<string, string>();
/** A term's text that starts and ends with a letter or digit (so trimming punctuation would not change it). */
const PLAIN_WORD = /^[A-Za-z0-9](?:.*[A-Za-z0-9'’])?$/s;

/**
 * Every form under which a pattern word could match a term of the parsed text (normal, machine, implicit,
 * alias, lower-cased text, and the parts of hyphenated words): a superset, for the pre-filter.
 */
export function wordSet(parsed: Parsed, sentence?: number): Set<string> {
  const words = new Set<string>();
  const add = (w: string | undefined) => {
    if (!w) return;
    const lower = w.toLowerCase().replace(/’/g, "'");
    words.add(lower);
    if (lower.includes('-')) for (const part of lower.split('-')) if (part) words.add(part);
  };
  const sentences = sentence === undefined ? parsed.sentences : [parsed.sentences[sentence] ?? []];
  for (const terms of sentences) {
    for (const t of terms) {
      add(t.normal);
      add(t.machine);
      add(t.implicit);
      // The text without leading and trailing punctuation (most terms have none: no regex for them).
      add(PLAIN_WORD.test(t.text) ? t.text : t.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’]+$/gu, ''));
      if (t.alias) for (const a of t.alias) add(a);
      for (const tag of t.tags) {
        let key = TAG_KEYS.get(tag);
        if (key === undefined) {
          key = `#${tag.toLowerCase()}`;
          TAG_KEYS.set(tag, key);
        }
        words.add(key);
      }
    }
  }
  return words;
}

interface MatchView {
  match(m: ParsedMatch): { fullPointer: [number, number, number][] };
}

/** compromise's matcher over a list of sentences' terms (what `doc.match` runs, without building views). */
type RunMatch = (
  docs: Term[][],
  todo: { regs: ParsedMatch },
) => { ptrs: [number, number, number, ...unknown[]][] };
const runMatch = (nlp.methods() as unknown as { one: { match: RunMatch } }).one.match;

/** One token of a parsed pattern, as compromise's parseMatch gives it (the fields read here). */
interface Reg {
  word?: string;
  tag?: string;
  method?: string;
  regex?: RegExp;
  machine?: string;
  fastOr?: Set<string>;
  choices?: Reg[][];
  operator?: 'and' | 'or';
  negative?: boolean;
  optional?: boolean;
  greedy?: boolean;
  anything?: boolean;
  start?: boolean;
  end?: boolean;
  min?: number;
  max?: number;
  use?: string;
  fuzzy?: boolean;
}

/**
 * Where a pattern can start, found without trying every term: the pattern's first tokens each take exactly one
 * term (`before` of them), and the next one needs one of `words`. A match can then only start `before` terms ahead
 * of a term that has one of those words among its forms.
 */
interface Anchor {
  before: number;
  words: Set<string>;
  /** The pattern with its first token marked as the start, so compromise tries it at one place only. */
  anchored: ParsedMatch;
}

const isSimple = (r: Reg) =>
  !r.optional && !r.greedy && r.min === undefined && r.max === undefined && !r.start && !r.end;

/** Whether a token always takes exactly one term, matched or (negated) not. */
function takesOneTerm(r: Reg): boolean {
  // A word with an apostrophe can stand for a contraction's two terms ("we're"): not counted as one.
  const apostrophe = (w: string) => /['’]/.test(w);
  if (!isSimple(r) || (r.word !== undefined && apostrophe(r.word))) return false;
  if (r.fastOr && [...r.fastOr].some(apostrophe)) return false;
  if (r.choices) {
    if (r.operator === 'or' && r.negative) return false;
    return r.choices.every((c) => c.length === 1 && !c[0]!.choices && takesOneTerm(c[0]!));
  }
  if (r.anything) return !r.negative;
  return (
    r.word !== undefined ||
    r.tag !== undefined ||
    r.method !== undefined ||
    r.regex !== undefined ||
    r.machine !== undefined ||
    r.fastOr !== undefined
  );
}

/** The words one of which a token needs in its (first) term, if it needs one. */
function neededWords(r: Reg): string[] | null {
  if (r.negative || r.optional || r.greedy || r.start) return null;
  if (r.word !== undefined) return r.use || r.fuzzy ? null : [r.word];
  if (r.fastOr) return [...r.fastOr];
  if (r.choices && r.operator === 'and') {
    for (const c of r.choices) {
      const w = c.length === 1 ? neededWords(c[0]!) : null;
      if (w) return w;
    }
    return null;
  }
  if (r.choices && r.operator === 'or') {
    const out: string[] = [];
    for (const c of r.choices) {
      const w = c[0] ? neededWords(c[0]) : null;
      if (!w) return null;
      out.push(...w);
    }
    return out;
  }
  return null;
}

const anchors = new WeakMap<ParsedMatch, Anchor | null>();

function anchorOf(match: ParsedMatch): Anchor | null {
  let anchor = anchors.get(match);
  if (anchor !== undefined) return anchor;
  anchor = null;
  const regs = match as unknown as Reg[];
  // A "^" inside the pattern is tested against the term's index in what the matcher is given: only the first
  // token may carry it (and then compromise tries one place already).
  const starts = (r: Reg): boolean => Boolean(r.start) || Boolean(r.choices?.some((c) => c.some(starts)));
  if (regs.length > 0 && !regs[0]!.start && !regs.slice(1).some(starts)) {
    for (let k = 0; k < regs.length; k++) {
      const words = neededWords(regs[k]!);
      if (words) {
        const first = { ...regs[0]!, start: true };
        anchor = {
          before: k,
          words: new Set(words),
          anchored: [first, ...regs.slice(1)] as unknown as ParsedMatch,
        };
        break;
      }
      if (!takesOneTerm(regs[k]!)) break;
    }
  }
  anchors.set(match, anchor);
  return anchor;
}

/** Whether a term may match one of `words` (a superset of compromise's test: every form it compares). */
function mayBeOneOf(t: Term & { root?: string }, words: Set<string>): boolean {
  if (words.has(t.text) || (t.normal !== undefined && words.has(t.normal))) return true;
  if (t.machine && words.has(t.machine)) return true;
  if (t.implicit && words.has(t.implicit)) return true;
  if (t.root && words.has(t.root)) return true;
  if (t.alias) for (const a of t.alias) if (words.has(a)) return true;
  return words.has(t.text.toLowerCase());
}

/**
 * compromise's matches in one sentence, trying only the places a match can start (see Anchor): the same matches,
 * in the same order, with the same skipping past each match, as trying every term.
 */
function anchoredMatches(terms: Term[], anchor: Anchor): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (let p = anchor.before; p < terms.length; p++) {
    const start = p - anchor.before;
    if (start < next || !mayBeOneOf(terms[p]!, anchor.words)) continue;
    const found = runMatch([terms.slice(start)], { regs: anchor.anchored }).ptrs[0];
    if (!found) continue;
    const end = start + found[2];
    out.push([start, end]);
    // As compromise does: carry on after the match (or at the next term, for a match of one term or none).
    next = end - 1 > start ? end : start + 1;
  }
  return out;
}

/**
 * All matches of one parsed pattern, in one sentence or the whole text: [sentence, first term, end term].
 * One sentence runs compromise's matcher on that sentence's terms directly: the same matches as
 * `doc.update([[sentence]]).match(…)`, without the two views that call builds (it runs hundreds of times a check),
 * and where the pattern needs a given word near its start, only where that word is (anchoredMatches).
 */
export function matchAll(parsed: Parsed, match: ParsedMatch, sentence?: number): [number, number, number][] {
  if (sentence !== undefined) {
    const terms = parsed.sentences[sentence];
    if (!terms) return [];
    const anchor = anchorOf(match);
    if (anchor) return anchoredMatches(terms, anchor).map(([a, b]) => [sentence, a, b]);
    return runMatch([terms], { regs: match }).ptrs.map(([, a, b]) => [sentence, a, b]);
  }
  return (parsed.doc as unknown as MatchView).match(match).fullPointer.map(([s, a, b]) => [s, a, b]);
}
