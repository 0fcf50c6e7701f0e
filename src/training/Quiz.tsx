/**
 * Quiz in two parts per scenario: "is it direct marketing?", then "which route, and what must the sender do?".
 * The questions are a seeded, outcome-balanced draw (logic.ts quizSet) from the sectors the trainer picks. Each
 * part shows only the context it needs: who sends it for the first, what is known about the recipients for the
 * second (so "soft opt-in conditions: met" never gives the first answer away).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Checker, EnumField, Route } from '../core/index.ts';
import { getLocale, t } from '../i18n/index.ts';
import { englishLang, tx } from '../i18n/preact.tsx';
import { ROUTE_LABEL, SENDER_LABEL } from '../ui/labels.ts';
import { VerdictView } from '../ui/VerdictView.tsx';
import { CHANNEL_LABEL, FIELD_LABEL, ROUTE_DO, SECTOR_LABEL, VALUE_LABEL } from './labels.ts';
import {
  OUTCOME_LABEL,
  OUTCOMES,
  type Outcome,
  outcomeOf,
  QUIZ_SIZES,
  type QuizSettings,
  quizSet,
  routeOptions,
} from './logic.ts';
import { ScenarioAnswer } from './ScenarioAnswer.tsx';
import { type Scenario, SECTORS, type Sector } from './types.ts';

interface Props {
  scenarios: readonly Scenario[];
  checker: Checker | null;
  seed: number;
  settings: QuizSettings;
  /** Starts a new quiz with this seed and these settings. */
  onStart(seed: number, settings: QuizSettings): void;
}

interface Answer {
  outcome?: Outcome;
  route?: Route;
}

/** What the route question needs to know about the recipients: the context the first question must not show. */
const ROUTE_FIELDS: readonly EnumField[] = [
  'recipientType',
  'relationship',
  'consent',
  'softOptInConditions',
  'solicited',
];

function facts(s: Scenario, fields: readonly EnumField[]): string[] {
  return fields.flatMap((f) => {
    const value = (s.context as Record<string, string | undefined>)[f];
    if (!value || value === 'unknown') return [];
    return [`${FIELD_LABEL[f]}: ${VALUE_LABEL[f][value] ?? value}`];
  });
}

/** The first question's context: who sends it and, for a public authority, its answer to the task question. */
function senderFacts(s: Scenario): string[] {
  const sender = s.context.sender ?? 'unknown';
  return [t('quiz_sent_by', SENDER_LABEL[sender]), ...facts(s, ['publicTaskNecessary'])];
}

/** One answer button (`.quiz-answer[data-answer]` or `.quiz-route[data-route]`); all lock once one is chosen. */
function Choice(p: {
  kind: 'answer' | 'route';
  value: string;
  chosen: string | undefined;
  onChoose(): void;
  children: ComponentChildren;
}) {
  const data = p.kind === 'answer' ? { 'data-answer': p.value } : { 'data-route': p.value };
  return (
    <button
      type="button"
      class={`quiz-${p.kind}`}
      {...data}
      aria-pressed={p.chosen === p.value}
      disabled={p.chosen !== undefined}
      onClick={p.onChoose}
    >
      {p.children}
    </button>
  );
}

/** Right or wrong, and the right answer: by a mark and words, not colour alone. */
function Result({ part, right, answer }: { part: 1 | 2; right: boolean; answer: string }) {
  return (
    <p class={`quiz-result ${right ? 'right' : 'wrong'}`} data-part={part}>
      {right ? `✓ ${t('quiz_correct', answer)}` : `✗ ${t('quiz_wrong', answer)}`}
    </p>
  );
}

