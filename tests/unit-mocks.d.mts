/** Unit test files that mock modules or start worker threads (tests/unit-mocks.mjs). */
export const MOCKING: string[];
/** True when a repository-relative test file is one of MOCKING. */
export function isMocking(file: string): boolean;
