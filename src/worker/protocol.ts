/**
 * Messages to and from the checking worker (src/worker/check-worker.ts), which runs the core off the page's main
 * thread: for the content script, over a MessagePort inside the extension (content script → worker frame →
 * dedicated worker), and for the training page's live editor. A draft never leaves the browser.
 */
import type { ContextInput, DraftInput, Verdict, Walkthrough } from '../core/index.ts';

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
  | { type: 'drop'; session: number }
  /** The training page's live editor: the verdict with the decision walkthrough. */
  | { type: 'explain'; id: number; session: number; input: DraftInput; context: ContextInput };

/** Worker → content script. */
export type FromWorker =
  /** The worker runs and listens (sent before the core loads, so a start is known quickly). */
  | { type: 'ready' }
  | { type: 'verdict'; id: number; verdict: Verdict }
  | { type: 'walk'; id: number; walk: Walkthrough }
  | { type: 'error'; id: number; message: string };

/** Worker frame → content script, on its own port: the worker could not start or stopped. */
export type FrameNotice = { type: 'dead'; reason: string };

/** What the content script posts to the worker frame to connect (ports: [to the worker, frame notices]). */
export interface ConnectMessage {
  type: 'mrc-connect';
  token: string;
}
