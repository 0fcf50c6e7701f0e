/** Remembered answers: scopes, the hash that stands for a recipient list, `promotes` never kept, bounded store. */
import { describe, expect, test, vi } from 'vitest';

import type { RememberedAnswer } from './remembered.ts';

vi.mock('../platform/browser.ts', () => ({ browser: {} }));
const { answersFor, listScope, MAX_SCOPES, normaliseList, orgScope, parseStore, withAnswer } = await import(
  './remembered.ts'
);

const YES: RememberedAnswer = { value: 'yes', label: 'question_consent_yes', question: 'question_consent' };
const NO: RememberedAnswer = { value: 'no', label: 'question_consent_no', question: 'question_consent' };
const NOW = '2026-12-03T12:00:00.000Z';

describe('scopes', () => {
  test('a recipient list is recognised by a hash of its distinct, lower-cased, sorted addresses; never stored', async () => {
    const org = orgScope('charity', 'Hope Trust');
    const a = await listScope(org, ['Sam@Example.org', 'ann@example.org', 'sam@example.org']);
    const b = await listScope(org, ['ann@example.org', 'sam@example.org']);
    expect(a?.id).toBe(b?.id);
    expect(a?.size).toBe(2);
    expect(a?.id).toMatch(/^list:charity:hope trust:[0-9a-f]{64}$/);
    expect(a?.id).not.toContain('example.org');
    expect(await listScope(org, [])).toBeNull();
    expect(normaliseList([' B@x.org', 'a@x.org', 'b@x.org'])).toEqual(['a@x.org', 'b@x.org']);
  });

  test('another organisation never sees the list’s answers', async () => {
    const list = ['sam@example.org'];
    const one = await listScope(orgScope('charity', 'Hope Trust'), list);
    const other = await listScope(orgScope('business', 'Acme'), list);
    expect(one?.id).not.toBe(other?.id);
  });
});

describe('the store', () => {
  const org = orgScope('charity', 'Hope Trust');

  test('the list’s answers win over the organisation’s', async () => {
    const list = (await listScope(org, ['sam@example.org']))!;
    let store = withAnswer({}, org, 'consent', NO, NOW);
    store = withAnswer(store, list, 'consent', YES, NOW);
    expect(answersFor(store, [org]).consent?.value).toBe('no');
    expect(answersFor(store, [org, list]).consent?.value).toBe('yes');
  });

  test('`promotes` belongs to one draft and is never remembered, even from storage', () => {
    expect(withAnswer({}, org, 'promotes', YES, NOW)).toEqual({});
    const raw = { [org.id]: { kind: 'org', at: NOW, answers: { promotes: YES, consent: YES } } };
    expect(Object.keys(parseStore(raw)[org.id]?.answers ?? {})).toEqual(['consent']);
  });

  test('removing the last answer removes the scope; junk in storage is dropped', () => {
    const store = withAnswer({}, org, 'consent', YES, NOW);
    expect(withAnswer(store, org, 'consent', null, NOW)).toEqual({});
    expect(
      parseStore({
        x: { kind: 'other', at: NOW, answers: {} },
        y: 3,
        z: { kind: 'org', at: NOW, answers: { a: 1 } },
      }),
    ).toEqual({
      z: { kind: 'org', at: NOW, answers: {} },
    });
    expect(parseStore('junk')).toEqual({});
  });

  test('at most MAX_SCOPES scopes: the least recently used go first', () => {
    let store = {};
    for (let i = 0; i <= MAX_SCOPES; i++)
      store = withAnswer(
        store,
        orgScope('charity', `org ${i}`),
        'consent',
        YES,
        new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      );
    expect(Object.keys(store)).toHaveLength(MAX_SCOPES);
    expect(Object.keys(store)).not.toContain(orgScope('charity', 'org 0').id);
  });
});
