/**
 * The badge next to a composer and the panel it opens. Rendered into our own shadow root; it never reads or
 * writes the editor: evidence clicks and answers go back to the session through callbacks. Its controls act only
 * on the user's own events (src/ui/trusted.ts): a page script cannot open it, answer its questions or move focus.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Evidence, Verdict } from '../core/index.ts';
import { assessRisk, type RiskAssessment } from '../core/risk.ts';
import { getLocale, type MessageKey, t } from '../i18n/index.ts';
import { Text } from '../i18n/preact.tsx';
import { render } from '../i18n/render.ts';
import { headline, PURPOSE_LABEL } from '../ui/labels.ts';
import { riskText } from '../ui/risk-labels.ts';
import { isUserEvent, userOnly } from '../ui/trusted.ts';
import { VerdictView } from '../ui/VerdictView.tsx';
import { PanelKey } from './PanelKey.tsx';
import { PanelProblems, type PanelProblemsProps } from './PanelProblems.tsx';
import { type Answer, PanelQuestions } from './PanelQuestions.tsx';

export type { Answer } from './PanelQuestions.tsx';

export interface ComposerPanelProps {
  verdict: Verdict;
  /**
   * What to do with the draft now (src/core/risk.ts): the badge says it first, in words and colour. Without it,
   * the risk of the verdict alone (no consent answer).
   */
  risk?: RiskAssessment;
  answers: Record<string, Answer>;
  /** Unique within the page: ties the badge's aria-controls to the panel. */
  panelId: string;
  /** True when the phrase can be shown in the editor (body text in a rich editor). */
  canLocate(evidence: Evidence): boolean;
  onEvidence(evidence: Evidence): void;
  onAnswer(field: string, answer: Answer | null): void;
  /** One-click fixes (issue #13): inserts a fix through the editor's input path. */
  onFix?: PanelProblemsProps['onFix'];
  /** Changes when the popup asks for this composer's panel to open. */
  openRequest?: number;
  /** Called when the panel opens or closes (the host raises an open panel above every other badge). */
  onOpenChange?(open: boolean): void;
  /** Check at Send let the last send through without a check (an error, or no verdict in time). */
  sendCheckSkipped?: boolean;
}

/** Words for a send the Check at Send let through unchecked (fail open). */
export const skippedText = () => t('panel_skipped');
const skippedWhy = () => t('panel_skipped_why');

/** The badge when there is no verdict to show but a send just went through unchecked. */
export function SkippedBadge() {
  return (
    <span class="badge badge-skipped" role="status" title={skippedWhy()}>
      <span class="dot" aria-hidden="true" />
      <span class="sr">{t('panel_sr_prefix')} </span>
      {skippedText()}
    </span>
  );
}

/**
 * The language the verdict could not fully read, for the badge ("Unclear · Welsh"): the reader sees at a glance
 * that the verdict rests on cue words or on the English part only; the panel's note says which.
 */
export function languageTag(verdict: Verdict): string | undefined {
  const l = verdict.language;
  if (l?.coverage !== 'limited') return undefined;
  const code = l.paragraphs[0]?.language ?? l.primary;
  return code === 'en' || code === 'unknown' ? undefined : t(`language_name_${code}` as MessageKey);
}

export function badgeText(verdict: Verdict): string {
  return headline(verdict.directMarketing, verdict.primaryPurpose);
}

function EvidenceItem({ e, props }: { e: Evidence; props: ComposerPanelProps }) {
  const label = (
    <>
      <q class={`mark mark-${e.purpose}`}>{e.text}</q>
      {e.field === 'subject' ? ` ${t('panel_subject_tag')}` : ''} — <Text value={render(e).message} />
      {e.purpose !== 'none' && <span class="sr"> ({PURPOSE_LABEL[e.purpose]})</span>}
    </>
  );
  return (
    <li class={`evidence-${e.purpose}`}>
      {props.canLocate(e) ? (
        <button
          type="button"
          class="evidence-button"
          title={t('panel_show_phrase')}
          onClick={userOnly(() => props.onEvidence(e))}
        >
          {label}
        </button>
      ) : (
        <span class="evidence-static">{label}</span>
      )}
    </li>
  );
}

