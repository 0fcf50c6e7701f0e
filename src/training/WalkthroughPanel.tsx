/** The decision walkthrough: each question of the decision model in order, its answer and why. */
import type { WalkStep } from '../core/index.ts';
import { getLocale, lookup, t } from '../i18n/index.ts';
import { englishLang, Text } from '../i18n/preact.tsx';
import { keyPart, type Localised } from '../i18n/verdict.ts';

/** The step's question in the interface language (by step id); its answer and reason stay English for now. */
function question(s: WalkStep): Localised {
  const text = getLocale() === 'en' ? undefined : lookup(`walk_q_${keyPart(s.id)}`);
  return text === undefined ? { text: s.question, lang: 'en' } : { text, lang: getLocale() };
}

export function WalkthroughPanel({ steps, id }: { steps: readonly WalkStep[]; id?: string }) {
  return (
    <section class="walkthrough" id={id} aria-labelledby={`${id ?? 'walk'}-heading`}>
      <h2 id={`${id ?? 'walk'}-heading`}>{t('walk_heading')}</h2>
      {getLocale() !== 'en' && steps.length > 0 && <p class="field-hint">{t('walk_english_note')}</p>}
      {steps.length === 0 ? (
        <p class="walk-empty">{t('walk_empty')}</p>
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
                <Text value={question(s)} />
                {s.decisive && <span class="badge badge-decisive">{t('walk_decisive')}</span>}
              </p>
              <p class="walk-a" lang={englishLang()}>
                <strong>{s.answer}</strong>
                {s.because && <> — {s.because}</>}
              </p>
              {s.citations.length > 0 && (
                <ul class="cites">
                  {s.citations.map((c) => (
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
