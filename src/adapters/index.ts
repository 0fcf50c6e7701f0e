/**
 * The adapter registry. Order matters: the first adapter that claims a composer owns it, so site adapters come
 * first and the generic fallback last. Adding an id to `AdapterId` makes this file fail to type-check until the
 * adapter is registered here.
 */
import type { AdapterId, ComposerAdapter } from './adapter.ts';
import { genericAdapter } from './generic.ts';
import { gmailAdapter } from './gmail.ts';
import { outlookAdapter } from './outlook.ts';
import { protonAdapter } from './proton.ts';
import { roundcubeAdapter } from './roundcube.ts';
import { yahooAdapter } from './yahoo.ts';

export const ADAPTERS = {
  gmail: gmailAdapter,
  outlook: outlookAdapter,
  yahoo: yahooAdapter,
  proton: protonAdapter,
  roundcube: roundcubeAdapter,
  generic: genericAdapter,
} satisfies Record<AdapterId, ComposerAdapter>;

/** Site adapters first (most specific), generic last. */
export const ADAPTER_ORDER: readonly AdapterId[] = [
  'gmail',
  'outlook',
  'yahoo',
  'proton',
  'roundcube',
  'generic',
];

/** The adapters that apply to a page, in priority order (generic always last). */
export function adaptersFor(location: Pick<Location, 'hostname' | 'pathname'>): ComposerAdapter[] {
  return ADAPTER_ORDER.map((id) => ADAPTERS[id]).filter((a) => {
    try {
      return a.matches(location);
    } catch {
      return false;
    }
  });
}
