/**
 * Risk first (issue #13): the pure rule over ids, and real drafts through the real core. Texts are written for
 * this project.
 */
import { describe, expect, test } from 'vitest';
import { check } from './index.ts';
import { assessRisk, type RiskInput } from './risk.ts';

const base: RiskInput = { directMarketing: 'no', route: 'not-direct-marketing', checks: [], questions: [] };

describe('assessRisk over ids', () => {
  test('not marketing with nothing to fix is ok', () => {
    expect(assessRisk(base)).toEqual({ risk: 'ok', problems: [], reasons: [] });
  });

  test('info checks are not problems', () => {
    const r = assessRisk({ ...base, checks: [{ id: 'recipients-look-individual', severity: 'info' }] });
    expect(r.risk).toBe('ok');
    expect(r.problems).toEqual([]);
  });

  test('an error check stops, marketing or not', () => {
    const r = assessRisk({ ...base, checks: [{ id: 'recipients-exposed', severity: 'error' }] });
    expect(r).toEqual({
      risk: 'stop',
      problems: [{ checkId: 'recipients-exposed', level: 'stop' }],
      reasons: [],
    });
  });

  test('a warning that is not a reg 23 element is reviewed', () => {
    const r = assessRisk({ ...base, checks: [{ id: 'recipients-exposed', severity: 'warning' }] });
    expect(r.risk).toBe('review');
    expect(r.problems).toEqual([{ checkId: 'recipients-exposed', level: 'review' }]);
  });

  test('a missing opt-out or sender stops, with its fix', () => {
    const r = assessRisk({
      directMarketing: 'yes',
      route: 'consent-held',
      checks: [
        { id: 'opt-out-missing', severity: 'warning' },
        { id: 'sender-unidentified', severity: 'warning' },
      ],
      questions: [],
    });
    expect(r.risk).toBe('stop');
    expect(r.problems).toEqual([
      { checkId: 'opt-out-missing', level: 'stop', fix: 'opt-out-missing' },
      { checkId: 'sender-unidentified', level: 'stop', fix: 'sender-unidentified' },
    ]);
  });

  test.each([
    'consent-held',
    'soft-opt-in',
    'charity-soft-opt-in',
    'corporate-subscriber',
    'solicited',
  ] as const)('marketing on the lawful route %s with every element present is ok', (route) => {
    expect(assessRisk({ ...base, directMarketing: 'yes', route }).risk).toBe('ok');
  });

  test('marketing whose route is still open is reviewed', () => {
    const r = assessRisk({
      ...base,
      directMarketing: 'likely',
      route: 'consent-required',
      questions: [{ field: 'consent' }],
    });
    expect(r).toEqual({ risk: 'review', problems: [], reasons: ['route-open'] });
  });

  test('unclear text is reviewed', () => {
    expect(assessRisk({ ...base, directMarketing: 'unclear', route: 'unclear' })).toEqual({
      risk: 'review',
      problems: [],
      reasons: ['text-unclear'],
    });
  });

  test('"no consent" is reviewed while a question could still give a route, and stops once none can', () => {
    const open = { ...base, directMarketing: 'yes' as const, route: 'consent-required' as const };
    expect(
      assessRisk({ ...open, questions: [{ field: 'relationship' }] }, { consent: 'no' }).problems,
    ).toEqual([{ checkId: 'consent-refused', level: 'review' }]);
    const closed = assessRisk(open, { consent: 'no' });
    expect(closed.risk).toBe('stop');
    expect(closed.problems).toEqual([{ checkId: 'consent-refused', level: 'stop' }]);
    // Not marketing: no consent is needed.
    expect(assessRisk(base, { consent: 'no' }).risk).toBe('ok');
  });

  test('stop problems come first', () => {
    const r = assessRisk({
      ...base,
      checks: [
        { id: 'draft-truncated', severity: 'warning' },
        { id: 'recipients-exposed', severity: 'error' },
      ],
    });
    expect(r.problems.map((p) => p.checkId)).toEqual(['recipients-exposed', 'draft-truncated']);
  });
});

const APPEAL =
  'Dear friend,\n\nThis winter, families in our town need you. Just £5 could provide a hot meal. Please donate today.\n\nThank you,\nSam';
const COMPLIANT_APPEAL = `${APPEAL.replace('\n\nThank you,\nSam', '')}\n\nHope Trust, registered charity number 1234567. To stop these emails, reply UNSUBSCRIBE.`;
const BIN_NOTICE =
  'Dear resident,\n\nFrom Monday your bin collection day changes from Monday to Tuesday because of the bank holiday. Please put your bins out by 7am.\n\nWaste Services';
const SIXTY = Array.from({ length: 60 }, (_, i) => `resident${i}@example.org`);

describe('risk of real drafts', () => {
  const riskOf = (body: string, context: Parameters<typeof check>[1]) => {
    const v = check({ body }, context);
    return assessRisk(v, { consent: context?.consent });
  };

  test('a service notice with 60 exposed addresses stops on that one problem', () => {
    const r = riskOf(BIN_NOTICE, { sender: 'public-authority', recipients: { to: SIXTY } });
    expect(r.risk).toBe('stop');
    expect(r.problems).toEqual([{ checkId: 'recipients-exposed', level: 'stop' }]);
    expect(riskOf(BIN_NOTICE, { sender: 'public-authority' }).risk).toBe('ok');
  });

  test('an appeal with no opt-out and no sender stops on two problems, each with its fix', () => {
    const r = riskOf(APPEAL, { sender: 'charity' });
    expect(r.risk).toBe('stop');
    expect(r.problems.map((p) => p.fix)).toEqual(['opt-out-missing', 'sender-unidentified']);
  });

  test('a compliant appeal is reviewed until the route is answered, then ok', () => {
    expect(riskOf(COMPLIANT_APPEAL, { sender: 'charity' })).toEqual({
      risk: 'review',
      problems: [],
      reasons: ['route-open'],
    });
    const answered = { sender: 'charity', relationship: 'supporter', softOptInConditions: 'met' } as const;
    expect(riskOf(COMPLIANT_APPEAL, answered).risk).toBe('ok');
    expect(riskOf(COMPLIANT_APPEAL, { sender: 'charity', consent: 'yes' }).risk).toBe('ok');
  });

  test('marketing to people who opted out stops', () => {
    expect(riskOf(COMPLIANT_APPEAL, { sender: 'charity', consent: 'opted-out' }).risk).toBe('stop');
  });
});
