/**
 * Proton Mail (mail.proton.me). Each compose window (up to several floating at once) is a `composer-N` block; its
 * body is a RoosterJS editor inside a **sandboxed, srcless iframe** (`sandbox="allow-same-origin allow-popups
 * allow-popups-to-escape-sandbox"`, no `allow-scripts`) whose document the app writes from the parent. No content
 * script runs in that frame, so this adapter reads it from the top frame through `iframe.contentDocument`: the
 * editor, its listeners, observer and highlights all live in the frame's document, the compose root and the badge
 * in the top document. Quick replies in the reading pane use the same editor frame. In plain-text mode the body is a
 * textarea in the top document instead (badge and findings, no highlights: ranges cannot address textarea text).
 * Selectors and their sources (ProtonMail/WebClients, public): docs/webmail-composers.md §1.1, §1.5.
 * Read-only: see adapter.ts.
 */
import type { ComposerAdapter, ComposerRef, DraftRecipients, DraftSnapshot } from './adapter.ts';
import { type EditorText, readEditorText } from './dom-text.ts';
import {
  addressesInText,
  frameOf,
  isCtrlEnter,
  isInOurUi,
  isVisible,
  MAX_BODY_CHARS,
  rowAround,
} from './shared.ts';
import { onWebmailPage } from './webmails.ts';

/** The editor frame: RoosterEditor.tsx `data-testid="rooster-iframe"` (its title "Email composer" is localized). High. */
export const EDITOR_FRAME_SELECTOR = 'iframe[data-testid="rooster-iframe"]';
/**
 * The editable inside the frame document, as useInitRooster.ts writes it: `#proton-editor-container >
 * #rooster-editor-wrapper > #rooster-editor`. High (ids written by the app itself).
 */
export const EDITOR_SELECTORS = [
  '#rooster-editor',
  '#rooster-editor-wrapper [contenteditable="true"]',
  '#proton-editor-container [contenteditable="true"]',
] as const;
/** The plain-text mode's body (PlainTextEditor.tsx `textarea.editor-textarea`), in the top document. High. */
export const PLAIN_TEXT_SELECTOR = 'textarea[data-testid="editor-textarea"]';
const BODY_SELECTOR = `${EDITOR_FRAME_SELECTOR}, ${PLAIN_TEXT_SELECTOR}`;
/**
 * Compose roots, most specific first: the floating window, `data-testid="composer-N"` on a `section` (automation
 * scripts) or on the `.composer` frame (ComposerFrame.tsx); plain `.composer` if the test id goes; the quick reply's
 * container in the reading pane (QuickReply.tsx). The `composer-` prefix alone is not enough:
 * `composer-addresses-item` chips share it.
 */
export const COMPOSE_ROOT_SELECTORS = [
  'section[data-testid^="composer-"]',
  '.composer[data-testid^="composer-"]',
  'section.composer, div.composer',
  '[data-shortcut-target="quick-reply-container"]',
] as const;
const COMPOSE_ROOT_SELECTOR = COMPOSE_ROOT_SELECTORS.join(', ');
/** Subject (ComposerMeta.tsx): the input itself carries the test id; some builds put it on a wrapper. High. */
export const SUBJECT_SELECTOR = '[data-testid="composer:subject"]';
/** Recipient inputs (AddressesEditor.tsx): To always; Cc and Bcc once expanded. High. */
export const RECIPIENT_INPUT_TEST_IDS = {
  to: 'composer:to',
  cc: 'composer:to-cc',
  bcc: 'composer:to-bcc',
} as const;
/** A recipient chip and its label ("Name <address>" or the address; AddressesRecipientItem.tsx). High. */
export const CHIP_SELECTOR = '[data-testid="composer-addresses-item"]';
export const CHIP_LABEL_SELECTOR =
  '[data-testid="composer-addresses-item-label"], .composer-addresses-item-label';
/**
 * The collapsed recipients summary shown while the recipient inputs are closed (AddressesSummary.tsx): labels are
 * contact names unless the recipient has none, so only the addresses written out in it can be read. Medium.
 */
export const SUMMARY_SELECTOR = '[data-testid="composer:address"]';
/** A "CC:"/"BCC:" marker inside the summary switches the kind of the labels after it. */
const SUMMARY_KIND = /^\s*(CC|BCC)\s*:\s*$/i;
/** Send buttons: the composer's and the quick reply's. High. */
export const SEND_BUTTON_SELECTOR =
  'button[data-testid="composer:send-button"], button[data-testid="quick-reply-send-button"]';
