/**
 * Content script entry. Finds composers (initial scan, the element already focused when it starts, focus events,
 * a narrow MutationObserver that only queues nodes, and a 1.5 s safety sweep for removals and frames), runs one
 * ComposerSession per composer, and tears each down when its composer goes. Drafts are checked in a worker
 * (worker-client.ts), started once a composer exists; the core (compromise, ~350 KB) is imported into the page only
 * when that worker cannot run. Settings never hold back the first scan: it starts with safe defaults and
 * takes the user's settings and the organisation's policy as they arrive (store.ts watchSettings).
 * Drafts never leave the browser: nothing here makes a network request.
 */
import type { ComposerAdapter, ComposerRef } from '../adapters/adapter.ts';
import { adaptersFor } from '../adapters/index.ts';
import { isVisible, reachableFrameDocuments } from '../adapters/shared.ts';
import type { ContextInput } from '../core/index.ts';
import { browser } from '../platform/browser.ts';
import { onRememberedChanged } from '../settings/remembered.ts';
import type { Settings } from '../settings/schema.ts';
import { watchSettings } from '../settings/store.ts';
import {
  type ComposerSummary,
  FOCUS_BADGE,
  SHOW_COMPOSER,
  TAB_STATUS,
  type TabStatus,
} from '../sites/messages.ts';
import { createSendGuard, FAULT_ATTRIBUTE, isDevBuildOnLoopback } from './send-check.ts';
import type { SendGuard } from './send-guard.ts';
import { ComposerSession } from './session.ts';
import { FRAME_PATH, WorkerClient } from './worker-client.ts';

export const SWEEP_MS = 1500;

type Core = typeof import('../core/index.ts');
let corePromise: Promise<Core> | undefined;
const loadCore = () => {
  corePromise ??= import('../core/index.ts');
  return corePromise;
};

/**
 * The worker frame's address. Development builds on loopback only: a fixture page that sets
 * `data-mrc-test-fault="worker"` on `<html>` gets an address the browser refuses, so the e2e tests see the worker
 * blocked and the check fall back to the page.
 */
function workerFrameUrl(doc: Document): string {
  if (__MRC_DEV__ && isDevBuildOnLoopback(location)) {
    const faults = doc.documentElement.getAttribute(FAULT_ATTRIBUTE)?.split(/\s+/) ?? [];
    if (faults.includes('worker')) return browser.runtime.getURL('src/worker/blocked-for-test.html');
  }
  return browser.runtime.getURL(FRAME_PATH);
}

function siteOrigin(): string {
  try {
    return window.top === window ? location.origin : (window.top?.location.origin ?? location.origin);
  } catch {
    return location.origin;
  }
}

function hasQueuedAncestor(el: Element, queued: ReadonlySet<Element>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (queued.has(p)) return true;
  return false;
}

/**
 * A child frame whose top document this script can reach (TinyMCE's srcless frame, a same-origin pop-in) is owned
 * by the top frame's instance, which reads it from outside (docs/webmail-composers.md §3.6): this instance stays
 * passive so nothing is handled twice. Cross-origin frames are alone and act for themselves.
 */
export function ownedByTopFrame(win: Window): boolean {
  if (win.top === win || !win.top) return false;
  try {
    return !!win.top.document;
  } catch {
    return false;
  }
}

function activeFor(settings: Settings): boolean {
  return !settings.pausedEverywhere && settings.sites[siteOrigin()]?.enabled !== false;
}

export class ComposerWatcher {
  private readonly doc: Document;
  private readonly adapters: ComposerAdapter[];
  private readonly sessions = new Map<HTMLElement, ComposerSession>();
  private readonly abort = new AbortController();
  private observer: MutationObserver | undefined;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private queue: Element[] = [];
  private removals = false;
  private frame = 0;
  /** Check at Send (issue #4): capture-phase Send listeners on this window and on iframe editors' windows. */
  private guard: SendGuard | undefined;
  /** The checking worker: started with the first composer; undefined until then, and after stop(). */
  private worker: WorkerClient | undefined;
  private workerFailed = false;
  settings: Settings | undefined;

  constructor(doc: Document, adapters: ComposerAdapter[]) {
    this.doc = doc;
    this.adapters = adapters;
  }

