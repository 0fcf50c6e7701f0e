/**
 * The card on a highlighted phrase (issue #13 item 4): shown while the pointer rests on a phrase of the draft, or
 * the caret is in it. It says why the phrase counts (the finding's reason, through render()), where the rule comes
 * from, and, when the draft has a problem with a one-click fix, the fix (`data-mrc-fix`, the same path as the
 * panel's). In a message that mixes service information with promotion, it says to send the promotion separately.
 * Rendered in the composer's shadow root, never in the draft; it never takes focus on its own (the keyboard
 * shortcut that reaches the badge reaches it first while it shows).
 */
import { useState } from 'preact/hooks';
import { citation } from '../core/findings/sources.ts';
import type { Citation, Evidence, Verdict } from '../core/index.ts';
import type { FixId, RiskAssessment } from '../core/risk.ts';
import { t } from '../i18n/index.ts';
import { englishLang, Text } from '../i18n/preact.tsx';
import { render } from '../i18n/render.ts';
import { PURPOSE_LABEL } from '../ui/labels.ts';
import { fixLabel, problemName } from '../ui/risk-labels.ts';
import { isUserEvent, userOnly } from '../ui/trusted.ts';

/** The rule that marks a service message carrying promotion (src/data/rules/catalogue.json). */
export const MIXED_RULE = 'service-message-with-promotion';
/** What a phrase of marketing is measured against: the ICO's guidance on identifying direct marketing. */
const PHRASE_CITATION = 'ico-identify-dm';

export interface HighlightCardProps {
  evidence: Evidence;
  verdict: Verdict;
  risk: RiskAssessment;
  /** Unique within the page. */
  cardId: string;
  onFix?(fix: FixId): Promise<boolean>;
  /** Escape or the close button; `refocus` when focus was in the card (it goes back to the draft). */
  onClose(refocus: boolean): void;
  /** The pointer entered (true) or left (false) the card: leaving it closes the card after a moment. */
  onPointer(inside: boolean): void;
}

/** True when the verdict says the draft mixes service information with promotion. */
export function isMixed(verdict: Verdict): boolean {
  return verdict.rules.some((r) => r.ruleId === MIXED_RULE);
}

/** The sources the card cites: the guidance on what counts as marketing, and the mixed-message rule's when it applies. */
export function cardCitations(evidence: Evidence, verdict: Verdict): Citation[] {
  const out = new Map<string, Citation>();
  for (const c of render(evidence).citations) out.set(c.url, c);
  const own = citation(PHRASE_CITATION);
  out.set(own.url, own);
  const mixed = verdict.rules.find((r) => r.ruleId === MIXED_RULE);
  if (mixed && evidence.purpose !== 'none') for (const c of render(mixed).citations) out.set(c.url, c);
  return [...out.values()];
}

export function HighlightCard(props: HighlightCardProps) {
  const { evidence: e, verdict, risk, cardId } = props;
  const [status, setStatus] = useState<boolean | null>(null);
  const fixes = risk.problems.filter((p) => p.fix);
  const mixed = e.purpose !== 'none' && isMixed(verdict);
  const onKeyDown = (ev: KeyboardEvent) => {
    if (ev.key !== 'Escape' || !isUserEvent(ev)) return;
    ev.stopPropagation();
    props.onClose(true);
  };
  const onFocusOut = (ev: FocusEvent) => {
    const next = ev.relatedTarget as Node | null;
    const card = ev.currentTarget as HTMLElement;
    if (isUserEvent(ev) && next && !card.contains(next)) props.onClose(false);
  };
  return (
    <section
      id={cardId}
      class="card"
      data-mrc-card={e.patternId}
      data-purpose={e.purpose}
      aria-label={t('card_label')}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onFocusOut={onFocusOut}
      onPointerEnter={() => props.onPointer(true)}
      onPointerLeave={() => props.onPointer(false)}
    >
      <div class="card-head">
        <p class="card-phrase">
          <q class={`mark mark-${e.purpose}`}>{e.text}</q>
          {e.purpose !== 'none' && <span class="card-purpose"> · {PURPOSE_LABEL[e.purpose]}</span>}
        </p>
        <button
          type="button"
          class="close"
          aria-label={t('card_close')}
          onClick={userOnly(() => props.onClose(true))}
        >
          ×
        </button>
      </div>
      <p class="card-reason">
        <Text value={render(e).message} />
      </p>
      {mixed && (
        <p class="card-mixed" data-mrc-card-mixed="">
          {t('card_mixed')}
        </p>
      )}
      {fixes.length > 0 && props.onFix && (
        <ul class="card-fixes">
          {fixes.map((p) => {
            const fix = p.fix as FixId;
            return (
              <li key={p.checkId} class={`problem problem-${p.level}`}>
                {problemName(p)}.{' '}
                <button
                  type="button"
                  class="fix"
                  data-mrc-fix={fix}
                  onClick={userOnly(() => {
                    void props.onFix?.(fix).then(setStatus, () => setStatus(false));
                  })}
                >
                  {fixLabel(fix)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p
        class="fix-status"
        role="status"
        data-mrc-fix-status={status === null ? undefined : status ? 'done' : 'failed'}
      >
        {status === null ? '' : status ? t('fix_done') : t('fix_failed')}
      </p>
      <p class="card-sources">
        {cardCitations(e, verdict).map((c) => (
          // Sources are English-language documents: their titles stay as published.
          <a key={c.url} href={c.url} target="_blank" rel="noreferrer" lang={englishLang()}>
            {c.title}
          </a>
        ))}
      </p>
    </section>
  );
}
