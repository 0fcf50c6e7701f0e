import { checksConfig } from './config.ts';
import { type DraftCheckRule, isDirectMarketing } from './types.ts';

/**
 * `opt-out-missing`: marketing without any opt-out wording in the body (footer and signature hits count).
 * Worse under a soft opt-in, where an opt-out in every message is a condition. An e-mail whose headers give an
 * opt-out route (List-Unsubscribe, passed in as `context.optOutHeader`) has one.
 */
export const optOutMissing: DraftCheckRule = {
  id: 'opt-out-missing',
  run(input) {
    if (!isDirectMarketing(input)) return undefined;
    const found =
      (input.draft.channel === 'email' && input.context.optOutHeader !== undefined) ||
      input.classification.hits.some((h) => h.signal === 'opt-out' && h.field === 'body');
    if (found) return undefined;
    const cfg = checksConfig['opt-out-missing'];
    const softOptIn = input.route === 'soft-opt-in' || input.route === 'charity-soft-opt-in';
    const base = input.draft.channel === 'sms' ? cfg.message.sms : cfg.message.email;
    return {
      id: 'opt-out-missing',
      severity: softOptIn ? cfg.severityOnSoftOptIn : cfg.severity,
      message: softOptIn ? base + cfg.softOptInSuffix : base,
    };
  },
};
