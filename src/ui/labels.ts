/** Plain-English labels for verdict values, shared by every UI surface (popup, panel, training page). */
import type { DirectMarketingLevel, PrimaryPurpose, Route, Severity } from '../core/index.ts';

export const LEVEL_LABEL: Record<DirectMarketingLevel, string> = {
  yes: 'Direct marketing',
  likely: 'Likely direct marketing',
  unclear: 'Unclear',
  unlikely: 'Probably not marketing',
  no: 'Not marketing',
};

export const PURPOSE_LABEL: Record<PrimaryPurpose, string> = {
  promotional: 'promotional',
  fundraising: 'fundraising',
  campaigning: 'campaigning',
  none: 'no marketing purpose',
};

export const ROUTE_LABEL: Record<Route, string> = {
  'not-direct-marketing': 'Not direct marketing: PECR marketing rules do not apply (UK GDPR still does)',
  'consent-required': 'Consent needed: PECR reg 22',
  'consent-held': 'Consent held: keep the record, honour opt-outs',
  'soft-opt-in': 'Products-and-services soft opt-in: PECR reg 22(3)',
  'charity-soft-opt-in': 'Charitable purposes soft opt-in: PECR reg 22(3A)',
  'corporate-subscriber': 'Corporate subscribers: PECR reg 23 only',
  solicited: 'Requested by the recipient: PECR reg 23 still applies',
  unclear: 'Unclear: answer the questions below',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  info: 'Note',
  warning: 'Warning',
  error: 'Problem',
};

export function headline(level: DirectMarketingLevel, purpose: PrimaryPurpose): string {
  if ((level === 'yes' || level === 'likely') && purpose !== 'none')
    return `${LEVEL_LABEL[level]} — ${PURPOSE_LABEL[purpose]}`;
  return LEVEL_LABEL[level];
}
