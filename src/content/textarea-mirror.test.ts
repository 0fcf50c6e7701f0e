// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import {
  buildMirrorPieces,
  JUSTIFY_TAIL,
  MIRROR_HOST_ATTRIBUTE,
  type MirrorMark,
  marksBeforeEdit,
  normaliseMarks,
  renderEnd,
  stackLevel,
  TextareaMirror,
} from './textarea-mirror.ts';

const mark = (start: number, end: number, purpose: MirrorMark['purpose'] = 'fundraising'): MirrorMark => ({
  start,
  end,
  purpose,
});

describe('normaliseMarks', () => {
  test('sorts, clamps to the text, drops empty and contained marks, trims overlaps', () => {
    expect(
      normaliseMarks(
        [
          mark(10, 14),
          mark(0, 5, 'promotional'),
          mark(2, 4),
          mark(3, 8, 'campaigning'),
          mark(-3, 0),
          mark(18, 99),
        ],
        20,
      ),
    ).toEqual([mark(0, 5, 'promotional'), mark(5, 8, 'campaigning'), mark(10, 14), mark(18, 20)]);
    expect(normaliseMarks([mark(5, 3), mark(30, 40)], 20)).toEqual([]);
  });
});

describe('renderEnd', () => {
  const text = 'Please donate today to the appeal.';
  test('stops after the last mark’s word; no marks, nothing to render; justified text renders all', () => {
    expect(renderEnd(text, [])).toBe(0);
    expect(renderEnd(text, [mark(7, 13)])).toBe(13); // "donate" ends at a space
    expect(renderEnd(text, [mark(7, 10)])).toBe(13); // "don" runs on to the end of "donate"
    expect(renderEnd(text, [mark(27, 33)])).toBe(34); // "appeal" then "." up to the end
    expect(renderEnd(text, [mark(7, 13)], true)).toBe(text.length);
  });

  test('justified text: up to the end of the last mark’s paragraph, never the whole of a huge value', () => {
    // A justified line's spacing depends on the rest of its paragraph: whether a line follows it.
    const para = 'Please donate today.\nThe rest of the letter.';
    expect(renderEnd(para, [mark(7, 13)], true)).toBe(para.indexOf('\n'));
    // One 5 MB paragraph: rendering stops JUSTIFY_TAIL characters on (at a word end), which leaves whole lines
    // after the mark's own, so its line is laid out as in the textarea.
    const huge = `Please donate today. ${'word '.repeat(1_000_000)}`;
    const end = renderEnd(huge, [mark(7, 13)], true);
    expect(end).toBeGreaterThanOrEqual(13 + JUSTIFY_TAIL);
    expect(end).toBeLessThanOrEqual(13 + JUSTIFY_TAIL + 5);
    expect(huge[end]).toBe(' ');
  });
});

