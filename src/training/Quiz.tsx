/** Quiz: "Is this marketing?" over a seeded shuffle of ten scenarios, with the explanation after each answer. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Checker } from '../core/index.ts';
import { getLocale, t } from '../i18n/index.ts';
import { englishLang, tx } from '../i18n/preact.tsx';
import { VerdictView } from '../ui/VerdictView.tsx';
import { CHANNEL_LABEL, FIELD_LABEL, SECTOR_LABEL, VALUE_LABEL } from './labels.ts';
import { OUTCOME_LABEL, OUTCOMES, type Outcome, outcomeOf, quizSet } from './logic.ts';
import { ScenarioAnswer } from './ScenarioAnswer.tsx';
import type { Scenario } from './types.ts';

export const QUIZ_SIZE = 10;

interface Props {
  scenarios: readonly Scenario[];
  checker: Checker | null;
  seed: number;
  onNewSeed(seed: number): void;
}

function contextSummary(s: Scenario): string {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(s.context)) {
    if (typeof value !== 'string' || value === 'unknown' || field === 'senderName' || field === 'channel')
      continue;
    const f = field as keyof typeof FIELD_LABEL;
    if (!(f in FIELD_LABEL)) continue;
    parts.push(`${FIELD_LABEL[f]}: ${VALUE_LABEL[f][value] ?? value}`);
  }
  return parts.join(' · ');
}

export function Quiz({ scenarios, checker, seed, onNewSeed }: Props) {
  const questions = useMemo(() => quizSet(scenarios, seed, QUIZ_SIZE), [scenarios, seed]);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Outcome[]>([]);
  const next = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new seed is a new quiz.
  useEffect(() => {
    setIndex(0);
    setAnswers([]);
  }, [seed]);

  const total = questions.length;
  const done = index >= total;
  const current = questions[index];
  const answered = answers.length > index;
  const score = answers.filter((a, i) => questions[i] && a === outcomeOf(questions[i])).length;

  useEffect(() => {
    if (answered) next.current?.focus();
  }, [answered]);
  useEffect(() => {
    if (index > 0) heading.current?.focus();
  }, [index]);

  const verdict = useMemo(() => {
    if (!answered || !current || !checker) return null;
    return checker.check(
      { subject: current.subject, body: current.body, channel: current.channel },
      { ...current.context, channel: current.channel },
    );
  }, [answered, current, checker]);

  if (total === 0) return <p>{t('quiz_none')}</p>;

  return (
    <section class="quiz" aria-labelledby="quiz-heading">
      <div class="quiz-head">
        <h2 id="quiz-heading" ref={heading} tabIndex={-1}>
          {done ? t('quiz_complete') : t('quiz_question', index + 1, total)}
        </h2>
        <p class="quiz-score" aria-live="polite">
          {t('quiz_score', score, answers.length)}
        </p>
      </div>
      {getLocale() !== 'en' && <p class="field-hint">{t('training_english_content')}</p>}
      {!done && current && (
        <article class="quiz-card" data-id={current.id}>
          <p class="card-meta">
            <span class="badge">{SECTOR_LABEL[current.sector]}</span>
            <span class="badge">{CHANNEL_LABEL[current.channel]}</span>
          </p>
          {contextSummary(current) && <p class="quiz-context">{contextSummary(current)}</p>}
          {current.subject && (
            <p class="quiz-subject">
              <strong>{t('common_subject_colon')}</strong> <span lang={englishLang()}>{current.subject}</span>
            </p>
          )}
          <blockquote class="quiz-body" lang={englishLang()}>
            {current.body}
          </blockquote>
          <fieldset class="quiz-answers">
            <legend>{t('quiz_your_answer')}</legend>
            {OUTCOMES.map((o) => (
              <button
                type="button"
                key={o}
                class="quiz-answer"
                data-answer={o}
                aria-pressed={answers[index] === o}
                disabled={answered}
                onClick={() => setAnswers((a) => [...a.slice(0, index), o])}
              >
                {OUTCOME_LABEL[o]}
              </button>
            ))}
          </fieldset>
          <div aria-live="polite">
            {answered && (
              <div class="quiz-reveal">
                <p class={`quiz-result ${answers[index] === outcomeOf(current) ? 'right' : 'wrong'}`}>
                  {answers[index] === outcomeOf(current)
                    ? `✓ ${t('quiz_correct', OUTCOME_LABEL[outcomeOf(current)])}`
                    : `✗ ${t('quiz_wrong', OUTCOME_LABEL[outcomeOf(current)])}`}
                </p>
                <p class="quiz-title">
                  <strong lang={englishLang()}>{current.title}</strong>
                </p>
                <ScenarioAnswer scenario={current} verdict={verdict} compare />
                {verdict && (
                  <details class="quiz-verdict">
                    <summary>{t('quiz_checker_says')}</summary>
                    <VerdictView verdict={verdict} />
                  </details>
                )}
                <button type="button" class="primary" ref={next} onClick={() => setIndex((i) => i + 1)}>
                  {index + 1 < total ? t('quiz_next') : t('quiz_see_score')}
                </button>
              </div>
            )}
          </div>
        </article>
      )}
      {done && (
        <div class="quiz-summary">
          <p class="quiz-final">{t('quiz_final', score, total)}</p>
          <ol>
            {questions.map((q, i) => {
              const right = answers[i] === outcomeOf(q);
              return (
                <li key={q.id}>
                  {right ? '✓' : '✗'}{' '}
                  {tx(
                    'quiz_summary_line',
                    <span lang={englishLang()}>{q.title}</span>,
                    answers[i] ? OUTCOME_LABEL[answers[i]] : '—',
                    OUTCOME_LABEL[outcomeOf(q)],
                  )}
                </li>
              );
            })}
          </ol>
          <p>
            <button
              type="button"
              onClick={() => {
                setIndex(0);
                setAnswers([]);
              }}
            >
              {t('quiz_retry')}
            </button>{' '}
            <button type="button" class="primary" onClick={() => onNewSeed(seed + 1)}>
              {t('quiz_new')}
            </button>
          </p>
          <p class="field-hint">{t('quiz_seed', seed)}</p>
        </div>
      )}
    </section>
  );
}
