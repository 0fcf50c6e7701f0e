import { distinctAddresses } from './addresses.ts';
import { checksConfig } from './config.ts';
import { checkFinding, defineCheck } from './types.ts';

/** `recipients-exposed`: many addresses visible in To/Cc disclose personal data, marketing or not. */
export const recipientsExposed = defineCheck({
  id: 'recipients-exposed',
  run(input) {
    const r = input.context.recipients;
    if (!r) return undefined;
    const count = distinctAddresses(r.to, r.cc).length;
    const cfg = checksConfig['recipients-exposed'];
    if (count < cfg.warningAt) return undefined;
    return checkFinding(
      'recipients-exposed',
      count >= cfg.errorAt ? 'error' : 'warning',
      'check_recipients_exposed',
      {
        count,
      },
    );
  },
});