describe('buildMirrorPieces', () => {
  test('plain and marked runs cover the text exactly, with offsets into it', () => {
    const text = 'Please donate today. Shop now for 20% off everything.';
    const marks = normaliseMarks([mark(7, 13), mark(21, 29, 'promotional')], text.length);
    const end = renderEnd(text, marks);
    const pieces = buildMirrorPieces(text, marks, end);
    expect(pieces).toEqual([
      { text: 'Please ', start: 0 },
      { text: 'donate', start: 7, purpose: 'fundraising' },
      { text: ' today. ', start: 13 },
      { text: 'Shop now', start: 21, purpose: 'promotional' },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text.slice(0, end));
    for (const p of pieces) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  test('adjacent marks, a mark at the start, and line breaks kept as they are', () => {
    const text = 'Donate\nnow\n\ntoday';
    const pieces = buildMirrorPieces(text, [mark(0, 6), mark(6, 10, 'campaigning')], text.length);
    expect(pieces).toEqual([
      { text: 'Donate', start: 0, purpose: 'fundraising' },
      { text: '\nnow', start: 6, purpose: 'campaigning' },
      { text: '\n\ntoday', start: 10 },
    ]);
  });

  test('a long draft is rendered only up to the last mark', () => {
    const text = `Please donate today. ${'Filler sentence about the weather. '.repeat(2000)}`;
    const marks = [mark(7, 13)];
    const pieces = buildMirrorPieces(text, marks, renderEnd(text, marks));
    expect(pieces.map((p) => p.text).join('')).toBe('Please donate');
  });
});

describe('marksBeforeEdit', () => {
  const before = 'Please donate today to our winter appeal.';
  const marks = [mark(7, 13), mark(27, 33, 'promotional')]; // "donate", "winter"

  test('typing after a mark’s word keeps it; the edited word and later marks go', () => {
    // Typing in "today": "donate" stays, "winter" (after the edit) may move.
    expect(marksBeforeEdit(before, before.replace('today', 'todayy'), marks)).toEqual([mark(7, 13)]);
    // Appending to the marked word itself: it may rewrap, so it goes too.
    expect(marksBeforeEdit(before, before.replace('donate', 'donates'), marks)).toEqual([]);
    // Typing before everything: nothing is known to stay.
    expect(marksBeforeEdit(before, `X${before}`, marks)).toEqual([]);
    // No change: all stay.
    expect(marksBeforeEdit(before, before, marks)).toEqual(marks);
    // Deleting at the end: everything before stays.
    expect(marksBeforeEdit(before, before.slice(0, -1), marks)).toEqual(marks);
  });
});

describe('TextareaMirror (DOM)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    for (const el of Array.from(document.querySelectorAll(`[${MIRROR_HOST_ATTRIBUTE}]`))) el.remove();
  });

  function setup(value: string) {
    document.body.innerHTML = '<form><textarea id="ta"></textarea><input id="other"></form>';
    const ta = document.getElementById('ta') as HTMLTextAreaElement;
    ta.value = value;
    document.getElementById('other')!.focus();
    ta.setSelectionRange(2, 4);
    const mirror = new TextareaMirror(ta);
    const root = () => mirror.host.shadowRoot!;
    return { ta, mirror, root };
  }

  test('lives in its own shadow host on documentElement; renders one span per mark; never touches the textarea', () => {
    const value = 'Please donate today. Shop now for 20% off.';
    const { ta, mirror, root } = setup(value);
    const before = ta.outerHTML;
    mirror.update([mark(7, 13), mark(21, 29, 'promotional')]);
    expect(mirror.host.parentElement).toBe(document.documentElement);
    expect(document.body.contains(mirror.host)).toBe(false);
    expect(mirror.host.getAttribute('aria-hidden')).toBe('true');
    const spans = Array.from(root().querySelectorAll('span'));
    expect(spans.map((s) => [s.className, s.textContent])).toEqual([
      ['mrc-fundraising', 'donate'],
      ['mrc-promotional', 'Shop now'],
    ]);
    expect(root().querySelector('.text')?.textContent).toBe('Please donate today. Shop now');
    // The textarea is exactly as before: value, selection, focus, markup.
    expect(ta.value).toBe(value);
    expect([ta.selectionStart, ta.selectionEnd]).toEqual([2, 4]);
    expect(document.activeElement?.id).toBe('other');
    expect(ta.outerHTML).toBe(before);
  });

  test('typing before a mark hides it until the next update, without rebuilding the text; typing after the last mark keeps everything', () => {
    const { ta, mirror, root } = setup('Please donate today to our winter appeal.');
    mirror.update([mark(7, 13), mark(27, 33, 'promotional')]);
    const shown = () => Array.from(root().querySelectorAll('span:not(.gone)')).map((s) => s.textContent);
    const textNode = root().querySelector('.text')!.firstChild;
    expect(shown()).toEqual(['donate', 'winter']);
    ta.value = 'Please donate today to our winter appeal. More';
    ta.dispatchEvent(new Event('input'));
    expect(shown()).toEqual(['donate', 'winter']);
    ta.value = 'Please donate todayy to our winter appeal. More';
    ta.dispatchEvent(new Event('input'));
    expect(shown()).toEqual(['donate']);
    expect(root().querySelector('.text')!.firstChild).toBe(textNode); // same nodes: no rebuild
    // Undo brings back the text the marks were made for: the next check shows them again without a rebuild.
    ta.value = 'Please donate today to our winter appeal.';
    mirror.update([mark(7, 13), mark(27, 33, 'promotional')]);
    expect(shown()).toEqual(['donate', 'winter']);
    expect(root().querySelector('.text')!.firstChild).toBe(textNode);
    // New marks for new text: rebuilt.
    ta.value = 'Please give today to our winter appeal.';
    mirror.update([mark(7, 11)]);
    expect(shown()).toEqual(['give']);
  });

  test('centred text: any edit before the marks hides them all (the whole line moves)', () => {
    const { ta, mirror, root } = setup('Please donate today to our winter appeal.');
    ta.style.textAlign = 'center';
    mirror.update([mark(7, 13), mark(27, 33, 'promotional')]);
    ta.value = 'Please donate todayy to our winter appeal.';
    ta.dispatchEvent(new Event('input'));
    expect(root().querySelectorAll('span:not(.gone)')).toHaveLength(0);
  });

  test('clear hides it, destroy removes the host and stops listening', () => {
    const { ta, mirror, root } = setup('Please donate today.');
    mirror.update([mark(7, 13)]);
    mirror.clear();
    expect(root().querySelectorAll('span')).toHaveLength(0);
    expect((root().querySelector('.clip') as HTMLElement).hidden).toBe(true);
    mirror.update([mark(7, 13)]);
    mirror.destroy();
    expect(mirror.host.isConnected).toBe(false);
    ta.dispatchEvent(new Event('input'));
    mirror.update([mark(0, 6)]);
    expect(root().querySelectorAll('span')).toHaveLength(1); // unchanged: a destroyed mirror ignores updates
  });

  test('out-of-range marks are clamped or dropped, never thrown on', () => {
    const { mirror, root } = setup('Short');
    mirror.update([mark(3, 50), mark(40, 60)]);
    expect(Array.from(root().querySelectorAll('span')).map((s) => s.textContent)).toEqual(['rt']);
    mirror.update([]);
    expect(root().querySelectorAll('span')).toHaveLength(0);
  });

  test('stack level: the z-index of the textarea’s outermost stacking context', () => {
    document.body.innerHTML =
      '<div id="a" style="position:relative;z-index:5"><div style="position:absolute;z-index:100"><textarea id="t1"></textarea></div></div>' +
      '<div style="opacity:0.5"><div style="position:relative;z-index:9"><textarea id="t2"></textarea></div></div>' +
      '<textarea id="t3"></textarea>';
    expect(stackLevel(document.getElementById('t1')!)).toBe(5);
    expect(stackLevel(document.getElementById('t2')!)).toBe(0);
    expect(stackLevel(document.getElementById('t3')!)).toBe(0);
  });
});
