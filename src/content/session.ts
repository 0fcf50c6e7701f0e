/**
 * One composer's life: watch the draft (input events plus a MutationObserver scoped to the editor), debounce,
 * read the draft in idle time, have it checked, then paint highlights and the badge. The check runs in the
 * checking worker (worker-client.ts) with this composer's own checker there (its per-sentence cache makes
 * re-checks cheap); if the worker cannot run, in the page, with a checker of its own, a long draft prepared in
 * idle slices. Read-only towards the editor; fails open throughout.
 */
import type { ComposerRef, DraftSnapshot } from '../adapters/adapter.ts';
import { fixOffset } from '../core/fix.ts';
import type {
  Checker,
  Consent,
  ContextInput,
  DraftCheck,
  Evidence,
  Param,
  Params,
  Purpose,
  Verdict,
} from '../core/index.ts';
import { assessRisk, type FixId, type RiskAssessment } from '../core/risk.ts';
import type { Answer } from '../panel/ComposerPanel.tsx';
import { type ComposerHost, createComposerHost } from '../panel/host.ts';
import {
  answersFor,
  listScope,
  orgScope,
  readRemembered,
  rememberAnswer,
  type Scope,
} from '../settings/remembered.ts';
import { fixText } from '../ui/risk-labels.ts';
import { clearHighlights, flashRange, type RangesByPurpose, setHighlights } from './highlights.ts';
import { HighlightHover, type HoverTarget, type ShownCard } from './hover-card.ts';
import { insertFix } from './insert-fix.ts';
import {
  changedWords,
  estimateCheckMs,
  fingerprintOf,
  MATERIAL_MIN_WORDS,
  type SendVerdict,
  SYNC_CHECK_BUDGET_MS,
  uncachedChars,
  WAIT_CHECK_BUDGET_MS,
} from './send-guard.ts';
import { type MirrorMark, TextareaMirror } from './textarea-mirror.ts';
import type { WorkerClient } from './worker-client.ts';

type Core = typeof import('../core/index.ts');

export const DEBOUNCE_MS = 400;

export interface SessionDeps {
  loadCore(): Promise<Core>;
  /** The checking worker, while it can be used (undefined once it failed: the session checks in the page). */
  worker?(): WorkerClient | undefined;
  /** The context from the settings (sender, channel, organisation name). */
  baseContext(): ContextInput;
}

/** Answers survive a session being rebuilt for the same editor (keyed by the editor, never stored on it). */
const rememberedAnswers = new WeakMap<Element, Record<string, Answer>>();

/** Drafts longer than this are prepared in idle slices before their check (see Checker.prepare). */
export const PREPARE_OVER_CHARS = 5000;
/** Stop preparing when less than this is left of an idle period (a slice takes a few milliseconds). */
const SLICE_RESERVE_MS = 15;

/** Waits for an idle period; resolves with its time-remaining function (a 16 ms budget without the API). */
function idleSlice(win: Window): Promise<() => number> {
  return new Promise((resolve) => {
    const ric = (win as Window & { requestIdleCallback?: Window['requestIdleCallback'] }).requestIdleCallback;
    if (typeof ric === 'function') ric.call(win, (d) => resolve(() => d.timeRemaining()), { timeout: 500 });
    else {
      win.setTimeout(() => {
        const end = performance.now() + 16;
        resolve(() => end - performance.now());
      }, 0);
    }
  });
}

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

/**
 * The verdict as the page may see it: the organisation's name (a setting) never appears in our in-page UI, whose
 * shadow roots a page can read. The sender-identity check says "your organisation's name" instead; the popup and
 * options page, which the page cannot reach, may show the name.
 */
export function withoutOrganisationName(verdict: Verdict, name: string | undefined): Verdict {
  const trimmed = name?.trim();
  if (!trimmed) return verdict;
  const n = trimmed.toLowerCase();
  const mentions = (c: DraftCheck) => JSON.stringify(c.params).toLowerCase().includes(n);
  if (!verdict.checks.some(mentions)) return verdict;
  const scrub = (p: Param): Param => {
    if (typeof p === 'string') return p.split(trimmed).join('your organisation');
    if (typeof p === 'number' || 'language' in p) return p;
    if ('list' in p) return { list: p.list.map(scrub) };
    return p.params ? { ...p, params: scrubAll(p.params) } : p;
  };
  const scrubAll = (params: Params): Params =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, scrub(v)]));
  return {
    ...verdict,
    checks: verdict.checks.map((c) => {
      if (!mentions(c)) return c;
      if (c.id === 'sender-unidentified')
        return { ...c, messageId: 'check_sender_unidentified_org', params: {} };
      return { ...c, params: scrubAll(c.params) };
    }),
  };
}

