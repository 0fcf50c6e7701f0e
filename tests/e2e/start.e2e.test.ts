/**
 * `npm start` on a machine with no display (scripts/start.mjs, on the builds `npm test` made): it checks the demo
 * draft headless, saves a screenshot of the composer with its badge and panel open, and then keeps serving the
 * demo and training pages until Ctrl+C; `--once` stops after the screenshot.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOT = path.join(ROOT, 'tmp/start-demo.png');

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Runs start.mjs with no display; resolves its output so far once `until` matches it (or it exits). */
function start(args: string[], until: RegExp) {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const proc = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--port', '0', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (until.test(out)) resolve(out);
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void exited.then(() => resolve(out));
  });
  return { proc, ready, exited, output: () => out };
}

/** PNG width and height from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('npm start without a display', () => {
  test('keeps serving until Ctrl+C, after a screenshot of the composer with badge and panel', async () => {
    const began = Date.now();
    const run = start([], /Press Ctrl\+C to stop/);
    const out = await run.ready;
    expect(out).toMatch(/The demo draft reads: .*Direct marketing/);
    expect(out).toContain('tmp/start-demo.png');
    expect(statSync(SHOT).mtimeMs).toBeGreaterThanOrEqual(began - 1000);
    expect(pngSize(SHOT)).toEqual({ width: 1280, height: 860 });
    const base = /Demo composer: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
    expect(base).toBeDefined();
    // the printed addresses are live while it runs
    for (const url of [base, `${base}training/`]) {
      const res = await fetch(url as string);
      expect(res.status, url).toBe(200);
    }
    expect(await (await fetch(base as string)).text()).toContain('Demo composer');
    // still serving a moment later: it does not stop by itself
    await new Promise((r) => setTimeout(r, 1500));
    expect(run.proc.exitCode).toBeNull();
    expect((await fetch(base as string)).status).toBe(200);
    run.proc.kill('SIGINT');
    expect(await run.exited).toBe(0);
    await expect(fetch(base as string)).rejects.toThrow();
  }, 90_000);

  test('--once stops after the screenshot', async () => {
    const run = start(['--once'], /$^/);
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Screenshot of the demo composer with its badge and panel/);
    expect(run.output()).not.toContain('Press Ctrl+C');
  }, 90_000);
});
