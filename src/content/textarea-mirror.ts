/**
 * Highlights for plain-text bodies (`<textarea>`, e.g. Roundcube's plain-text compose). Ranges cannot address a
 * textarea's text, so a mirror draws the marks: an overlay in our own shadow-root host (appended to
 * `document.documentElement`, never near the textarea) that copies the textarea's font, spacing, padding, width,
 * wrapping and scroll position, and renders the text transparently with one styled span per piece of evidence.
 * It only reads the textarea: its value, selection, focus and attributes are never touched (the one exception is
 * `locate()`, which scrolls the textarea when the writer picks a phrase in the panel, as the contenteditable path
 * scrolls its editor).
 *
 * Cheap on large drafts:
 * - the text is rendered only up to the end of the last mark (what follows cannot move it);
 * - the mirror is rebuilt only when the marks change (after a check), never per keystroke;
 * - while the writer types, a mark before the edit stays where it is (line breaking is greedy, so text before the
 *   edited word keeps its place), and marks from the edited word on are dropped until the next check.
 */
import type { Purpose } from '../core/index.ts';
import { styledShadowRoot } from '../ui/our-ui.ts';
import { HIGHLIGHT_CSS, HIGHLIGHT_NAME } from './highlights.ts';

/** One piece of evidence in the textarea's value: [start, end) in UTF-16 code units. */
export interface MirrorMark {
  start: number;
  end: number;
  purpose: Purpose;
}

/** A run of mirror text: plain (no purpose) or one mark. */
export interface MirrorPiece {
  text: string;
  /** Offset of this piece in the textarea's value. */
  start: number;
  purpose?: Purpose;
}

/** Marker attribute on the mirror's host element (the badge hosts carry `data-mrc-host`). */
export const MIRROR_HOST_ATTRIBUTE = 'data-mrc-mirror';
/** How long a located phrase stays emphasised (as flashRange does for contenteditable). */
export const FLASH_MS = 1600;
/** After the last mark, text up to the next break opportunity is kept so the mark's own line wraps as in the textarea. */
const TAIL_LIMIT = 200;

/**
 * Marks as non-overlapping, sorted, clamped to the text: a mark that starts inside an earlier one keeps only its
 * part after it, and one wholly inside an earlier mark is dropped.
 */
