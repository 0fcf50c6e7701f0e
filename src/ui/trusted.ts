/**
 * Our in-page controls (badge, panel, fixes, the Send dialog and notices) act only on the user's own events. Their
 * shadow roots are open, so a page script can dispatch clicks and keys into them; it can never make those events
 * trusted. Without this, a page could press "Send anyway", forge override-log entries or answer the panel's
 * questions (issue 11, fault 7).
 */

/** Unit tests, whose events are all synthetic, set this; nothing in the extension ever does. */
export const trustForTests = { untrusted: false };

/** True for an event the user caused (a real key press, click or tap). */
export function isUserEvent(e: Event): boolean {
  return e.isTrusted === true || trustForTests.untrusted;
}

/** Wraps a handler so it runs only for the user's own events. */
export function userOnly<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e: E) => {
    if (isUserEvent(e)) handler(e);
  };
}
