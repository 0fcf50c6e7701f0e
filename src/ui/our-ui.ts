/**
 * Our UI in the page: every host we append (the composer badge and panel, the Send check's dialog and notices)
 * carries OUR_HOST_ATTRIBUTE and renders into its own shadow root. The adapters and the Send guard use isInOurUi to
 * tell our own elements from the webmail's, so nothing of ours is ever taken for a composer, a field or a Send
 * control. No Preact and no extension API here: the adapters import it.
 */

/** Marks our own UI hosts (appended to documentElement); nothing inside them is ever a composer. */
export const OUR_HOST_ATTRIBUTE = 'data-mrc-host';

/** True for elements inside one of our shadow-root hosts (or the host itself). */
export function isInOurUi(el: Element): boolean {
  let node: Node | null = el;
  while (node) {
    if (node.nodeType === 1 && (node as Element).hasAttribute(OUR_HOST_ATTRIBUTE)) return true;
    const parent: Node | null = node.parentNode;
    // Step out of a shadow root to its host.
    node = parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : parent;
  }
  return false;
}

/**
 * An open shadow root on `host` with `css` adopted as its style sheet, built in the host's own window (a frame's
 * window has its own CSSStyleSheet). A page that breaks constructable style sheets gets an unstyled root: still
 * usable, never an exception.
 */
export function styledShadowRoot(host: HTMLElement, css: string): ShadowRoot {
  const shadow = host.attachShadow({ mode: 'open' });
  try {
    const win = host.ownerDocument.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
    if (win) {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    }
  } catch {
    // Unstyled is still usable.
  }
  return shadow;
}
