import { checksConfig } from './config.ts';
import { checkFinding, defineCheck, isDirectMarketing } from './types.ts';

/** `sender-unidentified`: marketing that names no sender (no identity cue, and the known sender name is absent). */
export const senderUnidentified = defineCheck({
  id: 'sender-unidentified',
  run(input) {
    if (!isDirectMarketing(input)) return undefined;
    if (input.classification.hits.some((h) => h.signal === 'sender-identity')) return undefined;
    const name = input.context.senderName?.trim();
    const { severity } = checksConfig['sender-unidentified'];
    if (!name) return checkFinding('sender-unidentified', severity, 'check_sender_unidentified');
    const text = `${input.draft.subject}\n${input.draft.body}`.toLowerCase();
    if (text.includes(name.toLowerCase())) return undefined;
    return checkFinding('sender-unidentified', severity, 'check_sender_unidentified_name', {
      senderName: name,
    });
  },
});
