import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type MachineProbe, RC_PACKAGES, roundcubeAvailability, roundcubeSkipReason } from './roundcube.ts';

test('the package list matches the one setup.sh installs (scripts/roundcube/common.sh)', () => {
  const common = readFileSync(path.resolve(import.meta.dirname, '../../scripts/roundcube/common.sh'), 'utf8');
  const line = /^RC_PACKAGES="([^"]+)"/m.exec(common)?.[1];
  expect(line?.split(/\s+/)).toEqual([...RC_PACKAGES]);
});

/** A machine with these commands and packages. */
function machine(o: { commands?: string[]; packages?: readonly string[]; root?: boolean }): MachineProbe {
  return {
    commandExists: (c) => (o.commands ?? ['dpkg-query', 'apt-get']).includes(c),
    installed: (p) => (o.packages ?? []).includes(p),
    isRoot: o.root ?? false,
  };
}

describe('roundcubeAvailability: what the machine allows, and why not', () => {
  test.each<[string, MachineProbe, RegExp | true]>([
    ['every package installed', machine({ packages: RC_PACKAGES }), true],
    ['packages missing, root with apt-get: setup.sh installs them', machine({ root: true }), true],
    ['no dpkg-query', machine({ commands: ['apt-get'], packages: RC_PACKAGES }), /not a Debian-based system/],
    [
      'one package missing, not root',
      machine({ packages: RC_PACKAGES.filter((p) => p !== 'nginx') }),
      /^packages missing \(nginx\) and not root: run `sudo bash scripts\/roundcube\/setup.sh`$/,
    ],
    [
      'packages missing, root without apt-get',
      machine({ commands: ['dpkg-query'], root: true }),
      /and no apt-get$/,
    ],
  ])('%s', (_name, probe, expected) => {
    const a = roundcubeAvailability(probe);
    if (expected === true) expect(a).toEqual({ ok: true });
    else expect(a.ok === false && a.reason).toMatch(expected);
  });
});

describe('roundcubeSkipReason: the browser tests never skip in CI', () => {
  const missing = { ok: false as const, reason: 'packages missing (nginx) and not root' };
  test('outside CI, a machine that cannot run Roundcube skips with the reason', () => {
    expect(roundcubeSkipReason(missing, {})).toBe(missing.reason);
  });
  test('in CI the same machine runs the tests (they then fail, saying why)', () => {
    expect(roundcubeSkipReason(missing, { CI: 'true' })).toBe('');
  });
  test('a machine that can run it never skips', () => {
    expect(roundcubeSkipReason({ ok: true }, {})).toBe('');
  });
});
