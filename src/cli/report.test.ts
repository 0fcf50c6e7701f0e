import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { ROUTES, type Verdict } from '../core/index.ts';
import { questions } from '../core/rules/data.ts';
import { parseArgs } from './args.ts';
import { clean, formatReport, headline, useColor } from './report.ts';

/** The extension's English wording of a route (its catalogue key is route_ + the id in snake case). */
const extensionRoute = (route: string) =>
  (en as Record<string, { message: string }>)[`route_${route.replace(/-/g, '_')}`]?.message;

const verdict: Verdict = {
  directMarketing: 'yes',
  primaryPurpose: 'fundraising',
  purposes: { promotional: 0.1, fundraising: 0.913, campaigning: 0 },
  route: 'consent-required',
  summary: 'The draft asks for money and you have no consent.',
  evidence: [
    {
      start: 10,
      end: 20,
      field: 'body',
      text: 'Donate\nnow',
      purpose: 'fundraising',
      message: 'Asks for a donation',
      patternId: 'fundraising/donate-ask',
    },
    {
      start: 0,
      end: 6,
      field: 'subject',
      text: 'Appeal',
      purpose: 'none',
      message: 'Looks like a service word',
      patternId: 'service/x',
    },
  ],
  rules: [
    {
      id: 'pecr-22',
      title: 'Consent for marketing e-mail',
      requirement: 'Get consent before sending.',
      citations: [
        { title: 'PECR reg 22', url: 'https://www.legislation.gov.uk/uksi/2003/2426/regulation/22' },
      ],
    },
  ],
  checks: [{ id: 'opt-out-missing', severity: 'warning', message: 'No unsubscribe link.' }],
  questions: [
    {
      field: 'softOptInConditions',
      text: 'Are the soft opt-in conditions met?',
      options: [
        { value: 'met', label: 'Yes' },
        { value: 'not-met', label: 'No' },
      ],
    },
  ],
};

describe('formatReport', () => {
  const text = formatReport('draft.txt', verdict, { color: false });

  it('has the headline, route label, summary and scores', () => {
    expect(text).toContain('== draft.txt ==');
    expect(text).toContain('Direct marketing: yes — fundraising');
    expect(text).toContain('Route: Consent needed: PECR reg 22 (consent-required)');
    expect(text).toContain('Summary: The draft asks for money and you have no consent.');
    expect(text).toContain('promotional 0.10 · fundraising 0.91 · campaigning 0.00');
  });
  it('prints evidence as field start-end "text" — message', () => {
    expect(text).toContain('body 10-20 "Donate now" — Asks for a donation [fundraising]');
    expect(text).toContain('subject 0-6 "Appeal" — Looks like a service word\n');
  });
  it('prints rules with requirement and citation URLs, checks with severity, questions with flags', () => {
    expect(text).toContain('• Consent for marketing e-mail (pecr-22)');
    expect(text).toContain('Get consent before sending.');
    expect(text).toContain('https://www.legislation.gov.uk/uksi/2003/2426/regulation/22');
    expect(text).toContain('[warning] No unsubscribe link. (opt-out-missing)');
    expect(text).toContain('? Are the soft opt-in conditions met?');
    expect(text).toContain('Yes (--soft-opt-in met) | No (--soft-opt-in not-met)');
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
    expect(out.match(/Asks for a donation/g)).toHaveLength(5);
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
      field,
      text: q.text,
      options: q.options.map(({ value, label }) => ({ value, label })),
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
