/**
 * The startup snapshot's entry (scripts/build-cli.mjs runs `node --build-snapshot` on its bundle): loads the core,
 * compiles its lexicons and checks a draft once, so the snapshot holds compromise's lexicon, our compiled patterns
 * and the CLI, ready. The launcher (main.ts) starts `node --snapshot-blob … -- ARGS`; V8 then restores that heap
 * instead of loading and initialising it all again, and runs the function below.
 */
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { createChecker } from '../core/index.ts';
import { runProcess } from './engine.ts';
import { LIB_ENV } from './snapshot-choice.ts';
import { WARM_UP } from './warm-up.ts';

createChecker().check(WARM_UP);

startupSnapshot.setDeserializeMainFunction(() => {
  // The launcher says where the package is now (the snapshot was built elsewhere, perhaps before `npm pack`).
  const lib = process.env[LIB_ENV];
  delete process.env[LIB_ENV];
  // argv: [node, ...the user's arguments] (the launcher puts them after `--`).
  // worker_threads is loaded now, not while the snapshot is made, and with require(): this process has no import().
  const load = async () => (require('node:worker_threads') as typeof import('node:worker_threads')).Worker;
  runProcess(process.argv.slice(1), lib ? { file: join(lib, 'jsonl-worker.mjs'), load } : undefined);
});
