/**
 * The command-line tool as someone outside the checkout gets it: `npm run pack:cli` makes a tarball, `npm install -g`
 * puts it in a prefix of its own (offline: the package needs nothing from the registry, compromise is inlined in
 * bin/), and `marketing-check` then runs from there, away from the checkout: --version, a file, --jsonl, from the
 * startup snapshot made at build time.
 *
 * The tarball packs the bin/ that `npm test` built (--no-build: building would replace bin/ while other test files
 * run it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDraft } from '../../scripts/bench-drafts.ts';
import { ensureBuilt, root } from '../cli/spawn-cli.ts';

const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work = '';
let tarball = '';
let files: string[] = [];
let manifest: Record<string, unknown> = {};
let installLog = '';
let installed = '';

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'mrc-cli-install-'));
  tarball = execFileSync(
    process.execPath,
    [join(root, 'scripts/pack-cli.mjs'), '--no-build', '--out', work],
    {
      encoding: 'utf8',
    },
  ).trim();
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''))
    .sort();
  manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  );
  const prefix = join(work, 'prefix');
  const r = spawnSync(
    npm,
    ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
    {
      cwd: work,
      encoding: 'utf8',
    },
  );
  installLog = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`npm install -g failed: ${installLog}`);
  installed = join(prefix, 'bin', 'marketing-check');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs the installed command from a folder outside the checkout, with a clean NODE_OPTIONS. */
function run(args: string[], input = '', env: Record<string, string> = {}) {
  const r = spawnSync(installed, args, {
    cwd: work,
    input,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', MARKETING_CHECK_DEBUG: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return r;
}

describe('the packed command-line tool', () => {
  it('the tarball holds the built tool and the docs, no sources, no scripts, no dependencies', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'PRIVACY.md',
        'bin/marketing-check.mjs',
        'bin/lib/jsonl-worker.mjs',
        'bin/lib/marketing-check.blob',
        'bin/lib/marketing-check.blob.json',
      ]),
    );
    expect(files.filter((f) => !/^(bin\/|package\.json$|README\.md$|PRIVACY\.md$)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(manifest).toMatchObject({ version, bin: { 'marketing-check': 'bin/marketing-check.mjs' } });
    expect(Object.keys(manifest)).not.toContain('scripts');
    expect(Object.keys(manifest)).not.toContain('dependencies');
    // npm 11 says nothing about install scripts: there are none to allow.
    expect(installLog).not.toMatch(/install-scripts|allow-scripts/);
  });

  it('installed with npm install -g, offline, it runs from its own folder: --version, --help', () => {
    expect(existsSync(installed)).toBe(true);
    const shown = run(['--version']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toBe(`${version}\n`);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--jsonl');
  });

  it('checks a file and JSON Lines from the startup snapshot; --jsonl worker threads load from the install', () => {
    writeFileSync(
      join(work, 'appeal.txt'),
      'Subject: Winter appeal\n\nPlease donate £10 today to keep our shelter open.\n',
    );
    const file = run(['appeal.txt']);
    expect(file.status, file.stderr).toBe(0);
    expect(file.stderr).toMatch(/running from the startup snapshot/);
    expect(file.stdout).toMatch(/^== appeal\.txt ==\nDirect marketing: (yes|likely)/);

    // Enough work that worker threads start: they load from the installed folder, not the checkout.
    const lines = Array.from({ length: 45 }, (_, i) =>
      JSON.stringify({ id: i, subject: 'News', body: makeDraft(1000, i + 1) }),
    );
    const jsonl = run(['--jsonl', '--jobs', '2'], lines.join('\n'));
    expect(jsonl.status, jsonl.stderr).toBe(0);
    const out = jsonl.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((v) => v.id)).toEqual(lines.map((_, i) => i));
    expect(out.filter((v) => 'error' in v)).toEqual([]);
    const workers = /(\d+) on worker threads \((\d+) started, 0 stopped\)/.exec(jsonl.stderr);
    expect(Number(workers?.[1])).toBeGreaterThan(0);
  });

  it('without its snapshot (another Node, say) the installed copy still works, in-process', () => {
    const r = run(['appeal.txt'], '', { MARKETING_CHECK_SNAPSHOT: 'off' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/running in-process/);
    expect(r.stdout).toMatch(/^== appeal\.txt ==\nDirect marketing: (yes|likely)/);
  });
});
