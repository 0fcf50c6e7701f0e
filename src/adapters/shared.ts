/** Small read-only DOM helpers every adapter uses. */
import type { ComposerRef } from './adapter.ts';

/** Loopback hosts: fixture pages are served here in development builds (MRC_DEV_HOSTS=1) only. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost']);

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
