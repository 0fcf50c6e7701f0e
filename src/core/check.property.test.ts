/**
 * Properties of check() over generated drafts: never throws, evidence spans in bounds and equal to their
 * text, deterministic, and the per-sentence/paragraph caches never change a verdict.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { words } from '../i18n/test-words.ts';
import { type Checker, createChecker, type DraftInput } from './index.ts';

const WORDS = [
  'donate',
  'today',
  '£5',
  'a',
  'month',
  'Gift',
  'Aid',
  'sign',
  'the',
  'petition',
  'your',
  'order',
  'has',
  'been',
  'dispatched',
  '50%',
  'off',
  'free',
  'delivery',
  'unsubscribe',
  'Reply',
  'STOP',
  'vote',
  'for',
  'us',
  'I',
  'think',
  'meeting',
  'Kind',
  'regards',
  '\n',
  '\n\n',
  '.',
  '!',
  '?',
  '>',
  'On',
  'Mon',
  'wrote:',
  '--',
  'council',
  'tax',
  'é',
  '😀',
  '\u0000',
  '\ud800',
  '\u200b',
  'www.example.org',
  'ann@example.com',
];
const wordy = fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }).map((ws) => ws.join(' '));
const text = fc.oneof(wordy, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }));
const draft: fc.Arbitrary<DraftInput> = fc.record({
  subject: fc.oneof(fc.constant(''), text),
  body: text,
  channel: fc.constantFrom('email' as const, 'sms' as const),
});

function assertWellFormed(d: DraftInput, checker: Checker) {
  const v = checker.check(d);
  for (const e of v.evidence) {
    const source = e.field === 'subject' ? (d.subject ?? '') : d.body;
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(source.length);
    expect(e.end).toBeGreaterThan(e.start);
    expect(source.slice(e.start, e.end)).toBe(e.text);
    expect(words(e).length).toBeGreaterThan(0);
  }
  for (const p of Object.values(v.purposes)) expect(p).toBeGreaterThanOrEqual(0);
  for (const r of v.rules) expect(r.citations.length).toBeGreaterThan(0);
  return v;
}

describe('check() properties', () => {
  test('never throws; evidence is in bounds and matches its text', () => {
    const checker = createChecker();
    fc.assert(
      fc.property(draft, (d) => void assertWellFormed(d, checker)),
      { numRuns: 300 },
    );
  });

  test('deterministic: a warm cache gives the same verdict as a fresh checker', () => {
    const warm = createChecker();
    fc.assert(
      fc.property(draft, draft, (a, b) => {
        warm.check(a);
        expect(warm.check(b)).toEqual(createChecker().check(b));
      }),
      { numRuns: 120 },
    );
  });

  test('an edit re-checked on a warm checker equals a fresh check of the edited draft', () => {
    fc.assert(
      fc.property(wordy, fc.nat(), fc.constantFrom(...WORDS), (body, at, word) => {
        const checker = createChecker();
        checker.check({ body });
        const i = body.length === 0 ? 0 : at % body.length;
        const edited = `${body.slice(0, i)} ${word} ${body.slice(i)}`;
        expect(checker.check({ body: edited })).toEqual(createChecker().check({ body: edited }));
      }),
      { numRuns: 120 },
    );
  });
});

describe('hostile input', () => {
  const checker = createChecker();

  test('a 5 MB body ends with a verdict and says it was truncated', () => {
    const body = 'Please donate today to our winter appeal. '.repeat((5 * 1024 * 1024) / 42);
    const v = checker.check({ body });
    expect(v.directMarketing).toMatch(/yes|likely/);
    expect(v.checks.map((c) => c.id)).toContain('draft-truncated');
  });

  test('binary junk gets a verdict, not a crash', () => {
    let junk = '';
    for (let i = 0; i < 200_000; i++) junk += String.fromCharCode((i * 7919) % 65536);
    const v = assertWellFormed({ body: junk }, checker);
    expect(['yes', 'likely', 'unclear', 'unlikely', 'no']).toContain(v.directMarketing);
  });

  test.each([
    ['5 MB of words with no punctuation', 'word '.repeat(1_000_000)],
    ['5 MB of tabs and symbols', '=\t\t\t\t'.repeat(1_000_000)],
    ['1 MB of one unbroken token', 'x'.repeat(1_000_000)],
  ])('%s ends with a bounded verdict', (_name, body) => {
    const v = checker.check({ body });
    expect(v.checks.map((c) => c.id)).toContain('draft-truncated');
    expect(v.evidence.length).toBeLessThanOrEqual(1_000);
  });

  test('100,000 lines', () => {
    const body = Array.from({ length: 100_000 }, (_, i) => (i % 3 ? '' : `line ${i}`)).join('\n');
    assertWellFormed({ body }, checker);
  });

  test('lone surrogates, zero-width and combining characters keep offsets right', () => {
    const body = 'Donate \ud800 today \u200b! Sign\u0301 the petition \udfff now. 😀 Get 50% off.';
    assertWellFormed({ subject: '\ud83d Offer', body }, checker);
  });

  test('empty and whitespace-only drafts are not marketing', () => {
    for (const body of ['', '   ', '\n\n\n'])
      expect(checker.check({ body }).directMarketing).toMatch(/no|unlikely/);
  });
});
