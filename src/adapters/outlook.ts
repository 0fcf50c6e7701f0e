/**
 * Outlook on the web (Microsoft 365, outlook.com, "new Outlook"). The compose lives in the reading pane or full
 * page (`[role=main]`) or a pop-out (`[data-app-section=Form_Content]`); fields are found by role, contenteditable
 * and input attributes (Briskine's approach), never by hashed class names.
 * Selectors and their stability: docs/webmail-composers.md §1.1, §1.3. Read-only: see adapter.ts.
 */
import type { ComposerAdapter, ComposerRef, DraftRecipients, DraftSnapshot } from './adapter.ts';
import { readEditorText } from './dom-text.ts';
import { labelSaysSend } from './generic.ts';
import { addressesInText, collectComposers, isCtrlEnter, isInOurUi, MAX_BODY_CHARS } from './shared.ts';
import { onWebmailPage } from './webmails.ts';

/** Compose roots, most specific first: the pop-out form (data attribute, medium), then the main region (high). */
export const COMPOSE_ROOT_SELECTORS = ['[data-app-section="Form_Content"]', '[role="main"]'] as const;
/** The body: a multi-line editing host (role=textbox; its aria-label is localized, so unused). High. */
export const BODY_SELECTOR = '[contenteditable="true"][aria-multiline="true"]';
/** Recipient wells: the root's other editing hosts, To, Cc, Bcc in order (Briskine 2026-03). Low: changed often. */
export const RECIPIENT_FIELD_SELECTOR = '[contenteditable="true"]:not([aria-multiline="true"])';
/** Chip text inside a well (hashed Fluent UI class prefixes). Low; the well's whole text is the fallback. */
export const CHIP_TEXT_SELECTOR = '[class*="textContainer-"], [class*="individualText-"]';
/** Subject: the last plain text input in the root (Briskine). Medium. */
export const SUBJECT_SELECTOR = 'input[type="text"][autocomplete="off"]';
/** Subject fallback: an input whose aria-label mentions "subject" (English only: localized). Low. */
export const SUBJECT_LABEL = /subject/i;
/**
 * Send, most specific first: the English aria-label/title/name of current and older builds (medium; localized).
 * Menu openers (the "more send options" arrow, `aria-haspopup`) are never Send.
 */
export const SEND_BUTTON_SELECTORS = [
  'button[aria-label="Send"]',
  'button[title="Send"]',
  'button[title^="Send ("]',
  'button[name="Send"]',
] as const;
/** Reply/forward history markers: the marker and everything after it at its level is quoted. High (server ids). */
export const HISTORY_MARKER_SELECTOR = '#divRplyFwdMsg, #appendonsend';

const RECIPIENT_KINDS = ['to', 'cc', 'bcc'] as const;

export function outlookRootOf(body: Element): Element {
  for (const sel of COMPOSE_ROOT_SELECTORS) {
    const root = body.closest(sel);
    if (root) return root;
  }
  return body.parentElement ?? body;
}

function isBody(el: Element): el is HTMLElement {
  return el.matches(BODY_SELECTOR) && !isInOurUi(el);
}

/** The outermost body element holding `el`. */
function bodyAround(el: Element): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (let p: Element | null = el; p; p = p.parentElement) if (isBody(p)) found = p;
  return found;
}

function subjectIn(root: Element): HTMLInputElement | null {
  const inputs = Array.from(root.querySelectorAll<HTMLInputElement>(SUBJECT_SELECTOR));
  const last = inputs.at(-1);
  if (last) return last;
  for (const el of Array.from(root.querySelectorAll<HTMLInputElement>('input[aria-label]'))) {
    if (SUBJECT_LABEL.test(el.getAttribute('aria-label') ?? '')) return el;
  }
  return null;
}

