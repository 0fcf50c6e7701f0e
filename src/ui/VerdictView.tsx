/** Renders a Verdict: headline in words, route, summary, evidence, what to do (rules + citations), checks. */
import type { Verdict } from '../core/index.ts';
import { headline, ROUTE_LABEL, SEVERITY_LABEL } from './labels.ts';

export function VerdictView({ verdict }: { verdict: Verdict }) {
  return (
    <section class="verdict" data-verdict={verdict.directMarketing} data-route={verdict.route}>
      <h2 class="verdict-headline">{headline(verdict.directMarketing, verdict.primaryPurpose)}</h2>
      <p class="verdict-route">
        <strong>Route:</strong> {ROUTE_LABEL[verdict.route]}
      </p>
      <p class="verdict-summary">{verdict.summary}</p>
      {verdict.checks.length > 0 && (
        <>
          <h3>Before you send</h3>
          <ul class="checks">
            {verdict.checks.map((c) => (
              <li key={c.id} class={`check check-${c.severity}`}>
                <strong>{SEVERITY_LABEL[c.severity]}:</strong> {c.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {verdict.evidence.length > 0 && (
        <>
          <h3>Why</h3>
          <ul class="evidence">
            {verdict.evidence.map((e) => (
              <li key={`${e.field}-${e.start}`} class={`evidence-${e.purpose}`}>
                <q>{e.text}</q> — {e.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {verdict.rules.length > 0 && (
        <>
          <h3>Rules that apply</h3>
          <ul class="rules">
            {verdict.rules.map((r) => (
              <li key={r.id}>
                <strong>{r.title}</strong>: {r.requirement}{' '}
                {r.citations.map((c) => (
                  <a key={c.url} href={c.url} target="_blank" rel="noreferrer">
                    {c.title}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="disclaimer">Guidance, not legal advice.</p>
    </section>
  );
}
