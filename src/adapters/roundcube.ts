/**
 * Roundcube 1.6 (Elastic skin; Larry keeps the same server-rendered ids). Roundcube is self-hosted, so it has no
 * host of its own: the content script only runs there on a site the user enabled (or on loopback in a dev build),
 * and this adapter recognises the compose page by its URL (`?_task=mail&_action=compose…`) or its DOM.
 *
 * One compose per page (a full page, or a pop-up window with `compose_extwin`), in one of two modes:
 * - plain text: `textarea#composebody` (kind 'textarea'; highlights come from the textarea mirror);
 * - HTML: TinyMCE 5 hides the textarea and edits `body#tinymce` in the srcless, same-origin
 *   `iframe#composebody_ifr` (kind 'contenteditable'; highlights live in the frame's document).
 * Switching mode ends one composer (`isConnected()` turns false: textarea hidden, or the frame removed) and the
 * next page change or sweep finds the other.
 *
 * Selectors were read off a real Roundcube 1.6.5 (Debian 12; docs/webmail-composers.md §1.7, §4). They are
 * server-rendered ids and names, stable across releases. Read-only: see adapter.ts.
 */
import type { ComposerAdapter, ComposerRef, DraftRecipients, DraftSnapshot } from './adapter.ts';
import { type EditorText, readEditorText } from './dom-text.ts';
import {
  containsAddress,
  frameOf,
  isConnectedWithin,
  isCtrlEnter,
  isInOurUi,
  isVisible,
  MAX_BODY_CHARS,
  textareaText,
} from './shared.ts';

/** The compose action in the page URL: `?_task=mail&_action=compose&_id=…` (also replies, forwards, drafts). */
export const COMPOSE_URL = /[?&]_action=compose(?:&|$)/;
/** Body classes every Roundcube skin renders from the task and action (`<body class="task-mail action-compose">`). */
export const COMPOSE_BODY_CLASSES = ['task-mail', 'action-compose'] as const;
/** The compose form (`<form name="form">`, posts `_task=mail&_action=send`). High. */
export const COMPOSE_FORM_SELECTOR = 'form[name="form"]';
/** The content pane around the form and its buttons (the Send button sits outside the form). High (Elastic). */
export const COMPOSE_CONTENT_SELECTOR = '#compose-content';
/** The message body id: the plain-text textarea, and TinyMCE's `data-id` in HTML mode. High. */
export const BODY_ID = 'composebody';
/** TinyMCE's editor frame: srcless, same-origin, named after the textarea id plus `_ifr`. High (TinyMCE 4–6). */
export const HTML_FRAME_SELECTOR = 'iframe#composebody_ifr';
/** The editing host inside that frame (`body#tinymce.mce-content-body[contenteditable=true]`). High. */
export const HTML_BODY_SELECTOR = 'body#tinymce';
/** Subject (`name="_subject"`). High. */
export const SUBJECT_SELECTOR = 'input#compose-subject, input[name="_subject"]';
/**
 * The canonical recipient lists: hidden textareas moved off-screen by the recipient widget, holding
 * `Name <addr>, addr, …`. High (form field names).
 */
export const RECIPIENT_FIELD_SELECTORS = {
  to: 'textarea#_to, textarea[name="_to"]',
  cc: 'textarea#_cc, textarea[name="_cc"]',
  bcc: 'textarea#_bcc, textarea[name="_bcc"]',
} as const satisfies Record<keyof DraftRecipients, string>;
/** The visible rows around each list; typing in their inputs bubbles `input` events up to them. High (Elastic). */
export const RECIPIENT_ROW_SELECTORS = {
  to: '#compose_to',
  cc: '#compose_cc',
  bcc: '#compose_bcc',
} as const satisfies Record<keyof DraftRecipients, string>;
/** Chips of the visible widget (Elastic): `li.recipient[title="Name <addr>"]`. Fallback when a hidden list is missing. Medium. */
export const CHIP_SELECTOR = 'ul.recipient-input li.recipient';
/**
 * Send controls: the form button (`onclick="rcmail.command('send',…)"`; its `rcmbtnNNN` id is generated) and the
 * copy Elastic puts in the header toolbar on narrow screens (`a#rcmbtnNNN-clone.send`). Medium-high.
 */
