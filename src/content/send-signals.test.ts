// @vitest-environment happy-dom
/** The webmail's own signs that it sent a message (issue 11, fault 2): each ends the watch, once. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ComposerRef } from '../adapters/adapter.ts';
import { isCtrlEnter } from '../adapters/shared.ts';
import { saysSent, watchForSend } from './send-signals.ts';

/** Elements' visibility as the test sets it (checkVisibility, which the watch reads). */
const shown = new Map<Element, boolean>();
function visibility(el: Element) {
  Object.assign(el, { checkVisibility: () => shown.get(el) ?? true });
}

function compose(opts: { editorHidden?: boolean } = {}) {
  document.body.innerHTML = '';
  const form = document.createElement('form');
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  editor.textContent = 'Please donate today. Sent from my phone.';
  const send = document.createElement('button');
  send.textContent = 'Send';
  form.append(editor, send);
  document.body.append(form);
  const ref = {
    adapterId: 'generic',
    editor,
    root: form,
    kind: 'contenteditable',
    readDraft: () => ({
      subject: '',
      body: { text: '', truncated: false, rangeFor: () => null },
      recipients: { to: [], cc: [], bcc: [] },
    }),
    observeTargets: () => ({ body: editor, fields: [] }),
    isConnected: () => form.isConnected,
    sendControls: () => Array.from(form.querySelectorAll('button')),
    isSendShortcut: isCtrlEnter,
  } as ComposerRef;
  visibility(editor);
  visibility(form);
  shown.set(editor, !opts.editorHidden);
  const seen: string[] = [];
  const stop = watchForSend(ref, (s) => seen.push(s));
  return { form, editor, send, seen, stop };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('saysSent', () => {
  test('status lines in several languages; not long text, not other words', () => {
    for (const s of [
      'Sending…',
      'Message sent.',
      'Your message has been sent. Undo',
      'Envoi en cours',
      'Nachricht gesendet',
      'Enviado',
      'Wysłano',
      'Anfonwyd',
      'メッセージを送信しました',
      '已发送',
    ])
      expect(saysSent(s), s).toBe(true);
    for (const s of ['Send', 'Sentence', 'Resent?', 'Draft saved', `Sent ${'x'.repeat(200)}`, ''])
      expect(saysSent(s), s).toBe(false);
  });
});

describe('watchForSend', () => {
  test('the composer closing', async () => {
    const t = compose();
    t.form.remove();
    await flush();
    expect(t.seen).toEqual(['closed']);
  });

  test('the editor locked while sending', async () => {
    const t = compose();
    t.editor.contentEditable = 'false';
    await flush();
    expect(t.seen).toEqual(['read-only']);
  });

  test('the Send control disabled', async () => {
    const t = compose();
    t.send.disabled = true;
    await flush();
    expect(t.seen).toEqual(['send-disabled']);
  });

  test('a toast saying it is sending; the word in the draft itself does not count', async () => {
    const t = compose();
    t.editor.append(document.createTextNode(' Sent.'));
    await flush();
    expect(t.seen).toEqual([]);
    const toast = document.createElement('div');
    toast.textContent = 'Sending…';
    document.body.append(toast);
    await flush();
    expect(t.seen).toEqual(['status']);
  });

  test('a form submission; and only one signal, then nothing', async () => {
    const t = compose();
    t.form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    t.form.remove();
    await flush();
    expect(t.seen).toEqual(['submitted']);
  });

  test('the composer hidden; but not an editor already hidden when the watch began (a Preview tab)', async () => {
    const t = compose();
    shown.set(t.editor, false);
    t.editor.setAttribute('hidden', '');
    await flush();
    expect(t.seen).toEqual(['hidden']);
    const behindPreview = compose({ editorHidden: true });
    behindPreview.editor.append(document.createTextNode(' more'));
    await flush();
    expect(behindPreview.seen).toEqual([]);
    shown.set(behindPreview.form, false);
    behindPreview.form.setAttribute('hidden', '');
    await flush();
    expect(behindPreview.seen).toEqual(['hidden']);
  });

  test('stop ends the watch', async () => {
    const t = compose();
    t.stop();
    t.form.remove();
    await flush();
    expect(t.seen).toEqual([]);
  });
});
