import { describe, expect, test } from 'vitest';
import { summary, words } from '../../i18n/test-words.ts';
import type { DirectMarketingLevel, Route } from '../verdict.ts';
import { citation } from './data.ts';
import { evaluate } from './evaluate.ts';
import {
  type ContextOverrides,
  type FakeClassification,
  fakeClassification,
  fakeContext,
  fakeDraft,
} from './test-support.ts';

interface Case {
  name: string;
  c?: FakeClassification;
  ctx?: ContextOverrides;
  route: Route;
  level?: DirectMarketingLevel;
  /** Rule ids that must be applied. */
  rules?: string[];
  /** Rule ids that must not be applied. */
  notRules?: string[];
  /** Exact question fields, in order. */
  asks?: string[];
  /** Question fields that must not be asked. */
  notAsks?: string[];
  summary?: RegExp;
}

function run(k: Pick<Case, 'c' | 'ctx'>) {
  const context = fakeContext(k.ctx);
  return evaluate({
    classification: fakeClassification(k.c),
    context,
    draft: fakeDraft('Body text', 'Subject', context.channel),
  });
}

function expectCase(k: Case) {
  const out = run(k);
  expect(out.route).toBe(k.route);
  if (k.level) expect(out.directMarketing).toBe(k.level);
  const ids = out.rules.map((r) => r.ruleId);
  for (const id of k.rules ?? []) expect(ids).toContain(id);
  for (const id of k.notRules ?? []) expect(ids).not.toContain(id);
  const fields = out.questions.map((q) => q.field);
  if (k.asks) expect(fields).toEqual(k.asks);
  for (const f of k.notAsks ?? []) expect(fields).not.toContain(f);
  if (k.summary) expect(summary(out)).toMatch(k.summary);
  expect(summary(out)).not.toMatch(/[{}$]/);
  expect(summary(out).length).toBeGreaterThan(20);
}

const INDIVIDUAL: ContextOverrides = { recipientType: 'individual', consent: 'no' };
const FUNDRAISING: FakeClassification = { primary: 'fundraising' };
const CAMPAIGNING: FakeClassification = { primary: 'campaigning' };

describe('direct-marketing level from the text', () => {
  test.each<Case>([
    {
      name: 'yes → DM, consent required by default',
      route: 'consent-required',
      level: 'yes',
      rules: [
        'consent-required',
        'identify-and-opt-out-email',
        'right-to-object',
        'lawful-basis-and-privacy-information',
      ],
      asks: ['consent', 'recipientType', 'relationship', 'softOptInConditions'],
    },
    { name: 'likely → DM', c: { level: 'likely' }, route: 'consent-required', level: 'likely' },
    {
      name: 'unclear → unclear route with questions',
      c: { level: 'unclear', primary: 'none', counts: { promotional: 1 } },
      route: 'unclear',
      level: 'unclear',
      rules: ['unclear-check-content'],
      notRules: ['right-to-object', 'consent-required'],
      // The question that settles it, not ones whose answer cannot change an unclear verdict.
      asks: ['promotes'],
      notAsks: ['consent', 'recipientType'],
    },
    {
      name: 'unclear, and the sender says it promotes something → likely DM',
      c: { level: 'unclear', primary: 'none' },
      ctx: { promotes: 'yes' },
      route: 'consent-required',
      level: 'likely',
      notAsks: ['promotes'],
    },
    {
      name: 'unclear, and the sender says it promotes nothing → not DM',
      c: { level: 'unclear', primary: 'none' },
      ctx: { promotes: 'no' },
      route: 'not-direct-marketing',
      level: 'unlikely',
    },
    {
      name: 'the sender saying "promotes nothing" never overrides a text that reads as marketing',
      c: { level: 'likely' },
      ctx: { promotes: 'no' },
      route: 'consent-required',
      level: 'likely',
    },
    {
      name: 'unlikely → not DM with UK GDPR note',
      c: { level: 'unlikely' },
      route: 'not-direct-marketing',
      rules: ['data-protection-still-applies'],
      notRules: ['right-to-object', 'identify-and-opt-out-email', 'public-task-right-to-object'],
      asks: [],
    },
    { name: 'no → not DM', c: { level: 'no' }, route: 'not-direct-marketing', asks: [] },
    {
      name: 'not DM from a public authority adds the Art 21(1) objection',
      c: { level: 'no' },
      ctx: { sender: 'public-authority' },
      route: 'not-direct-marketing',
      rules: [
        'data-protection-still-applies',
        'public-task-right-to-object',
        'public-authority-lawful-basis',
      ],
    },
    {
      name: 'SMS marketing gets the SMS opt-out rule',
      ctx: { channel: 'sms' },
      route: 'consent-required',
      rules: ['identify-and-opt-out-sms'],
      notRules: ['identify-and-opt-out-email'],
    },
  ])('$name', expectCase);
});