export const SEND_SELECTORS = ['button.btn.btn-primary.send', 'a.button.send'] as const;
/**
 * HTML mode, left out of the text: quoted history (Roundcube quotes replies in plain `<blockquote>`s, without
 * `type=cite`; a blockquote the writer adds from the toolbar is rare and left out too), the reply intro line
 * (`p#reply-intro`, "On …, X wrote:") and TinyMCE's own bogus nodes (caret containers, resize handles).
 */
export const HTML_SKIP_SELECTOR = 'blockquote, #reply-intro, [data-mce-bogus="all"]';
/**
 * HTML signature (`div#_rc_sig`). Kept when it starts with the "-- " separator (Roundcube's default): the core then
 * treats it as a signature, leaving it out of the judgement while the opt-out and sender checks still read it.
 * Without a separator it is left out, so a signature is never judged as message text.
 */
export const HTML_SIGNATURE_ID = '_rc_sig';

/** "On 2026-11-23 10:00, Bob wrote:" (Roundcube's `mailreplyintro`, English). */
const REPLY_INTRO = /^[ \t]*On\b.{0,300}\bwrote:[ \t]*$/i;
const QUOTED_LINE = /^[ \t]*>/;
/** The separator line as `textContent` shows it (line breaks are `<br>`s, so not in the text): "-- " then the rest. */
const SIGNATURE_SEPARATOR = /^\s*--(?:[ \u00a0]|$)/;

/** Does this location look like a Roundcube compose page? URL first (free); the DOM sniff covers rewritten URLs. */
export function isRoundcubeComposePage(
  location: Partial<Pick<Location, 'search'>>,
  doc: Document | undefined,
): boolean {
  if (location.search && COMPOSE_URL.test(location.search)) return true;
  return !!doc && isRoundcubeComposeDocument(doc);
}

/** The DOM sniff: Roundcube's body classes, or its compose form holding the message body. Two cheap lookups. */
export function isRoundcubeComposeDocument(doc: Document): boolean {
  const classes = doc.body?.classList;
  if (classes && COMPOSE_BODY_CLASSES.every((c) => classes.contains(c))) return true;
  return !!doc.getElementById(BODY_ID)?.closest(COMPOSE_FORM_SELECTOR);
}

/**
 * Splits a Roundcube recipient list (`Name <addr>, "Last, First" <addr>, addr,`) into one entry per recipient,
 * keeping each entry as written. Commas inside quotes or angle brackets do not split (a quote left open, which
 * Roundcube never writes, is read as an ordinary character instead); entries without an address (a half-typed name)
 * are dropped.
 */
export function parseRecipientList(value: string): string[] {
  return splitRecipients(value, true) ?? splitRecipients(value, false) ?? [];
}

/** null when `honourQuotes` and a quote is left open. */
function splitRecipients(value: string, honourQuotes: boolean): string[] | null {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  const flush = () => {
    const entry = current.trim();
    current = '';
    if (entry && containsAddress(entry)) out.push(entry);
  };
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (honourQuotes && ch === '\\' && quoted && i + 1 < value.length) {
      current += ch + value[++i];
      continue;
    }
    if (honourQuotes && ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle++;
    else if (!quoted && ch === '>' && angle > 0) angle--;
    if (!quoted && angle === 0 && (ch === ',' || ch === ';' || ch === '\n')) {
      flush();
      continue;
    }
    current += ch;
  }
  if (quoted) return null;
  flush();
  return out;
}

/**
 * Replaces the reply intro lines ("On …, X wrote:") with spaces, keeping every offset. The core reads such a line
 * as the start of the reply history and leaves out everything after it, which is right for top-posting but drops
 * the whole reply in Roundcube's default bottom-posting mode (the writer types below the quote). The quote itself is
 * still left out: `>` lines by the core (plain text), blockquotes by the reader (HTML).
 * `needsQuoteAfter`: blank a line only when a `>` line follows it (plain text); otherwise blank every intro line.
 */
