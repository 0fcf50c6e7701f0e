import { ROUTES, type Route } from '../../verdict.ts';
import { type Condition, holds, RuleDataError } from '../conditions.ts';
import type { WalkState } from './index.ts';

/**
 * `route`: when the condition holds, decides the route and its one-sentence summary and ends the walk.
 * `{purpose}` in the summary becomes the plain label of the draft's primary purpose.
 */
export interface RouteStep {
  id: string;
  kind: 'route';
  when?: Condition;
  route: Route;
  summary: string;
  /** The walkthrough question this step settles (src/data/walkthrough.json), or cases: the first whose `when` holds. */
  walk: string | { when?: Condition; at: string }[];
}

export function runRoute(step: RouteStep, state: WalkState): void {
  if (!holds(step.when, state.facts, state.defs)) return;
  if (!ROUTES.includes(step.route)) throw new RuleDataError(`${step.id}: bad route ${step.route}`);
  const purpose = String(state.facts.primaryPurpose);
  const label = state.purposeLabels[purpose] ?? state.purposeLabels.none ?? 'reads as marketing';
  state.route = step.route;
  state.summary = step.summary.replaceAll('{purpose}', label);
  state.decidedBy = step.id;
  state.trace.push({ kind: 'route', id: step.id, route: step.route });
}
