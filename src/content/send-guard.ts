/**
 * Check at Send (issue #4): catches Send in every composer before the webmail acts on it, and in "confirm" mode
 * holds a send whose draft reads as direct marketing (or has an error-level check) until the user confirms.
 *
 * How (docs/webmail-composers.md §3.5):
 * - Capture-phase `click` and `keydown` listeners on the top window and on every reachable iframe-editor window
 *   (key events inside an iframe never reach the parent). A click counts when its composed path holds one of the
 *   composer's `sendControls()`; a keydown when the adapter's `isSendShortcut(e)` says so, or Enter/Space lands
 *   on a send control that is not a native button (a native button turns them into a click, caught above).
 * - The decision is synchronous: nothing is awaited inside the event. A send the guard does not hold reaches
 *   the webmail untouched. A held send is stopped with preventDefault + stopImmediatePropagation.
 * - "Send anyway" replays the send on the same control (mousedown, mouseup, click) or with the same key combo on
 *   the same target; the guard lets its own replay through. If the webmail ignored the replay (the composer is
 *   still there), the user is asked to press Send again and the next send of that composer passes (≤ 5 s).
 * - Fail open: any exception lets the event through untouched and marks the badge "check skipped"; so does a
 *   draft too large to check in time. A stale verdict is refreshed synchronously when the per-sentence cache
 *   makes that cheap, else the send is held for at most VERDICT_WAIT_MS and then shown or replayed.
 *
 * Never sends twice: a composer with an open dialog or a pending check swallows further sends; a replay is
 * skipped when the composer is already gone (the webmail sent it). Never loses the draft: the guard only reads it.
 */
import type { ComposerRef, DraftSnapshot } from '../adapters/adapter.ts';
import { isInOurUi } from '../adapters/generic.ts';
import type { Verdict } from '../core/verdict.ts';
import type { SendCheckMode } from '../settings/schema.ts';

/** How long a held send waits for a verdict that was not ready at Send before it is let through. */
export const VERDICT_WAIT_MS = 300;
/** After a replay the webmail ignored, the next send of that composer passes unchecked within this window. */
export const BYPASS_MS = 5000;
/** How long after a replay the guard waits before concluding the webmail ignored it. */
export const REPLAY_SETTLE_MS = 2000;
/** A re-check estimated to cost at most this runs synchronously inside the Send event. */
export const SYNC_CHECK_BUDGET_MS = 30;
/** A re-check estimated above this is not attempted at Send: the send goes through and the badge says so. */
export const WAIT_CHECK_BUDGET_MS = 250;

// --- pure decision logic --------------------------------------------------------------------------------------

/** True when the verdict warrants attention at Send: direct marketing (yes/likely) or an error-level check. */
export function warrantsCheck(verdict: Verdict): boolean {
  return (
    verdict.directMarketing === 'yes' ||
    verdict.directMarketing === 'likely' ||
    verdict.checks.some((c) => c.severity === 'error')
  );
}

/**
 * Rough cost of a check in ms on a mid-range laptop, from the benchmark in README "Speed": a first check costs
 * ~6 µs per character; a re-check costs ~0.1 µs per character to re-segment plus the first-check rate for the
 * characters the per-sentence cache has not seen. Deliberately pessimistic (×1.2).
 */
export function estimateCheckMs(totalChars: number, uncachedChars: number): number {
  return totalChars * 0.00012 + uncachedChars * 0.0072;
}

/** Characters that differ between two texts: everything between their common prefix and common suffix. */
export function changedChars(before: string, after: string): number {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  return Math.max(before.length, after.length) - start - end;
}

/**
 * How much of `after` the checker's per-sentence cache has not seen since it checked `before`: the smaller of the
 * span between their common prefix and suffix, and the length of the lines of `after` that `before` lacks (an
 * edit early in a draft cut at its length limit shifts the whole tail, yet every line but one is cached).
 */
export function uncachedChars(before: string, after: string): number {
  const span = changedChars(before, after);
  if (span < 2000) return span;
  const seen = new Set(before.split('\n'));
  let lines = 0;
  for (const line of after.split('\n')) if (!seen.has(line)) lines += line.length + 1;
  return Math.min(span, lines);
}

