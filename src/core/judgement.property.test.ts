/**
 * Properties every verdict must have, checked over real drafts: the training scenarios, the everyday drafts
 * (src/data/evaluation) and, where ../shared/corpus is present, a fixed sample of the dev and uk_dev corpora.
 *
 * - Verdicts hold together: "yes" and "likely" always have evidence behind them.
 * - Length is not evidence: the same draft repeated k times reads the same (marketing, unclear or not marketing,
 *   and the same purpose); a service paragraph appended never turns marketing into service or service into
 *   marketing.
 * - "Unclear" is never a dead end: it always carries a question whose answer changes the verdict, and no question
 *   is offered whose every answer leaves the verdict as it is.
 * - No charity-only answers for other senders.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { summary } from '../i18n/test-words.ts';
import { segmentBody } from './draft/segment.ts';
import { type ContextInput, createChecker, type DraftInput, type Verdict } from './index.ts';
import { loadScenarios } from './scenario.ts';

interface Item {
  id: string;
  draft: DraftInput;
  context: ContextInput;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

function jsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const channelOf = (o: Record<string, unknown>) => (o.channel === 'sms' ? 'sms' : 'email') as 'sms' | 'email';

const scenarioItems: Item[] = loadScenarios().map((s) => ({
  id: s.id,
  draft: { subject: s.subject, body: s.body, channel: s.channel },
  context: { channel: s.channel, ...s.context },
}));

const everydayItems: Item[] = jsonl(path.join(ROOT, 'src/data/evaluation/everyday.jsonl')).map((o) => ({
  id: String(o.id),
  draft: { subject: String(o.subject), body: String(o.body), channel: channelOf(o) },
  context: { sender: o.sender as ContextInput['sender'], channel: channelOf(o) },
}));

/** Every 8th item of each corpus that is present beside the checkout: a fixed, varied sample. */
function corpusSample(): Item[] {
  const out: Item[] = [];
  for (const name of ['dev.jsonl', 'uk_dev.jsonl']) {
    const file = path.resolve(ROOT, '../shared/corpus', name);
    if (!existsSync(file)) continue;
    jsonl(file).forEach((o, i) => {
      if (i % 8 !== 0) return;
      out.push({
        id: String(o.id),
        draft: { subject: String(o.subject ?? ''), body: String(o.body), channel: channelOf(o) },
        context: (o.context as ContextInput | undefined) ?? { channel: channelOf(o) },
      });
    });
  }
  return out;
}

const checker = createChecker();
const run = (item: Item, extra: ContextInput = {}, body = item.draft.body): Verdict =>
  checker.check({ ...item.draft, body }, { ...item.context, ...extra });

const isMarketing = (v: Verdict) => v.directMarketing === 'yes' || v.directMarketing === 'likely';
const isService = (v: Verdict) => v.directMarketing === 'unlikely' || v.directMarketing === 'no';
/** What the badge says: marketing (yes, likely), unclear, or not marketing (unlikely, no). */
const verdictClass = (v: Verdict) => (isMarketing(v) ? 'marketing' : isService(v) ? 'service' : 'unclear');

const SERVICE_PARAGRAPH =
  'Our offices will be closed on Monday 25 August for the bank holiday. Normal opening hours resume on Tuesday at 9am.';

const sets: [string, Item[]][] = [
  ['scenarios', scenarioItems],
  ['everyday drafts', everydayItems],
];
const sample = corpusSample();
if (sample.length) sets.push(['corpus sample', sample]);

describe.each(sets)('%s', (_name, items) => {
  test('"yes" and "likely" always have evidence for their purpose', () => {
    for (const item of items) {
      const v = run(item);
      if (!isMarketing(v)) continue;
      expect(
        v.evidence.some((e) => e.purpose !== 'none'),
        item.id,
      ).toBe(true);
    }
  });

  test('the draft repeated 2, 3 and 5 times gets the same verdict', () => {
    for (const item of items) {
      const once = run(item);
      // The text the writer wrote is repeated; its signature and any quoted history stay once, at the end, as in
      // a real long draft.
      const seg = segmentBody(item.draft.body);
      const end = seg.judged.length ? seg.judged[seg.judged.length - 1]!.end : item.draft.body.length;
      const text = item.draft.body.slice(0, end).trimEnd();
      const tail = item.draft.body.slice(end);
      for (const k of [2, 3, 5]) {
        const body = `${Array.from({ length: k }, () => text).join('\n\n')}${tail}`;
        const v = run(item, {}, body);
        expect([verdictClass(v), v.primaryPurpose], `${item.id} ×${k}`).toEqual([
          verdictClass(once),
          once.primaryPurpose,
        ]);
      }
    }
  });

  test('a service paragraph appended never turns marketing into service or service into marketing', () => {
    for (const item of items) {
      const before = run(item);
      const after = run(item, {}, `${item.draft.body}\n\n${SERVICE_PARAGRAPH}`);
      if (isMarketing(before)) expect(isMarketing(after), item.id).toBe(true);
      if (isService(before)) expect(isMarketing(after), item.id).toBe(false);
    }
  });

  test('an unclear verdict always offers a question whose answer settles it', () => {
    for (const item of items) {
      const v = run(item);
      if (v.directMarketing !== 'unclear') continue;
      expect(v.questions.length, item.id).toBeGreaterThan(0);
      const settles = v.questions.some((q) =>
        q.options.some((o) => {
          const answered = run(item, { [q.field]: o.value });
          return answered.directMarketing !== 'unclear' || answered.route !== 'unclear';
        }),
      );
      expect(settles, item.id).toBe(true);
    }
  });

  test('every question offered has an answer that changes the verdict (alone, or with one other answer)', () => {
    const differ = (a: Verdict, b: Verdict) =>
      a.directMarketing !== b.directMarketing || a.route !== b.route || summary(a) !== summary(b);
    for (const item of items) {
      const v = run(item);
      // Answers that matter only together (a relationship and the soft opt-in conditions) count too.
      const partners: ContextInput[] = [
        {},
        ...v.questions.flatMap((p) => p.options.map((o) => ({ [p.field]: o.value }) as ContextInput)),
      ];
      for (const q of v.questions) {
        const changes = q.options.some((o) =>
          partners.some((partner) => {
            if (q.field in partner) return false;
            return differ(run(item, { ...partner, [q.field]: o.value }), run(item, partner));
          }),
        );
        expect(changes, `${item.id}: ${q.field}`).toBe(true);
      }
    }
  });

  test('no charity-only answers for senders that are not charities', () => {
    for (const item of items) {
      const sender = item.context.sender;
      if (!sender || sender === 'charity' || sender === 'unknown') continue;
      for (const q of run(item).questions) {
        expect(
          q.options.map((o) => o.value),
          item.id,
        ).not.toContain('supporter');
        expect(q.variant, item.id).not.toBe('charity');
      }
    }
  });
});
