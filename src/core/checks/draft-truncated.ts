import { checksConfig } from './config.ts';
import { checkFinding, defineCheck } from './types.ts';

/** `draft-truncated`: a draft longer than the analysis limit was judged on its first part only; say so. */
export const draftTruncated = defineCheck({
  id: 'draft-truncated',
  run(input) {
    if (!input.classification.truncated) return undefined;
    const cut = input.classification.excluded.find((e) => e.kind === 'truncated');
    const analysed = cut ? cut.start : input.draft.body.length;
    return checkFinding(
      'draft-truncated',
      checksConfig['draft-truncated'].severity,
      'check_draft_truncated',
      {
        analysed,
      },
    );
  },
});
