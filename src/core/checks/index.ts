/**
 * The draft checks, in the order they are reported. Each lives in its own file named by its id; its severities,
 * thresholds and sources are in checks.json, its words in the catalogues.
 */
import type { DraftCheck } from '../verdict.ts';
import type { CheckId } from './config.ts';
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

/** Registry, in report order: one entry per check in checks.json, under its own id (a missing one fails to compile). */
const REGISTRY: { readonly [K in CheckId]: DraftCheckRule<K> } = {
  'opted-out': optedOut,
  'language-coverage-limited': languageCoverageLimited,
  'recipients-exposed': recipientsExposed,
  'opt-out-missing': optOutMissing,
  'sender-unidentified': senderUnidentified,
  'consent-request-is-marketing': consentRequestIsMarketing,
  'recipients-look-individual': recipientsLookIndividual,
  'draft-truncated': draftTruncated,
};

export const DRAFT_CHECKS: readonly DraftCheckRule[] = Object.values(REGISTRY);

export function runChecks(input: CheckInput): DraftCheck[] {
  const out: DraftCheck[] = [];
  for (const check of DRAFT_CHECKS) {
    const result = check.run(input);
    if (result) out.push(result);
  }
  return out;
}
