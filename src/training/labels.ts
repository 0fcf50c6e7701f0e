/** Short labels for the training page's switches and badges. Verdict wording comes from src/ui/labels.ts. */
import type { EnumField } from '../core/index.ts';
import type { Sector } from './types.ts';

export const SECTOR_LABEL: Record<Sector, string> = {
  'public-authority': 'Public authority',
  charity: 'Charity',
  business: 'Business',
  political: 'Political',
  'regulatory-service': 'Regulatory / service',
};

export const CHANNEL_LABEL: Record<'email' | 'sms', string> = { email: 'Email', sms: 'SMS' };

export const FIELD_LABEL: Record<EnumField, string> = {
  sender: 'Sender',
  channel: 'Channel',
  recipientType: 'Recipients',
  relationship: 'Relationship',
  consent: 'Consent',
  softOptInConditions: 'Soft opt-in conditions',
  solicited: 'Recipient asked for it',
  publicTaskNecessary: 'Needed for a public task',
};

/** Value labels per field; `unknown` reads "Not sure" everywhere. */
export const VALUE_LABEL: Record<EnumField, Record<string, string>> = {
  sender: {
    unknown: 'Not sure',
    business: 'Business',
    charity: 'Charity',
    'public-authority': 'Public authority',
    political: 'Political',
    other: 'Other non-profit',
  },
  channel: { email: 'Email', sms: 'SMS' },
  recipientType: { individual: 'Individuals', corporate: 'Corporate', unknown: 'Not sure' },
  relationship: { customer: 'Customer', supporter: 'Supporter', none: 'None', unknown: 'Not sure' },
  consent: { yes: 'Yes', no: 'No', 'opted-out': 'Opted out', unknown: 'Not sure' },
  softOptInConditions: { met: 'Met', 'not-met': 'Not met', unknown: 'Not sure' },
  solicited: { yes: 'Yes', no: 'No', unknown: 'Not sure' },
  publicTaskNecessary: { yes: 'Yes', no: 'No', unknown: 'Not sure' },
};

export const PURPOSE_LEGEND: {
  purpose: 'promotional' | 'fundraising' | 'campaigning' | 'none';
  label: string;
  cue: string;
}[] = [
  { purpose: 'promotional', label: 'Promotes products or services', cue: 'solid underline' },
  { purpose: 'fundraising', label: 'Asks for donations or support', cue: 'double underline' },
  { purpose: 'campaigning', label: 'Campaigns for a cause or a vote', cue: 'dashed underline' },
  { purpose: 'none', label: 'Service language (points away from marketing)', cue: 'dotted underline' },
];
