import type { MessageRef, Param } from '../findings/finding.ts';
import { isMarketingLevel, type LanguageCode } from '../verdict.ts';
import { checksConfig } from './config.ts';
import { checkFinding, defineCheck } from './types.ts';

/**
 * `language-coverage-limited`: part or most of the draft is not in English, so the classifier (trained on
 * English) could not read it. Says which language, what was checked instead (Welsh cue words, or nothing),
 * and what the reader should do. A warning when the verdict rests on cues, or when Welsh cues left an
 * English "not marketing" reading unclear; a note when the English text carried the verdict.
 */
export const languageCoverageLimited = defineCheck({
  id: 'language-coverage-limited',
  run(input) {
    const report = input.classification.language;
    if (report?.coverage !== 'limited') return undefined;
    const cfg = checksConfig['language-coverage-limited'];
    const foreign = (Object.keys(report.words) as LanguageCode[])
      .filter((l) => l !== 'en' && l !== 'unknown' && (report.words[l] ?? 0) > 0)
      .sort((a, b) => (report.words[b] ?? 0) - (report.words[a] ?? 0));
    // How many Welsh cue words were found: none, one, or a count.
    const found: MessageRef =
      report.cues === 0
        ? { messageId: 'check_language_found_none' }
        : report.cues === 1
          ? { messageId: 'check_language_found_one' }
          : { messageId: 'check_language_found_many', params: { count: report.cues } };
    const others: Param = { list: foreign.filter((l) => l !== 'cy').map((language) => ({ language })) };
    const hasOthers = foreign.some((l) => l !== 'cy');
    if (report.basis === 'cues') {
      const main = foreign[0] ?? 'other';
      return main === 'cy'
        ? checkFinding('language-coverage-limited', cfg.severity, 'check_language_cues_cy', { found })
        : checkFinding('language-coverage-limited', cfg.severity, 'check_language_cues_other', {
            language: { language: main },
          });
    }
    const welsh = foreign.includes('cy') || report.cues > 0;
    const parts: Param =
      welsh && hasOthers
        ? { messageId: 'check_language_parts_both', params: { found, language: others } }
        : welsh
          ? { messageId: 'check_language_part_cy', params: { found } }
          : hasOthers
            ? { messageId: 'check_language_part_other', params: { language: others } }
            : '';
    const cuesMatter = report.cues > 0 && !isMarketingLevel(input.level);
    return checkFinding(
      'language-coverage-limited',
      cuesMatter ? cfg.severity : cfg.severityWhenEnglish,
      'check_language_english',
      { parts },
    );
  },
});
