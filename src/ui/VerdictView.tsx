/** Renders a Verdict: headline in words, route, summary, evidence, what to do (rules + citations), checks. */
import type { Verdict } from '../core/index.ts';
import { getLocale, t } from '../i18n/index.ts';
import { englishLang, Text } from '../i18n/preact.tsx';
import { render, renderMessage } from '../i18n/render.ts';
import { headline, ROUTE_LABEL, SEVERITY_LABEL } from './labels.ts';

export function VerdictView({ verdict }: { verdict: Verdict }) {
  return (
    <section class="verdict" data-verdict={verdict.directMarketing} data-route={verdict.route}>
      <h2 class="verdict-headline">{headline(verdict.directMarketing, verdict.primaryPurpose)}</h2>
      {verdict.language?.coverage === 'limited' && verdict.language.note && (
        // Right under the headline: the reader must know the verdict could not read all of the draft.
        <p class="verdict-language" role="note" data-basis={verdict.language.basis}>
          <Text value={renderMessage(verdict.language.note)} />
        </p>
      )}
      <p class="verdict-route">
        <strong>{t('common_route')}</strong> {ROUTE_LABEL[verdict.route]}
      </p>
      <p class="verdict-summary">
        <Text value={render(verdict.decision).message} />
      </p>
      {verdict.checks.length > 0 && (
        <>
          <h3>{t('verdict_before_send')}</h3>
          <ul class="checks">
            {verdict.checks.map((c) => (
              <li key={c.id} class={`check check-${c.severity}`}>
                <strong>{SEVERITY_LABEL[c.severity]}:</strong> <Text value={render(c).message} />
              </li>
            ))}
          </ul>
        </>
      )}
      {verdict.evidence.length > 0 && (
        <>
          <h3>{t('verdict_why')}</h3>
          {getLocale() !== 'en' && <p class="english-note">{t('common_english_note')}</p>}
          <ul class="evidence">
            {verdict.evidence.map((e) => (
              <li key={`${e.field}-${e.start}`} class={`evidence-${e.purpose}`}>
                <q>{e.text}</q> — <Text value={render(e).message} />
              </li>
            ))}
          </ul>
        </>
      )}
      {verdict.rules.length > 0 && (
        <>
          <h3>{t('verdict_rules')}</h3>
          <ul class="rules">
            {verdict.rules
              .map((rule) => ({ rule, r: render(rule) }))
              .map(({ rule, r }) => (
                <li key={rule.ruleId}>
                  <strong>
                    <Text value={r.message} />
                  </strong>
                  : {r.note && <Text value={r.note} />}{' '}
                  {r.citations.map((c) => (
                    // Sources are English-language documents: their titles stay as published.
                    <a key={c.url} href={c.url} target="_blank" rel="noreferrer" lang={englishLang()}>
                      {c.title}
                    </a>
                  ))}
                </li>
              ))}
          </ul>
        </>
      )}
      <p class="disclaimer">{t('common_guidance')}</p>
    </section>
  );
}
