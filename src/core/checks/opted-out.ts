import { checksConfig } from './config.ts';
import { checkFinding, defineCheck, isDirectMarketing } from './types.ts';

/** `opted-out`: marketing to someone who objected or withdrew consent must not be sent. */
export const optedOut = defineCheck({
  id: 'opted-out',
  run(input) {
    if (input.context.consent !== 'opted-out' || !isDirectMarketing(input)) return undefined;
    return checkFinding('opted-out', checksConfig['opted-out'].severity, 'check_opted_out');
  },
});
