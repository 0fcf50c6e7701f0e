/**
 * Splits a body into the part the classifier judges and the parts it leaves out: quoted reply history
 * (`On … wrote:`, `>` lines, Outlook `From:/Sent:` headers, forwarded blocks) and the signature.
 * Offsets always refer to the original body, so evidence can be highlighted where it stands.
 */

export interface Range {
  start: number;
  end: number;
}

export interface Segmented {
  /** Ranges of the body that are judged, in order. */
  judged: Range[];
  /** Signature range (seen by the draft checks, not judged), if any. */
  signature: Range | null;
  /** Quoted history ranges (neither judged nor checked). */
  quoted: Range[];
}

interface Line {
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
  /** Start of the next line. */
  next: number;
  text: string;
}

function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const re = /\r\n|\n|\r/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    lines.push({ start, end: m.index, next: m.index + m[0].length, text: body.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: body.length, next: body.length, text: body.slice(start) });
  return lines;
}

/** "On Mon, 3 Nov 2026 at 09:12, Sam <sam@x.example> wrote:" (may wrap onto a second line). */
const REPLY_HEADER = /^\s*On\b.{0,300}\bwrote:\s*$/i;
const REPLY_HEADER_START = /^\s*On\b.{4,200}$/i;
const REPLY_HEADER_END = /^.{0,200}\bwrote:\s*$/i;
/** Outlook and Apple Mail quote headers. */
const HEADER_FROM = /^\s*\*?(From|De|Von):\*?\s+\S/;
const HEADER_NEXT = /^\s*\*?(Sent|Date|To|Subject|Cc|Envoyé|Gesendet):\*?\s/;
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(Original Message|Forwarded message|Begin forwarded message)\s*-{0,}\s*$/i;
const BEGIN_FORWARDED = /^\s*Begin forwarded message:\s*$/i;
const QUOTE_PREFIX = /^\s*>/;
/** RFC 3676 signature delimiter "-- " (also accept "--" without the space, as often typed). */
const SIG_DELIMITER = /^--\s?$/;
const MOBILE_SIG = /^\s*(Sent from my \w+|Get Outlook for (iOS|Android))/i;
/**
 * A line a mail service appends to what the writer typed ("Get your free email at …", "Do you Yahoo!?",
 * "Sent with Proton Mail"): not the writer's words, so not their promotion. Only looked for among the last lines.
 */
const PROVIDER_TAGLINE =
  /^\s*(Get your (own )?free e-?mail( account)? (at|from)\b|Do you Yahoo!?|Sent (with|using|from) (Proton ?Mail|Yahoo Mail|Mail for Windows|Spark|BlackBerry)\b)/i;
const TAGLINE_LAST_LINES = 3;
/** A tagline is one short line; what follows it, if anything, is shorter still ("Powered by Outblaze"). */
const TAGLINE_MAX = 60;
const AFTER_TAGLINE_MAX = 30;
/** A sign-off line followed by a short block (name, title, organisation, phone) is a signature. */
const SIGN_OFF =
  /^\s*(kind(est)? regards|best regards|warm regards|regards|best wishes|many thanks|thanks( again)?|thank you|yours (sincerely|faithfully|truly)|cheers|best|all the best|cofion|diolch)[,.!]?\s*$/i;
const SIGNATURE_MAX_LINES = 10;
const SIGNATURE_MAX_LINE = 80;

function isQuoteStart(lines: Line[], i: number): boolean {
  const line = lines[i]!.text;
  if (REPLY_HEADER.test(line) || ORIGINAL_MESSAGE.test(line) || BEGIN_FORWARDED.test(line)) return true;
  if (REPLY_HEADER_START.test(line) && !/wrote:/i.test(line)) {
    const nextLine = lines[i + 1]?.text ?? '';
    if (REPLY_HEADER_END.test(nextLine) && (line + nextLine).length < 300) return true;
  }
  if (HEADER_FROM.test(line)) {
    // Outlook: From: then Sent:/Date: and To:/Subject: within the next few lines.
    let seen = 0;
    for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
      if (HEADER_NEXT.test(lines[j]!.text)) seen++;
    }
    if (seen >= 2) return true;
  }
  // A rule line (Outlook's "____") directly above a From: header.
  if (/^\s*_{10,}\s*$/.test(line) && HEADER_FROM.test(lines[i + 1]?.text ?? '')) return true;
  return false;
}

/** Lines an "On … wrote:" header at `i` takes (1 or 2), or 0 when the quote start at `i` is another kind. */
function replyHeaderLines(lines: Line[], i: number): number {
  const line = lines[i]!.text;
  if (REPLY_HEADER.test(line)) return 1;
  const next = lines[i + 1]?.text ?? '';
  return REPLY_HEADER_START.test(line) && REPLY_HEADER_END.test(next) && (line + next).length < 300 ? 2 : 0;
}

