/**
 * The rule engine: walks the ordered decision steps of src/data/decision.json (interpreted by the kinds
 * in ./kinds), then lists the rules of src/data/rules/catalogue.json whose `appliesWhen` holds, runs
 * the draft checks and resolves the questions still worth asking.
 */
import { runChecks } from '../checks/index.ts';
import type { Classification } from '../classify/classification.ts';
import type { Context, EnumField } from '../context.ts';
import type { Draft } from '../draft/draft.ts';
import type { Finding } from '../findings/finding.ts';
import type { DirectMarketingLevel, PrimaryPurpose, Question, Verdict } from '../verdict.ts';
import { type Facts, holds, RuleDataError } from './conditions.ts';
import { catalogue, decision, questions } from './data.ts';
import { buildFacts } from './facts.ts';
import { runStep, type TraceStep, type WalkState } from './kinds/index.ts';

export type RuleOutcome = Pick<
  Verdict,
  'directMarketing' | 'primaryPurpose' | 'route' | 'decision' | 'rules' | 'checks' | 'questions'
> & {
  /** The decision steps that acted, in order: level cases, questions offered, and the route step last. */
  trace: TraceStep[];
  /** The facts as the decision left them (route set), which the walkthrough reads. */
  facts: Facts;
};

/** The question for a context field, in the wording and with the answers that fit this sender (questions.json). */
function question(field: EnumField, facts: Facts): Question {
  const q = questions[field];
  if (!q) throw new RuleDataError(`no question for field "${field}"`);
  const variant = q.variants?.find((v) => holds(v.when, facts, decision.definitions));
  const out: Question = {
    field,
    messageId: variant?.text ?? q.text,
    options: q.options
      .filter((o) => holds(o.when, facts, decision.definitions))
      .map(({ value, label }) => ({ value, messageId: label })),
  };
  if (variant) out.variant = variant.id;
  return out;
}

/** Runs the decision steps of decision.json in order until one sets the route, recording each step that acts. */
function runDecision(classification: Classification, context: Context): WalkState {
  const state: WalkState = {
    facts: buildFacts(classification, context),
    defs: decision.definitions,
    purposeLabels: decision.purposeLabels,
    ask: [],
    trace: [],
  };
  for (const step of decision.steps) {
    runStep(step, state);
    if (state.route) break;
  }
  return state;
}

/** Applies the UK direct-marketing rules (PECR, UK GDPR) to a classified draft in its context. */
export function evaluate(input: {
  classification: Classification;
  context: Context;
  draft: Draft;
}): RuleOutcome {
  const { classification, context, draft } = input;
  const state = runDecision(classification, { ...context, channel: draft.channel ?? context.channel });
  const { facts } = state;
  if (!state.route || !state.decision)
    throw new RuleDataError('decision.json: no route step matched (the last must be unconditional)');
  facts.route = state.route;

  const rules: Finding[] = catalogue
    .filter((r) => holds(r.appliesWhen, facts, decision.definitions))
    .map((r) => ({
      source: 'rule',
      ruleId: r.id,
      severity: 'info',
      messageId: r.title,
      noteId: r.requirement,
      params: {},
      citations: [...r.citations],
    }));

  const level = facts.level as DirectMarketingLevel;
  return {
    directMarketing: level,
    primaryPurpose: facts.primaryPurpose as PrimaryPurpose,
    route: state.route,
    decision: state.decision,
    rules,
    checks: runChecks({ classification, context, draft, level, route: state.route }),
    questions: state.ask.map((field) => question(field as EnumField, facts)),
    trace: state.trace,
    facts,
  };
}
