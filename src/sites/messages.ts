/**
 * Messages between the popup, the background and the content script. They carry verdict summaries and site
 * switches only: never draft text or addresses.
 */
import type { DirectMarketingLevel, PrimaryPurpose, Route } from '../core/index.ts';

/** Popup → background: the user granted this site; enable the check there. */
export const ENABLE_SITE = 'mrc:enable-site';
export interface EnableSiteRequest {
  type: typeof ENABLE_SITE;
  origin: string;
}
export type EnableSiteResponse = { ok: true } | { ok: false; error: string };

/**
 * Content script → background: one "Send anyway" for the local override log (the entry holds the verdict's
 * values and the user's reason, never draft text). The background is the log's one writer, so appends from many
 * tabs never overwrite each other, and it limits how often a tab may append.
 */
export const LOG_OVERRIDE = 'mrc:log-override';

/** Popup → content script (top frame): what is open in this tab and what the check says. */
export const TAB_STATUS = 'mrc:tab-status';
/** Background (keyboard shortcut) → content script: focus the badge of the composer the writer is in. */
export const FOCUS_BADGE = 'mrc:focus-badge';
/** The manifest `commands` name of that shortcut. */
export const FOCUS_BADGE_COMMAND = 'focus-badge';
/** Popup → content script: open one composer's panel and scroll it into view. */
export const SHOW_COMPOSER = 'mrc:show-composer';

export interface ComposerSummary {
  /** Stable for the life of the composer in this tab. */
  id: number;
  /** Which adapter found it: gmail, outlook, yahoo, proton, roundcube, generic. */
  adapter: string;
  /** Null while the draft is empty or not yet checked. */
  verdict: {
    directMarketing: DirectMarketingLevel;
    purpose: PrimaryPurpose;
    route: Route;
    errors: number;
    warnings: number;
    /** The risk (src/core/risk.ts) with the composer's answers, and how many problems it counts (issue #13). */
    risk?: 'ok' | 'review' | 'stop';
    problems?: number;
  } | null;
}

export interface TabStatus {
  origin: string;
  /** False when paused everywhere or switched off for this site. */
  active: boolean;
  pausedEverywhere: boolean;
  composers: ComposerSummary[];
}
