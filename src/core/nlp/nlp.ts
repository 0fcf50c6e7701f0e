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
export type Net = ReturnType<typeof nlp.buildNet>;

/** A compiled pattern list: entries carry the index of their lexicon pattern. */
export function buildNet(entries: { match: string; index: number }[]): Net {
  return nlp.buildNet(entries);
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

/** Runs a compiled net over a parsed text; yields [entry index, sentence, first term, end term]. */
export function sweep(parsed: Parsed, net: Net): [number, number, number, number][] {
  const { found } = parsed.doc.sweep(net, { matchOne: false }) as unknown as {
    found: { index: number; view: { ptrs: [number, number, number][] } }[];
  };
  const out: [number, number, number, number][] = [];
  for (const f of found) {
    for (const [s, a, b] of f.view.ptrs) out.push([f.index, s, a, b]);
  }
  return out;
}
