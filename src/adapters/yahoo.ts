/**
 * yahoo: placeholder until its adapter lands (issue 3). Matches no page, so it finds nothing and touches nothing.
 */
import type { ComposerAdapter } from './adapter.ts';

export const yahooAdapter: ComposerAdapter = {
  id: 'yahoo',
  matches: () => false,
  findComposers: () => [],
  composerFor: () => null,
};