let sessionCounter = 0;

export class ComposerSession {
  /** Stable for the life of this composer in the page (the popup lists composers by it). */
  readonly id = ++sessionCounter;
  readonly ref: ComposerRef;
  private readonly deps: SessionDeps;
  private readonly abort = new AbortController();
  private readonly ui: ComposerHost;
  private observer: MutationObserver | undefined;
  /** Plain-text bodies only: draws the highlights over the textarea (created with the first evidence). */
  private mirror: TextareaMirror | undefined;
  /** The card on a highlighted phrase: when the pointer rests on one or the caret enters it. */
  private readonly hover: HighlightHover;
  /** The in-page checker: only when the worker cannot be used. */
  private checker: Checker | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;
  private destroyed = false;
  private last: DraftSnapshot | undefined;
  private lastText: string | undefined;
  private verdict: Verdict | undefined;
  /** What `verdict` was computed from (draft, recipients, context, answers), and its subject + body text. */
  private verdictKey: string | undefined;
  /** What `verdict` was computed in, apart from the text (recipients, context, answers). */
  private verdictContextKey: string | undefined;
  private checkedText = '';
  /** Counts runs, so a run still preparing a long draft gives way to a newer one. */
  private runs = 0;
  private answers: Record<string, Answer>;
  /** Answers remembered on this device for the scopes below (src/settings/remembered.ts). */
  private remembered: Record<string, Answer> = {};
  /** The organisation's scope, then the recipient list's when recipients are known. */
  private scopes: Scope[] = [];
  /** Incremented to ask the panel to open (ComposerPanel watches it). */
  private openRequests = 0;

  constructor(ref: ComposerRef, deps: SessionDeps) {
    this.ref = ref;
    this.deps = deps;
    this.answers = rememberedAnswers.get(ref.editor) ?? {};
    this.ui = createComposerHost(
      ref.editor,
      ref.root,
      () => {
        try {
          return ref.observeTargets().fields;
        } catch {
          return [];
        }
      },
      () => this.caretLine(),
    );
    this.hover = new HighlightHover(ref, {
      show: (card) => this.showCard(card),
      mirror: () => this.mirror,
    });
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
    // Compared as the adapter reads it (an adapter may blank parts of the value, e.g. Roundcube's reply intro).
    if (this.ref.kind === 'textarea' && this.ref.readDraft().body.text !== this.lastText) this.schedule(0);
  }

  /** The worker when it can be used now (never after it failed: this session then checks in the page). */
  private usableWorker(): WorkerClient | undefined {
    if (this.checker) return undefined;
    const worker = this.deps.worker?.();
    return worker && worker.state !== 'dead' ? worker : undefined;
  }

  async run(): Promise<void> {
    try {
      if (this.destroyed || !this.ref.isConnected()) return;
      const worker = this.usableWorker();
      if (worker) {
        const draft = await this.readForCheck();
        if (!draft) return;
        const gen = ++this.runs;
        let verdict: Verdict;
        try {
          verdict = await this.checkInWorker(worker, draft);
        } catch {
          // Fail open: the worker is gone; this and later checks run in the page.
          if (!this.destroyed && gen === this.runs) await this.runInPage();
          return;
        }
        if (this.destroyed || gen !== this.runs) return; // a newer draft took over
        this.accept(draft, verdict);
        return;
      }
      await this.runInPage();
    } catch {
      this.clear();
    }
  }

  /**
   * Reads the draft to check and the answers remembered for its organisation and recipient list; null when the
   * session ended meanwhile, or (and the badge cleared) when the body is empty.
   */
  private async readForCheck(): Promise<DraftSnapshot | null> {
    const draft = this.ref.readDraft();
    await this.loadRemembered(draft);
    if (this.destroyed) return null;
    this.last = draft;
    this.lastText = draft.body.text;
    if (draft.body.text.trim()) return draft;
    this.verdict = undefined;
    this.clear();
    return null;
  }

  /** The draft's verdict from the worker (this session's checker there). */
  private checkInWorker(worker: WorkerClient, draft: DraftSnapshot): Promise<Verdict> {
    const { context, answers } = this.contextFor(draft);
    return worker.check(this.id, { subject: draft.subject, body: draft.body.text }, context, answers);
  }