  /** The worker for sessions, started on first use; undefined when it cannot be started (sessions then check here). */
  private workerNow = (): WorkerClient | undefined => {
    if (this.worker || this.workerFailed) return this.worker;
    try {
      this.worker = new WorkerClient({ doc: this.doc, frameUrl: workerFrameUrl(this.doc) });
    } catch {
      this.workerFailed = true;
    }
    return this.worker;
  };

  private baseContext = (): ContextInput => {
    const s = this.settings;
    if (!s) return {};
    return {
      sender: s.organisationType,
      channel: s.defaultChannel,
      ...(s.organisationName ? { senderName: s.organisationName } : {}),
    };
  };

  start(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    try {
      this.guard = createSendGuard(this.doc, {
        sessions: () => this.sessions.values(),
        mode: () => this.settings?.sendCheckMode ?? 'off',
        site: siteOrigin,
      });
    } catch {
      // Fail open: no Check at Send, the badge still works.
    }
    for (const adapter of this.adapters) this.addAll(this.safeFind(adapter, this.doc));
    this.listenForFocus(win);
    this.scanFrames();
    // An editor the page focused before this script ran (reply forms do; content scripts run at document_idle)
    // gets no focus event: claim it now.
    this.claimFocused(this.doc);
    this.observer = new MutationObserver((records) => {
      // Only queue here: the expensive part runs at most once per frame.
      for (const r of records) {
        for (const n of Array.from(r.addedNodes)) if (n.nodeType === 1) this.queue.push(n as Element);
        if (r.removedNodes.length) this.removals = true;
      }
      if (!this.frame) this.frame = win.requestAnimationFrame(() => this.pass());
    });
    this.observer.observe(this.doc.body ?? this.doc.documentElement, { childList: true, subtree: true });
    this.sweepTimer = setInterval(() => {
      if (this.doc.visibilityState === 'visible') this.sweep();
    }, SWEEP_MS);
  }

  /** Windows whose focus events we hear: this one and same-origin frames' (their own scripts stay passive). */
  private readonly focusWindows = new WeakSet<Window>();

  private listenForFocus(win: Window) {
    if (this.focusWindows.has(win)) return;
    this.focusWindows.add(win);
    win.addEventListener(
      'focusin',
      (e) => {
        try {
          const target = e.composedPath()[0];
          if (target && (target as Node).nodeType === 1) this.claim(target as Element);
        } catch {
          // Fail open.
        }
      },
      { capture: true, signal: this.abort.signal },
    );
  }

