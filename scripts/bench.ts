/**
 * npm run bench: speed figures for the core (printed, never asserted).
 * For drafts of 100, 1,000, 10,000 and 50,000 words:
 *  - first check: a fresh checker (empty cache) on the whole draft;
 *  - bare parse: compromise's nlp() on the same text (subject and body), the floor any compromise-based check pays;
 *  - ratio first check / bare parse (target ≤ 1.3);
 *  - re-check after a one-word edit in the middle of the draft, with a warm cache (target ≤ 10 ms median at 10,000 words).
 * Drafts are generated email prose with every sentence made unique, so the cache gets no free hits.
 */
import nlp from 'compromise';
import { createChecker } from '../src/core/index.ts';

const PARAGRAPHS = [
  'Thank you for joining us at the community open day on {d} {m}. We counted {n} visitors and the feedback has been really encouraging. Please send any photos to the events team by Friday {d}.',
  'This winter, {n} families in our area face a choice between heating and eating. Just £{a} could provide a warm meal and a blanket. Please donate today and Gift Aid your gift so it goes further.',
  'Our spring sale starts on {d} {m}, with up to {a}% off garden furniture and free delivery on orders over £{n}. Shop now while stocks last.',
  'Your garden waste collection will move from Tuesday to Wednesday from {d} {m}. No action is needed. Bins should be out by 7am on collection day, and crews will finish by {a}pm.',
  'The quarterly report for project {n} is attached. Could you review section {a} before the meeting on {d} {m}? I think the budget figures need another look.',
  'Sign our petition to keep the library on Station Road open. {n} people have already added their name, and we will hand it to the council on {d} {m}.',
  'Your order {n}-{a} has been dispatched and should arrive within {d} working days. You can track your parcel with the reference on your receipt.',
  'Members can book a place on the new fitness class at the leisure centre from {d} {m}. Sessions cost £{a} and spaces are limited, so book early.',
  'We are upgrading the case management system on {d} {m}. The service will be unavailable between {a}pm and {n}pm. Please save your work before then.',
  'Write to your MP today and ask them to support the clean rivers bill. It takes two minutes and {n} supporters have already done it since {d} {m}.',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
];

function makeDraft(words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length]!.replaceAll('{n}', String(100 + i * 7))
      .replaceAll('{a}', String(2 + (i % 40)))
      .replaceAll('{d}', String(1 + (i % 28)))
      .replaceAll('{m}', MONTHS[Math.floor(i / 10) % 10]!);
    // Make every sentence unique even when the template repeats.
    const unique = p.replace(/\. /g, `. In note ${i}, `);
    out.push(unique);
    count += unique.split(/\s+/).length;
  }
  return out.join('\n\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,50000').split(',').map(Number);
const rows: string[] = [];
createChecker().check({ body: 'warm up the tagger and lexicons' });
for (let i = 0; i < 3; i++) nlp('warm up compromise itself with a sentence or two. And another.');

for (const words of SIZES) {
  const body = makeDraft(words);
  const runs = words >= 50_000 ? 3 : words >= 10_000 ? 7 : 41;
  const first: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < runs; r++) {
    bare.push(
      time(() => {
        nlp('Update');
        nlp(body);
      }),
    );
    first.push(time(() => createChecker().check({ subject: 'Update', body })));
  }
  // Re-check after a one-word edit: a warm checker, then change one word near the middle each time.
  const checker = createChecker();
  checker.check({ subject: 'Update', body });
  const mid = Math.floor(body.length / 2);
  const at = body.indexOf(' ', mid);
  const edits: number[] = [];
  for (let r = 0; r < 21; r++) {
    const edited = `${body.slice(0, at)} word${r}${body.slice(at)}`;
    edits.push(time(() => checker.check({ subject: 'Update', body: edited })));
  }
  const ratio = median(first) / median(bare);
  rows.push(
    `| ${words.toLocaleString('en-GB')} | ${median(first).toFixed(1)} | ${median(bare).toFixed(1)} | ${ratio.toFixed(2)} | ${median(edits).toFixed(2)} | ${Math.max(...edits).toFixed(2)} |`,
  );
  console.error(`done ${words} words`);
}

console.log(
  [
    '| words | first check (ms, median) | bare compromise parse (ms, median) | ratio | re-check after 1-word edit (ms, median) | re-check max (ms) |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
