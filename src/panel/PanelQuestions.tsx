/**
 * The panel's questions (issue #13 item 3): one at a time, the first of those that could still change this verdict
 * for this sender (the engine asks only those), with how many are left; then the answers given, each with
 * "Change", which shows that question's choices again (the answer stays until another is picked).
 */
import { useState } from 'preact/hooks';
import type { MessageId, Question } from '../core/index.ts';
import { t } from '../i18n/index.ts';
import { Text } from '../i18n/preact.tsx';
import { renderMessage } from '../i18n/render.ts';
import { userOnly } from '../ui/trusted.ts';

/** An answer the writer gave: the value, and the words of the answer and its question (message ids). */
export interface Answer {
  value: string;
  label: MessageId;
  question: MessageId;
  /** The question's choices, so "Change" can offer them again once the engine no longer asks. */
  options?: Question['options'];
}

export interface PanelQuestionsProps {
  questions: Question[];
  answers: Record<string, Answer>;
  onAnswer(field: string, answer: Answer | null): void;
}

function Choices({
  q,
  current,
  onAnswer,
}: {
  q: { field: string; messageId: MessageId; options: Question['options'] };
  current?: string;
  onAnswer: PanelQuestionsProps['onAnswer'];
}) {
  return (
    <div class="options">
      {q.options.map((o) => (
        <button
          key={o.value}
          type="button"
          class="option"
          data-value={o.value}
          aria-pressed={current === o.value}
          onClick={userOnly(() =>
            onAnswer(q.field, {
              value: o.value,
              label: o.messageId,
              question: q.messageId,
              options: q.options,
            }),
          )}
        >
          <Text value={renderMessage(o.messageId)} />
        </button>
      ))}
    </div>
  );
}

export function PanelQuestions({ questions, answers, onAnswer }: PanelQuestionsProps) {
  const [changing, setChanging] = useState<string | null>(null);
  const next = questions.find((q) => !answers[q.field]);
  const left = questions.filter((q) => !answers[q.field]).length;
  const answered = Object.entries(answers);
  const answer: PanelQuestionsProps['onAnswer'] = (field, a) => {
    setChanging(null);
    onAnswer(field, a);
  };
  return (
    <>
      {next && (
        <>
          <h3>{t('panel_questions')}</h3>
          <fieldset key={next.field} class="question" data-field={next.field}>
            <legend>
              <span class="question-count">{t('panel_question_count', left)}</span>{' '}
              <Text value={renderMessage(next.messageId)} />
            </legend>
            <Choices q={next} current={answers[next.field]?.value} onAnswer={answer} />
          </fieldset>
        </>
      )}
      {answered.length > 0 && (
        <>
          <h3>{t('panel_answers')}</h3>
          <ul class="answers">
            {answered.map(([field, a]) => {
              const q = { field, messageId: a.question, options: a.options ?? [] };
              return (
                <li key={field} data-field={field}>
                  <Text value={renderMessage(a.question)} />{' '}
                  <strong>
                    <Text value={renderMessage(a.label)} />
                  </strong>{' '}
                  {changing === field && q.options.length > 0 ? (
                    <Choices q={q} current={a.value} onAnswer={answer} />
                  ) : (
                    <button
                      type="button"
                      class="link"
                      aria-expanded={false}
                      onClick={userOnly(() =>
                        q.options.length ? setChanging(field) : onAnswer(field, null),
                      )}
                    >
                      {t('panel_change')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
