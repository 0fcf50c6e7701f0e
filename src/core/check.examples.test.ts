/**
 * End to end: real drafts through the real classifier and rule engine. One row per signal and per rule of
 * the decision model (issue #2), positive and negative. Texts are written for this project.
 */
import { describe, expect, test } from 'vitest';
import { words } from '../i18n/test-words.ts';
import {
  type ContextInput,
  check,
  type DirectMarketingLevel,
  type PrimaryPurpose,
  type Route,
} from './index.ts';

const APPEAL = {
  subject: 'Our winter appeal',
  body: 'This winter, families in our town need you. Just £5 could provide a hot meal. Please donate today and Gift Aid your gift.\n\nReply STOP to opt out.\nHope Trust, registered charity number 1234567',
};
const OFFER = {
  subject: '20% off everything this weekend',
  body: 'Our spring sale starts now: 20% off all garden furniture and free delivery on orders over £50. Shop now while stocks last!\n\nUnsubscribe here. Acme Garden Ltd',
};
const PETITION = {
  subject: 'Save our library',
  body: 'Sign our petition to keep the Station Road library open, and write to your MP before the council votes. Together we can save it.\n\nUnsubscribe at any time. Friends of Station Road Library',
};
const BIN_DAY = {
  subject: 'Change to your bin collection day',
  body: 'From Monday 4 January your collection day changes from Monday to Tuesday. Please put your bins out by 7am. No action is needed.',
};
const ORDER = {
  subject: 'Your order has been dispatched',
  body: 'Thank you for your order. Your order 48213 has been dispatched and will be delivered on Thursday. Your tracking number is on your receipt.',
};
const CHAT = {
  subject: '',
  body: 'Are you free tonight? I think we should try the new place on the corner. Let me know!',
};
const SERVICE_PLUS_PROMO = {
  subject: 'Your annual statement',
  body: 'Your annual statement is ready to view in your account. As a valued customer, you can also get 30% off our premium plan: upgrade today!',
};
const CONSENT_REQUEST = {
  subject: 'Can we keep in touch?',
  body: 'We would love to keep you up to date. Would you like to receive news and offers from us by email? Opt in now to keep hearing from us.',
};
const LEISURE = {
  subject: 'New fitness classes at Riverside Leisure Centre',
  body: 'Book your place on our new fitness classes at Riverside Leisure Centre. Classes cost £6 per session, with a discount for members. Book now!',
};
const PORTAL = {
  subject: 'Report it online',
  body: 'Our new online portal lets you report a missed bin, pay your council tax and apply for a parking permit online.',
};
const PARTNER = {
  subject: 'A special offer from our partners',
  body: 'As a valued customer you can enjoy an exclusive offer from our trusted partners: 25% off home insurance. Get a quote today.',
};

interface Row {
  name: string;
  draft: { subject: string; body: string; channel?: 'email' | 'sms' };
  context?: ContextInput;
  dm: DirectMarketingLevel[];
  purpose?: PrimaryPurpose;
  route?: Route | Route[];
}

const DM: DirectMarketingLevel[] = ['yes', 'likely'];
const NOT_DM: DirectMarketingLevel[] = ['no', 'unlikely'];

