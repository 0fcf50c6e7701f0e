/**
 * Our UI hosts' own box, set inline with `!important`: an inline important declaration beats every page style
 * sheet, so a page rule such as `html > div { display: none !important }` or `[data-mrc-host] { visibility:
 * hidden !important }` cannot hide or move them (a page script could still rewrite the inline style or remove the
 * host; the Send guard checks that its dialog is really shown, and fails open when it is not).
 */
const BASE: readonly (readonly [string, string])[] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['position', 'fixed'],
  ['inset', '0 auto auto 0'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['contain', 'none'],
  ['content-visibility', 'visible'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
];

/** Pins `host`'s box (see above), with `extra` declarations after the base ones. */
export function pinHostStyle(host: HTMLElement, extra: readonly (readonly [string, string])[] = []): void {
  for (const [k, v] of [...BASE, ...extra]) host.style.setProperty(k, v, 'important');
}
