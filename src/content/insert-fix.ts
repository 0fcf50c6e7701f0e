/**
 * Fix in one click (issue #13 item 4): puts a fix sentence into the draft through the editor's own input path,
 * only when the user clicks the fix, so the webmail's Undo removes it in one step and nothing else changes.
 *
 * - Rich editors (contenteditable, also in a frame): the caret goes to the end of the writer's own text, then
 *   `execCommand('insertParagraph')` and `execCommand('insertText')`. The browser fires `beforeinput`/`input` for
 *   each, so editors with their own model (ProseMirror, Lexical, CKEditor 5, Quill, TinyMCE, roosterjs) make the
 *   change themselves and record it in their own history; the browser's undo groups the typing commands.
 * - Textareas: `execCommand('insertText')` on the focused textarea (native undo); where the browser refuses,
 *   `setRangeText` and an `input` event, so the webmail still sees the edit.
 * The caret is placed a frame before the commands run, so editors that follow `selectionchange` know where it is.
 * On any error it stops and returns false; the panel then says to type the line by hand.
 */
import type { ComposerRef } from '../adapters/adapter.ts';
import type { EditorText } from '../adapters/dom-text.ts';

function nextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    win.requestAnimationFrame(() => win.setTimeout(finish, 0));
    // A hidden frame gets no animation frames.
    win.setTimeout(finish, 100);
  });
}

/** A collapsed range at text offset `at` of the editor's text, or null. */
function caretAt(body: EditorText, at: number): Range | null {
  const r = at > 0 ? body.rangeFor(at - 1, at) : body.rangeFor(0, Math.min(1, body.text.length));
  if (!r) return null;
  r.collapse(at === 0);
  return r;
}

async function intoTextarea(ta: HTMLTextAreaElement, at: number, text: string): Promise<boolean> {
  const doc = ta.ownerDocument;
  const insert = `${at > 0 ? '\n\n' : ''}${text}`;
  const before = ta.value;
  ta.focus();
  ta.setSelectionRange(at, at);
  let ok = false;
  try {
    ok = doc.execCommand('insertText', false, insert);
  } catch {
    ok = false;
  }
  if (ok && ta.value !== before) return true;
  ta.setRangeText(insert, at, at, 'end');
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: insert }));
  return ta.value !== before;
}

async function intoRichEditor(
  editor: HTMLElement,
  body: EditorText,
  at: number,
  text: string,
): Promise<boolean> {
  const doc = editor.ownerDocument;
  const win = doc.defaultView;
  if (!win) return false;
  const range = caretAt(body, at);
  if (!range) return false;
  win.focus();
  editor.focus({ preventScroll: true });
  const sel = win.getSelection();
  if (!sel) return false;
  sel.removeAllRanges();
  sel.addRange(range);
  await nextFrame(win);
  const before = editor.innerHTML;
  // Editors with their own model take a paste as one change, with an undo step of its own (a plain-text paste
  // never carries markup). A plain editing host ignores an untrusted paste: then the browser's typing commands.
  const data = new win.DataTransfer();
  data.setData('text/plain', at > 0 ? `\n\n${text}` : text);
  const paste = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  const target = sel.anchorNode?.nodeType === 1 ? (sel.anchorNode as Element) : sel.anchorNode?.parentElement;
  if (!(target ?? editor).dispatchEvent(paste)) {
    await nextFrame(win);
    return editor.innerHTML !== before;
  }
  if (at > 0 && !doc.execCommand('insertParagraph')) return false;
  doc.execCommand('insertText', false, text);
  return editor.innerHTML !== before;
}

/** Inserts `text` as its own paragraph at offset `at` of the draft's body (see fixOffset). */
export async function insertFix(
  ref: ComposerRef,
  body: EditorText,
  at: number,
  text: string,
): Promise<boolean> {
  try {
    if (ref.kind === 'textarea') return await intoTextarea(ref.editor as HTMLTextAreaElement, at, text);
    return await intoRichEditor(ref.editor, body, at, text);
  } catch {
    return false;
  }
}