/** Quoted history (`div.protonmail_quote` around `blockquote.protonmail_quote`) and the signature block. High. */
export const SKIP_SELECTOR = '.protonmail_quote, .protonmail_signature_block';

type Kind = keyof typeof RECIPIENT_INPUT_TEST_IDS;
const KINDS = Object.keys(RECIPIENT_INPUT_TEST_IDS) as Kind[];

/** The frame's document when the top frame may read it (null while unreachable: cross-origin, detached). */
function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    return doc?.documentElement ? doc : null;
  } catch {
    return null;
  }
}

/** The editable in an editor frame, or null while the app has not written the frame yet. */
export function editorInFrame(frame: HTMLIFrameElement): HTMLElement | null {
  const doc = frameDocument(frame);
  if (!doc) return null;
  for (const sel of EDITOR_SELECTORS) {
    const el = doc.querySelector<HTMLElement>(sel);
    if (el && !isInOurUi(el)) return el;
  }
  return null;
}

/** The compose window around an editor frame or plain-text area (both in the top document). */
export function protonRootOf(holder: Element): Element {
  return holder.closest(COMPOSE_ROOT_SELECTOR) ?? holder.parentElement ?? holder;
}

/** The input behind a test id: the element itself, or the input inside a wrapper that carries it. */
function inputByTestId(root: Element, testId: string): HTMLInputElement | null {
  const el = root.querySelector(`[data-testid="${testId}"]`);
  if (!el) return null;
  return el.tagName === 'INPUT' ? (el as HTMLInputElement) : el.querySelector('input');
}

function subjectIn(root: Element): HTMLInputElement | null {
  const el = root.querySelector(SUBJECT_SELECTOR);
  if (!el) return null;
  return el.tagName === 'INPUT' ? (el as HTMLInputElement) : el.querySelector('input');
}

interface Row {
  kind: Kind;
  el: Element;
  input: HTMLInputElement;
}

/**
 * The open recipient rows: each input's row is everything around it up to the next field (chips included).
 * `holder` is the body's element in the top document: the editor frame, or the plain-text area.
 */
function recipientRows(root: Element, holder: Element): Row[] {
  const inputs = KINDS.map((kind) => ({ kind, input: inputByTestId(root, RECIPIENT_INPUT_TEST_IDS[kind]) }));
  const subject = subjectIn(root);
  const stops: Element[] = [holder, ...(subject ? [subject] : [])];
  for (const { input } of inputs) if (input) stops.push(input);
  const summary = root.querySelector(SUMMARY_SELECTOR);
  if (summary) stops.push(summary);
  const rows: Row[] = [];
  for (const { kind, input } of inputs) {
    if (input) rows.push({ kind, input, el: rowAround(input, root, stops) });
  }
  return rows;
}

/** Addresses in one open row: each chip's label, then complete addresses typed but not yet a chip. */
function addressesInRow(row: Row): string[] {
  const out = new Set<string>();
  for (const chip of Array.from(row.el.querySelectorAll(CHIP_SELECTOR))) {
    const label = chip.querySelector(CHIP_LABEL_SELECTOR) ?? chip;
    for (const a of addressesInText(label.textContent)) out.add(a);
  }
  for (const a of addressesInText(row.input.value)) out.add(a);
  return [...out];
}

/** Addresses written out in the collapsed summary, by the kind its CC:/BCC: markers give them. */
function summaryRecipients(summary: Element, out: DraftRecipients): void {
  let kind: Kind = 'to';
  const walker = summary.ownerDocument.createTreeWalker(summary, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const marker = SUMMARY_KIND.exec(text);
    if (marker) {
      kind = marker[1]!.toLowerCase() as Kind;
      continue;
    }
    for (const a of addressesInText(text)) if (!out[kind].includes(a)) out[kind].push(a);
  }
}

export function protonRecipients(root: Element, holder: Element): DraftRecipients {
  const out: DraftRecipients = { to: [], cc: [], bcc: [] };
  const rows = recipientRows(root, holder);
  for (const row of rows) {
    for (const a of addressesInRow(row)) if (!out[row.kind].includes(a)) out[row.kind].push(a);
  }
  if (!rows.length) {
    const summary = root.querySelector(SUMMARY_SELECTOR);
    if (summary) summaryRecipients(summary, out);
  }
  return out;
}

/** A plain-text body's text: the value, bounded; no ranges (textarea text cannot carry highlights). */
function textareaText(el: HTMLTextAreaElement): EditorText {
  const value = el.value;
  return {
    text: value.slice(0, MAX_BODY_CHARS),
    truncated: value.length > MAX_BODY_CHARS,
    rangeFor: () => null,
  };
}

