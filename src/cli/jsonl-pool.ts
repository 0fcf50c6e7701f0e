/**
 * --jsonl over worker threads: lines are checked in parallel and written in input order, in bounded memory.
 *
 * - `jobs` lines are checked at once: one in the main thread, the others on `jobs - 1` worker threads. The main
 *   thread checks too because it is the quickest to start (from the startup snapshot) and would otherwise wait.
 * - A small input is checked in the main thread alone: workers start only when more work is queued than the main
 *   thread would finish quickly (each takes a second or so to load the classifier).
 * - Lines go to workers in batches (fewer messages for short lines), at most two batches per worker in flight.
 * - Reading stops while too many lines (or bytes) are read but not yet written, so a slow reader of the output or
 *   a huge input never grows memory without bound.
 * - A worker that dies (out of memory, a crash) takes no line down with another: its unfinished lines are checked
 *   again one at a time, and only a line that stops a worker on its own gets an error line. The rest go on.
 *
 * The pool knows nothing of verdicts: it moves text to `checkHere` or to workers and output lines back.
 */
import type { JsonlOutput } from './jsonl.ts';

/** A line to check, as the main thread sends it to a worker. */
export interface LineJob {
  seq: number;
  text: string;
}
export type ToWorker = { lines: LineJob[] };
export type FromWorker = { ready: true } | { results: ({ seq: number } & JsonlOutput)[] };

/** What the pool needs of a worker thread: node's Worker has it; tests pass fakes. */
export interface PoolWorker {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<unknown>;
}

/** An input item: a line to check, or an output already known (a line too long to read). */
export type PoolItem = { text: string } | JsonlOutput;

export interface PoolOptions {
  /** Lines checked at once: the main thread and up to `jobs - 1` worker threads (1: the main thread alone). */
  jobs: number;
  createWorker: () => PoolWorker;
  /** Checks one line in the main thread. */
  checkHere: (text: string) => JsonlOutput;
  /** Writes output, resolving when the stream can take more. */
  write: (text: string) => Promise<void>;
  /** A one-off note for stderr (workers could not start, so the main thread does the work). */
  warn?: (message: string) => void;
  limits?: Partial<PoolLimits>;
}

export interface PoolLimits {
  /**
   * Start workers when the lines waiting would keep the main thread busy this long (ms), at its own pace, or when
   * it has been busy this long and the input goes on: a worker takes about as long to load and warm up.
   */
  startAfterMs: number;
  /** The main thread's pace until it has checked two lines (ms per character; the first line runs cold). */
  msPerChar: number;
  /** Lines read but not yet written, per job. */
  linesPerWorker: number;
  /** Characters read but not yet written (one line is always let in, whatever its size). */
  maxChars: number;
  /**
   * A batch for a worker: up to this many lines and characters (about 100 ms of checking), so short lines cost few
   * messages and long ones still spread evenly over the workers to the end of the input.
   */
  batchLines: number;
  batchChars: number;
  /** Workers that may die before the pool stops starting new ones. */
  maxCrashes: number;
}

export const DEFAULT_LIMITS: PoolLimits = {
  startAfterMs: 1000,
  msPerChar: 0.01,
  linesPerWorker: 64,
  maxChars: 64 * 1024 * 1024,
  batchLines: 32,
  batchChars: 16 * 1024,
  maxCrashes: 8,
};

interface Job extends LineJob {
  chars: number;
  /** Was in flight on a worker that died: now checked on its own. */
  isolated: boolean;
}

interface Slot {
  worker: PoolWorker;
  ready: boolean;
  stopping: boolean;
  /** Batches sent and not answered, oldest first (a worker answers in order). */
  inflight: Job[][];
  lastError?: string;
}

export interface PoolStats {
  /** Lines checked in the main thread, and by workers. */
  here: number;
  workers: number;
  /** Workers started, and those that died. */
  started: number;
  crashed: number;
}

