/** Test helper: what the core says, in English, as the surfaces show it (src/i18n/render.ts). */
import type { Finding, MessageRef, Verdict } from '../core/index.ts';
import { render, renderMessage } from './render.ts';

/** A finding's message, or a message, in English. */
export function words(f: Finding | MessageRef | undefined): string {
  if (!f) return '';
  return 'source' in f ? render(f, 'en').message.text : renderMessage(f, 'en').text;
}

/** The verdict's one-sentence summary in English. */
export const summary = (v: Pick<Verdict, 'decision'>): string => words(v.decision);