describe('fundraising and campaigning are direct marketing', () => {
  test.each<Case>([
    {
      name: 'business fundraising appeal',
      c: FUNDRAISING,
      ctx: { sender: 'business' },
      route: 'consent-required',
      rules: ['direct-marketing-aims-and-ideals'],
    },
    {
      name: 'council fundraising appeal is DM, not a public-task message',
      c: FUNDRAISING,
      ctx: { sender: 'public-authority', publicTaskNecessary: 'yes' },
      route: 'consent-required',
      level: 'yes',
      rules: ['direct-marketing-aims-and-ideals'],
      notRules: ['public-authority-task-test', 'data-protection-still-applies'],
    },
    {
      name: 'council fundraising with public-task wording is still DM',
      c: { ...FUNDRAISING, counts: { 'public-task': 2 } },
      ctx: { sender: 'public-authority' },
      route: 'consent-required',
      notAsks: ['publicTaskNecessary'],
    },
    {
      name: 'council campaigning is DM',
      c: CAMPAIGNING,
      ctx: { sender: 'public-authority' },
      route: 'consent-required',
    },
    {
      name: 'secondary fundraising score makes it aims too',
      c: { purposes: { fundraising: 0.4 } },
      ctx: { sender: 'business' },
      route: 'consent-required',
      rules: ['direct-marketing-aims-and-ideals'],
    },
    {
      name: 'plain promotion is not flagged as aims',
      ctx: { sender: 'business' },
      route: 'consent-required',
      notRules: ['direct-marketing-aims-and-ideals'],
    },
  ])('$name', expectCase);
});

describe('service messages with promotion', () => {
  test.each<Case>([
    {
      name: 'service + promotion → marketing, explained',
      c: { counts: { service: 2 } },
      route: 'consent-required',
      rules: ['service-message-with-promotion'],
    },
    {
      name: 'pure service message → no such rule',
      c: { level: 'unlikely', counts: { service: 3 } },
      route: 'not-direct-marketing',
      notRules: ['service-message-with-promotion'],
    },
    {
      name: 'promotion without service language → no such rule',
      route: 'consent-required',
      notRules: ['service-message-with-promotion'],
    },
  ])('$name', expectCase);
});

describe('asking for marketing consent is marketing', () => {
  test.each<Case>([
    {
      name: 'unlikely text asking for consent becomes likely DM',
      c: { level: 'unlikely', primary: 'none', counts: { 'consent-request': 1 } },
      ctx: INDIVIDUAL,
      route: 'consent-required',
      level: 'likely',
      rules: ['asking-consent-is-marketing', 'consent-required'],
      summary: /agree to marketing/,
    },
    {
      name: '"no" text asking for consent becomes likely DM',
      c: { level: 'no', primary: 'none', counts: { 'consent-request': 1 } },
      route: 'consent-required',
      level: 'likely',
    },
    {
      name: 'unclear text asking for consent becomes likely DM',
      c: { level: 'unclear', primary: 'none', counts: { 'consent-request': 1 } },
      route: 'consent-required',
      level: 'likely',
    },
    {
      name: 'yes stays yes',
      c: { counts: { 'consent-request': 1 } },
      route: 'consent-required',
      level: 'yes',
      rules: ['asking-consent-is-marketing'],
    },
    {
      name: 'consent request to existing customers still needs consent (no purpose to soft-opt-in)',
      c: { level: 'unlikely', primary: 'none', counts: { 'consent-request': 1 } },
      ctx: { recipientType: 'individual', relationship: 'customer', softOptInConditions: 'met' },
      route: 'consent-required',
    },
    {
      name: 'no consent request → no rule',
      c: { level: 'unlikely' },
      route: 'not-direct-marketing',
      notRules: ['asking-consent-is-marketing'],
    },
  ])('$name', expectCase);
});

