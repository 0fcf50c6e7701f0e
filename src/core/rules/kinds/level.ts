import { type DirectMarketingLevel, DM_LEVELS, PURPOSES, type Purpose } from '../../verdict.ts';
import { type Condition, holds, RuleDataError } from '../conditions.ts';
import type { WalkState } from './index.ts';

/**
 * `level`: adjusts the text-only direct-marketing level with context (a consent request is marketing;
 * a public authority's promotion needed for its task is not). The first matching case wins; a case
 * without `set` keeps the level but still records its `reason` (read by rules as `levelReason`). A case that
 * raises the level on what the text shows of the sender's aims also names the `purpose` it serves.
 */
export interface LevelStep {
  id: string;
  kind: 'level';
  when?: Condition;
  cases: { when: Condition; set?: DirectMarketingLevel; purpose?: Purpose; reason: string }[];
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
  if (hit.purpose !== undefined) {
    if (!PURPOSES.includes(hit.purpose)) throw new RuleDataError(`${step.id}: bad purpose ${hit.purpose}`);
    state.facts.primaryPurpose = hit.purpose;
  }
  state.facts.levelReason = hit.reason;
  state.trace.push({
    kind: 'level',
    id: step.id,
    case: index,
    reason: hit.reason,
    ...(hit.set ? { set: hit.set } : {}),
    ...(hit.purpose ? { purpose: hit.purpose } : {}),
  });
}
