/**
 * The checking worker: a dedicated worker started by the worker frame (frame.ts), one per webmail tab, and by the
 * training page for its live editor (src/training/walk.ts). It loads the core (compromise and the rule engine) and
 * checks drafts, so parsing and classification never run on the page's main thread. It makes no network request;
 * it only answers on the MessagePort it was given.
 */
import { CheckerPool } from './checks.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

let pool: Promise<CheckerPool> | undefined;
const poolNow = () => {
  pool ??= import('../core/index.ts').then((core) => new CheckerPool(core));
  return pool;
};

function serve(port: MessagePort) {
  const reply = (m: FromWorker) => port.postMessage(m);
  port.onmessage = (e: MessageEvent<ToWorker>) => {
    const m = e.data;
    if (m?.type === 'drop') {
      void poolNow().then((p) => p.drop(m.session));
      return;
    }
    if (m?.type !== 'check' && m?.type !== 'explain') return;
    poolNow().then(
      (p) => {
        try {
          if (m.type === 'check') reply({ type: 'verdict', id: m.id, verdict: p.check(m) });
          else reply({ type: 'walk', id: m.id, walk: p.explain(m) });
        } catch (error) {
          reply({ type: 'error', id: m.id, message: String(error) });
        }
      },
      (error) => reply({ type: 'error', id: m.id, message: `core failed to load: ${error}` }),
    );
  };
  reply({ type: 'ready' });
  // Load the core now, while the page is still busy with other things: the first check should not wait for it.
  void poolNow().catch(() => {});
}

self.onmessage = (e: MessageEvent) => {
  const port = e.ports[0];
  if (e.data?.type === 'mrc-serve' && port) serve(port);
};
