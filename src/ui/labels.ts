/**
 * Labels for verdict values, shared by every UI surface (popup, panel, Send dialog, training page), in the
 * interface language. Each map reads the catalogue when a value is looked up, so `ROUTE_LABEL[route]` is always
 * in the current language without re-importing anything.
 */
import type { DirectMarketingLevel, PrimaryPurpose, Route, Sender, Severity } from '../core/index.ts';
import { isMarketingLevel } from '../core/verdict.ts';
import { messageRecord, t } from '../i18n/index.ts';

export const LEVEL_LABEL = messageRecord<DirectMarketingLevel>({
  yes: 'level_yes',
  likely: 'level_likely',
  unclear: 'level_unclear',
  unlikely: 'level_unlikely',
  no: 'level_no',
});

export const PURPOSE_LABEL = messageRecord<PrimaryPurpose>({
  promotional: 'purpose_promotional',
  fundraising: 'purpose_fundraising',
  campaigning: 'purpose_campaigning',
  none: 'purpose_none',
});

export const ROUTE_LABEL = messageRecord<Route>({
  'not-direct-marketing': 'route_not_direct_marketing',
  'consent-required': 'route_consent_required',
  'consent-held': 'route_consent_held',
  'soft-opt-in': 'route_soft_opt_in',
  'charity-soft-opt-in': 'route_charity_soft_opt_in',
  'corporate-subscriber': 'route_corporate_subscriber',
  solicited: 'route_solicited',
  unclear: 'route_unclear',
});

export const SEVERITY_LABEL = messageRecord<Severity>({
  info: 'severity_info',
  warning: 'severity_warning',
  error: 'severity_error',
});

/** Who sends: the context's sender values (the popup's "sending as", the training switches). */
export const SENDER_LABEL = messageRecord<Sender | 'unknown'>({
  unknown: 'common_not_sure',
  business: 'value_business',
  charity: 'value_charity',
  'public-authority': 'value_public_authority',
  political: 'value_political',
  other: 'value_other_non_profit',
});

export function headline(level: DirectMarketingLevel, purpose: PrimaryPurpose): string {
  if (isMarketingLevel(level) && purpose !== 'none')
    return t('headline_purpose', LEVEL_LABEL[level], PURPOSE_LABEL[purpose]);
  return LEVEL_LABEL[level];
}
