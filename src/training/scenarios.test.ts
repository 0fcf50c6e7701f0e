/**
 * What the training page shows of each scenario is written for a room: no internal scenario ids ("PS-01") in any
 * text a trainee reads, and enough scenarios of each outcome for a balanced quiz.
 */
import { describe, expect, test } from 'vitest';
import { SCENARIO_ID } from '../core/scenario.ts';
import { outcomeOf } from './logic.ts';
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