/** What a session can tell the guard, synchronously, at the moment of Send. */
export type SendVerdict =
  /** A verdict for the draft as it is now (fresh, or re-checked synchronously because that was cheap). */
  | { state: 'ready'; verdict: Verdict; draft: DraftSnapshot }
  /** Nothing to check (empty body). */
  | { state: 'empty' }
  /** No verdict for this text yet; `check()` computes one (resolves null on failure). */
  | { state: 'pending'; draft: DraftSnapshot; check(): Promise<Verdict | null> }
  /** No verdict can be had in time (draft too large, composer gone, core failed). */
  | { state: 'unavailable'; reason: string };

export type Decision =
  /** Let the event through untouched. */
  | { kind: 'pass' }
  /** Let it through, then show a non-modal note about the verdict (advise mode). */
  | { kind: 'advise'; verdict: Verdict }
  /** Let it through, check the snapshot afterwards, then note the verdict if it warrants it (advise mode). */
  | { kind: 'advise-later' }
  /** Let it through untouched and say the check was skipped. */
  | { kind: 'skip'; reason: string }
  /** Hold the send and ask (confirm mode). */
  | { kind: 'hold'; verdict: Verdict }
  /** Hold the send while a verdict is computed (≤ VERDICT_WAIT_MS), then ask or replay (confirm mode). */
  | { kind: 'wait' }
  /** A dialog or a pending check is already open for this composer: stop this repeat, do nothing else. */
  | { kind: 'swallow' };

export interface DecisionInput {
  mode: SendCheckMode;
  /** A dialog is open or a check is pending for this composer. */
  busy: boolean;
  /** The composer's one-shot bypass is armed (after an ignored replay). */
  bypass: boolean;
  verdict: SendVerdict;
  /** The user already confirmed this draft and it has not changed materially since. */
  confirmed: boolean;
}

/** The guard's decision for one send attempt. Pure; unit-tested over modes × verdicts × states. */
export function decide(input: DecisionInput): Decision {
  if (input.mode === 'off') return { kind: 'pass' };
  if (input.busy) return { kind: 'swallow' };
  if (input.bypass) return { kind: 'pass' };
  const v = input.verdict;
  switch (v.state) {
    case 'unavailable':
      return { kind: 'skip', reason: v.reason };
    case 'empty':
      return { kind: 'pass' };
    case 'pending':
      return input.mode === 'confirm' ? { kind: 'wait' } : { kind: 'advise-later' };
    case 'ready':
      if (!warrantsCheck(v.verdict)) return { kind: 'pass' };
      if (input.mode === 'advise') return { kind: 'advise', verdict: v.verdict };
      return input.confirmed ? { kind: 'pass' } : { kind: 'hold', verdict: v.verdict };
  }
}

// --- "material change" of a confirmed draft -------------------------------------------------------------------

/** What a confirmation is remembered against: the draft's words (as a multiset) and why it was held. */
export interface DraftFingerprint {
  words: Map<string, number>;
  total: number;
  /** The hold reasons: marketing or not, purpose, route, and the ids of error-level checks. */
  signature: string;
}

/** Edits up to this many words (a removed plus an added word count two) are never material. */
export const MATERIAL_MIN_WORDS = 4;
/** Beyond that minimum, a change is material when it touches more than this share of the words. */
export const MATERIAL_SHARE = 0.05;

function wordsOf(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text
    .normalize('NFKC')
    .toLowerCase()
    .matchAll(/[\p{L}\p{N}]+/gu))
    out.set(m[0], (out.get(m[0]) ?? 0) + 1);
  return out;
}

export function holdSignature(verdict: Verdict): string {
  const dm = verdict.directMarketing === 'yes' || verdict.directMarketing === 'likely';
  const errors = verdict.checks
    .filter((c) => c.severity === 'error')
    .map((c) => c.id)
    .sort();
  return [dm ? 'dm' : 'not-dm', verdict.primaryPurpose, verdict.route, ...errors].join('|');
}

export function fingerprintOf(draft: { subject: string; body: string }, verdict: Verdict): DraftFingerprint {
  const words = wordsOf(`${draft.subject}\n${draft.body}`);
  let total = 0;
  for (const n of words.values()) total += n;
  return { words, total, signature: holdSignature(verdict) };
}

