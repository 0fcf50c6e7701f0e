/**
 * The content script's side of the checking worker (src/worker): starts it once per page, through a hidden
 * extension frame, and sends it drafts. The page's main thread keeps only reading the editor and painting.
 *
 * Fail open: when the worker cannot start (a frame the browser or the page blocks, no answer in START_TIMEOUT_MS),
 * stops (its frame removed or unloaded), errs or does not answer a check within CHECK_TIMEOUT_MS, the client turns
 * `dead` for the rest of the page's life; every pending and later check rejects at once, and the sessions check in
 * the page as before (Checker.prepare in idle slices). Nothing here touches the draft or the network.
 */
import type { ContextInput, DraftInput, Verdict } from '../core/index.ts';
import type { ConnectMessage, FrameNotice, FromWorker, ToWorker } from '../worker/protocol.ts';

/** The frame and worker must say they run within this (they answer before loading the core). */
export const START_TIMEOUT_MS = 4000;
/** A check with no answer after this means the worker is gone (the longest first checks take a few seconds). */
export const CHECK_TIMEOUT_MS = 20_000;
/** The frame's address inside the extension (index.html, built by Vite, web-accessible). */
export const FRAME_PATH = 'src/worker/index.html';

export type WorkerState = 'starting' | 'ready' | 'dead';

interface Pending {
  resolve(v: Verdict): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface WorkerClientOptions {
  /** The frame's full address (runtime.getURL(FRAME_PATH)), without the token. */
  frameUrl: string;
  /** The document the hidden frame goes in (the top document of this content script). */
  doc: Document;
}

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class WorkerClient {
  private stateNow: WorkerState = 'starting';
  private host: HTMLElement | undefined;
  private frame: HTMLIFrameElement | undefined;
  private port: MessagePort | undefined;
  private notices: MessagePort | undefined;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly started: Promise<void>;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  /** Why it died (for tests and the host attribute); empty while alive. */
  reason = '';

  constructor(options: WorkerClientOptions) {
    this.started = new Promise<void>((resolve, reject) => {
      try {
        this.start(options, resolve, reject);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    this.started.catch((error: Error) => this.die(error.message));
  }

  get state(): WorkerState {
    return this.stateNow;
  }

  private start(options: WorkerClientOptions, resolve: () => void, reject: (e: Error) => void) {
    const { doc } = options;
    const token = randomToken();
    const host = doc.createElement('div');
    // Not a UI host (no data-mrc-host): it shows nothing, and its frame is out of the page's reach in a closed
    // shadow root. `data-mrc-checker` says where drafts are checked: starting, ready (the worker) or dead (the page).
    host.setAttribute('data-mrc-checker', 'starting');
    host.style.setProperty('display', 'none', 'important');
    const root = host.attachShadow({ mode: 'closed' });
    const frame = doc.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.src = `${options.frameUrl}#${token}`;
    this.host = host;
    this.frame = frame;
    this.startTimer = setTimeout(() => reject(new Error('worker did not start in time')), START_TIMEOUT_MS);
    frame.addEventListener(
      'load',
      () => {
        try {
          const toWorker = new MessageChannel();
          const notices = new MessageChannel();
          this.port = toWorker.port1;
          this.notices = notices.port1;
          toWorker.port1.onmessage = (e: MessageEvent<FromWorker>) => {
            if (e.data?.type === 'ready') resolve();
            else this.answer(e.data);
          };
          notices.port1.onmessage = (e: MessageEvent<FrameNotice>) => {
            reject(new Error(e.data?.reason ?? 'worker stopped'));
            this.die(e.data?.reason ?? 'worker stopped');
          };
          const hello: ConnectMessage = { type: 'mrc-connect', token };
          frame.contentWindow?.postMessage(hello, new URL(options.frameUrl).origin, [
            toWorker.port2,
            notices.port2,
          ]);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      { once: true },
    );
    root.append(frame);
    doc.documentElement.append(host);
  }

  /** Resolves once the worker runs; rejects if it never does (the client is then dead). */
  ready(): Promise<void> {
    return this.started.then(() => {
      clearTimeout(this.startTimer);
      if (this.stateNow === 'starting') this.setState('ready');
      if (this.stateNow === 'dead') throw new Error(this.reason);
    });
  }

  /** The verdict from the worker; rejects when the worker cannot give one (then the client is dead). */
  async check(
    session: number,
    input: DraftInput,
    context: ContextInput,
    answers: Record<string, string>,
  ): Promise<Verdict> {
    await this.ready();
    if (!this.frame?.isConnected) {
      this.die('the page removed the worker frame');
      throw new Error(this.reason);
    }
    const port = this.port;
    if (!port) throw new Error('no worker port');
    const id = this.next++;
    const message: ToWorker = { type: 'check', id, session, input, context, answers };
    return new Promise<Verdict>((resolve, reject) => {
      const timer = setTimeout(() => this.die('a check got no answer'), CHECK_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      try {
        port.postMessage(message);
      } catch (error) {
        this.pending.delete(id);
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** The session's composer is gone: the worker forgets its cache. */
  drop(session: number): void {
    if (this.stateNow !== 'ready') return;
    try {
      this.port?.postMessage({ type: 'drop', session } satisfies ToWorker);
    } catch {
      // Nothing to free if the worker is gone.
    }
  }

  private answer(m: FromWorker | undefined) {
    if (!m || m.type === 'ready') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.type === 'verdict') p.resolve(m.verdict);
    else if (m.type === 'error') {
      // An error inside the worker means the core cannot check here: fall back for good.
      p.reject(new Error(m.message));
      this.die(m.message);
    }
  }

  private setState(state: WorkerState) {
    this.stateNow = state;
    this.host?.setAttribute('data-mrc-checker', state);
  }

  /** Turns the client dead: pending checks reject, the frame goes. Idempotent. */
  die(reason: string): void {
    if (this.stateNow === 'dead') return;
    this.reason = reason;
    this.setState('dead');
    clearTimeout(this.startTimer);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(reason));
    }
    this.pending.clear();
    try {
      this.port?.close();
      this.notices?.close();
      // The host stays, saying `dead` (for tests and support); the frame and its worker go.
      this.frame?.remove();
    } catch {
      // Already closed.
    }
  }

  /** The content script stops (paused, or the site turned off): the frame and worker go too. */
  destroy(): void {
    this.die('stopped');
    this.host?.remove();
  }
}