/** The recipient wells in order (outermost only: chips may be editing hosts themselves), never inside the body. */
function recipientFields(root: Element, body: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll(RECIPIENT_FIELD_SELECTOR))) {
    if (body.contains(el) || el.contains(body) || isInOurUi(el)) continue;
    if (out.some((f) => f.contains(el))) continue;
    out.push(el);
  }
  return out;
}

/** Addresses in one well: from chip text ("Name <addr>", "addr"), else from the well's whole text. */
export function addressesIn(field: Element): string[] {
  const parts = Array.from(field.querySelectorAll(CHIP_TEXT_SELECTOR)).map((c) => c.textContent ?? '');
  if (!parts.length) parts.push(field.textContent ?? '');
  return [...new Set(parts.flatMap(addressesInText))];
}

export function outlookRecipients(root: Element, body: Element): DraftRecipients {
  const out: DraftRecipients = { to: [], cc: [], bcc: [] };
  recipientFields(root, body)
    .slice(0, RECIPIENT_KINDS.length)
    .forEach((field, i) => {
      out[RECIPIENT_KINDS[i]!].push(...addressesIn(field));
    });
  return out;
}

/**
 * The compose's Send button(s): the English selectors, else a button labelled Send in one of the languages of
 * `SEND_WORDS` (generic.ts; whole-label matches, so "Send to OneNote" never counts).
 */
export function outlookSendControls(root: Element): Element[] {
  const out = new Set<Element>();
  for (const sel of SEND_BUTTON_SELECTORS)
    for (const el of Array.from(root.querySelectorAll(sel))) out.add(el);
  if (!out.size) {
    for (const el of Array.from(root.querySelectorAll('button, [role="button"]')))
      if (labelSaysSend(el)) out.add(el);
  }
  return [...out].filter((el) => el.getAttribute('aria-haspopup') !== 'true' && !isInOurUi(el));
}

/** The history markers in a body and every sibling after each: the set of elements to leave out. */
function historyIn(body: Element): Set<Element> {
  const skip = new Set<Element>();
  for (const marker of Array.from(body.querySelectorAll(HISTORY_MARKER_SELECTOR))) {
    for (let el: Element | null = marker; el && !skip.has(el); el = el.nextElementSibling) skip.add(el);
  }
  return skip;
}

export function outlookComposer(body: HTMLElement): ComposerRef {
  const root = outlookRootOf(body);
  return {
    adapterId: 'outlook',
    editor: body,
    root,
    kind: 'contenteditable',
    readDraft(): DraftSnapshot {
      const history = historyIn(body);
      return {
        subject: subjectIn(root)?.value ?? '',
        body: readEditorText(body, { skip: (el) => history.has(el), maxChars: MAX_BODY_CHARS }),
        recipients: outlookRecipients(root, body),
      };
    },
    observeTargets() {
      const subject = subjectIn(root);
      return { body, fields: [...(subject ? [subject] : []), ...recipientFields(root, body)] };
    },
    isConnected: () => body.isConnected && root.contains(body),
    sendControls: () => outlookSendControls(root),
    isSendShortcut: isCtrlEnter,
  };
}

function rootAround(target: Element): Element | null {
  for (const sel of COMPOSE_ROOT_SELECTORS) {
    const root = target.closest(sel);
    if (root) return root;
  }
  return null;
}

export const outlookAdapter: ComposerAdapter = {
  id: 'outlook',
  matches: (location) => onWebmailPage('outlook', location),
  findComposers: (root) => collectComposers(root, BODY_SELECTOR, bodyAround, outlookComposer),
  composerFor(target) {
    if (isInOurUi(target)) return null;
    const body = bodyAround(target);
    if (body) return outlookComposer(body);
    // Focus in a recipient well or the subject: the compose's own body (so the generic adapter never takes a
    // recipient well, which is an editing host too, for a message body).
    const root = rootAround(target);
    if (!root) return null;
    const inner = Array.from(root.querySelectorAll(BODY_SELECTOR)).find((el) => bodyAround(el) === el);
    return inner ? outlookComposer(inner as HTMLElement) : null;
  },
};
