/**
 * A paragraph as runs of one language each. Usually one run: the whole paragraph. Bilingual emails often put
 * a Welsh block and its English version in one paragraph, a line or a few lines each; such a paragraph (with
 * real evidence for both languages) is split at line breaks into runs, so the English classifier can read the
 * English lines and leave out the others.
 */
import type { LanguageCode } from '../verdict.ts';
import { identifyLanguage, looksMixed } from './detect.ts';

export interface LanguageRun {
  /** Offsets into the paragraph; runs are contiguous and cover it exactly. */
  start: number;
  end: number;
  language: LanguageCode;
  confidence: number;
  words: number;
}

function whole(text: string): LanguageRun {
  const g = identifyLanguage(text);
  return { start: 0, end: text.length, language: g.language, confidence: g.confidence, words: g.words };
}

export function languageRuns(text: string): LanguageRun[] {
  const guess = identifyLanguage(text);
  const all: LanguageRun = {
    start: 0,
    end: text.length,
    language: guess.language,
    confidence: guess.confidence,
    words: guess.words,
  };
  if (!looksMixed(guess) || !text.includes('\n')) return [all];

  // Lines with their newline; a line whose language is unknown joins the run before it (or the first run).
  const lines: { start: number; end: number; language: LanguageCode }[] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    lines.push({ start: at, end, language: identifyLanguage(text.slice(at, end)).language });
    at = end;
  }
  const firstKnown = lines.find((l) => l.language !== 'unknown')?.language ?? 'unknown';
  let current: LanguageCode = firstKnown;
  const runs: { start: number; end: number; language: LanguageCode }[] = [];
  for (const line of lines) {
    if (line.language !== 'unknown') current = line.language;
    const last = runs.at(-1);
    if (last && last.language === current) last.end = line.end;
    else runs.push({ start: line.start, end: line.end, language: current });
  }
  if (runs.length < 2) return [all];
  // Each run's own guess gives its confidence and word count (and settles a run that now reads differently).
  return runs.map((r) => {
    const g = whole(text.slice(r.start, r.end));
    return { ...g, start: r.start, end: r.end };
  });
}
