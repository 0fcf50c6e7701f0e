/**
 * The fallback adapter: any editable the user focuses, on any page the content script runs on, plus a scan that
 * recognises message editors by how they behave rather than by one ARIA pair (issue 11): an editable, multi-line,
 * visible region inside a compose window with a Send control, or one announced as a multi-line text box. Real
 * editors (CKEditor 5, Tiptap, Quill, ProseMirror, Lexical, roosterjs) rarely set `aria-multiline`, and a reply
 * form often focuses its editor before the content script starts, so waiting for a focus event would miss it.
 * Site adapters are tried first. Read-only: see adapter.ts.
 */
import type { ComposerAdapter, ComposerRef, DraftRecipients, DraftSnapshot } from './adapter.ts';
import { readEditorText } from './dom-text.ts';
import {
  collectComposers,
  frameOf,
  isConnectedWithin,
  isCtrlEnter,
  isInOurUi,
  isVisible,
  MAX_BODY_CHARS,
  textareaText,
} from './shared.ts';

/** Editables the user can type a message into: rich-text editing hosts and plain-text areas. */
export const EDITABLE_SELECTOR =
  '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';
/** Editors that say they are multi-line text boxes: found by the initial scan, before anything is focused. */
export const MULTILINE_TEXTBOX_SELECTOR = '[role="textbox"][aria-multiline="true"]';
/** What the scan looks at: editing hosts and plain-text areas (each then judged by looksLikeMessageBody). */
export const SCAN_SELECTOR =
  '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';
/** Content that only a multi-line editor holds (an editor's empty paragraph counts). */
const BLOCK_CONTENT = 'p, div, br, li, blockquote, pre, h1, h2, h3, table';
/** How far up from an editor outside any form or dialog the scan looks for its compose window's Send control. */
const MAX_ROOT_DEPTH = 8;
/** Never a message body: read-only editors, search and combo boxes, single-line boxes, Gmail's hidden `nosend` area. */
export const NOT_A_BODY_SELECTOR =
  '[aria-readonly="true"], [role="combobox"], [role="searchbox"], [aria-multiline="false"], textarea[form="nosend"]';
/** The compose window around an editor: the nearest form, dialog, main region or section. */
export const COMPOSE_ROOT_SELECTOR = 'form, [role="dialog"], [role="main"], section';
/** Text fields in the compose root that may be the subject or a recipient list. */
export const FIELD_SELECTOR = 'input:not([type]), input[type="text"], input[type="email"], textarea';
/** Quoted history and signatures: not what the writer is writing now. */
export const SKIP_SELECTOR =
  'blockquote[type="cite"], .gmail_quote, .gmail_signature, .moz-cite-prefix, .moz-signature, #divRplyFwdMsg';

/**
 * What a Send control is called, as a whole label (aria-label, title, name, value or text; case, spacing and a
 * trailing shortcut hint such as "(Ctrl+Enter)" ignored): English, then the languages webmail UIs commonly ship.
 * Whole-label matches only, so "Send to OneNote", "Resend" or "Send feedback" never count.
 */
export const SEND_WORDS = [
  'send',
  'send now',
  'send message',
  'send email',
  'send e-mail',
  'send mail',
  'envoyer',
  'senden',
  'enviar',
  'invia',
  'verzenden',
  'versturen',
  'wyślij',
  'skicka',
  'lähetä',
  'odeslat',
  'küldés',
  'trimite',
  'отправить',
  'надіслати',
  'gönder',
  'αποστολή',
  '送信',
  '发送',
  '傳送',
  '보내기',
  'إرسال',
  'שלח',
  'anfon',
] as const;
const SEND_WORD_SET: ReadonlySet<string> = new Set(SEND_WORDS);
const SHORTCUT_HINT = /\s*[(（][^()（）]*[)）]\s*$/u;
/** Controls that can be a Send button in a generic compose window. */
export const SEND_CANDIDATE_SELECTOR = 'button, input[type="submit"], input[type="button"], [role="button"]';

