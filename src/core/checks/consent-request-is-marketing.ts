import { checksConfig } from './config.ts';
import type { DraftCheckRule } from './types.ts';

/** `consent-request-is-marketing`: a note when the draft asks people to sign up to marketing. */
export const consentRequestIsMarketing: DraftCheckRule = {
  id: 'consent-request-is-marketing',
  run(input) {
    if ((input.classification.counts['consent-request'] ?? 0) <= 0) return undefined;
    if (input.context.consent === 'yes') return undefined;
    const cfg = checksConfig['consent-request-is-marketing'];
    return { id: 'consent-request-is-marketing', severity: cfg.severity, message: cfg.message };
  },
};