/**
 * True when a draft changed materially since it was confirmed: the reasons it was held changed (another purpose,
 * route or error check), or its words changed beyond typo fixes. Case, punctuation, spacing and line breaks never
 * count; up to MATERIAL_MIN_WORDS word changes never count; beyond that, more than MATERIAL_SHARE of the words.
 */
export function materiallyChanged(confirmed: DraftFingerprint, now: DraftFingerprint): boolean {
  if (confirmed.signature !== now.signature) return true;
  let diff = 0;
  for (const [w, n] of confirmed.words) diff += Math.abs(n - (now.words.get(w) ?? 0));
  for (const [w, n] of now.words) if (!confirmed.words.has(w)) diff += n;
  const allowed = Math.max(
    MATERIAL_MIN_WORDS,
    Math.ceil(MATERIAL_SHARE * Math.max(confirmed.total, now.total)),
  );
  return diff > allowed;
}

// --- the guard ------------------------------------------------------------------------------------------------

/** What the guard needs from a composer session. */
export interface GuardSession {
  readonly ref: ComposerRef;
  /** The verdict for the draft as it is now, synchronously (see SendVerdict). Must not throw (the guard catches). */
  sendVerdict(): SendVerdict;
  /** Shows or clears "check at Send skipped" on the composer's badge. */
  setSendCheckSkipped(skipped: boolean): void;
}

export type NoticeSpec =
  | { kind: 'advise'; verdict: Verdict }
  | { kind: 'skipped'; reason: string }
  | { kind: 'press-again'; seconds: number };

export interface DialogOptions {
  verdict: Verdict;
  onBack(): void;
  onSend(reason: string): void;
}

/** The guard's UI: the modal dialog and non-modal notices (src/panel/SendDialog.tsx; a fake in unit tests). */
export interface GuardUi {
  /** Shows the dialog; throws when it cannot (the guard then releases the send). */
  openDialog(options: DialogOptions): void;
  closeDialog(): void;
  notice(spec: NoticeSpec): void;
  destroy(): void;
}

export interface OverrideRecord {
  verdict: Verdict;
  webmail: string;
  reason: string;
}

export interface GuardDeps {
  sessions(): Iterable<GuardSession>;
  mode(): SendCheckMode;
  ui: GuardUi;
  /** Records a "Send anyway" in the local override log (fire and forget; must not throw). */
  logOverride(record: OverrideRecord): void;
  now?(): number;
  /**
   * Development builds only (MRC_DEV_HOSTS=1 on loopback): throws when the page asks for an injected fault at
   * `point`, so the fail-open paths can be tested end to end. Absent in release builds.
   */
  fault?(point: 'decide' | 'dialog'): void;
}

type Attempt =
  | { kind: 'click'; control: Element; focus: Element | null }
  | { kind: 'key'; target: Element; init: KeyboardEventInit; focus: Element | null }
  | { kind: 'control-key'; control: Element; focus: Element | null };

interface ComposerState {
  busy: boolean;
  bypassUntil: number;
  confirmed?: DraftFingerprint;
  /** A held keydown's key: its keyup is swallowed too, so a webmail acting on keyup cannot send meanwhile. */
  heldKey?: string;
}

const NATIVE_ACTIVATION = new Set(['BUTTON', 'INPUT', 'A', 'SUMMARY']);

function isEditable(el: Element): boolean {
  return (
    (el as HTMLElement).isContentEditable === true || el.tagName === 'TEXTAREA' || el.tagName === 'INPUT'
  );
}

