/**
 * Check at Send (issues #4, #11, #13): catches Send in every composer before the webmail acts on it and, by the
 * draft's risk (src/core/risk.ts), holds it until the user confirms: in "risk" mode (the default) only at `stop`,
 * in "confirm" mode at `review` too. "advise" never holds; a note after Send names each problem.
 *
 * How (docs/webmail-composers.md §3.5):
 * - Capture-phase listeners on the top window and on every reachable iframe-editor window (key events inside an
 *   iframe never reach the parent), for the whole gesture: pointerdown, mousedown, pointerup, mouseup and click,
 *   and keydown/keyup. A Send control may act on any of them, so the guard decides at the first (pointerdown) and
 *   holds every event of that gesture; a pointer click whose press it never saw may already have been acted on, so
 *   it is never held or replayed (marked "check skipped"). A keydown counts when the adapter's `isSendShortcut(e)`
 *   says so, or Enter/Space lands on a send control that is not a native button.
 * - Only the user's own (trusted) events are considered; a page script's synthetic click on its own Send button is
 *   its own business, and is looked at only while the user is interacting (a webmail turning a shortcut into a
 *   click). The guard's own replay passes untouched.
 * - The decision is synchronous: nothing is awaited inside the event. A send the guard does not hold reaches the
 *   webmail untouched. A held send is stopped with preventDefault + stopImmediatePropagation.
 * - The dialog must really be on screen: right after opening, and while open, the UI is asked whether it is shown
 *   (connected, visible, on top). If not, the guard resets and lets the send through: there is no state in which
 *   Send does nothing.
 * - "Send anyway" replays the send on the same control (pointer and mouse down/up, click) or with the same key
 *   combo on the same target. Then it watches for the webmail's own signs of sending (send-signals.ts) for
 *   SEND_SIGNAL_WAIT_MS; if none comes it says "check your Sent folder", never "press Send again". Another Send of
 *   that draft while the replay may still be in flight is asked about again.
 * - A composer the webmail redrew while the dialog was open gets no replay; the user is told it was not sent, and the
 *   confirmation carries over to the redrawn composer holding the same draft (logged when that send goes).
 * - Fail open: any exception lets the event through untouched and marks the badge "check skipped"; so does a
 *   draft too large to check in time. A stale verdict is refreshed synchronously when the per-sentence cache
 *   makes that cheap, else the send is held for at most VERDICT_WAIT_MS and then shown or replayed.
 *
 * Never sends twice: a composer with an open dialog or a pending check swallows further sends; a replay is
 * skipped when the composer is already gone. Never loses the draft: the guard only reads it.
 */
import type { ComposerRef, DraftSnapshot } from '../adapters/adapter.ts';
import { isVisible } from '../adapters/shared.ts';
import { assessRisk, type Risk, type RiskAssessment } from '../core/risk.ts';
import { isMarketingLevel, type Verdict } from '../core/verdict.ts';
import type { SendCheckMode } from '../settings/schema.ts';
import { isInOurUi } from '../ui/our-ui.ts';
import { type SendSignal, watchForSend } from './send-signals.ts';

/** How long a held send waits for a verdict that was not ready at Send before it is let through. */
export const VERDICT_WAIT_MS = 300;
/**
 * After a replay, how long the guard watches for the webmail's own sign that it sent (slow servers keep a composer
 * open for seconds) before it says anything, and then only "check your Sent folder".
 */
export const SEND_SIGNAL_WAIT_MS = 12_000;
/** How often an open dialog is checked to be really on screen (a page may hide or remove it at any time). */
export const DIALOG_CHECK_MS = 250;
/** A confirmation carried over to a redrawn composer holding the same draft lasts this long. */
export const CARRY_CONFIRMATION_MS = 10 * 60_000;
/** When a held pointer press ends without a click (released off the control), the gesture ends after this. */
const RELEASE_GRACE_MS = 60;
/** A held press that never ends (pointer capture lost, the window left) ends on its own after this. */
export const MAX_PRESS_MS = 10_000;
/** A re-check estimated to cost at most this runs synchronously inside the Send event. */
export const SYNC_CHECK_BUDGET_MS = 30;
/** A re-check estimated above this is not attempted at Send: the send goes through and the badge says so. */
export const WAIT_CHECK_BUDGET_MS = 250;

