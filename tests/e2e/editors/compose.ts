/**
 * A plain compose form, as a webmail might build one, around one real editor installed from npm (issue 11):
 * roosterjs (Outlook on the web's editor), CKEditor 5, TinyMCE, Quill, ProseMirror, Lexical (rich and plain
 * text), Tiptap, or a textarea. Bundled by tests/e2e/editors/matrix.ts with esbuild; the page's name picks it.
 *
 * Like a reply form, the page focuses its editor itself at load, so the test types without clicking first.
 * The stand-in webmail: Send (or Ctrl/⌘+Enter) appends one record with the editor's own serialisation to
 * `#fixture-sent` and closes the form; `?slow=MS` keeps the form open that long after Send, with no sign of
 * sending at all (a slow server, the worst case for the guard); `?late=MS` (TinyMCE) leaves its textarea plain
 * that long before the editor takes it over, as a page that upgrades its editor after load does; `?preview` (the
 * textarea) adds Write and Preview tabs, Preview hiding the textarea.
 * `window.__compose.serialize()` is the editor's
 * own output (getData, getHTML, its JSON state…), compared byte for byte with and without the extension.
 */
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerPlainText } from '@lexical/plain-text';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { Editor as TiptapEditor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Bold, ClassicEditor, Essentials, Italic, Paragraph } from 'ckeditor5';
import { $createParagraphNode, $getRoot, createEditor as createLexical } from 'lexical';
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import Quill from 'quill';
import { createEditor as createRooster, exportContent } from 'roosterjs';

interface Compose {
  /** The editor's own serialisation of the draft. */
  serialize(): string;
  /** The element that holds the text (in TinyMCE's case, inside its frame). */
  editable(): HTMLElement;
  ready: boolean;
}

declare global {
  interface Window {
    __compose: Compose;
    tinymce?: {
      init(
        o: Record<string, unknown>,
      ): Promise<{ getContent(): string; getBody(): HTMLElement; focus(): void }[]>;
    };
  }
}

const params = new URLSearchParams(location.search);
/** The page's name says which editor: /quill.html, /tinymce.html… */
const kind = /\/([a-z0-9-]+)\.html$/.exec(location.pathname)?.[1] ?? 'textarea';
const slowMs = Number(params.get('slow') ?? 0);
const lateMs = Number(params.get('late') ?? 0);
const preview = params.has('preview');
const box = document.getElementById('editor-box') as HTMLDivElement;
const form = document.getElementById('compose') as HTMLFormElement;

async function done(compose: Omit<Compose, 'ready'>, focus: () => unknown) {
  window.__compose = { ...compose, ready: true };
  // A reply form puts the cursor in the editor itself.
  await focus();
  document.documentElement.dataset.editor = kind;
  document.documentElement.dataset.ready = '1';
}

function contentDiv(): HTMLDivElement {
  const div = document.createElement('div');
  div.id = 'editor';
  div.className = 'editable';
  box.append(div);
  return div;
}