/** True when one of the element's labels is, as a whole, a word for Send (SEND_WORDS). */
export function labelSaysSend(el: Element): boolean {
  const labels = [
    el.getAttribute('aria-label'),
    el.getAttribute('title'),
    el.getAttribute('name'),
    el.tagName === 'INPUT' ? (el as HTMLInputElement).value : el.textContent,
  ];
  for (const raw of labels) {
    if (!raw || raw.length > 60) continue;
    const label = raw.replace(SHORTCUT_HINT, '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (label && SEND_WORD_SET.has(label)) return true;
  }
  return false;
}

/** Send controls in a generic compose root: buttons labelled Send (conservative: whole labels only). */
export function genericSendControls(root: Element, body: Element): Element[] {
  if (root === body) return [];
  return Array.from(root.querySelectorAll(SEND_CANDIDATE_SELECTOR)).filter(
    (el) =>
      !body.contains(el) &&
      !isInOurUi(el) &&
      el.getAttribute('aria-haspopup') !== 'true' &&
      labelSaysSend(el),
  );
}

const RECIPIENT_KEY = /^_?(to|cc|bcc)\b/i;

function isElement(node: unknown): node is HTMLElement {
  return !!node && (node as Node).nodeType === 1;
}

function isTextarea(el: Element): el is HTMLTextAreaElement {
  return el.tagName === 'TEXTAREA';
}

function isEditingHost(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v === '' || v === 'true' || v === 'plaintext-only';
}

/** The outermost editing host that contains `el` (focus can land on a nested editable). */
function outermostEditable(el: HTMLElement): HTMLElement {
  let top = el;
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (p.getAttribute('contenteditable') === 'false') break;
    if (isEditingHost(p)) top = p;
  }
  return top;
}

/**
 * True inside a document in design mode (older iframe editors, `document.designMode = 'on'`): its whole body is
 * the editor, with no contenteditable attribute to find.
 */
function inDesignMode(el: Element): boolean {
  return el.ownerDocument.designMode === 'on' && !!el.ownerDocument.body?.contains(el);
}

/** The message body that `target` belongs to, or null when it is not something a message is typed into. */
export function bodyFor(target: Element): HTMLElement | null {
  if (!isElement(target) || isInOurUi(target)) return null;
  let el: HTMLElement | null = null;
  if (isTextarea(target)) el = target;
  else if (inDesignMode(target)) el = target.ownerDocument.body;
  else if (isEditingHost(target)) el = outermostEditable(target);
  else {
    const host = target.closest<HTMLElement>(EDITABLE_SELECTOR);
    if (host && !isTextarea(host)) el = outermostEditable(host);
  }
  if (!el || el.matches(NOT_A_BODY_SELECTOR)) return null;
  if (isTextarea(el) && (el.disabled || el.readOnly)) return null;
  return el;
}

function fieldText(el: Element): string[] {
  const out = [el.getAttribute('name'), el.id, el.getAttribute('aria-label'), el.getAttribute('placeholder')];
  const labels = (el as HTMLInputElement).labels;
  if (labels) for (const l of Array.from(labels)) out.push(l.textContent);
  return out.filter((s): s is string => !!s).map((s) => s.trim());
}

function splitAddresses(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter(Boolean);
}

interface Fields {
  subject: HTMLInputElement | null;
  recipients: { kind: keyof DraftRecipients; el: HTMLInputElement | HTMLTextAreaElement }[];
}

/** The subject and recipient fields in a compose root (never the body itself). */
export function findFields(root: Element, body: Element): Fields {
  const fields: Fields = { subject: null, recipients: [] };
  if (root === body) return fields;
  for (const el of Array.from(
    root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(FIELD_SELECTOR),
  )) {
    if (el === body || isInOurUi(el)) continue;
    const names = fieldText(el);
    if (!fields.subject && el.tagName === 'INPUT' && names.some((n) => /subject/i.test(n))) {
      fields.subject = el as HTMLInputElement;
      continue;
    }
    const key = names.map((n) => RECIPIENT_KEY.exec(n)?.[1]?.toLowerCase()).find(Boolean);
    if (key) fields.recipients.push({ kind: key as keyof DraftRecipients, el });
  }
  return fields;
}

/**
 * The compose window around a body: the nearest form, dialog, main region or section; outside all of those, the
 * nearest ancestor (within MAX_ROOT_DEPTH) that holds a Send control and no other editor; else the parent. For
 * the body of a same-origin frame (a TinyMCE-style editor) it is found from the frame element in the parent
 * document, where the subject and recipients are.
 */
