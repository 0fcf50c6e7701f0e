/**
 * When to show the card on a highlighted phrase (issue #13 item 4). The highlight API has no events, so this
 * hit-tests (hover-hit.ts): the pointer once per animation frame while it moves over the editor, the caret when
 * the selection moves and the writer is not typing. Cheap by design (non-negotiable 5): a keystroke costs a flag
 * and, if a card shows, hiding it; nothing is measured while the writer types.
 *
 * The card closes on Escape, when the pointer leaves the phrase (after a moment, so it can reach the card), on
 * typing, and when the caret leaves the phrase. It never takes focus: the keyboard shortcut moves focus to it.
 * Only listens to the editor and its document; never writes to them.
 */
import type { ComposerRef } from '../adapters/adapter.ts';
import type { Evidence } from '../core/index.ts';
import { isInOurUi } from '../ui/our-ui.ts';
import {
  type CaretPoint,
  type Hit,
  hitAtCaret,
  hitAtPoint,
  type RangeLike,
  type RectLike,
} from './hover-hit.ts';
import type { TextareaMirror } from './textarea-mirror.ts';

/** A highlighted phrase: its evidence and, in a rich editor, its range. */
export interface HoverTarget {
  evidence: Evidence;
  range: Range | null;
}

/** What the card shows, and where (line boxes in the editor document's viewport). */
export interface ShownCard {
  evidence: Evidence;
  line: RectLike;
  rects: RectLike[];
  via: 'pointer' | 'caret';
}

export interface HoverDeps {
  /** Shows the card (null hides it). */
  show(card: ShownCard | null): void;
  /** The textarea's mirror (plain-text bodies only). */
  mirror(): TextareaMirror | undefined;
}

/** How long the card stays after the pointer leaves the phrase or the card (time to cross the gap between them). */
export const LEAVE_MS = 350;

/** Keys that move the caret without typing: the caret entering a phrase this way shows its card. */
const NAVIGATION = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn', 'OS']);

type CaretDoc = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The caret position under a point, when the browser can say (used to measure only the phrase that holds it). */
function caretFromPoint(doc: Document, x: number, y: number): CaretPoint | null {
  try {
    const d = doc as CaretDoc;
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
  } catch {
    // Measure every phrase instead.
  }
  return null;
}

const keyOf = (e: Evidence) => `${e.field}:${e.start}:${e.end}:${e.patternId}`;

export class HighlightHover {
  private readonly ref: ComposerRef;
  private readonly deps: HoverDeps;
  private readonly abort = new AbortController();
  private targets: HoverTarget[] = [];
  private shown: ShownCard | null = null;
  /** The phrase whose card was dismissed (Escape or close): it stays closed until the caret or pointer leaves it. */
  private dismissed: string | null = null;
  /** The writer is typing: the caret's moves show nothing until a click or a navigation key. */
  private typing = false;
  /** A fix is going in: its input is not the writer's typing. */
  private fixingNow = false;
  private overCard = false;
  private point: { x: number; y: number } | null = null;
  private pointerFrame = 0;
  private caretFrame = 0;
  private moveFrame = 0;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(ref: ComposerRef, deps: HoverDeps) {
    this.ref = ref;
    this.deps = deps;
    try {
      this.listen();
    } catch {
      // Fail open: no card.
    }
  }

  private get win(): Window | null {
    return this.ref.editor.ownerDocument.defaultView;
  }

  /**
   * Frames and timers run on the compose window's own window: an editor's frame may be sandboxed without scripts
   * (Proton), where a callback scheduled on its window is not to be relied on.
   */
  private get clock(): Window {
    return this.ref.root.ownerDocument.defaultView ?? window;
  }

