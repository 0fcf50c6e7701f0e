/** The decision walkthrough: each question of the decision model in order, its answer and why. */
import type { WalkStep } from '../core/index.ts';

export function WalkthroughPanel({ steps, id }: { steps: readonly WalkStep[]; id?: string }) {
  return (
    <section class="walkthrough" id={id} aria-labelledby={`${id ?? 'walk'}-heading`}>
      <h2 id={`${id ?? 'walk'}-heading`}>Decision walkthrough</h2>
      {steps.length === 0 ? (
        <p class="walk-empty">No walkthrough steps are available for this draft yet.</p>
      ) : (
        <ol class="walk-steps">
          {steps.map((s) => (
            <li
              key={s.id}
              class={`walk-step${s.decisive ? ' walk-decisive' : ''}`}
              data-step={s.id}
              aria-current={s.decisive ? 'step' : undefined}
            >
              <p class="walk-q">
                {s.question}
                {s.decisive && <span class="badge badge-decisive">Decisive step</span>}
              </p>
              <p class="walk-a">
                <strong>{s.answer}</strong>
                {s.because && <> — {s.because}</>}
              </p>
              {s.citations.length > 0 && (
                <ul class="cites">
                  {s.citations.map((c) => (
                    <li key={c.url || c.title}>
                      <a href={c.url} target="_blank" rel="noreferrer">
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
