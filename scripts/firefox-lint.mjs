#!/usr/bin/env node
/**
 * `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint, the checks addons.mozilla.org runs on upload)
 * over a Firefox build, by default dist-firefox/. Passes when there are no errors and every warning is one of
 * the justified ones below; prints each message either way. Also used by tests/package/package.test.ts, which
 * lints the Firefox zip's own contents, so CI counts it.
 *
 * Usage: node scripts/firefox-lint.mjs [DIR]
 */
import path from 'node:path';

/**
 * Warnings that remain on purpose, each with the reason. A warning not listed here fails the lint, so a new one
 * is looked at rather than waved through.
 */
export const JUSTIFIED_WARNINGS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^assets\/jsxRuntime-[\w-]+\.js$/,
    why:
      'Preact’s renderer (the shared jsxRuntime chunk) assigns innerHTML only to support dangerouslySetInnerHTML, ' +
      'which this project never uses (the package test checks the sources for it).',
  },
];

export function isJustified(message) {
  return JUSTIFIED_WARNINGS.some((j) => j.code === message.code && j.file.test(message.file ?? ''));
}

/**
 * Lints one unpacked Firefox build. Resolves to the linter's messages and those that fail the check.
 * @returns {Promise<{ summary: { errors: number, warnings: number, notices: number }, errors: object[],
 *   warnings: object[], notices: object[], failures: object[] }>}
 */
export async function lintFirefox(sourceDir) {
  let webExt;
  try {
    webExt = (await import('web-ext')).default;
  } catch {
    throw new Error('web-ext is not installed: run `npm ci` (it is a devDependency of this project).');
  }
  const result = await webExt.cmd.lint(
    {
      sourceDir: path.resolve(sourceDir),
      output: 'none',
      metadata: false,
      pretty: false,
      selfHosted: false,
      boring: true,
      warningsAsErrors: false,
    },
    { shouldExitProgram: false },
  );
  if (!result?.summary) throw new Error('web-ext lint returned no result.');
  const failures = [...result.errors, ...result.warnings.filter((w) => !isJustified(w))];
  return {
    summary: result.summary,
    errors: result.errors,
    warnings: result.warnings,
    notices: result.notices,
    failures,
  };
}

function describe(m) {
  return `${m.code}${m.file ? ` in ${m.file}` : ''}: ${m.message}`;
}

async function main() {
  const dir = process.argv[2] ?? 'dist-firefox';
  const r = await lintFirefox(dir);
  console.log(
    `web-ext lint ${dir}: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`,
  );
  for (const m of r.errors) console.log(`  error    ${describe(m)}`);
  for (const m of r.warnings)
    console.log(`  warning  ${describe(m)}${isJustified(m) ? ' (justified: see README, Firefox)' : ''}`);
  for (const m of r.notices) console.log(`  notice   ${describe(m)}`);
  if (r.failures.length) {
    console.error(`${r.failures.length} problem(s) to fix before submitting to addons.mozilla.org.`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
