/**
 * A --jsonl worker thread (bundled to bin/lib/jsonl-worker.mjs): loads the core once, says it is ready, then turns
 * each batch of lines into output lines, in order. See jsonl-pool.ts for the main thread's side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ContextInput, createChecker } from '../core/index.ts';
import { checkJsonlLine } from './jsonl.ts';
import type { FromWorker, ToWorker } from './jsonl-pool.ts';
import { WARM_UP } from './warm-up.ts';

const port = parentPort;
if (!port) throw new Error('jsonl-worker runs as a worker thread');
const base = (workerData as { base: ContextInput }).base;
const checker = createChecker();
// Compile the lexicons and run the tagger once before taking lines, so "ready" means fast.
checker.check(WARM_UP);

port.on('message', ({ lines }: ToWorker) => {
  const results = lines.map(({ seq, text }) => ({ seq, ...checkJsonlLine(text, checker, base) }));
  port.postMessage({ results } satisfies FromWorker);
});
port.postMessage({ ready: true } satisfies FromWorker);
