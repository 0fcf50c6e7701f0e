/**
 * Hit-testing the highlights (issue #13, the card on a highlight). The CSS Custom Highlight API has no events, so
 * the hover card asks, once per animation frame while the pointer moves over the editor (and when the caret moves),
 * which highlighted phrase is under the pointer or holds the caret. No DOM of its own here: the ranges come in as
 * the small part of the Range interface this needs, so the logic is tested without a browser.
 */

/** A box in viewport coordinates (DOMRect has these). */
export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The part of a DOM Range the hit-test uses. */
export interface RangeLike {
  getClientRects(): ArrayLike<RectLike>;
  isPointInRange(node: Node, offset: number): boolean;
}

/** A caret position (document.caretPositionFromPoint, or the selection's focus). */
export interface CaretPoint {
  node: Node;
  offset: number;
}

export interface Hit<T> {
  target: T;
  /** The line box of the phrase under the pointer (or holding the caret). */
  rect: RectLike;
  /** Every line box of the phrase: the card is placed clear of all of them. */
  rects: RectLike[];
}

/** Pixels around a line box that still count as on it (the underline sits just below the text). */
export const HIT_SLOP = 2;

const inside = (r: RectLike, x: number, y: number, slop: number) =>
  r.right > r.left &&
  r.bottom > r.top &&
  x >= r.left - slop &&
  x <= r.right + slop &&
  y >= r.top - slop &&
  y <= r.bottom + slop;

const listOf = (rects: ArrayLike<RectLike>): RectLike[] =>
  Array.from(rects).filter((r) => r.right > r.left && r.bottom > r.top);

/**
 * The phrase under the point (x, y), or null. With a caret position for the point, only the phrases that hold it
 * are measured (no layout work for the others); a phrase is hit only when one of its line boxes holds the point,
 * so a pointer past the end of a line, or between lines, hits nothing.
 */
export function hitAtPoint<T>(
  targets: readonly T[],
  rangeOf: (t: T) => RangeLike | null | undefined,
  x: number,
  y: number,
  caret?: CaretPoint | null,
): Hit<T> | null {
  const measure = (t: T, range: RangeLike): Hit<T> | null => {
    const rects = listOf(range.getClientRects());
    const rect = rects.find((r) => inside(r, x, y, HIT_SLOP));
    return rect ? { target: t, rect, rects } : null;
  };
  if (caret) {
    for (const t of targets) {
      const range = rangeOf(t);
      if (!range || !safeInRange(range, caret)) continue;
      const hit = measure(t, range);
      if (hit) return hit;
    }
  }
  // No caret position, or it fell just outside a phrase (the far half of its last letter): measure them all.
  for (const t of targets) {
    const range = rangeOf(t);
    if (!range) continue;
    const hit = measure(t, range);
    if (hit) return hit;
  }
  return null;
}

/** The phrase holding a caret, or null (measured only when found, for placing the card). */
export function hitAtCaret<T>(
  targets: readonly T[],
  rangeOf: (t: T) => RangeLike | null | undefined,
  caret: CaretPoint,
): Hit<T> | null {
  for (const t of targets) {
    const range = rangeOf(t);
    if (!range || !safeInRange(range, caret)) continue;
    const rects = listOf(range.getClientRects());
    const first = rects[0];
    if (first) return { target: t, rect: first, rects };
  }
  return null;
}

/** A phrase (offsets [start, end)) holding a textarea caret at `offset`: its ends count as inside. */
export function spanAtOffset<T extends { start: number; end: number }>(
  spans: readonly T[],
  offset: number,
): T | null {
  return spans.find((s) => offset >= s.start && offset <= s.end) ?? null;
}

function safeInRange(range: RangeLike, caret: CaretPoint): boolean {
  try {
    return range.isPointInRange(caret.node, caret.offset);
  } catch {
    // A caret in another document or a detached node.
    return false;
  }
}

/** Where the card goes: beside the phrase's lines, never over them. Viewport coordinates. */
export interface CardPlacement {
  left: number;
  top: number;
  side: 'above' | 'below';
  /** The most the card may be tall there (it scrolls inside beyond that). */
  maxHeight: number;
}

export const CARD_GAP = 6;
const EDGE = 8;

/**
 * Places a card of `width` × `height` by the phrase whose line boxes are `rects` (`line` the one pointed at):
 * above every line of the phrase when it fits, else below them all (whichever side has more room when neither
 * fits, with the card scrolling inside `maxHeight`), so it never covers the line being read; its left edge at the
 * pointed line's, kept inside the viewport.
 */
export function placeCard(
  rects: readonly RectLike[],
  line: RectLike,
  width: number,
  height: number,
  vw: number,
  vh: number,
): CardPlacement {
  const all = rects.length ? rects : [line];
  const top = Math.min(...all.map((r) => r.top));
  const bottom = Math.max(...all.map((r) => r.bottom));
  const roomAbove = top - CARD_GAP - EDGE;
  const roomBelow = vh - bottom - CARD_GAP - EDGE;
  const side: CardPlacement['side'] = roomAbove >= height || roomAbove >= roomBelow ? 'above' : 'below';
  const maxHeight = Math.max(0, Math.floor(side === 'above' ? roomAbove : roomBelow));
  const y = side === 'above' ? top - CARD_GAP - Math.min(height, maxHeight) : bottom + CARD_GAP;
  const x = Math.max(EDGE, Math.min(line.left, vw - EDGE - width));
  return { left: Math.round(x), top: Math.round(y), side, maxHeight };
}
