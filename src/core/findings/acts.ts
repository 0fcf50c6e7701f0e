/**
 * The acts of the judged text (src/core/acts) as findings: what each sentence asks of its recipient or does for
 * them, with the words that carry it and the lexicon pattern's reason as the note. Asks and offers are what make a
 * message marketing; service acts are why a message can be a service message.
 */
import type { ServiceKind } from '../acts/acts.ts';
import type { DraftAct } from '../classify/classification.ts';
import type { Purpose } from '../verdict.ts';
import type { CatalogueKey, Finding } from './finding.ts';

/** What an ask or an offer says, per purpose (a missing one fails to compile). */
const MARKETING_ACT: Record<'ask' | 'offer', Record<Purpose, CatalogueKey>> = {
  ask: {
    promotional: 'act_ask_promotional',
    fundraising: 'act_ask_fundraising',
    campaigning: 'act_ask_campaigning',
  },
  offer: {
    promotional: 'act_offer_promotional',
    fundraising: 'act_offer_fundraising',
    campaigning: 'act_offer_campaigning',
  },
};

/** What a service act says, per kind. */
const SERVICE_ACT: Record<ServiceKind, CatalogueKey> = {
  acknowledge: 'act_service_acknowledge',
  record: 'act_service_record',
  instruction: 'act_service_instruction',
  duty: 'act_service_duty',
  'public-service': 'act_service_public_service',
};

export function actFindings(acts: readonly DraftAct[]): Finding[] {
  return acts.map(
    (a): Finding => ({
      source: 'act',
      ruleId: a.patternId,
      severity: 'info',
      span: { field: a.field, start: a.start, end: a.end, text: a.text },
      ...(a.kind === 'service'
        ? {
            messageId: SERVICE_ACT[a.service ?? 'acknowledge'],
            params: { kind: a.kind, service: a.service ?? 'acknowledge' },
          }
        : {
            messageId: MARKETING_ACT[a.kind][a.purpose ?? 'promotional'],
            params: { kind: a.kind, purpose: a.purpose ?? 'promotional' },
          }),
      noteId: `lexicon:${a.patternId}`,
      citations: [],
    }),
  );
}
