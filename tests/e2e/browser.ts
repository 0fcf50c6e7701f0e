/** Launches Debian's Chromium with the built extension (never a downloaded browser). */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Request } from 'playwright-core';

/** The built extension; helpers building in parallel point MRC_DIST at their own output directory. */
export const DIST = path.resolve(import.meta.dirname, '../..', process.env.MRC_DIST ?? 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every request made by a page or worker of the extension itself. */
  extensionRequests: string[];
  close(): Promise<void>;
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'mrc-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const extensionRequests: string[] = [];
  const record = (r: Request) => {
    const frameUrl = (() => {
      try {
        return r.frame().url();
      } catch {
        return '';
      }
    })();
    if (
      frameUrl.startsWith(`chrome-extension://${extensionId}`) &&
      !r.url().startsWith('chrome-extension://')
    ) {
      extensionRequests.push(r.url());
    }
  };
  context.on('request', record);
  return {
    context,
    extensionId,
    extensionRequests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The badge host of the composer whose editor (or editor frame) has this id (`data-mrc-for`). */
export const hostFor = (key: string) => `[data-mrc-host][data-mrc-for="${key}"]`;

/** That composer's current verdict (`data-mrc-verdict`), or null while it has none; for `expect.poll`. */
export const verdictOf = (p: Page, key: string, timeout = 1000) =>
  p
    .locator(hostFor(key))
    .getAttribute('data-mrc-verdict', { timeout })
    .catch(() => null);
