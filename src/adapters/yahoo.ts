/**
 * Yahoo Mail (mail.yahoo.com). Yahoo's class names are atomic and regenerated (evicypher's class selectors broke
 * twice in a year), so everything here hangs on Yahoo's own `data-test-id` hooks first and element ids second.
 * A compose (the full-pane new message, an inline reply in the reading pane) is `[data-test-id=compose]`; when that
 * hook is missing, the compose window is found by walking up from the body to the nearest block holding a Send
 * button (docs/webmail-composers.md §1.1 "no stable root known; work up from the send button").
 * Selectors and their sources: docs/webmail-composers.md §1.1, §1.4. Read-only: see adapter.ts.
 */
import type { ComposerAdapter, ComposerRef, DraftRecipients, DraftSnapshot } from './adapter.ts';
import { readEditorText } from './dom-text.ts';
import {
  addressesInText,
  collectComposers,
  isCtrlEnter,
  isInOurUi,
  MAX_BODY_CHARS,
  rowAround,
} from './shared.ts';
import { onWebmailPage } from './webmails.ts';

/** One compose window: Yahoo's test hook (Briskine's Yahoo plugin reads it as the compose parent). Medium. */
export const COMPOSE_ROOT_SELECTOR = '[data-test-id="compose"]';
/** The Send button: test hook used by every automation page object (§1.4). Medium. Also anchors the root. */
export const SEND_BUTTON_SELECTOR = 'button[data-test-id="compose-send-button"]';
/**
 * The body, most specific first: the rich-text editor's test hook `rte` (medium), then the editing host inside the
 * editor container, by test hook and by id (`#editor-container`, medium). Its aria-label ("Message body") is
 * localized, so it is not used.
 */
export const BODY_SELECTORS = [
  '[data-test-id="rte"][contenteditable="true"]',
  '[data-test-id="compose-editor-container"] [contenteditable="true"]',
  '#editor-container [contenteditable="true"]',
] as const;
const BODY_SELECTOR = BODY_SELECTORS.join(', ');
/** Subject: test hook (medium), then its id (medium). */
export const SUBJECT_SELECTORS = [
  'input[data-test-id="compose-subject"]',
  'input#message-subject-field',
] as const;
export const RECIPIENT_KINDS = ['to', 'cc', 'bcc'] as const;
type Kind = (typeof RECIPIENT_KINDS)[number];
/** A recipient row by test hook: `compose-header-field-to|cc|bcc` (medium; Cc and Bcc exist once opened). */
export const recipientRowSelector = (kind: Kind) => `[data-test-id="compose-header-field-${kind}"]`;
/** The row's typing input (a combobox) by id: `#message-to-field`, `#message-cc-field`, `#message-bcc-field`. Medium. */
export const recipientInputSelector = (kind: Kind) => `input#message-${kind}-field`;
/** A recipient chip ("pill"): its `title` holds "Name <address>"; the `pill-text` child often only the name. Medium. */
export const PILL_SELECTOR = '[data-test-id="pill"]';
export const PILL_TEXT_SELECTOR = '[data-test-id="pill-text"]';
/**
 * Quoted history: Yahoo wraps it in `div.yahoo_quoted` (`id="yahoo_quoted_NNN"`); quoting a quote prefixes the
 * class (`ydp1a2b3cyahoo_quoted`), hence the substring match. Pasted Apple/Thunderbird history is a cite
 * blockquote. High (the class has lasted years; mail parsers rely on it).
 */
export const QUOTED_SELECTOR = '[class*="yahoo_quoted"], [id^="yahoo_quoted"], blockquote[type="cite"]';
/**
 * The signature: `signature` as the class (or its prefixed form) and the mobile apps' `ymail_…signature` ids.
 * Low: not confirmed on the live web editor; a signature that carries neither is read as part of the draft.
 */
export const SIGNATURE_SELECTOR = '.signature, [class$="signature"], [id^="ymail_"][id$="signature"]';
const SKIP_SELECTOR = `${QUOTED_SELECTOR}, ${SIGNATURE_SELECTOR}`;

function isBody(el: Element): el is HTMLElement {
  return el.matches(BODY_SELECTOR) && !isInOurUi(el);
}

/** The outermost body element holding `el` (focus can land in nested markup, chips can be editing hosts). */
function bodyAround(el: Element): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (let p: Element | null = el; p; p = p.parentElement) if (isBody(p)) found = p;
  return found;
}

function bodiesIn(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll(BODY_SELECTOR)).filter(
    (el): el is HTMLElement => isBody(el) && bodyAround(el) === el,
  );
}

