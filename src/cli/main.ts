#!/usr/bin/env node
/**
 * The `marketing-check` launcher (bundled to bin/marketing-check.mjs by scripts/build-cli.mjs). It loads no
 * classifier: it answers --help, --version and usage errors itself, then runs the command either
 * - from the startup snapshot: `node --snapshot-blob bin/lib/marketing-check.blob -- ARGS`, a process whose heap
 *   already holds compromise and our compiled lexicons (see snapshot.ts), with stdin, stdout and stderr passed
 *   straight through; or
 * - in this process, loading engine.ts and the core (when the snapshot cannot be used; see snapshot-choice.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import { helpText, PROGRAM, parseArgs, UsageError, usageLine } from './args.ts';
import { BLOB_FILE, currentBuild, DEBUG_ENV, LIB_ENV, META_FILE, snapshotChoice } from './snapshot-choice.ts';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const argv = process.argv.slice(2);
const lib = join(dirname(fileURLToPath(import.meta.url)), 'lib');
const workerFile = join(lib, 'jsonl-worker.mjs');

function say(stream: NodeJS.WriteStream, text: string, code: number): void {
  process.exitCode = code;
  // A closed pipe (`marketing-check --help | head -1`) is not an error.
  stream.on('error', () => undefined);
  stream.write(text);
}

function debug(text: string): void {
  if (process.env[DEBUG_ENV]) process.stderr.write(`${PROGRAM}: ${text}\n`);
}

function readMeta(): unknown {
  try {
    if (!existsSync(join(lib, BLOB_FILE))) return undefined;
    return JSON.parse(readFileSync(join(lib, META_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

function inProcess(): void {
  import('./engine.ts').then(
    ({ runProcess }) =>
      runProcess(argv, { file: workerFile, load: async () => (await import('node:worker_threads')).Worker }),
    (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      say(
        process.stderr,
        `${PROGRAM}: internal error: cannot load the checker (${text.slice(0, 300)})\n`,
        EXIT_FAILED,
      );
    },
  );
}

/** Runs the snapshot process with our stdio; its exit status (or signal) becomes ours. */
function fromSnapshot(): void {
  const child = spawn(process.execPath, ['--snapshot-blob', join(lib, BLOB_FILE), '--', ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [LIB_ENV]: lib },
  });
  const forward = (signal: NodeJS.Signals) => () => {
    child.kill(signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward(signal));
  let started = false;
  child.on('spawn', () => {
    started = true;
  });
  child.on('error', (error) => {
    if (started) return;
    // It never ran (so it read nothing): run the command here instead.
    debug(`cannot start the snapshot process (${error.message}); running in-process`);
    for (const signal of signals) process.removeAllListeners(signal);
    inProcess();
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of signals) process.removeAllListeners(s);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? EXIT_FAILED);
  });
}

function main(): void {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const usage = error.showUsage ? `${usageLine()}\n` : '';
    say(process.stderr, `${PROGRAM}: ${error.message}\n${usage}`, EXIT_USAGE);
    return;
  }
  if (parsed.mode === 'help') {
    say(process.stdout, helpText(packageJson.version), 0);
    return;
  }
  if (parsed.mode === 'version') {
    say(process.stdout, `${packageJson.version}\n`, 0);
    return;
  }
  const choice = snapshotChoice(readMeta(), currentBuild(), process.execArgv, process.env);
  if (choice.use) {
    debug('running from the startup snapshot');
    fromSnapshot();
  } else {
    debug(`running in-process: ${choice.reason}`);
    inProcess();
  }
}

main();
