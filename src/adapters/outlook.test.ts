// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { adaptersFor } from './index.ts';
import { outlookAdapter } from './outlook.ts';

/** Builds a fixture page. Test fixture only: the code under test never writes markup. */
function page(html: string) {
  document.body.innerHTML = html;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const chip = (text: string) =>
  `<div contenteditable="false"><span class="textContainer-123">${text}</span></div>`;

const COMPOSE = `
  <div role="main" id="main">
    <input type="text" autocomplete="off" aria-label="Search" value="ignored"/>
    <div id="to" contenteditable="true" role="textbox">${chip('Ann Smith &lt;ann@example.org&gt;')}${chip('bob@example.org')}${chip('Carol')}</div>
    <div id="cc" contenteditable="true" role="textbox">${chip('cat@example.org')}</div>
    <input type="text" autocomplete="off" aria-label="Add a subject" value="Our winter appeal"/>
    <div id="body" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Message body">
      <div>Please <b id="b">donate</b> today.</div>
      <div id="appendonsend"></div><hr/>
      <div id="divRplyFwdMsg">From: Shop</div>
      <div>Big sale: 20% off everything</div>
    </div>
  </div>`;

describe('outlookAdapter', () => {
  test.each(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'])(
    'matches %s, before generic',
    (hostname) => {
      expect(adaptersFor({ hostname, pathname: '/mail/' }).map((a) => a.id)).toEqual(['outlook', 'generic']);
    },
  );

  test('does not match other hosts', () => {
    expect(outlookAdapter.matches({ hostname: 'outlook.example.org', pathname: '/' })).toBe(false);
    expect(outlookAdapter.matches({ hostname: '127.0.0.1', pathname: '/outlook.html' })).toBe(true);
  });

  test('reads subject (last plain input), To/Cc chips in order and the body without reply history', () => {
    page(COMPOSE);
    const [ref, ...rest] = outlookAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(ref?.adapterId).toBe('outlook');
    expect(ref?.editor.id).toBe('body');
    expect(ref?.root.id).toBe('main');
    const draft = ref!.readDraft();
    expect(draft.subject).toBe('Our winter appeal');
    expect(draft.body.text.trim()).toBe('Please donate today.');
    expect(draft.recipients).toEqual({
      to: ['ann@example.org', 'bob@example.org'],
      cc: ['cat@example.org'],
      bcc: [],
    });
    const start = draft.body.text.indexOf('donate');
    expect(draft.body.rangeFor(start, start + 6)?.toString()).toBe('donate');
    expect(ref!.observeTargets().fields.map((f) => f.id || f.getAttribute('aria-label'))).toEqual([
      'Add a subject',
      'to',
      'cc',
    ]);
  });

  test('a well without chip containers is parsed from its text; subject falls back to the aria-label', () => {
    page(`<div data-app-section="Form_Content" id="pop">
      <div contenteditable="true">dee@example.org; Eve &lt;eve@example.org&gt;</div>
      <input aria-label="SUBJECT line" value="Hello"/>
      <div id="body" contenteditable="true" aria-multiline="true">Hi</div></div>`);
    const ref = outlookAdapter.findComposers(document)[0]!;
    expect(ref.root.id).toBe('pop');
    expect(ref.readDraft().subject).toBe('Hello');
    expect(ref.readDraft().recipients.to).toEqual(['dee@example.org', 'eve@example.org']);
  });

  test('focus in a recipient well or the subject resolves to the body', () => {
    page(COMPOSE);
    expect(outlookAdapter.composerFor(document.getElementById('to')!)?.editor.id).toBe('body');
    expect(outlookAdapter.composerFor(document.getElementById('b')!)?.editor.id).toBe('body');
    page('<div contenteditable="true" id="x">note</div>');
    expect(outlookAdapter.composerFor(document.getElementById('x')!)).toBeNull();
  });

  test('reading never changes the compose; isConnected follows removal', () => {
    page(COMPOSE);
    const before = document.body.innerHTML;
    const ref = outlookAdapter.findComposers(document)[0]!;
    ref.readDraft();
    ref.observeTargets();
    expect(document.body.innerHTML).toBe(before);
    document.getElementById('main')!.remove();
    expect(ref.isConnected()).toBe(false);
  });
});
