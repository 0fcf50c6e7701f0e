import type { Classification } from '../classify/classification.ts';
import type { Context } from '../context.ts';
import type { Draft } from '../draft/draft.ts';
import type { Verdict } from '../verdict.ts';

export type RuleOutcome = Pick<Verdict, 'directMarketing' | 'route' | 'summary' | 'rules' | 'checks' | 'questions'>;

/** PLACEHOLDER until the rule engine lands: everything is unclear. */
export function evaluate(input: { classification: Classification; context: Context; draft: Draft }): RuleOutcome {
  return {
    directMarketing: input.classification.directMarketing,
    route: 'unclear',
    summary: 'Rule engine not yet built.',
    rules: [],
    checks: [],
    questions: [],
  };
}
