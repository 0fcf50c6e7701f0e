/**
 * Gmail (mail.google.com). Each compose (floating mole, inline reply, fullscreen) is a `div.M9`; the body, subject
 * and recipients are found inside it by attribute and role, never by class chains alone.
 * Selectors and their stability: docs/webmail-composers.md §1.1–1.2. Read-only: see adapter.ts.
 */
import type { ComposerAdapter, ComposerRef, DraftRecipients, DraftSnapshot } from './adapter.ts';
import { readEditorText } from './dom-text.ts';
import { collectComposers, containsAddress, isCtrlEnter, isInOurUi, MAX_BODY_CHARS } from './shared.ts';
import { onWebmailPage } from './webmails.ts';

/** One compose (new, inline reply, fullscreen); gmail.js `composes()`, InboxSDK inline replies. Class: low-medium. */
export const COMPOSE_ROOT_SELECTOR = 'div.M9';
/** When `div.M9` is renamed: the mole's dialog form, the dialog, the standalone compose's main region. Medium. */
export const FALLBACK_ROOT_SELECTOR = '[role="dialog"] form, [role="dialog"], [role="main"]';
/** The body, most semantic first: Gmail's own `g_editable` marker (InboxSDK; high), then role/aria (high). */
export const BODY_SELECTORS = [
  '[g_editable="true"]',
  'div[contenteditable="true"][role="textbox"][aria-multiline="true"]',
] as const;
const BODY_SELECTOR = BODY_SELECTORS.join(', ');
/** The hidden decoy next to the body (`textarea.Ak[form=nosend]`): never the body. High. */
export const NOSEND_SELECTOR = 'textarea[form="nosend"]';
/** Subject: the visible `subjectbox` (high), then the hidden `subject` input that replies carry (high). */
export const SUBJECT_SELECTORS = ['input[name="subjectbox"]', 'input[name="subject"]'] as const;
/** Recipient rows by `name` (to, cc, bcc), in the new "peoplekit" and the classic layout. High. */
export const RECIPIENT_KINDS = ['to', 'cc', 'bcc'] as const;
/** New chips (2021+): the address is in `data-hovercard-id`. Attributes: medium-high. */
export const NEW_CHIP_SELECTOR = '[role="option"][data-hovercard-id]';
/** Classic chips: hidden inputs with "Name <addr>" values inside `.vR` spans. Class: low. */
export const OLD_CHIP_SELECTOR = '.vR > input[type="hidden"]';
/** Quoted history and the signature: not what the writer is writing now. Gmail's own classes: high. */
export const SKIP_SELECTOR = '.gmail_quote, .gmail_signature';
/** The compose's stable id (hidden input, survives mole ↔ fullscreen moves). High. */
export const COMPOSE_ID_SELECTOR = 'input[name="composeid"]';
/**
 * Send and Send+Archive (`.Uo`, replies) in the compose's bottom bar; never the "more send options" arrow, which
 * only opens a menu (`aria-haspopup`). InboxSDK's selector; the class chain is low stability, role is high.
 */
export const SEND_BUTTON_SELECTOR = '.IZ .Up div > div[role="button"]:not([aria-haspopup="true"])';
/**
 * When the class chain drifts: a button whose tooltip names the send shortcut ("Send (Ctrl-Enter)", "Send (⌘Enter)";
 * the word "Send" is localized, the key name is not). Medium.
 */
export const SEND_TOOLTIP_SELECTOR = '[role="button"][data-tooltip*="Enter"]:not([aria-haspopup="true"])';
/** The send-options arrow while its menu is open (menu openers carry aria-expanded). Medium. */
export const SEND_MENU_OPEN_SELECTOR = '.IZ .Up [aria-haspopup="true"][aria-expanded="true"]';
/** "Schedule send" in that menu (InboxSDK, fixed 2024-10). The menu lives outside the compose. Medium. */
export const SCHEDULED_SEND_SELECTOR = '[selector="scheduledSend"]';

/** The compose window around a body: `div.M9`, else the dialog form/dialog/main region, else its parent. */
export function gmailRootOf(body: Element): Element {
  return (
    body.closest(COMPOSE_ROOT_SELECTOR) ?? body.closest(FALLBACK_ROOT_SELECTOR) ?? body.parentElement ?? body
  );
}

/** The compose's stable key (`input[name=composeid]` value), or null when absent. */
export function gmailComposeId(root: Element): string | null {
  return root.querySelector<HTMLInputElement>(COMPOSE_ID_SELECTOR)?.value || null;
}

function isBody(el: Element): el is HTMLElement {
  return el.matches(BODY_SELECTOR) && !el.matches(NOSEND_SELECTOR) && !isInOurUi(el);
}

