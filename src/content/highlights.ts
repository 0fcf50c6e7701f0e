/**
 * Live highlights through the CSS Custom Highlight API: ranges only, so the editor's DOM is never touched.
 * The highlight registry is per document, so state is kept per document: one Highlight per purpose holds the
 * ranges of every composer in that document, and the `::highlight()` rules go into that document's
 * `adoptedStyleSheets` (never into the editor). Everything fails open: without the API there are no highlights.
 */
import type { Purpose } from '../core/index.ts';

export const HIGHLIGHT_NAME = {
  promotional: 'mrc-promotional',
  fundraising: 'mrc-fundraising',
  campaigning: 'mrc-campaigning',
} as const satisfies Record<Purpose, string>;
/** The phrase the writer just picked in the panel (briefly stronger). */
export const CURRENT_HIGHLIGHT = 'mrc-current';

const PURPOSE_KEYS = Object.keys(HIGHLIGHT_NAME) as Purpose[];

/**
 * Underline plus background, with a different underline style per purpose: never colour alone. The textarea mirror
 * (textarea-mirror.ts) reuses these declarations for its marks, so both kinds of editor look the same.
 */
export const HIGHLIGHT_CSS = `
::highlight(mrc-promotional) { background-color: rgb(255 190 0 / 0.25); text-decoration: underline dotted 2px rgb(160 100 0); }
::highlight(mrc-fundraising) { background-color: rgb(0 140 255 / 0.18); text-decoration: underline wavy 1px rgb(0 90 190); }
::highlight(mrc-campaigning) { background-color: rgb(170 60 255 / 0.18); text-decoration: underline dashed 2px rgb(120 40 190); }
::highlight(mrc-current) { background-color: rgb(255 220 0 / 0.6); text-decoration: underline solid 2px currentColor; }
@media (prefers-color-scheme: dark) {
  ::highlight(mrc-promotional) { background-color: rgb(255 190 0 / 0.28); text-decoration-color: rgb(255 200 90); }
  ::highlight(mrc-fundraising) { background-color: rgb(80 170 255 / 0.28); text-decoration-color: rgb(140 200 255); }
  ::highlight(mrc-campaigning) { background-color: rgb(190 120 255 / 0.28); text-decoration-color: rgb(210 170 255); }
  ::highlight(mrc-current) { background-color: rgb(255 220 0 / 0.4); }
}
@media (forced-colors: active) {
  ::highlight(mrc-promotional), ::highlight(mrc-fundraising), ::highlight(mrc-campaigning) { background-color: Mark; color: MarkText; }
}
`;

export type RangesByPurpose = Partial<Record<Purpose, Range[]>>;

interface DocState {
  sheet: CSSStyleSheet | null;
  owners: Map<object, RangesByPurpose>;
  flashTimer?: ReturnType<typeof setTimeout>;
}

type HighlightWindow = Window & typeof globalThis;
const docs = new WeakMap<Document, DocState>();

function api(doc: Document) {
  const win = doc.defaultView as HighlightWindow | null;
  const registry = win?.CSS?.highlights;
  const Ctor = win?.Highlight;
  return registry && typeof Ctor === 'function' ? { registry, Ctor } : null;
}

function installSheet(doc: Document, state: DocState) {
  if (state.sheet) return;
  try {
    const win = doc.defaultView as HighlightWindow | null;
    if (!win || !('adoptedStyleSheets' in doc)) return;
    // Built from the document's own window, as adoptedStyleSheets requires.
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    state.sheet = sheet;
  } catch {
    // No styles: highlights stay invisible, nothing breaks.
  }
}

function removeSheet(doc: Document, state: DocState) {
  const sheet = state.sheet;
  if (!sheet) return;
  state.sheet = null;
  try {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  } catch {
    // Nothing to undo.
  }
}

function sync(doc: Document, state: DocState) {
  const a = api(doc);
  if (!a) return;
  for (const purpose of PURPOSE_KEYS) {
    const ranges: Range[] = [];
    for (const byPurpose of state.owners.values()) ranges.push(...(byPurpose[purpose] ?? []));
    if (ranges.length) a.registry.set(HIGHLIGHT_NAME[purpose], new a.Ctor(...ranges));
    else a.registry.delete(HIGHLIGHT_NAME[purpose]);
  }
}

/** Replaces the ranges one owner (a composer session) contributes to its document's highlights. */
export function setHighlights(doc: Document, owner: object, ranges: RangesByPurpose): void {
  try {
    if (!api(doc)) return;
    let state = docs.get(doc);
    if (!state) {
      state = { sheet: null, owners: new Map() };
      docs.set(doc, state);
    }
    state.owners.set(owner, ranges);
    installSheet(doc, state);
    sync(doc, state);
  } catch {
    // Fail open: no highlights.
  }
}

/** Removes one owner's ranges; the last owner out also removes the styles. */
export function clearHighlights(doc: Document, owner: object): void {
  try {
    const state = docs.get(doc);
    if (!state?.owners.delete(owner)) return;
    sync(doc, state);
    if (state.owners.size === 0) {
      api(doc)?.registry.delete(CURRENT_HIGHLIGHT);
      removeSheet(doc, state);
      docs.delete(doc);
    }
  } catch {
    // Nothing to undo.
  }
}

/** Briefly marks one range more strongly (after the writer picks a phrase in the panel). */
export function flashRange(doc: Document, range: Range, ms = 1600): void {
  try {
    const a = api(doc);
    const state = docs.get(doc);
    if (!a || !state) return;
    a.registry.set(CURRENT_HIGHLIGHT, new a.Ctor(range));
    clearTimeout(state.flashTimer);
    state.flashTimer = setTimeout(() => a.registry.delete(CURRENT_HIGHLIGHT), ms);
  } catch {
    // Fail open.
  }
}