function deepActive(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

function keyInit(e: KeyboardEvent): KeyboardEventInit {
  return {
    key: e.key,
    code: e.code,
    keyCode: e.keyCode,
    which: e.which,
    location: e.location,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    shiftKey: e.shiftKey,
    altKey: e.altKey,
    repeat: false,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
}

export class SendGuard {
  private readonly deps: GuardDeps;
  private readonly abort = new AbortController();
  private readonly states = new WeakMap<Element, ComposerState>();
  private readonly windows = new WeakSet<Window>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** True while the guard dispatches its own replay: those events pass untouched. */
  private replaying = false;
  private dialogOpen = false;
  private destroyed = false;

  constructor(deps: GuardDeps) {
    this.deps = deps;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Listens on `win` (the top window, or an iframe editor's window) in the capture phase. Idempotent. */
  watch(win: Window | null | undefined): void {
    if (!win || this.destroyed || this.windows.has(win)) return;
    this.windows.add(win);
    const opts = { capture: true, signal: this.abort.signal };
    win.addEventListener('click', (e) => this.onClick(e as MouseEvent), opts);
    win.addEventListener('keydown', (e) => this.onKeydown(e as KeyboardEvent), opts);
    win.addEventListener('keyup', (e) => this.onKeyup(e as KeyboardEvent), opts);
  }

  destroy(): void {
    this.destroyed = true;
    this.abort.abort();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    try {
      this.deps.ui.destroy();
    } catch {
      // Nothing to undo.
    }
  }

  private later(fn: () => void, ms: number) {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.destroyed) fn();
    }, ms);
    this.timers.add(t);
  }

  private state(session: GuardSession): ComposerState {
    let s = this.states.get(session.ref.editor);
    if (!s) {
      s = { busy: false, bypassUntil: 0 };
      this.states.set(session.ref.editor, s);
    }
    return s;
  }

  /** The session whose send control is on the event's path, and that control. */
  private controlOnPath(path: EventTarget[]): { session: GuardSession; control: Element } | null {
    for (const session of this.deps.sessions()) {
      for (const control of session.ref.sendControls())
        if (path.includes(control)) return { session, control };
    }
    return null;
  }

  /** The session whose composer holds `target` (its editor, its compose root, or its iframe editor's document). */
  private sessionAround(target: Element): GuardSession | null {
    for (const session of this.deps.sessions()) {
      const { editor, root } = session.ref;
      if (editor.contains(target) || root.contains(target)) return session;
      if (target.ownerDocument !== root.ownerDocument && target.ownerDocument === editor.ownerDocument)
        return session;
    }
    return null;
  }

  /** Off: nothing to look at (read per event, so a settings change applies at once). */
  private off(): boolean {
    try {
      return this.deps.mode() === 'off';
    } catch {
      return true;
    }
  }

  private onClick(e: MouseEvent) {
    if (this.replaying || e.button !== 0 || this.off()) return;
    try {
      const path = e.composedPath();
      const first = path[0] as Element | undefined;
      if (first?.nodeType !== 1 || isInOurUi(first)) return;
      const hit = this.controlOnPath(path);
      if (!hit) return;
      const focus = deepActive(hit.control.ownerDocument);
      this.handle(e, hit.session, { kind: 'click', control: hit.control, focus });
    } catch {
      // Fail open: the click goes on to the webmail untouched.
    }
  }

  private onKeydown(e: KeyboardEvent) {
    if (this.replaying || e.isComposing || e.keyCode === 229) return;
    // Cheap exit for ordinary typing: every known send shortcut uses Enter, Space or a modifier.
    if (e.key !== 'Enter' && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) return;
    if (this.off()) return;
    try {
      const path = e.composedPath();
      const target = path[0] as Element | undefined;
      if (target?.nodeType !== 1 || isInOurUi(target)) return;
      const session = this.sessionAround(target);
      const focus = deepActive(target.ownerDocument);
      if (session?.ref.isSendShortcut(e)) {
        this.handle(e, session, { kind: 'key', target, init: keyInit(e), focus });
        return;
      }
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
      if (!plain || (e.key !== 'Enter' && e.key !== ' ') || isEditable(target)) return;
      const hit = this.controlOnPath(path);
      // A native button turns Enter/Space into a click, which the click listener handles.
      if (!hit || NATIVE_ACTIVATION.has(hit.control.tagName)) return;
      this.handle(e, hit.session, { kind: 'control-key', control: hit.control, focus });
    } catch {
      // Fail open.
    }
  }

  private onKeyup(e: KeyboardEvent) {
    if (this.replaying) return;
    try {
      for (const session of this.deps.sessions()) {
        const s = this.states.get(session.ref.editor);
        if (s?.heldKey && s.heldKey === e.key) {
          s.heldKey = undefined;
          e.preventDefault();
          e.stopImmediatePropagation();
          return;
        }
      }
    } catch {
      // Fail open.
    }
  }

  private block(e: Event, s: ComposerState) {
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type === 'keydown') s.heldKey = (e as KeyboardEvent).key;
  }

  private markSkipped(session: GuardSession, reason: string) {
    try {
      session.setSendCheckSkipped(true);
    } catch {
      // The badge is best effort.
    }
    this.later(() => this.deps.ui.notice({ kind: 'skipped', reason }), 0);
  }

  /** Decides synchronously for one send attempt; see the file comment. */
  private handle(e: Event, session: GuardSession, attempt: Attempt) {
    let decision: Decision;
    let verdictNow: SendVerdict | undefined;
    const s = this.state(session);
    try {
      const mode = this.deps.mode();
      if (mode === 'off') return;
      if (s.busy || this.dialogOpen) {
        this.block(e, s);
        return;
      }
      this.deps.fault?.('decide');
      const bypass = s.bypassUntil > this.now();
      if (bypass) s.bypassUntil = 0;
      verdictNow = bypass ? { state: 'empty' } : session.sendVerdict();
      const confirmed =
        verdictNow.state === 'ready' &&
        !!s.confirmed &&
        !materiallyChanged(
          s.confirmed,
          fingerprintOf(
            { subject: verdictNow.draft.subject, body: verdictNow.draft.body.text },
            verdictNow.verdict,
          ),
        );
      decision = decide({ mode, busy: false, bypass, verdict: verdictNow, confirmed });
    } catch {
      // Fail open: the event was not touched; say so on the badge.
      this.markSkipped(session, 'error');
      return;
    }
    switch (decision.kind) {
      case 'pass':
        try {
          session.setSendCheckSkipped(false);
        } catch {
          // Best effort.
        }
        return;
      case 'skip':
        this.markSkipped(session, decision.reason);
        return;
      case 'swallow':
        this.block(e, s);
        return;
      case 'advise': {
        const verdict = decision.verdict;
        this.later(() => this.deps.ui.notice({ kind: 'advise', verdict }), 0);
        return;
      }
      case 'advise-later': {
        // After the event (a task, not a microtask): the check must not delay the webmail's own handling.
        const pending = verdictNow as Extract<SendVerdict, { state: 'pending' }>;
        this.later(() => {
          pending.check().then(
            (verdict) => {
              if (verdict && warrantsCheck(verdict)) this.deps.ui.notice({ kind: 'advise', verdict });
            },
            () => {},
          );
        }, 0);
        return;
      }
      case 'hold':
        this.block(e, s);
        this.ask(session, attempt, decision.verdict, verdictNow as Extract<SendVerdict, { state: 'ready' }>);
        return;
      case 'wait':
        this.block(e, s);
        this.waitThenAsk(session, attempt, verdictNow as Extract<SendVerdict, { state: 'pending' }>);
        return;
    }
  }

  /** Holds a send whose verdict was not ready, for at most VERDICT_WAIT_MS; then asks, or releases it. */
  private waitThenAsk(
    session: GuardSession,
    attempt: Attempt,
    pending: Extract<SendVerdict, { state: 'pending' }>,
  ) {
    const s = this.state(session);
    s.busy = true;
    const started = this.now();
    let settled = false;
    const finish = (verdict: Verdict | null) => {
      if (settled) return;
      settled = true;
      s.busy = false;
      try {
        const inTime = this.now() - started <= VERDICT_WAIT_MS;
        if (!verdict || !inTime) {
          this.markSkipped(session, verdict ? 'slow' : 'error');
          this.release(session, attempt);
        } else if (!warrantsCheck(verdict)) {
          this.release(session, attempt);
        } else {
          this.ask(session, attempt, verdict, { state: 'ready', verdict, draft: pending.draft });
        }
      } catch {
        this.release(session, attempt);
      }
    };
    this.later(() => finish(null), VERDICT_WAIT_MS);
    let check: Promise<Verdict | null>;
    try {
      check = pending.check();
    } catch {
      check = Promise.resolve(null);
    }
    check.then(finish, () => finish(null));
  }

  /** Opens the dialog for a held send. If it cannot be shown, the send is released (fail open). */
  private ask(
    session: GuardSession,
    attempt: Attempt,
    verdict: Verdict,
    ready: Extract<SendVerdict, { state: 'ready' }>,
  ) {
    const s = this.state(session);
    s.busy = true;
    this.dialogOpen = true;
    let done = false;
    const close = () => {
      s.busy = false;
      this.dialogOpen = false;
      try {
        this.deps.ui.closeDialog();
      } catch {
        // The dialog is gone either way.
      }
    };
    try {
      this.deps.fault?.('dialog');
      this.deps.ui.openDialog({
        verdict,
        onBack: () => {
          if (done) return;
          done = true;
          close();
          // Back to the draft: focus only, never the selection.
          try {
            (session.ref.editor as HTMLElement).focus();
          } catch {
            // Focus is a courtesy.
          }
        },
        onSend: (reason) => {
          if (done) return;
          done = true;
          close();
          s.confirmed = fingerprintOf({ subject: ready.draft.subject, body: ready.draft.body.text }, verdict);
          try {
            this.deps.logOverride({ verdict, webmail: session.ref.adapterId, reason });
          } catch {
            // The log is best effort; the send is not.
          }
          this.release(session, attempt);
        },
      });
    } catch {
      close();
      this.markSkipped(session, 'error');
      this.release(session, attempt);
    }
  }

  /**
   * Replays a held send exactly once: the same control gets mousedown, mouseup and click; a shortcut is re-sent
   * as the same key combo to the same target. Skipped when the composer is gone (the webmail already sent it).
   * If the composer is still there after REPLAY_SETTLE_MS, the webmail ignored the replay: the user is asked to
   * press Send again, and that one passes.
   */
  private release(session: GuardSession, attempt: Attempt) {
    const s = this.state(session);
    s.heldKey = undefined;
    if (!session.ref.isConnected()) return;
    const restore = attempt.focus;
    try {
      if (restore?.isConnected && restore !== deepActive(restore.ownerDocument))
        (restore as HTMLElement).focus?.({ preventScroll: true });
    } catch {
      // Focus is a courtesy.
    }
    this.replaying = true;
    try {
      if (attempt.kind === 'key') {
        const target = attempt.target.isConnected ? attempt.target : session.ref.editor;
        dispatchKeys(target, attempt.init);
      } else {
        const control = attempt.control.isConnected ? attempt.control : session.ref.sendControls()[0];
        if (control) dispatchClick(control);
      }
    } catch {
      // Handled below: the composer is still there, so the user is asked to press Send again.
    } finally {
      this.replaying = false;
    }
    this.later(() => {
      if (!session.ref.isConnected()) return;
      s.bypassUntil = this.now() + BYPASS_MS;
      this.deps.ui.notice({ kind: 'press-again', seconds: Math.round(BYPASS_MS / 1000) });
    }, REPLAY_SETTLE_MS);
  }
}