async function start() {
  switch (kind) {
    case 'roosterjs': {
      const div = contentDiv();
      const editor = createRooster(div);
      await done({ serialize: () => exportContent(editor, 'HTML'), editable: () => div }, () =>
        editor.focus(),
      );
      return;
    }
    case 'ckeditor5': {
      const holder = contentDiv();
      const editor = await ClassicEditor.create(holder, {
        licenseKey: 'GPL',
        plugins: [Essentials, Paragraph, Bold, Italic],
        toolbar: ['bold', 'italic', 'undo', 'redo'],
      });
      const editable = () => editor.ui.getEditableElement() as HTMLElement;
      await done({ serialize: () => editor.getData(), editable }, () => editor.editing.view.focus());
      return;
    }
    case 'tinymce': {
      const area = document.createElement('textarea');
      area.id = 'editor';
      box.append(area);
      if (lateMs > 0) await new Promise((resolve) => setTimeout(resolve, lateMs));
      const [editor] = await window.tinymce!.init({
        target: area,
        license_key: 'gpl',
        menubar: false,
        statusbar: false,
        promotion: false,
        branding: false,
        toolbar: 'bold italic undo redo',
        height: 320,
      });
      await done({ serialize: () => editor!.getContent(), editable: () => editor!.getBody() }, () =>
        editor!.focus(),
      );
      return;
    }
    case 'quill': {
      const div = contentDiv();
      const quill = new Quill(div, { theme: 'snow' });
      await done({ serialize: () => JSON.stringify(quill.getContents()), editable: () => quill.root }, () =>
        quill.focus(),
      );
      return;
    }
    case 'prosemirror': {
      const div = contentDiv();
      const view = new EditorView(div, {
        state: EditorState.create({
          schema,
          plugins: [
            history(),
            keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }),
            keymap(baseKeymap),
          ],
        }),
      });
      await done({ serialize: () => JSON.stringify(view.state.doc.toJSON()), editable: () => view.dom }, () =>
        view.focus(),
      );
      return;
    }
    case 'lexical-rich':
    case 'lexical-plain': {
      const div = contentDiv();
      div.contentEditable = 'true';
      const editor = createLexical({
        namespace: 'compose',
        nodes: kind === 'lexical-rich' ? [HeadingNode, QuoteNode] : [],
        onError: (e: Error) => {
          throw e;
        },
      });
      editor.setRootElement(div);
      if (kind === 'lexical-rich') registerRichText(editor);
      else registerPlainText(editor);
      registerHistory(editor, createEmptyHistoryState(), 300);
      // An empty paragraph to type into, as Lexical's own composer starts with (an empty root takes no focus).
      editor.update(
        () => {
          const root = $getRoot();
          if (root.isEmpty()) root.append($createParagraphNode());
        },
        { discrete: true },
      );
      await done(
        { serialize: () => JSON.stringify(editor.getEditorState().toJSON()), editable: () => div },
        () => new Promise<void>((resolve) => editor.focus(() => resolve())),
      );
      return;
    }
    case 'tiptap': {
      const div = contentDiv();
      const editor = new TiptapEditor({ element: div, extensions: [StarterKit] });
      await done({ serialize: () => editor.getHTML(), editable: () => editor.view.dom as HTMLElement }, () =>
        editor.commands.focus('end'),
      );
      return;
    }
    default: {
      const area = document.createElement('textarea');
      area.id = 'editor';
      area.name = 'body';
      area.rows = 12;
      box.append(area);
      if (preview) addPreviewTabs(area);
      await done({ serialize: () => area.value, editable: () => area }, () => area.focus());
    }
  }
}

/**
 * Write and Preview tabs over the textarea, as GitHub's and many forums' composers have: Preview hides the textarea
 * (it stays in the form and is still what Send submits) and shows the text; Write shows the textarea again.
 */
function addPreviewTabs(area: HTMLTextAreaElement) {
  const shown = document.createElement('div');
  shown.id = 'preview';
  shown.hidden = true;
  const tab = (label: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = `tab-${label.toLowerCase()}`;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };
  box.before(
    tab('Write', () => {
      area.hidden = false;
      shown.hidden = true;
    }),
    tab('Preview', () => {
      shown.textContent = area.value;
      area.hidden = true;
      shown.hidden = false;
    }),
  );
  box.append(shown);
}

/** The stand-in webmail's send: one record per send it acts on, then the form closes (at once, or after slowMs). */
function send(how: string) {
  if (!form.isConnected) return;
  const li = document.createElement('li');
  li.dataset.how = how;
  li.dataset.subject = (document.getElementById('subject') as HTMLInputElement).value;
  li.dataset.body = window.__compose.serialize();
  document.getElementById('fixture-sent')!.append(li);
  if (slowMs > 0) setTimeout(() => form.remove(), slowMs);
  else form.remove();
}

document.getElementById('send')!.addEventListener('click', () => send('click'));
document.addEventListener(
  'keydown',
  (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && form.contains(e.target as Node)) {
      e.preventDefault();
      send('shortcut');
    }
  },
  true,
);

void start();
