/**
 * What the training page shows of each scenario is written for a room: no internal scenario ids ("PS-01") in any
 * text a trainee reads, and enough scenarios of each outcome for a balanced quiz.
 */
import { describe, expect, test } from 'vitest';
import { SCENARIO_ID } from '../core/scenario.ts';
import { outcomeOf, quizSet } from './logic.ts';
import { SCENARIOS } from './scenarios.ts';

const ANY_ID = new RegExp(`\\b${SCENARIO_ID.source.replace(/^\^|\$$/g, '')}\\b`);

describe('training scenarios as shown', () => {
  test.each(SCENARIOS)('$id: title, draft, teaching note and known limit name no scenario id', (s) => {
    for (const text of [s.title, s.subject, s.body, s.teachingNote, s.knownLimit ?? '']) {
      expect(text).not.toMatch(ANY_ID);
    }
  });

  test('the id pattern would catch one', () => {
    expect('The same service notice as PS-01, with').toMatch(ANY_ID);
  });

  test('every outcome has scenarios, unclear included', () => {
    const count = (o: string) => SCENARIOS.filter((s) => outcomeOf(s) === o).length;
    expect(count('dm')).toBeGreaterThanOrEqual(10);
    expect(count('not-dm')).toBeGreaterThanOrEqual(10);
    expect(count('unclear')).toBeGreaterThanOrEqual(6);
  });
});

describe('quiz balance on the shipped scenarios', () => {
  test('200 seeds of 10 questions: 3 or 4 of each outcome in every quiz, about a third each, every unclear one used', () => {
    const totals: Record<string, number> = { dm: 0, 'not-dm': 0, unclear: 0 };
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const quiz = quizSet(SCENARIOS, seed, 10);
      expect(quiz).toHaveLength(10);
      expect(new Set(quiz.map((q) => q.id)).size).toBe(10);
      const count: Record<string, number> = { dm: 0, 'not-dm': 0, unclear: 0 };
      for (const q of quiz) {
        count[outcomeOf(q)]!++;
        seen.add(q.id);
      }
      for (const o of Object.keys(count)) {
        expect(count[o], `seed ${seed} ${o}`).toBeGreaterThanOrEqual(3);
        expect(count[o], `seed ${seed} ${o}`).toBeLessThanOrEqual(4);
        totals[o]! += count[o]!;
      }
    }
    for (const o of Object.keys(totals)) {
      expect(totals[o]! / 2000, o).toBeGreaterThan(0.3);
      expect(totals[o]! / 2000, o).toBeLessThan(0.37);
    }
    for (const s of SCENARIOS.filter((x) => outcomeOf(x) === 'unclear'))
      expect(seen.has(s.id), s.id).toBe(true);
  });
});