/**
 * One composer. `frame` is the editor frame holding `editor` (rich text), or null when `editor` is the plain-text
 * area in the top document.
 */
export function protonComposer(editor: HTMLElement, frame: HTMLIFrameElement | null): ComposerRef {
  const holder: Element = frame ?? editor;
  const root = protonRootOf(holder);
  const doc = editor.ownerDocument;
  const plain = frame === null && editor.tagName === 'TEXTAREA';
  return {
    adapterId: 'proton',
    editor,
    root,
    kind: plain ? 'textarea' : 'contenteditable',
    readDraft(): DraftSnapshot {
      return {
        subject: subjectIn(root)?.value ?? '',
        body: plain
          ? textareaText(editor as HTMLTextAreaElement)
          : readEditorText(editor, { skip: (el) => el.matches(SKIP_SELECTOR), maxChars: MAX_BODY_CHARS }),
        recipients: protonRecipients(root, holder),
      };
    },
    observeTargets() {
      const subject = subjectIn(root);
      const summary = root.querySelector(SUMMARY_SELECTOR);
      return {
        body: editor,
        fields: [
          ...(subject ? [subject] : []),
          ...recipientRows(root, holder).map((r) => r.el),
          ...(summary ? [summary] : []),
        ],
      };
    },
    // Gone when the composer closes, and also when the app rewrites the frame (a new document, a new editor).
    isConnected: () =>
      editor.isConnected &&
      holder.isConnected &&
      root.isConnected &&
      (root === holder || root.contains(holder)) &&
      (!frame || frameDocument(frame) === doc),
    sendControls: () => Array.from(root.querySelectorAll(SEND_BUTTON_SELECTOR)),
    // Proton sends on Ctrl/⌘+Enter when the user's keyboard shortcuts are on (useComposerHotkeys.tsx), from the
    // fields and from inside the editor frame alike; treating it as Send when they are off only costs a check.
    isSendShortcut: isCtrlEnter,
  };
}

/** Editor frames and plain-text areas under `root` (and `root` itself), in document order. */
function holdersUnder(root: Document | Element, selector = BODY_SELECTOR): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  if (root.nodeType === 1 && (root as Element).matches(selector)) found.unshift(root as Element);
  return found;
}

/** The composer of one editor frame (shown and already written) or plain-text area (shown, editable). */
function composerOf(holder: Element): ComposerRef | null {
  if (isInOurUi(holder) || !isVisible(holder)) return null;
  if (holder.matches(PLAIN_TEXT_SELECTOR)) {
    const area = holder as HTMLTextAreaElement;
    return area.disabled || area.readOnly ? null : protonComposer(area, null);
  }
  const frame = holder as HTMLIFrameElement;
  const editor = editorInFrame(frame);
  return editor ? protonComposer(editor, frame) : null;
}

/** The editor frame whose document holds `el` (focus inside the frame), when it is one of Proton's. */
function editorFrameOf(el: Element): HTMLIFrameElement | null {
  const frame = frameOf(el);
  if (frame?.matches(EDITOR_FRAME_SELECTOR)) return frame as HTMLIFrameElement;
  // Without `frameElement` (some DOMs do not expose it): the parent document's editor frame showing this document.
  try {
    const parent = el.ownerDocument.defaultView?.parent?.document;
    if (!parent || parent === el.ownerDocument) return null;
    const frames = holdersUnder(parent, EDITOR_FRAME_SELECTOR) as HTMLIFrameElement[];
    return frames.find((f) => frameDocument(f) === el.ownerDocument) ?? null;
  } catch {
    return null;
  }
}

export const protonAdapter: ComposerAdapter = {
  id: 'proton',
  matches: (location) => onWebmailPage('proton', location),
  findComposers(root) {
    const out: ComposerRef[] = [];
    for (const holder of holdersUnder(root)) {
      const ref = composerOf(holder);
      if (ref && !out.some((r) => r.editor === ref.editor)) out.push(ref);
    }
    return out;
  },
  composerFor(target) {
    if (isInOurUi(target)) return null;
    if (target.matches(BODY_SELECTOR)) return composerOf(target);
    const frame = editorFrameOf(target);
    if (frame) return composerOf(frame);
    // Focus in the subject or a recipient field: the composer's own body.
    const root = target.closest(COMPOSE_ROOT_SELECTOR);
    const holders = root ? holdersUnder(root) : [];
    return holders.length === 1 ? composerOf(holders[0]!) : null;
  },
};
