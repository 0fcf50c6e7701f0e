/**
 * The badge next to a composer and the panel it opens. Rendered into our own shadow root; it never reads or
 * writes the editor: evidence clicks and answers go back to the session through callbacks.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Evidence, Verdict } from '../core/index.ts';
import { headline, PURPOSE_LABEL } from '../ui/labels.ts';
import { VerdictView } from '../ui/VerdictView.tsx';

export interface Answer {
  value: string;
  label: string;
  question: string;
}

export interface ComposerPanelProps {
  verdict: Verdict;
  answers: Record<string, Answer>;
  /** Unique within the page: ties the badge's aria-controls to the panel. */
  panelId: string;
  /** True when the phrase can be shown in the editor (body text in a rich editor). */
  canLocate(evidence: Evidence): boolean;
  onEvidence(evidence: Evidence): void;
  onAnswer(field: string, answer: Answer | null): void;
}

export function badgeText(verdict: Verdict): string {
  return headline(verdict.directMarketing, verdict.primaryPurpose);
}

function EvidenceItem({ e, props }: { e: Evidence; props: ComposerPanelProps }) {
  const label = (
    <>
      <q class={`mark mark-${e.purpose}`}>{e.text}</q>
      {e.field === 'subject' ? ' (subject)' : ''} — {e.message}
      {e.purpose !== 'none' && <span class="sr"> ({PURPOSE_LABEL[e.purpose]})</span>}
    </>
  );
  return (
    <li class={`evidence-${e.purpose}`}>
      {props.canLocate(e) ? (
        <button
          type="button"
          class="evidence-button"
          title="Show this phrase in your draft"
          onClick={() => props.onEvidence(e)}
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
  const text = badgeText(verdict);
  const answered = Object.entries(answers);

  // Keeps focus where the writer left it: only Escape (from inside our panel) moves it, back to the badge.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
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
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span class="dot" aria-hidden="true" />
        <span class="sr">Marketing rules check: </span>
        {text}
      </button>
      <span class="sr" aria-live="polite">
        {text}
      </span>
      {open && (
        <section
          ref={panel}
          id={panelId}
          class="panel"
          aria-label="Marketing rules check details"
          tabIndex={-1}
        >
          <div class="panel-head">
            <p class="panel-title">Marketing Rules Check · checked in your browser</p>
            <button
              type="button"
              class="close"
              aria-label="Close details"
              onClick={() => {
                setOpen(false);
                badge.current?.focus();
              }}
            >
              ×
            </button>
          </div>
          <VerdictView verdict={{ ...verdict, evidence: [] }} />
          {verdict.evidence.length > 0 && (
            <>
              <h3>Why: phrases in your draft</h3>
              <ul class="evidence-list">
                {verdict.evidence.map((e) => (
                  <EvidenceItem key={`${e.field}-${e.start}-${e.end}`} e={e} props={props} />
                ))}
              </ul>
            </>
          )}
          {verdict.questions.length > 0 && (
            <>
              <h3>Questions that would firm this up</h3>
              {verdict.questions.map((q) => (
                <fieldset key={q.field} class="question">
                  <legend>{q.text}</legend>
                  <div class="options">
                    {q.options.map((o) => (
                      <button
                        key={o.value}
                        type="button"
                        class="option"
                        aria-pressed={answers[q.field]?.value === o.value}
                        onClick={() => answer(q.field, { value: o.value, label: o.label, question: q.text })}
                      >
                        {o.label}
                      </button>
                    ))}
                  </div>
                </fieldset>
              ))}
            </>
          )}
          {answered.length > 0 && (
            <>
              <h3>Your answers for this message</h3>
              <ul class="answers">
                {answered.map(([field, a]) => (
                  <li key={field}>
                    {a.question} <strong>{a.label}</strong>{' '}
                    <button type="button" class="link" onClick={() => answer(field, null)}>
                      Change
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
