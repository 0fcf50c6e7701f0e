import type { Channel } from '../context.ts';

/** What the writer has typed: plain text only. Offsets everywhere are UTF-16 code units into these strings. */
export interface Draft {
  subject: string;
  body: string;
  channel: Channel;
}
