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

export type Doc = ReturnType<typeof nlp>;
/** A match pattern parsed once by compromise (parsing on every call would dominate the cost). */
export type ParsedMatch = ReturnType<typeof nlp.parseMatch>;

export function parseMatch(pattern: string): ParsedMatch {
  return nlp.parseMatch(pattern);
}

/** Compromise's own sentence splitter: returns pieces whose concatenation is the input. */
export function splitSentences(text: string): string[] {
  const methods = nlp.methods() as unknown as {
    one: { tokenize: { splitSentences: (t: string, w: unknown) => string[] } };
  };
  return methods.one.tokenize.splitSentences(text, nlp.world());
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

export interface Parsed {
  doc: Doc;
  /** Terms per sentence as compromise holds them. */
  sentences: Term[][];
  /** Character offset of each term's text, per sentence, relative to the parsed string. */
  termStarts: number[][];
}

export function parse(text: string): Parsed {
  const doc = nlp(text);
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
      add(t.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’]+$/gu, ''));
      if (t.alias) for (const a of t.alias) add(a);
      for (const tag of t.tags) words.add(`#${tag.toLowerCase()}`);
    }
  }
  return words;
}

interface MatchView {
  match(m: ParsedMatch): { fullPointer: [number, number, number][] };
}

/** All matches of one parsed pattern, in one sentence or the whole text: [sentence, first term, end term]. */
export function matchAll(parsed: Parsed, match: ParsedMatch, sentence?: number): [number, number, number][] {
  const view =
    sentence === undefined
      ? (parsed.doc as unknown as MatchView)
      : (parsed.doc as unknown as { update(p: number[][]): MatchView }).update([[sentence]]);
  return view.match(match).fullPointer.map(([s, a, b]) => [s, a, b]);
}
