/** Types for scripts/package.mjs (a plain Node script, imported by the tests). */
export const NAME: string;
export const TARGETS: readonly ('chrome' | 'firefox')[];
export function checkBuild(
  target: 'chrome' | 'firefox',
  manifest: Record<string, unknown>,
  files: readonly string[],
  version: string,
): string[];
export interface PackageResult {
  target: 'chrome' | 'firefox';
  file: string;
  files: number;
  bytes: number;
  unpacked: number;
  sha256: string;
  skipped: string[];
  warnings: string[];
}
export function packageTarget(
  target: 'chrome' | 'firefox',
  options: { outDir: string; version: string },
): PackageResult;
