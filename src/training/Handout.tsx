/**
 * The print-only hand-out: one A4 page per scenario (or the draft being edited), and optionally a one-page summary
 * of the decision model. Hidden on screen; the print stylesheet hides everything else.
 *
 * Each scenario page has the draft with its phrases highlighted and numbered (colour, underline style and number,
 * so it reads in black and white), the key and the reason for each phrase, the verdict and route, the checks, the
 * decision walkthrough (every question and its answer; the reasons of the deciding step and of the last step,
 * which gives the verdict's summary and what to do), the teaching note and the
 * sources of the deciding steps, printed with their URLs. It is set at 10.5 pt in two columns; a page too long
 * for one sheet is printed a little smaller, never below 90% (9.5 pt body text).
 */

import { useLayoutEffect, useRef } from 'preact/hooks';
import { CONTEXT_VALUES } from '../core/context.ts';
import type { Citation, Context, EnumField, Evidence, Walkthrough } from '../core/index.ts';
import { ROUTES } from '../core/verdict.ts';
import { t } from '../i18n/index.ts';
import { englishLang, langAttr, Text } from '../i18n/preact.tsx';
import { type Localised, render, renderStep } from '../i18n/render.ts';
import { headline, ROUTE_LABEL, SEVERITY_LABEL } from '../ui/labels.ts';
import {
  CHANNEL_LABEL,
  FIELD_LABEL,
  PURPOSE_LEGEND,
  ROUTE_DO,
  SECTOR_LABEL,
  SUMMARY_SOURCES,
  SUMMARY_STEPS,
  VALUE_LABEL,
} from './labels.ts';
import { evidenceSteps, OUTCOME_LABEL, outcomeOf, segments } from './logic.ts';
import { scenarioCitations } from './scenarios.ts';
import type { Scenario } from './types.ts';

/** One page of the hand-out: a scenario (or the draft being edited) and the checker's walkthrough of it. */
export interface HandoutPage {
  scenario: Scenario | null;
  /** The draft and context are the scenario's own (its expected answer applies). */
  pristine: boolean;
  subject: string;
  body: string;
  context: Context;
  walk: Walkthrough | null;
}

/** Printable height of an A4 sheet with the print margins (297 − 12 − 11 mm), less a little for rounding. */
export const PAGE_HEIGHT_PX = ((297 - 12 - 11) / 25.4) * 96 * 0.97;
/** Never smaller than this: 10.5 pt body text stays at 9.5 pt or more. */
export const MIN_FIT = 0.9;

/** Numbers each distinct source once, in order of first use. */
function sourceIndex() {
  const list: Citation[] = [];
  const ref = (c: Citation): number => {
    const key = c.url || c.title;
    const at = list.findIndex((x) => (x.url || x.title) === key);
    if (at >= 0) return at + 1;
    list.push(c);
    return list.length;
  };
  return { list, ref };
}

/** The numbered phrases grouped by their reason, so a reason shared by several phrases is printed once. */
function reasons(phrases: readonly Evidence[]): { reason: Localised; numbers: number[]; texts: string[] }[] {
  const groups = new Map<string, { reason: Localised; numbers: number[]; texts: string[] }>();
  phrases.forEach((e, i) => {
    const reason = render(e).message;
    const g = groups.get(reason.text) ?? { reason, numbers: [], texts: [] };
    g.numbers.push(i + 1);
    g.texts.push(e.text);
    groups.set(reason.text, g);
  });
  return [...groups.values()];
}

function Refs({ nums }: { nums: number[] }) {
  if (nums.length === 0) return null;
  return <span class="handout-refs"> [{[...new Set(nums)].join(', ')}]</span>;
}

/** The zooms the fit tries, by bisection: each step gets whether the last one fitted; returns the zoom to keep. */
function* fitSearch(): Generator<number, number | null, boolean> {
  if (yield 1) return 1;
  if (!(yield MIN_FIT)) return null;
  let lo = MIN_FIT;
  let hi = 1;
  for (let i = 0; i < 6; i++) {
    const mid = (lo + hi) / 2;
    if (yield mid) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Shrinks the page (by bisection on its zoom) when it is taller than a sheet, down to MIN_FIT. Each try lays the
 * page out once. With `stepwise` (the live editor's one page, re-rendered after each typing pause) the tries after
 * the first run one per task, as eight layouts in one task were a long task (README "In the page"); printing
 * finishes any tries still to run first. A hand-out of every shown scenario, built when the trainer asks for it,
 * is fitted at once.
 */
function useFitToPage(stepwise = false) {
  const article = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = article.current;
    if (!el) return;
    const fits = (zoom: number) => {
      el.style.setProperty('--fit', zoom.toFixed(3));
      return el.getBoundingClientRect().height <= PAGE_HEIGHT_PX;
    };
    delete el.dataset.overflows;
    const search = fitSearch();
    let step = search.next(false);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tryOne = () => {
      if (step.done) return;
      const tried = step.value;
      step = search.next(fits(tried));
      if (!step.done) return;
      if (step.value === null) el.dataset.overflows = 'true';
      else if (step.value !== tried) fits(step.value);
    };
    const later = () => {
      tryOne();
      if (!step.done) timer = setTimeout(later, 0);
    };
    const now = () => {
      clearTimeout(timer);
      while (!step.done) tryOne();
    };
    if (!stepwise) now();
    tryOne();
    if (!step.done) timer = setTimeout(later, 0);
    window.addEventListener('beforeprint', now);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('beforeprint', now);
    };
  });
  return article;
}