/** The outermost body element holding `el` (focus can land inside nested markup). */
function bodyAround(el: Element): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (let p: Element | null = el; p; p = p.parentElement) if (isBody(p)) found = p;
  return found;
}

function bodyIn(root: Element): HTMLElement | null {
  for (const el of Array.from(root.querySelectorAll(BODY_SELECTOR))) {
    if (isBody(el) && bodyAround(el) === el) return el;
  }
  return null;
}

function subjectIn(root: Element): HTMLInputElement | null {
  for (const sel of SUBJECT_SELECTORS) {
    const el = root.querySelector<HTMLInputElement>(sel);
    if (el) return el;
  }
  return null;
}

/**
 * Send, Send+Archive, and "Schedule send" while this compose's send-options menu is open (the menu is attached
 * outside the compose, and only one menu is open at a time).
 */
export function gmailSendControls(root: Element): Element[] {
  const out = new Set<Element>();
  for (const el of Array.from(root.querySelectorAll(SEND_BUTTON_SELECTOR))) out.add(el);
  for (const el of Array.from(root.querySelectorAll(SEND_TOOLTIP_SELECTOR))) out.add(el);
  if (root.querySelector(SEND_MENU_OPEN_SELECTOR)) {
    for (const el of Array.from(root.ownerDocument.querySelectorAll(SCHEDULED_SEND_SELECTOR))) out.add(el);
  }
  return [...out].filter((el) => !isInOurUi(el));
}

function kindOf(el: Element): keyof DraftRecipients | null {
  for (let p: Element | null = el; p; p = p.parentElement) {
    const name = p.getAttribute('name')?.toLowerCase();
    if (name === 'to' || name === 'cc' || name === 'bcc') return name;
  }
  return null;
}

/** Recipients from new chips and classic hidden inputs, per row, without duplicates. */
export function gmailRecipients(root: Element): DraftRecipients {
  const out: DraftRecipients = { to: [], cc: [], bcc: [] };
  const seen = { to: new Set<string>(), cc: new Set<string>(), bcc: new Set<string>() };
  const add = (kind: keyof DraftRecipients | null, raw: string | null | undefined) => {
    const value = raw?.trim();
    if (!kind || !value || !containsAddress(value) || seen[kind].has(value)) return;
    seen[kind].add(value);
    out[kind].push(value);
  };
  for (const chip of Array.from(root.querySelectorAll(NEW_CHIP_SELECTOR)))
    add(kindOf(chip), chip.getAttribute('data-hovercard-id'));
  for (const input of Array.from(root.querySelectorAll<HTMLInputElement>(OLD_CHIP_SELECTOR)))
    add(kindOf(input), input.value);
  return out;
}

/** The recipient rows (outermost `[name=to|cc|bcc]`): input events from their typing inputs bubble to them. */
function recipientRows(root: Element): Element[] {
  const rows: Element[] = [];
  for (const kind of RECIPIENT_KINDS) {
    for (const el of Array.from(root.querySelectorAll(`[name="${kind}"]`))) {
      if (!rows.some((r) => r.contains(el))) rows.push(el);
    }
  }
  return rows;
}

export function gmailComposer(body: HTMLElement): ComposerRef {
  const root = gmailRootOf(body);
  return {
    adapterId: 'gmail',
    editor: body,
    root,
    kind: 'contenteditable',
    readDraft(): DraftSnapshot {
      return {
        subject: subjectIn(root)?.value ?? '',
        body: readEditorText(body, { skip: (el) => el.matches(SKIP_SELECTOR), maxChars: MAX_BODY_CHARS }),
        recipients: gmailRecipients(root),
      };
    },
    observeTargets() {
      const subject = subjectIn(root);
      return { body, fields: [...(subject ? [subject] : []), ...recipientRows(root)] };
    },
    isConnected: () => body.isConnected && root.contains(body),
    sendControls: () => gmailSendControls(root),
    isSendShortcut: isCtrlEnter,
  };
}

export const gmailAdapter: ComposerAdapter = {
  id: 'gmail',
  matches: (location) => onWebmailPage('gmail', location),
  findComposers: (root) => collectComposers(root, BODY_SELECTOR, bodyAround, gmailComposer),
  composerFor(target) {
    if (isInOurUi(target)) return null;
    const body = bodyAround(target);
    if (body) return gmailComposer(body);
    // Focus in the subject or a recipient row: the compose's own body.
    const root = target.closest(COMPOSE_ROOT_SELECTOR);
    const inner = root ? bodyIn(root) : null;
    return inner ? gmailComposer(inner) : null;
  },
};
