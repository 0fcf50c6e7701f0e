/**
 * The top of the composer panel (issue #13): one sentence of what to do, then the problems, each with its fix.
 * A fix button (`data-mrc-fix` = the id of the check it fixes) changes the draft only on the user's own click,
 * through the editor's input path (src/content/insert-fix.ts), so the editor's Undo removes it.
 */
import { useState } from 'preact/hooks';
import type { RiskAssessment, RiskProblem, Verdict } from '../core/index.ts';
import { isMarketingLevel } from '../core/verdict.ts';
import { t } from '../i18n/index.ts';
import { Text } from '../i18n/preact.tsx';
import { render } from '../i18n/render.ts';
import { fixLabel, problemName, todoText } from '../ui/risk-labels.ts';
import { userOnly } from '../ui/trusted.ts';

export interface PanelProblemsProps {
  verdict: Verdict;
  risk: RiskAssessment;
  /** Inserts a fix into the draft; resolves false when the editor did not take it. Absent: no fix buttons. */
  onFix?(fix: NonNullable<RiskAssessment['problems'][number]['fix']>): Promise<boolean>;
}

/** One problem in words: its level ("Must fix:"), its name and what the check found. Panel and Send dialog. */
export function ProblemText({ problem, verdict }: { problem: RiskProblem; verdict: Verdict }) {
  const check = verdict.checks.find((c) => c.ruleId === problem.checkId);
  return (
    <>
      <span class="problem-level">
        {problem.level === 'stop' ? t('problem_level_stop') : t('problem_level_review')}
      </span>{' '}
      <strong>{problemName(problem)}.</strong>{' '}
      {check ? <Text value={render(check).message} /> : t('send_consent_refused')}
    </>
  );
}

export function PanelProblems({ verdict, risk, onFix }: PanelProblemsProps) {
  const [status, setStatus] = useState<{ fix: string; ok: boolean } | null>(null);
  const marketing = isMarketingLevel(verdict.directMarketing) && verdict.route !== 'not-direct-marketing';
  return (
    <div class="todo" data-risk={risk.risk}>
      <p class="todo-line">
        <span class="dot" aria-hidden="true" /> {todoText(risk, marketing)}
      </p>
      {/* Every verdict, "not marketing" included, says why in one sentence. */}
      <p class="why-line">
        <Text value={render(verdict.decision).message} />
      </p>
      {risk.problems.length > 0 && (
        <ul class="problems">
          {risk.problems.map((p) => {
            const fix = p.fix;
            return (
              <li key={p.checkId} class={`problem problem-${p.level}`} data-mrc-problem={p.checkId}>
                <ProblemText problem={p} verdict={verdict} />
                {fix && onFix && (
                  <>
                    {' '}
                    <button
                      type="button"
                      class="fix"
                      data-mrc-fix={fix}
                      onClick={userOnly(() => {
                        void onFix(fix).then(
                          (ok) => setStatus({ fix, ok }),
                          () => setStatus({ fix, ok: false }),
                        );
                      })}
                    >
                      {fixLabel(fix)}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {/* Outside the list: a fixed problem leaves it, and the note stays to say what happened. */}
      <p
        class="fix-status"
        role="status"
        data-mrc-fix-status={status ? (status.ok ? 'done' : 'failed') : undefined}
      >
        {status ? (status.ok ? t('fix_done') : t('fix_failed')) : ''}
      </p>
    </div>
  );
}
