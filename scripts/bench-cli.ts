/**
 * npm run bench:cli (and part of npm run bench): the command-line tool's speed, printed, never asserted.
 *
 * Start time (wall clock of a whole process, median of BENCH_RUNS runs after 2 warm-ups):
 *  - `node -e 0`: Node's own start, the floor;
 *  - `marketing-check --version` (target ≤ 150 ms);
 *  - `marketing-check FILE` on a 1,000-word draft (target ≤ 500 ms), from the startup snapshot and in-process;
 *  - bare compromise: a fresh process that loads a bundled compromise and parses the same text once.
 * JSONL throughput (words per second over the whole run, start included, median of 3): BENCH_JSONL_WORDS words in
 * drafts of 500 words, one a line, with --jobs 1 (one thread: the main thread alone) and one job per core (the main
 * thread and a worker thread per other core); beside them, compromise's bare parse of the same drafts in one warm
 * thread (what one core can do before any checking).
 *
 * Needs the built command (npm run build:cli). The machine is often shared: read medians, and compare runs made
 * close together.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { makeDraft } from './bench-drafts.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'marketing-check.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const JSONL_WORDS = Number(process.env.BENCH_JSONL_WORDS ?? 100_000);
const cores = availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'mrc-bench-cli-'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

/** Wall-clock milliseconds of one process, which must exit 0. */
function timeRun(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const started = performance.now();
  const r = spawnSync(command, args, {
    input: options.input ?? '',
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
    maxBuffer: 1024 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  }
  return ms;
}

function medianOf(runs: number, fn: () => number): { median: number; min: number } {
  fn();
  fn();
  const times = Array.from({ length: runs }, fn);
  return { median: median(times), min: Math.min(...times) };
}

try {
  // Start time.
  const draft = makeDraft(1000);
  const draftFile = join(work, 'draft-1000.txt');
  writeFileSync(draftFile, `Subject: Update\n\n${draft}\n`);
  const bare = join(work, 'bare-parse.mjs');
  await build({
    stdin: {
      contents:
        "import nlp from 'compromise'; import { readFileSync } from 'node:fs'; nlp(readFileSync(process.argv[2], 'utf8'));",
      resolveDir: root,
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bare,
    logLevel: 'warning',
  });
  const node = process.execPath;
  const start: [string, { median: number; min: number }, string][] = [
    ['`node -e 0` (Node itself)', medianOf(RUNS, () => timeRun(node, ['-e', '0'])), ''],
    ['`marketing-check --version`', medianOf(RUNS, () => timeRun(node, [bin, '--version'])), '≤ 150'],
    [
      `\`marketing-check\` one ${fmt(words(draft))}-word file`,
      medianOf(RUNS, () => timeRun(node, [bin, draftFile])),
      '≤ 500',
    ],
    [
      'the same, in-process (`MARKETING_CHECK_SNAPSHOT=off`)',
      medianOf(Math.max(3, Math.floor(RUNS / 3)), () =>
        timeRun(node, [bin, draftFile], { env: { MARKETING_CHECK_SNAPSHOT: 'off' } }),
      ),
      '',
    ],
    [
      'bare compromise: load it and parse the same text',
      medianOf(Math.max(3, Math.floor(RUNS / 3)), () => timeRun(node, [bare, draftFile])),
      '',
    ],
  ];
  console.log(`\nCLI start (ms, median of ${RUNS} runs; ${cores} cores)\n`);
  console.log('| run | median | fastest | target |\n|---|---|---|---|');
  for (const [name, t, target] of start) {
    console.log(`| ${name} | ${t.median.toFixed(0)} | ${t.min.toFixed(0)} | ${target} |`);
  }

  // JSONL throughput.
  const bodies: string[] = [];
  for (let seed = 1, total = 0; total < JSONL_WORDS; seed++) {
    bodies.push(makeDraft(500, seed));
    total += words(bodies.at(-1)!);
  }
  const totalWords = bodies.reduce((sum, b) => sum + words(b), 0);
  const input = `${bodies.map((body, id) => JSON.stringify({ id, subject: 'Update', body })).join('\n')}\n`;
  const jobs = [...new Set([1, cores])];
  const rows: string[] = [];
  for (const n of jobs) {
    const t = medianOf(3, () => timeRun(node, [bin, '--jsonl', '--jobs', String(n)], { input }));
    const label =
      n === 1 ? 'one thread' : `${n} threads, one per core (main + ${n - 1} worker${n > 2 ? 's' : ''})`;
    rows.push(
      `| \`--jobs ${n}\`: ${label} | ${(t.median / 1000).toFixed(2)} | ${fmt(totalWords / (t.median / 1000))} |`,
    );
    console.error(`done --jobs ${n}`);
  }
  const nlp = (await import('compromise')).default;
  nlp('Warm up compromise with a sentence or two. And another one.');
  const parseTimes = [0, 1, 2].map(() => {
    const t = performance.now();
    for (const body of bodies) {
      nlp('Update');
      nlp(body);
    }
    return performance.now() - t;
  });
  const parseMs = median(parseTimes);
  rows.push(
    `| bare compromise parse, one warm thread (no process start) | ${(parseMs / 1000).toFixed(2)} | ${fmt(totalWords / (parseMs / 1000))} |`,
  );
  console.log(
    `\nJSONL throughput: ${bodies.length} drafts of about 500 words, ${fmt(totalWords)} words (median of 3)\n`,
  );
  console.log('| run | seconds | words per second |\n|---|---|---|');
  for (const row of rows) console.log(row);
} finally {
  rmSync(work, { recursive: true, force: true });
}