  /** The focused element of `doc`, through shadow roots and into same-origin frames, claimed if it is an editor. */
  private claimFocused(doc: Document) {
    try {
      let el: Element | null = doc.activeElement;
      for (let depth = 0; el && depth < 4; depth++) {
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        if (el?.tagName !== 'IFRAME') break;
        let inner: Document | null = null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null;
        }
        if (!inner) return;
        el = inner.activeElement;
      }
      if (el && el !== el.ownerDocument.documentElement) this.claim(el);
    } catch {
      // Fail open: focus events and the scans still find it.
    }
  }

  private safeFind(adapter: ComposerAdapter, root: Document | Element): ComposerRef[] {
    try {
      return adapter.findComposers(root);
    } catch {
      return [];
    }
  }

  /** The composer the newly focused element belongs to, from the first adapter that claims it. */
  private claim(target: Element) {
    if (target.tagName === 'IFRAME') {
      // Focus moved into a child frame: the frame element is all the top document sees.
      this.scanFrames();
      try {
        const inner = (target as HTMLIFrameElement).contentDocument;
        if (inner) this.claimFocused(inner);
      } catch {
        // Cross-origin: its own content script acts for it.
      }
      return;
    }
    for (const adapter of this.adapters) {
      let ref: ComposerRef | null = null;
      try {
        ref = adapter.composerFor(target);
      } catch {
        ref = null;
      }
      if (ref) {
        this.addAll([ref]);
        return;
      }
    }
  }

  /** `ref`'s editor as this document sees it: the editor, or the frame element holding it. */
  private anchorOf(ref: ComposerRef): Element | null | undefined {
    return ref.editor.ownerDocument === this.doc
      ? ref.editor
      : ref.editor.ownerDocument.defaultView?.frameElement;
  }

  /** True when a site adapter's composer already holds `ref`'s editor (its fields are not bodies of their own). */
  private insideSiteComposer(ref: ComposerRef): boolean {
    if (ref.adapterId !== 'generic') return false;
    const anchor = this.anchorOf(ref);
    for (const session of this.sessions.values())
      if (session.ref.adapterId !== 'generic' && anchor && session.ref.root.contains(anchor)) return true;
    return false;
  }

  /**
   * Ends the composer of a textarea that a rich editor took over. TinyMCE, CKEditor 4 and others hide their source
   * textarea and edit in an element (or frame) of their own, keeping the textarea in the form for their output. When
   * this script ran first, the textarea was claimed while still visible, and its session would stand, empty, beside
   * the editor's. At each sweep, it ends when the textarea is hidden and another composer's editor sits in the same
   * compose window; a textarea hidden on its own (a Preview tab, a collapsed pane) keeps its session and its Check at
   * Send. A page with no rich editor's composer returns before any visibility check (it forces a style update).
   */
  private dropReplacedTextareas() {
    const anchors: Element[] = [];
    for (const s of this.sessions.values()) {
      const anchor = s.ref.kind === 'textarea' ? null : this.anchorOf(s.ref);
      if (anchor) anchors.push(anchor);
    }
    if (anchors.length === 0) return;
    for (const [editor, session] of this.sessions) {
      if (session.ref.kind !== 'textarea' || !editor.isConnected || isVisible(editor)) continue;
      const root = session.ref.root;
      if (anchors.some((anchor) => root.contains(anchor) || anchor.contains(editor))) {
        session.destroy();
        this.sessions.delete(editor);
      }
    }
  }

  private addAll(refs: ComposerRef[]) {
    for (const ref of refs) {
      if (this.sessions.has(ref.editor) || this.insideSiteComposer(ref)) continue;
      try {
        this.sessions.set(
          ref.editor,
          new ComposerSession(ref, {
            loadCore,
            baseContext: this.baseContext,
            worker: this.workerNow,
          }),
        );
        // Key events typed in an iframe editor never reach this window: the guard listens in the frame too.
        if (ref.editor.ownerDocument !== this.doc) this.guard?.watch(ref.editor.ownerDocument.defaultView);
      } catch {
        // Fail open: this composer simply gets no badge.
      }
    }
  }

  private pass() {
    this.frame = 0;
    const queued = this.queue;
    this.queue = [];
    if (this.removals) {
      this.removals = false;
      this.dropDisconnected();
    }
    // Scan only the outermost added elements: a subtree scan already covers everything inside it, and heavy
    // webmail pages add nested nodes in the same frame (walking up ancestors is cheaper than re-scanning).
    const added = new Set(queued);
    for (const el of added) {
      if (!el.isConnected || hasQueuedAncestor(el, added)) continue;
      for (const adapter of this.adapters) this.addAll(this.safeFind(adapter, el));
    }
  }

  private dropDisconnected() {
    for (const [editor, session] of this.sessions) {
      if (!session.ref.isConnected()) {
        session.destroy();
        this.sessions.delete(editor);
      }
    }
  }

  private sweep() {
    this.dropDisconnected();
    this.dropReplacedTextareas();
    this.scanFrames();
    for (const session of this.sessions.values()) session.sweep();
  }

  /**
   * Editors inside same-origin child frames (their content scripts stay passive, see ownedByTopFrame): site
   * adapters find their own frames (Roundcube's TinyMCE, Proton's sandboxed editor) in the top document; here any
   * other reachable frame whose body is an editing host is claimed (the generic adapter resolves its compose root
   * across the frame boundary). Frames load after the iframe element is added, so this runs on every sweep too.
   */
  private scanFrames() {
    // Site adapters that read their own editor frames from outside are offered every frame element: Proton writes
    // its sandboxed editor frame after adding it (its body is no editing host) and no content script runs in it.
    for (const frame of Array.from(this.doc.querySelectorAll('iframe'))) {
      for (const adapter of this.adapters) this.addAll(this.safeFind(adapter, frame));
    }
    this.scanFrameDocuments(this.doc, 0);
  }

  /** Same-origin frames (and theirs, a few levels down): editors found as in the top document; focus heard there. */
  private scanFrameDocuments(parent: Document, depth: number) {
    if (depth >= 3) return;
    for (const doc of reachableFrameDocuments(parent)) {
      const win = doc.defaultView;
      if (win) this.listenForFocus(win);
      const body = doc.body;
      if (body && !this.sessions.has(body) && (body.isContentEditable || doc.designMode === 'on'))
        this.claim(body);
      else if (body) for (const adapter of this.adapters) this.addAll(this.safeFind(adapter, doc));
      this.scanFrameDocuments(doc, depth + 1);
    }
  }

  /** What the popup shows for this tab: one line per composer, verdict values only (never draft text). */
  summaries(): ComposerSummary[] {
    const out: ComposerSummary[] = [];
    for (const session of this.sessions.values()) {
      if (!session.ref.isConnected()) continue;
      const v = session.current;
      const risk = v ? session.riskOf(v) : undefined;
      out.push({
        id: session.id,
        adapter: session.ref.adapterId,
        verdict: v
          ? {
              directMarketing: v.directMarketing,
              purpose: v.primaryPurpose,
              route: v.route,
              errors: v.checks.filter((c) => c.severity === 'error').length,
              warnings: v.checks.filter((c) => c.severity === 'warning').length,
              risk: risk?.risk,
              problems: risk?.problems.length,
            }
          : null,
      });
    }
    return out;
  }

  /**
   * The keyboard shortcut: focus the badge of the composer the writer is in (focus inside its editor or compose
   * window), else of the first composer showing a badge. Our badges sit after the page in the Tab order, so this
   * is the quick way there from the draft.
   */
  focusBadge(): boolean {
    const active = this.doc.activeElement;
    const sessions = [...this.sessions.values()];
    const inside = (s: ComposerSession) => {
      if (!active) return false;
      if (s.ref.root.contains(active) || s.ref.editor.contains(active)) return true;
      // An iframe editor: the top document's active element is the frame.
      return active.tagName === 'IFRAME' && s.ref.editor.ownerDocument.defaultView?.frameElement === active;
    };
    const ordered = [...sessions.filter(inside), ...sessions.filter((s) => !inside(s))];
    return ordered.some((s) => s.focusBadge());
  }

  /** Opens one composer's panel (from the popup). */
  show(id: number): boolean {
    for (const session of this.sessions.values()) {
      if (session.id === id) {
        session.show();
        return true;
      }
    }
    return false;
  }

  /** Re-checks every composer (after a settings change). */
  recheckAll(): void {
    for (const session of this.sessions.values()) session.schedule(0);
  }

  stop(): void {
    this.abort.abort();
    this.guard?.destroy();
    this.guard = undefined;
    this.observer?.disconnect();
    clearInterval(this.sweepTimer);
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    for (const session of this.sessions.values()) session.destroy();
    this.sessions.clear();
    this.worker?.destroy();
    this.worker = undefined;
  }
}

