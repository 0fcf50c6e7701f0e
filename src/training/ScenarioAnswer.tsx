/** A scenario's expected answer: outcome, route, teaching note, citations and any known limit of the checker. */
import type { Verdict } from '../core/index.ts';
import { t } from '../i18n/index.ts';
import { englishLang } from '../i18n/preact.tsx';
import { LEVEL_LABEL, ROUTE_LABEL } from '../ui/labels.ts';
import { OUTCOME_LABEL, outcomeOf, outcomeOfLevel } from './logic.ts';
import { scenarioCitations } from './scenarios.ts';
import type { Scenario } from './types.ts';

export function ScenarioAnswer({
  scenario,
  verdict,
  compare,
  headingLevel = 3,
}: {
  scenario: Scenario;
  /** The checker's verdict on the same draft and context, to say whether it agrees. */
  verdict?: Verdict | null;
  /** Only compare when the draft and context are the scenario's own. */
  compare?: boolean;
  headingLevel?: 2 | 3;
}) {
  const outcome = outcomeOf(scenario);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const agrees =
    verdict && compare
      ? outcomeOfLevel(verdict.directMarketing) === outcome && verdict.route === scenario.expected.route
      : undefined;
  return (
    <section class="answer" data-outcome={outcome} data-route={scenario.expected.route}>
      <H>{t('answer_expected')}</H>
      <p class="answer-outcome">
        <strong>{OUTCOME_LABEL[outcome]}</strong>{' '}
        <span class="answer-levels">
          {t('answer_acceptable', scenario.expected.directMarketing.map((l) => LEVEL_LABEL[l]).join(', '))}
        </span>
      </p>
      <p class="answer-route">
        <strong>{t('common_route')}</strong> {ROUTE_LABEL[scenario.expected.route]}
      </p>
      {compare === false && <p class="answer-edited">{t('answer_edited')}</p>}
      <p class="answer-note" lang={englishLang()}>
        {scenario.teachingNote}
      </p>
      {agrees !== undefined && (
        <p class={`answer-agree ${agrees ? 'agree-yes' : 'agree-no'}`}>
          {agrees ? `✓ ${t('answer_agrees')}` : `✗ ${t('answer_differs')}`}
        </p>
      )}
      {scenario.knownLimit && (
        <p class="known-limit">
          <strong>{t('answer_known_limit')}</strong> <span lang={englishLang()}>{scenario.knownLimit}</span>
        </p>
      )}
      {scenario.citations.length > 0 && (
        <>
          <p class="cites-heading">{t('common_sources')}</p>
          <ul class="cites">
            {scenarioCitations(scenario).map((c) => (
              <li key={c.url || c.title} lang={englishLang()}>
                {c.url ? (
                  <a href={c.url} target="_blank" rel="noreferrer">
                    {c.title}
                  </a>
                ) : (
                  c.title
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
