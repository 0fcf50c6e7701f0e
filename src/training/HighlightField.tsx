/**
 * A text field with evidence highlights drawn behind it: the real <input>/<textarea> is transparent and sits on
 * a backdrop that mirrors its text, wrapping and scroll position, with each evidence phrase marked by a colour
 * AND an underline style (so the cue never rests on colour alone). The backdrop is hidden from assistive
 * technology; the verdict's "Why" list carries the same phrases as text.
 */

import { useRef } from 'preact/hooks';
import type { Evidence, Field } from '../core/index.ts';
import { t } from '../i18n/index.ts';
import { PURPOSE_LEGEND } from './labels.ts';
import { segments } from './logic.ts';

interface Props {
  id: string;
  label: string;
  field: Field;
  value: string;
  evidence: readonly Evidence[];
  multiline?: boolean;
  hint?: string;
  /** The phrase being presented: drawn more strongly than the others. */
  current?: Evidence;
  onInput(value: string): void;
}

export function HighlightField({
  id,
  label,
  field,
  value,
  evidence,
  multiline,
  hint,
  current,
  onInput,
}: Props) {
  const backdrop = useRef<HTMLDivElement>(null);
  const sync = (el: HTMLInputElement | HTMLTextAreaElement) => {
    if (!backdrop.current) return;
    backdrop.current.scrollTop = el.scrollTop;
    backdrop.current.scrollLeft = el.scrollLeft;
  };
  const segs = segments(value, evidence, field);
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div class={`hl-wrap ${multiline ? 'hl-multi' : 'hl-single'}`}>
        <div class="hl-backdrop" ref={backdrop} aria-hidden="true">
          {segs.map((s, i) =>
            s.purpose ? (
              <mark
                key={i}
                class={`hl hl-${s.purpose}${current && s.source === current ? ' hl-current' : ''}`}
              >
                {s.text}
              </mark>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
          {/* keeps a trailing newline's empty line in the mirror */}
          {multiline && ' '}
        </div>
        {multiline ? (
          <textarea
            id={id}
            class="hl-input"
            value={value}
            spellcheck
            aria-describedby={hintId}
            onInput={(e) => {
              onInput(e.currentTarget.value);
              sync(e.currentTarget);
            }}
            onScroll={(e) => sync(e.currentTarget)}
          />
        ) : (
          <input
            id={id}
            class="hl-input"
            value={value}
            spellcheck
            aria-describedby={hintId}
            onInput={(e) => {
              onInput(e.currentTarget.value);
              sync(e.currentTarget);
            }}
            onScroll={(e) => sync(e.currentTarget)}
            onKeyUp={(e) => sync(e.currentTarget)}
            onClick={(e) => sync(e.currentTarget)}
            onSelect={(e) => sync(e.currentTarget)}
          />
        )}
      </div>
    </div>
  );
}

export function Legend() {
  return (
    <div class="legend">
      <h3 id="legend-heading">{t('legend_heading')}</h3>
      <ul aria-labelledby="legend-heading">
        {PURPOSE_LEGEND.map((p) => (
          <li key={p.purpose}>
            <span class={`hl hl-${p.purpose} legend-sample`} aria-hidden="true">
              Abc
            </span>{' '}
            {t(p.label)} <span class="legend-cue">({t(p.cue)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
