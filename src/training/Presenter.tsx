/**
 * Presenter mode: the current draft in large type for a room, with minimal chrome. Keys (handled by the page):
 * ←/→ previous/next scenario, Space reveal/hide the answer, W walkthrough, Escape exit.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Evidence, Verdict, WalkStep } from '../core/index.ts';
import { t } from '../i18n/index.ts';
import { englishLang, Text } from '../i18n/preact.tsx';
import { summaryText } from '../i18n/verdict.ts';
import { headline, ROUTE_LABEL } from '../ui/labels.ts';
import { CHANNEL_LABEL, SECTOR_LABEL } from './labels.ts';
import { segments } from './logic.ts';
import { ScenarioAnswer } from './ScenarioAnswer.tsx';
import type { Scenario } from './types.ts';
import { WalkthroughPanel } from './WalkthroughPanel.tsx';

interface Props {
  scenario: Scenario | null;
  position: number;
  count: number;
  subject: string;
  body: string;
  verdict: Verdict | null;
  steps: readonly WalkStep[];
  pristine: boolean;
  revealed: boolean;
  showWalk: boolean;
  onPrev(): void;
  onNext(): void;
  onReveal(): void;
  onWalk(): void;
  onExit(): void;
}

function Highlighted({
  text,
  evidence,
  field,
}: {
  text: string;
  evidence: readonly Evidence[];
  field: 'subject' | 'body';
}) {
  return (
    <>
      {segments(text, evidence, field).map((s, i) =>
        s.purpose ? (
          <mark key={i} class={`hl hl-${s.purpose}`} title={s.message} lang={englishLang()}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

export function Presenter(p: Props) {
  const root = useRef<HTMLDivElement>(null);
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), []);
  // Bring the answer into view when it is revealed (long drafts push it below the fold).
  useEffect(() => {
    if (!p.revealed) return;
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    answer.current?.scrollIntoView?.({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  }, [p.revealed]);
  const evidence = p.revealed && p.verdict ? p.verdict.evidence : [];
  return (
    <div
      class="presenter"
      role="dialog"
      aria-modal="true"
      aria-labelledby="presenter-title"
      tabIndex={-1}
      ref={root}
    >
      <div class="presenter-bar">
        <span class="presenter-pos">
          {p.count > 0 ? `${p.position + 1} / ${p.count}` : t('presenter_own_draft')}
          {p.scenario && (
            <>
              {' · '}
              {SECTOR_LABEL[p.scenario.sector]} · {CHANNEL_LABEL[p.scenario.channel]}
            </>
          )}
        </span>
        <span class="presenter-keys" aria-hidden="true">
          {t('presenter_keys')}
        </span>
        <span class="presenter-buttons">
          <button type="button" onClick={p.onPrev} disabled={p.count < 2}>
            {t('presenter_previous')}
          </button>
          <button type="button" onClick={p.onNext} disabled={p.count < 2}>
            {t('presenter_next')}
          </button>
          <button type="button" aria-pressed={p.revealed} onClick={p.onReveal}>
            {t('presenter_answer')}
          </button>
          <button type="button" aria-pressed={p.showWalk} onClick={p.onWalk}>
            {t('training_walkthrough')}
          </button>
          <button type="button" onClick={p.onExit}>
            {t('presenter_exit')}
          </button>
        </span>
      </div>
      <h1 id="presenter-title" class="presenter-title">
        {p.scenario ? <span lang={englishLang()}>{p.scenario.title}</span> : t('presenter_draft')}
      </h1>
      <div class="presenter-draft">
        {p.subject && (
          <p class="presenter-subject">
            <span class="presenter-label">{t('common_subject_colon')}</span>{' '}
            <Highlighted text={p.subject} evidence={evidence} field="subject" />
          </p>
        )}
        <p class="presenter-body">
          <Highlighted text={p.body} evidence={evidence} field="body" />
        </p>
      </div>
      <div aria-live="polite" ref={answer}>
        {p.revealed && (
          <div class="presenter-answer">
            {p.verdict && (
              <section class="verdict" data-verdict={p.verdict.directMarketing} data-route={p.verdict.route}>
                <h2 class="verdict-headline">
                  {t('presenter_checker', headline(p.verdict.directMarketing, p.verdict.primaryPurpose))}
                </h2>
                <p class="verdict-route">
                  <strong>{t('common_route')}</strong> {ROUTE_LABEL[p.verdict.route]}
                </p>
                <p class="verdict-summary">
                  <Text value={summaryText(p.verdict.summary)} />
                </p>
              </section>
            )}
            {p.scenario && (
              <ScenarioAnswer
                scenario={p.scenario}
                verdict={p.verdict}
                compare={p.pristine}
                headingLevel={2}
              />
            )}
          </div>
        )}
      </div>
      {p.showWalk && <WalkthroughPanel steps={p.steps} id="presenter-walk" />}
    </div>
  );
}
