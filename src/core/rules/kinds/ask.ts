import { type Condition, holds } from '../conditions.ts';
import type { WalkState } from './index.ts';

/**
 * `ask`: offers the question for a context field when the condition holds and the field is still
 * unknown (answered fields are never asked again). Questions collect in step order.
 */
export interface AskStep {
  id: string;
  kind: 'ask';
  field: string;
  when?: Condition;
}

export function runAsk(step: AskStep, state: WalkState): void {
  if (state.facts[step.field] !== 'unknown') return;
  if (state.ask.includes(step.field)) return;
  if (!holds(step.when, state.facts, state.defs)) return;
  state.ask.push(step.field);
  state.trace.push({ kind: 'ask', id: step.id, field: step.field });
}
