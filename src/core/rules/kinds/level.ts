import { type DirectMarketingLevel, DM_LEVELS } from '../../verdict.ts';
import { type Condition, holds, RuleDataError } from '../conditions.ts';
import type { WalkState } from './index.ts';

/**
 * `level`: adjusts the text-only direct-marketing level with context (a consent request is marketing;
 * a public authority's promotion needed for its task is not). The first matching case wins; a case
 * without `set` keeps the level but still records its `reason` (read by rules as `levelReason`).
 */
export interface LevelStep {
  id: string;
  kind: 'level';
  when?: Condition;
  cases: { when: Condition; set?: DirectMarketingLevel; reason: string }[];
}

export function runLevel(step: LevelStep, state: WalkState): void {
  if (!holds(step.when, state.facts, state.defs)) return;
  const index = step.cases.findIndex((c) => holds(c.when, state.facts, state.defs));
  const hit = step.cases[index];
  if (!hit) return;
  if (hit.set !== undefined) {
    if (!DM_LEVELS.includes(hit.set)) throw new RuleDataError(`${step.id}: bad level ${hit.set}`);
    state.facts.level = hit.set;
  }
  state.facts.levelReason = hit.reason;
  state.trace.push({
    kind: 'level',
    id: step.id,
    case: index,
    reason: hit.reason,
    ...(hit.set ? { set: hit.set } : {}),
  });
}
