/** Types for scripts/firefox-lint.mjs (a plain Node script, imported by the tests). */
export interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}
export const JUSTIFIED_WARNINGS: readonly { code: string; file: RegExp; why: string }[];
export function isJustified(message: LintMessage): boolean;
export function lintFirefox(sourceDir: string): Promise<{
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
  failures: LintMessage[];
}>;
