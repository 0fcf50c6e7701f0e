/** Short labels for the training page's switches and badges. Verdict wording comes from src/ui/labels.ts. */
import type { EnumField } from '../core/index.ts';
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