const errorLine = (error: string): JsonlOutput => ({
  line: `${JSON.stringify({ id: null, error })}\n`,
  failed: true,
});

/** Runs every item through; `failed` is true when some output line reports an error. */
export async function runPool(
  source: AsyncIterable<PoolItem>,
  options: PoolOptions,
): Promise<{ failed: boolean; stats: PoolStats }> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const stats: PoolStats = { here: 0, workers: 0, started: 0, crashed: 0 };
  const queue: Job[] = [];
  const done = new Map<number, JsonlOutput>();
  const sizes = new Map<number, number>();
  const slots: Slot[] = [];
  let nextSeq = 0;
  let nextWrite = 0;
  let bufferedChars = 0;
  let queuedChars = 0;
  let inputDone = false;
  let failed = false;
  let hereMs = 0;
  /** The main thread's pace on its last line (ms per character), from its second line on. */
  let herePace = limits.msPerChar;
  let hereScheduled = false;
  const maxWorkers = Math.max(0, options.jobs - 1);
  let workersAllowed = maxWorkers > 0;
  let anyReady = false;
  let fatal: { error: unknown } | undefined;

  // One signal for every wait: something was read, checked, written or failed.
  let waiters: (() => void)[] = [];
  const notify = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));

  const maxLines = limits.linesPerWorker * Math.max(1, options.jobs);
  /** The main thread checks lines no worker has held (a line a dying worker held is checked on a worker, alone). */
  const nextForHere = () => queue.findIndex((job) => !job.isolated);
  const unwritten = () => nextSeq - nextWrite;
  const hasRoom = () => unwritten() === 0 || (unwritten() < maxLines && bufferedChars < limits.maxChars);
  const readySlots = () => slots.filter((s) => s.ready && !s.stopping);

  const finish = (seq: number, output: JsonlOutput) => {
    done.set(seq, output);
    notify();
  };

  const startWorker = () => {
    let worker: PoolWorker;
    try {
      worker = options.createWorker();
    } catch (error) {
      workerDied(undefined, error instanceof Error ? error.message : String(error));
      return;
    }
    const slot: Slot = { worker, ready: false, stopping: false, inflight: [] };
    slots.push(slot);
    stats.started++;
    worker.on('message', (message) => {
      if ('ready' in message) {
        slot.ready = true;
        anyReady = true;
      } else {
        slot.inflight.shift();
        for (const r of message.results) {
          stats.workers++;
          finish(r.seq, { line: r.line, failed: r.failed });
        }
      }
      dispatch();
    });
    worker.on('error', (error) => {
      slot.lastError = error.message;
    });
    worker.on('exit', (code) => {
      if (slot.stopping) return;
      slots.splice(slots.indexOf(slot), 1);
      workerDied(slot, slot.lastError ?? `exit code ${code}`);
    });
  };

  const workerDied = (slot: Slot | undefined, why: string) => {
    stats.crashed++;
    const reason = why.slice(0, 200);
    const again: Job[] = [];
    for (const job of slot?.inflight.flat() ?? []) {
      if (job.isolated) {
        finish(job.seq, errorLine(`internal error: checking this line stopped a worker thread (${reason})`));
      } else {
        again.push({ ...job, isolated: true });
      }
    }
    queue.unshift(...again);
    for (const job of again) queuedChars += job.chars;
    const neverStarted = !anyReady && (slot === undefined || !slot.ready);
    if (workersAllowed && (neverStarted || stats.crashed > limits.maxCrashes)) {
      // Workers cannot start here, or keep dying: the main thread does the rest.
      options.warn?.(`worker threads stopped (${reason}); checking in the main thread`);
      workersAllowed = false;
    } else if (workersAllowed) {
      startWorker();
    }
    dispatch();
  };

  const takeBatch = (): Job[] => {
    const batch = [queue.shift()!];
    let chars = batch[0]!.chars;
    while (!batch[0]!.isolated && queue.length > 0 && batch.length < limits.batchLines) {
      const next = queue[0]!;
      if (next.isolated || chars + next.chars > limits.batchChars) break;
      batch.push(queue.shift()!);
      chars += next.chars;
    }
    queuedChars -= chars;
    return batch;
  };

  const maybeStartWorkers = () => {
    if (!workersAllowed || slots.length > 0 || queue.length === 0) return;
    const waiting = queuedChars * herePace;
    if (waiting >= limits.startAfterMs || (!inputDone && hereMs >= limits.startAfterMs)) {
      for (let i = 0; i < maxWorkers && workersAllowed; i++) startWorker();
    }
  };

  const dispatch = () => {
    const ready = readySlots();
    for (const slot of ready) {
      // A line checked on its own is alone on its worker, so a death then is its own.
      const alone = () =>
        slot.inflight.some((b) => b[0]!.isolated) || (queue[0]!.isolated && slot.inflight.length > 0);
      while (queue.length > 0 && slot.inflight.length < 2 && !alone()) {
        const batch = takeBatch();
        slot.inflight.push(batch);
        slot.worker.postMessage({ lines: batch.map(({ seq, text }) => ({ seq, text })) });
      }
    }
    maybeStartWorkers();
    // Lines that stopped a worker, with no worker left to check them alone: error lines.
    if (!workersAllowed && slots.length === 0) {
      for (
        let i = queue.findIndex((job) => job.isolated);
        i >= 0;
        i = queue.findIndex((job) => job.isolated)
      ) {
        const [job] = queue.splice(i, 1);
        queuedChars -= job!.chars;
        finish(job!.seq, errorLine('internal error: checking this line stopped a worker thread'));
      }
    }
    if (!hereScheduled && nextForHere() >= 0) {
      hereScheduled = true;
      setImmediate(checkOneHere);
    }
  };

  const checkOneHere = () => {
    hereScheduled = false;
    const index = nextForHere();
    if (index < 0) return;
    const [job] = queue.splice(index, 1) as [Job];
    queuedChars -= job.chars;
    const started = performance.now();
    try {
      finish(job.seq, options.checkHere(job.text));
    } catch (error) {
      fatal = { error };
      notify();
      return;
    }
    const ms = performance.now() - started;
    if (stats.here > 0) herePace = ms / Math.max(job.chars, 1);
    stats.here++;
    hereMs += ms;
    dispatch();
  };

  const reader = async () => {
    for await (const item of source) {
      while (!hasRoom() && fatal === undefined) await changed();
      if (fatal !== undefined) return;
      const seq = nextSeq++;
      if ('text' in item) {
        const chars = item.text.length;
        sizes.set(seq, chars);
        bufferedChars += chars;
        queuedChars += chars;
        queue.push({ seq, text: item.text, chars, isolated: false });
        dispatch();
      } else {
        finish(seq, item);
      }
    }
    inputDone = true;
    dispatch();
    notify();
  };

  const writer = async () => {
    for (;;) {
      if (fatal !== undefined) throw fatal.error;
      const output = done.get(nextWrite);
      if (output !== undefined) {
        done.delete(nextWrite);
        bufferedChars -= sizes.get(nextWrite) ?? 0;
        sizes.delete(nextWrite);
        nextWrite++;
        if (output.failed) failed = true;
        await options.write(output.line);
        notify();
        continue;
      }
      if (inputDone && nextWrite === nextSeq) return;
      await changed();
    }
  };

  const reading = reader().catch((error: unknown) => {
    fatal = { error };
    notify();
  });
  try {
    await writer();
    await reading;
  } finally {
    // After a failure the reader stops at its next line (it is not waited for: stdin may never end).
    fatal ??= { error: new Error('stopped') };
    notify();
    for (const slot of slots) slot.stopping = true;
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }
  return { failed, stats };
}
