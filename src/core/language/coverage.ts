/**
 * How far the verdict can read a draft: which judged stretches are not in English, whether the English
 * classifier reads the English text only (a bilingual draft) or there is too little English and the text
 * level rests on cue words, and the note the reader sees (a message: src/i18n/render.ts words it). Thresholds: src/data/languages.json.
 */

import type { MessageRef, Param } from '../findings/finding.ts';
import {
  type DirectMarketingLevel,
  type Field,
  type LanguageCode,
  type LanguageCoverage,
  type PrimaryPurpose,
  PURPOSES,
  type Purpose,
} from '../verdict.ts';
import { languagesData } from './detect.ts';

/** When non-English text matters and what the verdict then rests on (src/data/languages.json `coverage`). */
export interface CoverageRules {
  minForeignWords: number;
  alwaysFlagWords: number;
  minForeignShare: number;
  minEnglishWords: number;
  minEnglishShare: number;
  strongCues: { distinctPatterns: number; hits: number };
  cueScores: { strong: number; some: number };
}

export const COVERAGE: CoverageRules = languagesData.coverage;

/** One judged stretch (a paragraph, or a run of lines of one language) with its language. */
export interface Stretch {
  field: Field;
  start: number;
  end: number;
  language: LanguageCode;
  confidence: number;
  words: number;
}

/** The coverage the verdict shows, plus what the classifier and the rules need. */
export interface LanguageReport extends LanguageCoverage {
  /** Judged words per language (rough: letters-only words). */
  words: Partial<Record<LanguageCode, number>>;
  /** Judged hits of other-language purpose cues (Welsh fundraising, promotional, campaigning words). */
  cues: number;
}

const isForeign = (l: LanguageCode) => l !== 'en' && l !== 'unknown';
/** At most this many stretches are listed (a huge draft in another language has thousands of paragraphs). */
const MAX_PARAGRAPHS = 1_000;

/**
 * Decides the coverage from the judged stretches. `welshCues` is the number of Welsh purpose-cue hits in
 * Welsh text: any of them makes the coverage limited (that part was read by cue words only), however short.
 */
export function assessCoverage(stretches: Stretch[], welshCues = 0): LanguageReport {
  const words: Partial<Record<LanguageCode, number>> = {};
  for (const s of stretches) words[s.language] = (words[s.language] ?? 0) + s.words;
  const english = words.en ?? 0;
  const foreignCodes = (Object.keys(words) as LanguageCode[])
    .filter(isForeign)
    .sort((a, b) => (words[b] ?? 0) - (words[a] ?? 0) || (a < b ? -1 : 1));
  const foreign = foreignCodes.reduce((n, l) => n + (words[l] ?? 0), 0);
  const total = stretches.reduce((n, s) => n + s.words, 0);
  const identified = english + foreign;
  let primary: LanguageCode = 'unknown';
  if (identified > 0) primary = english >= (words[foreignCodes[0]!] ?? 0) ? 'en' : foreignCodes[0]!;

  // A short non-English aside in an English draft does not matter; a draft with little or no English does,
  // however short (a text message in Polish), and so does any Welsh purpose cue.
  const significant =
    (foreign >= COVERAGE.minForeignWords &&
      (foreign >= COVERAGE.alwaysFlagWords || foreign / Math.max(total, 1) >= COVERAGE.minForeignShare)) ||
    (foreign > 0 && english < COVERAGE.minEnglishWords && foreign >= english) ||
    welshCues > 0;
  if (!significant) {
    return { primary, coverage: 'full', basis: 'english', paragraphs: [], words, cues: welshCues };
  }
  const basis: LanguageReport['basis'] =
    english >= COVERAGE.minEnglishWords && english / identified >= COVERAGE.minEnglishShare
      ? 'english'
      : 'cues';
  const others = foreignCodes.filter((l) => l !== 'cy');
  const welsh = foreignCodes.includes('cy');
  const list: Param = { list: others.map((language) => ({ language })) };
  const note: MessageRef =
    basis === 'cues'
      ? foreignCodes[0] === 'cy'
        ? { messageId: 'coverage_note_cues_cy' }
        : {
            messageId: 'coverage_note_cues_other',
            params: { language: { language: foreignCodes[0] ?? 'other' } },
          }
      : welsh && others.length > 0
        ? { messageId: 'coverage_note_english_mixed', params: { language: list } }
        : welsh
          ? { messageId: 'coverage_note_english_cy' }
          : { messageId: 'coverage_note_english_other', params: { language: list } };
  const paragraphs = stretches
    .filter((s) => isForeign(s.language))
    .slice(0, MAX_PARAGRAPHS)
    .map((s) => ({
      field: s.field,
      start: s.start,
      end: s.end,
      language: s.language,
      confidence: s.confidence,
    }));
  return { primary, coverage: 'limited', basis, note, paragraphs, words, cues: welshCues };
}