const rows: Row[] = [
  // Signals
  { name: 'charity appeal is fundraising DM', draft: APPEAL, dm: DM, purpose: 'fundraising' },
  { name: 'sale email is promotional DM', draft: OFFER, dm: DM, purpose: 'promotional' },
  { name: 'petition email is campaigning DM', draft: PETITION, dm: DM, purpose: 'campaigning' },
  {
    name: 'bin-day change is a service message',
    draft: BIN_DAY,
    dm: NOT_DM,
    purpose: 'none',
    route: 'not-direct-marketing',
  },
  { name: 'order dispatch is a service message', draft: ORDER, dm: NOT_DM, purpose: 'none' },
  { name: 'personal chat is not marketing', draft: CHAT, dm: NOT_DM, purpose: 'none' },
  {
    name: 'premium-rate SMS is promotional',
    draft: {
      subject: '',
      body: 'URGENT! You have won a £1000 prize. Txt CLAIM to 81010 now. 150p/msg',
      channel: 'sms',
    },
    dm: DM,
    purpose: 'promotional',
  },
  // Decision model
  {
    name: 'promotion inside a service message makes it marketing',
    draft: SERVICE_PLUS_PROMO,
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'asking for marketing consent is marketing',
    draft: CONSENT_REQUEST,
    dm: DM,
    route: 'consent-required',
  },
  {
    name: 'fundraising never uses the products soft opt-in',
    draft: APPEAL,
    context: { sender: 'business', relationship: 'customer', softOptInConditions: 'met' },
    dm: DM,
    route: 'consent-required',
  },
  {
    name: 'charity soft opt-in for its own appeal to supporters, conditions met',
    draft: APPEAL,
    context: { sender: 'charity', relationship: 'supporter', softOptInConditions: 'met' },
    dm: DM,
    route: 'charity-soft-opt-in',
  },
  {
    name: 'charity soft opt-in fails when the conditions are not met (e.g. details from before 5 Feb 2026)',
    draft: APPEAL,
    context: { sender: 'charity', relationship: 'supporter', softOptInConditions: 'not-met' },
    dm: DM,
    route: 'consent-required',
  },
  {
    name: 'other non-profits cannot use the charity soft opt-in',
    draft: APPEAL,
    context: { sender: 'other', relationship: 'supporter', softOptInConditions: 'met' },
    dm: DM,
    route: 'consent-required',
  },
  {
    name: 'products soft opt-in for own offers to customers',
    draft: OFFER,
    context: { sender: 'business', relationship: 'customer', softOptInConditions: 'met' },
    dm: DM,
    route: 'soft-opt-in',
  },
  {
    name: 'products soft opt-in never covers third-party offers',
    draft: PARTNER,
    context: { sender: 'business', relationship: 'customer', softOptInConditions: 'met' },
    dm: DM,
    route: 'consent-required',
  },
  {
    name: 'political senders have no soft opt-in',
    draft: PETITION,
    context: { sender: 'political', relationship: 'supporter', softOptInConditions: 'met' },
    dm: DM,
    route: 'consent-required',
  },
  {
    name: 'corporate subscribers: reg 23 only',
    draft: OFFER,
    context: { sender: 'business', recipientType: 'corporate' },
    dm: DM,
    route: 'corporate-subscriber',
  },
  {
    name: 'consent held',
    draft: OFFER,
    context: { sender: 'business', consent: 'yes' },
    dm: DM,
    route: 'consent-held',
  },
  {
    name: 'solicited',
    draft: OFFER,
    context: { sender: 'business', solicited: 'yes' },
    dm: DM,
    route: 'solicited',
  },
  {
    name: 'council leisure-centre offer is DM (paid service)',
    draft: LEISURE,
    context: { sender: 'public-authority' },
    dm: DM,
    route: 'consent-required',
  },
  {
    name: 'council fundraising appeal stays DM',
    draft: APPEAL,
    context: { sender: 'public-authority' },
    dm: DM,
  },
  {
    name: 'council portal promotion: not DM when necessary for its task',
    draft: PORTAL,
    context: { sender: 'public-authority', publicTaskNecessary: 'yes' },
    dm: NOT_DM,
    route: 'not-direct-marketing',
  },
];

describe('check() end to end', () => {
  test.each(rows)('$name', (row) => {
    const v = check(row.draft, { channel: row.draft.channel ?? 'email', ...row.context });
    expect(row.dm, `directMarketing was ${v.directMarketing}`).toContain(v.directMarketing);
    if (row.purpose) expect(v.primaryPurpose).toBe(row.purpose);
    if (row.route) expect(Array.isArray(row.route) ? row.route : [row.route]).toContain(v.route);
    for (const r of v.rules) expect(r.citations.length).toBeGreaterThan(0);
    if (DM.includes(v.directMarketing)) expect(v.evidence.length).toBeGreaterThan(0);
  });

  test('an opted-out recipient is an error', () => {
    const v = check(OFFER, { sender: 'business', consent: 'opted-out' });
    expect(v.checks.find((c) => c.id === 'opted-out')?.severity).toBe('error');
  });

  test('a marketing email with no opt-out and no sender is flagged', () => {
    const v = check({ subject: 'Big sale', body: 'Get 50% off everything today only. Shop now!' });
    expect(v.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['opt-out-missing', 'sender-unidentified']),
    );
  });

  test('an SMS without STOP asks for a STOP-style reply', () => {
    const v = check({
      body: 'Flash sale! 40% off all shoes today only at Stepwise. Shop now.',
      channel: 'sms',
    });
    expect(words(v.checks.find((c) => c.id === 'opt-out-missing'))).toMatch(/STOP/);
  });

  test('300 addresses in To/Cc is an error, in Bcc it is not', () => {
    const many = Array.from({ length: 300 }, (_, i) => `resident${i}@example.com`);
    const exposed = check(BIN_DAY, { recipients: { to: many } });
    expect(exposed.checks.find((c) => c.id === 'recipients-exposed')?.severity).toBe('error');
    const hidden = check(BIN_DAY, { recipients: { bcc: many } });
    expect(hidden.checks.find((c) => c.id === 'recipients-exposed')).toBeUndefined();
  });

  test('quoted reply history does not make a reply marketing', () => {
    const v = check({
      subject: 'Re: lunch',
      body: `Thursday works for me, see you then.\n\nOn Mon, 3 Nov 2026 at 09:12, Sam <sam@example.com> wrote:\n> Huge sale! 70% off everything, shop now!\n> Donate today!`,
    });
    expect(NOT_DM).toContain(v.directMarketing);
  });
});
