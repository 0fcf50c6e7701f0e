/**
 * One composer's life: watch the draft (input events plus a MutationObserver scoped to the editor), debounce,
 * read the draft in idle time, check it with this composer's own checker (its per-sentence cache makes
 * re-checks cheap), then paint highlights and the badge. Read-only towards the editor; fails open throughout.
 */
import type { ComposerRef, DraftSnapshot } from '../adapters/adapter.ts';
import type { Checker, ContextInput, Evidence, Purpose, Verdict } from '../core/index.ts';
import type { Answer } from '../panel/ComposerPanel.tsx';
import { type ComposerHost, createComposerHost } from '../panel/host.ts';
import { clearHighlights, flashRange, type RangesByPurpose, setHighlights } from './highlights.ts';

type Core = typeof import('../core/index.ts');

export const DEBOUNCE_MS = 400;

export interface SessionDeps {
  loadCore(): Promise<Core>;
  /** The context from the settings (sender, channel, organisation name). */
  baseContext(): ContextInput;
}

/** Answers survive a session being rebuilt for the same editor (keyed by the editor, never stored on it). */
const rememberedAnswers = new WeakMap<Element, Record<string, Answer>>();

function idle(win: Window, fn: () => void): void {
  const ric = (win as Window & { requestIdleCallback?: Window['requestIdleCallback'] }).requestIdleCallback;
  if (typeof ric === 'function') ric.call(win, fn, { timeout: 1000 });
  else win.setTimeout(fn, 0);
}

function scrollParent(el: Element): Element | null {
  const win = el.ownerDocument.defaultView;
  for (let p: Element | null = el; p && win; p = p.parentElement) {
    const { overflowY } = win.getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/** Scrolls a range into view by scrolling its containers, without touching focus or the selection. */
export function scrollRangeIntoView(range: Range, editor: Element): void {
  const win = editor.ownerDocument.defaultView;
  if (!win) return;
  const behavior: ScrollBehavior = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches
    ? 'auto'
    : 'smooth';
  const r = range.getBoundingClientRect();
  const container = scrollParent(editor);
  if (container) {
    const c = container.getBoundingClientRect();
    if (r.top < c.top || r.bottom > c.bottom)
      container.scrollBy({ top: r.top - c.top - c.height / 2 + r.height / 2, behavior });
  }
  const after = container ? range.getBoundingClientRect() : r;
  if (after.top < 0 || after.bottom > win.innerHeight)
    win.scrollBy({ top: after.top - win.innerHeight / 2 + after.height / 2, behavior });
}

export class ComposerSession {
  readonly ref: ComposerRef;
  private readonly deps: SessionDeps;
  private readonly abort = new AbortController();
  private readonly ui: ComposerHost;
  private observer: MutationObserver | undefined;
  private checker: Checker | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;
  private destroyed = false;
  private last: DraftSnapshot | undefined;
  private lastText: string | undefined;
  private verdict: Verdict | undefined;
  private answers: Record<string, Answer>;

  constructor(ref: ComposerRef, deps: SessionDeps) {
    this.ref = ref;
    this.deps = deps;
    this.answers = rememberedAnswers.get(ref.editor) ?? {};
    this.ui = createComposerHost(ref.editor, ref.root);
    this.watch();
    this.schedule(0);
  }

  get host(): HTMLElement {
    return this.ui.host;
  }

  private watch() {
    const { signal } = this.abort;
    const onChange = () => this.schedule();
    const { body, fields } = this.ref.observeTargets();
    body.addEventListener('input', onChange, { signal, passive: true });
    for (const f of fields) {
      f.addEventListener('input', onChange, { signal, passive: true });
      f.addEventListener('change', onChange, { signal, passive: true });
    }
    if (this.ref.kind === 'contenteditable') {
      // Programmatic edits (templates, paste, undo, other extensions) fire no input event.
      const win = body.ownerDocument.defaultView as (Window & typeof globalThis) | null;
      this.observer = new (win?.MutationObserver ?? MutationObserver)(onChange);
      this.observer.observe(body, { childList: true, subtree: true, characterData: true });
    }
  }

  /** Debounced check; `delay` 0 for the first check and after an answer. */
  schedule(delay = DEBOUNCE_MS): void {
    if (this.destroyed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.pending || this.destroyed) return;
      this.pending = true;
      idle(this.ref.editor.ownerDocument.defaultView ?? window, () => {
        this.pending = false;
        void this.run();
      });
    }, delay);
  }

  /** Safety sweep: textarea values set by script fire no event, so compare with the last read. */
  sweep(): void {
    if (this.ref.kind === 'textarea' && (this.ref.editor as HTMLTextAreaElement).value !== this.lastText)
      this.schedule(0);
  }

  async run(): Promise<void> {
    try {
      if (this.destroyed || !this.ref.isConnected()) return;
      const core = await this.deps.loadCore();
      if (this.destroyed) return;
      this.checker ??= core.createChecker();
      const draft = this.ref.readDraft();
      this.last = draft;
      this.lastText = draft.body.text;
      if (!draft.body.text.trim()) {
        this.verdict = undefined;
        this.clear();
        return;
      }
      const context: ContextInput = { ...this.deps.baseContext(), recipients: draft.recipients };
      const answers = Object.fromEntries(Object.entries(this.answers).map(([k, a]) => [k, a.value]));
      let verdict: Verdict;
      try {
        verdict = this.checker.check(
          { subject: draft.subject, body: draft.body.text },
          { ...context, ...answers },
        );
      } catch {
        // A stale or invalid answer must not stop the check.
        verdict = this.checker.check({ subject: draft.subject, body: draft.body.text }, context);
      }
      if (this.destroyed) return;
      this.verdict = verdict;
      this.paint(draft, verdict);
    } catch {
      this.clear();
    }
  }

  private paint(draft: DraftSnapshot, verdict: Verdict) {
    const ranges: RangesByPurpose = {};
    for (const e of verdict.evidence) {
      if (e.field !== 'body' || e.purpose === 'none') continue;
      const range = draft.body.rangeFor(e.start, e.end);
      if (!range) continue;
      const purpose = e.purpose as Purpose;
      ranges[purpose] = [...(ranges[purpose] ?? []), range];
    }
    setHighlights(this.ref.editor.ownerDocument, this, ranges);
    this.ui.update({
      verdict,
      answers: { ...this.answers },
      canLocate: (e) => e.field === 'body' && this.ref.kind === 'contenteditable',
      onEvidence: (e) => this.locate(e),
      onAnswer: (field, answer) => this.answer(field, answer),
    });
  }

  private clear() {
    clearHighlights(this.ref.editor.ownerDocument, this);
    this.ui.update(null);
  }

  private locate(e: Evidence) {
    try {
      const range = this.last?.body.rangeFor(e.start, e.end);
      if (!range || range.toString().replace(/\s+/g, ' ') !== e.text.replace(/\s+/g, ' ')) return;
      scrollRangeIntoView(range, this.ref.editor);
      flashRange(this.ref.editor.ownerDocument, range);
    } catch {
      // Fail open.
    }
  }

  private answer(field: string, answer: Answer | null) {
    const next = { ...this.answers };
    if (answer) next[field] = answer;
    else delete next[field];
    this.answers = next;
    rememberedAnswers.set(this.ref.editor, next);
    this.schedule(0);
  }

  /** The latest verdict (for tests and, later, the Send-check). */
  get current(): Verdict | undefined {
    return this.verdict;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.timer);
    this.abort.abort();
    this.observer?.disconnect();
    clearHighlights(this.ref.editor.ownerDocument, this);
    this.ui.destroy();
  }
}