/** The public part of a report (what the verdict carries). */
export function toCoverage(report: LanguageReport): LanguageCoverage {
  const out: LanguageCoverage = {
    primary: report.primary,
    coverage: report.coverage,
    basis: report.basis,
    paragraphs: report.paragraphs.map((p) => ({ ...p })),
  };
  if (report.note) out.note = report.note;
  return out;
}

const RANK: Record<DirectMarketingLevel, number> = { no: 0, unlikely: 1, unclear: 2, likely: 3, yes: 4 };

export interface CueHit {
  patternId: string;
  signal: Purpose;
}

/** Strong cues: several different cue patterns, or several hits. */
function strong(cues: CueHit[]): boolean {
  const distinct = new Set(cues.map((c) => c.patternId)).size;
  return distinct >= COVERAGE.strongCues.distinctPatterns || cues.length >= COVERAGE.strongCues.hits;
}

export interface TextReading {
  level: DirectMarketingLevel;
  primaryPurpose: PrimaryPurpose;
  purposes: Record<Purpose, number>;
}

/**
 * The text-level reading when the classifier could not read all of the draft:
 * - too little English (basis `cues`): never lower than `unclear`, since the classifier's "not marketing"
 *   means nothing for text it cannot read; strong Welsh cues (several different cue patterns, or several
 *   hits) make it `likely`; the cues name the purpose when the classifier found none, and each purpose's
 *   score is at least what its cues say (the model's score on text it cannot read means little);
 * - enough English (basis `english`): the English reading stands, unless it says "not marketing" while the
 *   Welsh part has purpose cues: the two versions may differ, so `unclear`.
 */
export function adjustForCoverage(reading: TextReading, report: LanguageReport, cues: CueHit[]): TextReading {
  if (report.coverage === 'full') return reading;
  const { level, primaryPurpose, purposes } = reading;
  const notMarketing = RANK[level] < RANK.unclear;
  if (report.basis === 'english') {
    return { ...reading, level: notMarketing && cues.length > 0 ? 'unclear' : level };
  }
  let out = level;
  if (strong(cues) && RANK[level] < RANK.likely) out = 'likely';
  else if (notMarketing) out = 'unclear';
  let purpose = primaryPurpose;
  if (purpose === 'none' && cues.length > 0 && RANK[out] >= RANK.unclear) purpose = topPurpose(cues);
  const scores = { ...purposes };
  for (const p of PURPOSES) {
    const own = cues.filter((c) => c.signal === p);
    if (own.length === 0) continue;
    const floor = strong(own) ? COVERAGE.cueScores.strong : COVERAGE.cueScores.some;
    scores[p] = Math.max(scores[p], floor);
  }
  return { level: out, primaryPurpose: purpose, purposes: scores };
}

/** The purpose most cues point to (ties: fundraising, then promotional, then campaigning). */
function topPurpose(cues: CueHit[]): Purpose {
  const order: Purpose[] = ['fundraising', 'promotional', 'campaigning'];
  const count = (p: Purpose) => cues.filter((c) => c.signal === p).length;
  return order.reduce((a, b) => (count(b) > count(a) ? b : a));
}
