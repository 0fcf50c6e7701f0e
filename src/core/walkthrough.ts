/**
 * The decision model as a sequence of questions (training mode's "decision walkthrough"): for a draft and a
 * context, which answer each step took and why, ending in the route and what to do.
 * PLACEHOLDER until implemented: returns no steps.
 */
import type { Verdict } from './verdict.ts';

export type WalkStepId =
  | 'asked-for-it'
  | 'service-message'
  | 'promotes-anything'
  | 'sender'
  | 'channel'
  | 'recipient-type'
  | 'relationship-consent'
  | 'route';

export interface WalkStep {
  id: WalkStepId;
  /** The question, e.g. "Did the recipient ask for this message?" */
  question: string;
  /** The answer this draft and context give, in a few words ("No", "Charity", "Not known: treated as an individual"). */
  answer: string;
  /** Why: the evidence phrase, the context answer, or the rule. */
  because: string;
  /** True when this step decided the route (the walkthrough ends here). */
  decisive: boolean;
  /** Citations backing the step (may be empty for purely factual steps). */
  citations: { title: string; url: string }[];
}

export interface Walkthrough {
  verdict: Verdict;
  steps: WalkStep[];
}

export interface WalkInput {
  classification: import('./classify/classification.ts').Classification;
  context: import('./context.ts').Context;
  draft: import('./draft/draft.ts').Draft;
  verdict: Verdict;
}

/** PLACEHOLDER: the steps for this draft and context. */
export function buildWalkthrough(_input: WalkInput): WalkStep[] {
  return [];
}
