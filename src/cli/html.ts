/**
 * HTML to plain text for e-mail bodies that have no text/plain part. A linear scan (no backtracking regexes over
 * the whole input), so hostile markup ends in time proportional to its length.
 */
import { CP1252_HIGH } from './charset.ts';

const DROP_WITH_CONTENT = new Set(['script', 'style', 'template', 'head', 'title']);
/** Unclosed script/style/template hide the rest of the document (as in a browser); unclosed head/title do not. */
const DROP_REST_IF_UNCLOSED = new Set(['script', 'style', 'template']);
const PARAGRAPH = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'blockquote',
  'pre',
  'dl',
]);
const LINE = new Set([
  'br',
  'div',
  'tr',
  'dt',
  'dd',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'figure',
  'figcaption',
  'address',
  'center',
  'form',
  'fieldset',
  'caption',
  'body',
]);
const CELL = new Set(['td', 'th']);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  zwnj: '',
  zwj: '',
  shy: '',
  pound: '£',
  euro: '€',
  cent: '¢',
  yen: '¥',
  dollar: '$',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  percnt: '%',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  para: '¶',
  sect: '§',
  dagger: '†',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  check: '✓',
  star: '☆',
  hearts: '♥',
  iexcl: '¡',
  iquest: '¿',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  aring: 'å',
  atilde: 'ã',
  aelig: 'æ',
  ccedil: 'ç',
  iacute: 'í',
  igrave: 'ì',
  icirc: 'î',
  iuml: 'ï',
  ntilde: 'ñ',
  oacute: 'ó',
  ograve: 'ò',
  ocirc: 'ô',
  ouml: 'ö',
  otilde: 'õ',
  oslash: 'ø',
  uacute: 'ú',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  yacute: 'ý',
  yuml: 'ÿ',
  szlig: 'ß',
  Eacute: 'É',
  Egrave: 'È',
  Aacute: 'Á',
  Agrave: 'À',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  Ccedil: 'Ç',
  Ntilde: 'Ñ',
};

function codePointText(code: number): string {
  const mapped = code >= 0x80 && code <= 0x9f ? (CP1252_HIGH[code - 0x80] ?? code) : code;
  if (mapped === 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(mapped);
}

/** Decodes character references (&amp; &#163; &#xA3; and the common named ones). Unknown names stay as typed. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(
    /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g,
    (all, dec, hex, name) => {
      if (dec !== undefined) return codePointText(Number.parseInt(dec, 10));
      if (hex !== undefined) return codePointText(Number.parseInt(hex, 16));
      return NAMED[name] ?? NAMED[String(name).toLowerCase()] ?? all;
    },
  );
}

/** ASCII-only lower-casing keeps every index the same as in the original (String#toLowerCase may not). */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** Marks a paragraph break in the output until tidy() lays it out (text chunks never contain it). */
const PARAGRAPH_BREAK = '\u0001';

const TAG_START = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/;

export function htmlToText(html: string): string {
  const lower = asciiLower(html);
  const n = html.length;
  const out: string[] = [];
  const unclosed = new Set<string>();
  let i = 0;

  const text = (chunk: string) => {
    if (chunk) out.push(decodeEntities(chunk.replace(/\s+/g, ' ')).replaceAll(PARAGRAPH_BREAK, ''));
  };

  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const m = TAG_START.exec(html.slice(lt, lt + 80));
    if (m === null) {
      const next = html[lt + 1];
      if (next === '!' || next === '?') {
        // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>
        const gt = html.indexOf('>', lt);
        i = gt === -1 ? n : gt + 1;
      } else {
        out.push('<');
        i = lt + 1;
      }
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt === -1) break; // an unterminated tag: the rest is markup
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    i = gt + 1;

    if (!closing && DROP_WITH_CONTENT.has(name)) {
      if (!unclosed.has(name)) {
        const close = lower.indexOf(`</${name}`, i);
        if (close !== -1) {
          const closeGt = html.indexOf('>', close);
          i = closeGt === -1 ? n : closeGt + 1;
          continue;
        }
        unclosed.add(name);
      }
      if (DROP_REST_IF_UNCLOSED.has(name)) break;
      continue;
    }
    if (PARAGRAPH.has(name)) out.push(PARAGRAPH_BREAK);
    else if (name === 'li') out.push(closing ? '\n' : '\n• ');
    else if (LINE.has(name)) out.push('\n');
    else if (CELL.has(name) && closing) out.push('\t');
  }

  return tidy(out.join(''));
}

/**
 * Trims each line, turns tabs and no-break spaces into spaces; line breaks in a row make one line break, and any
 * paragraph break among them makes one blank line.
 */
function tidy(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: PARAGRAPH_BREAK is a control character on purpose
  const pieces = text.replace(/[\t\u00a0]+/g, ' ').split(/([\n\u0001])/);
  const kept: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    if (piece === '\n') {
      pending ||= '\n';
    } else if (piece === PARAGRAPH_BREAK) {
      pending = '\n\n';
    } else {
      const line = piece.replace(/ {2,}/g, ' ').trim();
      if (line === '') continue;
      if (kept.length > 0) kept.push(pending);
      kept.push(line);
      pending = '';
    }
  }
  return kept.join('');
}
