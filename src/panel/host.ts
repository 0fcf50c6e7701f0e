/**
 * One UI host per composer: a `<div data-mrc-host>` appended to `document.documentElement` (never inside the
 * compose DOM) with an open shadow root. The host covers nothing (zero size, pointer-events: none); only the
 * badge and the open panel take pointer events. Built with Preact and DOM APIs, never HTML strings.
 */
import { h, render } from 'preact';
import { OUR_HOST_ATTRIBUTE } from '../adapters/generic.ts';
import { ComposerPanel, type ComposerPanelProps } from './ComposerPanel.tsx';
import { PANEL_CSS } from './styles.ts';

type StyledWindow = Window & typeof globalThis;
let counter = 0;

export interface ComposerHost {
  host: HTMLElement;
  /** Shows the badge for a verdict, or hides everything (null: empty draft, or an error: fail open). */
  update(props: Omit<ComposerPanelProps, 'panelId'> | null): void;
  destroy(): void;
}

/** The badge sits inside the editor's bottom-right corner; the panel opens towards the larger free space. */
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
  host.style.setProperty('all', 'initial');
  host.style.setProperty('position', 'fixed');
  host.style.setProperty('inset', '0 auto auto 0');
  host.style.setProperty('width', '0');
  host.style.setProperty('height', '0');
  host.style.setProperty('z-index', '2147483647');
  host.style.setProperty('pointer-events', 'none');
  const shadow = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(PANEL_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Unstyled is still usable.
  }
  const anchor = doc.createElement('div');
  anchor.className = 'anchor';
  anchor.hidden = true;
  shadow.append(anchor);
  doc.documentElement.append(host);

  let visible = false;
  let frame = 0;
  const place = () => {
    frame = 0;
    if (!visible) return;
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
    const above = y - 40;
    const below = vh - y;
    anchor.dataset.side = above >= below ? 'above' : 'below';
    anchor.style.setProperty(
      '--mrc-panel-max',
      `${Math.max(160, Math.round(Math.max(above, below) - 12))}px`,
    );
    const width = Math.min(380, vw - 16);
    const left = Math.max(8, x - width);
    anchor.style.setProperty('--mrc-panel-left', `${Math.round(left - x)}px`);
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

  return {
    host,
    update(props) {
      try {
        if (!props) {
          visible = false;
          anchor.hidden = true;
          host.removeAttribute('data-mrc-verdict');
          host.removeAttribute('data-mrc-route');
          render(null, anchor);
          return;
        }
        host.setAttribute('data-mrc-verdict', props.verdict.directMarketing);
        host.setAttribute('data-mrc-route', props.verdict.route);
        render(h(ComposerPanel, { ...props, panelId }), anchor);
        visible = true;
        place();
      } catch {
        visible = false;
        anchor.hidden = true;
      }
    },
    destroy() {
      abort.abort();
      resize?.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
      try {
        render(null, anchor);
      } catch {
        // Removing the host below is enough.
      }
      host.remove();
    },
  };
}
