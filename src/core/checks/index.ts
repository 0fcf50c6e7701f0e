/** The draft checks, in the order they are reported. Each lives in its own file; thresholds and text in checks.json. */
import type { DraftCheck } from '../verdict.ts';
import { consentRequestIsMarketing } from './consent-request-is-marketing.ts';
import { draftTruncated } from './draft-truncated.ts';
import { languageCoverageLimited } from './language-coverage-limited.ts';
import { optOutMissing } from './opt-out-missing.ts';
import { optedOut } from './opted-out.ts';
import { recipientsExposed } from './recipients-exposed.ts';
import { recipientsLookIndividual } from './recipients-look-individual.ts';
import { senderUnidentified } from './sender-unidentified.ts';
import type { CheckInput, DraftCheckRule } from './types.ts';

export type { CheckInput, DraftCheckRule } from './types.ts';

export const DRAFT_CHECKS: readonly DraftCheckRule[] = [
  optedOut,
  languageCoverageLimited,
  recipientsExposed,
  optOutMissing,
  senderUnidentified,
  consentRequestIsMarketing,
  recipientsLookIndividual,
  draftTruncated,
];

export function runChecks(input: CheckInput): DraftCheck[] {
  const out: DraftCheck[] = [];
  for (const check of DRAFT_CHECKS) {
    const result = check.run(input);
    if (result) out.push(result);
  }
  return out;
}