function Draft({
  text,
  field,
  numbers,
}: {
  text: string;
  field: 'subject' | 'body';
  numbers: Map<Evidence, number>;
}) {
  return (
    <>
      {segments(text, [...numbers.keys()], field).map((s, i) =>
        s.purpose && s.source ? (
          <span key={i}>
            <mark class={`hl hl-${s.purpose}`}>{s.text}</mark>
            <sup class="handout-n">{numbers.get(s.source)}</sup>
          </span>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

function ScenarioPage({ page, stepwise }: { page: HandoutPage; stepwise: boolean }) {
  const article = useFitToPage(stepwise);
  const { scenario, pristine, subject, body, context, walk } = page;
  const verdict = walk?.verdict ?? null;
  const phrases = verdict ? evidenceSteps(verdict.evidence, subject, body) : [];
  const numbers = new Map<Evidence, number>(phrases.map((e, i) => [e, i + 1]));
  const fields = Object.keys(CONTEXT_VALUES) as EnumField[];
  const known = fields.filter((f) => context[f] !== 'unknown');
  // Sources of the steps that decide (the decisive one and the route) and of the scenario: a page, not a library.
  const sources = sourceIndex();
  const steps = (walk?.steps ?? []).map((step) => ({ step, r: renderStep(step) }));
  const stepRefs = steps.map(({ step, r }) =>
    step.decisive || step.id === 'route' ? r.citations.map(sources.ref) : [],
  );
  const scenarioRefs = scenario ? scenarioCitations(scenario).map(sources.ref) : [];
  const purposes = new Set(phrases.map((e) => e.purpose));
  return (
    <article class="handout handout-page" ref={article} data-id={scenario?.id}>
      <header>
        <p class="handout-kicker">
          {t('handout_kicker')}
          {scenario && (
            <>
              {' · '}
              {SECTOR_LABEL[scenario.sector]} · {CHANNEL_LABEL[scenario.channel]}
              {!pristine && ` · ${t('handout_edited')}`}
            </>
          )}
        </p>
        <h1>{scenario ? <span lang={englishLang()}>{scenario.title}</span> : t('training_your_draft')}</h1>
      </header>
      <div class="handout-cols">
        <section class="handout-draft">
          <h2>{t('handout_the_draft')}</h2>
          {subject && (
            <p class="handout-subject">
              <strong>{t('common_subject_colon')}</strong>{' '}
              <span lang={englishLang()}>
                <Draft text={subject} field="subject" numbers={numbers} />
              </span>
            </p>
          )}
          <div class="handout-body" lang={englishLang()}>
            {body.trim() ? <Draft text={body} field="body" numbers={numbers} /> : t('handout_empty')}
          </div>
          <p class="handout-context">
            <strong>{t('handout_context')}</strong>{' '}
            {known.map((f) => `${FIELD_LABEL[f]}: ${VALUE_LABEL[f][context[f]] ?? context[f]}`).join(' · ')}
            {known.length < fields.length && `${known.length > 0 ? ' · ' : ''}${t('handout_rest_unknown')}`}
          </p>
        </section>
        {phrases.length > 0 && (
          <section class="handout-key">
            <h2>{t('legend_heading')}</h2>
            <ul class="handout-legend">
              {PURPOSE_LEGEND.filter((p) => purposes.has(p.purpose)).map((p) => (
                <li key={p.purpose}>
                  <span class={`hl hl-${p.purpose}`}>{t(p.label)}</span> ({t(p.cue)})
                </li>
              ))}
            </ul>
            <h3>{t('handout_reasons')}</h3>
            <ul class="handout-reasons">
              {reasons(phrases).map((r) => (
                <li key={r.reason.text} lang={englishLang()}>
                  <strong>{r.numbers.join(', ')}</strong> {r.texts.map((x) => `“${x}”`).join(', ')} —{' '}
                  {r.reason.text}
                </li>
              ))}
            </ul>
          </section>
        )}
        {verdict && (
          <section class="handout-verdict">
            <h2>{t('handout_verdict', headline(verdict.directMarketing, verdict.primaryPurpose))}</h2>
            <p>
              <strong>{t('common_route')}</strong> {ROUTE_LABEL[verdict.route]}
            </p>
            {verdict.checks.length > 0 && (
              <>
                <h3>{t('verdict_before_send')}</h3>
                <ul>
                  {verdict.checks.map((c) => (
                    <li key={c.id}>
                      <strong>{SEVERITY_LABEL[c.severity]}:</strong> <Text value={render(c).message} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
        {steps.length > 0 && (
          <section class="handout-walk">
            <h2>{t('walk_heading')}</h2>
            <ol>
              {steps.map(({ step: s, r }, i) => (
                <li key={s.id} class={s.decisive ? 'handout-decisive' : undefined}>
                  <strong>
                    <Text value={r.question} />
                  </strong>
                  {s.decisive && <span class="handout-decisive-tag"> ({t('walk_decisive')})</span>}{' '}
                  <span lang={langAttr(r.answer.lang)}>
                    <em>{r.answer.text}.</em>
                    {(s.decisive || s.id === 'route') && ` ${r.because.text}`}
                  </span>
                  <Refs nums={stepRefs[i] ?? []} />
                </li>
              ))}
            </ol>
          </section>
        )}
        {scenario && (
          <section class="handout-note">
            <h2>{t('handout_teaching_note')}</h2>
            {pristine && (
              <p>
                <strong>{t('handout_expected')}</strong> {OUTCOME_LABEL[outcomeOf(scenario)]}.{' '}
                <strong>{t('common_route')}</strong> {ROUTE_LABEL[scenario.expected.route]}
              </p>
            )}
            <p>
              <span lang={englishLang()}>{scenario.teachingNote}</span>
              <Refs nums={scenarioRefs} />
            </p>
            {scenario.knownLimit && (
              <p>
                <strong>{t('handout_known_limit')}</strong>{' '}
                <span lang={englishLang()}>{scenario.knownLimit}</span>
              </p>
            )}
          </section>
        )}
        {sources.list.length > 0 && (
          <section class="handout-sources-section">
            <h2>{t('common_sources')}</h2>
            <ol class="handout-sources">
              {sources.list.map((c) => (
                <li key={c.url || c.title} lang={englishLang()}>
                  {c.title}
                  {c.url && <span class="handout-url"> — {c.url}</span>}
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
      <p class="handout-foot">{t('handout_foot')}</p>
    </article>
  );
}

/** One page: the decision model's questions in order, the routes and what each asks, and what always applies. */
function SummarySheet() {
  const article = useFitToPage();
  const sources = scenarioCitations({ citations: [...SUMMARY_SOURCES] });
  return (
    <article class="handout handout-page handout-summary" ref={article}>
      <header>
        <p class="handout-kicker">{t('handout_kicker')}</p>
        <h1>{t('summary_title')}</h1>
        <p>{t('summary_intro')}</p>
      </header>
      <h2>{t('summary_questions')}</h2>
      <ol class="summary-steps">
        {SUMMARY_STEPS.map((s) => (
          <li key={s.id} data-step={s.id}>
            <strong>{t(s.question)}</strong> {t(s.how)}
          </li>
        ))}
      </ol>
      <h2>{t('summary_routes')}</h2>
      <dl class="summary-routes">
        {ROUTES.map((r) => (
          <div key={r} data-route={r}>
            <dt>{ROUTE_LABEL[r]}</dt>
            <dd>{ROUTE_DO[r]}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('summary_always')}</h2>
      <ul>
        <li>{t('summary_always_identity')}</li>
        <li>{t('summary_always_objection')}</li>
        <li>{t('summary_always_gdpr')}</li>
      </ul>
      <h2>{t('common_sources')}</h2>
      <ul class="handout-sources">
        {sources.map((c) => (
          <li key={c.url} lang={englishLang()}>
            {c.title} <span class="handout-url">— {c.url}</span>
          </li>
        ))}
      </ul>
      <p class="handout-foot">{t('handout_foot')}</p>
    </article>
  );
}

export function Handout({ pages, summary }: { pages: readonly HandoutPage[]; summary: boolean }) {
  return (
    <div class="handout-frame">
      {summary && <SummarySheet />}
      {pages.map((page, i) => (
        <ScenarioPage key={page.scenario?.id ?? `draft-${i}`} page={page} stepwise={pages.length === 1} />
      ))}
    </div>
  );
}
