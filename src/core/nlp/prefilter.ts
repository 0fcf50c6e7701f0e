/**
 * A cheap, conservative pre-filter for compromise match patterns. compromise's own net indexes patterns by
 * one hook word, so patterns that open with common words ("your", "you") are tried on most sentences.
 * Here each pattern lists *every* required group of literal words; a pattern is tried on a sentence only if
 * each required group has an alternative whose words all occur in the sentence. Tags, regexes, lemmas and
 * wildcards are not filtered on (they never make a pattern skip), so the filter can only save work, never
 * lose a match.
 */

/**
 * Required groups: each group is a list of alternatives; each alternative is a list of words that must all
 * occur. Tags occur as `#tag` (compromise stores every inherited tag on a term, so `#Value` is there for money).
 * A regular expression need is met when any word of the sentence matches it.
 */
export type Need = string[][] | RegExp;
export type Needs = Need[];

/** Irregular verbs: their lemma forms cannot be guessed by suffixes, so a {lemma} of one is not filtered on. */
const IRREGULAR = new Set(
  'give take get buy win sell send make pay bring stand write speak tell leave keep find choose begin run swim go see know think feel hold meet lose put set spend lend build grow draw fight catch teach come do have be say'.split(
    ' ',
  ),
);

/** Regular inflections of a lemma (donate → donates, donated, donating, donation…), or null if irregular. */
function lemmaForms(lemma: string): string[] | null {
  const w = lemma.toLowerCase();
  if (IRREGULAR.has(w) || !/^[a-z]+$/.test(w)) return null;
  const stem = w.replace(/e$/, '');
  const forms = new Set([
    w,
    `${w}s`,
    `${w}es`,
    `${w}d`,
    `${w}ed`,
    `${w}ing`,
    `${stem}ing`,
    `${stem}ed`,
    `${stem}ion`,
    `${stem}ions`,
  ]);
  if (/y$/.test(w)) forms.add(`${w.slice(0, -1)}ies`).add(`${w.slice(0, -1)}ied`);
  const last = w.at(-1)!;
  if (/[bdgklmnprt]/.test(last)) forms.add(`${w}${last}ing`).add(`${w}${last}ed`);
  return [...forms];
}

/** Splits a pattern into top-level tokens (spaces inside parentheses do not split). */
function topLevelTokens(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of pattern) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === ' ' && depth === 0) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Literal words of a phrase as they will appear in a sentence's word set, or null if no part is literal. Parts
 * that are not literal ("p.o.", a tag, an optional word) are left out: requiring fewer words is still sound.
 */