  /** The check in the page (no worker): loads the core here, prepares a long draft in idle slices, checks. */
  private async runInPage(): Promise<void> {
    try {
      if (this.destroyed || !this.ref.isConnected()) return;
      const core = await this.deps.loadCore();
      if (this.destroyed) return;
      this.checker ??= core.createChecker();
      const draft = await this.readForCheck();
      if (!draft) return;
      const gen = ++this.runs;
      if (draft.body.text.length > PREPARE_OVER_CHARS) {
        // A long draft's first check would be one long task: parse it in idle slices first, then check.
        const win = this.ref.editor.ownerDocument.defaultView ?? window;
        const input = { subject: draft.subject, body: draft.body.text };
        for (;;) {
          const remaining = await idleSlice(win);
          if (this.destroyed || gen !== this.runs) return; // a newer draft took over
          // At least one slice per callback, so a page that is never idle (the 500 ms timeout) still progresses.
          let first = true;
          const stop = () => {
            if (first) {
              first = false;
              return false;
            }
            return remaining() < SLICE_RESERVE_MS;
          };
          if (this.checker.prepare(input, stop)) break;
        }
      }
      this.adopt(this.checker, draft);
    } catch {
      this.clear();
    }
  }

  private paint(draft: DraftSnapshot, verdict: Verdict) {
    const ranges: RangesByPurpose = {};
    const targets: HoverTarget[] = [];
    for (const e of verdict.evidence) {
      if (e.field !== 'body' || e.purpose === 'none') continue;
      if (this.ref.kind === 'textarea') {
        targets.push({ evidence: e, range: null });
        continue;
      }
      const range = draft.body.rangeFor(e.start, e.end);
      if (!range) continue;
      const purpose = e.purpose as Purpose;
      ranges[purpose] = [...(ranges[purpose] ?? []), range];
      targets.push({ evidence: e, range });
    }
    setHighlights(this.ref.editor.ownerDocument, this, ranges);
    if (this.ref.kind === 'textarea') this.paintMirror(verdict);
    this.ui.update({
      verdict,
      risk: this.riskOf(verdict),
      answers: this.allAnswers(),
      canLocate: (e) => e.field === 'body' && (this.ref.kind === 'contenteditable' || !!this.mirror),
      onEvidence: (e) => this.locate(e),
      onAnswer: (field, answer) => this.answer(field, answer),
      onFix: (fix) => this.applyFix(fix),
      openRequest: this.openRequests,
    });
    this.hover.setTargets(targets);
  }

  /** The line box of the caret when it is in this draft (rich editors; null in a textarea or elsewhere). */
  private caretLine(): DOMRect | null {
    if (this.ref.kind !== 'contenteditable') return null;
    const sel = this.ref.editor.ownerDocument.defaultView?.getSelection();
    if (!sel?.rangeCount || !sel.focusNode || !this.ref.editor.contains(sel.focusNode)) return null;
    const range = sel.getRangeAt(0).cloneRange();
    range.collapse(false);
    const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return r.height > 0 ? r : null;
  }

  /** Shows (or hides) the card on a highlighted phrase, with this draft's verdict, risk and fixes. */
  private showCard(card: ShownCard | null) {
    const verdict = this.verdict;
    if (!card || !verdict) {
      this.ui.card(null);
      return;
    }
    this.ui.card({
      evidence: card.evidence,
      verdict,
      risk: this.riskOf(verdict),
      line: card.line,
      rects: card.rects,
      onFix: (fix) => this.hover.whileFixing(() => this.applyFix(fix)),
      onClose: (refocus) => {
        // A fix moves focus to the editor on its way in: the card stays to say what happened.
        if (!refocus && this.hover.fixing) return;
        this.hover.dismiss();
        if (refocus) this.focusEditor();
      },
      onPointer: (inside) => this.hover.cardPointer(inside),
    });
  }

  /** Focus back to the draft (after the card, reached by keyboard, closes): the caret is where it was. */
  private focusEditor() {
    try {
      this.ref.editor.ownerDocument.defaultView?.focus();
      this.ref.editor.focus({ preventScroll: true });
    } catch {
      // Fail open.
    }
  }

  /** Textareas: evidence offsets index the value as read, so the mirror can mark them (stale ones are skipped). */
  private paintMirror(verdict: Verdict) {
    try {
      const textarea = this.ref.editor as HTMLTextAreaElement;
      const value = textarea.value;
      const marks: MirrorMark[] = [];
      for (const e of verdict.evidence) {
        if (e.field !== 'body' || e.purpose === 'none' || value.slice(e.start, e.end) !== e.text) continue;
        marks.push({ start: e.start, end: e.end, purpose: e.purpose });
      }
      if (!marks.length) {
        this.mirror?.clear();
        return;
      }
      this.mirror ??= new TextareaMirror(textarea);
      this.mirror.update(marks);
    } catch {
      this.mirror?.clear();
    }
  }

