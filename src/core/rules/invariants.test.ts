/** Property tests: invariants of the engine over random classifications and contexts. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { summary } from '../../i18n/test-words.ts';
import { SIGNALS, type Signal } from '../classify/classification.ts';
import { CONTEXT_VALUES, SENDERS } from '../context.ts';
import { DM_LEVELS, type PrimaryPurpose, PURPOSES, ROUTES } from '../verdict.ts';
import { citation } from './data.ts';
import { evaluate } from './evaluate.ts';
import { type FakeClassification, fakeClassification, fakeContext, fakeDraft } from './test-support.ts';

/** Scores near the data's thresholds (0.35, 0.5, 0.6) are the interesting ones. */
const arbScore = fc.oneof(
  fc.constantFrom(0, 0.2, 0.35, 0.5, 0.6, 0.9),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

const arbClassification: fc.Arbitrary<FakeClassification> = fc.record({
  level: fc.constantFrom(...DM_LEVELS),
  primary: fc.constantFrom<PrimaryPurpose>(...PURPOSES, 'none'),
  purposes: fc.record({
    promotional: arbScore,
    fundraising: arbScore,
    campaigning: arbScore,
  }),
  counts: fc.dictionary(fc.constantFrom<Signal>(...SIGNALS), fc.integer({ min: 0, max: 3 })) as fc.Arbitrary<
    Partial<Record<Signal, number>>
  >,
});

const arbContext = fc.record({
  sender: fc.constantFrom(...SENDERS, 'unknown' as const),
  channel: fc.constantFrom(...CONTEXT_VALUES.channel),
  recipientType: fc.constantFrom(...CONTEXT_VALUES.recipientType),
  relationship: fc.constantFrom(...CONTEXT_VALUES.relationship),
  consent: fc.constantFrom(...CONTEXT_VALUES.consent),
  softOptInConditions: fc.constantFrom(...CONTEXT_VALUES.softOptInConditions),
  solicited: fc.constantFrom(...CONTEXT_VALUES.solicited),
  publicTaskNecessary: fc.constantFrom('yes' as const, 'no' as const, 'unknown' as const),
});

test('engine invariants hold for any input', () => {
  fc.assert(
    fc.property(arbClassification, arbContext, (c, ctx) => {
      const classification = fakeClassification(c);
      const context = fakeContext(ctx);
      const out = evaluate({ classification, context, draft: fakeDraft('x', '', context.channel) });
      expect(ROUTES).toContain(out.route);
      // the trace ends with the route step that decided, and records every question offered, in order
      expect(out.trace.at(-1)).toMatchObject({ kind: 'route', route: out.route });
      expect(out.trace.filter((t) => t.kind === 'route')).toHaveLength(1);
      expect(out.trace.flatMap((t) => (t.kind === 'ask' ? [t.field] : []))).toEqual(
        out.questions.map((q) => q.field),
      );
      const lastLevel = out.trace.filter((t) => t.kind === 'level').at(-1);
      expect(out.facts.levelReason).toBe(lastLevel?.kind === 'level' ? lastLevel.reason : '');
      expect(summary(out)).not.toMatch(/[{}$]/);
      // every applied rule carries an https citation
      for (const r of out.rules) {
        expect(r.citations.length).toBeGreaterThan(0);
        for (const cit of r.citations) expect(citation(cit).url).toMatch(/^https:\/\//);
      }
      // only unanswered fields are asked, each at most once
      const fields = out.questions.map((q) => q.field);
      expect(new Set(fields).size).toBe(fields.length);
      for (const f of fields)
        expect((context as unknown as Record<string, unknown>)[f] ?? 'unknown').toBe('unknown');
      // the level and the route agree
      const dm = out.directMarketing === 'yes' || out.directMarketing === 'likely';
      if (out.route === 'not-direct-marketing') expect(dm).toBe(false);
      if (out.route === 'unclear') expect(out.directMarketing).toBe('unclear');
      if (dm) expect(['not-direct-marketing', 'unclear']).not.toContain(out.route);
      // fundraising / campaigning text judged DM is never made not-DM by the sender
      const aims = c.primary === 'fundraising' || c.primary === 'campaigning';
      const textDm = c.level === 'yes' || c.level === 'likely';
      if (aims && textDm) expect(out.route).not.toBe('not-direct-marketing');
      // soft opt-ins only where allowed
      if (out.route === 'soft-opt-in') {
        expect(aims).toBe(false);
        expect(context.sender).not.toBe('political');
        expect(classification.counts['third-party']).toBe(0);
        expect(context.relationship).toBe('customer');
        expect(context.softOptInConditions).toBe('met');
      }
      if (out.route === 'charity-soft-opt-in') {
        expect(context.sender).toBe('charity');
        expect(context.relationship).toBe('supporter');
        expect(context.softOptInConditions).toBe('met');
        expect(classification.counts['third-party']).toBe(0);
      }
      if (context.consent === 'opted-out' && dm) {
        expect(out.route).toBe('consent-required');
        expect(out.checks.some((k) => k.id === 'opted-out' && k.severity === 'error')).toBe(true);
      }
      if (context.consent === 'opted-out' && dm) expect(out.route).not.toBe('consent-held');
      // always-on rules for DM by electronic mail
      if (dm) {
        const ids = out.rules.map((r) => r.ruleId);
        expect(ids).toContain('right-to-object');
        expect(ids).toContain('lawful-basis-and-privacy-information');
        expect(ids).toContain(
          context.channel === 'sms' ? 'identify-and-opt-out-sms' : 'identify-and-opt-out-email',
        );
      }
      if (out.route === 'not-direct-marketing') {
        expect(out.rules.map((r) => r.ruleId)).toContain('data-protection-still-applies');
      }
    }),
    { numRuns: 3000 },
  );
});
