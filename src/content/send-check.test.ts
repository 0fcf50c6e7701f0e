/** The fault hook for the fail-open tests exists only in development builds, and only on loopback pages. */
import { describe, expect, test, vi } from 'vitest';

const manifest = vi.hoisted(() => ({ content_scripts: [] as { matches?: string[] }[] }));

vi.mock('../platform/browser.ts', () => ({
  browser: { runtime: { getManifest: () => manifest } },
}));

const { isDevBuildOnLoopback } = await import('./send-check.ts');

const RELEASE = [{ matches: ['https://mail.google.com/*', 'https://outlook.office.com/*'] }];
const DEV = [{ matches: ['https://mail.google.com/*', 'http://127.0.0.1/*', 'http://localhost/*'] }];

describe('isDevBuildOnLoopback', () => {
  test('a release build never has it, even on a loopback page a user enabled', () => {
    manifest.content_scripts = RELEASE;
    expect(isDevBuildOnLoopback({ hostname: '127.0.0.1' })).toBe(false);
    expect(isDevBuildOnLoopback({ hostname: 'mail.google.com' })).toBe(false);
  });

  test('a development build has it on loopback pages only', () => {
    manifest.content_scripts = DEV;
    expect(isDevBuildOnLoopback({ hostname: '127.0.0.1' })).toBe(true);
    expect(isDevBuildOnLoopback({ hostname: 'localhost' })).toBe(true);
    expect(isDevBuildOnLoopback({ hostname: 'mail.google.com' })).toBe(false);
  });

  test('an unreadable manifest counts as a release build', () => {
    manifest.content_scripts = undefined as unknown as typeof DEV;
    expect(isDevBuildOnLoopback({ hostname: '127.0.0.1' })).toBe(false);
  });
});
