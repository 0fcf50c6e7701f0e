import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { JsonlOutput } from './jsonl.ts';
import {
  type FromWorker,
  type PoolItem,
  type PoolLimits,
  type PoolWorker,
  runPool,
  type ToWorker,
} from './jsonl-pool.ts';

/** The "check" every fake uses: the output names the text and who checked it; text "bad" is an error line. */
const check = (text: string, by: string): JsonlOutput => ({
  line: `${JSON.stringify({ text, by })}\n`,
  failed: text.startsWith('bad'),
});

interface FakeOptions {
  /** Milliseconds before "ready". */
  readyAfter?: number;
  /** Milliseconds per batch answer (a function: different per batch, so answers can overtake each other). */
  delay?: (batch: number) => number;
  /** The worker dies (as if out of memory) when a batch holds this text. */
  dieOn?: string;
  /** The worker dies before it is ready. */
  failToStart?: boolean;
}

class FakeWorker extends EventEmitter implements PoolWorker {
  batches = 0;
  stopped = false;
  constructor(
    readonly name: string,
    readonly options: FakeOptions,
  ) {
    super();
    setTimeout(() => {
      if (options.failToStart) {
        this.emit('error', new Error('Cannot find module jsonl-worker.mjs'));
        this.emit('exit', 1);
      } else if (!this.stopped) this.emit('message', { ready: true } satisfies FromWorker);
    }, options.readyAfter ?? 1);
  }
  postMessage({ lines }: ToWorker): void {
    const batch = this.batches++;
    setTimeout(() => {
      if (this.stopped) return;
      if (this.options.dieOn !== undefined && lines.some((l) => l.text === this.options.dieOn)) {
        this.stopped = true;
        this.emit(
          'error',
          new Error('Worker terminated due to reaching memory limit: JS heap out of memory'),
        );
        this.emit('exit', 1);
        return;
      }
      const results = lines.map(({ seq, text }) => ({ seq, ...check(text, this.name) }));
      this.emit('message', { results } satisfies FromWorker);
    }, this.options.delay?.(batch) ?? 1);
  }
  terminate(): Promise<number> {
    this.stopped = true;
    return Promise.resolve(0);
  }
}

async function* items(texts: string[], read?: number[]): AsyncGenerator<PoolItem> {
  for (const text of texts) {
    read?.push(1);
    yield { text };
  }
}