/**
 * The compose window around a body: the `compose` hook; else the nearest ancestor holding a Send button, as long as
 * it holds no other compose's body (two composes open at once must not share a root); else the body's parent.
 */
export function yahooRootOf(body: Element): Element {
  const hooked = body.closest(COMPOSE_ROOT_SELECTOR);
  if (hooked) return hooked;
  for (let p = body.parentElement; p; p = p.parentElement) {
    if (bodiesIn(p).some((b) => b !== body)) break;
    if (p.querySelector(SEND_BUTTON_SELECTOR)) return p;
  }
  return body.parentElement ?? body;
}

function subjectIn(root: Element): HTMLInputElement | null {
  for (const sel of SUBJECT_SELECTORS) {
    const el = root.querySelector<HTMLInputElement>(sel);
    if (el) return el;
  }
  return null;
}

interface Row {
  kind: Kind;
  el: Element;
  input: HTMLInputElement | null;
}

/** The To/Cc/Bcc rows present in the root: by test hook, else around the row's input by id. */
function recipientRows(root: Element, body: Element): Row[] {
  const inputs = RECIPIENT_KINDS.map((kind) =>
    root.querySelector<HTMLInputElement>(recipientInputSelector(kind)),
  );
  const subject = subjectIn(root);
  const stops = [...inputs.filter((i): i is HTMLInputElement => !!i), body, ...(subject ? [subject] : [])];
  const rows: Row[] = [];
  RECIPIENT_KINDS.forEach((kind, i) => {
    const input = inputs[i] ?? null;
    const hooked = root.querySelector(recipientRowSelector(kind));
    const el = hooked ?? (input ? rowAround(input, root, stops) : null);
    if (el && !el.contains(body)) rows.push({ kind, el, input });
  });
  return rows;
}

/** Addresses in one row: each pill's title (else its text), then complete addresses typed but not yet a pill. */
function addressesInRow(row: Row): string[] {
  const out = new Set<string>();
  for (const pill of Array.from(row.el.querySelectorAll(PILL_SELECTOR))) {
    const fromTitle = addressesInText(pill.getAttribute('title'));
    const found = fromTitle.length
      ? fromTitle
      : addressesInText(pill.querySelector(PILL_TEXT_SELECTOR)?.textContent ?? pill.textContent);
    for (const a of found) out.add(a);
  }
  for (const a of addressesInText(row.input?.value)) out.add(a);
  return [...out];
}

export function yahooRecipients(root: Element, body: Element): DraftRecipients {
  const out: DraftRecipients = { to: [], cc: [], bcc: [] };
  for (const row of recipientRows(root, body)) {
    for (const a of addressesInRow(row)) if (!out[row.kind].includes(a)) out[row.kind].push(a);
  }
  return out;
}

export function yahooComposer(body: HTMLElement): ComposerRef {
  const root = yahooRootOf(body);
  return {
    adapterId: 'yahoo',
    editor: body,
    root,
    kind: 'contenteditable',
    readDraft(): DraftSnapshot {
      return {
        subject: subjectIn(root)?.value ?? '',
        body: readEditorText(body, { skip: (el) => el.matches(SKIP_SELECTOR), maxChars: MAX_BODY_CHARS }),
        recipients: yahooRecipients(root, body),
      };
    },
    observeTargets() {
      const subject = subjectIn(root);
      return {
        body,
        fields: [...(subject ? [subject] : []), ...recipientRows(root, body).map((r) => r.el)],
      };
    },
    isConnected: () => body.isConnected && root.isConnected && root.contains(body),
    sendControls: () => Array.from(root.querySelectorAll(SEND_BUTTON_SELECTOR)),
    isSendShortcut: isCtrlEnter,
  };
}

export const yahooAdapter: ComposerAdapter = {
  id: 'yahoo',
  matches: (location) => onWebmailPage('yahoo', location),
  findComposers: (root) => collectComposers(root, BODY_SELECTOR, bodyAround, yahooComposer),
  composerFor(target) {
    if (isInOurUi(target)) return null;
    const body = bodyAround(target);
    if (body) return yahooComposer(body);
    // Focus in the subject or a recipient input: that compose's own body, found in the `compose` hook or, without
    // it, in the nearest ancestor that holds one body and a Send button (never another compose's body).
    const hooked = target.closest(COMPOSE_ROOT_SELECTOR);
    for (let p: Element | null = hooked ?? target.parentElement; p; p = p.parentElement) {
      const bodies = bodiesIn(p);
      if (bodies.length > 1) return null;
      if (bodies[0] && (hooked || p.querySelector(SEND_BUTTON_SELECTOR))) return yahooComposer(bodies[0]);
      if (hooked) return null;
    }
    return null;
  },
};
