/**
 * Runs the built command as a user would: `node bin/marketing-check.mjs ARGS` in a child process (builds bin/ first
 * when it is missing). Shared by the CLI test files.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(root, 'bin', 'marketing-check.mjs');

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string | Buffer;
  /** Added to this process's environment (NO_COLOR and FORCE_COLOR are dropped unless given here). */
  env?: Record<string, string>;
  nodeArgs?: string[];
  cwd?: string;
  /** Another copy of the launcher (an installed or altered package). */
  bin?: string;
}

export function cli(args: string[], options: CliOptions = {}): Result {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  const r: SpawnSyncReturns<string> = spawnSync(
    process.execPath,
    [...(options.nodeArgs ?? []), options.bin ?? bin, ...args],
    {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      input: options.input ?? '',
      encoding: 'utf8',
      env,
      maxBuffer: 1024 * 1024 * 1024,
      timeout: 180_000,
    },
  );
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Builds bin/ when a test run starts without it. */
export function ensureBuilt(): void {
  if (existsSync(bin)) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build-cli failed: ${r.stderr}`);
}
