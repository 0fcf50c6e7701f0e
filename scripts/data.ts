/**
 * npm run data: checks every data file in src/data against its schema (src/core/data/schemas.ts) and writes each
 * file's type declaration (`<name>.d.json.ts`) beside it. `--check` writes nothing and fails when a declaration is
 * out of date, as the builds do (vite.config.ts, scripts/build-cli.mjs).
 */
import { checkDataFiles, dataFailure } from './lib/data-files.ts';

const check = process.argv.includes('--check');
const report = checkDataFiles({ write: !check });
const failure = dataFailure(report);
if (failure) {
  console.error(failure);
  process.exit(1);
}
console.log(`data: src/data checked${check ? '' : ', declarations up to date'}`);
