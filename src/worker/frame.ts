/**
 * The worker frame: an extension page the content script puts, hidden, in the webmail page, only to start the
 * checking worker (check-worker.ts). A content script cannot start a worker of its own there: Chromium refuses an
 * extension script as a worker of the page's origin, a blob: or data: worker falls under the page's CSP
 * (`worker-src`, `script-src`), and Firefox applies the page's Trusted Types to a content script's `new Worker`.
 * An extension frame is outside the page's CSP in both, and its worker runs off the page's main thread (README
 * "In the page").
 *
 * It answers only its own content script: the token in its address (`#…`), which the page cannot read (the frame
 * sits in a closed shadow root, and a cross-origin frame's address is hidden). It then hands the first port to the
 * worker, so the content script and the worker talk directly, and reports on the second if the worker fails.
 */
import type { ConnectMessage, FrameNotice } from './protocol.ts';

const token = location.hash.slice(1);
let connected = false;

window.addEventListener('message', (e: MessageEvent<ConnectMessage>) => {
  const [toWorker, notices] = e.ports;
  if (connected || !token || e.data?.type !== 'mrc-connect' || e.data.token !== token) return;
  if (!toWorker || !notices) return;
  connected = true;
  const notice = (reason: string) => notices.postMessage({ type: 'dead', reason } satisfies FrameNotice);
  try {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (ev) => notice(`worker error: ${ev.message || 'failed to load'}`));
    worker.postMessage({ type: 'mrc-serve' }, [toWorker]);
    window.addEventListener('pagehide', () => notice('frame unloaded'));
  } catch (error) {
    notice(`worker did not start: ${error}`);
  }
});
