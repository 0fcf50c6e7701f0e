/**
 * The lexicon registry is exhaustive by type: `npm run typecheck` compiles this file, and each `@ts-expect-error`
 * fails the type check if the line below it ever compiles. Each lexicon file's declaration (its `.d.json.ts`,
 * written by `npm run data`) names its own signal, so a file cannot sit under another signal's key either.
 */
import { expect, test } from 'vitest';
import promotional from '../../data/lexicons/promotional.json' with { type: 'json' };
import service from '../../data/lexicons/service.json' with { type: 'json' };
import type { Signal } from './classification.ts';
import { LEXICONS, type LexiconRegistry } from './lexicon.ts';

const { request: _request, ...withoutRequest } = LEXICONS;

// @ts-expect-error a signal without a lexicon (request) does not compile
const missing: LexiconRegistry = withoutRequest;

// @ts-expect-error an entry for a signal that does not exist does not compile
const unknown: LexiconRegistry = { ...LEXICONS, spam: promotional };

// @ts-expect-error a lexicon under another signal's key does not compile
const swapped: LexiconRegistry = { ...LEXICONS, promotional: service };

// @ts-expect-error a signal's name is checked too
const notASignal: Signal = 'spam';

test('the registry has one lexicon per signal, under its own signal', () => {
  for (const [signal, lexicon] of Object.entries(LEXICONS)) expect(lexicon.signal).toBe(signal);
  expect([missing, unknown, swapped, notASignal].length).toBe(4);
});
