/**
 * Reads the plain text of an editor (contenteditable element or iframe body) without changing it, and keeps a
 * map from text offsets back to DOM positions, so findings can become Ranges for the CSS Custom Highlight API.
 * Read-only by design: no writes, no attributes, no focus or selection changes, no innerText (it forces layout).
 */

/** Elements that start a new line in the text (a paragraph or a line break in the composer). */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
/** Never text: scripts, styles, templates, embedded objects. */
const NOT_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'IFRAME',
  'OBJECT',
  'SVG',
  'IMG',
  'VIDEO',
  'AUDIO',
  'CANVAS',
]);

export interface ReadOptions {
  /** Elements to leave out with their subtree (quoted history, signatures); checked once per element. */
  skip?: (el: Element) => boolean;
  /** Stop reading after this many characters (keeps huge drafts bounded). */
  maxChars?: number;
}

/** One run of text that comes from one text node. Synthetic newlines belong to no node. */
interface Segment {
  start: number;
  end: number;
  node: Text;
  /** Offset in the node's data where this segment starts. */
  nodeOffset: number;
}

export interface EditorText {
  text: string;
  /** True when reading stopped at maxChars. */
  truncated: boolean;
  /** A DOM Range for text offsets [start, end), or null if they fall outside any text node. */
  rangeFor(start: number, end: number): Range | null;
}

export function readEditorText(root: Element, options: ReadOptions = {}): EditorText {
  const { skip, maxChars = Number.POSITIVE_INFINITY } = options;
  const doc = root.ownerDocument;
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let truncated = false;
  /** True when the text so far ends with a line break (or is empty): avoids stacking blank lines. */
  let atLineStart = true;

  const newline = () => {
    if (atLineStart) return;
    parts.push('\n');
    length += 1;
    atLineStart = true;
  };

  const visit = (node: Node) => {
    if (truncated) return;
    if (node.nodeType === 3) {
      const text = node as Text;
      let data = text.data;
      if (!data) return;
      if (length + data.length > maxChars) {
        data = data.slice(0, Math.max(0, maxChars - length));
        truncated = true;
      }
      segments.push({ start: length, end: length + data.length, node: text, nodeOffset: 0 });
      parts.push(data);
      length += data.length;
      if (data.length) atLineStart = data.endsWith('\n');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (NOT_TEXT.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return;
    if (skip?.(el)) return;
    if (tag === 'BR') {
      parts.push('\n');
      length += 1;
      atLineStart = true;
      return;
    }
    const block = BLOCK.has(tag);
    if (block) newline();
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (block) newline();
  };

  for (let child = root.firstChild; child; child = child.nextSibling) visit(child);
  const text = parts.join('');

  /** The segment holding offset `at` (for an end offset, the one it closes). */
  const find = (at: number, isEnd: boolean): Segment | undefined => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid]!;
      if (isEnd ? at <= s.start : at < s.start) hi = mid - 1;
      else if (isEnd ? at > s.end : at >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  };

  return {
    text,
    truncated,
    rangeFor(start, end) {
      if (start < 0 || end > text.length || end <= start) return null;
      // Synthetic newlines map to no node: move inwards to the nearest real text.
      let a = find(start, false);
      let s = start;
      while (!a && s < end) a = find(++s, false);
      let b = find(end, true);
      let e = end;
      while (!b && e > s) b = find(--e, true);
      if (!a || !b || e <= s) return null;
      const range = doc.createRange();
      range.setStart(a.node, a.nodeOffset + (s - a.start));
      range.setEnd(b.node, b.nodeOffset + (e - b.start));
      return range;
    },
  };
}
