import { checksConfig } from './config.ts';
import { type DraftCheckRule, fill, isDirectMarketing } from './types.ts';

/** `sender-unidentified`: marketing that names no sender (no identity cue, and the known sender name is absent). */
export const senderUnidentified: DraftCheckRule = {
  id: 'sender-unidentified',
  run(input) {
    if (!isDirectMarketing(input)) return undefined;
    if (input.classification.hits.some((h) => h.signal === 'sender-identity')) return undefined;
    const name = input.context.senderName?.trim();
    const cfg = checksConfig['sender-unidentified'];
    if (name) {
      const text = `${input.draft.subject}\n${input.draft.body}`.toLowerCase();
      if (text.includes(name.toLowerCase())) return undefined;
      return {
        id: 'sender-unidentified',
        severity: cfg.severity,
        message: fill(cfg.messageWithName, { senderName: name }),
      };
    }
    return { id: 'sender-unidentified', severity: cfg.severity, message: cfg.message };
  },
};
