// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { segmentBody } from '../core/draft/segment.ts';
import { adaptersFor } from './index.ts';
import {
  blankReplyIntros,
  isRoundcubeComposePage,
  parseRecipientList,
  roundcubeAdapter,
  roundcubeRecipients,
} from './roundcube.ts';

/**
 * A Roundcube 1.6 Elastic compose page as rendered by the real server (scripts/roundcube; docs §1.7), trimmed.
 * Test fixture only: the code under test never writes markup.
 */
const COMPOSE = (body = '', extra = '') => `
  <div id="layout-content">
    <div id="compose-content" class="formcontainer content">
      <form name="form" method="post" class="formcontent scroller" action="/?_task=mail">
        <input type="hidden" name="_task" value="mail"><input type="hidden" name="_action" value="send">
        <input type="hidden" name="_id" value="8820603096b047c3312a36">
        <div id="compose_to" class="form-group row"><label for="_to">To</label>
          <textarea name="_to" id="_to" role="combobox" style="position:absolute;left:-5000px"></textarea>
          <ul class="form-control recipient-input"><li class="input"><input type="text" role="combobox"></li></ul>
        </div>
        <div id="compose_cc" class="hidden form-group row"><textarea name="_cc" id="_cc" role="combobox"></textarea>
          <ul class="form-control recipient-input"><li class="input"><input type="text"></li></ul></div>
        <div id="compose_bcc" class="hidden form-group row"><textarea name="_bcc" id="_bcc" role="combobox"></textarea>
          <ul class="form-control recipient-input"><li class="input"><input type="text"></li></ul></div>
        <input name="_subject" id="compose-subject" type="text" value="Our winter appeal">
        <div id="composebodycontainer" class="html-editor">
          <textarea name="_message" id="composebody" class="form-control" data-html-editor="1">${body}</textarea>
          <div class="editor-toolbar"><a class="mce-i-html" href="#" title="HTML"></a></div>
        </div>
        ${extra}
      </form>
      <div class="formbuttons"><button class="btn btn-primary send" type="button" id="rcmbtn111">Send</button></div>
    </div>
    <div class="header"><a id="rcmbtn111-clone" href="#" class="primary send button">Send</a></div>
  </div>`;

function page(html: string, bodyClass = 'task-mail action-compose') {
  document.body.className = bodyClass;
  document.body.innerHTML = html;
}

/** TinyMCE's editor frame, as the page has it in HTML mode: srcless, same-origin, body editable. */
function addTinyMce(bodyHtml: string): HTMLIFrameElement {
  const textarea = document.getElementById('composebody')!;
  textarea.style.display = 'none';
  const box = document.createElement('div');
  box.className = 'tox tox-tinymce';
  const frame = document.createElement('iframe');
  frame.id = 'composebody_ifr';
  frame.className = 'tox-edit-area__iframe';
  // happy-dom only renders srcdoc frames; the real one is srcless and written by TinyMCE.
  frame.setAttribute(
    'srcdoc',
    `<body id="tinymce" class="mce-content-body" data-id="composebody" contenteditable="true">${bodyHtml}</body>`,
  );
  box.append(frame);
  textarea.after(box);
  // happy-dom leaves frameElement unset for child windows; a browser sets it.
  Object.defineProperty(frame.contentWindow!, 'frameElement', { value: frame, configurable: true });
  return frame;
}

afterEach(() => {
  document.body.innerHTML = '';
  document.body.className = '';
});

describe('matching', () => {
  test('the compose URL matches on any host; other Roundcube pages and other sites do not', () => {
    const at = (search: string) => ({ hostname: 'webmail.example.org', pathname: '/', search });
    expect(roundcubeAdapter.matches(at('?_task=mail&_action=compose&_id=abc'))).toBe(true);
    expect(roundcubeAdapter.matches(at('?_task=mail&_reply_uid=4&_mbox=INBOX&_action=compose'))).toBe(true);
    expect(roundcubeAdapter.matches(at('?_task=mail&_mbox=INBOX'))).toBe(false);
    expect(roundcubeAdapter.matches(at('?_action=composer'))).toBe(false);
    expect(roundcubeAdapter.matches({ hostname: 'mail.google.com', pathname: '/mail/u/0/' })).toBe(false);
  });

  test('the DOM sniff recognises a compose page whose URL does not say so', () => {
    page(COMPOSE());
    expect(isRoundcubeComposePage({ search: '' }, document)).toBe(true);
    page(COMPOSE(), '');
    expect(isRoundcubeComposePage({ search: '' }, document)).toBe(true); // form[name=form] holds #composebody
    page('<form name="form"><textarea id="other"></textarea></form>', '');
    expect(isRoundcubeComposePage({ search: '' }, document)).toBe(false);
    expect(isRoundcubeComposePage({ search: '' }, undefined)).toBe(false);
  });

  test('on a Roundcube compose page the registry tries roundcube before generic', () => {
    const ids = adaptersFor({
      hostname: 'mail.example.org',
      pathname: '/roundcube/',
      search: '?_task=mail&_action=compose',
    } as Location).map((a) => a.id);
    expect(ids.slice(-2)).toEqual(['roundcube', 'generic']);
  });

  test('finds nothing on a page that is not a Roundcube compose', () => {
    page('<form><textarea id="composebody"></textarea></form>', '');
    expect(roundcubeAdapter.findComposers(document)).toEqual([]);
    expect(roundcubeAdapter.composerFor(document.getElementById('composebody')!)).toBeNull();
  });
});

