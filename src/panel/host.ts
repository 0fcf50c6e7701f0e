/**
 * One UI host per composer: a `<div data-mrc-host>` appended to `document.documentElement` (never inside the
 * compose DOM) with an open shadow root. The host covers nothing (zero size, pointer-events: none); only the
 * badge and the open panel take pointer events. Built with Preact and DOM APIs, never HTML strings.
 *
 * The host's attributes are a documented contract for administrators' automation and tests (README "In the
 * composer"): `data-mrc-verdict` (yes, likely, unclear, unlikely, no), `data-mrc-route`, `data-mrc-risk` (ok, review,
 * stop), `data-mrc-problems` (how many problems the risk counts), `data-mrc-checks` (a count of verdicts shown) and `data-mrc-send-check`
 * ("skipped"). They say nothing the page could not work out from its own draft; the organisation's name and the
 * settings never appear in the page.
 */
import { h, render } from 'preact';
import { placeCard, type RectLike } from '../content/hover-hit.ts';
import { assessRisk } from '../core/risk.ts';
import { startExtensionLocale } from '../i18n/extension.ts';
import { getLocale, HTML_LANG, onLocaleChange } from '../i18n/index.ts';
import { OUR_HOST_ATTRIBUTE, styledShadowRoot } from '../ui/our-ui.ts';
import { ComposerPanel, type ComposerPanelProps, SkippedBadge } from './ComposerPanel.tsx';
import { HighlightCard, type HighlightCardProps } from './HighlightCard.tsx';
import { pinHostStyle } from './host-style.ts';
import { PANEL_CSS } from './styles.ts';

type StyledWindow = Window & typeof globalThis;
let counter = 0;

export interface ComposerHost {
  host: HTMLElement;
  /** Shows the badge for a verdict, or hides everything (null: empty draft, or an error: fail open). */
  update(props: Omit<ComposerPanelProps, 'panelId'> | null): void;
  /** Moves keyboard focus to the badge (the keyboard shortcut, the popup's "Show in page"). False if none shows. */
  focusBadge(): boolean;
  /** Check at Send: marks (or clears) "check skipped" on the badge (host attribute `data-mrc-send-check`). */
  setSendCheckSkipped(skipped: boolean): void;
  /** Shows the card on a highlighted phrase (null hides it), placed clear of the phrase's lines. */
  card(props: CardRequest | null): void;
  /** Moves keyboard focus into the card while it shows (the keyboard shortcut). False when none shows. */
  focusCard(): boolean;
  destroy(): void;
}

/**
 * The card on a highlighted phrase: what it shows, and the phrase's line boxes (`line` the one pointed at) in the
 * editor document's viewport (an editor in a child frame is offset by the frame here).
 */
export interface CardRequest extends Omit<HighlightCardProps, 'cardId'> {
  line: RectLike;
  rects: RectLike[];
}

export const PANEL_WIDTH = 380;
/** The z-index of a host whose panel is closed; an open panel's host gets Z_CLOSED + 1 (the largest there is). */
export const Z_CLOSED = 2147483646;
const GAP = 8;
/** The least height worth opening the panel clear of the editor (above or below it) rather than over it. */
const MIN_CLEAR_PANEL = 240;

/**
 * Where the panel's left edge goes (viewport x). Beside the compose window when there is room (right first, then
 * left), so the panel never covers the draft; otherwise over the composer, right-aligned with the badge at `x`.
 */
export function panelLeft(root: Element, x: number, vw: number): number {
  const width = Math.min(PANEL_WIDTH, vw - 2 * GAP);
  const r = root.getBoundingClientRect();
  if (r.width > 0 && vw - r.right >= width + 2 * GAP) return r.right + GAP;
  if (r.width > 0 && r.left >= width + 2 * GAP) return r.left - GAP - width;
  return Math.max(GAP, x - width);
}

/** A vertical stretch of the viewport. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * The vertical band an open panel takes (viewport coordinates), and whether it hangs from the band's bottom
 * (`above`) or top (`below`). Beside the compose window: above or below the badge, whichever is taller. Over the
 * composer: clear of the editor, below it or above it (under `ceiling`, the bottom of its To and Subject), when that
 * leaves MIN_CLEAR_PANEL; else over the editor, under the fields, above or below the caret's line, never on it.
 */
