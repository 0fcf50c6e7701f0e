import { checksConfig } from './config.ts';
import { checkFinding, defineCheck, isDirectMarketing } from './types.ts';

/**
 * `opt-out-missing`: marketing without any opt-out wording in the body (footer and signature hits count).
 * Worse under a soft opt-in, where an opt-out in every message is a condition. An e-mail whose headers give an
 * opt-out route (List-Unsubscribe, passed in as `context.optOutHeader`) has one.
 */
export const optOutMissing = defineCheck({
  id: 'opt-out-missing',
  run(input) {
    if (!isDirectMarketing(input)) return undefined;
    const found =
      (input.draft.channel === 'email' && input.context.optOutHeader !== undefined) ||
      input.classification.hits.some((h) => h.signal === 'opt-out' && h.field === 'body');
    if (found) return undefined;
    const cfg = checksConfig['opt-out-missing'];
    const sms = input.draft.channel === 'sms';
    if (input.route === 'soft-opt-in' || input.route === 'charity-soft-opt-in') {
      const message = sms ? 'check_opt_out_missing_sms_soft' : 'check_opt_out_missing_email_soft';
      return checkFinding('opt-out-missing', cfg.severityOnSoftOptIn, message, {}, cfg.citationsOnSoftOptIn);
    }
    return checkFinding(
      'opt-out-missing',
      cfg.severity,
      sms ? 'check_opt_out_missing_sms' : 'check_opt_out_missing_email',
    );
  },
});
