/**
 * Risk first (issue #13): what the writer should do with this draft now, from the verdict's ids alone.
 *
 * - `ok`: not direct marketing, or direct marketing with a lawful route confirmed and every required element
 *   present (an opt-out and the sender's identity), and nothing else to fix.
 * - `review`: the route depends on facts not answered yet, the text is unclear, or a problem needs a look
 *   (10–49 exposed addresses, text the classifier could not read, a draft cut at the analysis limit).
 * - `stop`: as drafted it breaks a rule: 50 or more exposed addresses, marketing to people who opted out,
 *   consent-required marketing the sender said has no consent (once no open question could change the route),
 *   no opt-out or no sender identity in marketing (PECR reg 23 asks for both on every route).
 *
 * Pure and over ids only (check ids and severities, the route id, the direct-marketing level, the question fields
 * and the context's consent answer), so it survives any change to how findings are worded, and every surface (the
 * badge, the panel, Check at Send, the popup) agrees on it.
 */
import type { Consent } from './context.ts';
import { type DirectMarketingLevel, isMarketingLevel, type Route, type Severity } from './verdict.ts';

export const RISKS = ['ok', 'review', 'stop'] as const;
export type Risk = (typeof RISKS)[number];

/** A draft check as risk reads it: a finding's `ruleId` (or the v1 `id`; DraftCheck carries both) and severity. */
export interface RiskCheck {
  ruleId?: string;
  id?: string;
  severity: Severity;
}

/** What risk reads from a verdict: ids and levels only. */
export interface RiskInput {
  directMarketing: DirectMarketingLevel;
  route: Route;
  checks: readonly RiskCheck[];
  questions: readonly { field: string }[];
}

/** The consent the sender gave as an answer (or setting); the one context fact risk needs beyond the verdict. */
export interface RiskContext {
  consent?: Consent;
}

/** A problem the badge counts. `checkId` is a draft check's id, or `consent-refused` (no check of its own). */
export interface RiskProblem {
  checkId: string;
  /** `stop`: it breaks a rule as drafted; `review`: it needs the writer's look before sending. */
  level: 'stop' | 'review';
  /** A one-click fix the panel offers for it (issue #13 item 4), if any. */
  fix?: FixId;
}

/** The one-click fixes: each adds one sentence at the end of the body, before the signature. */
export const FIX_IDS = ['opt-out-missing', 'sender-unidentified'] as const;
export type FixId = (typeof FIX_IDS)[number];

/** Why a verdict without stop problems still needs a look. */
export type ReviewReason =
  /** The classifier cannot tell whether the text is direct marketing. */
  | 'text-unclear'
  /** Direct marketing whose route depends on an answer the sender has not given yet. */
  | 'route-open';

export interface RiskAssessment {
  risk: Risk;
  /** In the order to fix them: stop problems first, then those to review. */
  problems: RiskProblem[];
  reasons: ReviewReason[];
}

/** Routes under which direct marketing may be sent (with an opt-out and the sender named). */
export const LAWFUL_ROUTES: readonly Route[] = [
  'consent-held',
  'soft-opt-in',
  'charity-soft-opt-in',
  'corporate-subscriber',
  'solicited',
];

/** Checks that break a rule as drafted, whatever their severity (reg 23: every marketing route needs both). */
const STOP_CHECKS: ReadonlySet<string> = new Set(['opt-out-missing', 'sender-unidentified', 'opted-out']);

export function assessRisk(verdict: RiskInput, context: RiskContext = {}): RiskAssessment {
  const marketing = isMarketingLevel(verdict.directMarketing) && verdict.route !== 'not-direct-marketing';
  const problems: RiskProblem[] = [];
  for (const c of verdict.checks) {
    if (c.severity === 'info') continue;
    const id = c.ruleId ?? c.id ?? '';
    const level = c.severity === 'error' || STOP_CHECKS.has(id) ? 'stop' : 'review';
    const fix = (FIX_IDS as readonly string[]).includes(id) ? (id as FixId) : undefined;
    problems.push(fix ? { checkId: id, level, fix } : { checkId: id, level });
  }
  if (marketing && verdict.route === 'consent-required' && context.consent === 'no') {
    // "No consent" breaks reg 22 only once no open answer (soft opt-in, corporate recipients) could still
    // give a lawful route; until then it is something to review.
    problems.push({ checkId: 'consent-refused', level: verdict.questions.length ? 'review' : 'stop' });
  }
  problems.sort((a, b) => (a.level === b.level ? 0 : a.level === 'stop' ? -1 : 1));

  const reasons: ReviewReason[] = [];
  if (verdict.directMarketing === 'unclear' || verdict.route === 'unclear') reasons.push('text-unclear');
  if (marketing && !LAWFUL_ROUTES.includes(verdict.route) && verdict.route !== 'unclear')
    reasons.push('route-open');

  const risk: Risk = problems.some((p) => p.level === 'stop')
    ? 'stop'
    : problems.length || reasons.length
      ? 'review'
      : 'ok';
  return { risk, problems, reasons };
}
