// @vitest-environment happy-dom
/** The send controls the Check at Send watches, per adapter: Gmail, Outlook (localized) and generic (conservative). */
import { afterEach, describe, expect, test } from 'vitest';
import { genericAdapter, genericSendControls, labelSaysSend } from './generic.ts';
import { gmailSendControls } from './gmail.ts';
import { outlookSendControls } from './outlook.ts';

/** Test fixture only: the code under test never writes markup. */
function page(html: string): void {
  document.body.innerHTML = html;
}
const ids = (els: Element[]) => els.map((e) => e.id);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Gmail', () => {
  const MOLE = `
    <div class="M9" id="compose">
      <div class="Ap"><div g_editable="true" contenteditable="true" role="textbox" aria-multiline="true"></div></div>
      <div class="IZ"><div class="Up"><div>
        <div role="button" id="send" data-tooltip="Send (Ctrl-Enter)">Send</div>
        <div role="button" id="send-archive" class="Uo" data-tooltip="Send + Archive">Send + Archive</div>
        <div role="button" id="options" aria-haspopup="true" aria-expanded="false" aria-label="More send options">▾</div>
      </div></div></div>
      <div role="button" id="bold" data-tooltip="Bold (Ctrl-B)">B</div>
    </div>
    <div role="menu"><div role="menuitem" id="schedule" selector="scheduledSend">Schedule send</div></div>`;

  test('Send and Send+Archive; never the send-options arrow or other buttons', () => {
    page(MOLE);
    expect(ids(gmailSendControls(document.getElementById('compose')!))).toEqual(['send', 'send-archive']);
  });

  test('Schedule send counts only while this compose opened the menu', () => {
    page(MOLE);
    const root = document.getElementById('compose')!;
    document.getElementById('options')!.setAttribute('aria-expanded', 'true');
    expect(ids(gmailSendControls(root))).toEqual(['send', 'send-archive', 'schedule']);
  });

  test('a class-chain change still finds Send by its tooltip naming the shortcut (any language)', () => {
    page(`<div class="M9" id="compose">
      <div class="newBar"><div role="button" id="send" data-tooltip="Enviar (Ctrl-Enter)">Enviar</div>
      <div role="button" id="arrow" aria-haspopup="true" data-tooltip="Más opciones (Enter)">▾</div></div></div>`);
    expect(ids(gmailSendControls(document.getElementById('compose')!))).toEqual(['send']);
  });
});

describe('Outlook', () => {
  test('the English Send button, never the split arrow', () => {
    page(`<div role="main" id="main">
      <button id="send" aria-label="Send" title="Send (Ctrl+Enter)">Send</button>
      <button id="arrow" aria-label="Send" aria-haspopup="true">▾</button>
      <button id="discard" aria-label="Discard">Discard</button></div>`);
    expect(ids(outlookSendControls(document.getElementById('main')!))).toEqual(['send']);
  });

  test('older builds: name=Send or a title starting "Send ("', () => {
    page(`<div role="main" id="main"><button id="a" name="Send">Send</button></div>`);
    expect(ids(outlookSendControls(document.getElementById('main')!))).toEqual(['a']);
    page(`<div role="main" id="main"><button id="b" title="Send (Ctrl+Enter)"><i></i></button></div>`);
    expect(ids(outlookSendControls(document.getElementById('main')!))).toEqual(['b']);
  });

  test('localized builds: the word for Send as the whole label', () => {
    for (const [label, title] of [
      ['Envoyer', 'Envoyer (Ctrl+Entrée)'],
      ['Senden', 'Senden (STRG+EINGABETASTE)'],
      ['Anfon', 'Anfon'],
      ['送信', '送信 (Ctrl+Enter)'],
    ]) {
      page(`<div role="main" id="main">
        <button id="send" aria-label="${label}" title="${title}">${label}</button>
        <button id="other" aria-label="${label} à OneNote">x</button></div>`);
      expect(ids(outlookSendControls(document.getElementById('main')!))).toEqual(['send']);
    }
  });
});

describe('generic', () => {
  test('labelSaysSend: whole labels only, shortcut hints and case ignored', () => {
    const b = (html: string) => {
      page(html);
      return document.body.firstElementChild!;
    };
    expect(labelSaysSend(b('<button>Send</button>'))).toBe(true);
    expect(labelSaysSend(b('<button> SEND now </button>'))).toBe(true);
    expect(labelSaysSend(b('<button title="Send (Ctrl+Enter)"><svg></svg></button>'))).toBe(true);
    expect(labelSaysSend(b('<input type="submit" value="Send message">'))).toBe(true);
    expect(labelSaysSend(b('<button aria-label="Anfon">→</button>'))).toBe(true);
    for (const no of ['Send feedback', 'Resend code', 'Send to a friend', 'Save draft', 'Sender'])
      expect(labelSaysSend(b(`<button>${no}</button>`))).toBe(false);
  });

  test('controls in the compose root, never inside the body, never menu openers', () => {
    page(`<form id="f">
      <input name="subject"><div id="body" contenteditable="true" role="textbox" aria-multiline="true">
        <button id="inside">Send</button></div>
      <button type="submit" id="send">Send</button>
      <input type="button" id="send2" value="Send">
      <div role="button" id="send3" aria-label="Send email">→</div>
      <button id="more" aria-haspopup="true">Send</button>
      <button id="save">Save draft</button></form>`);
    const body = document.getElementById('body')!;
    expect(ids(genericSendControls(document.getElementById('f')!, body))).toEqual(['send', 'send2', 'send3']);
    const ref = genericAdapter.composerFor(body);
    expect(ids(ref!.sendControls())).toEqual(['send', 'send2', 'send3']);
  });

  test('an editor with no compose root around it has no send controls', () => {
    page(`<div id="body" contenteditable="true"></div><button>Send</button>`);
    const body = document.getElementById('body')!;
    expect(genericSendControls(body, body)).toEqual([]);
  });
});