/**
 * Bottom-posting: an "On … wrote:" header followed by `>` lines and then the writer's own text. Returns the
 * index of the first line after the quoted block, or -1 when the quote runs to the end (top-posting: the
 * history is everything from the header on).
 */
function bottomPostedQuoteEnd(lines: Line[], i: number): number {
  const header = replyHeaderLines(lines, i);
  if (!header) return -1;
  let j = i + header;
  let sawQuote = false;
  while (j < lines.length && (QUOTE_PREFIX.test(lines[j]!.text) || lines[j]!.text.trim() === '')) {
    if (QUOTE_PREFIX.test(lines[j]!.text)) sawQuote = true;
    j++;
  }
  return sawQuote && j < lines.length ? j : -1;
}

export function segmentBody(body: string): Segmented {
  const lines = splitLines(body);
  const quoted: Range[] = [];
  // 1. The reply history: from the first quote header to the end, except quoted blocks the writer answers
  //    below (bottom-posting), which are left out on their own and the text after them is judged.
  let cut = lines.length;
  const interleaved: Range[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isQuoteStart(lines, i)) continue;
    const end = bottomPostedQuoteEnd(lines, i);
    if (end < 0) {
      cut = i;
      break;
    }
    interleaved.push({ start: lines[i]!.start, end: lines[end]!.start });
    i = end - 1;
  }
  quoted.push(...interleaved);
  const inInterleaved = (pos: number) => interleaved.some((r) => pos >= r.start && pos < r.end);
  const historyStart = cut < lines.length ? lines[cut]!.start : body.length;
  if (historyStart < body.length) quoted.push({ start: historyStart, end: body.length });

  // 2. Signature: the delimiter, a mobile footer, a mail service's tagline among the last lines, or a sign-off
  //    followed by a short block, before the history.
  let sigLine = -1;
  for (let i = 0; i < cut; i++) {
    const text = lines[i]!.text;
    if (inInterleaved(lines[i]!.start)) continue;
    if (SIG_DELIMITER.test(text) || MOBILE_SIG.test(text)) {
      sigLine = i;
      break;
    }
  }
  if (sigLine < 0) {
    // A provider's own advert ("Get your free email at … and enjoy 3 months of MailPlus free") or a P.S. after the
    // tagline is the writer's text: only a short tagline, with nothing but a short line or two after it, is cut.
    let seen = 0;
    let afterShort = true;
    for (let i = cut - 1; i > 0 && seen < TAGLINE_LAST_LINES; i--) {
      const text = lines[i]!.text.trim();
      if (inInterleaved(lines[i]!.start) || text === '') continue;
      seen++;
      if (afterShort && text.length <= TAGLINE_MAX && PROVIDER_TAGLINE.test(text)) {
        sigLine = i;
        break;
      }
      if (text.length > AFTER_TAGLINE_MAX) afterShort = false;
    }
  }
  if (sigLine < 0) {
    for (let i = cut - 1; i >= 0 && i >= cut - SIGNATURE_MAX_LINES - 1; i--) {
      if (inInterleaved(lines[i]!.start)) break;
      if (SIGN_OFF.test(lines[i]!.text)) {
        const hasContentAbove = lines.slice(0, i).some((l) => l.text.trim() !== '');
        if (!hasContentAbove) break;
        const after = lines.slice(i + 1, cut).filter((l) => l.text.trim() !== '');
        if (after.length <= SIGNATURE_MAX_LINES && after.every((l) => l.text.length <= SIGNATURE_MAX_LINE)) {
          sigLine = i;
        }
        break;
      }
    }
  }
  const judgedEnd = sigLine >= 0 ? lines[sigLine]!.start : historyStart;
  const signature = sigLine >= 0 && judgedEnd < historyStart ? { start: judgedEnd, end: historyStart } : null;

  // 3. Within the judged part, lines quoted with ">" are left out too.
  const judged: Range[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) judged.push({ start: runStart, end: runEnd });
    runStart = -1;
  };
  let quoteRun: Range | null = null;
  for (const line of lines) {
    if (line.start >= judgedEnd) break;
    if (inInterleaved(line.start)) {
      flush();
      quoteRun = null;
      continue;
    }
    if (QUOTE_PREFIX.test(line.text)) {
      flush();
      const end = Math.min(line.next, judgedEnd);
      if (quoteRun && quoteRun.end === line.start) quoteRun.end = end;
      else {
        quoteRun = { start: line.start, end };
        quoted.push(quoteRun);
      }
      continue;
    }
    if (runStart < 0) runStart = line.start;
    runEnd = Math.min(line.next, judgedEnd);
  }
  flush();
  quoted.sort((a, b) => a.start - b.start);
  return { judged, signature, quoted };
}
