import { describe, expect, test } from 'vitest';
import {
  CARD_GAP,
  type CaretPoint,
  HIT_SLOP,
  hitAtCaret,
  hitAtPoint,
  placeCard,
  type RangeLike,
  type RectLike,
  spanAtOffset,
} from './hover-hit.ts';

const rect = (left: number, top: number, right: number, bottom: number): RectLike => ({
  left,
  top,
  right,
  bottom,
});

/** A fake range over text node `node`, offsets [start, end], drawn as `rects`; counts its measurements. */
function fakeRange(node: object, start: number, end: number, rects: RectLike[]) {
  const r = {
    measured: 0,
    getClientRects() {
      r.measured++;
      return rects;
    },
    isPointInRange(n: Node, offset: number) {
      return n === node && offset >= start && offset <= end;
    },
  };
  return r;
}

const textA = {} as Node;
const textB = {} as Node;
// "donate today" on one line; "a warm coat" wrapping over two lines.
const donate = { id: 'donate', range: fakeRange(textA, 10, 22, [rect(100, 20, 190, 38)]) };
const coat = {
  id: 'coat',
  range: fakeRange(textB, 0, 11, [rect(400, 40, 480, 58), rect(10, 60, 50, 78)]),
};
const targets = [donate, coat];
const rangeOf = (t: (typeof targets)[number]): RangeLike => t.range;

describe('hitAtPoint: the phrase under the pointer', () => {
  test('a point on a line box of a phrase hits it, with that line and all its lines', () => {
    const hit = hitAtPoint(targets, rangeOf, 150, 30);
    expect(hit?.target.id).toBe('donate');
    expect(hit?.rect).toEqual(rect(100, 20, 190, 38));
    const wrapped = hitAtPoint(targets, rangeOf, 20, 70);
    expect(wrapped?.target.id).toBe('coat');
    expect(wrapped?.rect).toEqual(rect(10, 60, 50, 78));
    expect(wrapped?.rects).toHaveLength(2);
  });

  test('past the end of a line, between lines or beside the phrase: nothing', () => {
    expect(hitAtPoint(targets, rangeOf, 300, 30)).toBeNull();
    expect(hitAtPoint(targets, rangeOf, 150, 38 + HIT_SLOP + 1)).toBeNull();
    expect(hitAtPoint(targets, rangeOf, 100 - HIT_SLOP - 1, 30)).toBeNull();
    // The underline just below the text still counts.
    expect(hitAtPoint(targets, rangeOf, 150, 38 + HIT_SLOP)?.target.id).toBe('donate');
  });

  test('with a caret position, only the phrase holding it is measured', () => {
    const a = fakeRange(textA, 10, 22, [rect(100, 20, 190, 38)]);
    const b = fakeRange(textB, 0, 11, [rect(400, 40, 480, 58)]);
    const list = [
      { id: 'a', range: a },
      { id: 'b', range: b },
    ];
    const caret: CaretPoint = { node: textA, offset: 15 };
    expect(hitAtPoint(list, (t) => t.range, 150, 30, caret)?.target.id).toBe('a');
    expect(a.measured).toBe(1);
    expect(b.measured).toBe(0);
  });

  test('a caret position just outside the phrase (the far half of its last letter) still finds it by its box', () => {
    const caret: CaretPoint = { node: textA, offset: 23 };
    expect(hitAtPoint(targets, rangeOf, 189, 30, caret)?.target.id).toBe('donate');
  });

  test('a range that throws on isPointInRange (another document) is measured instead; empty boxes never hit', () => {
    const throwing: RangeLike = {
      getClientRects: () => [rect(0, 0, 0, 20), rect(10, 0, 60, 20)],
      isPointInRange: () => {
        throw new Error('WrongDocumentError');
      },
    };
    const list = [{ id: 'x', range: throwing }];
    expect(hitAtPoint(list, (t) => t.range, 30, 10, { node: textA, offset: 0 })?.rects).toHaveLength(1);
    expect(hitAtPoint(list, (t) => t.range, 0, 10)).toBeNull();
  });

  test('targets without a range are skipped', () => {
    expect(hitAtPoint([{ id: 'none' }], () => null, 10, 10)).toBeNull();
  });
});

describe('hitAtCaret and spanAtOffset: the phrase holding the caret', () => {
  test('a caret inside a phrase, or at either end, finds it; elsewhere nothing', () => {
    expect(hitAtCaret(targets, rangeOf, { node: textB, offset: 5 })?.target.id).toBe('coat');
    expect(hitAtCaret(targets, rangeOf, { node: textA, offset: 22 })?.target.id).toBe('donate');
    expect(hitAtCaret(targets, rangeOf, { node: textA, offset: 3 })).toBeNull();
    expect(hitAtCaret(targets, rangeOf, { node: {} as Node, offset: 0 })).toBeNull();
  });

  test('a phrase with no line box (scrolled out of its frame, collapsed) gives no card', () => {
    const hidden = [{ id: 'h', range: fakeRange(textA, 0, 5, []) }];
    expect(hitAtCaret(hidden, (t) => t.range, { node: textA, offset: 2 })).toBeNull();
  });

  test('textarea offsets: ends count as inside', () => {
    const spans = [
      { start: 4, end: 9 },
      { start: 20, end: 30 },
    ];
    expect(spanAtOffset(spans, 4)).toBe(spans[0]);
    expect(spanAtOffset(spans, 9)).toBe(spans[0]);
    expect(spanAtOffset(spans, 25)).toBe(spans[1]);
    expect(spanAtOffset(spans, 10)).toBeNull();
  });
});

describe('placeCard: beside the phrase, never over its lines', () => {
  const overlaps = (a: RectLike, b: RectLike) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  test('above the phrase when it fits, with the gap', () => {
    const line = rect(100, 300, 200, 318);
    const at = placeCard([line], line, 300, 120, 1280, 720);
    expect(at.side).toBe('above');
    expect(at.top + 120).toBe(300 - CARD_GAP);
    expect(at.left).toBe(100);
  });

  test('below all the lines of a wrapped phrase when there is no room above', () => {
    const lines = [rect(400, 40, 480, 58), rect(10, 60, 50, 78)];
    const at = placeCard(lines, lines[1]!, 300, 120, 1280, 720);
    expect(at.side).toBe('below');
    expect(at.top).toBe(78 + CARD_GAP);
    const card = rect(at.left, at.top, at.left + 300, at.top + 120);
    for (const l of lines) expect(overlaps(card, l)).toBe(false);
  });

  test('kept inside the viewport horizontally; a card too tall for either side scrolls inside its room', () => {
    const line = rect(1200, 350, 1270, 368);
    const at = placeCard([line], line, 300, 1000, 1280, 720);
    expect(at.left + 300).toBeLessThanOrEqual(1280 - 8);
    expect(at.maxHeight).toBeLessThan(1000);
    const card = rect(at.left, at.top, at.left + 300, at.top + Math.min(1000, at.maxHeight));
    expect(overlaps(card, line)).toBe(false);
    expect(card.top).toBeGreaterThanOrEqual(0);
  });
});