  private listen() {
    const { signal } = this.abort;
    const editor = this.ref.editor;
    const doc = editor.ownerDocument;
    const win = this.win;
    if (!win) return;
    const passive = { passive: true, signal };
    editor.addEventListener(
      'pointermove',
      (e) => {
        if (e.pointerType === 'touch') return;
        this.point = { x: e.clientX, y: e.clientY };
        if (!this.pointerFrame)
          this.pointerFrame = this.clock.requestAnimationFrame(() => this.onPointerFrame());
      },
      passive,
    );
    editor.addEventListener(
      'pointerleave',
      () => {
        this.point = null;
        if (this.shown?.via === 'pointer') this.closeSoon();
      },
      passive,
    );
    editor.addEventListener('pointerdown', () => (this.typing = false), passive);
    editor.addEventListener('input', () => this.onTyping(), passive);
    // Capture, so Escape closes the card before the webmail sees it (and only then is it kept from the page).
    win.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal });
    if (this.ref.kind === 'textarea') {
      const onCaret = () => this.caretSoon();
      editor.addEventListener('selectionchange', onCaret, passive);
      editor.addEventListener('keyup', (e) => NAVIGATION.has(e.key) && onCaret(), passive);
      editor.addEventListener('pointerup', onCaret, passive);
    } else {
      doc.addEventListener('selectionchange', () => this.caretSoon(), passive);
    }
    // The page or the editor scrolled, or the window changed size: the card follows its phrase (a caret card) or
    // closes (a pointer card: the phrase moved from under the pointer).
    const onMove = () => {
      if (!this.shown || this.moveFrame) return;
      this.moveFrame = this.clock.requestAnimationFrame(() => this.onMoveFrame());
    };
    const hostWin = this.ref.root.ownerDocument.defaultView;
    for (const w of new Set([win, hostWin])) {
      w?.addEventListener('scroll', onMove, { capture: true, passive: true, signal });
      w?.addEventListener('resize', onMove, { passive: true, signal });
    }
    editor.addEventListener(
      'focusout',
      (e) => {
        const next = e.relatedTarget as Element | null;
        // Focus going to our card (the shortcut) keeps it; anywhere else closes a card the caret opened.
        if (this.shown?.via === 'caret' && !(next && isInOurUi(next))) this.hide();
      },
      passive,
    );
  }

  /** The phrases highlighted now (after each check). A card whose phrase is gone closes; one still there follows it. */
  setTargets(targets: HoverTarget[]): void {
    this.targets = targets;
    const shown = this.shown;
    if (!shown) {
      // The caret may have come into a phrase by the keys while the check was still running (the highlights were
      // those of the text before the last edit): now that they are current, it shows the card it would have.
      if (!this.typing && this.editorHasFocus()) this.caretSoon();
      return;
    }
    const key = keyOf(shown.evidence);
    const same = targets.find((t) => keyOf(t.evidence) === key);
    if (!same) {
      this.hide();
      return;
    }
    const rects = this.rectsOf(same);
    const line = rects[0];
    if (!line) {
      this.hide();
      return;
    }
    this.show({
      ...shown,
      evidence: same.evidence,
      rects,
      line: shown.via === 'pointer' ? shown.line : line,
    });
  }

  /** The pointer entered or left the card. */
  cardPointer(inside: boolean): void {
    this.overCard = inside;
    if (inside) clearTimeout(this.leaveTimer);
    else if (this.shown) this.closeSoon();
  }

  /** Closes the card (Escape, the close button); the phrase stays quiet until the caret or pointer leaves it. */
  dismiss(): void {
    if (this.shown) this.dismissed = keyOf(this.shown.evidence);
    this.hide();
  }

  /** Runs a fix from the card: its input is not typing, and the card stays to say what happened. */
  async whileFixing<T>(run: () => Promise<T>): Promise<T> {
    this.fixingNow = true;
    try {
      return await run();
    } finally {
      // The editor's own input events come within a frame or two of the insertion.
      this.clock.setTimeout(() => (this.fixingNow = false), 50);
    }
  }

  /** True while a fix from the card is going in. */
  get fixing(): boolean {
    return this.fixingNow;
  }

  get visible(): boolean {
    return !!this.shown;
  }

  destroy(): void {
    this.abort.abort();
    clearTimeout(this.leaveTimer);
    const clock = this.clock;
    if (this.pointerFrame) clock.cancelAnimationFrame(this.pointerFrame);
    if (this.caretFrame) clock.cancelAnimationFrame(this.caretFrame);
    if (this.moveFrame) clock.cancelAnimationFrame(this.moveFrame);
    this.shown = null;
  }

  private onKeyDown(e: KeyboardEvent) {
    try {
      const target = e.target as Node | null;
      if (!target || !(target === this.ref.editor || this.ref.editor.contains(target))) return;
      if (e.key === 'Escape') {
        if (!this.shown || e.isComposing) return;
        e.stopPropagation();
        this.dismiss();
        return;
      }
      if (NAVIGATION.has(e.key)) {
        this.typing = false;
        return;
      }
      if (MODIFIERS.has(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
      this.onTyping();
    } catch {
      // Fail open.
    }
  }

  private onTyping() {
    if (this.fixingNow) return;
    this.typing = true;
    if (this.shown) this.hide();
  }

  private caretSoon() {
    if (this.typing || this.caretFrame) return;
    this.caretFrame = this.clock.requestAnimationFrame(() => this.onCaretFrame());
  }

  private onMoveFrame() {
    this.moveFrame = 0;
    try {
      const shown = this.shown;
      if (!shown) return;
      if (shown.via === 'pointer' && !this.overCard) this.hide();
      else this.setTargets(this.targets);
    } catch {
      this.hide();
    }
  }

  private onPointerFrame() {
    this.pointerFrame = 0;
    try {
      const p = this.point;
      if (!p || !this.targets.length) return;
      const hit = this.hitPointer(p.x, p.y);
      if (hit) {
        const key = keyOf(hit.target.evidence);
        if (key === this.dismissed) return;
        this.dismissed = null;
        clearTimeout(this.leaveTimer);
        if (this.shown && keyOf(this.shown.evidence) === key) return;
        this.show({ evidence: hit.target.evidence, line: hit.rect, rects: hit.rects, via: 'pointer' });
        return;
      }
      if (this.dismissed && !this.caretIn(this.dismissed)) this.dismissed = null;
      if (this.shown?.via === 'pointer') this.closeSoon();
    } catch {
      this.hide();
    }
  }

  private onCaretFrame() {
    this.caretFrame = 0;
    try {
      if (this.typing) return;
      const hit = this.hitCaret();
      if (!hit) {
        if (this.shown?.via === 'caret') this.hide();
        if (this.dismissed && !this.caretIn(this.dismissed)) this.dismissed = null;
        return;
      }
      const key = keyOf(hit.target.evidence);
      if (key === this.dismissed || (this.shown && keyOf(this.shown.evidence) === key)) return;
      this.show({ evidence: hit.target.evidence, line: hit.rect, rects: hit.rects, via: 'caret' });
    } catch {
      this.hide();
    }
  }

  private hitPointer(x: number, y: number): Hit<HoverTarget> | null {
    if (this.ref.kind === 'textarea') {
      const marks = this.deps.mirror()?.visibleMarks() ?? [];
      const hit = hitAtPoint(this.markTargets(marks), (t) => t.rangeLike, x, y);
      return hit ? { ...hit, target: hit.target.target } : null;
    }
    const caret = caretFromPoint(this.ref.editor.ownerDocument, x, y);
    return hitAtPoint(this.targets, (t) => t.range, x, y, caret);
  }

  private hitCaret(): Hit<HoverTarget> | null {
    if (this.ref.kind === 'textarea') {
      const ta = this.ref.editor as HTMLTextAreaElement;
      if (ta.ownerDocument.activeElement !== ta || ta.selectionStart !== ta.selectionEnd) return null;
      const at = ta.selectionStart;
      const marks = this.deps.mirror()?.visibleMarks() ?? [];
      const mark = marks.find((m) => at >= m.start && at <= m.end && m.rects.length);
      const target = mark && this.markTargets([mark])[0];
      const first = mark?.rects[0];
      return target && first ? { target: target.target, rect: first, rects: mark.rects } : null;
    }
    const sel = this.win?.getSelection();
    if (!sel?.isCollapsed || !sel.focusNode || !this.ref.editor.contains(sel.focusNode)) return null;
    return hitAtCaret(this.targets, (t) => t.range, { node: sel.focusNode, offset: sel.focusOffset });
  }

  /** The textarea's shown marks as targets, each with the evidence it draws. */
  private markTargets(marks: { start: number; end: number; rects: DOMRect[] }[]) {
    const out: { target: HoverTarget; rangeLike: RangeLike }[] = [];
    for (const m of marks) {
      const t = this.targets.find((x) => x.evidence.start < m.end && x.evidence.end > m.start);
      if (!t) continue;
      out.push({ target: t, rangeLike: { getClientRects: () => m.rects, isPointInRange: () => false } });
    }
    return out;
  }

  /** True while the writer's focus is in this editor (a check started by the recipients must not open a card). */
  private editorHasFocus(): boolean {
    const doc = this.ref.editor.ownerDocument;
    const active = doc.activeElement;
    return doc.hasFocus() && !!active && (active === this.ref.editor || this.ref.editor.contains(active));
  }

  /** True while the caret is inside the phrase with this key. */
  private caretIn(key: string): boolean {
    const hit = this.typing ? null : this.hitCaret();
    return !!hit && keyOf(hit.target.evidence) === key;
  }

  private rectsOf(t: HoverTarget): RectLike[] {
    if (this.ref.kind === 'textarea') {
      const marks = this.deps.mirror()?.visibleMarks() ?? [];
      return marks.find((m) => t.evidence.start < m.end && t.evidence.end > m.start)?.rects ?? [];
    }
    return Array.from(t.range?.getClientRects() ?? []).filter((r) => r.width > 0 && r.height > 0);
  }

  private closeSoon() {
    clearTimeout(this.leaveTimer);
    this.leaveTimer = setTimeout(() => {
      if (this.overCard || this.shown?.via !== 'pointer') return;
      this.hide();
    }, LEAVE_MS);
  }

  private show(card: ShownCard) {
    this.shown = card;
    this.deps.show(card);
  }

  private hide() {
    clearTimeout(this.leaveTimer);
    this.overCard = false;
    if (!this.shown) return;
    this.shown = null;
    this.deps.show(null);
  }
}
