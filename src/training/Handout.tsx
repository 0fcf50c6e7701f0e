/**
 * The print-only hand-out: a one-page summary of the current scenario or draft. Hidden on screen; the print
 * stylesheet hides everything else. Sources are numbered once and printed with their URLs, so the page works
 * on paper.
 */

import { useLayoutEffect, useRef } from 'preact/hooks';
import { CONTEXT_VALUES } from '../core/context.ts';
import type { Citation, Context, EnumField, Verdict } from '../core/index.ts';
import { t } from '../i18n/index.ts';
import { englishLang, Text } from '../i18n/preact.tsx';
import { checkText, ruleRequirement, ruleTitle, summaryText } from '../i18n/verdict.ts';
import { headline, ROUTE_LABEL, SEVERITY_LABEL } from '../ui/labels.ts';
import { CHANNEL_LABEL, FIELD_LABEL, SECTOR_LABEL, VALUE_LABEL } from './labels.ts';
import { OUTCOME_LABEL, outcomeOf, paragraphs } from './logic.ts';
import { scenarioCitations } from './scenarios.ts';
import type { Scenario } from './types.ts';

interface Props {
  scenario: Scenario | null;
  pristine: boolean;
  subject: string;
  body: string;
  context: Context;
  verdict: Verdict | null;
}

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

/** Evidence phrases that share a reason are listed together, so the page stays short. */
function groupEvidence(verdict: Verdict): { message: string; texts: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const e of verdict.evidence) {
    const texts = groups.get(e.message) ?? [];
    if (!texts.includes(e.text)) texts.push(e.text);
    groups.set(e.message, texts);
  }
  return [...groups].map(([message, texts]) => ({ message, texts }));
}

function Refs({ nums }: { nums: number[] }) {
  if (nums.length === 0) return null;
  return <span class="handout-refs"> [{nums.join(', ')}]</span>;
}

/** Printable height of an A4 sheet with the print margins (297 − 12 − 11 mm), less a little for rounding. */
const PAGE_HEIGHT_PX = ((297 - 12 - 11) / 25.4) * 96 * 0.97;
/** Below this the text would be too small to read: a very long hand-out then runs to a second page. */
const MIN_FIT = 0.7;

export function Handout({ scenario, pristine, subject, body, context, verdict }: Props) {
  const article = useRef<HTMLElement>(null);
  // The hand-out is laid out off screen at paper width, zoomed exactly as it will print. When it is taller
  // than a sheet, find (by bisection) the largest zoom at which it fits.
  useLayoutEffect(() => {
    const el = article.current;
    if (!el) return;
    const fits = (zoom: number) => {
      el.style.setProperty('--fit', zoom.toFixed(3));
      return el.getBoundingClientRect().height <= PAGE_HEIGHT_PX;
    };
    if (fits(1) || !fits(MIN_FIT)) return;
    let lo = MIN_FIT;
    let hi = 1;
    for (let i = 0; i < 6; i++) {
      const mid = (lo + hi) / 2;
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    fits(lo);
  });
  const fields = Object.keys(CONTEXT_VALUES) as EnumField[];
  const sources = sourceIndex();
  const rules = (verdict?.rules ?? []).map((r) => ({ rule: r, refs: r.citations.map(sources.ref) }));
  const scenarioRefs = scenario ? scenarioCitations(scenario).map(sources.ref) : [];
  const known = fields.filter((f) => context[f] !== 'unknown');
  return (
    <div class="handout-frame">
      <article class="handout" ref={article}>
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
        <section>
          <h2>{t('handout_the_draft')}</h2>
          {subject && (
            <p>
              <strong>{t('common_subject_colon')}</strong> {subject}
            </p>
          )}
          <div class="handout-body">
            {body.trim() ? (
              paragraphs(body).map((p, i) => <p key={`${i}-${p.length}`}>{p}</p>)
            ) : (
              <p>{t('handout_empty')}</p>
            )}
          </div>
          <p class="handout-context">
            <strong>{t('handout_context')}</strong>{' '}
            {known.map((f) => `${FIELD_LABEL[f]}: ${VALUE_LABEL[f][context[f]] ?? context[f]}`).join(' · ')}
            {known.length < fields.length && `${known.length > 0 ? ' · ' : ''}${t('handout_rest_unknown')}`}
          </p>
        </section>
        {verdict && (
          <section>
            <h2>{t('handout_verdict', headline(verdict.directMarketing, verdict.primaryPurpose))}</h2>
            <p>
              <strong>{t('common_route')}</strong> {ROUTE_LABEL[verdict.route]}
            </p>
            <p>
              <Text value={summaryText(verdict.summary)} />
            </p>
            {verdict.evidence.length > 0 && (
              <>
                <h3>{t('handout_reasons')}</h3>
                <ul>
                  {groupEvidence(verdict).map((g) => (
                    <li key={g.message}>
                      {g.texts.map((t, i) => (
                        <span key={`${i}-${t}`}>
                          {i > 0 && ', '}
                          <q>{t}</q>
                        </span>
                      ))}{' '}
                      — <span lang={englishLang()}>{g.message}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {verdict.checks.length > 0 && (
              <>
                <h3>{t('verdict_before_send')}</h3>
                <ul>
                  {verdict.checks.map((c) => (
                    <li key={c.id}>
                      <strong>{SEVERITY_LABEL[c.severity]}:</strong> <Text value={checkText(c)} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {rules.length > 0 && (
              <>
                <h3>{t('verdict_rules')}</h3>
                <ul>
                  {rules.map(({ rule, refs }) => (
                    <li key={rule.id}>
                      <strong>
                        <Text value={ruleTitle(rule)} />
                      </strong>
                      : <Text value={ruleRequirement(rule)} />
                      <Refs nums={refs} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
        {scenario && (
          <section>
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
          <section>
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
        <p class="handout-foot">{t('handout_foot')}</p>
      </article>
    </div>
  );
}
