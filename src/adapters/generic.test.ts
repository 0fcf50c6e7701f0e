// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { OUR_HOST_ATTRIBUTE } from '../ui/our-ui.ts';
import { genericAdapter } from './generic.ts';
import { adaptersFor } from './index.ts';

/** Builds a fixture page. Test fixture only: the code under test never writes markup. */
function page(html: string) {
  document.body.innerHTML = html;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const COMPOSER = `
  <div role="dialog" aria-label="New message" id="dlg">
    <label for="to">To</label><input id="to" name="to" value="a@example.org; b@example.org, " />
    <input name="cc" value="c@example.org" />
    <input aria-label="Bcc recipients" value="d@example.org" />
    <input id="subject" name="subject" value="Our winter appeal" />
    <input id="search" name="q" value="ignored" />
    <div id="body" contenteditable="true" role="textbox" aria-multiline="true">
      <div>Please donate today.</div><blockquote type="cite">Old quoted offer: 20% off</blockquote>
    </div>
  </div>`;

describe('genericAdapter', () => {
  test('the registry puts generic last and it matches any page', () => {
    const list = adaptersFor({ hostname: 'example.org', pathname: '/' });
    expect(list.at(-1)).toBe(genericAdapter);
  });

  test('the initial scan finds multi-line text boxes and reads subject, body and recipients', () => {
    page(COMPOSER);
    const [ref, ...rest] = genericAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(ref?.editor.id).toBe('body');
    expect(ref?.root.id).toBe('dlg');
    expect(ref?.kind).toBe('contenteditable');
    const draft = ref!.readDraft();
    expect(draft.subject).toBe('Our winter appeal');
    expect(draft.body.text).toContain('Please donate today.');
    expect(draft.body.text).not.toContain('20% off');
    expect(draft.recipients).toEqual({
      to: ['a@example.org', 'b@example.org'],
      cc: ['c@example.org'],
      bcc: ['d@example.org'],
    });
    const start = draft.body.text.indexOf('donate');
    expect(draft.body.rangeFor(start, start + 6)?.toString()).toBe('donate');
    expect(ref!.isConnected()).toBe(true);
    expect(ref!.sendControls()).toEqual([]);
    expect(ref!.observeTargets().fields.map((f) => f.getAttribute('name') ?? f.id)).toContain('subject');
  });

  test('reading never changes the editor', () => {
    page(COMPOSER);
    const before = document.getElementById('body')!.outerHTML;
    genericAdapter.findComposers(document)[0]!.readDraft();
    expect(document.getElementById('body')!.outerHTML).toBe(before);
  });

  test('focus finds a textarea body; its text has no ranges', () => {
    page(`<form><input name="subject" value="Hi"/><textarea id="t">Buy now, 20% off</textarea></form>`);
    const ref = genericAdapter.composerFor(document.getElementById('t')!);
    expect(ref?.kind).toBe('textarea');
    expect(ref?.root.tagName).toBe('FORM');
    expect(ref?.readDraft().body.text).toBe('Buy now, 20% off');
    expect(ref?.readDraft().subject).toBe('Hi');
    expect(ref?.readDraft().body.rangeFor(0, 3)).toBeNull();
  });

  test('focus on a nested element resolves to the outermost editing host', () => {
    page(`<section><div id="host" contenteditable="true"><p><b id="inner">Hello</b></p></div></section>`);
    expect(genericAdapter.composerFor(document.getElementById('inner')!)?.editor.id).toBe('host');
  });

  test.each([
    ['read-only editors', '<div id="x" contenteditable="true" aria-readonly="true">x</div>'],
    ['search boxes', '<div id="x" contenteditable="true" role="searchbox">x</div>'],
    ['single-line boxes', '<div id="x" contenteditable="true" aria-multiline="false">x</div>'],
    ["Gmail's hidden nosend textarea", '<textarea id="x" form="nosend"></textarea>'],
    ['disabled textareas', '<textarea id="x" disabled></textarea>'],
    ['plain elements', '<p id="x">x</p>'],
    ['inputs', '<input id="x" />'],
  ])('ignores %s', (_name, html) => {
    page(html);
    expect(genericAdapter.composerFor(document.getElementById('x')!)).toBeNull();
  });

  test('ignores editables inside our own UI host', () => {
    page(
      `<div ${OUR_HOST_ATTRIBUTE}="1"><div id="x" contenteditable="true" role="textbox" aria-multiline="true">x</div></div>`,
    );
    expect(genericAdapter.composerFor(document.getElementById('x')!)).toBeNull();
    expect(genericAdapter.findComposers(document)).toEqual([]);
  });

  test('the scan of an added subtree finds the composer inside it, and the root itself', () => {
    page(COMPOSER);
    expect(genericAdapter.findComposers(document.getElementById('dlg')!)).toHaveLength(1);
    expect(genericAdapter.findComposers(document.getElementById('body')!)).toHaveLength(1);
  });

  test('isConnected turns false when the composer is removed', () => {
    page(COMPOSER);
    const ref = genericAdapter.findComposers(document)[0]!;
    document.getElementById('dlg')!.remove();
    expect(ref.isConnected()).toBe(false);
  });

  test('without a compose root, the editor parent is the root and no fields are read', () => {
    page(
      `<div id="wrap"><div id="x" contenteditable="true">Hello</div></div><input name="subject" value="Elsewhere"/>`,
    );
    const ref = genericAdapter.composerFor(document.getElementById('x')!)!;
    expect(ref.root.id).toBe('wrap');
    expect(ref.readDraft().subject).toBe('');
  });
});

describe('genericAdapter: editors recognised by behaviour (issue 11)', () => {
  test('an editor with no ARIA pair in a compose form with a Send button is found before any focus', () => {
    page(`
      <form id="f"><input name="to" value="a@example.org"><input name="subject" value="Hi">
        <div id="ck" contenteditable="true" role="textbox" aria-label="Editor"><p>Please donate.</p></div>
        <button type="submit">Send</button></form>`);
    const [ref, ...rest] = genericAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(ref?.editor.id).toBe('ck');
    expect(ref?.root.id).toBe('f');
    expect(ref?.sendControls().map((b) => b.textContent)).toEqual(['Send']);
  });

  test('an empty editor counts (its empty paragraph is block content); so does a textarea body', () => {
    page(`
      <section id="s1"><div id="pm" contenteditable="true" class="ProseMirror"><p><br></p></div>
        <button>Send</button></section>
      <section id="s2"><textarea id="ta" name="body"></textarea><textarea name="to"></textarea>
        <input type="button" value="Send"></section>`);
    expect(genericAdapter.findComposers(document).map((r) => r.editor.id)).toEqual(['pm', 'ta']);
  });

  test('no Send control, a single-line editable, or a hidden editor: not a composer until focused', () => {
    page(`
      <form><div id="comment" contenteditable="true"><p>Nice post</p></div><button>Post comment</button></form>
      <form><div id="line" contenteditable="true">x</div><button>Send</button></form>
      <form><div id="hidden" contenteditable="true" style="display:none"><p>y</p></div><button>Send</button></form>`);
    expect(genericAdapter.findComposers(document)).toEqual([]);
    // Focus still claims any of them (the focus path is unchanged).
    expect(genericAdapter.composerFor(document.getElementById('comment')!)?.editor.id).toBe('comment');
  });

  test('a textarea hidden for a while (a Preview tab) is still its composer; a hidden one is never found anew', () => {
    page(`<form><textarea id="src" name="body"></textarea><button>Send</button></form>`);
    const [ref] = genericAdapter.findComposers(document);
    expect(ref?.editor.id).toBe('src');
    document.getElementById('src')!.style.display = 'none';
    // The session keeps it (and its Check at Send); a rich editor taking it over is the watcher's to end
    // (content/main.ts, dropReplacedTextareas; tests/e2e/editors: TinyMCE started late).
    expect(ref!.isConnected()).toBe(true);
    expect(genericAdapter.findComposers(document)).toEqual([]);
  });

  test('outside any form or dialog: the compose window is the nearest ancestor with a Send control', () => {
    page(`
      <div id="app"><div id="compose"><div id="toolbar"><button>Send</button></div>
        <div id="wrap"><div id="ed" contenteditable="true"><div>Hello</div></div></div></div>
        <div id="other"><div contenteditable="true"><p>another editor</p></div></div></div>`);
    const [ref] = genericAdapter.findComposers(document);
    expect(ref?.editor.id).toBe('ed');
    expect(ref?.root.id).toBe('compose');
  });
});
