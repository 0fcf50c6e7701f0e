import { languageName } from '../language/detect.ts';
import type { LanguageCode } from '../verdict.ts';
import { checksConfig } from './config.ts';
import { type DraftCheckRule, fill } from './types.ts';

/**
 * `language-coverage-limited`: part or most of the draft is not in English, so the classifier (trained on
 * English) could not read it. Says which language, what was checked instead (Welsh cue words, or nothing),
 * and what the reader should do. A warning when the verdict rests on cues, or when Welsh cues left an
 * English "not marketing" reading unclear; a note when the English text carried the verdict.
 */
export const languageCoverageLimited: DraftCheckRule = {
  id: 'language-coverage-limited',
  run(input) {
    const report = input.classification.language;
    if (report?.coverage !== 'limited') return undefined;
    const cfg = checksConfig['language-coverage-limited'];
    const foreign = (Object.keys(report.words) as LanguageCode[])
      .filter((l) => l !== 'en' && l !== 'unknown' && (report.words[l] ?? 0) > 0)
      .sort((a, b) => (report.words[b] ?? 0) - (report.words[a] ?? 0));
    const found =
      report.cues === 0
        ? cfg.found.none
        : report.cues === 1
          ? cfg.found.one
          : fill(cfg.found.many, { count: report.cues });
    const others = foreign.filter((l) => l !== 'cy').map(languageName);
    const otherNames =
      others.length <= 1 ? (others[0] ?? '') : `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`;

    if (report.basis === 'cues') {
      const main = foreign[0] ?? 'other';
      const message =
        main === 'cy'
          ? fill(cfg.message['cues-cy'], { found })
          : fill(cfg.message['cues-other'], { language: languageName(main) });
      return { id: 'language-coverage-limited', severity: cfg.severity, message };
    }
    const parts: string[] = [];
    if (foreign.includes('cy') || report.cues > 0) parts.push(fill(cfg.parts.cy, { found }));
    if (others.length > 0) parts.push(fill(cfg.parts.other, { language: otherNames }));
    const cuesMatter = report.cues > 0 && input.level !== 'yes' && input.level !== 'likely';
    return {
      id: 'language-coverage-limited',
      severity: cuesMatter ? cfg.severity : cfg.severityWhenEnglish,
      message: fill(cfg.message.english, { parts: parts.join(' ') }),
    };
  },
};
