/**
 * npm run bench:text: the core on hostile text (printed, never asserted). compromise's sentence splitter is
 * quadratic on runs of sentence marks and on long stretches of non-sentence chunks ("A. A. A."); src/core/nlp/nlp.ts
 * bounds both (issue 11, fault 8). For each kind of text, a fresh checker's first check, median of 3, in ms, at
 * 40,000 and 400,000 characters (the most a draft is judged on).
 */
import { createChecker } from '../src/core/index.ts';

const KINDS: [string, string][] = [
  ['"!" run', '!'],
  ['"." run', '.'],
  ['"?" run', '?'],
  ['"。" run', '\u3002'],
  ['"!!! " repeated', '!!! '],
  ['"A. " repeated', 'A. '],
  [
    'ordinary prose (repeated, so cached)',
    'Thank you for coming to the open day. We counted many visitors. ',
  ],
];
const SIZES = [40_000, 400_000];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// Warm up: the first check compiles compromise and the lexicons.
createChecker().check({ subject: '', body: 'Warm up. Please donate today.' });
console.log('| text | 40,000 chars | 400,000 chars |');
console.log('|---|---|---|');
for (const [name, unit] of KINDS) {
  const cells: string[] = [];
  for (const size of SIZES) {
    const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const checker = createChecker();
      const t = performance.now();
      checker.check({ subject: 'Hello', body });
      times.push(performance.now() - t);
    }
    cells.push(median(times).toFixed(0));
  }
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
