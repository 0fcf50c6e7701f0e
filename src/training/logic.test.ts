import { describe, expect, test } from 'vitest';
import type { Evidence } from '../core/index.ts';
import { ROUTES } from '../core/index.ts';
import { fakeEvidence } from '../core/rules/test-support.ts';
import { loadScenarios } from '../core/scenario.ts';
import { WALK_STEP_ORDER } from '../core/walkthrough.ts';
import { SUMMARY_SOURCES, SUMMARY_STEPS } from './labels.ts';
import {
  applyFilters,
  evidenceSteps,
  NO_FILTERS,
  OUTCOMES,
  outcomeOf,
  outcomeOfLevels,
  paragraphs,
  parseQuizSettings,
  parseSeed,
  quizSet,
  routeOptions,
  segments,
  shuffle,
} from './logic.ts';
import { scenarioCitations } from './scenarios.ts';
import { SECTORS } from './types.ts';

const ev = (
  start: number,
  end: number,
  text: string,
  purpose: Evidence['purpose'] = 'promotional',
): Evidence => ({
  ...fakeEvidence('p/p', text, purpose, { start }),
  end,
  span: { field: 'body', start, end, text },
});

const FIXTURE_SCENARIOS = loadScenarios();

describe('training logic', () => {
  test('outcome from expected levels', () => {
    expect(outcomeOfLevels(['yes', 'likely'])).toBe('dm');
    expect(outcomeOfLevels(['no'])).toBe('not-dm');
    expect(outcomeOfLevels(['unlikely', 'unclear'])).toBe('unclear');
    expect(outcomeOfLevels([])).toBe('unclear');
  });

  test('filters narrow the list', () => {
    const all = applyFilters(FIXTURE_SCENARIOS, NO_FILTERS);
    expect(all).toHaveLength(FIXTURE_SCENARIOS.length);
    const sms = applyFilters(FIXTURE_SCENARIOS, { ...NO_FILTERS, channel: 'sms' });
    expect(sms.length).toBeGreaterThan(0);
    expect(sms.every((s) => s.channel === 'sms')).toBe(true);
  });

  test('seeded shuffle is deterministic and a permutation', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(xs, 1)).toEqual(shuffle(xs, 1));
    expect(shuffle(xs, 1)).not.toEqual(shuffle(xs, 2));
    expect([...shuffle(xs, 7)].sort((a, b) => a - b)).toEqual(xs);
    expect(quizSet(FIXTURE_SCENARIOS, 3, 5)).toHaveLength(5);
  });

  test('seed parsing', () => {
    expect(parseSeed('?seed=1')).toBe(1);
    expect(parseSeed('?seed=abc')).toBeUndefined();
    expect(parseSeed('')).toBeUndefined();
  });

  test('segments follow evidence offsets, skip stale spans and clip overlaps', () => {
    const text = 'Get 20% off, shop now!';
    const segs = segments(text, [ev(4, 11, '20% off'), ev(13, 21, 'shop now'), ev(0, 3, 'XXX')], 'body');
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.purpose).map((s) => s.text)).toEqual(['20% off', 'shop now']);
    const overlap = segments(text, [ev(4, 11, '20% off'), ev(8, 21, 'off, shop now', 'none')], 'body');
    expect(overlap.map((s) => s.text).join('')).toBe(text);
    expect(segments('', [], 'body')).toEqual([{ text: '' }]);
  });

  test('paragraphs split at blank lines only', () => {
    expect(paragraphs('Dear Sam,\n\nLine one\nline two\n\n\nBye')).toEqual([
      'Dear Sam,',
      'Line one\nline two',
      'Bye',
    ]);
    expect(paragraphs('')).toEqual([]);
  });

  test('evidence steps: reading order, subject first, overlapped phrases left out', () => {
    const subject = ev(0, 4, 'Sale');
    const a = ev(4, 11, '20% off');
    const b = ev(8, 21, 'off, shop now', 'none');
    const c = ev(13, 21, 'shop now');
    const steps = evidenceSteps([c, a, { ...subject, field: 'subject' }], 'Sale', 'Get 20% off, shop now!');
    expect(steps.map((e) => e.text)).toEqual(['Sale', '20% off', 'shop now']);
    expect(evidenceSteps([a, b], '', 'Get 20% off, shop now!').map((e) => e.text)).toEqual([
      '20% off',
      'off, shop now',
    ]);
  });

  test('quiz settings from the address', () => {
    expect(parseQuizSettings('')).toEqual({ size: 10, sectors: SECTORS });
    expect(parseQuizSettings('?n=5&sectors=business,charity')).toEqual({
      size: 5,
      sectors: ['charity', 'business'],
    });
    expect(parseQuizSettings('?n=7&sectors=nope')).toEqual({ size: 10, sectors: SECTORS });
  });
});