// --- pure decision logic --------------------------------------------------------------------------------------

/**
 * Whether a mode holds a send at this risk: "risk" (the default) only when the draft breaks a rule as drafted,
 * "confirm" also when something needs a look; "advise" and "off" never.
 */
export function holdsAt(mode: SendCheckMode, risk: Risk): boolean {
  if (mode === 'confirm') return risk !== 'ok';
  if (mode === 'risk') return risk === 'stop';
  return false;
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
  /** Let it through, then show a non-modal note naming the problems (advise mode; risk mode at `review`). */
  | { kind: 'advise'; verdict: Verdict; risk: RiskAssessment }
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
  verdict: SendVerdict;
  /** The user already confirmed this draft and it has not changed materially since. */
  confirmed: boolean;
  /** The risk of a ready verdict, with the composer's answers (default: the verdict's alone). */
  risk?: RiskAssessment;
}

/** The guard's decision for one send attempt. Pure; unit-tested over modes × verdicts × states. */
export function decide(input: DecisionInput): Decision {
  if (input.mode === 'off') return { kind: 'pass' };
  if (input.busy) return { kind: 'swallow' };
  const v = input.verdict;
  switch (v.state) {
    case 'unavailable':
      return { kind: 'skip', reason: v.reason };
    case 'empty':
      return { kind: 'pass' };
    case 'pending':
      return input.mode === 'advise' ? { kind: 'advise-later' } : { kind: 'wait' };
    case 'ready': {
      const risk = input.risk ?? assessRisk(v.verdict);
      if (holdsAt(input.mode, risk.risk))
        return input.confirmed ? { kind: 'pass' } : { kind: 'hold', verdict: v.verdict };
      return risk.risk === 'ok' ? { kind: 'pass' } : { kind: 'advise', verdict: v.verdict, risk };
    }
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
  const dm = isMarketingLevel(verdict.directMarketing);
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

/** How many words differ between two drafts (a removed plus an added word count two; case and punctuation never). */
export function changedWords(a: DraftFingerprint, b: DraftFingerprint): number {
  let diff = 0;
  for (const [w, n] of a.words) diff += Math.abs(n - (b.words.get(w) ?? 0));
  for (const [w, n] of b.words) if (!a.words.has(w)) diff += n;
  return diff;
}

/**
 * True when a draft changed materially since it was confirmed: the reasons it was held changed (another purpose,
 * route or error check), or its words changed beyond typo fixes. Case, punctuation, spacing and line breaks never
 * count; up to MATERIAL_MIN_WORDS word changes never count; beyond that, more than MATERIAL_SHARE of the words.
 */
export function materiallyChanged(confirmed: DraftFingerprint, now: DraftFingerprint): boolean {
  if (confirmed.signature !== now.signature) return true;
  const diff = changedWords(confirmed, now);
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
  /** The risk of a verdict of this draft, with the composer's answers (default: the verdict's alone). */
  riskOf?(verdict: Verdict): RiskAssessment;
}

export type NoticeSpec =
  | { kind: 'advise'; verdict: Verdict; risk?: RiskAssessment }
  | { kind: 'skipped'; reason: string }
  /** No sign of sending came within SEND_SIGNAL_WAIT_MS of a replay: the user should look before sending again. */
  | { kind: 'check-sent' }
  /** The composer was redrawn or closed while the dialog was open: nothing was sent. */
  | { kind: 'not-sent' };

export interface DialogOptions {
  verdict: Verdict;
  /** Why it was held: the problems come first in the dialog (default: the verdict's own risk). */
  risk?: RiskAssessment;
  onBack(): void;
  onSend(reason: string): void;
}

/** The guard's UI: the modal dialog and non-modal notices (src/panel/SendDialog.tsx; a fake in unit tests). */
export interface GuardUi {
  /** Shows the dialog; throws when it cannot (the guard then releases the send). */
  openDialog(options: DialogOptions): void;
  /** True while the open dialog is really on screen: connected, rendered, visible and not covered. */
  dialogShown(): boolean;
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
  /** Whether an event came from the user (default: `isTrusted`; unit tests, whose events are synthetic, pass all). */
  trusted?(e: Event): boolean;
  /** Whether the user is interacting with the page now (default: `navigator.userActivation.isActive`). */
  userActive?(): boolean;
  /** Watches a composer for its webmail's signs of sending (default: send-signals.ts). */
  watchForSend?(ref: ComposerRef, onSignal: (signal: SendSignal) => void): () => void;
  /**
   * Development builds only (MRC_DEV_HOSTS=1 on loopback): throws when the page asks for an injected fault at
   * `point`, so the fail-open paths can be tested end to end. Absent in release builds.
   */
  fault?(point: 'decide' | 'dialog'): void;
}

type Attempt =
  | { kind: 'click'; control: Element; focus: Element | null; caret?: Range | null }
  | { kind: 'key'; target: Element; init: KeyboardEventInit; focus: Element | null }
  | { kind: 'control-key'; control: Element; focus: Element | null };

interface ComposerState {
  busy: boolean;
  confirmed?: DraftFingerprint;
  /** A held keydown's key: its keyup is swallowed too, so a webmail acting on keyup cannot send meanwhile. */
  heldKey?: string;
  /** Until when a replayed send may still be in flight (no sign of sending yet). */
  inFlightUntil: number;
}

/** A pointer press on a Send control, from pointerdown to its click (or release). */
interface Gesture {
  session: GuardSession;
  control: Element;
  focus: Element | null;
  /** The writer's caret in the draft when the press began (the press itself moves the selection to the button). */
  caret: Range | null;
  /** Held: every event of the gesture is stopped; the dialog (or the wait) comes when it ends. */
  held: boolean;
  /** Held only to swallow it (a dialog was already open): nothing comes after. */
  swallow: boolean;
  decision?: Decision;
  verdictNow?: SendVerdict;
  /** Set when the webmail showed a sign of sending during the gesture: it acted before the guard could hold. */
  acted?: SendSignal;
  stopWatch?: () => void;
  releaseTimer?: ReturnType<typeof setTimeout>;
}

/** A confirmation whose composer was redrawn before its replay: it carries over to the redrawn one. */
interface CarriedConfirmation {
  fingerprint: DraftFingerprint;
  until: number;
  record: OverrideRecord;
}

const NATIVE_ACTIVATION = new Set(['BUTTON', 'INPUT', 'A', 'SUMMARY']);
const POINTER_FOLLOW = new Set(['mousedown', 'pointerup', 'mouseup']);

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

/** The selection's first range when it lies in `editor` (a contenteditable host or its document), else null. */
function caretIn(editor: HTMLElement): Range | null {
  try {
    if (editor.tagName === 'TEXTAREA') return null;
    const sel = editor.ownerDocument.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    return editor.contains(range.startContainer) ? range.cloneRange() : null;
  } catch {
    return null;
  }
}

/**
 * Puts the caret back where it was before a Send press moved the selection onto the button: only when the
 * selection is now outside the editor and the saved spot is still in it. The draft itself is never touched.
 */
function restoreCaret(editor: HTMLElement, caret: Range): void {
  const sel = editor.ownerDocument.getSelection();
  if (!sel || !caret.startContainer.isConnected || !editor.contains(caret.startContainer)) return;
  if (sel.rangeCount > 0 && editor.contains(sel.getRangeAt(0).startContainer)) return;
  sel.removeAllRanges();
  sel.addRange(caret);
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

function defaultUserActive(): boolean {
  try {
    return (
      (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive ?? false
    );
  } catch {
    return false;
  }
}

/**
 * Of the sessions an event could belong to, the one the writer is using. Two share a compose window for a moment
 * when a rich editor (TinyMCE, CKEditor 4) hides the textarea it took over: until the content script's next sweep
 * ends the textarea's session, a Send must be checked against the editor's draft, not the hidden textarea's.
 * The visibility check runs only when more than one session matches, i.e. on a Send in that moment.
 */
function preferLive<T>(found: T[], sessionOf: (f: T) => GuardSession): T | null {
  if (found.length <= 1) return found[0] ?? null;
  const live = found.find((f) => {
    const { kind, editor } = sessionOf(f).ref;
    return kind !== 'textarea' || isVisible(editor);
  });
  return live ?? found[0]!;
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
  private gesture: Gesture | null = null;
  private carried: CarriedConfirmation[] = [];
  /** Notes due while a pointer press is under way: shown once it ends (see notify). */
  private deferred: NoticeSpec[] = [];

  constructor(deps: GuardDeps) {
    this.deps = deps;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private trusted(e: Event): boolean {
    try {
      return this.deps.trusted ? this.deps.trusted(e) : e.isTrusted;
    } catch {
      return false;
    }
  }

  private userActive(): boolean {
    try {
      return (this.deps.userActive ?? defaultUserActive)();
    } catch {
      return false;
    }
  }

  /** Listens on `win` (the top window, or an iframe editor's window) in the capture phase. Idempotent. */
  watch(win: Window | null | undefined): void {
    if (!win || this.destroyed || this.windows.has(win)) return;
    this.windows.add(win);
    const opts = { capture: true, signal: this.abort.signal };
    for (const type of ['pointerdown', 'mousedown'])
      win.addEventListener(type, (e) => this.onPress(e as MouseEvent), opts);
    for (const type of ['pointerup', 'mouseup', 'pointercancel'])
      win.addEventListener(type, (e) => this.onRelease(e as MouseEvent), opts);
    win.addEventListener('click', (e) => this.onClick(e as MouseEvent), opts);
    win.addEventListener('keydown', (e) => this.onKeydown(e as KeyboardEvent), opts);
    win.addEventListener('keyup', (e) => this.onKeyup(e as KeyboardEvent), opts);
  }

  destroy(): void {
    this.destroyed = true;
    this.abort.abort();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.gesture?.stopWatch?.();
    this.gesture = null;
    this.deferred = [];
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
    return t;
  }

  /**
   * Shows a note after the current event, but never while a pointer press is under way: a note drawn under the
   * pointer between press and release takes the release, and the browser then sends the click to the common
   * ancestor (the page's root), so the webmail never sees its Send clicked: a send lost in advise mode, where the
   * note comes at the press. Deferred notes are shown when the press ends (its click, a release off the control,
   * or MAX_PRESS_MS).
   */
  private notify(spec: NoticeSpec) {
    this.later(() => this.noticeNow(spec), 0);
  }

  /** notify() from a timer or a promise, outside any event: at once unless a press is under way. */
  private noticeNow(spec: NoticeSpec) {
    if (this.gesture) this.deferred.push(spec);
    else this.deps.ui.notice(spec);
  }

  private flushNotices() {
    const due = this.deferred;
    this.deferred = [];
    for (const spec of due) this.notify(spec);
  }

  private state(session: GuardSession): ComposerState {
    let s = this.states.get(session.ref.editor);
    if (!s) {
      s = { busy: false, inFlightUntil: 0 };
      this.states.set(session.ref.editor, s);
    }
    return s;
  }

  /** The session whose send control is on the event's path, and that control. */
  private controlOnPath(path: EventTarget[]): { session: GuardSession; control: Element } | null {
    const found: { session: GuardSession; control: Element }[] = [];
    for (const session of this.deps.sessions()) {
      for (const control of session.ref.sendControls())
        if (path.includes(control)) {
          found.push({ session, control });
          break;
        }
    }
    return preferLive(found, (f) => f.session);
  }

  /** The session whose composer holds `target` (its editor, its compose root, or its iframe editor's document). */
  private sessionAround(target: Element): GuardSession | null {
    const found: GuardSession[] = [];
    for (const session of this.deps.sessions()) {
      const { editor, root } = session.ref;
      if (
        editor.contains(target) ||
        root.contains(target) ||
        (target.ownerDocument !== root.ownerDocument && target.ownerDocument === editor.ownerDocument)
      )
        found.push(session);
    }
    return preferLive(found, (f) => f);
  }

  /** Off: nothing to look at (read per event, so a settings change applies at once). */
  private off(): boolean {
    try {
      return this.deps.mode() === 'off';
    } catch {
      return true;
    }
  }

  /** The send control an event is on (never our own UI), or null. */
  private sendTarget(e: Event): { session: GuardSession; control: Element } | null {
    const path = e.composedPath();
    const first = path[0] as Element | undefined;
    if (first?.nodeType !== 1 || isInOurUi(first)) return null;
    return this.controlOnPath(path);
  }

  private stop(e: Event) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  // --- pointer gestures ---------------------------------------------------------------------------------------

  /** pointerdown / mousedown: the start of a press. The decision for the whole gesture is made at its first event. */
  private onPress(e: MouseEvent) {
    if (this.replaying) return;
    try {
      const g = this.gesture;
      // mousedown follows pointerdown in one gesture: same fate.
      if (e.type === 'mousedown' && g) {
        if (g.held) this.stop(e);
        return;
      }
      if (e.type === 'pointerdown') this.endGesture();
      if (e.button !== 0 || !this.trusted(e) || (e as PointerEvent).isPrimary === false || this.off()) return;
      const hit = this.sendTarget(e);
      if (!hit) return;
      const s = this.state(hit.session);
      const gesture: Gesture = {
        session: hit.session,
        control: hit.control,
        focus: deepActive(hit.control.ownerDocument),
        caret: caretIn(hit.session.ref.editor),
        held: false,
        swallow: false,
      };
      this.gesture = gesture;
      // Never a press for good: one whose release never comes (pointer capture lost, the window left) ends on its
      // own, with the dialog if it was held, and with any note that waited for it.
      gesture.releaseTimer = this.later(() => {
        if (this.gesture === gesture) this.endGesture();
      }, MAX_PRESS_MS);
      if (s.busy || this.dialogOpen) {
        gesture.held = gesture.swallow = true;
        this.stop(e);
        return;
      }
      const attempt: Attempt = {
        kind: 'click',
        control: hit.control,
        focus: gesture.focus,
        caret: gesture.caret,
      };
      const decided = this.decideFor(hit.session);
      if (!decided) return;
      gesture.decision = decided.decision;
      gesture.verdictNow = decided.verdictNow;
      if (decided.decision.kind === 'hold' || decided.decision.kind === 'wait') {
        gesture.held = true;
        s.busy = true;
        this.stop(e);
        // A webmail that acts on the press in a listener of its own that ran first shows it here.
        gesture.stopWatch = this.watchSend(hit.session.ref, (signal) => {
          gesture.acted = signal;
        });
      } else {
        this.apply(e, hit.session, attempt, decided.decision, decided.verdictNow);
      }
    } catch {
      // Fail open: the event goes on untouched.
    }
  }

  /** pointerup / mouseup / pointercancel: a held gesture's events stay held; a release with no click ends it. */
  private onRelease(e: MouseEvent) {
    if (this.replaying) return;
    const g = this.gesture;
    if (!g) return;
    try {
      if (!g.held) {
        // A press let through and released off its control gets no click: it ends here (a click, which follows
        // the release in the same task, ends it first).
        clearTimeout(g.releaseTimer);
        g.releaseTimer = this.later(() => {
          if (this.gesture === g) this.endGesture();
        }, RELEASE_GRACE_MS);
        return;
      }
      if (POINTER_FOLLOW.has(e.type) || e.type === 'pointercancel') this.stop(e);
      // A held pointerdown suppresses the compatibility mouse events, so pointerup may be the last event of the
      // press; a click, if one comes, follows at once and ends the gesture first.
      clearTimeout(g.releaseTimer);
      g.releaseTimer = this.later(() => {
        if (this.gesture === g) this.finishGesture(g);
      }, RELEASE_GRACE_MS);
    } catch {
      // Fail open.
    }
  }

  private onClick(e: MouseEvent) {
    if (this.replaying || e.button !== 0) return;
    try {
      const g = this.gesture;
      if (g) {
        this.gesture = null;
        clearTimeout(g.releaseTimer);
        if (g.held) {
          this.stop(e);
          this.finishGesture(g);
          return;
        }
        g.stopWatch?.();
        this.flushNotices();
        // The click of a press that was let through: already decided. Any other click (a keyboard click has no
        // press: detail 0) is looked at afresh.
        if (e.detail > 0 && e.composedPath().includes(g.control)) return;
      }
      if (this.off()) return;
      const trusted = this.trusted(e);
      // A page script's own click on its Send button is its business, unless the user is acting right now (a
      // webmail turning a shortcut into a click).
      if (!trusted && !this.userActive()) return;
      const hit = this.sendTarget(e);
      if (!hit) return;
      if (trusted && e.detail > 0) {
        // A pointer click whose press the guard never saw: the webmail may already have acted on the press, so
        // holding and replaying could send twice. Let it go, and say the check was skipped.
        this.markSkipped(hit.session, 'early');
        return;
      }
      const attempt: Attempt = {
        kind: 'click',
        control: hit.control,
        focus: deepActive(hit.control.ownerDocument),
      };
      this.handle(e, hit.session, attempt);
    } catch {
      // Fail open: the click goes on to the webmail untouched.
    }
  }

  private endGesture() {
    const g = this.gesture;
    if (!g) return;
    this.gesture = null;
    clearTimeout(g.releaseTimer);
    if (g.held && !g.swallow) this.finishGesture(g);
    else {
      g.stopWatch?.();
      this.flushNotices();
    }
  }

  /** A held gesture has ended: ask (or wait, then ask), unless the webmail already acted on it. */
  private finishGesture(g: Gesture) {
    if (this.gesture === g) this.gesture = null;
    clearTimeout(g.releaseTimer);
    g.stopWatch?.();
    this.flushNotices();
    if (g.swallow) return;
    const s = this.state(g.session);
    s.busy = false;
    const attempt: Attempt = { kind: 'click', control: g.control, focus: g.focus, caret: g.caret };
    try {
      if (g.acted || !g.session.ref.isConnected()) {
        // The webmail acted before the guard could hold: no dialog, no replay.
        this.markSkipped(g.session, 'early');
        return;
      }
      const d = g.decision;
      if (d?.kind === 'hold')
        this.ask(g.session, attempt, d.verdict, g.verdictNow as Extract<SendVerdict, { state: 'ready' }>);
      else if (d?.kind === 'wait')
        this.waitThenAsk(g.session, attempt, g.verdictNow as Extract<SendVerdict, { state: 'pending' }>);
    } catch {
      this.release(g.session, attempt);
    }
  }

  // --- keys ---------------------------------------------------------------------------------------------------

  private onKeydown(e: KeyboardEvent) {
    if (this.replaying || e.isComposing || e.keyCode === 229) return;
    // Cheap exit for ordinary typing: every known send shortcut uses Enter, Space or a modifier.
    if (e.key !== 'Enter' && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) return;
    if (!this.trusted(e) || this.off()) return;
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
          this.stop(e);
          return;
        }
      }
    } catch {
      // Fail open.
    }
  }

  // --- deciding -----------------------------------------------------------------------------------------------

  private markSkipped(session: GuardSession, reason: string) {
    try {
      session.setSendCheckSkipped(true);
    } catch {
      // The badge is best effort.
    }
    this.notify({ kind: 'skipped', reason });
  }

  /** A remembered confirmation for this draft: this composer's own, or one carried over from a redrawn composer. */
  private confirmedFor(s: ComposerState, now: DraftFingerprint): { carried?: CarriedConfirmation } | null {
    if (s.confirmed && !materiallyChanged(s.confirmed, now)) return {};
    const t = this.now();
    this.carried = this.carried.filter((c) => c.until > t);
    const carried = this.carried.find((c) => !materiallyChanged(c.fingerprint, now));
    return carried ? { carried } : null;
  }

  /**
   * The decision for one send attempt, or null when the event must go on untouched (off, or a failure: then the
   * check is marked skipped). Synchronous.
   */
  private decideFor(session: GuardSession): { decision: Decision; verdictNow: SendVerdict } | null {
    const s = this.state(session);
    try {
      const mode = this.deps.mode();
      if (mode === 'off') return null;
      if (s.busy || this.dialogOpen) return { decision: { kind: 'swallow' }, verdictNow: { state: 'empty' } };
      this.deps.fault?.('decide');
      const verdictNow = session.sendVerdict();
      let confirmed = false;
      if (verdictNow.state === 'ready') {
        const fp = fingerprintOf(
          { subject: verdictNow.draft.subject, body: verdictNow.draft.body.text },
          verdictNow.verdict,
        );
        const known = this.confirmedFor(s, fp);
        // A replay that may still be in flight: another Send of the same draft is asked about again.
        const inFlight = s.inFlightUntil > this.now();
        if (known && !inFlight) {
          confirmed = true;
          if (known.carried) {
            // Confirmed in a composer the webmail redrew: logged now that the send goes.
            this.carried = this.carried.filter((c) => c !== known.carried);
            s.confirmed = fp;
            this.log(known.carried.record);
          }
        }
      }
      const risk = verdictNow.state === 'ready' ? this.riskOf(session, verdictNow.verdict) : undefined;
      return { decision: decide({ mode, busy: false, verdict: verdictNow, confirmed, risk }), verdictNow };
    } catch {
      this.markSkipped(session, 'error');
      return null;
    }
  }

  /** Decides synchronously for one click or key attempt and acts on it; see the file comment. */
  private handle(e: Event, session: GuardSession, attempt: Attempt) {
    const decided = this.decideFor(session);
    if (!decided) return;
    this.apply(e, session, attempt, decided.decision, decided.verdictNow);
  }

  private apply(
    e: Event,
    session: GuardSession,
    attempt: Attempt,
    decision: Decision,
    verdictNow: SendVerdict,
  ) {
    const s = this.state(session);
    const block = () => {
      this.stop(e);
      if (e.type === 'keydown') s.heldKey = (e as KeyboardEvent).key;
    };
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
        block();
        return;
      case 'advise':
        this.notify({ kind: 'advise', verdict: decision.verdict, risk: decision.risk });
        return;
      case 'advise-later': {
        // After the event (a task, not a microtask): the check must not delay the webmail's own handling.
        const pending = verdictNow as Extract<SendVerdict, { state: 'pending' }>;
        this.later(() => {
          pending.check().then(
            (verdict) => {
              const risk = verdict && this.riskOf(session, verdict);
              if (verdict && risk && risk.risk !== 'ok') this.noticeNow({ kind: 'advise', verdict, risk });
            },
            () => {},
          );
        }, 0);
        return;
      }
      case 'hold':
        block();
        this.ask(session, attempt, decision.verdict, verdictNow as Extract<SendVerdict, { state: 'ready' }>);
        return;
      case 'wait':
        block();
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
        } else if (!holdsAt(this.deps.mode(), this.riskOf(session, verdict).risk)) {
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

  /** The composer's risk for a verdict; the verdict's own if the session cannot say (fail open to the data). */
  private riskOf(session: GuardSession, verdict: Verdict): RiskAssessment {
    try {
      return session.riskOf?.(verdict) ?? assessRisk(verdict);
    } catch {
      return assessRisk(verdict);
    }
  }

  private log(record: OverrideRecord) {
    try {
      this.deps.logOverride(record);
    } catch {
      // The log is best effort; the send is not.
    }
  }

  /** Opens the dialog for a held send. If it cannot be shown, or stops being shown, the send is released. */
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
    let monitor: ReturnType<typeof setInterval> | undefined;
    const close = () => {
      clearInterval(monitor);
      s.busy = false;
      this.dialogOpen = false;
      try {
        this.deps.ui.closeDialog();
      } catch {
        // The dialog is gone either way.
      }
    };
    /** Fail open: the dialog cannot be seen (hidden, removed, covered), so the send goes, once, marked skipped. */
    const unseen = () => {
      if (done) return;
      done = true;
      close();
      this.markSkipped(session, 'hidden');
      this.release(session, attempt);
    };
    try {
      this.deps.fault?.('dialog');
      this.deps.ui.openDialog({
        verdict,
        risk: this.riskOf(session, verdict),
        onBack: () => {
          if (done) return;
          done = true;
          close();
          // Back to the draft: focus, and the caret where the writer left it if the press moved it away.
          try {
            (session.ref.editor as HTMLElement).focus();
            if (attempt.kind === 'click' && attempt.caret) restoreCaret(session.ref.editor, attempt.caret);
          } catch {
            // Focus is a courtesy.
          }
        },
        onSend: (reason) => {
          if (done) return;
          done = true;
          close();
          const fingerprint = fingerprintOf(
            { subject: ready.draft.subject, body: ready.draft.body.text },
            verdict,
          );
          const record = { verdict, webmail: session.ref.adapterId, reason };
          if (!session.ref.isConnected()) {
            // Redrawn or closed while we asked: nothing to replay on, and nothing was sent. The confirmation
            // carries over to a composer holding the same draft; it is logged when that send goes.
            this.carried = [
              ...this.carried.slice(-4),
              { fingerprint, until: this.now() + CARRY_CONFIRMATION_MS, record },
            ];
            this.notify({ kind: 'not-sent' });
            return;
          }
          s.confirmed = fingerprint;
          this.log(record);
          this.release(session, attempt);
        },
      });
      if (!this.deps.ui.dialogShown()) throw new Error('The dialog is not on screen.');
    } catch {
      done = true;
      close();
      this.markSkipped(session, 'error');
      this.release(session, attempt);
      return;
    }
    // While it is open, the page may still hide, remove or cover it.
    monitor = setInterval(() => {
      if (this.destroyed) return clearInterval(monitor);
      let shown = false;
      try {
        shown = this.deps.ui.dialogShown();
      } catch {
        shown = false;
      }
      if (!shown) unseen();
    }, DIALOG_CHECK_MS);
    this.timers.add(monitor as unknown as ReturnType<typeof setTimeout>);
  }

  private watchSend(ref: ComposerRef, onSignal: (signal: SendSignal) => void): () => void {
    try {
      return (this.deps.watchForSend ?? watchForSend)(ref, onSignal);
    } catch {
      return () => {};
    }
  }

  /**
   * Replays a held send exactly once: the same control gets pointer and mouse down/up and a click; a shortcut is
   * re-sent as the same key combo to the same target. Skipped, with a "not sent" notice, when the composer is gone.
   * Then the webmail's own
   * signs of sending are watched for SEND_SIGNAL_WAIT_MS; if none comes, "check your Sent folder".
   */
  private release(session: GuardSession, attempt: Attempt) {
    const s = this.state(session);
    s.heldKey = undefined;
    if (!session.ref.isConnected()) {
      // The composer went while the send was held (closed or redrawn by the page): nothing to replay on, and
      // nothing was sent. Say so, never silently.
      this.notify({ kind: 'not-sent' });
      return;
    }
    const restore = attempt.focus;
    try {
      if (restore?.isConnected && restore !== deepActive(restore.ownerDocument))
        (restore as HTMLElement).focus?.({ preventScroll: true });
    } catch {
      // Focus is a courtesy.
    }
    let sent = false;
    s.inFlightUntil = this.now() + SEND_SIGNAL_WAIT_MS;
    const stopWatch = this.watchSend(session.ref, () => {
      sent = true;
      s.inFlightUntil = 0;
    });
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
      // Handled below like a replay the webmail ignored.
    } finally {
      this.replaying = false;
    }
    this.later(() => {
      stopWatch();
      s.inFlightUntil = 0;
      if (!sent && session.ref.isConnected()) this.noticeNow({ kind: 'check-sent' });
    }, SEND_SIGNAL_WAIT_MS);
  }
}

function viewOf(el: Element): Window | null {
  return el.ownerDocument.defaultView;
}

/** A full pointer click on `el` (at its centre): pointer and mouse down and up, then click, as a user's press. */
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
  const w = view as (Window & typeof globalThis) | null;
  const Mouse = w?.MouseEvent ?? MouseEvent;
  const Pointer = w?.PointerEvent ?? (typeof PointerEvent === 'function' ? PointerEvent : undefined);
  const pointer = { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  if (Pointer) el.dispatchEvent(new Pointer('pointerdown', { ...pointer, buttons: 1 }));
  el.dispatchEvent(new Mouse('mousedown', { ...init, buttons: 1 }));
  if (Pointer) el.dispatchEvent(new Pointer('pointerup', pointer));
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