export function composeRootOf(body: HTMLElement): Element {
  const anchor = frameOf(body) ?? body;
  const parent = anchor.parentElement;
  if (!parent) return anchor;
  const marked = parent.closest(COMPOSE_ROOT_SELECTOR);
  if (marked) return marked;
  let el: Element | null = parent;
  for (let depth = 0; el && depth < MAX_ROOT_DEPTH; depth++, el = el.parentElement) {
    if (el === el.ownerDocument.body || el === el.ownerDocument.documentElement) break;
    const others = Array.from(el.querySelectorAll(SCAN_SELECTOR)).filter(
      (e) => e !== body && !body.contains(e) && !e.contains(body) && !isInOurUi(e),
    );
    if (others.some((e) => bodyFor(e) !== null && !isFieldInput(e))) break;
    if (genericSendControls(el, body).length) return el;
  }
  return parent;
}

/** An editable that names itself a recipient list or the subject (Outlook's To/Cc wells are editing hosts). */
function isFieldInput(el: Element): boolean {
  return fieldText(el).some((n) => RECIPIENT_KEY.test(n) || /^subject\b/i.test(n));
}

/** Room for more than one line: a textarea, a multi-line text box, block content, or the height of two lines. */
function multiLine(body: HTMLElement): boolean {
  if (isTextarea(body)) return body.rows !== 1 || body.clientHeight > 40;
  if (body.getAttribute('aria-multiline') === 'true') return true;
  // Editable block content: a recipient chip (a block marked contenteditable=false) does not count.
  for (const block of Array.from(body.querySelectorAll(BLOCK_CONTENT)))
    if (!block.closest('[contenteditable="false"]')) return true;
  try {
    const cs = body.ownerDocument.defaultView?.getComputedStyle(body);
    const line =
      Number.parseFloat(cs?.lineHeight ?? '') || 1.2 * (Number.parseFloat(cs?.fontSize ?? '') || 16);
    return body.getBoundingClientRect().height >= 1.8 * line;
  } catch {
    return false;
  }
}

/**
 * True when `body` behaves like a message body: visible, and either announced as a multi-line text box, or
 * multi-line and inside a compose window with a Send control (so comment boxes and search fields stay out).
 */
export function looksLikeMessageBody(body: HTMLElement): boolean {
  if (!isVisible(body)) return false;
  if (body.matches(MULTILINE_TEXTBOX_SELECTOR)) return true;
  if (!multiLine(body) || isFieldInput(body)) return false;
  const root = composeRootOf(body);
  return genericSendControls(root, body).length > 0;
}

export function genericComposer(body: HTMLElement): ComposerRef {
  const root = composeRootOf(body);
  const kind = isTextarea(body) ? 'textarea' : 'contenteditable';
  return {
    adapterId: 'generic',
    editor: body,
    root,
    kind,
    readDraft(): DraftSnapshot {
      const fields = findFields(root, body);
      const recipients: DraftRecipients = { to: [], cc: [], bcc: [] };
      for (const r of fields.recipients) recipients[r.kind].push(...splitAddresses(r.el.value));
      return {
        subject: fields.subject?.value ?? '',
        body: isTextarea(body)
          ? textareaText(body)
          : readEditorText(body, { skip: (el) => el.matches(SKIP_SELECTOR), maxChars: MAX_BODY_CHARS }),
        recipients,
      };
    },
    observeTargets() {
      const fields = findFields(root, body);
      return {
        body,
        fields: [...(fields.subject ? [fields.subject] : []), ...fields.recipients.map((r) => r.el)],
      };
    },
    // A textarea hidden for a while (a Preview tab, a collapsed pane) is still the composer; one a rich editor took
    // over is ended by the watcher once that editor's composer is found (content/main.ts, dropReplacedTextareas).
    isConnected: () => isConnectedWithin(root, body),
    sendControls: () => genericSendControls(root, body),
    isSendShortcut: isCtrlEnter,
  };
}

export const genericAdapter: ComposerAdapter = {
  id: 'generic',
  matches: () => true,
  findComposers: (root) =>
    collectComposers(
      root,
      SCAN_SELECTOR,
      (el) => {
        const body = bodyFor(el);
        return body && looksLikeMessageBody(body) ? body : null;
      },
      genericComposer,
    ),
  composerFor(target) {
    const body = bodyFor(target);
    return body ? genericComposer(body) : null;
  },
};
