/**
 * The live editor's walkthrough, explained in the checking worker (src/worker/check-worker.ts) so the training
 * page's main thread only renders. The latest request wins; an older answer arriving late is dropped. Fail open: if the
 * worker cannot start (a page opened from disk, a browser without module workers) or errs, the walkthrough is
 * explained on the page as before, with the page's own checker.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Checker, Context, Walkthrough } from '../core/index.ts';
import type { FromWorker, ToWorker } from '../worker/protocol.ts';

interface Draft {
  subject: string;
  body: string;
}

type Listener = (reply: FromWorker) => void;

/** This page's one checker in the worker. */
const SESSION = 1;
let worker: Worker | undefined;
let port: MessagePort | null | undefined;
const listeners = new Set<Listener>();

/** The port to the worker, started on first use; null once it failed (then nothing is sent to it). */
function workerPort(): MessagePort | null {
  if (port !== undefined) return port;
  try {
    worker = new Worker(new URL('../worker/check-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', () => failWorker());
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<FromWorker>) => {
      for (const l of listeners) l(e.data);
    };
    worker.postMessage({ type: 'mrc-serve' }, [channel.port2]);
    port = channel.port1;
  } catch {
    port = null;
  }
  return port;
}

function failWorker() {
  worker?.terminate();
  port = null;
  for (const l of listeners) l({ type: 'error', id: -1, message: 'worker-error' });
}

function explainHere(checker: Checker | null, draft: Draft, context: Context): Walkthrough | null {
  if (!checker) return null;
  try {
    return checker.explain({ subject: draft.subject, body: draft.body, channel: context.channel }, context);
  } catch {
    return null;
  }
}

let nextId = 1;

/**
 * The walkthrough of `draft` in `context`, from the worker (or, failing that, `checker` on the page). Until the
 * worker answers, the previous walkthrough stays, as it did while the writer typed.
 */
export function useWalkthrough(checker: Checker | null, draft: Draft, context: Context): Walkthrough | null {
  const [walk, setWalk] = useState<Walkthrough | null>(null);
  const latest = useRef(0);
  const inPage = useRef(false);

  useEffect(() => {
    const id = nextId++;
    latest.current = id;
    if (!draft.body.trim()) {
      setWalk(null);
      return;
    }
    const w = inPage.current ? null : workerPort();
    if (!w) {
      setWalk(explainHere(checker, draft, context));
      return;
    }
    const onReply: Listener = (reply) => {
      if (reply.type === 'walk' && reply.id === id) {
        listeners.delete(onReply);
        if (latest.current === id) setWalk(reply.walk);
      } else if (reply.type === 'error' && (reply.id === id || reply.id === -1)) {
        listeners.delete(onReply);
        inPage.current = true;
        if (latest.current === id) setWalk(explainHere(checker, draft, context));
      }
    };
    listeners.add(onReply);
    try {
      w.postMessage({
        type: 'explain',
        id,
        session: SESSION,
        input: { subject: draft.subject, body: draft.body, channel: context.channel },
        context,
      } satisfies ToWorker);
    } catch {
      listeners.delete(onReply);
      inPage.current = true;
      setWalk(explainHere(checker, draft, context));
    }
    return () => listeners.delete(onReply);
  }, [checker, draft, context]);

  return walk;
}
