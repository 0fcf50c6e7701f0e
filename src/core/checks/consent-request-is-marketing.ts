import { checksConfig } from './config.ts';
import { checkFinding, defineCheck } from './types.ts';

/** `consent-request-is-marketing`: a note when the draft asks people to sign up to marketing. */
export const consentRequestIsMarketing = defineCheck({
  id: 'consent-request-is-marketing',
  run(input) {
    if ((input.classification.counts['consent-request'] ?? 0) <= 0) return undefined;
    if (input.context.consent === 'yes') return undefined;
    const cfg = checksConfig['consent-request-is-marketing'];
    return checkFinding('consent-request-is-marketing', cfg.severity, 'check_consent_request_is_marketing');
  },
});
