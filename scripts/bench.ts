/**
 * npm run bench: speed figures for the core (printed, never asserted).
 * For drafts of 100, 1,000, 10,000 and 50,000 words:
 *  - first check: a fresh checker (empty cache) on the whole draft;
 *  - bare parse: compromise's nlp() on the same text (subject and body), the floor any compromise-based check pays;
 *  - ratio first check / bare parse (target ≤ 1.3);
 *  - re-check after a one-word edit in the middle of the draft, with a warm cache (target ≤ 10 ms median at 10,000 words).
 * Drafts are generated email prose with every sentence made unique, so the cache gets no free hits. Each size
 * has untimed warm-up rounds of both the check and the bare parse before the timed ones. BENCH_SIZES picks the sizes
 * and BENCH_RUNS the number of timed runs (BENCH_SIZES=100 BENCH_RUNS=1000 gives a steady-state 100-word figure).
 * The bare parse is compromise's own nlp(); the check parses with `nlpParse`, which skips three of compromise's
 * steps that change no tag (the chunker, term ids, type-ahead; src/core/nlp/nlp.ts), so part of what the check spends on its own work is paid for by that
 * saving. The columns "the check's own parse" and "ratio to it" say how far: the check against nlpParse alone.
 */
import nlp from 'compromise';
import { createChecker } from '../src/core/index.ts';
import { nlpParse } from '../src/core/nlp/nlp.ts';
import { makeDraft } from './bench-drafts.ts';

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
  const runs =
    Number(process.env.BENCH_RUNS) || (words >= 50_000 ? 3 : words >= 10_000 ? 7 : words >= 1_000 ? 41 : 101);
  // Untimed rounds first, the same for both sides, so neither is timed while the JIT is still compiling it.
  const warmUp = words >= 10_000 ? 1 : words >= 1_000 ? 10 : 40;
  const first: number[] = [];
  const bare: number[] = [];
  const own: number[] = [];
  for (let r = -warmUp; r < runs; r++) {
    if (r < 0) {
      nlp(body);
      nlpParse(body);
      createChecker().check({ subject: 'Update', body });
      continue;
    }
    bare.push(
      time(() => {
        nlp('Update');
        nlp(body);
      }),
    );
    own.push(
      time(() => {
        nlpParse('Update');
        nlpParse(body);
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
  const ownRatio = median(first) / median(own);
  rows.push(
    `| ${words.toLocaleString('en-GB')} | ${median(first).toFixed(1)} | ${median(bare).toFixed(1)} | ${ratio.toFixed(2)} | ${median(own).toFixed(1)} | ${ownRatio.toFixed(2)} | ${median(edits).toFixed(2)} | ${Math.max(...edits).toFixed(2)} |`,
  );
  console.error(`done ${words} words`);
}

console.log(
  [
    "| words | first check (ms, median) | bare compromise parse (ms, median) | ratio | the check's own parse (ms, median) | ratio to it | re-check after 1-word edit (ms, median) | re-check max (ms) |",
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
