/**
 * The background's message handling, apart from the browser wiring in index.ts so it is unit-tested as is. Every
 * message is checked against its sender first: enabling a site is for the extension's own pages (the popup), the
 * override log for its content scripts; anything else is refused.
 */
import type { LogWrite, OverrideEntry } from '../settings/override-log.ts';
import { pageOrigin } from '../sites/hosts.ts';
import {
  ENABLE_SITE,
  type EnableSiteRequest,
  type EnableSiteResponse,
  LOG_OVERRIDE,
} from '../sites/messages.ts';

/** What a message's sender looks like (runtime.MessageSender, the fields used here). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface MessageDeps {
  /** This extension's id (runtime.id). */
  extensionId: string;
  /** The extension's own origin with a trailing slash (runtime.getURL('')). */
  extensionBase: string;
  enableSite(request: EnableSiteRequest): Promise<EnableSiteResponse>;
  appendOverride(entry: OverrideEntry): Promise<LogWrite>;
  rateLimit: { allow(key: string): boolean };
}

export const NOT_FROM_EXTENSION_PAGE = 'Only the extension’s own pages can switch a site on.';
export const RATE_LIMITED = 'Too many “Send anyway” entries in a short time; this one was not logged.';

/**
 * An extension page of ours (the popup, the options page): its URL, which the browser reports (a content script
 * cannot choose it), is on the extension's own origin. Such a page may sit in a tab (the popup opened as a page).
 */
export function fromExtensionPage(sender: Sender, deps: Pick<MessageDeps, 'extensionId' | 'extensionBase'>) {
  return sender.id === deps.extensionId && !!sender.url?.startsWith(deps.extensionBase);
}

/** One of our content scripts, in a tab. */
export function fromContentScript(sender: Sender, deps: Pick<MessageDeps, 'extensionId'>) {
  return sender.id === deps.extensionId && typeof sender.tab?.id === 'number';
}

/** The reply to a message, or undefined when the message is not one the background answers. Never throws. */
export function handleMessage(
  message: unknown,
  sender: Sender,
  deps: MessageDeps,
): Promise<unknown> | undefined {
  const m = message as { type?: unknown; origin?: unknown; entry?: unknown } | null;
  if (m?.type === ENABLE_SITE && typeof m.origin === 'string') {
    if (!fromExtensionPage(sender, deps))
      return Promise.resolve<EnableSiteResponse>({ ok: false, error: NOT_FROM_EXTENSION_PAGE });
    return deps
      .enableSite(m as EnableSiteRequest)
      .catch((e): EnableSiteResponse => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
  }
  if (m?.type === LOG_OVERRIDE && m.entry && typeof m.entry === 'object') {
    if (!fromContentScript(sender, deps))
      return Promise.resolve<LogWrite>({ ok: false, storageError: 'refused' });
    if (!deps.rateLimit.allow(String(sender.tab?.id)))
      return Promise.resolve<LogWrite>({ ok: false, storageError: RATE_LIMITED });
    // The site is the tab's, as the browser reports it, whatever the message says.
    const site = pageOrigin(sender.tab?.url) ?? (m.entry as OverrideEntry).site;
    return deps
      .appendOverride({ ...(m.entry as OverrideEntry), site })
      .catch((e): LogWrite => ({ ok: false, storageError: e instanceof Error ? e.message : String(e) }));
  }
  return undefined;
}
