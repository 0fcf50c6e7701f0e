/**
 * Language identification for one stretch of text (a paragraph or a line), pure and cheap: one pass of a
 * word regex and a few map look-ups per word, no model files.
 *
 * The classifier is trained on English, so the one question that matters is "is this stretch clearly *not*
 * English?". Evidence is asymmetric on purpose: a stretch reads as Welsh, French, etc. only with positive
 * evidence (that language's function words, and for Welsh its spelling), clearly ahead of any English
 * evidence. Text with too little evidence either way (a name, a number, "Ok lar... wif u oni") is `unknown`,
 * and unknown text is read as English, exactly as before language detection existed.
 */
import languagesJson from '../../data/languages.json' with { type: 'json' };
import { type LanguageCode, PROFILED, type ProfiledLanguage } from '../verdict.ts';
import type { CoverageRules } from './coverage.ts';

export { PROFILED, type ProfiledLanguage } from '../verdict.ts';

type Foreign = Exclude<ProfiledLanguage, 'en'>;
const FOREIGN = PROFILED.filter((l): l is Foreign => l !== 'en');

/** src/data/languages.json. */
export interface LanguagesData {
  functionWords: Record<ProfiledLanguage, string>;
  detection: {
    minForeignScore: number;
    minFunctionScore: number;
    foreignOverEnglish: number;
    foreignMargin: number;
    minForeignDensity: number;
    minEnglishScore: number;
    nonLatinShare: number;
    minNonLatinLetters: number;
    mixedScore: number;
  };
  coverage: CoverageRules;
}

export const languagesData: LanguagesData = languagesJson;
const RULES = languagesData.detection;

/** Word → the languages listing it, each with its share of one point (shared words count less for each). */
const FUNCTION_WORDS = new Map<string, [ProfiledLanguage, number][]>();
{
  const listed = new Map<string, ProfiledLanguage[]>();
  for (const lang of PROFILED) {
    for (const word of languagesData.functionWords[lang].split(/\s+/)) {
      if (!word) continue;
      const langs = listed.get(word) ?? [];
      if (!langs.includes(lang)) langs.push(lang);
      listed.set(word, langs);
    }
  }
  for (const [word, langs] of listed) {
    FUNCTION_WORDS.set(
      word,
      langs.map((l) => [l, 1 / langs.length]),
    );
  }
}

/**
 * Welsh clitics after an apostrophe: i'r, o'r, a'r, mae'r, i'n, biniau'n, wedi'i, i'w, i'ch. English has
 * none of these ('s 't 're 've 'll 'd 'm), so each is as good as a Welsh function word.
 */
const WELSH_CLITICS = new Set(['r', 'n', 'i', 'w', 'ch', 'u']);
const ENGLISH_CLITICS = new Set(['s', 't', 're', 've', 'll', 'd', 'm']);
/** Elided articles and pronouns before an apostrophe: French l'école, d'un, qu'il; Italian dell'anno, un'altra. */
const FRENCH_ELISIONS = new Set(['l', 'd', 'qu', 'j', 'c', 'n', 's', 'm', 't', 'jusqu', 'lorsqu', 'puisqu']);
const ITALIAN_ELISIONS = new Set(['l', 'dell', 'nell', 'all', 'dall', 'sull', 'un', 'quest', 'c']);

const MAYBE_WELSH = /[wŵŷ]|dd|ll|rh|ff|au$|ydd$|^(ngh|mh|nh)/;

/**
 * Welsh spelling that English lacks, for words that are not function words: ŵ and ŷ; initial ll, rh, dd, ff
 * and the nasal-mutation clusters; w as a vowel between consonants (gwneud, cwmni); endings -wch
 * (imperatives: cyfrannwch, prynwch), -au (plurals), -ydd, -iaeth. Each word adds at most one point, and
 * spelling alone never makes a stretch Welsh (function words must be there too): Welsh place names in an
 * English letter stay English.
 */
function welshSpelling(word: string): number {
  // Most English words have none of these letters or pairs: one test settles them.
  if (!MAYBE_WELSH.test(word)) return 0;
  if (/[ŵŷ]/.test(word)) return 1;
  let score = 0;
  if (/^(ll|rh|dd|ff|ngh|mh|nh|chw)[aeiouwyâêîôû]/.test(word)) score += 0.5;
  if (/[bcdfghjklmnprstvz]w[bcdfghjklmnprstvz]/.test(word)) score += 0.5;
  if (/(wch|iaeth|ydd)$/.test(word) || (/au$/.test(word) && !/eau$/.test(word))) score += 0.5;
  else if (/dd/.test(word)) score += 0.25;
  return Math.min(1, score);
}

export interface LanguageGuess {
  language: LanguageCode;
  /** 0..1: how clearly the evidence points to `language` (0 for unknown). */
  confidence: number;
  /** Words counted (letters only; links, addresses and numbers are left out). */
  words: number;
  /** Evidence per language: function words plus (Welsh) spelling. */
  scores: Partial<Record<ProfiledLanguage, number>>;
}

/**
 * Links and e-mail addresses carry no language: a white-space-separated chunk that starts like a link or has
 * an @ in it is skipped (a test per chunk, never a regex over the whole text, which could backtrack for ever on
 * a huge unbroken token). Hyphens and apostrophes stay inside words; a word with digits in it (a code such as
 * "W170P118", a time, a model number) is not a word of any language.
 */
