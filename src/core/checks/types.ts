import type { Classification } from '../classify/classification.ts';
import type { Context } from '../context.ts';
import type { Draft } from '../draft/draft.ts';
import type { DirectMarketingLevel, DraftCheck, Route, Severity } from '../verdict.ts';

/** What every draft check sees: the draft, its classification, the context and the engine's decision. */
export interface CheckInput {
  classification: Classification;
  context: Context;
  draft: Draft;
  /** Direct-marketing level after the context adjustments. */
  level: DirectMarketingLevel;
  route: Route;
}

export interface DraftCheckRule {
  id: string;
  run(input: CheckInput): DraftCheck | undefined;
}

export type { Severity };

/** Direct marketing for the checks: the level says yes/likely and the route is not "not direct marketing". */
export function isDirectMarketing(input: CheckInput): boolean {
  return (input.level === 'yes' || input.level === 'likely') && input.route !== 'not-direct-marketing';
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
