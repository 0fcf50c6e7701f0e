/**
 * The CLI program: argv + streams in, exit status out. engine.ts wires it to the process (main.ts starts it from the
 * startup snapshot or loads it in-process).
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import packageJson from '../../package.json' with { type: 'json' };
import { type Checker, type ContextInput, createChecker, type Verdict } from '../core/index.ts';
import { helpText, PROGRAM, parseArgs, type RunOptions, UsageError, usageLine } from './args.ts';
import { checkJsonlLine, jsonlLines, tooLongOutput } from './jsonl.ts';
import { type PoolItem, type PoolWorker, runPool } from './jsonl-pool.ts';
import { draftFromBytes, InputError, readCapped, readFileBytes } from './read-input.ts';
import { clean, formatReport, useColor } from './report.ts';
import { DEBUG_ENV } from './snapshot-choice.ts';
import { verdictJson } from './verdict-json.ts';

export const VERSION: string = packageJson.version;

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY?: boolean;
  /** --jsonl worker threads; without them, --jsonl checks in this thread only. */
  workers?: Workers;
}

/**
 * The built worker script (bin/lib/jsonl-worker.mjs) and how to load node:worker_threads. Loading is the caller's:
 * the startup snapshot must not hold worker_threads (its state does not survive the snapshot), and the snapshot's
 * process cannot import() while the launcher's modules can.
 */
export interface Workers {
  file: string;
  load: () => Promise<typeof Worker>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Writes and waits for the stream to drain when its buffer is full (so 100,000 outputs stay in bounded memory). */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}

function message(error: unknown): string {
  if (error instanceof InputError) return error.message;
  const text =
    error instanceof Error
      ? `${error.name === 'ContextError' ? '' : 'internal error: '}${error.message}`
      : String(error);
  return clean(text, 300);
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      await write(io.stderr, `${PROGRAM}: ${error.message}\n${error.showUsage ? `${usageLine()}\n` : ''}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (args.mode === 'help') {
    await write(io.stdout, helpText(VERSION));
    return EXIT_OK;
  }
  if (args.mode === 'version') {
    await write(io.stdout, `${VERSION}\n`);
    return EXIT_OK;
  }
  const checker = createChecker();
  return args.jsonl ? runJsonl(args, checker, io) : runFiles(args, checker, io);
}

/** The lines of stdin as pool items: blank lines skipped, a BOM on the first line dropped. */
async function* jsonlItems(stdin: NodeJS.ReadableStream): AsyncGenerator<PoolItem> {
  for await (const line of jsonlLines(stdin as AsyncIterable<unknown>)) {
    if ('tooLong' in line) {
      yield tooLongOutput(line.number);
      continue;
    }
    const text = line.number === 1 && line.text.charCodeAt(0) === 0xfeff ? line.text.slice(1) : line.text;
    if (text.trim() !== '') yield { text };
  }
}

async function runJsonl(args: RunOptions, checker: Checker, io: Io): Promise<number> {
  const jobs = io.workers === undefined ? 1 : (args.jobs ?? availableParallelism());
  const WorkerThread = jobs > 1 ? await io.workers!.load() : undefined;
  let warned = false;
  const { failed, stats } = await runPool(jsonlItems(io.stdin), {
    jobs,
    createWorker: () =>
      new WorkerThread!(io.workers!.file, { workerData: { base: args.context } }) as unknown as PoolWorker,
    checkHere: (text) => checkJsonlLine(text, checker, args.context),
    write: (text) => write(io.stdout, text),
    warn: (text) => {
      if (!warned) io.stderr.write(`${PROGRAM}: ${clean(text, 300)}\n`);
      warned = true;
    },
  });
  if (io.env[DEBUG_ENV]) {
    const workers = `${stats.workers} on worker threads (${stats.started} started, ${stats.crashed} stopped)`;
    await write(
      io.stderr,
      `${PROGRAM}: --jsonl: ${stats.here} lines checked in the main thread, ${workers}\n`,
    );
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}

type FileResult = { name: string; verdict: Verdict; notes: string[] } | { name: string; error: string };

async function checkFile(name: string, checker: Checker, context: ContextInput, io: Io, stdinUsed: boolean) {
  try {
    let bytes: Uint8Array;
    if (name === '-') {
      if (stdinUsed) throw new InputError('stdin was already read (give - only once)');
      bytes = await readCapped(io.stdin as AsyncIterable<unknown>);
    } else {
      bytes = await readFileBytes(name);
    }
    const draft = draftFromBytes(name, bytes);
    const fullContext: ContextInput = { ...context };
    if (draft.recipients) fullContext.recipients = draft.recipients;
    if (draft.optOutHeader) fullContext.optOutHeader = draft.optOutHeader;
    const verdict = checker.check({ subject: draft.subject, body: draft.body }, fullContext);
    return { name, verdict, notes: draft.notes ?? [] };
  } catch (error) {
    return { name, error: message(error) };
  }
}

async function runFiles(args: RunOptions, checker: Checker, io: Io): Promise<number> {
  const color = useColor(io.stdoutIsTTY, io.env);
  const several = args.files.length > 1;
  const collected: Record<string, unknown>[] = [];
  let failed = false;
  let stdinUsed = false;

  for (const [index, name] of args.files.entries()) {
    const result: FileResult = await checkFile(name, checker, args.context, io, stdinUsed);
    if (name === '-') stdinUsed = true;
    const display = name === '-' ? 'stdin' : name;
    if ('error' in result) {
      failed = true;
      await write(io.stderr, `${PROGRAM}: ${clean(display)}: ${result.error}\n`);
      if (args.json && several) collected.push({ file: display, error: result.error });
      continue;
    }
    if (args.json) {
      if (several) collected.push({ file: display, ...verdictJson(result.verdict) });
      else await write(io.stdout, `${JSON.stringify(verdictJson(result.verdict), null, 2)}\n`);
    } else {
      const separator = index > 0 ? '\n' : '';
      await write(
        io.stdout,
        separator + formatReport(display, result.verdict, { color, notes: result.notes }),
      );
    }
  }
  if (args.json && several) await write(io.stdout, `${JSON.stringify(collected, null, 2)}\n`);
  return failed ? EXIT_FAILED : EXIT_OK;
}