describe('quiz balance', () => {
  const tally = (qs: readonly (typeof FIXTURE_SCENARIOS)[number][]) =>
    Object.fromEntries(OUTCOMES.map((o) => [o, qs.filter((q) => outcomeOf(q) === o).length]));

  // So answering "direct marketing" every time scores at most 4 in 10 on the first part.
  test('200 seeds of 10 questions: every quiz has 3 or 4 of each outcome, and no repeats', () => {
    const totals = { dm: 0, 'not-dm': 0, unclear: 0 };
    for (let seed = 1; seed <= 200; seed++) {
      const qs = quizSet(FIXTURE_SCENARIOS, seed, 10);
      expect(qs).toHaveLength(10);
      expect(new Set(qs.map((q) => q.id)).size).toBe(10);
      const t = tally(qs);
      for (const o of OUTCOMES) {
        expect(t[o], `seed ${seed} ${o}`).toBeGreaterThanOrEqual(3);
        expect(t[o], `seed ${seed} ${o}`).toBeLessThanOrEqual(4);
        totals[o] += t[o]!;
      }
    }
    // the extra question rotates: each outcome gets between 30% and 37% of all 2,000 questions
    for (const o of OUTCOMES) {
      expect(totals[o] / 2000, o).toBeGreaterThan(0.3);
      expect(totals[o] / 2000, o).toBeLessThan(0.37);
    }
  });

  test('same seed, same quiz; another seed, another quiz', () => {
    expect(quizSet(FIXTURE_SCENARIOS, 5).map((q) => q.id)).toEqual(
      quizSet(FIXTURE_SCENARIOS, 5).map((q) => q.id),
    );
    expect(quizSet(FIXTURE_SCENARIOS, 5).map((q) => q.id)).not.toEqual(
      quizSet(FIXTURE_SCENARIOS, 6).map((q) => q.id),
    );
  });

  test('sectors narrow the pool; an outcome a sector lacks gives its share to the others', () => {
    const business = quizSet(FIXTURE_SCENARIOS, 3, 10, ['business']);
    expect(business.every((q) => q.sector === 'business')).toBe(true);
    const t = tally(business);
    expect(t.unclear).toBe(
      FIXTURE_SCENARIOS.filter((s) => s.sector === 'business' && outcomeOf(s) === 'unclear').length,
    );
    expect(business).toHaveLength(
      Math.min(10, FIXTURE_SCENARIOS.filter((s) => s.sector === 'business').length),
    );
    const pa = tally(quizSet(FIXTURE_SCENARIOS, 3, 9, ['public-authority']));
    expect(pa).toEqual({ dm: 3, 'not-dm': 3, unclear: 3 });
  });

  test('route options: the right route and three others, in a fixed order', () => {
    for (const route of ROUTES) {
      for (let seed = 0; seed < 20; seed++) {
        const options = routeOptions(route, seed);
        expect(options).toHaveLength(4);
        expect(options).toContain(route);
        expect(options).toEqual(ROUTES.filter((r) => options.includes(r)));
      }
    }
    expect(routeOptions('soft-opt-in', 1)).toContain('consent-required');
    expect(routeOptions('consent-required', 1)).toContain('not-direct-marketing');
  });
});

describe('summary sheet', () => {
  test("its questions are the decision model's, in order (all but the final route step)", () => {
    expect(SUMMARY_STEPS.map((s) => s.id)).toEqual(WALK_STEP_ORDER.filter((id) => id !== 'route'));
  });
  test('its sources all resolve', () => {
    expect(scenarioCitations({ citations: [...SUMMARY_SOURCES] })).toHaveLength(SUMMARY_SOURCES.length);
  });
});
