/** src/data/lexicon-reasons.json is what `npm run reasons` writes from the lexicons today, reason for reason. */
import { expect, test } from 'vitest';
import reasonsJson from '../../data/lexicon-reasons.json' with { type: 'json' };
import { patternMessage } from '../findings/sources.ts';
import { lexiconReasons, REASONS_COMMENT } from './lexicon.ts';

test('lexicon-reasons.json is up to date (else: npm run reasons)', () => {
  expect(reasonsJson).toEqual({ $comment: REASONS_COMMENT, reasons: lexiconReasons() });
});

test('patternMessage reads it; an unknown id has no reason', () => {
  expect(patternMessage('fundraising/donate-ask')).toBe(lexiconReasons()['fundraising/donate-ask']);
  expect(patternMessage('fundraising/nope')).toBeUndefined();
  expect(patternMessage('constructor')).toBeUndefined();
});
