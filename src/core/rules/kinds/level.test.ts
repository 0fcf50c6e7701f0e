import { expect, test } from 'vitest';
import { RuleDataError } from '../conditions.ts';
import { decision } from '../data.ts';
import type { WalkState } from './index.ts';
import { type LevelStep, runLevel } from './level.ts';

const state = (facts: WalkState['facts']): WalkState => ({
  facts,
  defs: {},
  purposeLabels: decision.purposeLabels,
  ask: [],
  trace: [],
});

const step = (purpose: string): LevelStep => ({
  id: 'shows-work',
  kind: 'level',
  cases: [
    {
      when: { fact: 'level', is: 'unlikely' },
      set: 'likely',
      purpose: purpose as never,
      reason: 'shows-work',
    },
  ],
});

test('a level case can name the purpose it raises the level for, and the trace says so', () => {
  const s = state({ level: 'unlikely', primaryPurpose: 'none' });
  runLevel(step('campaigning'), s);
  expect(s.facts).toMatchObject({
    level: 'likely',
    primaryPurpose: 'campaigning',
    levelReason: 'shows-work',
  });
  expect(s.trace).toEqual([
    { kind: 'level', id: 'shows-work', case: 0, reason: 'shows-work', set: 'likely', purpose: 'campaigning' },
  ]);
});

test('a case whose purpose is not one is a data error, not a silent verdict', () => {
  expect(() => runLevel(step('leafleting'), state({ level: 'unlikely', primaryPurpose: 'none' }))).toThrow(
    RuleDataError,
  );
});

test('a case without a purpose leaves the purpose alone', () => {
  const s = state({ level: 'unlikely', primaryPurpose: 'fundraising' });
  runLevel(
    {
      ...step('campaigning'),
      cases: [{ when: { fact: 'level', is: 'unlikely' }, set: 'likely', reason: 'r' }],
    },
    s,
  );
  expect(s.facts.primaryPurpose).toBe('fundraising');
});
