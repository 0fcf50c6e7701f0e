/**
 * The problems first (issue #13): what the Send dialog shows before anything else, from the draft's risk. Each
 * problem by its short name with the check's own sentence; then why a draft with no problem still needs a look.
 */
import type { RiskAssessment, Verdict } from '../core/index.ts';
import { t } from '../i18n/index.ts';
import { ProblemText } from './PanelProblems.tsx';

export function SendProblems({ verdict, risk }: { verdict: Verdict; risk: RiskAssessment }) {
  return (
    <>
      {risk.problems.length > 0 && (
        <>
          <h3>{t('send_problems')}</h3>
          <ul class="problems">
            {risk.problems.map((p) => {
              return (
                <li key={p.checkId} class={`problem problem-${p.level}`} data-mrc-problem={p.checkId}>
                  <ProblemText problem={p} verdict={verdict} />
                </li>
              );
            })}
          </ul>
        </>
      )}
      {risk.reasons.includes('route-open') && <p class="review-reason">{t('send_review_route')}</p>}
      {risk.reasons.includes('text-unclear') && <p class="review-reason">{t('send_review_unclear')}</p>}
    </>
  );
}
