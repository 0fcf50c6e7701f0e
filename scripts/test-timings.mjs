/**
 * Writes tests/timings.json: seconds per test file from the last `npm test` JSON report (reports/vitest.json, or the
 * path given, e.g. a clean CI clone's). vitest.config.ts starts the longest files first by it when there is no vitest cache (a clean clone),
 * so a long browser file never starts last. Run it after a full `npm test` on the CI machine when files change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMocking } from '../tests/unit-mocks.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const report = process.argv[2] ?? path.join(ROOT, 'reports/vitest.json');
const json = JSON.parse(readFileSync(report, 'utf8'));
// The report's own checkout (it sits in <checkout>/reports/), so a report from a clean CI clone works too.
const reportRoot = path.resolve(path.dirname(report), '..');
const out = {};
for (const r of json.testResults ?? []) {
  const file = path.relative(reportRoot, r.name).split(path.sep).join('/');
  const project = r.projectName ?? projectOf(file);
  const seconds = Math.round((r.endTime - r.startTime) / 100) / 10;
  if (Number.isFinite(seconds)) out[`${project}:${file}`] = seconds;
}
const sorted = Object.fromEntries(Object.entries(out).sort(([, a], [, b]) => b - a));
writeFileSync(path.join(ROOT, 'tests/timings.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`tests/timings.json: ${Object.keys(sorted).length} files from ${report}`);

/** The vitest project a file belongs to (as vitest.config.ts includes them), when the report does not say. */
function projectOf(file) {
  if (file === 'tests/e2e/managed-policy.e2e.test.ts') return 'browser-alone';
  if (file.startsWith('tests/e2e/')) return 'browser';
  if (file.startsWith('tests/cli/') || file.startsWith('tests/package/')) return 'integration';
  return isMocking(file) ? 'unit-mocks' : 'unit';
}