describe('solicited messages', () => {
  test.each<Case>([
    {
      name: 'solicited yes → solicited route, reg 23 still applies',
      ctx: { solicited: 'yes' },
      route: 'solicited',
      rules: ['solicited-message', 'identify-and-opt-out-email', 'right-to-object'],
      notRules: ['consent-required'],
      asks: [],
    },
    {
      name: 'solicited cue with unknown answer → ask',
      c: { counts: { solicited: 1 } },
      ctx: INDIVIDUAL,
      route: 'consent-required',
      asks: ['solicited', 'relationship', 'softOptInConditions'],
    },
    {
      name: 'no solicited cue → do not ask',
      ctx: INDIVIDUAL,
      route: 'consent-required',
      notAsks: ['solicited'],
    },
    {
      name: 'solicited answered no → not asked again',
      c: { counts: { solicited: 1 } },
      ctx: { ...INDIVIDUAL, solicited: 'no' },
      route: 'consent-required',
      notAsks: ['solicited'],
    },
    {
      name: 'solicited fundraising → solicited',
      c: FUNDRAISING,
      ctx: { solicited: 'yes', sender: 'charity' },
      route: 'solicited',
    },
  ])('$name', expectCase);
});

describe('corporate subscribers', () => {
  test.each<Case>([
    {
      name: 'corporate → corporate-subscriber, reg 23 only',
      ctx: { recipientType: 'corporate' },
      route: 'corporate-subscriber',
      rules: ['corporate-subscriber', 'identify-and-opt-out-email', 'right-to-object'],
      notRules: ['consent-required', 'unknown-recipient-as-individual', 'products-soft-opt-in-possible'],
      asks: [],
    },
    {
      name: 'corporate with consent unknown from a charity fundraising',
      c: FUNDRAISING,
      ctx: { recipientType: 'corporate', sender: 'charity', consent: 'no' },
      route: 'corporate-subscriber',
      asks: [],
    },
    {
      name: 'political to corporate → corporate-subscriber',
      c: CAMPAIGNING,
      ctx: { recipientType: 'corporate', sender: 'political', consent: 'no' },
      route: 'corporate-subscriber',
    },
    {
      name: 'unknown recipient type → treated as individual and asked',
      ctx: { consent: 'no' },
      route: 'consent-required',
      rules: ['unknown-recipient-as-individual', 'consent-required'],
      asks: ['recipientType', 'relationship', 'softOptInConditions'],
    },
    {
      name: 'individual → no recipient question',
      ctx: INDIVIDUAL,
      route: 'consent-required',
      notRules: ['unknown-recipient-as-individual'],
      notAsks: ['recipientType'],
    },
  ])('$name', expectCase);
});

describe('consent', () => {
  test.each<Case>([
    {
      name: 'consent yes → consent-held',
      ctx: { consent: 'yes' },
      route: 'consent-held',
      rules: ['consent-held', 'right-to-object'],
      notRules: ['consent-required'],
      asks: [],
    },
    {
      name: 'opted-out → consent-required with must-not-send',
      ctx: { consent: 'opted-out' },
      route: 'consent-required',
      rules: ['opted-out-must-not-send', 'right-to-object'],
      notRules: ['consent-required', 'products-soft-opt-in-possible'],
      asks: [],
      summary: /must not send/,
    },
    {
      name: 'opted-out beats corporate',
      ctx: { consent: 'opted-out', recipientType: 'corporate' },
      route: 'consent-required',
      rules: ['opted-out-must-not-send'],
    },
    {
      name: 'opted-out beats soft opt-in',
      ctx: { consent: 'opted-out', relationship: 'customer', softOptInConditions: 'met' },
      route: 'consent-required',
    },
    {
      name: 'consent no → consent required, soft opt-in questions only',
      ctx: INDIVIDUAL,
      route: 'consent-required',
      asks: ['relationship', 'softOptInConditions'],
    },
  ])('$name', expectCase);

  test('opted-out adds an error check', () => {
    const out = run({ ctx: { consent: 'opted-out' } });
    expect(out.checks).toContainEqual(expect.objectContaining({ id: 'opted-out', severity: 'error' }));
  });
});