async function run(
  texts: string[],
  options: {
    jobs?: number;
    fake?: FakeOptions | ((n: number) => FakeOptions);
    limits?: Partial<PoolLimits>;
    write?: (text: string) => Promise<void>;
    source?: AsyncIterable<PoolItem>;
  } = {},
) {
  const out: { text: string; by: string }[] = [];
  const warnings: string[] = [];
  const workers: FakeWorker[] = [];
  const result = await runPool(options.source ?? items(texts), {
    jobs: options.jobs ?? 2,
    createWorker: () => {
      const fake = typeof options.fake === 'function' ? options.fake(workers.length) : (options.fake ?? {});
      const w = new FakeWorker(`worker${workers.length}`, fake);
      workers.push(w);
      return w;
    },
    checkHere: (text) => check(text, 'main'),
    write: async (text) => {
      await options.write?.(text);
      out.push(JSON.parse(text));
    },
    warn: (text) => warnings.push(text),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return { ...result, out, warnings, workers };
}

/** The first two lines at once, the rest once the workers (ready after 5 ms) had time to start. */
async function* lateItems(input: string[]): AsyncGenerator<PoolItem> {
  for (const [i, text] of input.entries()) {
    if (i === 2) await new Promise((resolve) => setTimeout(resolve, 30));
    yield { text };
  }
}

const texts = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);
/** Start workers at once (any waiting line is enough work), as a big input would. */
const eager: Partial<PoolLimits> = { startAfterMs: 0, batchLines: 4 };

describe('runPool', () => {
  it('a small input is checked in the main thread: no worker starts', async () => {
    const r = await run(texts(5));
    expect(r.out.map((o) => o.text)).toEqual(texts(5));
    expect(r.out.every((o) => o.by === 'main')).toBe(true);
    expect(r.stats).toMatchObject({ here: 5, workers: 0, started: 0 });
    expect(r.failed).toBe(false);
  });

  it('with work waiting, workers start; output keeps input order when their answers overtake each other', async () => {
    // Worker 0 answers slowly and worker 1 fast, alternating per batch, so later lines often finish first.
    const r = await run([], {
      jobs: 3,
      source: lateItems(texts(300)),
      limits: eager,
      fake: (n) => ({ readyAfter: 5, delay: (batch) => (n === 0 ? 8 : 1) + (batch % 3) * 3 }),
    });
    expect(r.out.map((o) => o.text)).toEqual(texts(300));
    expect(r.stats.started).toBe(2);
    expect(new Set(r.out.map((o) => o.by))).toEqual(new Set(['main', 'worker0', 'worker1']));
    expect(r.stats.here + r.stats.workers).toBe(300);
    expect(r.workers.every((w) => w.stopped)).toBe(true);
  });

  it('the main thread keeps checking beside the workers', async () => {
    const r = await run([], { source: lateItems(texts(200)), limits: eager, fake: { readyAfter: 5 } });
    const firstWorker = r.out.findIndex((o) => o.by !== 'main');
    expect(firstWorker).toBeGreaterThanOrEqual(0);
    expect(r.out.slice(firstWorker).some((o) => o.by === 'main')).toBe(true);
    expect(r.stats.started).toBe(1);
  });

  it('--jobs 1 never starts a worker', async () => {
    const r = await run(texts(100), { jobs: 1, limits: eager });
    expect(r.stats).toMatchObject({ here: 100, started: 0 });
  });

  it('error lines count as failed and stay in their place', async () => {
    const input = ['a', 'bad 1', 'b', 'bad 2', 'c'];
    const r = await run(input);
    expect(r.out.map((o) => o.text)).toEqual(input);
    expect(r.failed).toBe(true);
  });

  it('a line that kills a worker gets an error line; the lines in flight with it are checked again and pass', async () => {
    const input = texts(120);
    // The first line after the workers are ready goes to a worker before the main thread can take it.
    input[2] = 'poison';
    const r = await run([], {
      jobs: 3,
      source: lateItems(input),
      limits: { ...eager, batchLines: 8 },
      fake: { dieOn: 'poison', readyAfter: 5 },
    });
    expect(r.out).toHaveLength(120);
    const lines = r.out.map((o) => o as unknown as Record<string, string>);
    expect(lines.map((o, i) => (i === 2 ? 'poison' : o.text))).toEqual(input);
    expect(lines[2]).toEqual({
      id: null,
      error: expect.stringMatching(
        /^internal error: checking this line stopped a worker thread \(Worker terminated .*memory limit/,
      ),
    });
    expect(lines.filter((o) => 'error' in o)).toHaveLength(1);
    expect(r.failed).toBe(true);
    // The line held with it was retried; a replacement worker was started for each that died.
    expect(r.stats.crashed).toBeGreaterThanOrEqual(2);
    expect(r.stats.started).toBe(2 + r.stats.crashed);
  });

  it('workers that cannot start: one warning, and the main thread checks everything', async () => {
    // The input waits after two lines, so the workers' failure (1 ms after they start) always comes before its end:
    // with all 100 at once, the main thread could finish first on a loaded machine and never hear of it.
    const r = await run([], { source: lateItems(texts(100)), limits: eager, fake: { failToStart: true } });
    expect(r.out.map((o) => o.text)).toEqual(texts(100));
    expect(r.out.every((o) => o.by === 'main')).toBe(true);
    expect(r.warnings).toEqual([expect.stringMatching(/^worker threads stopped \(Cannot find module/)]);
  });

  it('results already known (a line too long to read) keep their place', async () => {
    async function* mixed(): AsyncGenerator<PoolItem> {
      yield { text: 'a' };
      yield { line: '{"id":null,"error":"line 2 is longer than 20 MiB; skipped"}\n', failed: true };
      yield { text: 'c' };
    }
    const r = await run([], { source: mixed() });
    expect(r.out).toEqual([
      { text: 'a', by: 'main' },
      { id: null, error: expect.any(String) },
      { text: 'c', by: 'main' },
    ]);
    expect(r.failed).toBe(true);
  });

  it('a slow reader of the output stops the input being read ahead without bound', async () => {
    const read: number[] = [];
    let written = 0;
    let maxAhead = 0;
    const r = await run([], {
      jobs: 1,
      limits: { ...eager, linesPerWorker: 16 },
      source: items(texts(400), read),
      write: async () => {
        maxAhead = Math.max(maxAhead, read.length - written);
        written++;
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    expect(r.out).toHaveLength(400);
    expect(maxAhead).toBeLessThanOrEqual(17);
  });

  it('a failing input stream ends the run with its error', async () => {
    async function* broken(): AsyncGenerator<PoolItem> {
      yield { text: 'a' };
      throw new Error('stdin went away');
    }
    await expect(run([], { source: broken() })).rejects.toThrow('stdin went away');
  });
});
