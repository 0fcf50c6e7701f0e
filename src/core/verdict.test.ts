import { describe, expect, test } from 'vitest';
import { DM_LEVELS, isMarketingLevel } from './verdict.ts';

describe('isMarketingLevel', () => {
  test('yes and likely are direct marketing; unclear, unlikely and no are not', () => {
    expect(DM_LEVELS.filter(isMarketingLevel)).toEqual(['yes', 'likely']);
  });
});