const CUSTOMER_MET: ContextOverrides = {
  recipientType: 'individual',
  consent: 'no',
  relationship: 'customer',
  softOptInConditions: 'met',
};
const SUPPORTER_MET: ContextOverrides = { ...CUSTOMER_MET, relationship: 'supporter' };

describe('products and services soft opt-in (reg 22(3))', () => {
  test.each<Case>([
    {
      name: 'business promotion to customers, conditions met',
      ctx: { ...CUSTOMER_MET, sender: 'business' },
      route: 'soft-opt-in',
      rules: ['products-soft-opt-in', 'right-to-object'],
      notRules: ['consent-required'],
      asks: [],
    },
    { name: 'sender unknown may still use it', ctx: CUSTOMER_MET, route: 'soft-opt-in' },
    {
      name: 'met: consent and recipient type are not asked (they would not change what may be sent)',
      ctx: { relationship: 'customer', softOptInConditions: 'met' },
      route: 'soft-opt-in',
      asks: [],
    },
    {
      name: 'charity shop promotion to customers',
      ctx: { ...CUSTOMER_MET, sender: 'charity' },
      route: 'soft-opt-in',
    },
    {
      name: 'council leisure promotion to customers (DM, soft opt-in)',
      c: { counts: { 'paid-service': 1 } },
      ctx: { ...CUSTOMER_MET, sender: 'public-authority' },
      route: 'soft-opt-in',
      rules: ['public-authority-commercial-promotion'],
    },
    {
      name: 'third-party offer blocks it',
      c: { counts: { 'third-party': 1 } },
      ctx: { ...CUSTOMER_MET, sender: 'business' },
      route: 'consent-required',
      rules: ['third-party-offer-needs-consent', 'consent-required'],
      notRules: ['products-soft-opt-in-possible'],
      summary: /another organisation/,
    },
    {
      name: 'never for fundraising',
      c: FUNDRAISING,
      ctx: { ...CUSTOMER_MET, sender: 'business' },
      route: 'consent-required',
      rules: ['no-customer-soft-opt-in-for-aims'],
      notRules: ['products-soft-opt-in-possible'],
    },
    {
      name: 'never for campaigning',
      c: CAMPAIGNING,
      ctx: { ...CUSTOMER_MET, sender: 'business' },
      route: 'consent-required',
      rules: ['no-customer-soft-opt-in-for-aims'],
    },
    {
      name: 'promotion with a fundraising element is not covered',
      c: { purposes: { fundraising: 0.5 } },
      ctx: { ...CUSTOMER_MET, sender: 'business' },
      route: 'consent-required',
    },
    {
      name: 'never for political senders',
      ctx: { ...CUSTOMER_MET, sender: 'political' },
      route: 'consent-required',
      rules: ['political-no-soft-opt-in'],
    },
    {
      name: 'conditions not met → consent required, nothing to ask',
      ctx: { ...CUSTOMER_MET, softOptInConditions: 'not-met' },
      route: 'consent-required',
      notRules: ['products-soft-opt-in-possible'],
      asks: [],
    },
    {
      name: 'no relationship → consent required, nothing to ask',
      ctx: { ...CUSTOMER_MET, relationship: 'none', softOptInConditions: 'unknown' },
      route: 'consent-required',
      asks: [],
    },
    {
      name: 'supporter relationship does not give the product soft opt-in',
      ctx: { ...SUPPORTER_MET, sender: 'business' },
      route: 'consent-required',
    },
    {
      name: 'customer, conditions unknown → consent required, question and what-could-change rule',
      ctx: { ...CUSTOMER_MET, softOptInConditions: 'unknown' },
      route: 'consent-required',
      rules: ['products-soft-opt-in-possible'],
      asks: ['softOptInConditions'],
      summary: /unless the soft opt-in/,
    },
    {
      name: 'relationship unknown → ask it',
      ctx: { ...CUSTOMER_MET, relationship: 'unknown' },
      route: 'consent-required',
      rules: ['products-soft-opt-in-possible'],
      asks: ['relationship'],
    },
  ])('$name', expectCase);

  test('soft opt-in without an opt-out in the draft is an error', () => {
    const out = run({ ctx: CUSTOMER_MET });
    expect(out.checks).toContainEqual(expect.objectContaining({ id: 'opt-out-missing', severity: 'error' }));
  });
});

