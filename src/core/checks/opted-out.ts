import { checksConfig } from './config.ts';
import { type DraftCheckRule, isDirectMarketing } from './types.ts';

/** `opted-out`: marketing to someone who objected or withdrew consent must not be sent. */
export const optedOut: DraftCheckRule = {
  id: 'opted-out',
  run(input) {
    if (input.context.consent !== 'opted-out' || !isDirectMarketing(input)) return undefined;
    const cfg = checksConfig['opted-out'];
    return { id: 'opted-out', severity: cfg.severity, message: cfg.message };
  },
};
