/**
 * Presenter mode: one screen for a room, which never scrolls as a page. The draft (editable: type and the verdict
 * follows) on the left, lighting up phrase by phrase as the trainer steps through it, each phrase's reason beside
 * it; then the verdict and the expected answer; the decision walkthrough in a third column. The font follows the
 * window (1280×720 to 1920×1080 and beyond); long drafts and long walkthroughs scroll inside their own boxes.
 * Keys (handled by the page): ←/→ scenario, Space next phrase then the answer, Shift+Space back, A answer,
 * W walkthrough, E edit the draft, Escape leave the draft or exit.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Evidence, Verdict, WalkStep } from '../core/index.ts';
import { t } from '../i18n/index.ts';
import { englishLang, langAttr, Text } from '../i18n/preact.tsx';
import { render } from '../i18n/render.ts';
import { headline, ROUTE_LABEL } from '../ui/labels.ts';
import { HighlightField, Legend } from './HighlightField.tsx';
import { CHANNEL_LABEL, SECTOR_LABEL } from './labels.ts';
import { evidenceSteps } from './logic.ts';
import { ScenarioAnswer } from './ScenarioAnswer.tsx';
import type { Scenario } from './types.ts';
import { WalkthroughPanel } from './WalkthroughPanel.tsx';

interface Props {
  scenario: Scenario | null;
  position: number;
  count: number;
  subject: string;
  body: string;
  sms: boolean;
  verdict: Verdict | null;
  steps: readonly WalkStep[];
  pristine: boolean;
  /** How many evidence phrases are lit (more than there are: all). */
  lit: number;
  revealed: boolean;
  showWalk: boolean;
  onSubject(value: string): void;
  onBody(value: string): void;
  onPrev(): void;
  onNext(): void;
  onStep(): void;
  onReveal(): void;
  onWalk(): void;
  onExit(): void;
}

export function Presenter(p: Props) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), []);
  const phrases: Evidence[] = p.verdict ? evidenceSteps(p.verdict.evidence, p.subject, p.body) : [];
  const shown = Math.min(p.lit, phrases.length);
  const lit = phrases.slice(0, shown);
  const current = shown > 0 && !p.revealed ? phrases[shown - 1] : undefined;
  // The phrase just lit, in view in the draft's box and in the list of reasons.
  useEffect(() => {
    for (const el of root.current?.querySelectorAll<HTMLElement>('.hl-current, .presenter-reason-current') ??
      [])
      el.scrollIntoView?.({ block: 'nearest' });
  }, [shown, current]);
  return (
    <div
      class={`presenter${p.showWalk ? ' presenter-with-walk' : ''}`}
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
          {!p.pristine && p.scenario && <span class="badge badge-edited">{t('training_edited')}</span>}
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
          <button
            type="button"
            id="presenter-step"
            aria-keyshortcuts="Space"
            onClick={p.onStep}
            disabled={p.revealed}
          >
            {t('presenter_next_phrase')}
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
      <div class="presenter-main">
        <section class="presenter-draft" aria-label={t('presenter_draft')}>
          {(!p.sms || p.subject) && (
            <HighlightField
              id="presenter-subject"
              label={t('common_subject')}
              field="subject"
              value={p.subject}
              evidence={lit}
              current={current}
              onInput={p.onSubject}
            />
          )}
          <HighlightField
            id="presenter-body"
            label={t('common_message')}
            field="body"
            multiline
            value={p.body}
            evidence={lit}
            current={current}
            onInput={p.onBody}
          />
        </section>
        <div class="presenter-side">
          {/* Boxes that scroll on their own are Tab stops, so a keyboard can scroll them (WCAG 2.1.1). */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section class="presenter-reasons" aria-labelledby="presenter-reasons-heading" tabIndex={0}>
            <h2 id="presenter-reasons-heading">{t('presenter_evidence', shown, phrases.length)}</h2>
            {phrases.length === 0 ? (
              <p class="presenter-hint">{p.verdict ? t('presenter_no_phrases') : t('training_loading')}</p>
            ) : shown === 0 ? (
              <p class="presenter-hint">{t('presenter_step_hint')}</p>
            ) : (
              <ol class="evidence presenter-reason-list" aria-live="polite">
                {lit.map((e, i) => (
                  <li
                    key={`${e.field}-${e.start}`}
                    class={`evidence-${e.purpose}${e === current ? ' presenter-reason-current' : ''}`}
                    aria-current={e === current ? 'true' : undefined}
                  >
                    <span class="presenter-reason-n">{i + 1}</span>{' '}
                    <q class={`hl hl-${e.purpose}`} lang={englishLang()}>
                      {e.text}
                    </q>{' '}
                    <span lang={langAttr(render(e).message.lang)}>{render(e).message.text}</span>
                  </li>
                ))}
              </ol>
            )}
            {shown > 0 && <Legend />}
          </section>
          <section
            class="presenter-verdict"
            aria-live="polite"
            aria-label={t('training_result')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
            tabIndex={0}
          >
            {p.revealed && p.verdict ? (
              <>
                <div class="verdict" data-verdict={p.verdict.directMarketing} data-route={p.verdict.route}>
                  <h2 class="verdict-headline">
                    {t('presenter_checker', headline(p.verdict.directMarketing, p.verdict.primaryPurpose))}
                  </h2>
                  <p class="verdict-route">
                    <strong>{t('common_route')}</strong> {ROUTE_LABEL[p.verdict.route]}
                  </p>
                  <p class="verdict-summary">
                    <Text value={render(p.verdict.decision).message} />
                  </p>
                </div>
                {p.scenario && (
                  <div class="presenter-answer">
                    <ScenarioAnswer
                      scenario={p.scenario}
                      verdict={p.verdict}
                      compare={p.pristine}
                      headingLevel={2}
                    />
                  </div>
                )}
              </>
            ) : (
              <p class="presenter-hint">{t('presenter_answer_hint')}</p>
            )}
          </section>
        </div>
        {p.showWalk && (
          <div class="presenter-walk">
            <WalkthroughPanel steps={p.steps} id="presenter-walk" focusOnOpen scrolls />
          </div>
        )}
      </div>
    </div>
  );
}