describe('charitable purposes soft opt-in (reg 22(3A))', () => {
  test.each<Case>([
    {
      name: 'charity fundraising to supporters, conditions met',
      c: FUNDRAISING,
      ctx: { ...SUPPORTER_MET, sender: 'charity' },
      route: 'charity-soft-opt-in',
      rules: ['charity-soft-opt-in', 'fundraising-preference-service', 'direct-marketing-aims-and-ideals'],
      notRules: ['consent-required'],
      asks: [],
    },
    {
      name: 'met with consent and recipient type unknown → nothing asked',
      c: FUNDRAISING,
      ctx: { sender: 'charity', relationship: 'supporter', softOptInConditions: 'met' },
      route: 'charity-soft-opt-in',
      asks: [],
    },
    {
      name: 'charity campaigning to supporters, conditions met (no FPS note)',
      c: CAMPAIGNING,
      ctx: { ...SUPPORTER_MET, sender: 'charity' },
      route: 'charity-soft-opt-in',
      notRules: ['fundraising-preference-service'],
    },
    {
      name: 'mixed appeal + product promotion fails the sole-purpose test',
      c: { primary: 'fundraising', purposes: { promotional: 0.7 } },
      ctx: { ...SUPPORTER_MET, sender: 'charity' },
      route: 'consent-required',
      rules: ['charity-soft-opt-in-sole-purpose'],
      notRules: ['charity-soft-opt-in-possible'],
      summary: /mixes/,
    },
    {
      name: 'weak promotional score does not break sole purpose',
      c: { primary: 'fundraising', purposes: { promotional: 0.2 } },
      ctx: { ...SUPPORTER_MET, sender: 'charity' },
      route: 'charity-soft-opt-in',
    },
    {
      name: 'third-party offer blocks it',
      c: { ...FUNDRAISING, counts: { 'third-party': 1 } },
      ctx: { ...SUPPORTER_MET, sender: 'charity' },
      route: 'consent-required',
      rules: ['charity-soft-opt-in-sole-purpose', 'third-party-offer-needs-consent'],
    },
    {
      name: 'other non-profits cannot use it',
      c: FUNDRAISING,
      ctx: { ...SUPPORTER_MET, sender: 'other' },
      route: 'consent-required',
      rules: ['charity-soft-opt-in-charities-only'],
      notRules: ['charity-soft-opt-in-possible'],
    },
    {
      name: 'political senders cannot use it',
      c: FUNDRAISING,
      ctx: { ...SUPPORTER_MET, sender: 'political' },
      route: 'consent-required',
      rules: ['political-no-soft-opt-in'],
    },
    {
      name: 'business senders cannot use it',
      c: FUNDRAISING,
      ctx: { ...SUPPORTER_MET, sender: 'business' },
      route: 'consent-required',
    },
    {
      name: 'charity customers (not supporters) cannot use it for fundraising',
      c: FUNDRAISING,
      ctx: { ...CUSTOMER_MET, sender: 'charity' },
      route: 'consent-required',
      rules: ['no-customer-soft-opt-in-for-aims'],
    },
    {
      name: 'conditions not met',
      c: FUNDRAISING,
      ctx: { ...SUPPORTER_MET, sender: 'charity', softOptInConditions: 'not-met' },
      route: 'consent-required',
      asks: [],
    },
    {
      name: 'conditions unknown → ask',
      c: FUNDRAISING,
      ctx: { ...SUPPORTER_MET, sender: 'charity', softOptInConditions: 'unknown' },
      route: 'consent-required',
      rules: ['charity-soft-opt-in-possible'],
      asks: ['softOptInConditions'],
    },
    {
      // The charity soft opt-in's questions wait for the sender: for any other sender their answers cannot matter.
      name: 'sender unknown fundraising → ask sender (could be a charity), and only the sender',
      c: FUNDRAISING,
      ctx: { recipientType: 'individual', consent: 'no' },
      route: 'consent-required',
      rules: ['charity-soft-opt-in-possible'],
      asks: ['sender'],
    },
    {
      name: 'the sender answered charity → the relationship and conditions questions follow',
      c: FUNDRAISING,
      ctx: { recipientType: 'individual', consent: 'no', sender: 'charity' },
      route: 'consent-required',
      rules: ['charity-soft-opt-in-possible'],
      asks: ['relationship', 'softOptInConditions'],
    },
    {
      name: 'sender unknown with supporter details met → still consent-required until sender answered',
      c: FUNDRAISING,
      ctx: SUPPORTER_MET,
      route: 'consent-required',
      asks: ['sender'],
    },
  ])('$name', expectCase);
});

