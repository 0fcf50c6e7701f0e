/**
 * What `render` (src/i18n/render.ts) needs from the core's data to word a finding: the citations and the lexicon
 * patterns' reasons. Light on purpose: JSON only, no classifier. The content script renders findings in its first
 * chunk, and the core (compromise, ~350 KB) must stay in the chunk it loads lazily.
 */
import citationsJson from '../../data/citations.json' with { type: 'json' };
import reasonsJson from '../../data/lexicon-reasons.json' with { type: 'json' };
import type { Citation } from '../verdict.ts';

const { $comment: _c, ...citationEntries } = citationsJson;
/** Every citation by id (src/data/citations.json). */
export const CITATIONS: Readonly<Record<string, Citation>> = citationEntries;

/** Thrown for an id the data does not have: a data bug, which the data tests catch. */
export class UnknownSourceError extends Error {
  override name = 'UnknownSourceError';
}

/** A citation by id; an unknown id is a data bug and throws. */
export function citation(id: string): Citation {
  const c = CITATIONS[id];
  if (!c) throw new UnknownSourceError(`unknown citation "${id}"`);
  return { title: c.title, url: c.url };
}

const REASONS: Readonly<Record<string, string>> = reasonsJson.reasons;

/**
 * The English reason a lexicon pattern gives, by its global id (`fundraising/donate-ask` → "Asks for a donation.").
 * From src/data/lexicon-reasons.json, which `npm run reasons` writes from the lexicons (a test keeps it equal).
 */
export function patternMessage(globalId: string): string | undefined {
  return Object.hasOwn(REASONS, globalId) ? REASONS[globalId] : undefined;
}
