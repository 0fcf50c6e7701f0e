/**
 * Words for the risk (src/core/risk.ts) on every surface: the badge, the Send dialog and its notes, the panel and
 * the popup. The risk is always said in words; colour and the dot's shape only repeat it.
 */
import type { FixId, RiskAssessment, RiskProblem } from '../core/risk.ts';
import { type MessageKey, t } from '../i18n/index.ts';

/** The badge's words: "OK to send", "Check before sending", "2 problems — fix before sending". */
export function riskText(a: RiskAssessment): string {
  return riskWords(a.risk, a.problems.length);
}

/** The same words from the risk and its problem count alone (the popup gets only these from the page). */
export function riskWords(risk: RiskAssessment['risk'], n: number): string {
  if (risk === 'stop') return n === 1 ? t('risk_stop_one') : t('risk_stop_many', n);
  if (risk === 'review') {
    if (n === 0) return t('risk_review');
    return n === 1 ? t('risk_review_one') : t('risk_review_many', n);
  }
  return t('risk_ok');
}

const PROBLEM_KEYS: Readonly<Record<string, MessageKey>> = {
  'opt-out-missing': 'problem_opt_out_missing',
  'sender-unidentified': 'problem_sender_unidentified',
  'recipients-exposed': 'problem_recipients_exposed',
  'opted-out': 'problem_opted_out',
  'consent-refused': 'problem_consent_refused',
  'language-coverage-limited': 'problem_language_coverage_limited',
  'draft-truncated': 'problem_draft_truncated',
};

/** A problem's short name ("No unsubscribe or opt-out line"). */
export function problemName(p: Pick<RiskProblem, 'checkId'>): string {
  return t(PROBLEM_KEYS[p.checkId] ?? 'problem_other');
}

/** The label of a fix's button ("Add an unsubscribe line"). */
export function fixLabel(fix: FixId): string {
  return fix === 'opt-out-missing' ? t('fix_opt_out') : t('fix_sender');
}

/**
 * The words a fix puts into the draft, in the interface language: an unsubscribe sentence with the organisation's
 * name and a placeholder link ("Reply STOP to opt out" in a text message), or who it is from. Without a name in
 * Settings, a bracketed placeholder the writer replaces.
 */
export function fixText(fix: FixId, channel: 'email' | 'sms', organisation?: string): string {
  const org = organisation?.trim() || t('fix_org_placeholder');
  if (fix === 'opt-out-missing')
    return channel === 'sms' ? t('fix_text_opt_out_sms') : t('fix_text_opt_out_email', org);
  return channel === 'sms' ? t('fix_text_sender_sms', org) : t('fix_text_sender_email', org);
}

/** The panel's one sentence of what to do. */
export function todoText(a: RiskAssessment, marketing: boolean): string {
  if (a.risk === 'stop') return t('todo_stop');
  if (a.risk === 'review') {
    if (a.problems.length) return t('todo_review_problem');
    return a.reasons.includes('route-open') ? t('todo_review_route') : t('todo_review_unclear');
  }
  return marketing ? t('todo_ok_marketing') : t('todo_ok');
}