describe('plain-text mode', () => {
  test('finds the textarea, reads subject, recipients and the value as typed', () => {
    page(COMPOSE('Please donate today.'));
    (document.getElementById('_to') as HTMLTextAreaElement).value =
      'Bob Shop <bob@example.test>, "Smith, Ann" <ann@example.org>, carol@example.org,';
    (document.getElementById('_bcc') as HTMLTextAreaElement).value = 'dave@example.org';
    const [ref, ...rest] = roundcubeAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(ref?.adapterId).toBe('roundcube');
    expect(ref?.kind).toBe('textarea');
    expect(ref?.editor.id).toBe('composebody');
    expect(ref?.root.id).toBe('compose-content');
    const draft = ref!.readDraft();
    expect(draft.subject).toBe('Our winter appeal');
    expect(draft.body.text).toBe('Please donate today.');
    expect(draft.body.rangeFor(0, 6)).toBeNull();
    expect(draft.recipients).toEqual({
      to: ['Bob Shop <bob@example.test>', '"Smith, Ann" <ann@example.org>', 'carol@example.org'],
      cc: [],
      bcc: ['dave@example.org'],
    });
    expect(ref!.isConnected()).toBe(true);
  });

  test('a bottom-posted reply: the intro is blanked (offsets kept), the quote and signature are left to the core', () => {
    const value =
      'On 2026-11-23 10:00, Bob Shop wrote:\n> Big spring sale! 50% off everything.\n\n' +
      'Please donate to our winter appeal today.\n-- \nAlice\nHope Trust';
    page(COMPOSE());
    (document.getElementById('composebody') as HTMLTextAreaElement).value = value;
    const text = roundcubeAdapter.findComposers(document)[0]!.readDraft().body.text;
    expect(text).toHaveLength(value.length);
    expect(text.startsWith(' '.repeat(36))).toBe(true);
    expect(text.slice(36)).toBe(value.slice(36));
    // What the core then judges: the reply below the quote only.
    const judged = segmentBody(text)
      .judged.map((r) => text.slice(r.start, r.end))
      .join('')
      .trim();
    expect(judged).toBe('Please donate to our winter appeal today.');
  });

  test('observes the subject and the recipient rows; sends through both Send controls; Ctrl+Enter', () => {
    page(COMPOSE('x'));
    const ref = roundcubeAdapter.findComposers(document)[0]!;
    const { body, fields } = ref.observeTargets();
    expect(body.id).toBe('composebody');
    expect(fields.map((f) => f.id)).toEqual(['compose-subject', 'compose_to', 'compose_cc', 'compose_bcc']);
    expect(ref.sendControls().map((el) => el.id)).toEqual(['rcmbtn111', 'rcmbtn111-clone']);
    const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);
    expect(ref.isSendShortcut(key({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(ref.isSendShortcut(key({ key: 'Enter', metaKey: true }))).toBe(true);
    expect(ref.isSendShortcut(key({ key: 'Enter' }))).toBe(false);
  });

  test('focus on the subject or a recipient input resolves to the compose; focus elsewhere does not', () => {
    page(`${COMPOSE('Hello')}<input id="search" type="text">`);
    expect(roundcubeAdapter.composerFor(document.getElementById('compose-subject')!)?.editor.id).toBe(
      'composebody',
    );
    const chipInput = document.querySelector<HTMLElement>('#compose_to li.input input')!;
    expect(roundcubeAdapter.composerFor(chipInput)?.editor.id).toBe('composebody');
    expect(roundcubeAdapter.composerFor(document.getElementById('search')!)).toBeNull();
  });

  test('a disabled or hidden textarea is not a composer', () => {
    page(COMPOSE('Hello'));
    const ta = document.getElementById('composebody') as HTMLTextAreaElement;
    ta.disabled = true;
    expect(roundcubeAdapter.findComposers(document)).toEqual([]);
  });
});

describe('HTML (TinyMCE) mode', () => {
  test('finds the frame body; quotes, the reply intro and bogus nodes are left out', () => {
    page(COMPOSE());
    const frame = addTinyMce(
      '<p>Please donate today.</p><p id="reply-intro">On 2026-11-23 10:00, Bob Shop wrote:</p>' +
        '<blockquote><p>Big spring sale! 50% off.</p></blockquote>' +
        '<p>Thanks again.</p><div data-mce-bogus="all">handle</div>',
    );
    const refs = roundcubeAdapter.findComposers(document);
    expect(refs).toHaveLength(1);
    const ref = refs[0]!;
    expect(ref.kind).toBe('contenteditable');
    expect(ref.editor.id).toBe('tinymce');
    expect(ref.editor.ownerDocument).toBe(frame.contentDocument);
    expect(ref.root.id).toBe('compose-content');
    const draft = ref.readDraft();
    expect(draft.subject).toBe('Our winter appeal');
    expect(draft.body.text).toBe('Please donate today.\nThanks again.\n');
    const range = draft.body.rangeFor(7, 13);
    expect(range?.toString()).toBe('donate');
    expect(range?.startContainer.ownerDocument).toBe(frame.contentDocument);
    expect(ref.isConnected()).toBe(true);
  });

  test('a plain reply switched to HTML keeps its intro as a bare line: it is blanked, the reply below is kept', () => {
    page(COMPOSE());
    addTinyMce(
      '<div class="pre">On 2026-11-23 10:00, Bob Shop wrote:<blockquote>Big sale! 50% off.</blockquote></div>' +
        '<p>Please donate today.</p>',
    );
    const text = roundcubeAdapter.findComposers(document)[0]!.readDraft().body.text;
    expect(text.trim()).toBe('Please donate today.');
    expect(text.indexOf('Please')).toBe('On 2026-11-23 10:00, Bob Shop wrote:\n'.length);
  });

  test('the signature stays when it starts with the "-- " separator (the core treats it as one), else it is left out', () => {
    page(COMPOSE());
    const frame = addTinyMce('<p>Appeal text.</p><div id="_rc_sig">--&nbsp;<br>Alice<br>Hope Trust</div>');
    const ref = roundcubeAdapter.findComposers(document)[0]!;
    const text = ref.readDraft().body.text;
    expect(text).toBe('Appeal text.\n--\u00a0\nAlice\nHope Trust\n');
    expect(segmentBody(text).signature).not.toBeNull();
    frame.contentDocument!.getElementById('_rc_sig')!.innerHTML = 'Alice<br>Hope Trust';
    expect(ref.readDraft().body.text).toBe('Appeal text.\n');
  });

  test('the frame body is claimed by focus inside it; switching back to plain text ends it', () => {
    page(COMPOSE());
    const frame = addTinyMce('<p id="p">Hello</p>');
    const p = frame.contentDocument!.getElementById('p')!;
    const ref = roundcubeAdapter.composerFor(p);
    expect(ref?.editor.id).toBe('tinymce');
    // The hidden textarea is no composer while TinyMCE is on.
    expect(roundcubeAdapter.composerFor(document.getElementById('composebody')!)?.editor.id).toBe('tinymce');
    // Back to plain text: TinyMCE removes its box and shows the textarea again.
    frame.parentElement!.remove();
    document.getElementById('composebody')!.style.display = '';
    expect(ref!.isConnected()).toBe(false);
    expect(roundcubeAdapter.findComposers(document)[0]?.kind).toBe('textarea');
  });

  test('a frame body TinyMCE has not made editable yet is not a composer', () => {
    page(COMPOSE());
    const frame = addTinyMce('<p>x</p>');
    frame.contentDocument!.body.removeAttribute('contenteditable');
    expect(roundcubeAdapter.findComposers(document)).toEqual([]);
  });

  test('a frame that is not TinyMCE’s is left to other adapters', () => {
    page(COMPOSE('x'));
    const other = document.createElement('iframe');
    other.setAttribute('srcdoc', '<body contenteditable="true"><p id="q">Other</p></body>');
    document.body.append(other);
    Object.defineProperty(other.contentWindow!, 'frameElement', { value: other, configurable: true });
    expect(roundcubeAdapter.composerFor(other.contentDocument!.getElementById('q')!)).toBeNull();
  });
});

describe('recipients', () => {
  test.each([
    ['empty', '', []],
    ['trailing comma', 'bob@example.test,', ['bob@example.test']],
    ['name and angle address', 'Bob Shop <bob@example.test>, ', ['Bob Shop <bob@example.test>']],
    [
      'quoted name with a comma',
      '"Smith, Ann" <ann@example.org>,carol@example.org',
      ['"Smith, Ann" <ann@example.org>', 'carol@example.org'],
    ],
    ['semicolons and new lines', 'a@x.org; b@x.org\nc@x.org', ['a@x.org', 'b@x.org', 'c@x.org']],
    ['escaped quote in a name', '"Ann \\"Jo\\", Smith" <ann@x.org>', ['"Ann \\"Jo\\", Smith" <ann@x.org>']],
    ['a half-typed name without address is dropped', 'Bob, carol@example.org', ['carol@example.org']],
    [
      'a quote left open is read as a character',
      '"Ann <ann@x.org>, bob@x.org',
      ['"Ann <ann@x.org>', 'bob@x.org'],
    ],
  ])('%s', (_name, value, expected) => {
    expect(parseRecipientList(value)).toEqual(expected);
  });

  test('chips are the fallback when a hidden list is missing', () => {
    page(COMPOSE('x'));
    document.getElementById('_to')!.remove();
    const ul = document.querySelector('#compose_to ul')!;
    for (const [name, addr] of [
      ['Person 1', 'p1@example.org'],
      ['Person 2', 'p2@example.org'],
    ]) {
      const li = document.createElement('li');
      li.className = 'recipient';
      li.title = `${name} <${addr}>`;
      ul.prepend(li);
    }
    expect(roundcubeRecipients(document.getElementById('compose-content')!).to).toEqual([
      'Person 2 <p2@example.org>',
      'Person 1 <p1@example.org>',
    ]);
  });

  test('60 recipients are all read', () => {
    page(COMPOSE('x'));
    (document.getElementById('_to') as HTMLTextAreaElement).value = Array.from(
      { length: 60 },
      (_, i) => `Person ${i} <p${i}@example.org>`,
    ).join(', ');
    expect(roundcubeAdapter.findComposers(document)[0]!.readDraft().recipients.to).toHaveLength(60);
  });
});

describe('missing parts never throw', () => {
  test('no subject, no recipient fields, no Send button, no compose-content', () => {
    page(
      '<form name="form"><textarea id="composebody" name="_message">Donate now</textarea></form>',
      'task-mail action-compose',
    );
    const ref = roundcubeAdapter.findComposers(document)[0]!;
    expect(ref.root.tagName).toBe('FORM');
    const draft = ref.readDraft();
    expect(draft).toMatchObject({ subject: '', recipients: { to: [], cc: [], bcc: [] } });
    expect(draft.body.text).toBe('Donate now');
    expect(ref.observeTargets().fields).toEqual([]);
    expect(ref.sendControls()).toEqual([]);
  });

  test('a compose page without a body (still loading) finds nothing', () => {
    page('<form name="form"></form>');
    expect(roundcubeAdapter.findComposers(document)).toEqual([]);
    expect(roundcubeAdapter.composerFor(document.querySelector('form')!)).toBeNull();
  });

  test('a removed compose is not connected', () => {
    page(COMPOSE('x'));
    const ref = roundcubeAdapter.findComposers(document)[0]!;
    document.getElementById('layout-content')!.remove();
    expect(ref.isConnected()).toBe(false);
  });
});

describe('blankReplyIntros', () => {
  test('needs a quote line after it in plain text, and keeps every offset', () => {
    const lone = 'On Monday the council wrote:\nWe will collect bins on Tuesday.';
    expect(blankReplyIntros(lone, true)).toBe(lone);
    const crlf = 'Hi\r\nOn 1 Jan, Bob wrote:\r\n> q\r\n';
    const out = blankReplyIntros(crlf, true);
    expect(out).toHaveLength(crlf.length);
    expect(out).toBe(`Hi\r\n${' '.repeat('On 1 Jan, Bob wrote:'.length)}\r\n> q\r\n`);
    expect(blankReplyIntros(lone, false)).toBe(`${' '.repeat(28)}\nWe will collect bins on Tuesday.`);
  });
});