export function panelBand(
  editor: Box,
  y: number,
  vh: number,
  beside: boolean,
  ceiling: number,
  caret: Box | null,
): { band: Band; side: 'above' | 'below' } {
  const height = (b: Band) => b.bottom - b.top;
  const taller = (a: Band, b: Band) => (height(a) >= height(b) ? a : b);
  const pick = (upper: Band, lower: Band) => {
    const band = taller(upper, lower);
    return { band, side: band === upper ? ('above' as const) : ('below' as const) };
  };
  if (beside) return pick({ top: GAP, bottom: y - 40 }, { top: y + 4, bottom: vh - GAP });
  const top = Math.max(GAP, ceiling + GAP);
  const above: Band = { top, bottom: editor.top - GAP };
  const below: Band = { top: y + 4, bottom: vh - GAP };
  if (Math.max(height(above), height(below)) >= MIN_CLEAR_PANEL) return pick(above, below);
  if (caret && caret.bottom > caret.top)
    return pick(
      { top, bottom: caret.top - GAP },
      { top: Math.max(top, caret.bottom + GAP), bottom: vh - GAP },
    );
  return pick({ top, bottom: y - 40 }, { top: Math.max(top, y + 4), bottom: vh - GAP });
}

/** The badge's margin from the editor's edges, as `.badge` in styles.ts sets it (right: 6px; bottom: 6px). */
const BADGE_INSET = 6;
/** Sample rows and columns over a candidate badge box when looking for the draft's text under it. */
const SAMPLES = [0, 1 / 3, 2 / 3, 1];

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const intersects = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * True when text of the draft lies under `box` (viewport coordinates of the host's document; `dx`, `dy` the offset
 * of the editor's frame, 0 in the same document). Bounded work: the elements under a few points of the box (hit
 * testing), and only their own text nodes' line boxes, never a walk over the whole draft.
 */
export function textUnder(editor: HTMLElement, box: Box, dx: number, dy: number): boolean {
  const doc = editor.ownerDocument;
  const seen = new Set<Element>();
  for (const fy of SAMPLES) {
    for (const fx of SAMPLES) {
      const x = box.left + (box.right - box.left) * fx - dx;
      const y = box.top + (box.bottom - box.top) * fy - dy;
      for (const el of doc.elementsFromPoint(x, y)) {
        if (seen.has(el) || !(el === editor || editor.contains(el))) continue;
        seen.add(el);
        for (const node of Array.from(el.childNodes)) {
          if (node.nodeType !== 3 || !node.nodeValue?.trim()) continue;
          const range = doc.createRange();
          range.selectNodeContents(node);
          for (const r of Array.from(range.getClientRects())) {
            const moved = { left: r.left + dx, right: r.right + dx, top: r.top + dy, bottom: r.bottom + dy };
            if (r.width > 0 && r.height > 0 && intersects(moved, box)) return true;
          }
        }
      }
    }
  }
  return false;
}

/**
 * Where the badge goes, as an offset from its home (inside the editor's bottom-right corner, whose bottom-right is
 * at `home`): the first place with none of the draft's text under it, in this order: home; beside the editor,
 * right of its bottom edge; inside its top-right corner; below it; above it. Each must lie inside the viewport.
 * Home when every place has text (a draft filling a full-width editor, with no room around it).
 */
