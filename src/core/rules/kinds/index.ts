/**
 * The closed set of decision-step kinds. Each kind reads its step (data) and updates the walk's state;
 * evaluate.ts runs the steps of decision.json in order until a route step decides.
 */
import type { Finding, MessageId } from '../../findings/finding.ts';
import type { DirectMarketingLevel, Purpose, Route } from '../../verdict.ts';
import type { Definitions, Facts } from '../conditions.ts';
import { type AskStep, runAsk } from './ask.ts';
import { type LevelStep, runLevel } from './level.ts';
import { type RouteStep, runRoute } from './route.ts';

export interface WalkState {
  facts: Facts;
  defs: Definitions;
  /** Per purpose, the message that names it inside a summary. */
  purposeLabels: Record<string, MessageId>;
  /** Context fields to ask about, in order. */
  ask: string[];
  route?: Route;
  /** The route step that decided, as a finding (its summary). */
  decision?: Finding;
  /** The steps that acted, in order (the walkthrough folds this). */
  trace: TraceStep[];
}

/** A step that acted: a level case that matched, a question offered, the route decided. */
export type TraceStep =
  | { kind: 'level'; id: string; case: number; reason: string; set?: DirectMarketingLevel; purpose?: Purpose }
  | { kind: 'ask'; id: string; field: string }
  | { kind: 'route'; id: string; route: Route };

export type Step = LevelStep | AskStep | RouteStep;

export const KINDS: { [K in Step['kind']]: (step: Extract<Step, { kind: K }>, state: WalkState) => void } = {
  level: runLevel,
  ask: runAsk,
  route: runRoute,
};

export function runStep(step: Step, state: WalkState): void {
  switch (step.kind) {
    case 'level':
      KINDS.level(step, state);
      break;
    case 'ask':
      KINDS.ask(step, state);
      break;
    case 'route':
      KINDS.route(step, state);
      break;
    default:
      step satisfies never;
  }
}
