/**
 * proton: placeholder until its adapter lands (issue 3). Matches no page, so it finds nothing and touches nothing.
 */
import type { ComposerAdapter } from './adapter.ts';

export const protonAdapter: ComposerAdapter = {
  id: 'proton',
  matches: () => false,
  findComposers: () => [],
  composerFor: () => null,
};
