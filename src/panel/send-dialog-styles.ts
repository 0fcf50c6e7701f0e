/**
 * Styles for the Check at Send dialog and notices, adopted into their own shadow root (the page's CSS cannot reach
 * in). Readable at 200% zoom: the dialog never exceeds the viewport, its body scrolls while the title and the two
 * actions stay in view, and nothing relies on hover. Respects dark mode, reduced motion and forced colours.
 */
export const SEND_DIALOG_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
dialog.dialog {
  flex-direction: column; margin: auto; padding: 0; inset: 0;
  width: min(600px, calc(100vw - 24px)); max-width: none; max-height: calc(100vh - 24px);
  background: #fff; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 10px;
  box-shadow: 0 10px 40px rgb(0 0 0 / 0.35); overflow: hidden; pointer-events: auto;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color-scheme: light dark;
}
dialog.dialog[open] { display: flex; }
dialog.dialog::backdrop { background: rgb(0 0 0 / 0.45); }
.dialog:focus { outline: none; }
.head { flex: none; padding: 14px 18px 8px; border-bottom: 1px solid #d0d0d0; }
.brand { margin: 0; font-size: 12px; font-weight: 600; opacity: 0.8; }
h2 { margin: 2px 0 0; font-size: 19px; line-height: 1.3; }
.lead { margin: 6px 0 0; }
.content { flex: 1 1 auto; min-height: 0; overflow: auto; padding: 6px 18px 10px; overscroll-behavior: contain; }
h3 { margin: 12px 0 4px; font-size: 15px; }
p { margin: 4px 0; }
ul { margin: 4px 0; padding-left: 20px; }
li { margin: 3px 0; overflow-wrap: anywhere; }
.found { font-weight: 600; }
.route { font-weight: 600; }
.check-error { color: #a0001c; }
.problems { list-style: none; padding: 0; }
.problem { border-left: 4px solid #8a5300; padding: 2px 0 2px 8px; margin: 4px 0; }
.problem-stop { border-left-color: #b00020; }
.problem-level { font-weight: 600; }
.check-warning { color: #7a4a00; }
.sev { font-weight: 700; }
q { font-weight: 600; }
.reason { margin-top: 12px; }
.reason label { display: block; font-weight: 600; }
.reason input {
  display: block; width: 100%; margin-top: 4px; padding: 7px 9px; font: inherit; color: inherit;
  background: #fff; border: 1px solid #6b6b6b; border-radius: 5px;
}
.hint { font-size: 13px; opacity: 0.85; margin-top: 4px; }
.disclaimer { font-size: 13px; opacity: 0.85; }
.actions {
  flex: none; display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px;
  padding: 10px 18px 14px; border-top: 1px solid #d0d0d0;
}
button {
  font: 600 15px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; cursor: pointer;
  padding: 8px 16px; border-radius: 6px; border: 1px solid #6b6b6b; background: #fff; color: #1b1b1b;
  min-height: 40px;
}
button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
button:focus-visible, input:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
button.primary:focus-visible { outline-color: #1b1b1b; }

.notices {
  position: fixed; left: 16px; bottom: 16px; width: min(440px, calc(100vw - 32px));
  display: flex; flex-direction: column; gap: 8px; pointer-events: none;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color-scheme: light dark;
}
.notice {
  pointer-events: auto; display: flex; align-items: flex-start; gap: 10px; padding: 10px 12px;
  background: #fff; color: #1b1b1b; border: 1px solid #6b6b6b; border-left-width: 5px; border-radius: 8px;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); max-height: 50vh; overflow: auto;
}
.notice-advise { border-left-color: #b35c00; }
.notice-skipped { border-left-color: #6b6b6b; border-left-style: dashed; }
.notice-check-sent, .notice-not-sent { border-left-color: #0b57d0; }
.notice p { margin: 0; flex: 1; overflow-wrap: anywhere; }
.notice button { flex: none; min-height: 32px; padding: 2px 10px; font-size: 14px; }

@media (prefers-reduced-motion: no-preference) {
  .dialog { animation: mrc-pop 140ms ease-out; }
  .notice { animation: mrc-rise 160ms ease-out; }
  /* Scale only: the guard checks the dialog is visible (opacity included) the moment it opens. */
  @keyframes mrc-pop { from { transform: scale(0.98); } to { transform: none; } }
  @keyframes mrc-rise { from { opacity: 0; transform: translateY(6px); } to { opacity: 1; transform: none; } }
}
@media (prefers-color-scheme: dark) {
  dialog.dialog::backdrop { background: rgb(0 0 0 / 0.6); }
  dialog.dialog, .notice, button, .reason input { background: #202124; color: #eee; border-color: #8a8a8a; }
  .head, .actions { border-color: #444; }
  button.primary { background: #8ab4f8; border-color: #8ab4f8; color: #202124; }
  button:focus-visible, input:focus-visible { outline-color: #8ab4f8; }
  button.primary:focus-visible { outline-color: #eee; }
  .check-error { color: #ff8a80; }
  .problem { border-left-color: #ffb366; }
  .problem-stop { border-left-color: #ff8a80; }
  .check-warning { color: #ffcc80; }
  .notice-advise { border-left-color: #ffb366; }
  .notice-check-sent, .notice-not-sent { border-left-color: #8ab4f8; }
}
@media (forced-colors: active) {
  dialog.dialog::backdrop { background: Canvas; }
  dialog.dialog, .notice { border: 2px solid CanvasText; }
  button.primary { border: 3px solid ButtonText; }
  button:focus-visible, input:focus-visible { outline-color: Highlight; }
}
`;
