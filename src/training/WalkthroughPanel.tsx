/** The decision walkthrough: each question of the decision model in order, its answer and why. */
import { useEffect, useRef } from 'preact/hooks';
import type { WalkStep } from '../core/index.ts';
import { getLocale, t } from '../i18n/index.ts';
import { englishLang, langAttr, Text } from '../i18n/preact.tsx';
import { renderStep } from '../i18n/render.ts';

/** Scrolls `el` into view when its top is off screen or in the lower half (not when the reader can see it). */
function bringIntoView(el: HTMLElement) {
  const top = el.getBoundingClientRect().top;
  if (top >= 0 && top <= window.innerHeight / 2) return;
  const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView?.({ block: 'start', behavior: still ? 'auto' : 'smooth' });
}

export function WalkthroughPanel({
  steps,
  id,
  focusOnOpen,
  scrolls,
}: {
  steps: readonly WalkStep[];
  id?: string;
  /** When it opens: bring it into view, move focus to its heading, and show the decisive step. */
  focusOnOpen?: boolean;
  /** It scrolls in a box of its own (presenter mode): a Tab stop, so the keyboard can scroll it. */
  scrolls?: boolean;
}) {
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusOnOpen || !section.current) return;
    bringIntoView(section.current);
    heading.current?.focus({ preventScroll: true });
  }, [focusOnOpen]);
  // The decisive step in view inside the panel's own scroll box (presenter mode), whenever it changes.
  const decisive = steps.find((s) => s.decisive)?.id;
  useEffect(() => {
    if (!focusOnOpen || !decisive) return;
    const box = section.current;
    const step = box?.querySelector<HTMLElement>('.walk-decisive');
    if (!box || !step || box.scrollHeight <= box.clientHeight) return;
    const offset = step.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop = Math.max(0, box.scrollTop + offset - box.clientHeight / 3);
  }, [focusOnOpen, decisive]);
  return (
    <section
      class="walkthrough"
      id={id}
      aria-labelledby={`${id ?? 'walk'}-heading`}
      ref={section}
      tabIndex={scrolls ? 0 : undefined}
    >
      <h2 id={`${id ?? 'walk'}-heading`} tabIndex={-1} ref={heading}>
        {t('walk_heading')}
      </h2>
      {getLocale() !== 'en' && steps.length > 0 && <p class="field-hint">{t('walk_english_note')}</p>}
      {steps.length === 0 ? (
        <p class="walk-empty">{t('walk_empty')}</p>
      ) : (
        <ol class="walk-steps">
          {steps
            .map((step) => ({ step, r: renderStep(step) }))
            .map(({ step: s, r }) => (
              <li
                key={s.id}
                class={`walk-step${s.decisive ? ' walk-decisive' : ''}`}
                data-step={s.id}
                aria-current={s.decisive ? 'step' : undefined}
              >
                <p class="walk-q">
                  <Text value={r.question} />
                  {s.decisive && <span class="badge badge-decisive">{t('walk_decisive')}</span>}
                </p>
                <p class="walk-a" lang={langAttr(r.answer.lang)}>
                  <strong>{r.answer.text}</strong>
                  {r.because.text && <> — {r.because.text}</>}
                </p>
                {r.citations.length > 0 && (
                  <ul class="cites">
                    {r.citations.map((c) => (
                      <li key={c.url || c.title}>
                        <a href={c.url} target="_blank" rel="noreferrer" lang={englishLang()}>
                          {c.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
