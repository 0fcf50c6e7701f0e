/** Short labels for the training page's switches and badges. Verdict wording comes from src/ui/labels.ts. */
import type { EnumField, Route } from '../core/index.ts';
import { type MessageKey, messageRecord } from '../i18n/index.ts';
import { SENDER_LABEL } from '../ui/labels.ts';
import type { Sector } from './types.ts';

export const SECTOR_LABEL = messageRecord<Sector>({
  'public-authority': 'sector_public_authority',
  charity: 'sector_charity',
  business: 'sector_business',
  political: 'sector_political',
  'regulatory-service': 'sector_regulatory_service',
});

export const CHANNEL_LABEL = messageRecord<'email' | 'sms'>({ email: 'common_email', sms: 'common_sms' });

export const FIELD_LABEL = messageRecord<EnumField>({
  sender: 'field_sender',
  channel: 'field_channel',
  recipientType: 'field_recipientType',
  relationship: 'field_relationship',
  consent: 'field_consent',
  softOptInConditions: 'field_softOptInConditions',
  solicited: 'field_solicited',
  publicTaskNecessary: 'field_publicTaskNecessary',
  promotes: 'field_promotes',
});

const YES_NO = { yes: 'value_yes', no: 'value_no', unknown: 'common_not_sure' } as const;

/** Value labels per field; `unknown` reads "Not sure" everywhere. */
export const VALUE_LABEL: Readonly<Record<EnumField, Readonly<Record<string, string>>>> = {
  sender: SENDER_LABEL,
  channel: CHANNEL_LABEL,
  recipientType: messageRecord({
    individual: 'value_individuals',
    corporate: 'value_corporate',
    unknown: 'common_not_sure',
  }),
  relationship: messageRecord({
    customer: 'value_customer',
    supporter: 'value_supporter',
    none: 'value_none',
    unknown: 'common_not_sure',
  }),
  consent: messageRecord({ ...YES_NO, 'opted-out': 'value_opted_out' }),
  softOptInConditions: messageRecord({
    met: 'value_met',
    'not-met': 'value_not_met',
    unknown: 'common_not_sure',
  }),
  solicited: messageRecord(YES_NO),
  publicTaskNecessary: messageRecord(YES_NO),
  promotes: messageRecord(YES_NO),
};

export const PURPOSE_LEGEND: {
  purpose: 'promotional' | 'fundraising' | 'campaigning' | 'none';
  label: MessageKey;
  cue: MessageKey;
}[] = [
  { purpose: 'promotional', label: 'legend_promotional', cue: 'legend_solid' },
  { purpose: 'fundraising', label: 'legend_fundraising', cue: 'legend_double' },
  { purpose: 'campaigning', label: 'legend_campaigning', cue: 'legend_dashed' },
  { purpose: 'none', label: 'legend_none', cue: 'legend_dotted' },
];

/** What the sender must do on each route, in a line: the quiz's route answers and the summary sheet. */
export const ROUTE_DO = messageRecord<Route>({
  'not-direct-marketing': 'route_do_not_direct_marketing',
  'consent-required': 'route_do_consent_required',
  'consent-held': 'route_do_consent_held',
  'soft-opt-in': 'route_do_soft_opt_in',
  'charity-soft-opt-in': 'route_do_charity_soft_opt_in',
  'corporate-subscriber': 'route_do_corporate_subscriber',
  solicited: 'route_do_solicited',
  unclear: 'route_do_unclear',
});

/**
 * The decision model's questions in order (the core's WALK_STEP_ORDER without the final route step; a test keeps
 * them equal), each with how it is decided: the summary sheet of the hand-out.
 */
export const SUMMARY_STEPS: readonly { id: string; question: MessageKey; how: MessageKey }[] = [
  { id: 'asked-for-it', question: 'walk_q_asked_for_it', how: 'summary_step_asked_for_it' },
  { id: 'service-message', question: 'walk_q_service_message', how: 'summary_step_service_message' },
  { id: 'promotes-anything', question: 'walk_q_promotes_anything', how: 'summary_step_promotes_anything' },
  { id: 'sender', question: 'walk_q_sender', how: 'summary_step_sender' },
  { id: 'channel', question: 'walk_q_channel', how: 'summary_step_channel' },
  { id: 'recipient-type', question: 'walk_q_recipient_type', how: 'summary_step_recipient_type' },
  {
    id: 'relationship-consent',
    question: 'walk_q_relationship_consent',
    how: 'summary_step_relationship_consent',
  },
];

/** The sources the summary sheet cites (ids in src/data/citations.json). */
export const SUMMARY_SOURCES = [
  'pecr-reg-22',
  'pecr-reg-23',
  'ico-identify-dm',
  'ico-public-sector',
  'ico-b2b',
  'ico-charity-soft-opt-in',
  'uk-gdpr-art-21',
] as const;
