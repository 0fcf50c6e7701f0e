/**
 * Whether the launcher may start the command from the startup snapshot (bin/lib/marketing-check.blob), and why not.
 * A snapshot loads only in the very Node build that wrote it, with the same V8 options, and it ignores preloaded
 * modules (--require, --import); any doubt means the command runs in-process instead: slower to start, same result.
 */

/** Where the package's lib folder is now, for the process started from the snapshot. */
export const LIB_ENV = 'MARKETING_CHECK_LIB';
/** `off`: never use the snapshot. */
export const SNAPSHOT_ENV = 'MARKETING_CHECK_SNAPSHOT';
/** Set: the launcher says on stderr how it runs the command, and why. */
export const DEBUG_ENV = 'MARKETING_CHECK_DEBUG';

export const BLOB_FILE = 'marketing-check.blob';
export const META_FILE = 'marketing-check.blob.json';

/** The Node build a snapshot was made with (written beside the blob) or that is running now. */
export interface NodeBuild {
  node: string;
  v8: string;
  arch: string;
  platform: string;
  /** JSON of process.config: the build's configure options. */
  config: string;
}

export function currentBuild(): NodeBuild {
  return {
    node: process.version,
    v8: process.versions.v8,
    arch: process.arch,
    platform: process.platform,
    config: JSON.stringify(process.config),
  };
}

export type Choice = { use: true } | { use: false; reason: string };

export function snapshotChoice(
  meta: unknown,
  now: NodeBuild,
  execArgv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Choice {
  if (env[SNAPSHOT_ENV] === 'off') return { use: false, reason: `${SNAPSHOT_ENV}=off` };
  if (typeof meta !== 'object' || meta === null) {
    return { use: false, reason: 'this copy has no startup snapshot (npm run build:cli makes one)' };
  }
  const built = meta as Partial<NodeBuild>;
  if (built.node !== now.node || built.arch !== now.arch || built.platform !== now.platform) {
    return {
      use: false,
      reason: `the startup snapshot was made by Node ${built.node} (${built.platform}-${built.arch}); this is ${now.node} (${now.platform}-${now.arch})`,
    };
  }
  if (built.v8 !== now.v8 || built.config !== now.config) {
    return { use: false, reason: `the startup snapshot was made by another build of Node ${now.node}` };
  }
  if (execArgv.length > 0) return { use: false, reason: `node runs with options (${execArgv.join(' ')})` };
  if ((env.NODE_OPTIONS ?? '').trim() !== '') return { use: false, reason: 'NODE_OPTIONS is set' };
  return { use: true };
}
