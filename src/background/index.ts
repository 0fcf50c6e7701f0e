/**
 * Background (service worker in Chrome, event page in Firefox). It holds no drafts and makes no network
 * calls; for now it only records the install so the popup can greet first-time users.
 */
import { browser } from '../platform/browser.ts';

browser.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason === 'install') await browser.storage.local.set({ installedAt: new Date().toISOString() });
});
