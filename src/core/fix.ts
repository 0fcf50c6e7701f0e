/**
 * Fix in one click (issue #13 item 4): where a fix sentence goes in a draft. Pure: the content script inserts the
 * words through the editor's own input path (src/content/insert-fix.ts), so the webmail's Undo removes them.
 *
 * The place is the end of the writer's own text: after its last non-blank character, before the signature and any
 * quoted reply history (src/core/draft/segment.ts finds both), so "Kind regards, Sam" and the thread stay below.
 */
import { segmentBody } from './draft/segment.ts';

/** The body offset (UTF-16) at which a fix goes. */
export function fixOffset(body: string): number {
  const { judged, signature, quoted } = segmentBody(body);
  const last = judged.at(-1);
  let end = last ? last.end : Math.min(signature?.start ?? body.length, quoted[0]?.start ?? body.length);
  while (end > 0 && /\s/.test(body[end - 1] ?? '')) end--;
  return end;
}
