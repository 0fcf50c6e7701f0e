/**
 * The decision walkthrough: real drafts through explain(), one row per way the route can be settled, plus
 * property tests over fabricated classifications and every context: the walkthrough never contradicts the
 * verdict, exactly one step is decisive, and the last step names the route.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderMessage, renderStep } from '../i18n/render.ts';
import { words as say, summary } from '../i18n/test-words.ts';
import {
  CONTEXT_VALUES,
  type ContextInput,
  createChecker,
  DM_LEVELS,
  PURPOSES,
  type Route,
  SENDERS,
} from './index.ts';
import { citation, walkthrough } from './rules/data.ts';
import { evaluate } from './rules/evaluate.ts';
import { fakeClassification, fakeContext, fakeDraft } from './rules/test-support.ts';
import type { Verdict } from './verdict.ts';
import { buildWalkthrough, WALK_STEP_ORDER, type WalkStep, type WalkStepId } from './walkthrough.ts';

const checker = createChecker();

/** The steps in English, as the training page shows them. */
function words(steps: WalkStep[]) {
  return steps.map((s) => {
    const r = renderStep(s, 'en');
    return {
      id: s.id,
      decisive: s.decisive,
      question: r.question.text,
      answer: r.answer.text,
      because: r.because.text,
      citations: r.citations,
    };
  });
}
const routeLabel = (route: Route) => renderMessage(walkthrough.route.routes[route].label, 'en').text;

const BIN_DAY = {
  subject: 'Change to your bin collection day',
  body: 'From Monday 4 January your collection day changes from Monday to Tuesday. Please put your bins out by 7am. No action is needed.',
};
const OFFER = {
  subject: '20% off everything this weekend',
  body: 'Our spring sale starts now: 20% off all garden furniture and free delivery on orders over £50. Shop now while stocks last!\n\nUnsubscribe here. Acme Garden Ltd',
};
const PRICE_LIST = {
  subject: 'The price list you asked for',
  body: 'Hi Lena, as requested, here is our price list for wedding flowers. Bouquets start from £95 and table centrepieces from £35. Book a free consultation with us.\n\nPetal & Stem Florists. Reply STOP to opt out.',
};
const APPEAL = {
  subject: 'Our winter appeal',
  body: 'This winter, families in our town need you. Just £5 could provide a hot meal. Please donate today and Gift Aid your gift.\n\nReply STOP to opt out.\nHope Trust, registered charity number 1234567',
};
const PORTAL = {
  subject: 'Report it online',
  body: 'Our new online portal lets you report a missed bin, pay your council tax and apply for a parking permit online.',
};
const LEISURE = {
  subject: 'New fitness classes at Riverside Leisure Centre',
  body: 'Book your place on our new fitness classes at Riverside Leisure Centre. Classes cost £6 per session, with a discount for members. Book now!',
};
const PETITION = {
  subject: 'Save our library',
  body: 'Sign our petition to keep the Station Road library open, and write to your MP before the council votes. Together we can save it.\n\nUnsubscribe at any time. Friends of Station Road Library',
};
const CONSENT_ASK = {
  subject: 'Can we keep in touch?',
  body: 'We would love to keep you up to date. Would you like to receive news and offers from us by email? Opt in now to keep hearing from us.',
};

interface Row {
  name: string;
  draft: { subject: string; body: string; channel?: 'email' | 'sms' };
  context: ContextInput;
  route: Route;
  decisive: WalkStepId;
  /** Text the decisive step's answer must contain. */
  answer?: RegExp;
  /** Text the decisive step's reason must contain. */
  because?: RegExp;
}

