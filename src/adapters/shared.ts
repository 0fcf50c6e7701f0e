/**
 * The page helpers every adapter shares: read-only DOM lookups, the textarea body, email addresses in recipient
 * text, the loopback fixture hosts. Our own UI (isInOurUi) is src/ui/our-ui.ts: the panel and the Send guard use
 * it too.
 */
import type { ComposerRef } from './adapter.ts';
import type { EditorText } from './dom-text.ts';

export { isInOurUi } from '../ui/our-ui.ts';

/** Bounds the work per check on huge drafts. */
export const MAX_BODY_CHARS = 50_000;

/**
 * A plain-text body: the textarea's value, cut at MAX_BODY_CHARS (`map` may blank parts of it, keeping offsets).
 * Ranges cannot address textarea text, so `rangeFor` is always null: the textarea mirror draws the highlights.
 */
export function textareaText(el: HTMLTextAreaElement, map: (text: string) => string = (t) => t): EditorText {
  const value = el.value;
  return {
    text: map(value.slice(0, MAX_BODY_CHARS)),
    truncated: value.length > MAX_BODY_CHARS,
    rangeFor: () => null,
  };
}

export { LOOPBACK_HOSTS } from './webmails.ts';

/** True unless the browser can tell the element is not rendered (display:none, content-visibility…). */
export function isVisible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el) : true;
}

/**
 * Every composer under `root` (or `root` itself): each element matching `selector` is resolved to its
 * composer body by `bodyOf`; bodies are deduplicated and hidden ones skipped.
 */
export function collectComposers(
  root: Document | Element,
  selector: string,
  bodyOf: (el: Element) => HTMLElement | null,
  make: (body: HTMLElement) => ComposerRef,
): ComposerRef[] {
  const candidates = Array.from(root.querySelectorAll(selector));
  if (root.nodeType === 1 && (root as Element).matches(selector)) candidates.unshift(root as Element);
  const out: ComposerRef[] = [];
  const seen = new Set<Element>();
  for (const el of candidates) {
    const body = bodyOf(el);
    if (!body || seen.has(body) || !isVisible(body)) continue;
    seen.add(body);
    out.push(make(body));
  }
  return out;
}

/** Ctrl+Enter (⌘+Enter on macOS): the send shortcut of most webmails. Never while an IME is composing. */
export function isCtrlEnter(e: KeyboardEvent): boolean {
  if (e.isComposing || e.keyCode === 229) return false;
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
}

/**
 * The documents of same-origin child frames under `root` that the top frame can read (TinyMCE's srcless frame,
 * Proton's sandboxed editor frame). Cross-origin frames throw or return null and are skipped.
 */
export function reachableFrameDocuments(root: Document | Element, selector = 'iframe'): Document[] {
  const out: Document[] = [];
  for (const frame of Array.from(root.querySelectorAll<HTMLIFrameElement>(selector))) {
    try {
      const doc = frame.contentDocument;
      if (doc?.documentElement) out.push(doc);
    } catch {
      // Cross-origin: not ours to read.
    }
  }
  return out;
}

/** The frame element whose document `el` lives in, when that document is a same-origin child frame's. */
export function frameOf(el: Element): Element | null {
  try {
    return el.ownerDocument.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/**
 * True while `el` is still in the page and inside `root`, across one frame boundary: an editor in a child frame
 * counts as inside `root` when its frame element is.
 */
export function isConnectedWithin(root: Element, el: Element): boolean {
  if (!el.isConnected || !root.isConnected) return false;
  if (root === el || root.contains(el)) return true;
  const frame = el.ownerDocument === root.ownerDocument ? null : frameOf(el);
  return !!frame && frame.isConnected && (root === frame || root.contains(frame));
}

/** An email address inside free text ("Ann <ann@example.org>", "a@b.org; c@d.org"). */
const ADDRESS_IN_TEXT = /[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+\.[^\s<>,;:"'()[\]]+/g;

/** True when `text` holds something shaped like an email address (a recipient entry, a chip's value). */
export function containsAddress(text: string): boolean {
  return /[^\s<>,;"']+@[^\s<>,;"']+/.test(text);
}

/** Every email address in `text`, in order, without duplicates (names and punctuation dropped). */
export function addressesInText(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...new Set(Array.from(text.matchAll(ADDRESS_IN_TEXT), (m) => m[0]))];
}

/**
 * The recipient row around one field: the outermost ancestor of `field` inside `root` (never `root` itself) that
 * holds none of `others` (the other rows' fields, the subject, the body). Webmails nest the chips and the typing
 * input of one row in wrappers without stable names; walking up until the next field would be included finds the
 * whole row.
 */
export function rowAround(field: Element, root: Element, others: readonly Element[]): Element {
  let row = field;
  for (let p = field.parentElement; p && p !== root && root.contains(p); p = p.parentElement) {
    if (others.some((o) => o !== field && p.contains(o))) break;
    row = p;
  }
  return row;
}