export function normaliseMarks(marks: readonly MirrorMark[], length: number): MirrorMark[] {
  const sorted = marks
    .map((m) => ({
      start: Math.max(0, Math.min(length, Math.floor(m.start))),
      end: Math.max(0, Math.min(length, Math.floor(m.end))),
      purpose: m.purpose,
    }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MirrorMark[] = [];
  let last = 0;
  for (const m of sorted) {
    if (m.end <= last) continue;
    out.push({ start: Math.max(m.start, last), end: m.end, purpose: m.purpose });
    last = m.end;
  }
  return out;
}

/**
 * Justified text: how far past the last mark the mirror renders when its paragraph goes on. A justified line is
 * spread unless it is its paragraph's last, so the mark's line needs at least one whole line after it; no line
 * of a textarea holds this many characters.
 */
export const JUSTIFY_TAIL = 2000;

/**
 * Where the rendered text may stop: the end of the last mark plus the rest of its word (up to the next whitespace).
 * Justified text (`justified`): up to the end of the last mark's paragraph, or, in a longer paragraph, to the end
 * of the word JUSTIFY_TAIL characters on (never the whole of a huge value). 0 when there are no marks.
 */
export function renderEnd(text: string, marks: readonly MirrorMark[], justified = false): number {
  const last = marks[marks.length - 1];
  if (!last) return 0;
  if (justified) {
    const para = text.indexOf('\n', last.end);
    const far = last.end + JUSTIFY_TAIL;
    if (para !== -1 && para <= far) return para;
    if (far >= text.length) return para === -1 ? text.length : para;
    const stop = Math.min(text.length, far + TAIL_LIMIT);
    let i = far;
    while (i < stop && !/\s/.test(text[i]!)) i++;
    return i;
  }
  const limit = Math.min(text.length, last.end + TAIL_LIMIT);
  let i = last.end;
  while (i < limit && !/\s/.test(text[i]!)) i++;
  return i;
}

/** The mirror's text as plain and marked pieces, up to `end` (see renderEnd). Pure: no DOM. */
export function buildMirrorPieces(text: string, marks: readonly MirrorMark[], end: number): MirrorPiece[] {
  const pieces: MirrorPiece[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start >= end) break;
    if (m.start > at) pieces.push({ text: text.slice(at, m.start), start: at });
    const stop = Math.min(m.end, end);
    pieces.push({ text: text.slice(m.start, stop), start: m.start, purpose: m.purpose });
    at = stop;
  }
  if (end > at) pieces.push({ text: text.slice(at, end), start: at });
  return pieces;
}

/**
 * After an edit that turned `before` into `after`, the marks that certainly have not moved: those that end before
 * the whitespace preceding the first changed character. The edited word may rewrap to the next line, but with greedy
 * line breaking everything before that break opportunity stays put.
 */
export function marksBeforeEdit(before: string, after: string, marks: readonly MirrorMark[]): MirrorMark[] {
  const n = Math.min(before.length, after.length);
  let p = 0;
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  if (p === before.length && p === after.length) return [...marks];
  let boundary = p;
  while (boundary > 0 && !/\s/.test(before[boundary - 1]!)) boundary--;
  // `boundary` is just after the last whitespace before the edit: a mark must end at or before that whitespace.
  return marks.filter((m) => m.end < boundary);
}

/** Computed properties that decide where each character of a textarea lands. */
const COPIED_PROPERTIES = [
  'direction',
  'font-family',
  'font-feature-settings',
  'font-kerning',
  'font-optical-sizing',
  'font-size',
  'font-size-adjust',
  'font-stretch',
  'font-style',
  'font-variant',
  'font-variation-settings',
  'font-weight',
  'hyphens',
  'letter-spacing',
  'line-break',
  'line-height',
  'overflow-wrap',
  'padding-bottom',
  'padding-left',
  'padding-right',
  'padding-top',
  'tab-size',
  'text-align',
  'text-indent',
  'text-rendering',
  'text-transform',
  'white-space',
  'word-break',
  'word-spacing',
  'writing-mode',
] as const;

const MIRROR_CSS = `
:host { all: initial; }
.clip { position: fixed; overflow: hidden; pointer-events: none; contain: strict; forced-color-adjust: none; }
.clip[hidden] { display: none; }
.text {
  position: absolute; left: 0; top: 0; margin: 0; border: 0; box-sizing: border-box;
  color: transparent; background: none; overflow: visible; will-change: transform;
}
.text span { color: transparent; }
${HIGHLIGHT_CSS.replace(/::highlight\(([\w-]+)\)/g, '.text .$1')}
.text span { color: transparent !important; }
.text span.gone { background: none !important; text-decoration: none !important; }
`;

type MirrorWindow = Window & typeof globalThis;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function intersect(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

/** The inside of an element's border (its padding box, without scrollbars), in viewport coordinates. */
function innerBox(el: Element): Box {
  const r = el.getBoundingClientRect();
  const left = r.left + el.clientLeft;
  const top = r.top + el.clientTop;
  return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
}

/**
 * The z-index our root-level host needs to paint over the textarea but under anything stacked above it (dialogs,
 * menus): the level of the textarea's outermost stacking context, 0 when it has none. Equal levels paint in DOM
 * order, and our host comes last.
 */
export function stackLevel(el: Element): number {
  const win = el.ownerDocument.defaultView;
  if (!win) return 0;
  let level = 0;
  for (let p = el.parentElement; p && p !== el.ownerDocument.documentElement; p = p.parentElement) {
    const s = win.getComputedStyle(p);
    const z = Number.parseInt(s.zIndex, 10);
    if (s.position && s.position !== 'static' && Number.isFinite(z)) level = z;
    else if (
      s.position === 'fixed' ||
      s.position === 'sticky' ||
      Number.parseFloat(s.opacity) < 1 ||
      (!!s.transform && s.transform !== 'none') ||
      (!!s.filter && s.filter !== 'none') ||
      s.isolation === 'isolate'
    )
      level = 0;
  }
  return level;
}

/** The textarea's ancestors that clip it (overflow other than visible). */
function clippingAncestors(el: Element): Element[] {
  const win = el.ownerDocument.defaultView;
  const out: Element[] = [];
  if (!win) return out;
  for (let p = el.parentElement; p && p !== el.ownerDocument.documentElement; p = p.parentElement) {
    const s = win.getComputedStyle(p);
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible') out.push(p);
  }
  return out;
}

export class TextareaMirror {
  readonly host: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly win: MirrorWindow;
  private readonly clip: HTMLDivElement;
  private readonly inner: HTMLDivElement;
  private readonly abort = new AbortController();
  private resize: ResizeObserver | undefined;
  private clippers: Element[] = [];
  private marks: MirrorMark[] = [];
  /** The value the marks refer to, and how much of it the marks depend on (see renderEnd). */
  private source = '';
  private rendered = 0;
  /** What the DOM was last built from: the text and the marks (a re-check that changes neither rebuilds nothing). */
  private shownText = '';
  private shownMarks = '';
  private frame = 0;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(textarea: HTMLTextAreaElement) {
    this.textarea = textarea;
    const doc = textarea.ownerDocument;
    this.win = doc.defaultView as MirrorWindow;
    this.host = doc.createElement('div');
    this.host.setAttribute(MIRROR_HOST_ATTRIBUTE, '');
    this.host.setAttribute('aria-hidden', 'true');
    // A zero-size, click-through box at the viewport origin; the clip box inside is placed in viewport coordinates.
    const hostStyle: Record<string, string> = {
      all: 'initial',
      position: 'fixed',
      inset: '0 auto auto 0',
      width: '0',
      height: '0',
      'pointer-events': 'none',
    };
    for (const [k, v] of Object.entries(hostStyle)) this.host.style.setProperty(k, v);
    // Without styles the marks are invisible: nothing else changes.
    const shadow = styledShadowRoot(this.host, MIRROR_CSS);
    this.clip = doc.createElement('div');
    this.clip.className = 'clip';
    this.clip.hidden = true;
    this.inner = doc.createElement('div');
    this.inner.className = 'text';
    this.clip.append(this.inner);
    shadow.append(this.clip);
    doc.documentElement.append(this.host);

    const { signal } = this.abort;
    const schedule = () => this.schedule();
    textarea.addEventListener('scroll', schedule, { passive: true, signal });
    textarea.addEventListener('input', () => this.onInput(), { passive: true, signal });
    this.win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    this.win.addEventListener('resize', () => this.refresh(), { passive: true, signal });
    try {
      this.resize = new this.win.ResizeObserver(() => this.refresh());
      this.resize.observe(textarea);
    } catch {
      // Scroll and resize events still move the mirror.
    }
  }

  /** Shows `marks` (offsets into the textarea's current value); an empty list hides the mirror. */
  update(marks: readonly MirrorMark[]): void {
    if (this.destroyed) return;
    try {
      this.source = this.textarea.value;
      this.marks = normaliseMarks(marks, this.source.length);
      this.copyStyles();
      this.rendered = renderEnd(this.source, this.marks, this.justified());
      const key = JSON.stringify(this.marks);
      if (
        this.marks.length &&
        key === this.shownMarks &&
        this.source.slice(0, this.rendered) === this.shownText
      ) {
        // Same text, same marks (a re-check after a subject or recipient change): show them again, no rebuild.
        for (const span of Array.from(this.inner.querySelectorAll('.gone'))) span.classList.remove('gone');
        this.place();
        return;
      }
      this.render();
    } catch {
      this.clear();
    }
  }

  /** Hides every mark (empty draft, no evidence, or an error: fail open). */
  clear(): void {
    this.marks = [];
    this.rendered = 0;
    this.shownText = '';
    this.shownMarks = '';
    this.inner.replaceChildren();
    this.clip.hidden = true;
  }

  /**
   * Brings the mark at [start, end) into view (scrolling the textarea, then its scroll container or the window) and
   * emphasises it briefly. False when that mark is not shown.
   */
  locate(start: number, end: number): boolean {
    if (this.destroyed) return false;
    const span = Array.from(this.inner.querySelectorAll<HTMLElement>('span[data-start]:not(.gone)')).find(
      (s) => Number(s.dataset.start) <= start && Number(s.dataset.end) >= end,
    );
    if (!span) return false;
    const ta = this.textarea;
    if (ta.scrollHeight > ta.clientHeight) {
      const target = span.offsetTop - ta.clientHeight / 2 + span.offsetHeight / 2;
      ta.scrollTop = Math.max(0, Math.min(target, ta.scrollHeight - ta.clientHeight));
    }
    this.place();
    const r = span.getBoundingClientRect();
    const container = this.clippers.find((c) => c.scrollHeight > c.clientHeight);
    if (container) {
      const c = container.getBoundingClientRect();
      if (r.top < c.top || r.bottom > c.bottom) container.scrollTop += r.top - c.top - c.height / 2;
    } else if (r.top < 0 || r.bottom > this.win.innerHeight) {
      this.win.scrollBy({ top: r.top - this.win.innerHeight / 2 });
    }
    this.place();
    for (const s of Array.from(this.inner.querySelectorAll('.mrc-current')))
      s.classList.remove('mrc-current');
    span.classList.add('mrc-current');
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => span.classList.remove('mrc-current'), FLASH_MS);
    return true;
  }

  /**
   * The marks shown now, each with the line boxes of its text that the textarea shows (viewport coordinates): the
   * hover card hit-tests the pointer against them. Marks dropped while the writer types are left out.
   */
  visibleMarks(): { start: number; end: number; rects: DOMRect[] }[] {
    if (this.destroyed || this.clip.hidden) return [];
    const box = this.clip.getBoundingClientRect();
    const out: { start: number; end: number; rects: DOMRect[] }[] = [];
    for (const span of Array.from(this.inner.querySelectorAll<HTMLElement>('span[data-start]:not(.gone)'))) {
      const rects = Array.from(span.getClientRects()).filter(
        (r) => r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right,
      );
      out.push({ start: Number(span.dataset.start), end: Number(span.dataset.end), rects });
    }
    return out;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.abort.abort();
    this.resize?.disconnect();
    clearTimeout(this.flashTimer);
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.host.remove();
  }

  /**
   * Typing: marks from the edited word on may move, so they are hidden until the next check; earlier ones stay.
   * Hiding is a class change only: the mirror's text is not rebuilt (what follows a kept mark cannot move it), so a
   * keystroke never costs a layout of the mirror, however long the draft.
   */
  private onInput() {
    try {
      if (!this.marks.length) return;
      const value = this.textarea.value;
      const r = this.rendered;
      // Unchanged up to and including the character after the rendered text (the whitespace that ends the last
      // marked word), or only whitespace appended after it: nothing shown can have moved.
      const after = this.source[r];
      const now = value[r];
      const nextSame = after === now || (after === undefined && now !== undefined && /\s/.test(now));
      if (nextSame && value.startsWith(this.source.slice(0, r))) {
        this.source = value;
        return;
      }
      // Centred, right-aligned, justified or right-to-left lines move as a whole when any of their text changes.
      const kept = this.alignedAtLineStart() ? marksBeforeEdit(this.source, value, this.marks) : [];
      this.source = value;
      this.rendered = renderEnd(value, kept);
      if (kept.length === this.marks.length) return;
      this.marks = kept;
      const limit = kept[kept.length - 1]?.end ?? 0;
      for (const span of Array.from(this.inner.querySelectorAll<HTMLElement>('span[data-end]')))
        if (Number(span.dataset.end) > limit) span.classList.add('gone');
      if (!kept.length) this.clip.hidden = true;
    } catch {
      this.clear();
    }
  }

  private justified(): boolean {
    return this.inner.style.getPropertyValue('text-align').startsWith('justify');
  }

  /** Left-to-right text aligned at the start of the line: where a character lands depends only on what precedes it. */
  private alignedAtLineStart(): boolean {
    const style = this.inner.style;
    return (
      style.getPropertyValue('direction') !== 'rtl' &&
      ['', 'start', 'left', '-webkit-left'].includes(style.getPropertyValue('text-align'))
    );
  }

  /** Rebuilds the mirror's text and marks from `source` and `marks` (after `rendered` was set for them). */
  private render() {
    const text = this.source;
    if (!this.marks.length) {
      this.clear();
      return;
    }
    const doc = this.inner.ownerDocument;
    const nodes: Node[] = [];
    for (const piece of buildMirrorPieces(text, this.marks, this.rendered)) {
      if (!piece.purpose) {
        nodes.push(doc.createTextNode(piece.text));
        continue;
      }
      const span = doc.createElement('span');
      span.className = HIGHLIGHT_NAME[piece.purpose];
      span.dataset.start = String(piece.start);
      span.dataset.end = String(piece.start + piece.text.length);
      span.textContent = piece.text;
      nodes.push(span);
    }
    this.inner.replaceChildren(...nodes);
    this.shownText = text.slice(0, this.rendered);
    this.shownMarks = JSON.stringify(this.marks);
    this.place();
  }

  /** Re-reads the textarea's styles and clipping ancestors (they change with the layout), then repositions. */
  private refresh() {
    if (this.destroyed || !this.marks.length) return;
    try {
      this.copyStyles();
      this.place();
    } catch {
      this.clear();
    }
  }

  private copyStyles() {
    const ta = this.textarea;
    const cs = this.win.getComputedStyle(ta);
    const style = this.inner.style;
    for (const p of COPIED_PROPERTIES) style.setProperty(p, cs.getPropertyValue(p));
    const lang = ta.closest('[lang]')?.getAttribute('lang');
    if (lang) this.inner.setAttribute('lang', lang);
    else this.inner.removeAttribute('lang');
    this.host.style.setProperty('z-index', String(stackLevel(ta)));
    this.clippers = clippingAncestors(ta);
  }

  private schedule() {
    if (!this.frame && !this.destroyed) this.frame = this.win.requestAnimationFrame(() => this.place());
  }

  /** Puts the clip box over the visible part of the textarea and the text where the textarea shows it. */
  private place() {
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.destroyed || !this.marks.length) return;
    try {
      const ta = this.textarea;
      const own = innerBox(ta);
      let box: Box = intersect(own, {
        left: 0,
        top: 0,
        right: this.win.innerWidth,
        bottom: this.win.innerHeight,
      });
      for (const c of this.clippers) box = intersect(box, innerBox(c));
      const width = box.right - box.left;
      const height = box.bottom - box.top;
      if (!ta.isConnected || ta.clientWidth === 0 || width <= 0 || height <= 0) {
        this.clip.hidden = true;
        return;
      }
      const cs = this.clip.style;
      cs.setProperty('left', `${box.left}px`);
      cs.setProperty('top', `${box.top}px`);
      cs.setProperty('width', `${width}px`);
      cs.setProperty('height', `${height}px`);
      const x = own.left - box.left - ta.scrollLeft;
      const y = own.top - box.top - ta.scrollTop;
      this.inner.style.setProperty('width', `${ta.clientWidth}px`);
      this.inner.style.setProperty('transform', `translate(${x}px, ${y}px)`);
      this.clip.hidden = false;
    } catch {
      this.clip.hidden = true;
    }
  }
}