const rows: Row[] = [
  {
    name: 'a service message stops at step 2',
    draft: BIN_DAY,
    context: { sender: 'public-authority' },
    route: 'not-direct-marketing',
    decisive: 'service-message',
    answer: /^Yes/,
    because: /neutral information the recipient needs \("[^"]+"\)/,
  },
  {
    name: 'a solicited price list stops at step 1',
    draft: PRICE_LIST,
    context: { sender: 'business', solicited: 'yes' },
    route: 'solicited',
    decisive: 'asked-for-it',
    answer: /^Yes/,
    because: /opt-out/,
  },
  {
    name: 'B2B to a corporate subscriber decides at recipient type',
    draft: OFFER,
    context: { sender: 'business', recipientType: 'corporate' },
    route: 'corporate-subscriber',
    decisive: 'recipient-type',
    answer: /corporate/i,
  },
  {
    name: 'the charitable soft opt-in decides at relationship/consent',
    draft: APPEAL,
    context: {
      sender: 'charity',
      relationship: 'supporter',
      softOptInConditions: 'met',
      recipientType: 'individual',
    },
    route: 'charity-soft-opt-in',
    decisive: 'relationship-consent',
    answer: /charitable purposes soft opt-in/i,
    because: /5 February 2026/,
  },
  {
    name: 'a public authority promotion necessary for its task decides at the sender',
    draft: PORTAL,
    context: { sender: 'public-authority', publicTaskNecessary: 'yes' },
    route: 'not-direct-marketing',
    decisive: 'sender',
    answer: /necessary for its task/,
    because: /Article 21\(1\)/,
  },
  {
    name: "a council's paid-for leisure offer needs consent",
    draft: LEISURE,
    context: { sender: 'public-authority', recipientType: 'individual', consent: 'no' },
    route: 'consent-required',
    decisive: 'relationship-consent',
  },
  {
    name: 'products soft opt-in for own offers to customers',
    draft: OFFER,
    context: { sender: 'business', relationship: 'customer', softOptInConditions: 'met' },
    route: 'soft-opt-in',
    decisive: 'relationship-consent',
    answer: /products and services soft opt-in/i,
  },
  {
    name: 'political campaigning: no soft opt-in',
    draft: PETITION,
    context: { sender: 'political', relationship: 'supporter', softOptInConditions: 'met' },
    route: 'consent-required',
    decisive: 'relationship-consent',
    because: /political campaigning/,
  },
  {
    name: 'an opted-out recipient: do not send',
    draft: OFFER,
    context: { sender: 'business', consent: 'opted-out', solicited: 'yes' },
    route: 'consent-required',
    decisive: 'relationship-consent',
    answer: /opted out/,
  },
  {
    name: 'consent held',
    draft: OFFER,
    context: { sender: 'business', consent: 'yes' },
    route: 'consent-held',
    decisive: 'relationship-consent',
  },
  {
    name: 'asking for consent is itself marketing',
    draft: CONSENT_ASK,
    context: { sender: 'business' },
    route: 'consent-required',
    decisive: 'relationship-consent',
    because: /itself marketing/,
  },
  {
    name: 'a text is electronic mail too',
    draft: {
      subject: '',
      body: 'Stepwise: 30% off all trainers this weekend only. Shop now. Reply STOP to opt out',
      channel: 'sms',
    },
    context: { sender: 'business', consent: 'no', recipientType: 'individual' },
    route: 'consent-required',
    decisive: 'relationship-consent',
  },
];

