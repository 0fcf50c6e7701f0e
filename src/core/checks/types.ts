import type { Classification } from '../classify/classification.ts';
import type { Context } from '../context.ts';
import type { Draft } from '../draft/draft.ts';
import type { CatalogueKey, CitationId, Params } from '../findings/finding.ts';
import {
  type DirectMarketingLevel,
  type DraftCheck,
  isMarketingLevel,
  type Route,
  type Severity,
} from '../verdict.ts';
import { type CheckId, checksConfig } from './config.ts';

/** What every draft check sees: the draft, its classification, the context and the engine's decision. */
export interface CheckInput {
  classification: Classification;
  context: Context;
  draft: Draft;
  /** Direct-marketing level after the context adjustments. */
  level: DirectMarketingLevel;
  route: Route;
}

export interface DraftCheckRule<K extends CheckId = CheckId> {
  id: K;
  run(input: CheckInput): DraftCheck | undefined;
}

/** A check, its id kept as a literal type so that the registry (index.ts) can require one per id. */
export const defineCheck = <K extends CheckId>(check: DraftCheckRule<K>): DraftCheckRule<K> => check;

export type { Severity };

/** Direct marketing for the checks: the level says yes/likely and the route is not "not direct marketing". */
export function isDirectMarketing(input: CheckInput): boolean {
  return isMarketingLevel(input.level) && input.route !== 'not-direct-marketing';
}

/** A check's finding: what it says (a catalogue message and its values), with the sources in checks.json. */
export function checkFinding(
  id: CheckId,
  severity: Severity,
  messageId: CatalogueKey,
  params: Params = {},
  citations: readonly CitationId[] = checksConfig[id].citations,
): DraftCheck {
  return { source: 'check', ruleId: id, id, severity, messageId, params, citations: [...citations] };
}
