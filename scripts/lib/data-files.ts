/**
 * Reads src/data (and the two message catalogues the data names ids in), checks it with the core's schemas
 * (src/core/data/schemas.ts) and compares or writes each file's type declaration (src/core/data/declarations.ts).
 * Used by `npm run data`, the builds (vite.config.ts, scripts/build-cli.mjs) and the tests.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { declarationFor, declarationPath } from '../../src/core/data/declarations.ts';
import { checkData } from '../../src/core/data/schemas.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CATALOGUES = ['public/_locales/en/messages.json', 'public/_locales/cy/messages.json'];

/** Every `.json` file under src/data, as repository paths (`src/data/rules/checks.json`), sorted. */
export function dataFileNames(root = ROOT): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.json') ? [`${dir}/${e.name}`] : [],
    );
  return walk('src/data').sort();
}

/** The data files and catalogues, parsed; a file that is not JSON is a problem of its own. */
export function readDataFiles(root = ROOT): { files: Record<string, unknown>; problems: string[] } {
  const files: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const file of [...dataFileNames(root), ...CATALOGUES]) {
    try {
      files[file] = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: $: is not valid JSON (${(error as Error).message})`);
    }
  }
  return { files, problems };
}

export interface DataReport {
  /** Schema problems, one line each (`file: $.path: what is wrong`). */
  problems: string[];
  /** Declarations that are missing or differ from what the data gives (repository paths). */
  stale: string[];
}

/** Checks the data; with `write`, writes the declarations that are missing or out of date. */
export function checkDataFiles(opts: { root?: string; write?: boolean } = {}): DataReport {
  const root = opts.root ?? ROOT;
  const { files, problems } = readDataFiles(root);
  problems.push(...checkData(files));
  const stale: string[] = [];
  for (const file of Object.keys(files)) {
    if (!file.startsWith('src/data/')) continue;
    const want = declarationFor(file, files[file]);
    if (want === undefined) continue;
    const target = path.join(root, declarationPath(file));
    const have = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (have === want) continue;
    if (opts.write) writeFileSync(target, want);
    else stale.push(declarationPath(file));
  }
  return { problems, stale };
}

/** The report as a message for a failed build, or undefined when all is well. */
export function dataFailure(report: DataReport): string | undefined {
  const lines = [
    ...report.problems,
    ...report.stale.map((f) => `${f}: out of date or missing (run npm run data)`),
  ];
  if (lines.length === 0) return undefined;
  return `The data in src/data does not pass its checks (src/core/data/schemas.ts):\n  ${lines.join('\n  ')}`;
}
