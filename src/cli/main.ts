/**
 * Entry point of the `marketing-check` command (bundled to bin/marketing-check.mjs by scripts/build-cli.mjs).
 */
import { PROGRAM } from './args.ts';
import { clean } from './report.ts';
import { EXIT_FAILED, run } from './run.ts';

// A closed pipe (`marketing-check … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`${PROGRAM}: cannot write output: ${clean(error.message)}\n`);
  process.exit(EXIT_FAILED);
});

function fail(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${PROGRAM}: internal error: ${clean(text, 300)}\n`);
  process.exitCode = EXIT_FAILED;
}

process.on('uncaughtException', (error) => {
  fail(error);
  process.exit(EXIT_FAILED);
});

run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY,
}).then((code) => {
  process.exitCode = code;
}, fail);