function checkShape(raw: WalkStep[], verdict: Verdict) {
  const steps = words(raw);
  // in the model's order, no repeats, ending with the route
  const order = steps.map((s) => WALK_STEP_ORDER.indexOf(s.id));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(new Set(order).size).toBe(order.length);
  const last = steps.at(-1)!;
  expect(last.id).toBe('route');
  expect(last.answer).toBe(routeLabel(verdict.route));
  expect(last.decisive).toBe(false);
  // exactly one decisive step, and nothing between it and the route step
  const decisive = steps.filter((s) => s.decisive);
  expect(decisive).toHaveLength(1);
  expect(steps.indexOf(decisive[0]!)).toBe(steps.length - 2);
  for (const s of steps) {
    expect(s.question.trim()).not.toBe('');
    expect(s.answer.trim()).not.toBe('');
    expect(s.because.trim()).not.toBe('');
    expect(s.because).not.toMatch(/undefined|\[object/);
    for (const c of s.citations) {
      expect(c.title.trim()).not.toBe('');
      expect(c.url).toMatch(/^https:\/\//);
    }
  }
  // the decisive step never contradicts the route
  const at = decisive[0]!.id;
  const dmRoutes: Route[] = [
    'consent-required',
    'consent-held',
    'soft-opt-in',
    'charity-soft-opt-in',
    'corporate-subscriber',
    'solicited',
  ];
  if (dmRoutes.includes(verdict.route)) expect(['service-message', 'promotes-anything']).not.toContain(at);
  if (verdict.route === 'not-direct-marketing') {
    expect(['service-message', 'promotes-anything', 'sender']).toContain(at);
    expect(steps.find((s) => s.id === 'relationship-consent')).toBeUndefined();
  }
  if (verdict.route === 'solicited') expect(at).toBe('asked-for-it');
  if (verdict.route === 'corporate-subscriber') expect(at).toBe('recipient-type');
  if (verdict.route === 'unclear') expect(['promotes-anything', 'sender']).toContain(at);
}

describe('explain(): walkthroughs for real drafts', () => {
  test.each(rows)('$name', (row) => {
    const channel = row.draft.channel ?? 'email';
    const w = checker.explain({ ...row.draft, channel }, { channel, ...row.context });
    expect(w.verdict.route, summary(w.verdict)).toBe(row.route);
    checkShape(w.steps, w.verdict);
    const decisive = words(w.steps).find((s) => s.decisive)!;
    expect(decisive.id).toBe(row.decisive);
    if (row.answer) expect(decisive.answer).toMatch(row.answer);
    if (row.because) expect(decisive.because).toMatch(row.because);
    // the steps up to the decisive one are all there
    const upTo = WALK_STEP_ORDER.slice(0, WALK_STEP_ORDER.indexOf(row.decisive) + 1);
    expect(w.steps.map((s) => s.id)).toEqual([...upTo, 'route']);
  });

  test('the last step names the route and says what to do, citing the rule', () => {
    const w = checker.explain(APPEAL, {
      sender: 'charity',
      relationship: 'supporter',
      softOptInConditions: 'met',
    });
    const last = words(w.steps).at(-1)!;
    expect(last.answer).toBe('Charitable purposes soft opt-in');
    expect(last.because).toContain(summary(w.verdict));
    expect(last.because).toMatch(/What to do:/);
    const rule = w.verdict.rules.find((r) => r.ruleId === 'charity-soft-opt-in')!;
    expect(last.citations).toEqual(rule.citations.map(citation));
  });

  test('"does it promote anything?" quotes the draft\'s own words', () => {
    const w = checker.explain(OFFER, { sender: 'business' });
    const step = words(w.steps).find((s) => s.id === 'promotes-anything')!;
    expect(step.answer).toBe('Yes: it promotes products or services');
    const quoted = step.because.match(/"([^"]+)"/)?.[1];
    expect(quoted).toBeDefined();
    expect(`${OFFER.subject}\n${OFFER.body}`).toContain(quoted);
  });

  test('promotion inside a service message: step 2 says why it is not a service message', () => {
    const w = checker.explain(
      {
        subject: 'Your annual statement',
        body: 'Your annual statement is ready to view in your account. As a valued customer, you can also get 30% off our premium plan: upgrade today!',
      },
      { sender: 'business' },
    );
    const step = words(w.steps).find((s) => s.id === 'service-message')!;
    expect(step.answer).toMatch(/^No: service content plus promotion/);
    expect(step.decisive).toBe(false);
    expect(step.citations.map((c) => c.url).join(' ')).toMatch(/osborneclarke/);
  });

  test('unknown recipients are treated as individuals', () => {
    const w = checker.explain(OFFER, { sender: 'business' });
    expect(words(w.steps).find((s) => s.id === 'recipient-type')?.answer).toBe(
      'Not known: treated as individuals',
    );
  });

  test('a text message says so at the channel step', () => {
    const w = checker.explain(
      { body: 'Flash sale! 40% off all shoes today at Stepwise. Shop now.', channel: 'sms' },
      {},
    );
    expect(words(w.steps).find((s) => s.id === 'channel')?.answer).toBe('Yes: a text message');
  });
});

describe('buildWalkthrough(): properties over fabricated classifications and every context', () => {
  const arbScore = fc.oneof(
    fc.constantFrom(0, 0.2, 0.35, 0.5, 0.6, 0.9),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );
  const SIGNALS_TO_VARY = [
    'service',
    'consent-request',
    'third-party',
    'paid-service',
    'public-task',
    'solicited',
  ] as const;
  const arbClassification = fc.record({
    level: fc.constantFrom(...DM_LEVELS),
    primary: fc.constantFrom(...PURPOSES, 'none' as const),
    purposes: fc.record({ promotional: arbScore, fundraising: arbScore, campaigning: arbScore }),
    counts: fc.record(
      Object.fromEntries(SIGNALS_TO_VARY.map((s) => [s, fc.integer({ min: 0, max: 2 })])) as Record<
        (typeof SIGNALS_TO_VARY)[number],
        fc.Arbitrary<number>
      >,
    ),
  });
  const arbContext = fc.record({
    sender: fc.constantFrom(...SENDERS, 'unknown' as const),
    channel: fc.constantFrom(...CONTEXT_VALUES.channel),
    recipientType: fc.constantFrom(...CONTEXT_VALUES.recipientType),
    relationship: fc.constantFrom(...CONTEXT_VALUES.relationship),
    consent: fc.constantFrom(...CONTEXT_VALUES.consent),
    softOptInConditions: fc.constantFrom(...CONTEXT_VALUES.softOptInConditions),
    solicited: fc.constantFrom(...CONTEXT_VALUES.solicited),
    publicTaskNecessary: fc.constantFrom(...CONTEXT_VALUES.publicTaskNecessary),
  });

  test('agrees with the verdict for any input', () => {
    fc.assert(
      fc.property(arbClassification, arbContext, (c, ctx) => {
        const classification = fakeClassification(c);
        const context = fakeContext(ctx);
        const draft = fakeDraft('x', '', context.channel);
        const outcome = evaluate({ classification, context, draft });
        const verdict: Verdict = {
          ...outcome,
          primaryPurpose: classification.primaryPurpose,
          purposes: classification.purposes,
          evidence: classification.evidence,
          acts: [],
        };
        const steps = buildWalkthrough({ classification, verdict, outcome });
        checkShape(steps, verdict);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a draft the classifier cannot read', () => {
  test('the "promotes anything" step says the language coverage is limited, with the verdict note', () => {
    const w = checker.explain({
      subject: 'Newid i ddiwrnod casglu eich biniau',
      body: 'Annwyl breswylydd,\n\nO ddydd Llun ymlaen bydd eich biniau yn cael eu casglu ar ddydd Mawrth. Nid oes angen i chi wneud dim.\n\nDiolch yn fawr, Gwasanaethau Gwastraff',
    });
    expect(w.verdict.directMarketing).toBe('unclear');
    const step = words(w.steps).find((s) => s.id === 'promotes-anything');
    expect(step?.answer).toMatch(/language coverage is limited/);
    expect(step?.because).toContain(say(w.verdict.language?.note) || 'no language note');
  });
});
