/** Where a highlighted phrase is on screen, for tests that point at it (the card on a highlight, issue #13). */
import type { Frame, Page } from 'playwright-core';

/** A point at the middle of a phrase's first line box, and that line's top and bottom, in the page's viewport. */
export interface PhrasePoint {
  x: number;
  y: number;
  top: number;
  bottom: number;
}

/**
 * The first line box of a highlighted phrase in `frame` (the page, or an editor's frame, whose offset is added), or
 * of the phrase whose text is `text`; null when none is highlighted. Plain-text bodies have no ranges: with
 * `mirror`, the first mark of the textarea overlay instead.
 */
export async function highlightPoint(
  p: Page,
  frame: Page | Frame,
  opts: { text?: string; mirror?: boolean } = {},
): Promise<PhrasePoint | null> {
  const box = opts.mirror
    ? await p.evaluate(() => {
        const span = document
          .querySelector('[data-mrc-mirror]')
          ?.shadowRoot?.querySelector<HTMLElement>('span[data-start]:not(.gone)');
        const r = span?.getClientRects()[0];
        return r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
      })
    : await frame.evaluate((text) => {
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
          if (!name.startsWith('mrc-')) continue;
          for (const r of h) {
            if (text !== undefined && r.toString() !== text) continue;
            const b = r.getClientRects()[0];
            if (b) return { left: b.left, top: b.top, width: b.width, height: b.height };
          }
        }
        return null;
      }, opts.text);
  if (!box) return null;
  let dx = 0;
  let dy = 0;
  if (!opts.mirror && frame !== p && frame !== p.mainFrame()) {
    const el = await (frame as Frame).frameElement();
    const offset = await el.evaluate((f) => {
      if (!(f instanceof HTMLElement)) return { x: 0, y: 0 };
      const r = f.getBoundingClientRect();
      return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
    });
    dx = offset.x;
    dy = offset.y;
  }
  return {
    x: dx + box.left + box.width / 2,
    y: dy + box.top + box.height / 2,
    top: dy + box.top,
    bottom: dy + box.top + box.height,
  };
}
