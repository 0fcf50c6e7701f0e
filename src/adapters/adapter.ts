/**
 * The contract between the content script and one webmail's DOM. An adapter only *reads*: it never writes to
 * the editor, sets attributes on it, focuses it or touches the selection (docs/webmail-composers.md §3.3).
 *
 * Adding a webmail: write `src/adapters/<id>.ts` exporting a ComposerAdapter, add its id to `AdapterId`
 * below (the registry in `index.ts` then fails to type-check until it is registered), and give it fixtures.
 */
import type { EditorText } from './dom-text.ts';

/** Every adapter's id. Site adapters (gmail, outlook, yahoo, proton, roundcube) join this union. */
export type AdapterId = 'gmail' | 'outlook' | 'generic';

export interface DraftRecipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

/** One read of a composer: what the writer has typed so far. */
export interface DraftSnapshot {
  subject: string;
  /** The body text plus `rangeFor(start, end)`, which maps evidence offsets back to DOM Ranges (null in textareas). */
  body: EditorText;
  recipients: DraftRecipients;
}

/** The elements a session watches for changes (input events, a scoped MutationObserver). */
export interface ObserveTargets {
  /** The editable body: contenteditable host, iframe body or textarea. */
  body: HTMLElement;
  /** Subject and recipient fields (input events; chips containers may be observed for childList). */
  fields: Element[];
}

/** One open compose window, as found by an adapter. Pure reads; cheap enough to call on every check. */
export interface ComposerRef {
  adapterId: AdapterId;
  /** The editable body. Sessions are keyed by it (a WeakMap key, never an attribute on it). */
  editor: HTMLElement;
  /** The compose window around the editor (form, dialog, …); the editor itself if nothing better is found. */
  root: Element;
  /** `textarea` bodies cannot carry highlights (ranges cannot address their text): the badge lists findings instead. */
  kind: 'contenteditable' | 'textarea';
  readDraft(): DraftSnapshot;
  observeTargets(): ObserveTargets;
  /** False once the webmail has removed the composer (sent, discarded, closed). */
  isConnected(): boolean;
  /** Send buttons and menu items (issue #4, Send-check). Empty until then. */
  sendControls(): Element[];
}

export interface ComposerAdapter {
  id: AdapterId;
  /** Does this adapter apply to the page at `location`? (Host check, maybe a cheap DOM sniff.) */
  matches(location: Pick<Location, 'hostname' | 'pathname'>): boolean;
  /** Composers already present under `root` (the initial scan, and each batch of added nodes). */
  findComposers(root: Document | Element): ComposerRef[];
  /** The composer that owns `target` (the element that just received focus), or null. */
  composerFor(target: Element): ComposerRef | null;
}
