// @vitest-environment happy-dom
/** The panel's questions: one at a time, and "Change" offers the choices again instead of dropping the answer. */
import { h, render } from 'preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Question } from '../core/verdict.ts';
import { trustForTests } from '../ui/trusted.ts';
import { type Answer, PanelQuestions } from './PanelQuestions.tsx';

const CONSENT: Question = {
  field: 'consent',
  messageId: 'question_consent',
  options: [
    { value: 'yes', messageId: 'question_consent_yes' },
    { value: 'no', messageId: 'question_consent_no' },
  ],
};
const RELATIONSHIP: Question = {
  field: 'relationship',
  messageId: 'question_relationship',
  options: [
    { value: 'supporter', messageId: 'question_relationship_supporter' },
    { value: 'none', messageId: 'question_relationship_none' },
  ],
};

let mount: HTMLElement;
beforeEach(() => {
  trustForTests.untrusted = true;
  mount = document.createElement('div');
  document.body.append(mount);
});
afterEach(() => {
  render(null, mount);
  mount.remove();
  trustForTests.untrusted = false;
});

const show = (questions: Question[], answers: Record<string, Answer>, onAnswer = vi.fn()) => {
  render(h(PanelQuestions, { questions, answers, onAnswer }), mount);
  return onAnswer;
};

test('one question at a time, with how many are left', () => {
  show([CONSENT, RELATIONSHIP], {});
  const sets = mount.querySelectorAll('fieldset.question');
  expect(sets).toHaveLength(1);
  expect(sets[0]?.getAttribute('data-field')).toBe('consent');
  expect(sets[0]?.textContent).toContain('(2 left)');
});

test('an answer carries its choices; "Change" shows them again, the answer stays until another is picked', () => {
  const onAnswer = show([CONSENT], {});
  mount.querySelector<HTMLButtonElement>('button[data-value="no"]')?.click();
  const given = onAnswer.mock.calls[0]?.[1] as Answer;
  expect(given).toMatchObject({
    value: 'no',
    label: 'question_consent_no',
    question: 'question_consent',
    options: CONSENT.options,
  });
  onAnswer.mockClear();
  show([], { consent: given }, onAnswer);
  expect(mount.querySelector('fieldset.question')).toBeNull();
  const change = mount.querySelector<HTMLButtonElement>('.answers button.link');
  expect(change?.textContent).toBe('Change');
  change?.click();
  render(h(PanelQuestions, { questions: [], answers: { consent: given }, onAnswer }), mount);
  const pressed = mount.querySelector('.answers button[aria-pressed="true"]');
  expect(pressed?.getAttribute('data-value')).toBe('no');
  expect(onAnswer).not.toHaveBeenCalled();
  mount.querySelector<HTMLButtonElement>('.answers button[data-value="yes"]')?.click();
  expect(onAnswer).toHaveBeenCalledWith('consent', expect.objectContaining({ value: 'yes' }));
});
