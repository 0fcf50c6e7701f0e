/**
 * Runs the command in this process: wires run.ts to the process's streams, exit status and error handlers. The
 * launcher (main.ts) loads this module on demand, and the startup snapshot (snapshot.ts) holds it ready.
 */
import { PROGRAM } from './args.ts';
import { clean } from './report.ts';
import { EXIT_FAILED, run, type Workers } from './run.ts';

export function runProcess(argv: readonly string[], workers: Workers | undefined): void {
  // A closed pipe (`marketing-check … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`${PROGRAM}: cannot write output: ${clean(error.message)}\n`);
    process.exit(EXIT_FAILED);
  });

  const fail = (error: unknown): void => {
    const text = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${PROGRAM}: internal error: ${clean(text, 300)}\n`);
    process.exitCode = EXIT_FAILED;
  };

  process.on('uncaughtException', (error) => {
    fail(error);
    process.exit(EXIT_FAILED);
  });

  run(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY,
    ...(workers === undefined ? {} : { workers }),
  }).then((code) => {
    process.exitCode = code;
  }, fail);
}
