// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { gmailAdapter, gmailComposeId } from './gmail.ts';
import { adaptersFor } from './index.ts';

/** Builds a fixture page. Test fixture only: the code under test never writes markup. */
function page(html: string) {
  document.body.innerHTML = html;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const chip = (addr: string) =>
  `<div role="option" data-name="${addr.split('@')[0]}" data-hovercard-id="${addr}"><span>${addr}</span></div>`;

const MOLE = `
  <div role="dialog">
    <div class="M9" id="m9">
      <form><input type="hidden" name="composeid" value="c123"/><input type="hidden" name="subject" value="old"/></form>
      <div class="anm" name="to"><div role="listbox">${chip('a@example.org')}${chip('b@example.org')}${chip('a@example.org')}</div><input peoplekit-id="x"/></div>
      <div class="anm" name="cc"><div role="listbox">${chip('c@example.org')}</div></div>
      <input name="subjectbox" value="Our winter appeal"/>
      <div class="Ap"><div id="body" class="Am Al editable" g_editable="true" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Cuerpo del mensaje">
        <div>Please <b id="b">donate</b> today.</div>
        <div class="gmail_signature">Jo, Fundraising</div>
        <div class="gmail_quote">On Monday Bob wrote: 20% off everything</div>
      </div></div>
      <textarea id="nosend" form="nosend" aria-label="Message Body"></textarea>
    </div>
  </div>`;

const CLASSIC = `
  <div class="M9" id="m9">
    <table class="GS"><tr><td><div name="to">
      <span class="vR"><input type="hidden" name="to" value="Ann &lt;ann@example.org&gt;"/></span>
      <span class="vR"><input type="hidden" name="to" value="bob@example.org"/></span>
    </div><textarea class="vO" name="to"></textarea></td></tr>
    <tr><td><span class="vR"><input type="hidden" name="bcc" value="zed@example.org"/></span></td></tr></table>
    <input type="hidden" name="subject" value="Re: meeting"/>
    <div id="body" contenteditable="true" role="textbox" aria-multiline="true">Thanks</div>
  </div>`;

describe('gmailAdapter', () => {
  test('matches mail.google.com (and its loopback fixture), before generic in the registry', () => {
    expect(gmailAdapter.matches({ hostname: 'mail.google.com', pathname: '/mail/u/0/' })).toBe(true);
    expect(gmailAdapter.matches({ hostname: 'example.org', pathname: '/' })).toBe(false);
    expect(gmailAdapter.matches({ hostname: '127.0.0.1', pathname: '/gmail.html' })).toBe(true);
    expect(gmailAdapter.matches({ hostname: 'example.org', pathname: '/gmail.html' })).toBe(false);
    const ids = adaptersFor({ hostname: 'mail.google.com', pathname: '/' }).map((a) => a.id);
    expect(ids).toEqual(['gmail', 'generic']);
  });

  test('finds the compose, reads subjectbox, chips and the body without quote and signature', () => {
    page(MOLE);
    const [ref, ...rest] = gmailAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(ref?.adapterId).toBe('gmail');
    expect(ref?.editor.id).toBe('body');
    expect(ref?.root.id).toBe('m9');
    const draft = ref!.readDraft();
    expect(draft.subject).toBe('Our winter appeal');
    expect(draft.body.text).toContain('Please donate today.');
    expect(draft.body.text).not.toMatch(/20% off|Fundraising/);
    expect(draft.recipients).toEqual({
      to: ['a@example.org', 'b@example.org'],
      cc: ['c@example.org'],
      bcc: [],
    });
    const start = draft.body.text.indexOf('donate');
    expect(draft.body.rangeFor(start, start + 6)?.toString()).toBe('donate');
    expect(gmailComposeId(ref!.root)).toBe('c123');
    const fields = ref!.observeTargets().fields.map((f) => f.getAttribute('name'));
    expect(fields).toEqual(['subjectbox', 'to', 'cc']);
  });

  test('classic recipients come from hidden inputs; replies fall back to the hidden subject', () => {
    page(CLASSIC);
    const draft = gmailAdapter.findComposers(document)[0]!.readDraft();
    expect(draft.subject).toBe('Re: meeting');
    expect(draft.recipients).toEqual({
      to: ['Ann <ann@example.org>', 'bob@example.org'],
      cc: [],
      bcc: ['zed@example.org'],
    });
  });

  test('never takes the nosend textarea for the body; focus in the subject finds the body', () => {
    page(MOLE);
    expect(gmailAdapter.composerFor(document.getElementById('nosend')!)?.editor.id).toBe('body');
    expect(gmailAdapter.composerFor(document.querySelector('[name=subjectbox]')!)?.editor.id).toBe('body');
    expect(gmailAdapter.composerFor(document.getElementById('b')!)?.editor.id).toBe('body');
    page('<input id="search" name="q"/>');
    expect(gmailAdapter.composerFor(document.getElementById('search')!)).toBeNull();
  });

  test('inline replies and several composes each get their own ref', () => {
    page(
      `${MOLE}<div class="ip adB"><div class="M9" id="reply"><div id="r" g_editable="true" contenteditable="true">Hi<div class="gmail_quote">Buy now</div></div></div></div>`,
    );
    const refs = gmailAdapter.findComposers(document);
    expect(refs.map((r) => r.editor.id)).toEqual(['body', 'r']);
    expect(refs[1]!.root.id).toBe('reply');
    expect(refs[1]!.readDraft().body.text.trim()).toBe('Hi');
    expect(gmailAdapter.findComposers(document.getElementById('reply')!)).toHaveLength(1);
  });

  test('reading never changes the compose; isConnected follows removal', () => {
    page(MOLE);
    const before = document.body.innerHTML;
    const ref = gmailAdapter.findComposers(document)[0]!;
    ref.readDraft();
    ref.observeTargets();
    expect(document.body.innerHTML).toBe(before);
    expect(ref.isConnected()).toBe(true);
    document.getElementById('m9')!.remove();
    expect(ref.isConnected()).toBe(false);
  });
});
