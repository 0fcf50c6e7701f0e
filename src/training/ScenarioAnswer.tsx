/** A scenario's expected answer: outcome, route, teaching note, citations and any known limit of the checker. */
import type { Verdict } from '../core/index.ts';
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
      <H>Expected answer</H>
      <p class="answer-outcome">
        <strong>{OUTCOME_LABEL[outcome]}</strong>{' '}
        <span class="answer-levels">
          (acceptable: {scenario.expected.directMarketing.map((l) => LEVEL_LABEL[l]).join(', ')})
        </span>
      </p>
      <p class="answer-route">
        <strong>Route:</strong> {ROUTE_LABEL[scenario.expected.route]}
      </p>
      {compare === false && (
        <p class="answer-edited">
          This is the answer for the scenario as written; your changes may give a different one.
        </p>
      )}
      <p class="answer-note">{scenario.teachingNote}</p>
      {agrees !== undefined && (
        <p class={`answer-agree ${agrees ? 'agree-yes' : 'agree-no'}`}>
          {agrees
            ? '✓ The checker agrees with the expected answer.'
            : '✗ The checker’s answer differs from the expected answer.'}
        </p>
      )}
      {scenario.knownLimit && (
        <p class="known-limit">
          <strong>Known limit:</strong> {scenario.knownLimit}
        </p>
      )}
      {scenario.citations.length > 0 && (
        <>
          <p class="cites-heading">Sources</p>
          <ul class="cites">
            {scenarioCitations(scenario).map((c) => (
              <li key={c.url || c.title}>
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
