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

/** Literal words of a phrase as they will appear in a sentence's word set, or null if any part is not literal. */
function literalWords(phrase: string): string[] | null {
  // `(word && #Tag)`: one term that is both; only its literal side can be required.
  if (phrase.includes('&&')) {
    const sides = phrase.split('&&').map((side) => side.trim());
    const literal = sides.map((side) => literalWords(side)).filter((w): w is string[] => w !== null);
    return literal.length ? literal.flat() : null;
  }
  const words: string[] = [];
  for (const w of phrase.trim().split(/\s+/)) {
    if (!w || /[#.{}/*+?^$[\]<>@~!]/.test(w.replace(/^[a-z0-9'’&-]+$/i, ''))) return null;
    if (/^[#{/.@]/.test(w)) return null;
    words.push(...wordForms(w));
  }
  return words;
}

/** A word and, for hyphenated or contracted words, its parts (compromise splits "opt-out" into two terms). */
export function wordForms(word: string): string[] {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const parts = lower.split(/[-]/).filter(Boolean);
  return parts.length > 1 ? parts : [lower];
}

export function needsOf(pattern: string): Needs {
  const needs: Needs = [];
  for (const token of topLevelTokens(pattern)) {
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
        needs.push(new RegExp(regex[1]!, 'i'));
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

/** True when the sentence's words could satisfy the pattern's needs. */
export function mayMatch(needs: Needs, words: ReadonlySet<string>): boolean {
  for (const need of needs) {
    if (need instanceof RegExp) {
      let any = false;
      for (const w of words) {
        if (w[0] !== '#' && need.test(w)) {
          any = true;
          break;
        }
      }
      if (!any) return false;
    } else if (!need.some((alt) => alt.every((w) => words.has(w)))) return false;
  }
  return true;
}
