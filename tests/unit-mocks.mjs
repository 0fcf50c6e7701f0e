/**
 * Unit test files that replace a module (vi.mock) or start worker threads: they run in the `unit-mocks` vitest
 * project, each with its own module cache (vitest.config.ts), and scripts/test-timings.mjs files their timings under
 * that project. Globs as vitest takes them (`*` within one folder).
 */
export const MOCKING = [
  'src/content/send-check.test.ts',
  'src/content/session.test.ts',
  'src/options/Options.managed.test.tsx',
  'src/panel/SendDialog.test.tsx',
  'src/panel/host.test.ts',
  'src/settings/*.test.ts',
  'src/ui/language-coverage.test.tsx',
  'src/cli/jsonl-pool.test.ts',
];

/** True when a repository-relative test file is one of MOCKING. */
export function isMocking(file) {
  return MOCKING.some((glob) =>
    new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(file),
  );
}
