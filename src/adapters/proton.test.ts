// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableIframePageLoading":true}}
import { afterEach, describe, expect, test } from 'vitest';
import { adaptersFor } from './index.ts';
import { editorInFrame, protonAdapter } from './proton.ts';

/** Builds a fixture page. Test fixture only: the code under test never writes markup. */
function page(html: string) {
  document.body.innerHTML = html;
}

/** Writes an editor frame's document from the parent, as Proton's useInitRooster does. Test fixture only. */
function writeFrame(id: string, editorHtml: string) {
  const frame = document.getElementById(id) as HTMLIFrameElement;
  const doc = frame.contentDocument!;
  doc.open();
  doc.write(
    `<head><meta name="darkreader-lock"></head><body><div id="proton-editor-container"><div id="rooster-editor-wrapper"><div id="rooster-editor" contenteditable="true">${editorHtml}</div><div id="proton-editor-toggle-container"></div></div></div><div id="proton-editor-dropzone"></div></body>`,
  );
  doc.close();
  return doc;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const frame = (id: string) =>
  `<iframe id="${id}" title="Email composer" data-testid="rooster-iframe" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`;
const chip = (label: string) =>
  `<div class="composer-addresses-item" data-testid="composer-addresses-item"><span class="composer-addresses-item-label" data-testid="composer-addresses-item-label">${label}</span><button title="Remove">x</button></div>`;
const row = (testId: string, id: string, chips: string[], typed = '') =>
  `<div class="flex" id="${id}"><label>${id}</label><div class="composer-addresses-autocomplete"><div class="composer-addresses-container"><div class="flex-1">${chips.map(chip).join('')}<div class="composer-addresses-input-container"><input data-testid="${testId}" value="${typed}"/></div></div></div></div></div>`;

const COMPOSER = `
  <div class="composer-container">
    <section class="composer" data-testid="composer-1" id="c1">
      <header><button data-testid="composer:close-button">x</button></header>
      <div class="composer-meta">
        ${row('composer:to', 'to-row', ['Ann Smith &lt;ann@example.org&gt;', 'bob@example.org', 'ann@example.org'], 'typed@example.org')}
        ${row('composer:to-cc', 'cc-row', ['Cat &lt;cat@example.org&gt;'])}
        ${row('composer:to-bcc', 'bcc-row', [])}
        <div><label>Subject</label><input data-testid="composer:subject" id="subject" value="Our winter appeal"/></div>
      </div>
      <div class="composer-body-container"><div class="editor-wrapper">${frame('f1')}</div></div>
      <footer><button data-testid="composer:send-button" id="send">Send</button></footer>
    </section>
  </div>`;

const BODY = `<div>Please <b id="b">donate</b> today.</div><div><br></div><div class="protonmail_signature_block"><div class="protonmail_signature_block-user">Jo, Warm Coats Appeal</div><div class="protonmail_signature_block-proton">Sent with Proton Mail secure email.</div></div><div class="protonmail_quote">On Monday, Shop wrote:<br><blockquote class="protonmail_quote" type="cite">20% off everything</blockquote></div>`;

describe('protonAdapter', () => {
  test('matches mail.proton.me (and its loopback fixture), before generic in the registry', () => {
    expect(protonAdapter.matches({ hostname: 'mail.proton.me', pathname: '/u/0/inbox' })).toBe(true);
    expect(protonAdapter.matches({ hostname: 'proton.me', pathname: '/' })).toBe(false);
    expect(protonAdapter.matches({ hostname: '127.0.0.1', pathname: '/proton.html' })).toBe(true);
    expect(protonAdapter.matches({ hostname: 'example.org', pathname: '/proton.html' })).toBe(false);
    const ids = adaptersFor({ hostname: 'mail.proton.me', pathname: '/' }).map((a) => a.id);
    expect(ids).toEqual(['proton', 'generic']);
  });

  test('reaches into the editor frame: the editor is in the frame, the root and fields in the top document', () => {
    page(COMPOSER);
    const doc = writeFrame('f1', BODY);
    const [ref, ...rest] = protonAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(ref?.adapterId).toBe('proton');
    expect(ref?.editor.id).toBe('rooster-editor');
    expect(ref?.editor.ownerDocument).toBe(doc);
    expect(ref?.root.id).toBe('c1');
    const draft = ref!.readDraft();
    expect(draft.subject).toBe('Our winter appeal');
    expect(draft.body.text.trim()).toBe('Please donate today.');
    expect(draft.recipients).toEqual({
      to: ['ann@example.org', 'bob@example.org', 'typed@example.org'],
      cc: ['cat@example.org'],
      bcc: [],
    });
    const start = draft.body.text.indexOf('donate');
    const range = draft.body.rangeFor(start, start + 6);
    expect(range?.toString()).toBe('donate');
    expect(range?.startContainer.ownerDocument).toBe(doc);
    const targets = ref!.observeTargets();
    expect(targets.body).toBe(ref!.editor);
    expect(targets.fields.map((f) => f.id)).toEqual(['subject', 'to-row', 'cc-row', 'bcc-row']);
    expect(ref!.sendControls().map((b) => b.id)).toEqual(['send']);
  });

  test('Ctrl/⌘+Enter is the send shortcut, never while an IME composes', () => {
    page(COMPOSER);
    writeFrame('f1', BODY);
    const ref = protonAdapter.findComposers(document)[0]!;
    expect(ref.isSendShortcut(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(ref.isSendShortcut(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true }))).toBe(true);
    expect(ref.isSendShortcut(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true }))).toBe(false);
    expect(
      ref.isSendShortcut(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: true })),
    ).toBe(false);
  });

  test('a frame the app has not written yet gives no composer until it is written', () => {
    page(COMPOSER);
    expect(editorInFrame(document.getElementById('f1') as HTMLIFrameElement)).toBeNull();
    expect(protonAdapter.findComposers(document)).toEqual([]);
    expect(protonAdapter.composerFor(document.getElementById('f1')!)).toBeNull();
    writeFrame('f1', '<div>Hello</div>');
    expect(protonAdapter.findComposers(document.getElementById('f1')!)).toHaveLength(1);
  });

  test('an unreadable (cross-origin) frame is skipped without throwing', () => {
    page(COMPOSER);
    const f = document.getElementById('f1')!;
    Object.defineProperty(f, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    });
    expect(protonAdapter.findComposers(document)).toEqual([]);
    expect(protonAdapter.composerFor(f)).toBeNull();
    expect(protonAdapter.composerFor(document.getElementById('subject')!)).toBeNull();
  });

  test('several composers and a quick reply each get their own ref, root and fields', () => {
    page(`${COMPOSER}
      <div class="composer-container">
        <section class="composer" data-testid="composer-2" id="c2">
          <div><label>To</label><div data-testid="composer:address" role="button" id="summary"><span><span>Shop</span>, <span>team@example.org</span><span title="Carbon Copy">CC:</span><span>boss@example.org</span></span></div></div>
          ${frame('f2')}
        </section>
      </div>
      <div class="message-view">
        <div data-shortcut-target="quick-reply-container" id="qr">${frame('f3')}<button data-testid="quick-reply-send-button" id="qr-send">Send</button></div>
      </div>`);
    writeFrame('f1', BODY);
    writeFrame('f2', '<div>Second</div>');
    writeFrame('f3', '<div>Quick</div>');
    const refs = protonAdapter.findComposers(document);
    expect(refs.map((r) => r.root.id)).toEqual(['c1', 'c2', 'qr']);
    expect(new Set(refs.map((r) => r.editor)).size).toBe(3);
    // The collapsed summary lists names; only the addresses written out can be read, by their CC: marker.
    expect(refs[1]!.readDraft().recipients).toEqual({
      to: ['team@example.org'],
      cc: ['boss@example.org'],
      bcc: [],
    });
    expect(refs[1]!.readDraft().subject).toBe('');
    expect(refs[1]!.observeTargets().fields.map((f) => f.id)).toEqual(['summary']);
    expect(refs[2]!.readDraft().body.text.trim()).toBe('Quick');
    expect(refs[2]!.sendControls().map((b) => b.id)).toEqual(['qr-send']);
    expect(protonAdapter.findComposers(document.getElementById('c2')!)).toHaveLength(1);
  });

  test('focus on the frame, in it, or in the subject finds that composer; elsewhere nothing', () => {
    page(COMPOSER);
    const doc = writeFrame('f1', BODY);
    expect(protonAdapter.composerFor(document.getElementById('f1')!)?.root.id).toBe('c1');
    expect(protonAdapter.composerFor(doc.getElementById('b')!)?.root.id).toBe('c1');
    expect(protonAdapter.composerFor(document.getElementById('subject')!)?.editor.ownerDocument).toBe(doc);
    expect(
      protonAdapter.composerFor(document.querySelector('[data-testid="composer-addresses-item"]')!),
    ).not.toBeNull();
    page('<input id="search"/><iframe id="ad" title="Ad"></iframe>');
    expect(protonAdapter.composerFor(document.getElementById('search')!)).toBeNull();
    expect(protonAdapter.composerFor(document.getElementById('ad')!)).toBeNull();
    expect(protonAdapter.findComposers(document)).toEqual([]);
  });

  test('plain-text mode: the textarea in the top document is the body (findings without highlights)', () => {
    page(`
      <section class="composer" data-testid="composer-1" id="c">
        ${row('composer:to', 'to-row', ['ann@example.org'])}
        <input data-testid="composer:subject" value="Appeal"/>
        <div class="w-full h-full"><textarea class="editor-textarea" data-testid="editor-textarea" id="plain"></textarea></div>
        <button data-testid="composer:send-button">Send</button>
      </section>`);
    const area = document.getElementById('plain') as HTMLTextAreaElement;
    area.value = 'Please donate today.\n\n> On Monday Shop wrote:\n> 20% off';
    const [ref, ...rest] = protonAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(ref?.kind).toBe('textarea');
    expect(ref?.editor).toBe(area);
    expect(ref?.root.id).toBe('c');
    const draft = ref!.readDraft();
    // Plain-text quotes are `>` lines: the core's segmentation leaves them out, the adapter passes the value on.
    expect(draft.body.text).toBe(area.value);
    expect(draft.body.rangeFor(0, 6)).toBeNull();
    expect(draft.subject).toBe('Appeal');
    expect(draft.recipients.to).toEqual(['ann@example.org']);
    expect(protonAdapter.composerFor(area)?.editor).toBe(area);
    expect(ref!.isConnected()).toBe(true);
    document.getElementById('c')!.remove();
    expect(ref!.isConnected()).toBe(false);
  });

  test('missing subject and recipients give an empty partial draft', () => {
    page(`<section class="composer" data-testid="composer-1" id="c">${frame('f1')}</section>`);
    writeFrame('f1', '<div>Hi</div>');
    const ref = protonAdapter.findComposers(document)[0]!;
    expect(ref.readDraft().subject).toBe('');
    expect(ref.readDraft().recipients).toEqual({ to: [], cc: [], bcc: [] });
    expect(ref.observeTargets().fields).toEqual([]);
    expect(ref.sendControls()).toEqual([]);
  });

  test('reading never changes the composer or the frame; isConnected follows closing and rewriting', () => {
    page(COMPOSER);
    const doc = writeFrame('f1', BODY);
    const before = [document.body.innerHTML, doc.documentElement.outerHTML];
    const ref = protonAdapter.findComposers(document)[0]!;
    ref.readDraft();
    ref.observeTargets();
    ref.sendControls();
    expect([document.body.innerHTML, doc.documentElement.outerHTML]).toEqual(before);
    expect(ref.isConnected()).toBe(true);
    // The app rewrites the frame (a new editor): the old ref is gone, a new scan finds the new editor.
    writeFrame('f1', '<div>Rewritten</div>');
    expect(ref.isConnected()).toBe(false);
    const next = protonAdapter.findComposers(document)[0]!;
    expect(next.readDraft().body.text.trim()).toBe('Rewritten');
    document.getElementById('c1')!.remove();
    expect(next.isConnected()).toBe(false);
  });
});