function Settings({ seed, settings, onStart }: Pick<Props, 'seed' | 'settings' | 'onStart'>) {
  const [size, setSize] = useState(settings.size);
  const [sectors, setSectors] = useState<readonly Sector[]>(settings.sectors);
  useEffect(() => {
    setSize(settings.size);
    setSectors(settings.sectors);
  }, [settings]);
  const toggle = (sector: Sector, on: boolean) =>
    setSectors((now) => SECTORS.filter((x) => (x === sector ? on : now.includes(x))));
  return (
    <form
      class="quiz-settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (sectors.length > 0) onStart(seed + 1, { size, sectors });
      }}
    >
      <fieldset>
        <legend>{t('quiz_settings')}</legend>
        <label class="quiz-size">
          {t('quiz_size')}{' '}
          <select id="quiz-size" value={size} onChange={(e) => setSize(Number(e.currentTarget.value))}>
            {QUIZ_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="quiz-sectors">
          <legend>{t('quiz_sectors')}</legend>
          {SECTORS.map((sector) => (
            <label key={sector}>
              <input
                type="checkbox"
                name="sector"
                value={sector}
                checked={sectors.includes(sector)}
                onChange={(e) => toggle(sector, e.currentTarget.checked)}
              />{' '}
              {SECTOR_LABEL[sector]}
            </label>
          ))}
        </fieldset>
        <button type="submit" id="quiz-start" class="primary" disabled={sectors.length === 0}>
          {t('quiz_new')}
        </button>
        {sectors.length === 0 && <p class="field-hint">{t('quiz_pick_sector')}</p>}
      </fieldset>
    </form>
  );
}