export function badgePlace(
  editor: Box,
  home: { x: number; y: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  hasText: (box: Box) => boolean,
): { dx: number; dy: number } {
  const { width: w, height: h } = size;
  const at = (right: number, bottom: number): Box => ({ left: right - w, top: bottom - h, right, bottom });
  const candidates: Box[] = [
    at(home.x, home.y),
    at(editor.right + BADGE_INSET + w, home.y),
    at(home.x, editor.top + BADGE_INSET + h),
    at(home.x, editor.bottom + BADGE_INSET + h),
    at(home.x, editor.top - BADGE_INSET),
  ];
  const inView = (b: Box) =>
    b.left >= 0 && b.top >= 0 && b.right <= viewport.width && b.bottom <= viewport.height;
  const free = candidates.find((b) => inView(b) && !hasText(b));
  if (!free) return { dx: 0, dy: 0 };
  return { dx: Math.round(free.right - home.x), dy: Math.round(free.bottom - home.y) };
}

/**
 * The badge sits inside the editor's bottom-right corner unless the draft's text is there (then beside, above or
 * below it: badgePlace); the panel opens beside the compose window if it can.
 */
export function createComposerHost(
  editor: HTMLElement,
  root: Element,
  /** The composer's To, Cc and Subject fields: an open panel never covers them. */
  fieldsOf: () => readonly Element[] = () => [],
  /** The line box of the writer's caret in the draft (its own document's viewport), or null. */
  caretLine: () => Box | null = () => null,
): ComposerHost {
  // The host lives in the compose window's document. An editor inside a child frame (TinyMCE, Proton) is
  // represented there by its frame element: the badge sits by the frame, never inside the draft's document.
  const doc = root.ownerDocument;
  const anchorEl: Element =
    editor.ownerDocument === doc ? editor : (editor.ownerDocument.defaultView?.frameElement ?? root);
  const win = doc.defaultView as StyledWindow;
  const id = ++counter;
  const panelId = `mrc-panel-${id}`;
  const abort = new AbortController();

  const host = doc.createElement('div');
  host.setAttribute(OUR_HOST_ATTRIBUTE, String(id));
  const forId = anchorEl.id || editor.id;
  if (forId) host.setAttribute('data-mrc-for', forId);
  // Closed, one below the top: an open panel's host is raised to the top, so no other composer's badge is ever
  // painted over it (issue #13).
  pinHostStyle(host, [['z-index', String(Z_CLOSED)]]);
  const shadow = styledShadowRoot(host, PANEL_CSS);
  const anchor = doc.createElement('div');
  anchor.className = 'anchor';
  // Our own language, whatever the webmail page's: screen readers read the badge and panel in it.
  anchor.setAttribute('lang', HTML_LANG[getLocale()]);
  anchor.hidden = true;
  // The card on a highlighted phrase: its own layer, placed by the phrase, not by the badge.
  const cardLayer = doc.createElement('div');
  cardLayer.className = 'card-layer';
  cardLayer.hidden = true;
  shadow.append(anchor, cardLayer);
  doc.documentElement.append(host);

  let visible = false;
  /** False while the composer is scrolled away, minimised or clipped out of view (IntersectionObserver). */
  let inView = true;
  let frame = 0;
  const place = () => {
    frame = 0;
    if (!visible) return;
    if (!inView) {
      anchor.hidden = true;
      return;
    }
    const r = anchorEl.getBoundingClientRect();
    const vw = win.innerWidth;
    const vh = win.innerHeight;
    const offscreen =
      r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > vh || r.right < 0 || r.left > vw;
    anchor.hidden = offscreen;
    if (offscreen) return;
    // Keep the badge on screen when the editor's bottom is scrolled out of view.
    const x = Math.min(r.right, vw);
    const y = Math.min(r.bottom, vh);
    anchor.style.setProperty('left', `${Math.round(x)}px`);
    anchor.style.setProperty('top', `${Math.round(y)}px`);
    placeBadge(r, x, y, vw, vh);
    const left = panelLeft(root, x, vw);
    anchor.style.setProperty('--mrc-panel-left', `${Math.round(left - x)}px`);
    const rr = root.getBoundingClientRect();
    const beside = left >= rr.right || left + Math.min(PANEL_WIDTH, vw - 2 * GAP) <= rr.left;
    // Above the editor lie the composer's To and Subject: a panel that cannot sit beside the compose window stays
    // under the lowest of them it would cover (panelBand).
    const panelWidth = Math.min(PANEL_WIDTH, vw - 2 * GAP);
    let ceiling = 0;
    for (const f of beside ? [] : fieldsOf()) {
      if (f.ownerDocument !== doc) continue;
      const b = f.getBoundingClientRect();
      if (b.width === 0 || b.bottom > r.top + 1 || b.right <= left || b.left >= left + panelWidth) continue;
      ceiling = Math.max(ceiling, b.bottom);
    }
    const caret = beside ? null : caretBox();
    const { band, side } = panelBand(r, y, vh, beside, ceiling, caret);
    anchor.dataset.side = side;
    anchor.style.setProperty('--mrc-panel-offset', `${Math.round(y - band.bottom)}px`);
    anchor.style.setProperty('--mrc-panel-top', `${Math.round(band.top - y)}px`);
    anchor.style.setProperty('--mrc-panel-max', `${Math.max(160, Math.round(band.bottom - band.top))}px`);
  };
  /** The caret's line box in this document (an editor in a frame offset by it), or null. */
  const caretBox = (): Box | null => {
    try {
      const line = caretLine();
      if (!line) return null;
      const { x: dx, y: dy } = frameOffset();
      return { left: line.left + dx, right: line.right + dx, top: line.top + dy, bottom: line.bottom + dy };
    } catch {
      return null;
    }
  };
  /** Moves the badge off the draft's text (issue #13 item 6): see badgePlace. */
  const placeBadge = (r: DOMRect, x: number, y: number, vw: number, vh: number) => {
    const badge = shadow.querySelector<HTMLElement>('.badge');
    if (!badge) return;
    try {
      const { x: dx, y: dy } = frameOffset();
      const home = { x: Math.round(x) - BADGE_INSET, y: Math.round(y) - BADGE_INSET };
      const size = { width: badge.offsetWidth, height: badge.offsetHeight };
      const at = badgePlace(r, home, size, { width: vw, height: vh }, (box) =>
        textUnder(editor, box, dx, dy),
      );
      anchor.style.setProperty('--mrc-badge-dx', `${at.dx}px`);
      anchor.style.setProperty('--mrc-badge-dy', `${at.dy}px`);
    } catch {
      // Fail open: the badge stays at home.
      anchor.style.removeProperty('--mrc-badge-dx');
      anchor.style.removeProperty('--mrc-badge-dy');
    }
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };
  win.addEventListener('scroll', schedule, { capture: true, passive: true, signal: abort.signal });
  win.addEventListener('resize', schedule, { passive: true, signal: abort.signal });
  let resize: ResizeObserver | undefined;
  try {
    resize = new win.ResizeObserver(schedule);
    resize.observe(anchorEl);
    if (root !== anchorEl) resize.observe(root);
  } catch {
    // Scroll and resize events still move the badge.
  }
  let intersection: IntersectionObserver | undefined;
  try {
    // A minimised Gmail mole or a compose scrolled out of its pane hides the badge (and its open panel).
    intersection = new win.IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (!last) return;
      inView = last.isIntersecting;
      schedule();
    });
    intersection.observe(anchorEl);
  } catch {
    // place() still hides the badge when the editor has no size or is off screen.
  }

  let last: Omit<ComposerPanelProps, 'panelId'> | null = null;
  let checks = 0;
  /** Check at Send let a send through unchecked (fail open): the badge says so, even with no verdict. */
  let skipped = false;
  const draw = () => {
    try {
      anchor.setAttribute('lang', HTML_LANG[getLocale()]);
      if (skipped) host.setAttribute('data-mrc-send-check', 'skipped');
      else host.removeAttribute('data-mrc-send-check');
      const props = last;
      if (!props) {
        host.removeAttribute('data-mrc-verdict');
        host.removeAttribute('data-mrc-route');
        host.removeAttribute('data-mrc-problems');
        host.removeAttribute('data-mrc-risk');
        if (!skipped) {
          visible = false;
          anchor.hidden = true;
          render(null, anchor);
          return;
        }
        render(h(SkippedBadge, {}), anchor);
      } else {
        host.setAttribute('data-mrc-verdict', props.verdict.directMarketing);
        host.setAttribute('data-mrc-route', props.verdict.route);
        const risk = props.risk ?? assessRisk(props.verdict);
        host.setAttribute('data-mrc-risk', risk.risk);
        host.setAttribute('data-mrc-problems', String(risk.problems.length));
        render(
          h(ComposerPanel, {
            ...props,
            risk,
            panelId,
            sendCheckSkipped: skipped,
            onOpenChange: (open: boolean) => {
              host.style.setProperty('z-index', String(open ? Z_CLOSED + 1 : Z_CLOSED), 'important');
              // Placed for where the caret is now.
              if (open) place();
            },
          }),
          anchor,
        );
      }
      visible = true;
      place();
    } catch {
      visible = false;
      anchor.hidden = true;
    }
  };

  // The interface language (the setting, else the browser's) arrives once per content script; a change of it
  // redraws the badge and any open panel in place.
  void startExtensionLocale().catch(() => undefined);
  const offLocale = onLocaleChange(() => {
    if (visible) draw();
    if (lastCard) drawCard();
  });

  /** The editor's frame content box in this document (0, 0 when the editor is in this document). */
  const frameOffset = (): { x: number; y: number } => {
    if (editor.ownerDocument === doc) return { x: 0, y: 0 };
    const frameEl = editor.ownerDocument.defaultView?.frameElement;
    if (!frameEl) return { x: 0, y: 0 };
    const fr = frameEl.getBoundingClientRect();
    const cs = win.getComputedStyle(frameEl);
    return {
      x: fr.left + frameEl.clientLeft + (Number.parseFloat(cs.paddingLeft) || 0),
      y: fr.top + frameEl.clientTop + (Number.parseFloat(cs.paddingTop) || 0),
    };
  };
  const cardId = `mrc-card-${id}`;
  let lastCard: CardRequest | null = null;
  const drawCard = () => {
    try {
      const req = lastCard;
      if (!req) {
        cardLayer.hidden = true;
        render(null, cardLayer);
        return;
      }
      cardLayer.setAttribute('lang', HTML_LANG[getLocale()]);
      const { line, rects, ...props } = req;
      render(h(HighlightCard, { ...props, cardId }), cardLayer);
      const card = cardLayer.firstElementChild as HTMLElement | null;
      if (!card) return;
      const { x, y } = frameOffset();
      const move = (r: RectLike): RectLike => ({
        left: r.left + x,
        right: r.right + x,
        top: r.top + y,
        bottom: r.bottom + y,
      });
      // Measured where it will show, then placed beside the phrase's lines, never over them.
      card.style.removeProperty('max-height');
      cardLayer.hidden = false;
      const box = card.getBoundingClientRect();
      const at = placeCard(
        rects.map(move),
        move(line),
        box.width,
        box.height,
        win.innerWidth,
        win.innerHeight,
      );
      card.style.setProperty('left', `${at.left}px`);
      card.style.setProperty('top', `${at.top}px`);
      card.style.setProperty('max-height', `${at.maxHeight}px`);
      card.dataset.side = at.side;
    } catch {
      lastCard = null;
      cardLayer.hidden = true;
    }
  };

  return {
    host,
    card(req) {
      lastCard = req;
      drawCard();
    },
    focusCard() {
      try {
        const card = cardLayer.querySelector<HTMLElement>('.card');
        if (!card || cardLayer.hidden) return false;
        const first = card.querySelector<HTMLElement>('button.fix') ?? card;
        first.focus();
        return shadow.activeElement === first;
      } catch {
        return false;
      }
    },
    update(props) {
      last = props;
      // How many verdicts this composer has shown: tests and bench:page wait for the next one.
      if (props) host.setAttribute('data-mrc-checks', String(++checks));
      draw();
    },
    focusBadge() {
      try {
        // A badge hidden because its composer is off screen comes back first.
        inView = true;
        place();
        const badge = shadow.querySelector<HTMLElement>('button.badge');
        if (!badge || anchor.hidden) return false;
        badge.focus();
        return shadow.activeElement === badge;
      } catch {
        return false;
      }
    },
    setSendCheckSkipped(next) {
      if (next === skipped) return;
      skipped = next;
      draw();
    },
    destroy() {
      abort.abort();
      offLocale();
      resize?.disconnect();
      intersection?.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
      try {
        render(null, anchor);
        render(null, cardLayer);
      } catch {
        // Removing the host below is enough.
      }
      host.remove();
    },
  };
}