export function blankReplyIntros(text: string, needsQuoteAfter: boolean): string {
  if (!/wrote:/i.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!REPLY_INTRO.test(line)) continue;
    if (needsQuoteAfter && !QUOTED_LINE.test(lines[i + 1] ?? '')) continue;
    lines[i] = ' '.repeat(line.length) + (lines[i]!.endsWith('\r') ? '\r' : '');
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}

function isTextarea(el: Element | null | undefined): el is HTMLTextAreaElement {
  return !!el && el.tagName === 'TEXTAREA';
}

/** The compose window around the body: the content pane (holds the Send button), else the form, else the parent. */
export function roundcubeRootOf(editor: HTMLElement): Element {
  const anchor = frameOf(editor) ?? editor;
  return (
    anchor.closest(COMPOSE_CONTENT_SELECTOR) ??
    anchor.closest(COMPOSE_FORM_SELECTOR) ??
    anchor.parentElement ??
    anchor
  );
}

function subjectIn(root: Element): HTMLInputElement | null {
  return (
    root.querySelector<HTMLInputElement>(SUBJECT_SELECTOR) ??
    root.ownerDocument.querySelector<HTMLInputElement>(SUBJECT_SELECTOR)
  );
}

/** The chips' recipients in one row (`title` holds "Name <addr>"; else the name and email spans). */
function chipRecipients(row: Element | null): string[] {
  if (!row) return [];
  const out: string[] = [];
  for (const chip of Array.from(row.querySelectorAll(CHIP_SELECTOR))) {
    const text = chip.getAttribute('title') || chip.textContent || '';
    out.push(...parseRecipientList(text));
  }
  return out;
}

/** Recipients from the hidden canonical lists; a row whose list is missing falls back to its chips. */
export function roundcubeRecipients(root: Element): DraftRecipients {
  const doc = root.ownerDocument;
  const out: DraftRecipients = { to: [], cc: [], bcc: [] };
  for (const kind of ['to', 'cc', 'bcc'] as const) {
    const field =
      root.querySelector<HTMLTextAreaElement>(RECIPIENT_FIELD_SELECTORS[kind]) ??
      doc.querySelector<HTMLTextAreaElement>(RECIPIENT_FIELD_SELECTORS[kind]);
    const listed = field ? parseRecipientList(field.value) : [];
    // The widget updates the hidden list as chips change; chips alone mean the list is missing or out of step.
    out[kind] = listed.length ? listed : chipRecipients(doc.querySelector(RECIPIENT_ROW_SELECTORS[kind]));
  }
  return out;
}

function recipientTargets(root: Element): Element[] {
  const doc = root.ownerDocument;
  const out: Element[] = [];
  for (const kind of ['to', 'cc', 'bcc'] as const) {
    const row = doc.querySelector(RECIPIENT_ROW_SELECTORS[kind]);
    const field = doc.querySelector(RECIPIENT_FIELD_SELECTORS[kind]);
    if (row) out.push(row);
    if (field && !row?.contains(field)) out.push(field);
  }
  return out;
}

function sendControlsIn(root: Element): Element[] {
  const doc = root.ownerDocument;
  const out: Element[] = [];
  for (const sel of SEND_SELECTORS) for (const el of Array.from(doc.querySelectorAll(sel))) out.push(el);
  return out;
}

function htmlText(body: HTMLElement): EditorText {
  let skippedQuote = false;
  const read = readEditorText(body, {
    maxChars: MAX_BODY_CHARS,
    skip: (el) => {
      if (el.id === HTML_SIGNATURE_ID) return !SIGNATURE_SEPARATOR.test(el.textContent ?? '');
      if (!el.matches(HTML_SKIP_SELECTOR)) return false;
      if (el.tagName === 'BLOCKQUOTE') skippedQuote = true;
      return true;
    },
  });
  // A plain-text reply switched to HTML keeps its intro as a bare text line above the (skipped) blockquote.
  return skippedQuote ? { ...read, text: blankReplyIntros(read.text, false) } : read;
}

