import { checksConfig } from './config.ts';
import { type DraftCheckRule, fill } from './types.ts';

/** `draft-truncated`: a draft longer than the analysis limit was judged on its first part only; say so. */
export const draftTruncated: DraftCheckRule = {
  id: 'draft-truncated',
  run(input) {
    if (!input.classification.truncated) return undefined;
    const cfg = checksConfig['draft-truncated'];
    const cut = input.classification.excluded.find((e) => e.kind === 'truncated');
    const analysed = (cut ? cut.start : input.draft.body.length).toLocaleString('en-GB');
    return { id: 'draft-truncated', severity: cfg.severity, message: fill(cfg.message, { analysed }) };
  },
};
