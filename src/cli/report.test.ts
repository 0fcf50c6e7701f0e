import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { type EnumField, patternMessage, ROUTES, type Verdict } from '../core/index.ts';
import { questions } from '../core/rules/data.ts';
import { fakeCheck, fakeEvidence, fakeRule, fakeVerdict } from '../core/rules/test-support.ts';
import { parseArgs } from './args.ts';
import { clean, formatReport, headline, useColor } from './report.ts';

/** The extension's English wording of a route (its catalogue key is route_ + the id in snake case). */
const extensionRoute = (route: string) =>
  (en as Record<string, { message: string }>)[`route_${route.replace(/-/g, '_')}`]?.message;

const verdict: Verdict = fakeVerdict({
  purposes: { promotional: 0.1, fundraising: 0.913, campaigning: 0 },
  evidence: [
    fakeEvidence('fundraising/donate-ask', 'Donate\nnow', 'fundraising', { start: 10 }),
    fakeEvidence('service/your-record', 'Appeal', 'none', { field: 'subject' }),
  ],
  rules: [fakeRule('consent-required')],
  checks: [fakeCheck('opt-out-missing', 'warning')],
  questions: [
    {
      field: 'softOptInConditions',
      messageId: 'question_softOptInConditions',
      options: [
        { value: 'met', messageId: 'question_softOptInConditions_met' },
        { value: 'not-met', messageId: 'question_softOptInConditions_not_met' },
      ],
    },
  ],
});
const reason = (patternId: string) => patternMessage(patternId) ?? '';

describe('formatReport', () => {
  const text = formatReport('draft.txt', verdict, { color: false });

  it('has the headline, route label, summary and scores', () => {
    expect(text).toContain('== draft.txt ==');
    expect(text).toContain('Direct marketing: yes — fundraising');
    expect(text).toContain("Route: Needs the recipient's consent (PECR reg 22) (consent-required)");
    expect(text).toContain(
      'Summary: This asks for donations or support, so it is likely direct marketing and emails or texts to individuals need their prior consent.',
    );
    expect(text).toContain('promotional 0.10 · fundraising 0.91 · campaigning 0.00');
  });
  it('prints evidence as field start-end "text" — message', () => {
    expect(text).toContain(`body 10-20 "Donate now" — ${reason('fundraising/donate-ask')} [fundraising]`);
    expect(text).toContain(`subject 0-6 "Appeal" — ${reason('service/your-record')}\n`);
  });
  it('prints rules with requirement and citation URLs, checks with severity, questions with flags', () => {
    expect(text).toContain('• Prior consent for marketing emails and texts (consent-required)');
    expect(text).toContain(
      'Send this only to individuals who clearly agreed to receive this kind of message',
    );
    expect(text).toContain('https://www.legislation.gov.uk/uksi/2003/2426/regulation/22');
    expect(text).toMatch(/\[warning\] No unsubscribe or opt-out wording was found\. .* \(opt-out-missing\)/);
    expect(text).toContain('? Did you collect these details yourself, offer a free opt-out at that time');
    expect(text).toContain('Yes, all of these (--soft-opt-in met) | No, or not sure (--soft-opt-in not-met)');
  });
  it('has no ANSI codes without colour, and has them with colour', () => {
    expect(text).not.toContain('\u001b');
    expect(formatReport('d', verdict, { color: true })).toContain('\u001b[');
  });
  it('leaves out empty sections and says "none" only by omission', () => {
    const bare: Verdict = {
      ...verdict,
      primaryPurpose: 'none',
      evidence: [],
      rules: [],
      checks: [],
      questions: [],
    };
    const out = formatReport('x', bare, { color: false });
    expect(out).toContain('Direct marketing: yes\n');
    expect(out).not.toContain('Evidence');
    expect(out).not.toContain('Rules');
  });
  it('caps the evidence list', () => {
    const many = { ...verdict, evidence: Array.from({ length: 100 }, () => verdict.evidence[0]!) };
    const out = formatReport('x', many, { color: false, maxEvidence: 5 });
    expect(out.split(reason('fundraising/donate-ask'))).toHaveLength(6);
    expect(out).toContain('… and 95 more');
  });
  it('neutralises control characters from the draft', () => {
    const hostile = { ...verdict, evidence: [{ ...verdict.evidence[0]!, text: 'a\u001b[2Jb\u202ec' }] };
    const out = formatReport('x\u0007', hostile, { color: false });
    for (const c of ['\u0007', '\u001b', '\u202e']) expect(out).not.toContain(c);
  });
});

describe('helpers', () => {
  it('every route is worded as in the extension’s English catalogue', () => {
    for (const route of ROUTES) {
      const label = extensionRoute(route);
      expect(label, route).toBeTruthy();
      const text = formatReport('x', { ...verdict, route }, { color: false });
      expect(text.split('\n')[2], route).toBe(`Route: ${label} (${route})`);
    }
  });
  it('headline', () => {
    expect(headline(verdict)).toBe('Direct marketing: yes — fundraising');
  });
  it('clean truncates and collapses', () => {
    expect(clean('a  \n b')).toBe('a b');
    expect(clean('abcdefghij', 5)).toBe('abcd…');
  });
  it('every answer the report suggests is a flag and value the CLI accepts, setting that field', () => {
    // Every question the rule data can ask, with every answer it offers (src/data/rules/questions.json).
    const all = Object.entries(questions).map(([field, q]) => ({
      field: field as EnumField,
      messageId: q.text,
      options: q.options.map(({ value, label }) => ({ value, messageId: label })),
    }));
    expect(all.length).toBeGreaterThanOrEqual(8);
    const out = formatReport('x', { ...verdict, questions: all }, { color: false });
    const suggested = [...out.matchAll(/\((--[a-z-]+) ([a-z-]+)\)/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(suggested).toHaveLength(all.reduce((n, q) => n + q.options.length, 0));
    // In the order asked: each question's answers, each a flag and value that set that field to that answer.
    let i = 0;
    for (const q of all) {
      for (const o of q.options) {
        const [flag, value] = suggested[i++]!;
        expect(parseArgs([flag, value, 'draft.txt']), `${flag} ${value}`).toMatchObject({
          context: { [q.field]: o.value },
        });
      }
    }
  });
  it('useColor respects TTY, NO_COLOR and FORCE_COLOR', () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(false, {})).toBe(false);
    expect(useColor(undefined, {})).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(true, { NO_COLOR: '' })).toBe(true);
    expect(useColor(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(true, { TERM: 'dumb' })).toBe(false);
  });
});