  private clear() {
    this.hover.setTargets([]);
    clearHighlights(this.ref.editor.ownerDocument, this);
    this.mirror?.clear();
    this.ui.update(null);
  }

  private locate(e: Evidence) {
    try {
      if (this.ref.kind === 'textarea') {
        this.mirror?.locate(e.start, e.end);
        return;
      }
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
    // Remembered for the recipient list when there is one, else for the organisation (never `promotes`).
    const scope = this.scopes.at(-1);
    if (scope) void rememberAnswer(scope, field, answer).catch(() => undefined);
    rememberedAnswers.set(this.ref.editor, next);
    this.schedule(0);
  }

  /** The answers remembered for this organisation and recipient list, under the ones given in this composer. */
  private allAnswers(): Record<string, Answer> {
    return { ...this.remembered, ...this.answers };
  }

  /** Reads the answers remembered for the draft's organisation and recipient list (src/settings/remembered.ts). */
  private async loadRemembered(draft: DraftSnapshot): Promise<void> {
    try {
      const base = this.deps.baseContext();
      const org = orgScope(base.sender ?? 'unknown', base.senderName ?? '');
      const r = draft.recipients;
      const list = await listScope(org, [...r.to, ...r.cc, ...r.bcc]);
      this.scopes = list ? [org, list] : [org];
      this.remembered = answersFor(await readRemembered(), this.scopes);
    } catch {
      // Fail open: the composer's own answers still apply.
    }
  }

  /** The risk of a verdict of this composer's draft, with the consent answer it depends on (src/core/risk.ts). */
  riskOf(verdict: Verdict): RiskAssessment {
    const consent = this.allAnswers().consent?.value ?? this.deps.baseContext().consent;
    return assessRisk(verdict, consent ? { consent: consent as Consent } : {});
  }

  /**
   * Fix in one click (issue #13): on the user's click only, puts the fix's sentence at the end of the writer's own
   * text (before the signature and quoted history) through the editor's input path, then checks again.
   */
  async applyFix(fix: FixId): Promise<boolean> {
    try {
      if (this.destroyed || !this.ref.isConnected()) return false;
      const draft = this.ref.readDraft();
      const base = this.deps.baseContext();
      const text = fixText(fix, base.channel === 'sms' ? 'sms' : 'email', base.senderName);
      const ok = await insertFix(this.ref, draft.body, fixOffset(draft.body.text), text);
      this.schedule(0);
      return ok;
    } catch {
      return false;
    }
  }

  /** Opens the panel and brings the composer into view (the popup's "Show" button). */
  show(): void {
    try {
      this.ref.root.scrollIntoView?.({ block: 'nearest' });
      this.openRequests++;
      if (this.verdict && this.last) this.paint(this.last, this.verdict);
      this.ui.focusBadge();
    } catch {
      // Fail open.
    }
  }

  /**
   * The keyboard shortcut: moves focus to the card on the phrase at the caret while one shows, else to this
   * composer's badge; false when it shows neither.
   */
  focusBadge(): boolean {
    try {
      if (this.hover.visible && this.ui.focusCard()) return true;
      return this.ui.focusBadge();
    } catch {
      return false;
    }
  }

  /** The context a draft is checked in (settings, recipients, the user's answers). */
  private contextFor(draft: DraftSnapshot): { context: ContextInput; answers: Record<string, string> } {
    const context: ContextInput = { ...this.deps.baseContext(), recipients: draft.recipients };
    const answers = Object.fromEntries(Object.entries(this.allAnswers()).map(([k, a]) => [k, a.value]));
    return { context, answers };
  }

  /** Changes whenever the verdict could: the text, the recipients, the settings or an answer. */
  private keyFor(draft: DraftSnapshot): string {
    return [draft.subject, draft.body.text, this.contextKeyFor(draft)].join('\u0001');
  }

  /** The part of keyFor that is not the text: recipients, settings and answers. */
  private contextKeyFor(draft: DraftSnapshot): string {
    const { context, answers } = this.contextFor(draft);
    return `${JSON.stringify(context)}\u0001${JSON.stringify(answers)}`;
  }

  /** Checks `draft` in the page and, unless the session is gone, makes it the current verdict and paints it. */
  private adopt(checker: Checker, draft: DraftSnapshot): Verdict {
    const { context, answers } = this.contextFor(draft);
    const input = { subject: draft.subject, body: draft.body.text };
    let verdict: Verdict;
    try {
      verdict = checker.check(input, { ...context, ...answers });
    } catch {
      // A stale or invalid answer must not stop the check.
      verdict = checker.check(input, context);
    }
    return this.accept(draft, verdict);
  }

  /** Makes `verdict` (checked from `draft`) the current one and paints it, unless the session is gone. */
  private accept(draft: DraftSnapshot, checked: Verdict): Verdict {
    const verdict = withoutOrganisationName(checked, this.deps.baseContext().senderName);
    if (this.destroyed) return verdict;
    this.last = draft;
    this.lastText = draft.body.text;
    this.verdict = verdict;
    this.verdictKey = this.keyFor(draft);
    this.verdictContextKey = this.contextKeyFor(draft);
    this.checkedText = `${draft.subject}\n${draft.body.text}`;
    this.paint(draft, verdict);
    return verdict;
  }

  /**
   * Check at Send (send-guard.ts): the verdict for the draft as it is right now, synchronously. The current one
   * when nothing changed since. In the page (no worker): a synchronous re-check when the per-sentence cache makes
   * it cheap. With the worker, nothing is checked synchronously; a draft whose last verdict's risk is not `ok` and
   * whose text changed by at most MATERIAL_MIN_WORDS words (a typo fixed, "Thanks!" added) is held on
   * that verdict, as a confirmation would be kept for it. Else a `pending` check the guard may wait for, or
   * `unavailable` when even that would take too long.
   */
  sendVerdict(): SendVerdict {
    if (this.destroyed || !this.ref.isConnected()) return { state: 'unavailable', reason: 'gone' };
    const draft = this.ref.readDraft();
    if (!draft.body.text.trim()) return { state: 'empty' };
    const checker = this.checker;
    const worker = this.usableWorker();
    if ((checker || worker) && this.verdict && this.verdictKey === this.keyFor(draft))
      return { state: 'ready', verdict: this.verdict, draft };
    const text = `${draft.subject}\n${draft.body.text}`;
    const cached = checker || (worker && this.verdict);
    const cost = estimateCheckMs(text.length, cached ? uncachedChars(this.checkedText, text) : text.length);
    if (checker && cost <= SYNC_CHECK_BUDGET_MS)
      return { state: 'ready', verdict: this.adopt(checker, draft), draft };
    if (worker && this.verdict && this.smallTextEdit(draft, this.verdict))
      return { state: 'ready', verdict: this.verdict, draft };
    if (cost > WAIT_CHECK_BUDGET_MS) return { state: 'unavailable', reason: 'large' };
    return {
      state: 'pending',
      draft,
      check: async () => {
        const gen = ++this.runs;
        const w = this.usableWorker();
        if (w) {
          try {
            const verdict = await this.checkInWorker(w, draft);
            if (!this.destroyed && gen === this.runs) return this.accept(draft, verdict);
            // A newer check took over the badge; the guard still gets this draft's verdict, as the page may see it.
            return withoutOrganisationName(verdict, this.deps.baseContext().senderName);
          } catch {
            // The worker is gone: check in the page.
          }
        }
        try {
          const core = await this.deps.loadCore();
          this.checker ??= core.createChecker();
          return this.adopt(this.checker, draft);
        } catch {
          return null;
        }
      },
    };
  }

  /**
   * True when the current verdict's risk is not `ok` (it would hold or note the send) and `draft` differs from what it was checked on only by a few
   * words of text (settings, recipients and answers unchanged): at Send, that verdict stands for the draft.
   */
  private smallTextEdit(draft: DraftSnapshot, verdict: Verdict): boolean {
    if (this.riskOf(verdict).risk === 'ok' || this.verdictContextKey !== this.contextKeyFor(draft))
      return false;
    const before = fingerprintOf({ subject: '', body: this.checkedText }, verdict);
    const now = fingerprintOf({ subject: '', body: `${draft.subject}\n${draft.body.text}` }, verdict);
    return changedWords(before, now) <= MATERIAL_MIN_WORDS;
  }

  /** Shows or clears "check at Send skipped" on the badge. */
  setSendCheckSkipped(skipped: boolean): void {
    if (!this.destroyed) this.ui.setSendCheckSkipped(skipped);
  }

  /** The latest verdict (for tests and, later, the Send-check). */
  get current(): Verdict | undefined {
    return this.verdict;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.timer);
    this.deps.worker?.()?.drop(this.id);
    this.abort.abort();
    this.observer?.disconnect();
    this.hover.destroy();
    clearHighlights(this.ref.editor.ownerDocument, this);
    this.mirror?.destroy();
    this.ui.destroy();
  }
}