describe('political senders', () => {
  test.each<Case>([
    {
      name: 'campaigning → consent required, no soft opt-in questions',
      c: CAMPAIGNING,
      ctx: { sender: 'political', recipientType: 'individual' },
      route: 'consent-required',
      rules: ['political-no-soft-opt-in', 'direct-marketing-aims-and-ideals'],
      asks: ['consent'],
      summary: /no soft opt-in/,
    },
    {
      name: 'with consent → consent-held',
      c: CAMPAIGNING,
      ctx: { sender: 'political', consent: 'yes' },
      route: 'consent-held',
      notRules: ['political-no-soft-opt-in'],
    },
  ])('$name', expectCase);
});

const PA: ContextOverrides = { sender: 'public-authority', recipientType: 'individual', consent: 'no' };

describe('public authorities', () => {
  test.each<Case>([
    {
      name: 'paid-for service (leisure) → DM',
      c: { counts: { 'paid-service': 1 } },
      ctx: PA,
      route: 'consent-required',
      level: 'yes',
      rules: ['public-authority-commercial-promotion'],
      notAsks: ['publicTaskNecessary'],
    },
    {
      name: 'paid-for service stays DM even if said necessary',
      c: { counts: { 'paid-service': 1 } },
      ctx: { ...PA, publicTaskNecessary: 'yes' },
      route: 'consent-required',
    },
    {
      name: 'third-party promotion → DM',
      c: { counts: { 'third-party': 1 } },
      ctx: PA,
      route: 'consent-required',
      rules: ['public-authority-commercial-promotion'],
    },
    {
      name: 'third-party promotion confirmed necessary → not DM',
      c: { counts: { 'third-party': 1 } },
      ctx: { ...PA, publicTaskNecessary: 'yes' },
      route: 'not-direct-marketing',
    },
    {
      name: 'consent request from a council → DM',
      c: { level: 'unlikely', primary: 'none', counts: { 'consent-request': 1 } },
      ctx: PA,
      route: 'consent-required',
      level: 'likely',
    },
    {
      name: 'public-task cues, moderate promotion → not DM (hedged), still asks',
      c: { level: 'likely', purposes: { promotional: 0.5 }, counts: { 'public-task': 2 } },
      ctx: PA,
      route: 'not-direct-marketing',
      level: 'unlikely',
      rules: ['public-authority-task-test', 'public-task-right-to-object', 'data-protection-still-applies'],
      notRules: ['right-to-object'],
      asks: ['publicTaskNecessary'],
      summary: /necessary and proportionate/,
    },
    {
      name: 'public-task cues but strong promotion (promotional words and an offer put to the reader) → unclear',
      c: {
        purposes: { promotional: 0.9 },
        counts: { 'public-task': 1 },
        hits: [{ signal: 'promotional', text: 'free taster session' }],
        // Nothing priced: a price in promotional words is a paid service (the next cases).
        acts: [
          {
            kind: 'offer',
            purpose: 'promotional',
            byMood: false,
            inRequest: true,
            patternId: 'test/promotional-offer',
            field: 'body',
            start: 0,
            end: 19,
            text: 'free taster session',
          },
        ],
      },
      ctx: PA,
      route: 'unclear',
      level: 'unclear',
      asks: ['publicTaskNecessary'],
    },
    {
      name: "a public authority's promotional words with a price in them (a café's 2-for-1) promote a paid service",
      c: {
        purposes: { promotional: 0.9 },
        counts: { 'public-task': 1 },
        hits: [{ signal: 'promotional', text: '20% off' }],
        acts: [],
      },
      ctx: PA,
      route: 'consent-required',
      level: 'yes',
    },
    {
      name: 'a public authority asking the reader to buy or renew at a price sells a paid service',
      c: {
        purposes: { promotional: 0.9 },
        counts: { 'public-task': 1 },
        hits: [{ signal: 'promotional', text: 'save £5' }],
      },
      ctx: PA,
      route: 'consent-required',
      level: 'yes',
    },
    {
      // "Book now" for a parents' evening or a free NHS vaccination: promotional words, nothing sold or pushed.
      name: 'public-task cues and promotional words with nothing sold → the public task, question still open',
      c: { purposes: { promotional: 0.9 }, counts: { 'public-task': 1 } },
      ctx: PA,
      route: 'not-direct-marketing',
      level: 'unlikely',
      asks: ['publicTaskNecessary'],
    },
    {
      name: 'promotion without cues → unclear with the public-task question',
      ctx: PA,
      route: 'unclear',
      level: 'unclear',
      rules: ['public-authority-task-test', 'unclear-check-content'],
      asks: ['publicTaskNecessary'],
      summary: /public authority/,
    },
    {
      name: 'answered necessary → not DM, nothing asked',
      ctx: { ...PA, publicTaskNecessary: 'yes' },
      route: 'not-direct-marketing',
      level: 'unlikely',
      rules: ['public-task-right-to-object'],
      asks: [],
      summary: /necessary for your public task/,
    },
    {
      name: 'answered not necessary → DM',
      ctx: { ...PA, publicTaskNecessary: 'no' },
      route: 'consent-required',
      level: 'yes',
      rules: ['public-authority-commercial-promotion'],
    },
    {
      // Nothing asked, offered or promoted: the model's "unclear" has nothing behind it (nothing-promoted).
      name: 'unclear text with no cue, no ask and no offer → unlikely, no question',
      c: { level: 'unclear', primary: 'none' },
      route: 'not-direct-marketing',
      level: 'unlikely',
    },
    {
      name: 'unclear text, no answer → ask',
      c: { level: 'unclear', counts: { promotional: 1 } },
      ctx: PA,
      route: 'unclear',
      asks: ['publicTaskNecessary'],
    },
    {
      name: 'unclear text answered necessary → not DM',
      c: { level: 'unclear' },
      ctx: { ...PA, publicTaskNecessary: 'yes' },
      route: 'not-direct-marketing',
    },
    {
      name: 'bad publicTaskNecessary value is read as unknown',
      ctx: { ...PA, publicTaskNecessary: 'maybe' as 'yes' },
      route: 'unclear',
    },
    {
      name: 'not a public authority: the task test does not apply',
      ctx: { ...PA, sender: 'business', publicTaskNecessary: 'yes' },
      route: 'consent-required',
      notRules: ['public-authority-task-test'],
    },
  ])('$name', expectCase);
});

