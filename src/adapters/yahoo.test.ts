// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { adaptersFor } from './index.ts';
import { yahooAdapter, yahooRootOf } from './yahoo.ts';

/** Builds a fixture page. Test fixture only: the code under test never writes markup. */
function page(html: string) {
  document.body.innerHTML = html;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const pill = (name: string, addr: string) =>
  `<li><div data-test-id="pill" title="${name} &lt;${addr}&gt;"><div data-test-id="pill-text">${name}</div><button data-test-id="icon-btn-remove-pill">x</button></div></li>`;

const COMPOSE = `
  <div data-test-id="compose" id="compose" class="em_N D_F">
    <div data-test-id="compose-header-field-to" id="to-row">
      <label>To</label>
      <ul>${pill('Ann Smith', 'ann@example.org')}${pill('Bob', 'bob@example.org')}${pill('Ann again', 'ann@example.org')}</ul>
      <input id="message-to-field" role="combobox" value="typed@example.org, half@"/>
    </div>
    <div data-test-id="compose-header-field-cc" id="cc-row">
      <ul><li><div data-test-id="pill"><div data-test-id="pill-text">cat@example.org</div></div></li></ul>
      <input id="message-cc-field" role="combobox"/>
    </div>
    <input data-test-id="compose-subject" id="message-subject-field" value="Our winter appeal"/>
    <div data-test-id="compose-editor-container" id="editor-container">
      <div data-test-id="rte" id="body" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Corps du message">
        <div>Please <b id="b">donate</b> today.</div>
        <div class="signature"><div>Jo, Warm Coats Appeal</div></div>
        <div class="yahoo_quoted" id="yahoo_quoted_123"><div>On Monday Shop wrote:</div><div>20% off everything</div></div>
        <div class="ydp4f2a1byahoo_quoted"><div>Older: buy now</div></div>
      </div>
    </div>
    <div data-test-id="compose-toolbar"><button data-test-id="compose-send-button" id="send">Send</button></div>
  </div>`;

describe('yahooAdapter', () => {
  test('matches mail.yahoo.com (and its loopback fixture), before generic in the registry', () => {
    expect(yahooAdapter.matches({ hostname: 'mail.yahoo.com', pathname: '/d/compose/123' })).toBe(true);
    expect(yahooAdapter.matches({ hostname: 'yahoo.com', pathname: '/' })).toBe(false);
    expect(yahooAdapter.matches({ hostname: '127.0.0.1', pathname: '/yahoo.html' })).toBe(true);
    expect(yahooAdapter.matches({ hostname: 'example.org', pathname: '/yahoo.html' })).toBe(false);
    const ids = adaptersFor({ hostname: 'mail.yahoo.com', pathname: '/' }).map((a) => a.id);
    expect(ids).toEqual(['yahoo', 'generic']);
  });

  test('finds the compose, reads subject, pills, typed addresses and the body without quotes and signature', () => {
    page(COMPOSE);
    const [ref, ...rest] = yahooAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(ref?.adapterId).toBe('yahoo');
    expect(ref?.editor.id).toBe('body');
    expect(ref?.root.id).toBe('compose');
    const draft = ref!.readDraft();
    expect(draft.subject).toBe('Our winter appeal');
    expect(draft.body.text).toContain('Please donate today.');
    expect(draft.body.text).not.toMatch(/20% off|buy now|Warm Coats|Shop wrote/);
    expect(draft.recipients).toEqual({
      to: ['ann@example.org', 'bob@example.org', 'typed@example.org'],
      cc: ['cat@example.org'],
      bcc: [],
    });
    const start = draft.body.text.indexOf('donate');
    expect(draft.body.rangeFor(start, start + 6)?.toString()).toBe('donate');
    expect(ref!.observeTargets().fields.map((f) => f.id)).toEqual([
      'message-subject-field',
      'to-row',
      'cc-row',
    ]);
    expect(ref!.sendControls().map((b) => b.id)).toEqual(['send']);
  });

  test('Ctrl/⌘+Enter is the send shortcut, never while an IME composes', () => {
    page(COMPOSE);
    const ref = yahooAdapter.findComposers(document)[0]!;
    expect(ref.isSendShortcut(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(ref.isSendShortcut(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true }))).toBe(true);
    expect(ref.isSendShortcut(new KeyboardEvent('keydown', { key: 'Enter' }))).toBe(false);
    expect(
      ref.isSendShortcut(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: true })),
    ).toBe(false);
  });

  test('without the test hooks: body by #editor-container, rows around the inputs by id, root from Send', () => {
    page(`
      <div id="pane">
        <div id="win">
          <div><span>To</span><span><span title="Ann &lt;ann@example.org&gt;">Ann</span></span><input id="message-to-field" value="zed@example.org"/></div>
          <div><input id="message-bcc-field" value="b@example.org"/></div>
          <input id="message-subject-field" value="Hello"/>
          <div id="editor-container"><div id="body" contenteditable="true">Hi there</div></div>
          <div><button data-test-id="compose-send-button" id="send">Send</button></div>
        </div>
      </div>`);
    const ref = yahooAdapter.findComposers(document)[0]!;
    expect(ref.editor.id).toBe('body');
    expect(ref.root.id).toBe('win');
    const draft = ref.readDraft();
    expect(draft.subject).toBe('Hello');
    // Without pill hooks only typed addresses are read: a partial result, never a crash.
    expect(draft.recipients).toEqual({ to: ['zed@example.org'], cc: [], bcc: ['b@example.org'] });
    expect(ref.observeTargets().fields).toHaveLength(3);
    expect(yahooAdapter.composerFor(document.getElementById('message-subject-field')!)?.editor.id).toBe(
      'body',
    );
  });

  test('an inline reply and a new message each get their own ref, root and recipients', () => {
    page(`
      <div data-test-id="message-view">
        <div data-test-id="compose" id="reply">
          <div data-test-id="compose-header-field-to"><ul>${pill('Shop', 'shop@example.org')}</ul><input role="combobox"/></div>
          <div data-test-id="compose-editor-container"><div data-test-id="rte" id="r" contenteditable="true">Thanks<div class="yahoo_quoted">Buy now</div></div></div>
          <button data-test-id="compose-send-button">Send</button>
        </div>
      </div>
      ${COMPOSE}`);
    const refs = yahooAdapter.findComposers(document);
    expect(refs.map((r) => r.editor.id)).toEqual(['r', 'body']);
    expect(refs.map((r) => r.root.id)).toEqual(['reply', 'compose']);
    expect(refs[0]!.readDraft().body.text.trim()).toBe('Thanks');
    expect(refs[0]!.readDraft().recipients.to).toEqual(['shop@example.org']);
    expect(refs[0]!.readDraft().subject).toBe('');
    expect(yahooAdapter.findComposers(document.getElementById('reply')!)).toHaveLength(1);
  });

  test('two composes without the root hook never share a root', () => {
    page(`
      <div id="both">
        <div id="a"><div id="editor-container"><div id="ba" contenteditable="true">One</div></div></div>
        <div id="b"><div data-test-id="compose-editor-container"><div id="bb" contenteditable="true">Two</div></div>
          <button data-test-id="compose-send-button">Send</button></div>
      </div>`);
    const [a, b] = yahooAdapter.findComposers(document);
    // A has no Send button of its own: its root stays below the block that holds both composes.
    expect(a!.root.contains(b!.editor)).toBe(false);
    expect(yahooRootOf(b!.editor).id).toBe('b');
  });

  test('focus in the subject, a pill or the body finds that compose; other fields find nothing', () => {
    page(COMPOSE);
    expect(yahooAdapter.composerFor(document.getElementById('b')!)?.editor.id).toBe('body');
    expect(yahooAdapter.composerFor(document.getElementById('message-subject-field')!)?.editor.id).toBe(
      'body',
    );
    expect(yahooAdapter.composerFor(document.querySelector('[data-test-id="pill"]')!)?.editor.id).toBe(
      'body',
    );
    page('<input id="search" aria-label="Search"/><div contenteditable="true" id="note">Notes</div>');
    expect(yahooAdapter.composerFor(document.getElementById('search')!)).toBeNull();
    expect(yahooAdapter.composerFor(document.getElementById('note')!)).toBeNull();
    expect(yahooAdapter.findComposers(document)).toEqual([]);
  });

  test('missing subject and recipients give an empty partial draft', () => {
    page(
      `<div data-test-id="compose" id="c"><div data-test-id="rte" id="body" contenteditable="true">Hi</div></div>`,
    );
    const ref = yahooAdapter.findComposers(document)[0]!;
    expect(ref.readDraft().subject).toBe('');
    expect(ref.readDraft().recipients).toEqual({ to: [], cc: [], bcc: [] });
    expect(ref.observeTargets().fields).toEqual([]);
    expect(ref.sendControls()).toEqual([]);
  });

  test('reading never changes the compose; isConnected follows removal', () => {
    page(COMPOSE);
    const before = document.body.innerHTML;
    const ref = yahooAdapter.findComposers(document)[0]!;
    ref.readDraft();
    ref.observeTargets();
    ref.sendControls();
    expect(document.body.innerHTML).toBe(before);
    expect(ref.isConnected()).toBe(true);
    document.getElementById('compose')!.remove();
    expect(ref.isConnected()).toBe(false);
  });
});
