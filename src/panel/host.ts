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

/** The badge sits inside the editor's bottom-right corner; the panel opens beside the compose window if it can. */
export function createComposerHost(editor: HTMLElement, root: Element): ComposerHost {
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
    const left = panelLeft(root, x, vw);
    anchor.style.setProperty('--mrc-panel-left', `${Math.round(left - x)}px`);
    const rr = root.getBoundingClientRect();
    const beside = left >= rr.right || left + Math.min(PANEL_WIDTH, vw - 2 * GAP) <= rr.left;
    // Over the composer (no room beside it): open clear of the editor, above its top or below its bottom,
    // when that leaves a usable panel; otherwise above or below the badge, over the editor.
    const clearAbove = r.top - GAP;
    const clearBelow = vh - y - GAP;
    let side: 'above' | 'below';
    let offset = 40;
    let room: number;
    if (!beside && Math.max(clearAbove, clearBelow) >= MIN_CLEAR_PANEL) {
      side = clearAbove >= clearBelow ? 'above' : 'below';
      offset = side === 'above' ? Math.round(y - r.top + GAP) : 4;
      room = side === 'above' ? clearAbove : clearBelow;
    } else {
      const above = y - 40;
      const below = vh - y;
      side = above >= below ? 'above' : 'below';
      room = Math.max(above, below);
    }
    anchor.dataset.side = side;
    anchor.style.setProperty('--mrc-panel-offset', `${offset}px`);
    anchor.style.setProperty('--mrc-panel-max', `${Math.max(160, Math.round(room - 12))}px`);
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
            onOpenChange: (open: boolean) =>
              host.style.setProperty('z-index', String(open ? Z_CLOSED + 1 : Z_CLOSED), 'important'),
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
