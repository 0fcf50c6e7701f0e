/**
 * The contract between the content script and one webmail's DOM. An adapter only *reads*: it never writes to
 * the editor, sets attributes on it, focuses it or touches the selection (docs/webmail-composers.md §3.3).
 *
 * Adding a webmail: its entry in `webmails.ts` (id, label, hosts, fixture), then `src/adapters/<id>.ts` exporting
 * its ComposerAdapter (the registry in `index.ts` fails to type-check until it is registered); see
 * docs/adding-a-webmail.md.
 */
import type { EditorText } from './dom-text.ts';
import type { WebmailId } from './webmails.ts';

/** Every adapter's id: one per webmail in webmails.ts, plus the generic fallback. */
export type AdapterId = WebmailId | 'generic';

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
  /**
   * The editable body. Sessions are keyed by it (a WeakMap key, never an attribute on it). It may live in a
   * same-origin iframe (TinyMCE, Proton's sandboxed editor): then `editor.ownerDocument` is the frame's document
   * and `root` is in the top document; the top frame owns it (child-frame content scripts stay passive).
   */
  editor: HTMLElement;
  /** The compose window around the editor (form, dialog, …); the editor itself if nothing better is found. */
  root: Element;
  /** `textarea` bodies cannot carry highlights (ranges cannot address their text): the badge lists findings instead. */
  kind: 'contenteditable' | 'textarea';
  readDraft(): DraftSnapshot;
  observeTargets(): ObserveTargets;
  /** False once the webmail has removed the composer (sent, discarded, closed). */
  isConnected(): boolean;
  /** Send buttons and send menu items (Send, Send+Archive, scheduled send…) of this composer: the Send-check watches clicks on them. */
  sendControls(): Element[];
  /**
   * True when `e` (a keydown in the composer, including inside an iframe editor) is this webmail's send shortcut,
   * e.g. Ctrl/⌘+Enter. Never true while an IME is composing.
   */
  isSendShortcut(e: KeyboardEvent): boolean;
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