export function ComposerPanel(props: ComposerPanelProps) {
  const { verdict, answers, panelId } = props;
  const [open, setOpen] = useState(false);
  const badge = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  /** An answered question leaves the list, and its button with it: keep focus inside the panel. */
  const answer = (field: string, a: Answer | null) => {
    panel.current?.focus();
    props.onAnswer(field, a);
  };
  const risk = props.risk ?? assessRisk(verdict);
  const text = `${riskText(risk)} · ${badgeText(verdict)}`;

  useEffect(() => {
    if (props.openRequest) setOpen(true);
  }, [props.openRequest]);

  // Before paint: the host is raised in the same frame the panel appears, never a frame later under another badge.
  useLayoutEffect(() => {
    props.onOpenChange?.(open);
  }, [open]);

  // Keeps focus where the writer left it: only Escape (from inside our panel) moves it, back to the badge.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !isUserEvent(e)) return;
      e.stopPropagation();
      setOpen(false);
      badge.current?.focus();
    };
    const panel = badge.current?.parentElement;
    panel?.addEventListener('keydown', onKey);
    return () => panel?.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button
        ref={badge}
        type="button"
        class="badge"
        data-level={verdict.directMarketing}
        data-risk={risk.risk}
        data-language={verdict.language?.coverage === 'limited' ? verdict.language.primary : undefined}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={userOnly(() => setOpen(!open))}
      >
        <span class="dot" aria-hidden="true" />
        <span class="sr">{t('panel_sr_prefix')} </span>
        {text}
        {languageTag(verdict) && <span class="language-tag"> · {languageTag(verdict)}</span>}
        {props.sendCheckSkipped && <span class="skipped-tag"> · {skippedText()}</span>}
      </button>
      <span class="sr" aria-live="polite">
        {text}
        {props.sendCheckSkipped ? `. ${skippedText()}.` : ''}
      </span>
      {open && (
        <section ref={panel} id={panelId} class="panel" aria-label={t('panel_details')} tabIndex={-1}>
          <div class="panel-head">
            <p class="panel-title">{t('panel_heading')}</p>
            <button
              type="button"
              class="close"
              aria-label={t('panel_close')}
              onClick={userOnly(() => {
                setOpen(false);
                badge.current?.focus();
              })}
            >
              ×
            </button>
          </div>
          {props.sendCheckSkipped && <p class="skipped-note">{skippedWhy()}</p>}
          {/* Issue #13: what to do and the problems with their fixes, the questions, the evidence; the rules and
              sources behind "Why?". */}
          <PanelProblems verdict={verdict} risk={risk} onFix={props.onFix} />
          <PanelQuestions questions={verdict.questions} answers={answers} onAnswer={answer} />
          {verdict.evidence.length > 0 && (
            <>
              <h3>{t('panel_why_phrases')}</h3>
              {getLocale() !== 'en' && <p class="english-note">{t('common_english_note')}</p>}
              <ul class="evidence-list">
                {verdict.evidence.map((e) => (
                  <EvidenceItem key={`${e.field}-${e.start}-${e.end}`} e={e} props={props} />
                ))}
              </ul>
            </>
          )}
          <PanelKey />
          <details class="why">
            <summary>{t('panel_why')}</summary>
            <VerdictView
              verdict={{
                ...verdict,
                evidence: [],
                // The problems are listed above, each with its fix; notes stay with the verdict.
                checks: verdict.checks.filter((c) => !risk.problems.some((p) => p.checkId === c.ruleId)),
              }}
            />
          </details>
        </section>
      )}
    </>
  );
}