function viewOf(el: Element): Window | null {
  return el.ownerDocument.defaultView;
}

/** A full mouse click on `el` (pointer at its centre), as InboxSDK-style integrations simulate one. */
export function dispatchClick(el: Element): void {
  const view = viewOf(el);
  const r = el.getBoundingClientRect();
  const init: MouseEventInit = {
    bubbles: true,
    cancelable: true,
    composed: true,
    view,
    button: 0,
    detail: 1,
    clientX: r.left + r.width / 2,
    clientY: r.top + r.height / 2,
  };
  const Mouse = (view as (Window & typeof globalThis) | null)?.MouseEvent ?? MouseEvent;
  el.dispatchEvent(new Mouse('mousedown', { ...init, buttons: 1 }));
  el.dispatchEvent(new Mouse('mouseup', init));
  el.dispatchEvent(new Mouse('click', init));
}

/** The same key press again: keydown, keypress (Enter only, and only if keydown was not cancelled), keyup. */
export function dispatchKeys(target: Element, init: KeyboardEventInit): void {
  const view = viewOf(target);
  const Key = (view as (Window & typeof globalThis) | null)?.KeyboardEvent ?? KeyboardEvent;
  const withView = { ...init, view };
  const accepted = target.dispatchEvent(new Key('keydown', withView));
  if (accepted && init.key === 'Enter')
    target.dispatchEvent(new Key('keypress', { ...withView, charCode: 13 }));
  target.dispatchEvent(new Key('keyup', withView));
}
