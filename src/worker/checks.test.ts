/**
 * The worker's checks (CheckerPool) give exactly the verdicts (and the training page's walkthroughs) the in-page
 * checker gives, after the trip through structured cloning that a MessagePort makes, on every bundled scenario and
 * evaluation draft, with their contexts;
 * answers that do not fit are dropped as the page drops them; each composer has its own checker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as core from '../core/index.ts';
import { loadScenarios } from '../core/scenario.ts';
import { CheckerPool } from './checks.ts';
import type { ToWorker } from './protocol.ts';

type Check = Extract<ToWorker, { type: 'check' }>;
interface Sample {
  input: core.DraftInput;
  context: core.ContextInput;
}

const scenarios: Sample[] = loadScenarios().map((s) => ({
  input: { subject: s.subject, body: s.body, channel: s.channel },
  context: { ...s.context, channel: s.channel } as core.ContextInput,
}));
const everyday: Sample[] = readFileSync(
  path.resolve(import.meta.dirname, '../data/evaluation/everyday.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { sender: string; channel: 'email' | 'sms'; subject?: string; body: string })
  .map((d) => ({
    input: { subject: d.subject ?? '', body: d.body },
    context: { sender: d.sender, channel: d.channel } as core.ContextInput,
  }));

const message = (session: number, draft: Sample, answers = {}): Check => ({
  type: 'check',
  id: 1,
  session,
  input: draft.input,
  context: draft.context,
  answers,
});

describe('CheckerPool (the checking worker)', () => {
  // About 190 drafts checked twice: seconds on a quiet machine, over a minute beside the browser tests on a loaded
  // two-core CI; the timeout is a hang guard only (speed is in `npm run bench`).
  test('gives the in-page checker’s verdicts, unchanged by structured cloning', { timeout: 180_000 }, () => {
    const drafts = [...scenarios, ...everyday];
    expect(drafts.length).toBeGreaterThan(100);
    const pool = new CheckerPool(core);
    const inPage = core.createChecker();
    for (const d of drafts) {
      const viaWorker = structuredClone(pool.check(message(1, d)));
      expect(viaWorker).toEqual(inPage.check(d.input, d.context));
    }
  });

  test('a re-check after an edit (cached sentences) equals a fresh check', () => {
    const pool = new CheckerPool(core);
    const d = everyday[0]!;
    pool.check(message(7, d));
    const edited = { ...d, input: { ...d.input, body: `${d.input.body}\n\nPlease donate £5 today.` } };
    expect(pool.check(message(7, edited))).toEqual(core.createChecker().check(edited.input, edited.context));
  });

  test('answers apply; an answer that does not fit is dropped, not fatal', () => {
    const pool = new CheckerPool(core);
    const d = scenarios[0]!;
    const bad = pool.check(message(1, d, { sender: 'not-a-sender-type' }));
    expect(bad).toEqual(core.createChecker().check(d.input, d.context));
    const good = pool.check(message(1, d, { relationship: 'customer' }));
    expect(good).toEqual(core.createChecker().check(d.input, { ...d.context, relationship: 'customer' }));
  });

  test('the training page’s walkthrough equals the in-page explain, after structured cloning', () => {
    const pool = new CheckerPool(core);
    const inPage = core.createChecker();
    for (const d of scenarios) {
      const walk = structuredClone(pool.explain({ type: 'explain', id: 1, session: 1, ...d }));
      expect(walk).toEqual(inPage.explain(d.input, d.context));
    }
  });

  test('one checker per composer; a dropped composer’s checker is freed', () => {
    const pool = new CheckerPool(core);
    pool.check(message(1, everyday[0]!));
    pool.check(message(2, everyday[1]!));
    pool.check(message(1, everyday[2]!));
    expect(pool.size).toBe(2);
    pool.drop(1);
    expect(pool.size).toBe(1);
  });
});