const CHUNK = /\S+/g;
const LINK_START = /^[^\p{L}\p{N}]*(?:https?:|www\.)/iu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const DIGIT = /\p{N}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;
const BEYOND_LATIN = /[^a-z\u00c0-\u024f\u1e00-\u1eff'’-]/;

const round2 = (x: number) => Math.round(x * 100) / 100;
/** Grows towards 1 with the amount of evidence: 2 points ≈ 0.5, 6 points ≈ 0.9. */
const saturation = (evidence: number) => 1 - Math.exp(-evidence / 2.6);

/**
 * Adds one (lower-cased) word's function-word evidence to `fn`; returns its Welsh spelling evidence, which
 * only counts for words that are not function words.
 */
function scoreWord(word: string, fn: Record<ProfiledLanguage, number>): number {
  const listed = FUNCTION_WORDS.get(word);
  if (listed) {
    for (const [lang, share] of listed) fn[lang] += share;
    return 0;
  }
  const apostrophe = word.indexOf("'");
  if (apostrophe <= 0) return welshSpelling(word);
  const before = word.slice(0, apostrophe);
  const after = word.slice(word.lastIndexOf("'") + 1);
  if (WELSH_CLITICS.has(after)) fn.cy += 1;
  else if (ENGLISH_CLITICS.has(after)) fn.en += 1;
  else {
    const french = FRENCH_ELISIONS.has(before);
    const italian = ITALIAN_ELISIONS.has(before);
    if (french && italian) {
      fn.fr += 0.5;
      fn.it += 0.5;
    } else if (french) fn.fr += 1;
    else if (italian) fn.it += 1;
  }
  return 0;
}

/** Identifies the language of a stretch of text. Never throws; cost is linear in the text's length. */
export function identifyLanguage(text: string): LanguageGuess {
  // Lower-cased once for the whole stretch (case does not change a letter's script).
  const lower = text.toLowerCase();
  const fn: Record<ProfiledLanguage, number> = {
    en: 0,
    cy: 0,
    fr: 0,
    de: 0,
    es: 0,
    it: 0,
    pt: 0,
    nl: 0,
    pl: 0,
  };
  let spelling = 0;
  let words = 0;
  let letters = 0;
  let latin = 0;
  // Stretches to skip (links, addresses); looked for only when the text could hold one.
  const skip: [number, number][] = [];
  if (lower.includes('@') || lower.includes('http') || lower.includes('www.')) {
    for (const c of lower.matchAll(CHUNK)) {
      if (c[0].includes('@') || LINK_START.test(c[0])) skip.push([c.index, c.index + c[0].length]);
    }
  }
  let next = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const at = m.index;
    while (next < skip.length && skip[next]![1] <= at) next++;
    if (next < skip.length && skip[next]![0] <= at) continue;
    const raw = m[0];
    if (DIGIT.test(raw)) continue;
    words++;
    letters += raw.length;
    latin += raw.length;
    // Only words with characters beyond Latin Extended need a per-character look (rare in Latin-script text).
    if (BEYOND_LATIN.test(raw)) {
      for (const ch of raw) if (LETTER.test(ch) && !LATIN_LETTER.test(ch)) latin--;
    }
    spelling += scoreWord(raw.includes('’') ? raw.replace(/’/g, "'") : raw, fn);
  }
  const scores: Partial<Record<ProfiledLanguage, number>> = {};
  for (const lang of PROFILED) if (fn[lang] > 0) scores[lang] = round2(fn[lang]);
  if (spelling > 0) scores.cy = round2(fn.cy + spelling);

  // A non-Latin script (Cyrillic, Greek, Arabic, Han…): not English, whatever the words.
  if (letters - latin >= RULES.minNonLatinLetters && (letters - latin) / letters >= RULES.nonLatinShare) {
    return { language: 'other', confidence: round2((letters - latin) / letters), words, scores };
  }

  const english = fn.en;
  let best: Foreign = 'cy';
  let bestScore = -1;
  let foreignFunction = 0;
  let foreignTotal = 0;
  for (const lang of FOREIGN) {
    const score = fn[lang] + (lang === 'cy' ? spelling : 0);
    foreignFunction += fn[lang];
    foreignTotal += score;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  const foreign =
    foreignTotal >= RULES.minForeignScore &&
    foreignFunction >= RULES.minFunctionScore &&
    foreignFunction >= RULES.minForeignDensity * words &&
    foreignTotal >= RULES.foreignOverEnglish * english + RULES.foreignMargin;
  if (foreign) {
    const share = bestScore / (foreignTotal + english);
    return { language: best, confidence: round2(share * saturation(bestScore)), words, scores };
  }
  if (english >= RULES.minEnglishScore && english >= foreignTotal) {
    const share = english / (english + foreignTotal);
    return { language: 'en', confidence: round2(share * saturation(english)), words, scores };
  }
  return { language: 'unknown', confidence: 0, words, scores };
}

/**
 * True when a stretch has real evidence for English and for another language at once: worth splitting into
 * lines (bilingual emails often put a Welsh block and its English version in one paragraph).
 */
export function looksMixed(guess: LanguageGuess): boolean {
  const en = guess.scores.en ?? 0;
  let foreign = 0;
  for (const lang of FOREIGN) foreign += guess.scores[lang] ?? 0;
  return en >= RULES.mixedScore && foreign >= RULES.mixedScore;
}