export function Quiz({ scenarios, checker, seed, settings, onStart }: Props) {
  const questions = useMemo(
    () => quizSet(scenarios, seed, settings.size, settings.sectors),
    [scenarios, seed, settings],
  );
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const next = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const part2 = useRef<HTMLFieldSetElement>(null);

  // A new seed or new settings is a new quiz.
  useEffect(() => {
    setIndex(0);
    setAnswers([]);
  }, [seed, settings]);

  const total = questions.length;
  const done = index >= total;
  const current = questions[index];
  const answer = answers[index] ?? {};
  const outcomeAnswered = answer.outcome !== undefined;
  const routeAnswered = answer.route !== undefined;
  const points = (a: Answer | undefined, q: Scenario | undefined) =>
    q && a ? Number(a.outcome === outcomeOf(q)) + Number(a.route === q.expected.route) : 0;
  const score = questions.reduce((sum, q, i) => sum + points(answers[i], q), 0);
  const answeredParts = answers.reduce((n, a) => n + Number(!!a?.outcome) + Number(!!a?.route), 0);

  useEffect(() => {
    if (outcomeAnswered && !routeAnswered) part2.current?.querySelector('button')?.focus();
  }, [outcomeAnswered, routeAnswered]);
  useEffect(() => {
    if (routeAnswered) next.current?.focus();
  }, [routeAnswered]);
  useEffect(() => {
    if (index > 0) heading.current?.focus();
  }, [index]);

  const verdict = useMemo(() => {
    if (!routeAnswered || !current || !checker) return null;
    return checker.check(
      { subject: current.subject, body: current.body, channel: current.channel },
      { ...current.context, channel: current.channel },
    );
  }, [routeAnswered, current, checker]);

  const answerWith = (update: Answer) =>
    setAnswers((list) => {
      const copy = [...list];
      copy[index] = { ...(copy[index] ?? {}), ...update };
      return copy;
    });

  const settingsForm = <Settings seed={seed} settings={settings} onStart={onStart} />;
  if (total === 0) {
    return (
      <section class="quiz" aria-labelledby="quiz-heading">
        {settingsForm}
        <h2 id="quiz-heading">{t('quiz_none')}</h2>
      </section>
    );
  }

  const routeFacts = current ? facts(current, ROUTE_FIELDS) : [];
  return (
    <section
      class="quiz"
      aria-labelledby="quiz-heading"
      data-questions={questions.map((q) => q.id).join(' ')}
    >
      {settingsForm}
      <div class="quiz-head">
        <h2 id="quiz-heading" ref={heading} tabIndex={-1}>
          {done ? t('quiz_complete') : t('quiz_question', index + 1, total)}
        </h2>
        <p class="quiz-score" aria-live="polite">
          {t('quiz_score', score, answeredParts)}
        </p>
      </div>
      {getLocale() !== 'en' && <p class="field-hint">{t('training_english_content')}</p>}
      {!done && current && (
        <article class="quiz-card" data-id={current.id}>
          <p class="card-meta">
            <span class="badge">{SECTOR_LABEL[current.sector]}</span>
            <span class="badge">{CHANNEL_LABEL[current.channel]}</span>
          </p>
          <p class="quiz-context" data-part="1">
            {senderFacts(current).join(' · ')}
          </p>
          {current.subject && (
            <p class="quiz-subject">
              <strong>{t('common_subject_colon')}</strong> <span lang={englishLang()}>{current.subject}</span>
            </p>
          )}
          <blockquote class="quiz-body" lang={englishLang()}>
            {current.body}
          </blockquote>
          <fieldset class="quiz-answers" data-part="1">
            <legend>{t('quiz_part_dm')}</legend>
            {OUTCOMES.map((o) => (
              <Choice
                key={o}
                kind="answer"
                value={o}
                chosen={answer.outcome}
                onChoose={() => answerWith({ outcome: o })}
              >
                {OUTCOME_LABEL[o]}
              </Choice>
            ))}
          </fieldset>
          <div aria-live="polite">
            {outcomeAnswered && (
              <Result
                part={1}
                right={answer.outcome === outcomeOf(current)}
                answer={OUTCOME_LABEL[outcomeOf(current)]}
              />
            )}
          </div>
          {outcomeAnswered && (
            <fieldset class="quiz-answers quiz-routes" data-part="2" ref={part2}>
              <legend>{t('quiz_part_route')}</legend>
              <p class="quiz-context" data-part="2">
                {routeFacts.length > 0 ? routeFacts.join(' · ') : t('quiz_nothing_known')}
              </p>
              {routeOptions(current.expected.route, seed * 31 + index).map((r) => (
                <Choice
                  key={r}
                  kind="route"
                  value={r}
                  chosen={answer.route}
                  onChoose={() => answerWith({ route: r })}
                >
                  <strong>{ROUTE_LABEL[r]}</strong>
                  <span class="quiz-route-do">{ROUTE_DO[r]}</span>
                </Choice>
              ))}
            </fieldset>
          )}
          <div aria-live="polite">
            {routeAnswered && (
              <div class="quiz-reveal">
                <Result
                  part={2}
                  right={answer.route === current.expected.route}
                  answer={ROUTE_LABEL[current.expected.route]}
                />
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
          <p class="quiz-final">{t('quiz_final', score, total * 2)}</p>
          <ol>
            {questions.map((q, i) => {
              const a = answers[i] ?? {};
              const right = a.outcome === outcomeOf(q);
              const rightRoute = a.route === q.expected.route;
              return (
                <li key={q.id}>
                  {right ? '✓' : '✗'}{' '}
                  {tx(
                    'quiz_summary_line',
                    <span lang={englishLang()}>{q.title}</span>,
                    a.outcome ? OUTCOME_LABEL[a.outcome] : '—',
                    OUTCOME_LABEL[outcomeOf(q)],
                  )}{' '}
                  {rightRoute ? '✓' : '✗'}{' '}
                  {t(
                    'quiz_summary_route',
                    a.route ? ROUTE_LABEL[a.route] : '—',
                    ROUTE_LABEL[q.expected.route],
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
            <button type="button" class="primary" onClick={() => onStart(seed + 1, settings)}>
              {t('quiz_new')}
            </button>
          </p>
          <p class="field-hint">{t('quiz_seed', seed)}</p>
        </div>
      )}
    </section>
  );
}