function composer(editor: HTMLElement, kind: ComposerRef['kind']): ComposerRef {
  const root = roundcubeRootOf(editor);
  return {
    adapterId: 'roundcube',
    editor,
    root,
    kind,
    readDraft(): DraftSnapshot {
      return {
        subject: subjectIn(root)?.value ?? '',
        body: isTextarea(editor) ? textareaText(editor, (t) => blankReplyIntros(t, true)) : htmlText(editor),
        recipients: roundcubeRecipients(root),
      };
    },
    observeTargets() {
      const subject = subjectIn(root);
      return { body: editor, fields: [...(subject ? [subject] : []), ...recipientTargets(root)] };
    },
    isConnected() {
      if (!isConnectedWithin(root, editor)) return false;
      // The textarea stays in the page while TinyMCE is on, hidden: that ends the plain-text composer.
      if (kind === 'textarea') return isVisible(editor);
      const frame = frameOf(editor);
      return !!frame && isVisible(frame);
    },
    sendControls: () => sendControlsIn(root),
    // Core Roundcube has no send shortcut; the keyboard_shortcuts plugin adds Ctrl+Enter (⌘+Enter on macOS).
    isSendShortcut: isCtrlEnter,
  };
}

/** The TinyMCE body when `frame` is Roundcube's editor frame and TinyMCE has made its body editable. */
function htmlBodyOf(frame: Element | null): HTMLElement | null {
  if (!frame?.matches(HTML_FRAME_SELECTOR)) return null;
  let body: HTMLElement | null | undefined;
  try {
    body = (frame as HTMLIFrameElement).contentDocument?.body;
  } catch {
    return null;
  }
  if (!body?.matches(HTML_BODY_SELECTOR)) return null;
  return body.isContentEditable || body.getAttribute('contenteditable') === 'true' ? body : null;
}

/** The page's compose in its current mode: the TinyMCE body when it is on, else the visible textarea. */
export function currentComposer(doc: Document): ComposerRef | null {
  const frame = doc.querySelector(HTML_FRAME_SELECTOR);
  const html = htmlBodyOf(frame);
  if (html && frame && isVisible(frame)) return composer(html, 'contenteditable');
  const plain = doc.getElementById(BODY_ID);
  if (isTextarea(plain) && !plain.disabled && !plain.readOnly && isVisible(plain))
    return composer(plain, 'textarea');
  return null;
}

export const roundcubeAdapter: ComposerAdapter = {
  id: 'roundcube',
  // `search` is read when the caller passes a full Location (the content script does); the DOM sniff needs the
  // page's document, which only exists in a page.
  matches: (location) =>
    isRoundcubeComposePage(
      location as Partial<Location>,
      typeof document === 'undefined' ? undefined : document,
    ),
  /**
   * One compose per page, so any change anywhere re-resolves it from the document (two id lookups): switching
   * HTML → plain only removes TinyMCE and shows the textarea again, adding nothing near it. The watcher ignores a
   * composer it already has.
   */
  findComposers(root) {
    const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
    if (!isRoundcubeComposeDocument(doc)) return [];
    const ref = currentComposer(doc);
    return ref ? [ref] : [];
  },
  composerFor(target) {
    if (isInOurUi(target)) return null;
    const doc = target.ownerDocument;
    // Inside TinyMCE's frame (the top frame claims frame bodies it can reach).
    const frame = frameOf(target);
    if (frame) {
      const body = htmlBodyOf(frame);
      return body && (target === body || body.contains(target)) ? composer(body, 'contenteditable') : null;
    }
    if (!isRoundcubeComposeDocument(doc)) return null;
    // The body itself, or any field of the compose (subject, recipients): the page's one compose.
    if (
      target.id === BODY_ID ||
      target.closest(COMPOSE_FORM_SELECTOR) ||
      target.closest(COMPOSE_CONTENT_SELECTOR)
    )
      return currentComposer(doc);
    return null;
  },
};
