import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { MOCKING } from './tests/unit-mocks.mjs';

/**
 * Three tiers, one run (`npm test`), or one tier at a time (`npm run test:unit`, `test:integration`,
 * `test:browser`):
 * - unit: the source's own tests; no build, no browser, no child process beyond a few `node -e`;
 * - integration: the built command-line tool (spawned), the installed package, the store zips;
 * - browser: Chromium and firefox-esr with the built extension, the fixtures and a real Roundcube.
 *
 * The tiers run side by side in one pool of workers. A browser test spends much of its time waiting on a page, so
 * twice as many test files run at once as there are cores (MRC_TEST_WORKERS overrides it); more than that only made
 * them compete (measured 2026-12-03 on two cores: 6 workers were no quicker than 5, and load rose to 13–16). The
 * longest browser suites are split over several files (editors-N, send-check-N, a11y-N) so no one file is the tail.
 * Browser tests poll the page every 200 ms, not vitest's 50: each poll is a round trip into Chromium, and on a
 * busy machine the polls themselves cost CPU the tests need. The longest files start first
 * (LongestFirst), so the run does not end waiting on one long file started late. Only managed-policy runs alone,
 * last: its policy file applies to every Chromium that loads this build.
 */
const workers = Number(process.env.MRC_TEST_WORKERS) || Math.max(3, availableParallelism() * 2);
// Vitest moves a project's define entries onto globalThis and deletes them from the object it was given: each
// project gets its own copy, or only the first would have them.
const DEV = { __MRC_DEV__: 'true' };
const BROWSER = 'tests/e2e/**/*.e2e.test.ts';
const ALONE = 'tests/e2e/managed-policy.e2e.test.ts';
/** Browser tests poll the page every 200 ms (see above). */
const BROWSER_POLL = { poll: { interval: 200 } };

/** How much longer than a unit test file of the same size a file of each tier tends to run (measured 2026-12). */
const WEIGHT: Record<string, number> = { unit: 1, integration: 4, browser: 4, 'browser-alone': 4 };

/**
 * Seconds each test file took in the last recorded `npm test` (`npm run test:timings` writes it from the JSON report),
 * keyed `project:path`. A clean clone (CI) has no vitest cache, so this is what orders its files.
 */
const TIMINGS_FILE = 'tests/timings.json';
const TIMINGS: Record<string, number> = existsSync(TIMINGS_FILE)
  ? JSON.parse(readFileSync(TIMINGS_FILE, 'utf8'))
  : {};

/**
 * Longest first, across tiers: by the durations vitest recorded on this machine when it has them for both files,
 * else by the recorded timings (tests/timings.json), else by file size times the tier's weight (a file new since the
 * timings were recorded). Groups (sequence.groupOrder) keep their order.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (f: TestSpecification) => `${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`;
    const guess = (f: TestSpecification) =>
      TIMINGS[key(f)] ?? (statSync(f.moduleId).size / 1000) * (WEIGHT[f.project.name] ?? 1);
    return [...files].sort((a, b) => {
      const group = a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder;
      if (group !== 0) return group;
      const [ra, rb] = [cache.getFileTestResults(key(a)), cache.getFileTestResults(key(b))];
      if (ra && rb) {
        if (ra.failed !== rb.failed) return ra.failed ? -1 : 1;
        return rb.duration - ra.duration;
      }
      return guess(b) - guess(a);
    });
  }
}

export default defineConfig({
  test: {
    maxWorkers: workers,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        // Unit tests exercise development-only code paths too (see vite.config.ts).
        define: { ...DEV },
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'tests/model/**/*.test.ts',
            'tests/roundcube/**/*.test.ts',
          ],
          exclude: MOCKING,
          environment: 'node',
          testTimeout: 60_000,
          // Unit files share a worker's module cache instead of re-importing the core and its data per file:
          // 126 CPU-s instead of 173 for the tier. Files that mock modules run apart (unit-mocks below).
          isolate: false,
        },
      },
      {
        define: { ...DEV },
        test: {
          // Files that replace a module (vi.mock: the browser API, storage) or start worker threads: in a shared
          // module cache, a module imported first under another file's mock keeps that file's fake (the settings
          // store read another file's storage, 2 runs in 4), so each of these gets its own.
          name: 'unit-mocks',
          include: MOCKING,
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        define: { ...DEV },
        test: {
          name: 'integration',
          include: ['tests/cli/**/*.test.ts', 'tests/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: [BROWSER],
          exclude: [ALONE],
          environment: 'node',
          expect: BROWSER_POLL,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser-alone',
          include: [ALONE],
          environment: 'node',
          expect: BROWSER_POLL,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
