import type { MessageId } from '../../findings/finding.ts';
import { ROUTES, type Route } from '../../verdict.ts';
import { type Condition, holds, RuleDataError } from '../conditions.ts';
import type { WalkState } from './index.ts';

/**
 * `route`: when the condition holds, decides the route and ends the walk. The step becomes the verdict's
 * `decision` finding: its summary message, with `purpose` the message that names the draft's primary purpose.
 */
export interface RouteStep {
  id: string;
  kind: 'route';
  when?: Condition;
  route: Route;
  /** The one-sentence summary: a message id (it may say $PURPOSE$). */
  summary: MessageId;
  /** The walkthrough question this step settles (src/data/walkthrough.json), or cases: the first whose `when` holds. */
  walk: string | { when?: Condition; at: string }[];
}

export function runRoute(step: RouteStep, state: WalkState): void {
  if (!holds(step.when, state.facts, state.defs)) return;
  if (!ROUTES.includes(step.route)) throw new RuleDataError(`${step.id}: bad route ${step.route}`);
  const purpose = String(state.facts.primaryPurpose);
  const label = state.purposeLabels[purpose] ?? state.purposeLabels.none;
  if (label === undefined) throw new RuleDataError(`no purpose label for "${purpose}"`);
  state.route = step.route;
  state.decision = {
    source: 'route',
    ruleId: step.id,
    severity: 'info',
    messageId: step.summary,
    params: { purpose: { messageId: label } },
    citations: [],
  };
  state.trace.push({ kind: 'route', id: step.id, route: step.route });
}