function literalWords(phrase: string): string[] | null {
  // `(word && #Tag)`: one term that is both; only its literal side can be required.
  if (phrase.includes('&&')) {
    const sides = phrase.split('&&').map((side) => side.trim());
    const literal = sides.map((side) => literalWords(side)).filter((w): w is string[] => w !== null);
    return literal.length ? literal.flat() : null;
  }
  const words: string[] = [];
  for (const w of phrase.trim().split(/\s+/))
    if (/^[\p{L}\p{N}'’&£-]+$/u.test(w)) words.push(...wordForms(w));
  return words.length ? words : null;
}

/** A word and, for hyphenated or contracted words, its parts (compromise splits "opt-out" into two terms). */
export function wordForms(word: string): string[] {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const parts = lower.split(/[-]/).filter(Boolean);
  return parts.length > 1 ? parts : [lower];
}

/**
 * A regex need. Most are tested once against the sentence's words joined by line breaks (see mayMatch): with the
 * `m` flag, `^` and `$` anchor at each word. One with a part that can match a line break (`[^…]`, `\s`, `\W`,
 * `\D`) could reach across words, so it is compiled without `m` and tested word by word.
 */
function regexNeed(source: string): RegExp {
  return new RegExp(source, /\[\^|\\[sWD]/.test(source) ? 'i' : 'im');
}

export function needsOf(pattern: string): Needs {
  const needs: Needs = [];
  for (const anchored of topLevelTokens(pattern)) {
    // Anchors (`^` at the sentence's start, `$` at its end) do not change which words a token needs.
    const token = anchored.startsWith('/') ? anchored : anchored.replace(/^\^/, '').replace(/\$$/, '');
    if (/[?*]$/.test(token) || /\{\d*,?\d*\}$/.test(token)) continue; // optional or repeated: not required
    const tag = /^#([A-Za-z]+)$/.exec(token);
    if (tag) {
      needs.push([[`#${tag[1]!.toLowerCase()}`]]);
      continue;
    }
    const lemma = /^\{([a-z]+)(\/[a-z]+)?\}$/i.exec(token);
    if (lemma) {
      const forms = lemmaForms(lemma[1]!);
      if (forms) needs.push(forms.map((f) => [f]));
      continue;
    }
    const regex = /^\/(.+)\/$/.exec(token);
    if (regex) {
      try {
        needs.push(regexNeed(regex[1]!));
      } catch {
        // Not a regex we can read: no filtering on it.
      }
      continue;
    }
    if (token.startsWith('(') && token.endsWith(')')) {
      const alternatives = token.slice(1, -1).split('|');
      const group: string[][] = [];
      let literal = true;
      for (const alt of alternatives) {
        const words = literalWords(alt);
        if (!words) {
          literal = false;
          break;
        }
        group.push(words);
      }
      if (literal && group.length) needs.push(group);
      continue;
    }
    const words = literalWords(token);
    if (words) needs.push([words]);
  }
  return needs;
}

/** The words of a word set (tags left out) one per line, for the regex needs. */
function linesOf(words: ReadonlySet<string>): string {
  const list: string[] = [];
  for (const w of words) if (w[0] !== '#') list.push(w);
  return list.join('\n');
}

/** A sentence's word set as the pre-filter reads it (see sentenceWords); `lines` is filled on first need. */
export interface SentenceWords {
  words: ReadonlySet<string>;
  /** present[id] is 1 when the vocabulary's word `id` is in `words`. */
  present: Uint8Array;
  /** The vocabulary ids in `words`. */
  ids: number[];
  lines?: string;
}

/**
 * The words and tags the needs of a set of patterns name, each with a small integer id, so that a sentence's
 * words become a byte array and a pattern's word needs a flat list of ids (see PackedNeeds): a check tests a few
 * hundred patterns per sentence right after compromise has filled the caches with its parse, and walking nested
 * arrays of strings there cost several times the test itself.
 */
export type Vocabulary = Map<string, number>;

/**
 * A pattern's needs, packed: `words` is, for each word group, its number of alternatives, then for each
 * alternative its number of words and their ids; `regexes` are the regex needs, tested after the words.
 */
export interface PackedNeeds {
  words: Int32Array;
  regexes: RegExp[];
}

export function packNeeds(needs: Needs, vocabulary: Vocabulary): PackedNeeds {
  const words: number[] = [];
  const regexes: RegExp[] = [];
  const id = (w: string) => {
    let n = vocabulary.get(w);
    if (n === undefined) {
      n = vocabulary.size;
      vocabulary.set(w, n);
    }
    return n;
  };
  for (const need of needs) {
    if (need instanceof RegExp) {
      regexes.push(need);
      continue;
    }
    words.push(need.length);
    for (const alt of need) words.push(alt.length, ...alt.map(id));
  }
  return { words: Int32Array.from(words), regexes };
}

/** A sentence's words with the vocabulary's ids marked: one look-up per word, once per sentence. */
export function sentenceWords(words: ReadonlySet<string>, vocabulary: Vocabulary): SentenceWords {
  const present = new Uint8Array(vocabulary.size);
  const ids: number[] = [];
  for (const w of words) {
    const n = vocabulary.get(w);
    if (n !== undefined && present[n] !== 1) {
      present[n] = 1;
      ids.push(n);
    }
  }
  return { words, present, ids };
}

/** Whether some word meets a regex need (`lines`: the words one per line, for the multiline ones). */
function regexMet(need: RegExp, words: ReadonlySet<string>, lines: () => string): boolean {
  if (need.multiline) return need.test(lines());
  for (const w of words) if (w[0] !== '#' && need.test(w)) return true;
  return false;
}

/** mayMatch on packed needs: the same answer, for the check's hot loop. */
export function mayMatchPacked(needs: PackedNeeds, sentence: SentenceWords): boolean {
  const { present } = sentence;
  const code = needs.words;
  let at = 0;
  while (at < code.length) {
    let alternatives = code[at++]!;
    let met = false;
    while (alternatives-- > 0) {
      const count = code[at++]!;
      const end = at + count;
      if (!met) {
        let all = true;
        for (let k = at; k < end; k++) {
          if (present[code[k]!] !== 1) {
            all = false;
            break;
          }
        }
        met = all;
      }
      at = end;
    }
    if (!met) return false;
  }
  const lines = () => (sentence.lines ??= linesOf(sentence.words));
  for (const need of needs.regexes) if (!regexMet(need, sentence.words, lines)) return false;
  return true;
}

/** True when the sentence's words could satisfy the pattern's needs (the reference; the check uses mayMatchPacked). */
export function mayMatch(needs: Needs, words: ReadonlySet<string>): boolean {
  for (const need of needs) {
    if (need instanceof RegExp) {
      if (!regexMet(need, words, () => linesOf(words))) return false;
      continue;
    }
    if (!need.some((alt) => alt.every((w) => words.has(w)))) return false;
  }
  return true;
}
