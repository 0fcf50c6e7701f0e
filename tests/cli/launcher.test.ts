/**
 * The built command's launcher, startup snapshot and --jsonl worker threads (speed is measured by npm run bench:cli,
 * never here). What must hold:
 * - --help and --version come from a launcher that does not load the classifier;
 * - the startup snapshot gives the same output as loading everything afresh, and is not used where it would not
 *   load (node options, NODE_OPTIONS, turned off), which gives the same output again;
 * - --jsonl on worker threads writes the same lines in the same order as the main thread alone;
 * - when worker threads cannot start, every line is still checked, with one warning;
 * - a signal to the launcher ends the snapshot process too, and the launcher reports it.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDraft } from '../../scripts/bench-drafts.ts';
import { bin, cli, ensureBuilt, root } from './spawn-cli.ts';

const DEBUG = { MARKETING_CHECK_DEBUG: '1' };
const SNAPSHOT = /running from the startup snapshot/;
let dir = '';

interface Scenario {
  id: string;
  subject: string;
  body: string;
  channel: string;
  context: Record<string, unknown>;
}
const scenarios = JSON.parse(readFileSync(join(root, 'src/data/scenarios.json'), 'utf8')) as Scenario[];
const scenarioLines = scenarios
  .map(({ id, subject, body, channel, context }) => JSON.stringify({ id, subject, body, channel, context }))
  .join('\n');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marketing-check-launcher-'));
  writeFileSync(join(dir, 'appeal.txt'), `Subject: Winter appeal\n\n${scenarios[10]!.body}\n`);
  writeFileSync(join(dir, 'sale.txt'), `Subject: Spring sale\n\n${makeDraft(1000)}\n`);
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The launcher's module and every module it imports statically (the dynamic import of the engine excluded). */
function staticGraph(file: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(file)) return seen;
  const text = readFileSync(file, 'utf8');
  seen.set(file, text);
  for (const m of text.matchAll(
    /^(?:import|export)\s[^;]*?from\s*["'](\.[^"']+)["']|^import\s*["'](\.[^"']+)["']/gm,
  )) {
    staticGraph(join(dirname(file), (m[1] ?? m[2])!), seen);
  }
  return seen;
}