/** Set on the isolated world's global: a second injection (the popup enabling a site in an open tab) does nothing. */
const RUNNING = Symbol.for('marketing-rules-check.content');

async function main() {
  const g = globalThis as typeof globalThis & { [RUNNING]?: boolean };
  if (g[RUNNING] || ownedByTopFrame(window)) return;
  g[RUNNING] = true;
  const adapters = adaptersFor(location);
  if (!adapters.length) return;
  let watcher: ComposerWatcher | undefined;
  let current: Settings | undefined;
  if (window.top === window) {
    browser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type?: string; id?: unknown } | null;
      if (m?.type === TAB_STATUS) {
        const status: TabStatus = {
          origin: siteOrigin(),
          active: !!watcher,
          pausedEverywhere: !!current?.pausedEverywhere,
          composers: watcher?.summaries() ?? [],
        };
        return Promise.resolve(status);
      }
      if (m?.type === FOCUS_BADGE) return Promise.resolve(watcher?.focusBadge() ?? false);
      if (m?.type === SHOW_COMPOSER && typeof m.id === 'number')
        return Promise.resolve(watcher?.show(m.id) ?? false);
      return undefined;
    });
  }
  const apply = (settings: Settings) => {
    current = settings;
    if (activeFor(settings)) {
      if (!watcher) {
        watcher = new ComposerWatcher(document, adapters);
        watcher.settings = settings;
        watcher.start();
      } else {
        watcher.settings = settings;
        watcher.recheckAll();
      }
    } else {
      watcher?.stop();
      watcher = undefined;
    }
  };
  // Answers remembered in one composer (or tab, or Settings cleared them) apply to every composer here.
  onRememberedChanged(() => watcher?.recheckAll());
  // Safe defaults at once, then the user's settings and the organisation's policy as they arrive.
  watchSettings((read) => apply(read.settings));
}

try {
  void main().catch(() => {});
} catch {
  // Fail open: the page works exactly as without the extension.
}
