/**
 * The decision model as a sequence of questions (training mode's "decision walkthrough"): for a draft and a
 * context, which answer each question takes and why, ending in the route and what to do.
 *
 * The walkthrough decides nothing and knows no law: it folds the trace of the rule engine's own run. The route
 * step that decided (src/data/decision.json) names the question it settles; every question up to that one takes
 * the first of its answers (src/data/walkthrough.json) whose condition holds on the facts the decision left, and
 * says it with message ids and the draft's own words. Pure: no DOM, no prose.
 */
import type { Classification, SignalHit } from './classify/classification.ts';
import type { CitationId, MessageId, MessageRef, Param } from './findings/finding.ts';
import { type Condition, type Facts, holds } from './rules/conditions.ts';
import { decision, walkthrough } from './rules/data.ts';
import type { RuleOutcome } from './rules/evaluate.ts';
import { hitsIn } from './rules/facts.ts';
import type { RouteStep } from './rules/kinds/route.ts';
import type { Evidence, Route, Verdict } from './verdict.ts';
import { WALK_STEP_IDS, type WalkStepId } from './walk-steps.ts';

export { WALK_STEP_IDS, type WalkStepId } from './walk-steps.ts';

/** The order of the questions (docs/architecture.md, "The decision model": the ICO advice generator's first gates). */
export const WALK_STEP_ORDER: readonly WalkStepId[] = WALK_STEP_IDS;

export interface WalkStep {
  id: WalkStepId;
  /** The question, e.g. "Did the recipient ask for this message?" */
  question: MessageRef;
  /** The answer this draft and context give, in a few words ("No", "Charity", "Not known: treated as an individual"). */
  answer: MessageRef;
  /** Why, in sentences: the evidence phrase, the context answer, or the rule. */
  because: MessageRef[];
  /** True when this step decided the route (the walkthrough ends after it, with the route). */
  decisive: boolean;
  /** Citations backing the step (may be empty for purely factual steps). */
  citations: CitationId[];
}

export interface Walkthrough {
  verdict: Verdict;
  steps: WalkStep[];
}

// ————— The data's shapes (src/data/walkthrough.json) —————

/** Where a quoted phrase comes from: a judged hit of a signal or hit set, or the verdict's evidence. */
export interface QuoteSpec {
  hits?: string;
  pick?: 'first' | 'longest';
  /** The quote to use when there is no such hit. */
  else?: QuoteSpec;
  /** `strongest`: the longest marketing phrase for the primary purpose; `promotional`: the first promotional one. */
  evidence?: 'strongest' | 'promotional';
}

/** A value in a walkthrough sentence. */
export type ParamSpec =
  | string
  | number
  | { quote: QuoteSpec }
  /** The lexicon reason of the strongest evidence. */
  | { reason: 'strongest' }
  /** The draft's purpose phrase ("asks for donations or support") or its language-coverage note. */
  | { verdict: 'purpose' | 'language-note' }
  | SaySpec;

/** A sentence: said when `when` holds; `first` says the first alternative whose `when` holds. */
export type SaySpec =
  | { when?: Condition; messageId: MessageId; params?: Record<string, ParamSpec> }
  | { when?: Condition; first: SaySpec[] };

export interface AnswerSpec {
  when?: Condition;
  answer: SaySpec;
  because: SaySpec[];
  citations: (CitationId | { when: Condition; id: CitationId })[];
}

export interface WalkQuestionSpec {
  id: Exclude<WalkStepId, 'route'>;
  question: MessageId;
  answers: AnswerSpec[];
}

export interface WalkthroughData {
  questions: WalkQuestionSpec[];
  route: {
    question: MessageId;
    /** "What to do: $REQUIREMENT$". */
    whatToDo: MessageId;
    /** Per route: its label, the rules that best say what to do (most specific first), citations when none applies. */
    routes: Record<Route, { label: MessageId; rules: string[]; citations: CitationId[] }>;
  };
}

// ————— The fold —————

export interface WalkInput {
  classification: Classification;
  verdict: Verdict;
  /** What evaluate() returned: its trace and final facts. */
  outcome: Pick<RuleOutcome, 'trace' | 'facts'>;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Hits in reading order: the subject first, then by position. */
function inReadingOrder(hits: SignalHit[]): SignalHit[] {
  return hits.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'subject' ? -1 : 1));
}

