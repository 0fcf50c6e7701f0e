/**
 * Messages between the content script and the checking worker (src/worker/check-worker.ts), which runs the core
 * off the webmail page's main thread. They travel over a MessagePort inside the extension (content script → worker
 * frame → dedicated worker); a draft never leaves the browser.
 */
import type { ContextInput, DraftInput, Verdict } from '../core/index.ts';

/** Content script → worker. `session` keys a per-composer checker (its per-sentence cache). */
export type ToWorker =
  | {
      type: 'check';
      id: number;
      session: number;
      input: DraftInput;
      context: ContextInput;
      /** The user's answers to the panel's questions; dropped when invalid (a stale answer must not stop the check). */
      answers: Record<string, string>;
    }
  /** The composer is gone: forget its checker. */
  | { type: 'drop'; session: number };

/** Worker → content script. */
export type FromWorker =
  /** The worker runs and listens (sent before the core loads, so a start is known quickly). */
  | { type: 'ready' }
  | { type: 'verdict'; id: number; verdict: Verdict }
  | { type: 'error'; id: number; message: string };

/** Worker frame → content script, on its own port: the worker could not start or stopped. */
export type FrameNotice = { type: 'dead'; reason: string };

/** What the content script posts to the worker frame to connect (ports: [to the worker, frame notices]). */
export interface ConnectMessage {
  type: 'mrc-connect';
  token: string;
}