describe('launcher', () => {
  it('--help and --version load no classifier: the launcher imports neither compromise nor the core', () => {
    const graph = staticGraph(bin);
    const code = [...graph.values()].join('\n');
    expect(code).toContain('--version');
    expect(code).not.toMatch(/\bcreateChecker\b|\bparseMatch\b|addWords/);
    const size = code.length;
    expect(size).toBeLessThan(64 * 1024);
    expect(code).toMatch(/import\("\.\/lib\/engine-[\w-]+\.mjs"\)/);

    for (const args of [['--version'], ['--help']]) {
      const r = cli(args, { env: DEBUG });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it('from the startup snapshot and in-process, the same output and exit status', () => {
    const snapshot = { env: DEBUG, why: SNAPSHOT };
    const off = {
      env: { ...DEBUG, MARKETING_CHECK_SNAPSHOT: 'off' },
      why: /running in-process: MARKETING_CHECK_SNAPSHOT=off/,
    };
    const nodeOptions = {
      env: { ...DEBUG, NODE_OPTIONS: '--max-old-space-size=3000' },
      why: /running in-process: NODE_OPTIONS is set/,
    };
    // Every scenario's verdict (JSON Lines, in the main thread), several files with one missing, and stdin.
    const cases: [string[], string, (typeof snapshot)[]][] = [
      [['--jsonl', '--jobs', '1'], scenarioLines, [snapshot, off]],
      [['--json', 'appeal.txt', 'sale.txt', 'missing.txt'], '', [snapshot, off, nodeOptions]],
      [['--sender', 'charity', '-'], 'Subject: Hello\n\nBook now and get 20% off.', [snapshot, off]],
    ];
    for (const [args, input, runs] of cases) {
      const results = runs.map(({ env, why }) => {
        const r = cli(args, { cwd: dir, env, input });
        expect(r.stderr, args.join(' ')).toMatch(why);
        return r;
      });
      const [first, ...others] = results;
      expect(first!.stdout.length).toBeGreaterThan(100);
      for (const other of others) {
        expect(other.stdout, args.join(' ')).toBe(first!.stdout);
        expect(other.code).toBe(first!.code);
      }
      if (args[0] === '--jsonl') {
        // One verdict line per scenario, in order.
        const ids = first!.stdout
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l).id);
        expect(ids).toEqual(scenarios.map((s) => s.id));
      }
    }
  });

  it('--jsonl on worker threads and the main thread writes the same lines in the same order as the main thread alone', () => {
    const lines: string[] = [];
    // About 40,000 words: enough that workers start (the main thread alone would need well over a second).
    for (let i = 0; i < 45; i++) {
      if (i % 20 === 7) lines.push(`{"id": ${i}, "body": broken`);
      else if (i % 20 === 8) lines.push('');
      else if (i % 20 === 9) lines.push(JSON.stringify({ id: i, body: 'x', channel: 'fax' }));
      else lines.push(JSON.stringify({ id: `d${i}`, subject: 'News', body: makeDraft(1000, i + 1) }));
    }
    const input = lines.join('\n');
    const alone = cli(['--jsonl', '--jobs', '1'], { input, env: DEBUG });
    const pooled = cli(['--jsonl', '--jobs', '3'], { input, env: DEBUG });
    expect(alone.code).toBe(1);
    expect(pooled.code).toBe(1);
    expect(alone.stderr).toMatch(
      /--jsonl: 43 lines checked in the main thread, 0 on worker threads \(0 started/,
    );
    const stats =
      /--jsonl: (\d+) lines checked in the main thread, (\d+) on worker threads \((\d+) started, 0 stopped/.exec(
        pooled.stderr,
      );
    expect(stats, pooled.stderr).not.toBeNull();
    expect(Number(stats![1]) + Number(stats![2])).toBe(43);
    expect(Number(stats![2])).toBeGreaterThan(0);
    expect(Number(stats![3])).toBe(2);
    expect(Number(stats![1])).toBeGreaterThan(0);
    expect(pooled.stdout).toBe(alone.stdout);
    expect(pooled.stdout.trimEnd().split('\n')).toHaveLength(43);
  });

  it('worker threads that cannot start: one warning, and every line is still checked in the main thread', () => {
    const copy = join(dir, 'broken-package');
    cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(root, 'package.json'), join(copy, 'package.json'));
    rmSync(join(copy, 'bin', 'lib', 'jsonl-worker.mjs'));
    const input = Array.from({ length: 45 }, (_, i) =>
      JSON.stringify({ id: i, body: makeDraft(1000, i + 1) }),
    ).join('\n');
    const r = cli(['--jsonl', '--jobs', '2'], { input, bin: join(copy, 'bin', 'marketing-check.mjs') });
    expect(r.code).toBe(0);
    expect(
      r.stderr.match(/marketing-check: worker threads stopped \(.*\); checking in the main thread\n/g),
    ).toHaveLength(1);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(input.split('\n').map((_, i) => i));
  });

  it('a signal to the launcher ends the snapshot process too', async () => {
    const child = spawn(process.execPath, [bin, '-'], {
      env: { ...process.env, ...DEBUG },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    // It waits on stdin, which stays open: wait for the snapshot process, then stop the launcher.
    const deadline = Date.now() + 30_000;
    while (!SNAPSHOT.test(stderr) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toMatch(SNAPSHOT);
    // The launcher says which snapshot it uses just before it spawns it: poll until the child is there.
    const { execFileSync } = await import('node:child_process');
    const childOf = (pid: number) => {
      try {
        return Number(
          execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
            .trim()
            .split(/\s+/)[0],
        );
      } catch {
        return 0; // ps exits 1 when no process matches
      }
    };
    let snapshotPid = childOf(child.pid!);
    while (!(snapshotPid > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      snapshotPid = childOf(child.pid!);
    }
    expect(snapshotPid).toBeGreaterThan(0);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    const alive = () => {
      try {
        process.kill(snapshotPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const gone = Date.now() + 10_000;
    while (alive() && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
    child.stdin.end();
  });
});
