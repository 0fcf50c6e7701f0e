/**
 * Knowing that a send happened from the webmail's own signals (issue 11), after the Send guard replays a send the
 * user confirmed. A webmail that sends shows it: the composer closes or is hidden, its editor turns read-only, its
 * Send control is disabled or busy, a "Sending…"/"Message sent" status appears, the form is submitted, or the page
 * navigates. Any of these ends the watch. Only when none comes within the guard's wait (SEND_SIGNAL_WAIT_MS, at
 * least 10 s for slow servers) does the guard say anything, and then only "check your Sent folder": it never
 * concludes that a message was not sent, so it never invites a second copy.
 *
 * Read-only towards the page: observers and listeners only. Text read for status words comes from nodes the page
 * adds outside the editor and our own UI, at most a short line each; none of it is kept.
 */
import type { ComposerRef } from '../adapters/adapter.ts';
import { isVisible } from '../adapters/shared.ts';
import { isInOurUi } from '../ui/our-ui.ts';

export type SendSignal =
  /** The composer left the page (the commonest sign of a send). */
  | 'closed'
  /** The composer is still in the page but no longer rendered. */
  | 'hidden'
  /** The editor stopped being editable (locked while sending). */
  | 'read-only'
  /** Every Send control of the composer became disabled or busy, or went. */
  | 'send-disabled'
  /** A status, alert or toast saying sending or sent appeared. */
  | 'status'
  /** The compose form was submitted. */
  | 'submitted'
  /** The page is navigating away (a classic form post). */
  | 'unload';

/** Words webmails use for "sending" and "sent", as whole words (Latin scripts) or phrases (others). */
const STATUS_WORDS =
  /(?:^|[^\p{L}])(?:sent|sending|envoy[ée]e?s?|envoi(?: en cours)?|gesendet|wird gesendet|enviad[oa]s?|enviando|inviat[oa]|invio|verzonden|wordt verzonden|wys[łl]an[oa]|wysy[łl]anie|skickat|skickas|l[äa]hetetty|l[äa]hetet[äa][äa]n|odesl[áa]no|odes[íi]l[áa]n[íi]|elk[üu]ldve|trimis|trimitere|anfonwyd|yn anfon|отправлено|отправка|надіслано|надсилання|gönderildi|gönderiliyor|στάλθηκε|αποστέλλεται)(?=$|[^\p{L}])/iu;
const STATUS_PHRASES =
  /送信しました|送信中|已发送|正在发送|已傳送|傳送中|보냈습니다|보내는 중|تم الإرسال|جارٍ الإرسال|נשלח|נשלחת/u;
/** Longer added text is page content (a message list, a preview), not a status line. */
const MAX_STATUS_CHARS = 160;
/** Attributes whose change may mean a control or editor was locked, or the composer hidden. */
const WATCHED_ATTRIBUTES = [
  'disabled',
  'aria-disabled',
  'aria-busy',
  'contenteditable',
  'readonly',
  'hidden',
  'style',
  'class',
  'aria-hidden',
];
/** A safety net for changes no mutation reports (a style sheet hiding the composer). */
const POLL_MS = 500;

export function saysSent(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_STATUS_CHARS && (STATUS_WORDS.test(t) || STATUS_PHRASES.test(t));
}

function editable(el: HTMLElement): boolean {
  if (el.tagName === 'TEXTAREA') {
    const ta = el as HTMLTextAreaElement;
    return !ta.readOnly && !ta.disabled;
  }
  return el.isContentEditable || el.ownerDocument.designMode === 'on';
}

function locked(control: Element): boolean {
  return (
    (control as HTMLButtonElement).disabled === true ||
    control.getAttribute('aria-disabled') === 'true' ||
    control.getAttribute('aria-busy') === 'true'
  );
}

/**
 * Watches `ref`'s composer for a sign that its webmail sent (or is sending) it, and calls `onSignal` once with
 * the first one. Returns a function that stops watching. Never throws.
 */
export function watchForSend(ref: ComposerRef, onSignal: (signal: SendSignal) => void): () => void {
  const doc = ref.root.ownerDocument;
  const win = doc.defaultView;
  const abort = new AbortController();
  let observer: MutationObserver | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let done = false;
  let queued = false;
  const stop = () => {
    done = true;
    abort.abort();
    observer?.disconnect();
    clearInterval(timer);
  };
  const fire = (signal: SendSignal) => {
    if (done) return;
    stop();
    try {
      onSignal(signal);
    } catch {
      // The caller's own failure is its own.
    }
  };
  let wasEditable = true;
  // A composer already hidden when the watch starts (a textarea behind its Preview tab) is no sign of sending.
  let editorShown = true;
  let rootShown = true;
  let controlsLive = false;
  try {
    wasEditable = editable(ref.editor);
    editorShown = isVisible(ref.editor);
    rootShown = isVisible(ref.root);
    controlsLive = ref.sendControls().some((c) => !locked(c));
  } catch {
    // Judged on what can be read.
  }
  const check = () => {
    queued = false;
    if (done) return;
    try {
      if (!ref.isConnected()) return fire('closed');
      if ((editorShown && !isVisible(ref.editor)) || (rootShown && !isVisible(ref.root)))
        return fire('hidden');
      if (wasEditable && !editable(ref.editor)) return fire('read-only');
      if (controlsLive && !ref.sendControls().some((c) => c.isConnected && !locked(c)))
        return fire('send-disabled');
    } catch {
      // A page mid-update: the next mutation or poll looks again.
    }
  };
  const schedule = () => {
    if (queued || done) return;
    queued = true;
    Promise.resolve().then(check, () => {});
  };
  const isStatusNode = (node: Node): boolean => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el || isInOurUi(el) || ref.editor.contains(el) || el.contains(ref.editor)) return false;
    return saysSent(node.textContent);
  };
  try {
    observer = new (win?.MutationObserver ?? MutationObserver)((records) => {
      for (const r of records) {
        if (r.type === 'childList') {
          for (const n of Array.from(r.addedNodes)) if (isStatusNode(n)) return fire('status');
        } else if (r.type === 'characterData') {
          const host = r.target.parentElement?.closest('[role="status"], [role="alert"], [aria-live]');
          if (host && isStatusNode(r.target)) return fire('status');
        }
      }
      schedule();
    });
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    if (ref.editor.ownerDocument !== doc)
      observer.observe(ref.editor.ownerDocument.documentElement, {
        attributes: true,
        subtree: true,
        attributeFilter: WATCHED_ATTRIBUTES,
      });
    const { signal } = abort;
    win?.addEventListener(
      'submit',
      (e) => {
        const form = e.target as Element | null;
        if (form && (form.contains(ref.root) || ref.root.contains(form))) fire('submitted');
      },
      { capture: true, signal },
    );
    win?.addEventListener('pagehide', () => fire('unload'), { signal });
    win?.addEventListener('beforeunload', () => fire('unload'), { signal });
    timer = setInterval(check, POLL_MS);
  } catch {
    // Without observers the poll still looks.
  }
  check();
  return stop;
}
