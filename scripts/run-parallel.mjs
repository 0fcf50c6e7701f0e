#!/usr/bin/env node
/**
 * Runs npm scripts side by side: `node scripts/run-parallel.mjs typecheck lint build:cli …`. At most one per core
 * runs at a time (MRC_PARALLEL overrides it), in the order given. Each script's output is printed as one block
 * when it ends, under its name and time, so the log reads as if they had run one after another. Exits 1 if any
 * failed, after all have ended, naming them. Node's standard library only.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs SCRIPT…');
  process.exit(2);
}
const limit = Math.max(1, Number(process.env.MRC_PARALLEL) || availableParallelism());
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runScript(name) {
  return new Promise((resolve) => {
    const started = performance.now();
    const chunks = [];
    const child = spawn(npm, ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    const done = (code, why = '') => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const status = code === 0 ? 'ok' : `FAILED (${why || `exit ${code}`})`;
      const output = Buffer.concat(chunks).toString('utf8').trimEnd();
      process.stdout.write(`\n── npm run ${name}: ${status}, ${seconds} s\n${output ? `${output}\n` : ''}`);
      resolve(code === 0);
    };
    child.on('error', (error) => done(1, error.message));
    child.on('close', (code, signal) => done(code ?? 1, signal ?? ''));
  });
}

const queue = [...scripts];
const failed = [];
await Promise.all(
  Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      if (!(await runScript(name))) failed.push(name);
    }
  }),
);
if (failed.length > 0) {
  console.error(`\nrun-parallel: failed: ${failed.join(', ')}`);
  process.exit(1);
}
