/** Styles for the badge and panel, adopted into each host's shadow root (the page's CSS cannot reach in). */
export const PANEL_CSS = `
:host { all: initial; }
.anchor {
  position: fixed; left: 0; top: 0; width: 0; height: 0;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1b1b1b; color-scheme: light dark;
}
.anchor[hidden] { display: none; }
.badge {
  pointer-events: auto;
  position: absolute; right: 6px; bottom: 6px;
  /* Moved off the draft's text when some lies under its corner (host.ts, badgePlace). */
  transform: translate(var(--mrc-badge-dx, 0px), var(--mrc-badge-dy, 0px));
  display: inline-flex; align-items: center; gap: 6px;
  max-width: 320px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  padding: 3px 10px 3px 8px; border-radius: 999px;
  border: 1px solid #8a8a8a; background: #fff; color: #1b1b1b;
  font: 600 12px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.2); cursor: pointer;
}
/* Two-tone ring: the badge floats over any page, light or dark, so a band of the panel colour sits inside the
   outline and one of the two always stands out (WCAG 1.4.11, 3:1). */
.badge:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; box-shadow: 0 0 0 2px #fff, 0 1px 3px rgb(0 0 0 / 0.2); }
.dot { flex: none; width: 9px; height: 9px; border-radius: 50%; background: #777; }
/* The badge's colour and dot shape follow the risk (issue #13), never the purpose: ok a green circle, review an
   amber diamond, stop a red square. The words say it too. */
.badge[data-risk="ok"] { border-color: #2e7d32; background: #edf7ee; }
.badge[data-risk="ok"] .dot { background: #2e7d32; }
.badge[data-risk="review"] { border-color: #8a5300; background: #fff4e5; }
.badge[data-risk="review"] .dot { background: #8a5300; transform: rotate(45deg); border-radius: 1px; }
.badge[data-risk="stop"] { border-color: #b00020; background: #fdecee; color: #7a0016; }
.badge[data-risk="stop"] .dot { background: #b00020; border-radius: 2px; }
/* Check at Send let a send through unchecked: a dashed grey badge, in words (never colour alone). */
.badge-skipped { cursor: default; border-style: dashed; border-color: #6b6b6b; background: #f4f4f4; }
.skipped-tag { font-weight: 500; }
.skipped-note { border-left: 3px solid #6b6b6b; padding-left: 8px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.panel {
  pointer-events: auto;
  position: absolute; right: 0; width: min(380px, calc(100vw - 16px));
  left: var(--mrc-panel-left, auto);
  max-height: var(--mrc-panel-max, 60vh); overflow: auto; box-sizing: border-box;
  padding: 10px 14px 12px; border-radius: 8px; border: 1px solid #8a8a8a;
  background: #fff; color: #1b1b1b; box-shadow: 0 6px 24px rgb(0 0 0 / 0.25);
}
.anchor[data-side="above"] .panel { bottom: var(--mrc-panel-offset, 40px); }
.anchor[data-side="below"] .panel { top: var(--mrc-panel-top, 4px); }
.panel-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.panel-title { font-size: 12px; font-weight: 600; opacity: 0.75; margin: 0; }
.close { font: inherit; border: 1px solid #8a8a8a; background: transparent; color: inherit; border-radius: 4px; cursor: pointer; padding: 0 8px; }
h2 { font-size: 15px; margin: 6px 0 4px; }
h3 { font-size: 13px; margin: 10px 0 2px; }
p { margin: 4px 0; }
ul { padding-left: 18px; margin: 4px 0; }
a { color: #0b57d0; margin-right: 6px; }
.check-error { color: #b00020; }
.check-warning { color: #8a5300; }
.disclaimer { font-size: 12px; opacity: 0.8; }
.evidence-list { list-style: none; padding: 0; }
.evidence-list li { margin: 3px 0; }
.evidence-button {
  font: inherit; text-align: left; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid transparent; border-radius: 4px; padding: 2px 4px; width: 100%;
}
.evidence-static { display: block; padding: 3px 5px; }
.panel:focus { outline: none; }
.panel:focus-visible { outline: 2px solid #0b57d0; outline-offset: -2px; }
.evidence-button:hover, .evidence-button:focus-visible { border-color: #8a8a8a; }
.mark { font-weight: 600; text-decoration: underline 2px; text-underline-offset: 2px; }
.mark-promotional { text-decoration-style: dotted; }
.mark-fundraising { text-decoration-style: wavy; }
.mark-campaigning { text-decoration-style: dashed; }
.question { margin: 8px 0; border: none; padding: 0; min-width: 0; }
legend { padding: 0; }
.options { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 4px; }
.option {
  font: inherit; cursor: pointer; border-radius: 999px; padding: 2px 10px;
  border: 1px solid #8a8a8a; background: transparent; color: inherit;
}
.option[aria-pressed="true"] { background: #0b57d0; border-color: #0b57d0; color: #fff; }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.link { font: inherit; background: none; border: none; padding: 0; color: #0b57d0; text-decoration: underline; cursor: pointer; }
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: mrc-in 120ms ease-out; }
  @keyframes mrc-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
}
@media (prefers-color-scheme: dark) {
  .anchor { color: #eee; }
  .badge, .panel { background: #202124; color: #eee; border-color: #777; }
  .badge[data-risk="ok"] { background: #1d3320; border-color: #81c784; }
  .badge[data-risk="ok"] .dot { background: #81c784; }
  .badge[data-risk="review"] { background: #3a2a14; border-color: #ffb366; }
  .badge[data-risk="review"] .dot { background: #ffb366; }
  .badge[data-risk="stop"] { background: #3d1418; border-color: #ff8a80; color: #ffdad6; }
  .badge[data-risk="stop"] .dot { background: #ff8a80; }
  .badge-skipped { background: #2b2b2b; border-color: #aaa; }
  a, .link { color: #8ab4f8; }
  .check-error { color: #ff8a80; }
  .check-warning { color: #ffcc80; }
  .option[aria-pressed="true"] { background: #8ab4f8; border-color: #8ab4f8; color: #202124; }
  /* The light theme's blue ring is under 3:1 on the dark panel. */
  button:focus-visible, .panel:focus-visible { outline-color: #8ab4f8; }
  .badge:focus-visible { outline-color: #8ab4f8; box-shadow: 0 0 0 2px #202124, 0 1px 3px rgb(0 0 0 / 0.2); }
}
/* What to do, and the problems with their fixes: first in the panel (issue #13). Same key as the badge. */
.todo-line { display: flex; align-items: baseline; gap: 6px; font-weight: 600; margin: 6px 0; }
.todo[data-risk="ok"] .dot { background: #2e7d32; }
.todo[data-risk="review"] .dot { background: #8a5300; transform: rotate(45deg); border-radius: 1px; }
.todo[data-risk="stop"] .dot { background: #b00020; border-radius: 2px; }
.problems { list-style: none; padding: 0; margin: 4px 0; }
.problem { border-left: 4px solid #8a5300; padding: 2px 0 2px 8px; margin: 6px 0; }
.problem-stop { border-left-color: #b00020; }
.problem-level { font-weight: 600; }
.fix {
  font: inherit; font-weight: 600; cursor: pointer; margin-top: 4px; border-radius: 4px; padding: 2px 10px;
  border: 1px solid #0b57d0; background: #0b57d0; color: #fff;
}
.fix-status:empty { display: none; }
.why { margin-top: 10px; border-top: 1px solid #8a8a8a; padding-top: 6px; }
.why > summary, .key > summary { cursor: pointer; font-weight: 600; }
.key { margin-top: 8px; }
.key-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 4px 0; }
.key-list .todo { display: inline-flex; align-items: center; gap: 6px; }
.question-count { font-weight: 400; opacity: 0.85; }
@media (prefers-color-scheme: dark) {
  .todo[data-risk="ok"] .dot { background: #81c784; }
  .todo[data-risk="review"] .dot { background: #ffb366; }
  .todo[data-risk="stop"] .dot { background: #ff8a80; }
  .problem { border-left-color: #ffb366; }
  .problem-stop { border-left-color: #ff8a80; }
  .fix { background: #8ab4f8; border-color: #8ab4f8; color: #202124; }
}
/* The card on a highlighted phrase (issue #13): placed by the phrase, beside its lines, never over them. */
.card-layer { position: fixed; left: 0; top: 0; width: 0; height: 0;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; color-scheme: light dark; }
.card-layer[hidden] { display: none; }
.card {
  pointer-events: auto; position: fixed; left: 0; top: 0; box-sizing: border-box;
  width: max-content; max-width: min(340px, calc(100vw - 16px)); overflow: auto;
  padding: 6px 10px 8px; border-radius: 6px; border: 1px solid #8a8a8a;
  background: #fff; color: #1b1b1b; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid #0b57d0; outline-offset: -2px; }
.card-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.card-phrase { margin: 0; font-weight: 600; }
.card-purpose { font-weight: 400; }
.card-mixed { border-left: 4px solid #8a5300; padding-left: 8px; }
.card-fixes { list-style: none; padding: 0; margin: 6px 0 2px; }
.card-fixes .problem { margin: 4px 0; }
.card-sources { font-size: 12px; margin-top: 6px; }
@media (prefers-color-scheme: dark) {
  .card-layer { color: #eee; }
  .card { background: #202124; color: #eee; border-color: #777; }
  .card-mixed { border-left-color: #ffb366; }
  .card:focus-visible { outline-color: #8ab4f8; }
}
.verdict-language { border-left: 3px solid currentColor; padding-left: 8px; font-style: italic; }
.language-tag { font-weight: 500; }
`;
