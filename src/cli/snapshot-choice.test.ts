import { describe, expect, it } from 'vitest';
import { currentBuild, type NodeBuild, snapshotChoice } from './snapshot-choice.ts';

const now: NodeBuild = currentBuild();
const use = (meta: unknown, execArgv: string[] = [], env: Record<string, string> = {}) =>
  snapshotChoice(meta, now, execArgv, env);

describe('snapshotChoice', () => {
  it('the snapshot is used when this very Node build made it and Node runs without options', () => {
    expect(use({ ...now })).toEqual({ use: true });
    expect(use({ ...now }, [], { NODE_OPTIONS: '  ' })).toEqual({ use: true });
  });

  it('describes the running Node: version, V8, platform, build options', () => {
    expect(now.node).toBe(process.version);
    expect(now.v8).toBe(process.versions.v8);
    expect(JSON.parse(now.config)).toEqual(JSON.parse(JSON.stringify(process.config)));
  });

  const refused: [string, unknown, string[], Record<string, string>, RegExp][] = [
    ['no snapshot was built', undefined, [], {}, /no startup snapshot/],
    ['an unreadable record', 'garbage', [], {}, /no startup snapshot/],
    ['another Node version', { ...now, node: 'v99.0.0' }, [], {}, /made by Node v99\.0\.0 .*this is v/],
    ['another architecture', { ...now, arch: 'riscv64' }, [], {}, /-riscv64\); this is/],
    ['another V8', { ...now, v8: '1.0' }, [], {}, /another build of Node/],
    ['another build of the same version', { ...now, config: '{}' }, [], {}, /another build of Node/],
    ['node started with options', { ...now }, ['--max-old-space-size=100'], {}, /node runs with options/],
    ['NODE_OPTIONS', { ...now }, [], { NODE_OPTIONS: '--max-old-space-size=8192' }, /NODE_OPTIONS is set/],
    ['turned off', { ...now }, [], { MARKETING_CHECK_SNAPSHOT: 'off' }, /MARKETING_CHECK_SNAPSHOT=off/],
  ];
  for (const [name, meta, execArgv, env, reason] of refused) {
    it(`in-process when ${name}`, () => {
      const choice = use(meta, execArgv, env);
      expect(choice.use).toBe(false);
      expect(choice.use === false && choice.reason).toMatch(reason);
    });
  }
});