describe('sender question', () => {
  test.each<Case>([
    {
      name: 'unknown sender with public-task cues → ask (a public authority could change it)',
      c: { counts: { 'public-task': 1 } },
      ctx: INDIVIDUAL,
      route: 'consent-required',
      asks: ['sender', 'relationship', 'softOptInConditions'],
    },
    {
      name: 'unknown sender, plain promotion → no sender question',
      ctx: INDIVIDUAL,
      route: 'consent-required',
      notAsks: ['sender'],
    },
    {
      name: 'known sender → never asked',
      c: FUNDRAISING,
      ctx: { ...INDIVIDUAL, sender: 'business' },
      route: 'consent-required',
      notAsks: ['sender'],
    },
  ])('$name', expectCase);
});

test('questions carry text and options', () => {
  const out = run({});
  for (const q of out.questions) {
    expect(words({ messageId: q.messageId }).length).toBeGreaterThan(10);
    expect(q.options.length).toBeGreaterThanOrEqual(2);
  }
});

test('every applied rule carries at least one https citation', () => {
  const out = run({ c: { counts: { service: 1, 'consent-request': 1 } } });
  expect(out.rules.length).toBeGreaterThan(3);
  for (const r of out.rules) {
    expect(r.citations.length).toBeGreaterThan(0);
    for (const c of r.citations) expect(citation(c).url).toMatch(/^https:\/\//);
  }
});
