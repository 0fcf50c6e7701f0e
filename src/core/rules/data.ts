/** The rule data (src/data), typed. The meta-tests in data.test.ts check its integrity. */
import decisionJson from '../../data/decision.json' with { type: 'json' };
import catalogueJson from '../../data/rules/catalogue.json' with { type: 'json' };
import questionsJson from '../../data/rules/questions.json' with { type: 'json' };
import walkthroughJson from '../../data/walkthrough.json' with { type: 'json' };
import type { CitationId, MessageId } from '../findings/finding.ts';
import { CITATIONS } from '../findings/sources.ts';

export { citation } from '../findings/sources.ts';

import type { EnumField } from '../context.ts';
import type { Citation, PrimaryPurpose } from '../verdict.ts';
import type { WalkthroughData } from '../walkthrough.ts';
import type { Condition, Definitions } from './conditions.ts';
import type { Step } from './kinds/index.ts';

export interface RuleEntry {
  id: string;
  /** Message ids: the rule's title and what it asks of the sender. */
  title: MessageId;
  requirement: MessageId;
  /** Ids into citations.json. */
  citations: CitationId[];
  appliesWhen: Condition;
}

/** src/data/rules/catalogue.json. */
export interface CatalogueData {
  rules: RuleEntry[];
}

/**
 * Judged hits of `signal`: only the pattern ids in `only` when it is given, less those in `except`. With `distinct`,
 * the set's count (`hits.<name>`) counts different wordings, so a draft pasted twice says no more than once.
 */
export interface HitSet {
  signal: string;
  except: string[];
  only?: string[];
  distinct?: boolean;
}

export interface DecisionData {
  purposeLabels: Record<PrimaryPurpose, MessageId>;
  definitions: Definitions;
  hitSets: Record<string, HitSet>;
  steps: Step[];
}

export interface QuestionEntry {
  /** Message ids: the question, each answer's label, each variant's wording. */
  text: MessageId;
  options: { value: string; label: MessageId; when?: Condition }[];
  /** Other wordings, the first whose condition holds replacing `text` (for example a note for charities). */
  variants?: { id: string; when: Condition; text: MessageId }[];
}

/** src/data/rules/questions.json: a question per context field it can ask about. */
export type QuestionsData = { [F in EnumField]?: QuestionEntry };

const { $comment: _c2, ...questionEntries } = questionsJson;

export const citations: Readonly<Record<string, Citation>> = CITATIONS;
export const decision: DecisionData = decisionJson;
export const catalogue: readonly RuleEntry[] = catalogueJson.rules;
export const questions: Readonly<Record<string, QuestionEntry>> = questionEntries;
export const walkthrough: WalkthroughData = walkthroughJson;
