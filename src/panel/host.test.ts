// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';

vi.mock('../platform/browser.ts', () => ({ browser: {} }));
const { badgePlace, panelBand } = await import('./host.ts');

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const VIEW = { width: 1280, height: 720 };
const SIZE = { width: 200, height: 24 };

describe('badgePlace: the badge off the draft’s text', () => {
  const editor = box(200, 200, 900, 500);
  const home = { x: 894, y: 494 };

  test('home (the editor’s bottom-right corner) when no text is there', () => {
    expect(badgePlace(editor, home, SIZE, VIEW, () => false)).toEqual({ dx: 0, dy: 0 });
  });

  test('text at home: beside the editor, right of its bottom edge', () => {
    const at = badgePlace(editor, home, SIZE, VIEW, (b) => b.right <= 900);
    expect(at.dx).toBe(900 + 6 + 200 - 894);
    expect(at.dy).toBe(0);
  });

  test('no room beside (editor at the viewport’s right edge): inside the top-right corner, then below, then above', () => {
    const wide = box(0, 200, 1280, 500);
    const h = { x: 1274, y: 494 };
    const top = badgePlace(wide, h, SIZE, VIEW, (b) => b.bottom === 494);
    expect(top.dy).toBe(200 + 6 + 24 - 494);
    const below = badgePlace(wide, h, SIZE, VIEW, (b) => b.top < 500);
    expect(below.dy).toBe(500 + 6 + 24 - 494);
    const tall = box(0, 200, 1280, 710);
    const above = badgePlace(tall, { x: 1274, y: 704 }, SIZE, VIEW, (b) => b.bottom > 200);
    expect(above.dy).toBe(200 - 6 - 704);
  });

  test('text everywhere: stays home', () => {
    expect(badgePlace(editor, home, SIZE, VIEW, () => true)).toEqual({ dx: 0, dy: 0 });
  });
});

describe('panelBand: never over To, Subject or the caret line', () => {
  const editor = box(260, 250, 1020, 480);

  test('room below the editor: the panel opens there', () => {
    const { band, side } = panelBand(editor, 480, 800, false, 240, null);
    expect(side).toBe('below');
    expect(band.top).toBeGreaterThanOrEqual(480);
  });

  test('room above only up to the fields: it stays under them', () => {
    const tall = box(260, 500, 1020, 700);
    const { band } = panelBand(tall, 700, 720, false, 200, null);
    expect(band.top).toBeGreaterThanOrEqual(200);
    expect(band.bottom).toBeLessThanOrEqual(500);
  });

  test('no room clear of the editor: over it, under the fields, off the caret line', () => {
    const caret = box(270, 600, 272, 620);
    const big = box(260, 250, 1020, 715);
    const { band } = panelBand(big, 715, 720, false, 240, caret);
    expect(band.top).toBeGreaterThanOrEqual(240);
    expect(band.bottom <= 600 || band.top >= 620).toBe(true);
  });
});
