/**
 * Public API of the core. The content script, popup, training page, CLI and tests import only this file.
 * Pure: no DOM, no extension API, no UI framework.
 */
import {
  type Classifier,
  type ClassifierOptions,
  createClassifier,
  evidenceWithTopics,
} from './classify/classify.ts';
import { type ContextInput, parseContext } from './context.ts';
import type { Draft } from './draft/draft.ts';
import { actFindings } from './findings/acts.ts';
import { toCoverage } from './language/coverage.ts';
import { evaluate } from './rules/evaluate.ts';
import { isMarketingLevel, type Verdict } from './verdict.ts';
import { buildWalkthrough, type Walkthrough } from './walkthrough.ts';

export type { Classification, Signal, SignalHit } from './classify/classification.ts';
export * from './context.ts';
export type { Draft } from './draft/draft.ts';
export * from './findings/finding.ts';
export { citation, patternMessage } from './findings/sources.ts';
export { fixOffset } from './fix.ts';
export * from './risk.ts';
export * from './verdict.ts';
export type { WalkStep, WalkStepId, Walkthrough } from './walkthrough.ts';
export { WALK_STEP_ORDER } from './walkthrough.ts';

export interface DraftInput {
  subject?: string;
  body: string;
  channel?: Draft['channel'];
}

export interface Checker {
  /** Classifies the draft and applies the rules for the context. Never throws on odd text. */
  check(draft: DraftInput, context?: ContextInput): Verdict;
  /** The verdict plus the decision walkthrough: each question of the decision model, its answer and why. */
  explain(draft: DraftInput, context?: ContextInput): Walkthrough;
  /**
   * Prepares a long draft in slices (see Classifier.warm): true once the next `check` of this text will be
   * cheap. `shouldStop` is asked between slices (e.g. an idle deadline running out).
   */
  prepare(draft: DraftInput, shouldStop: () => boolean): boolean;
  classifier: Classifier;
}

/**
 * A checker with its own per-sentence cache (one per composer, or one per process). `options` replace the shipped
 * model or lexicons (training and evaluation scripts, tests).
 */
export function createChecker(options: ClassifierOptions = {}): Checker {
  const classifier = createClassifier(options);
  const run = (input: DraftInput, contextInput?: ContextInput) => {
    const context = parseContext(contextInput);
    const channel = input.channel ?? contextInput?.channel ?? context.channel;
    const draft: Draft = { subject: input.subject ?? '', body: input.body, channel };
    context.channel = channel;
    const classification = classifier.classify(draft);
    const outcome = evaluate({ classification, context, draft });
    // The rules raised a level the text alone left at "unlikely" or "no": show the topic words they relied on.
    const raised =
      isMarketingLevel(outcome.directMarketing) &&
      (classification.directMarketing === 'unlikely' || classification.directMarketing === 'no');
    const verdict: Verdict = {
      directMarketing: outcome.directMarketing,
      primaryPurpose: outcome.primaryPurpose,
      purposes: classification.purposes,
      route: outcome.route,
      decision: outcome.decision,
      evidence: raised ? evidenceWithTopics(classification) : classification.evidence,
      acts: actFindings(classification.acts),
      rules: outcome.rules,
      checks: outcome.checks,
      questions: outcome.questions,
      language: classification.language
        ? toCoverage(classification.language)
        : { primary: 'unknown', coverage: 'full', basis: 'english', paragraphs: [] },
    };
    return { verdict, classification, outcome };
  };
  return {
    classifier,
    check: (input, contextInput) => run(input, contextInput).verdict,
    explain(input, contextInput) {
      const r = run(input, contextInput);
      return { verdict: r.verdict, steps: buildWalkthrough(r) };
    },
    prepare(input, shouldStop) {
      try {
        return classifier.warm(
          { subject: input.subject ?? '', body: input.body, channel: input.channel ?? 'email' },
          shouldStop,
        );
      } catch {
        // Preparing is an optimisation only: the check itself still runs (and fails open on its own).
        return true;
      }
    },
  };
}

let defaultChecker: Checker | undefined;

/** Convenience: one shared checker. */
export function check(draft: DraftInput, context?: ContextInput): Verdict {
  defaultChecker ??= createChecker();
  return defaultChecker.check(draft, context);
}
