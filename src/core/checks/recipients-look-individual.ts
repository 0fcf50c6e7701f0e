import { distinctAddresses, domainMatches, domainOf } from './addresses.ts';
import { checksConfig } from './config.ts';
import { checkFinding, defineCheck } from './types.ts';

/**
 * `recipients-look-individual`: when the recipient type is unknown and every address is at a consumer
 * webmail domain, says the recipients are likely individual subscribers.
 */
export const recipientsLookIndividual = defineCheck({
  id: 'recipients-look-individual',
  run(input) {
    const r = input.context.recipients;
    if (!r || input.context.recipientType !== 'unknown' || input.route === 'not-direct-marketing')
      return undefined;
    const all = distinctAddresses(r.to, r.cc, r.bcc);
    if (all.length === 0) return undefined;
    const cfg = checksConfig['recipients-look-individual'];
    const webmail = (a: string) => cfg.webmailDomains.some((p) => domainMatches(domainOf(a), p));
    if (!all.every(webmail)) return undefined;
    return checkFinding('recipients-look-individual', cfg.severity, 'check_recipients_look_individual', {
      count: all.length,
    });
  },
});
