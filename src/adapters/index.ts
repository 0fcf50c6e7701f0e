/**
 * The adapter registry. Order matters: the first adapter that claims a composer owns it, so the webmails' own
 * adapters come first, in the order of webmails.ts, and the generic fallback last. A webmail in webmails.ts whose
 * adapter is not registered here fails to type-check.
 */
import type { AdapterId, ComposerAdapter } from './adapter.ts';
import { genericAdapter } from './generic.ts';
import { gmailAdapter } from './gmail.ts';
import { outlookAdapter } from './outlook.ts';
import { protonAdapter } from './proton.ts';
import { roundcubeAdapter } from './roundcube.ts';
import { WEBMAIL_IDS } from './webmails.ts';
import { yahooAdapter } from './yahoo.ts';

export const ADAPTERS: Readonly<Record<AdapterId, ComposerAdapter>> = {
  gmail: gmailAdapter,
  outlook: outlookAdapter,
  yahoo: yahooAdapter,
  proton: protonAdapter,
  roundcube: roundcubeAdapter,
  generic: genericAdapter,
};

/** The webmails' own adapters first (most specific, in the order of webmails.ts), generic last. */
export const ADAPTER_ORDER: readonly AdapterId[] = [...WEBMAIL_IDS, 'generic'];

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
