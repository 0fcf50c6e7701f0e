import { describe, expect, test } from 'vitest';
import type { Evidence } from '../core/index.ts';
import { loadScenarios } from '../core/scenario.ts';
import {
  applyFilters,
  NO_FILTERS,
  outcomeOfLevels,
  paragraphs,
  parseSeed,
  quizSet,
  segments,
  shuffle,
} from './logic.ts';

const ev = (
  start: number,
  end: number,
  text: string,
  purpose: Evidence['purpose'] = 'promotional',
): Evidence => ({
  start,
  end,
  text,
  purpose,
  field: 'body',
  message: 'm',
  patternId: 'p',
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
});