/** The first longest item (ties keep the earlier one). */
function longest<T extends { text: string }>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || item.text.length > best.text.length) best = item;
  return best;
}

/** The strongest marketing phrase: the longest evidence for the primary purpose (else for any purpose). */
function strongestEvidence(verdict: Verdict): Evidence | undefined {
  const marketing = verdict.evidence.filter((e) => e.purpose !== 'none');
  const primary = marketing.filter((e) => e.purpose === verdict.primaryPurpose);
  return longest(primary.length > 0 ? primary : marketing);
}

export function buildWalkthrough(input: WalkInput): WalkStep[] {
  const { classification, verdict, outcome } = input;
  const facts: Facts = { ...outcome.facts };
  const defs = decision.definitions;
  const when = (c: Condition | undefined) => holds(c, facts, defs);

  const quote = (q: QuoteSpec): string | undefined => {
    let found: { text: string } | undefined;
    if (q.evidence === 'strongest') found = strongestEvidence(verdict);
    else if (q.evidence === 'promotional') found = verdict.evidence.find((e) => e.purpose === 'promotional');
    else if (q.hits !== undefined) {
      const hits = inReadingOrder(hitsIn(classification, q.hits));
      found = q.pick === 'longest' ? longest(hits) : hits[0];
    }
    if (found) return collapse(found.text);
    return q.else ? quote(q.else) : undefined;
  };

  const param = (spec: ParamSpec): Param => {
    if (typeof spec === 'string' || typeof spec === 'number') return spec;
    if ('quote' in spec) return quote(spec.quote) ?? '';
    if ('reason' in spec) {
      const e = strongestEvidence(verdict);
      return e ? { messageId: `lexicon:${e.patternId}` } : '';
    }
    if ('verdict' in spec) {
      if (spec.verdict === 'purpose') return { messageId: decision.purposeLabels[verdict.primaryPurpose] };
      return classification.language?.note ?? '';
    }
    return say(spec) ?? '';
  };

  /** The message a sentence spec says now, or undefined when its condition (or every alternative's) fails. */
  const say = (spec: SaySpec): MessageRef | undefined => {
    if (!when(spec.when)) return undefined;
    if ('first' in spec) {
      for (const alternative of spec.first) {
        const said = say(alternative);
        if (said) return said;
      }
      return undefined;
    }
    const params = Object.fromEntries(Object.entries(spec.params ?? {}).map(([k, v]) => [k, param(v)]));
    return Object.keys(params).length > 0
      ? { messageId: spec.messageId, params }
      : { messageId: spec.messageId };
  };

  const routeEntry = outcome.trace.at(-1);
  const routeStep = decision.steps.find(
    (s): s is RouteStep => s.kind === 'route' && routeEntry?.kind === 'route' && s.id === routeEntry.id,
  );
  const at =
    routeStep === undefined
      ? undefined
      : typeof routeStep.walk === 'string'
        ? routeStep.walk
        : routeStep.walk.find((c) => when(c.when))?.at;

  const steps: WalkStep[] = [];
  for (const q of walkthrough.questions) {
    const decisive = q.id === at;
    facts['walk.decisive'] = decisive;
    const a = q.answers.find((candidate) => when(candidate.when));
    const answer = a && say(a.answer);
    if (a && answer) {
      steps.push({
        id: q.id,
        question: { messageId: q.question },
        answer,
        because: a.because.flatMap((b) => say(b) ?? []),
        decisive,
        citations: a.citations.flatMap((c) => (typeof c === 'string' ? [c] : when(c.when) ? [c.id] : [])),
      });
    }
    if (decisive) break;
  }
  facts['walk.decisive'] = false;

  // The route, what it asks (the most specific rule that applies) and its sources.
  const r = walkthrough.route;
  const onRoute = r.routes[verdict.route];
  const rule =
    onRoute.rules.map((id) => verdict.rules.find((x) => x.ruleId === id)).find(Boolean) ?? verdict.rules[0];
  const because: MessageRef[] = [{ messageId: verdict.decision.messageId, params: verdict.decision.params }];
  if (rule?.noteId)
    because.push({ messageId: r.whatToDo, params: { requirement: { messageId: rule.noteId } } });
  steps.push({
    id: 'route',
    question: { messageId: r.question },
    answer: { messageId: onRoute.label },
    because,
    decisive: false,
    citations: [...(rule ? rule.citations : onRoute.citations)],
  });
  return steps;
}
