/**
 * What a sentence asks of its reader. Direct marketing is a message that promotes something *to the reader*: it
 * asks them to buy, give, sign, vote or join, or puts an offer in front of them. A service message serves a
 * relationship the reader already has: it acknowledges what they did (a donation, an order, a booking), records it
 * (a reference, an amount), tells them what to do about their own account or appointment, or states a duty.
 *
 * Each sentence gets its acts from two things: the lexicon hits found in it, each pattern with a `role` (src/data
 * lexicons: an `ask` or `offer` pattern is a request or an offer in itself; a `request` cue makes the sentence a
 * request; `acknowledge`, `record` and `duty` cues mark service; anything else is a `mention` of a topic), and the
 * sentence's grammar from compromise (an imperative opening, a question to the reader, a negation before the cue).
 *
 * The same cue word counts differently in context: "donation" in "Donation reference: 123" is a record, in "Thank
 * you for your donation" an acknowledgement, in "You must not make an online donation" a negation, and only in
 * "Please consider a donation" an ask. Hits that a context neutralises are `gated`: they stay visible to the draft
 * checks but are neither evidence for marketing nor model features.
 */
import type { Purpose } from '../verdict.ts';

/**
 * How a lexicon pattern speaks (default `mention`): `ask` and `offer` patterns are asks or offers in themselves;
 * a `mention` of a purpose becomes an ask in a request sentence ("Please support the appeal"); a `topic` never does
 * (a survey is asked for by charities, councils and campaigns alike); `request` cues make the sentence a request;
 * `acknowledge`, `record` and `duty` cues mark service; a `civic` cue marks the running of an election or members'
 * vote (polling stations, registers, ballots, AGMs), where talk of voting campaigns for no side.
 */
export const PATTERN_ROLES = [
  'mention',
  'topic',
  'ask',
  'offer',
  'request',
  'acknowledge',
  'record',
  'duty',
  'civic',
] as const;
export type PatternRole = (typeof PATTERN_ROLES)[number];

export const ACT_KINDS = ['ask', 'offer', 'service'] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/**
 * Kinds of service act: `acknowledge` (the reader's own past action or existing item), `record` (a reference,
 * amount or date line), `instruction` (what to do about their own account, booking or form), `duty` (a statutory or
 * contractual obligation), `public-service` (how to use a free public service or statutory process).
 */
export const SERVICE_KINDS = ['acknowledge', 'record', 'instruction', 'duty', 'public-service'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** One act in a sentence; offsets local to the sentence, like lexicon hits. */
export interface LocalAct {
  kind: ActKind;
  /** For asks and offers: what the reader is asked to do it for. */
  purpose?: Purpose;
  /** For service acts. */
  service?: ServiceKind;
  /** The lexicon pattern (index into CompiledLexicons.patterns) whose hit carries the act. */
  pattern: number;
  start: number;
  end: number;
  /**
   * True when a topic word became an ask only because the sentence is a request ("Please support the appeal"),
   * false when the pattern itself is an ask or an offer ("Donate today", "20% off").
   */
  byMood: boolean;
  /** For offers: the sentence puts it to the reader as a request ("Enjoy free delivery on your next order"). */
  inRequest?: boolean;
  /**
   * The act stands in an advert's line that reads like a record ("PureFit Basingstoke: £19.99 for a month's
   * membership"): it counts unless the message confirms the reader's own order, booking or membership, where the
   * same line is their record ("Friends of Abbey Gardens: £36 for a year" under "Thank you for joining").
   */
  provisional?: boolean;
}

/** A term as the acts need it (a subset of compromise's term). */
export interface ActTerm {
  text: string;
  normal?: string;
  tags: Set<string>;
}

export interface ActHit {
  pattern: number;
  start: number;
  end: number;
}

export interface ActPattern {
  signal: string;
  role: PatternRole;
}

export interface SentenceActs {
  acts: LocalAct[];
  /** Indexes of hits that the sentence's context neutralises (see the file comment). */
  gated: number[];
  /** The sentence asks something of the reader (imperative, request cue, or a question to "you"). */
  request: boolean;
  /** The sentence is a record line or carries a record cue. */
  record: boolean;
  /** The sentence is an advert's line shaped like a record (see LocalAct.provisional): its offers are provisional. */
  advert: boolean;
}

/** Which purpose a signal's ask or offer serves (signals that are not purposes give none). */
export function purposeOfSignal(signal: string): Purpose | null {
  switch (signal) {
    case 'promotional':
    case 'paid-service':
    case 'third-party':
    case 'consent-request':
      return 'promotional';
    case 'fundraising':
      return 'fundraising';
    case 'campaigning':
      return 'campaigning';
    default:
      return null;
  }
}

/** Openings that are imperative in form but ask nothing of the reader's money, vote or custom. */
const NOT_REQUEST_OPENINGS = new Set([
  'thank',
  'thanks',
  'welcome',
  'note',
  'imagine',
  'see',
  'congratulations',
  'happy',
  'wish',
  'enjoy',
  'meet',
  'find',
  'here',
  'hello',
  'hi',
  'dear',
]);
/** Words that may come before the verb of an imperative ("Please donate", "Just reply", "So, sign…"). */
const LEAD_WORDS = new Set([
  'please',
  'just',
  'simply',
  'so',
  'now',
  'also',
  'then',
  'and',
  'or',
  'kindly',
  'do',
]);
/** After a negation, these verbs make an emphatic request, not a refusal ("Don't forget to donate"). */
const EMPHATIC_AFTER_NEGATION = new Set(['forget', 'miss', 'delay', 'hesitate', 'wait', 'let', 'be']);
const NEGATORS = new Set(['not', 'never', 'no', 'nor', "n't", 'cannot']);

const isWord = (t: ActTerm) => /[\p{L}\p{N}]/u.test(t.text);
const norm = (t: ActTerm) => (t.normal ?? t.text).toLowerCase();

/** The sentence opens with an imperative that asks the reader to do something. */
function imperativeOpening(terms: ActTerm[]): boolean {
  let i = 0;
  while (i < terms.length && (!isWord(terms[i]!) || LEAD_WORDS.has(norm(terms[i]!)))) i++;
  const t = terms[i];
  if (!t) return false;
  if (NOT_REQUEST_OPENINGS.has(norm(t))) return false;
  if (t.tags.has('Imperative')) return true;
  // compromise leaves some imperatives untagged: "Sign up today", "Call 0800 123 456 to…" (or reads "Call" as a
  // noun). A bare infinitive that opens a statement is an instruction, unless it is the writer's own stance with
  // "I" left out ("Hope you are well", "Love the new logo"); a verb of getting in touch before a number, a pronoun
  // or "now" is one even when read as a noun.
  if (
    t.tags.has('Infinitive') &&
    !t.tags.has('Noun') &&
    !ELIDED_I.has(norm(t)) &&
    !/\?\s*$/.test(last(terms))
  )
    return true;
  const next = terms.slice(i + 1).find(isWord);
  return (
    CONTACT_VERBS.has(norm(t)) &&
    next !== undefined &&
    (next.tags.has('Value') || CONTACT_NEXT.has(norm(next)))
  );
}
const last = (terms: ActTerm[]) => terms[terms.length - 1]?.text ?? '';
/** Verbs that open a sentence with "I" left out ("Hope you're well", "Reckon we can do it"). */
const ELIDED_I = new Set([
  'hope',
  'love',
  'like',
  'think',
  'guess',
  'reckon',
  'wonder',
  'want',
  'need',
  'wish',
  'feel',
  'believe',
  'know',
  'mean',
  'understand',
  'appreciate',
  'suppose',
  'gather',
  'assume',
  'agree',
  'have',
]);
/** Verbs of getting in touch, and the words after them that make the opening an instruction ("Call now"). */
const CONTACT_VERBS = new Set(['call', 'ring', 'phone', 'text', 'txt', 'dial', 'email', 'contact']);
const CONTACT_NEXT = new Set(['us', 'me', 'now', 'today', 'freefone', 'freephone', 'free', 'our', 'the']);

/** A question put to the reader ("Will you give £5 today?"). */
function questionToReader(text: string, terms: ActTerm[]): boolean {
  if (!/\?\s*["'”’)]*\s*$/.test(text)) return false;
  // A question with no verb is a heading or a prompt ("Questions about your donation?"), not a request.
  if (!terms.some((t) => t.tags.has('Verb'))) return false;
  return terms.some((t) => {
    const n = norm(t);
    return n === 'you' || n === 'your';
  });
}

/**
 * A rhetorical question: "Why would you give the keys back to the people who crashed the car?" argues, it asks the
 * reader for nothing. "Why not…?" and "Why don't you…?" are suggestions, so they stay requests.
 */
const RHETORICAL = /^[^\p{L}]*why\s+(?!not\b|don['’]?t\b|do\s+not\b|won['’]?t\b)[^?]*\?\s*["'”’)]*\s*$/iu;

/** A party's or candidate's own ask for the reader's vote ("needs your vote", "lend us your vote"). */
const PARTY_ASK =
  /\b(?:needs?|lend\s+(?:us|me|him|her|them)|give\s+(?:us|me|him|her|them)|grateful\s+for|ask(?:ing)?\s+for|count\s+on)\s+your\s+vote\b/i;

/** Index of the term that contains character `offset` (terms' starts are local to the sentence). */
function termAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** A negation governs the words at term `i`: "not", "never", "no need to" within the four terms before it. */
function negatedAt(terms: ActTerm[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = terms[k]!;
    const n = norm(t);
    if (NEGATORS.has(n) || t.tags.has('Negative')) {
      const next = terms[k + 1];
      if (next && EMPHATIC_AFTER_NEGATION.has(norm(next))) return false;
      // "Why not give £5 today?" suggests; it refuses nothing.
      if (n === 'not' && k > 0 && norm(terms[k - 1]!) === 'why') return false;
      return true;
    }
  }
  return false;
}

/**
 * The cue names something the reader already has ("your regular donation", "your pledge", "your tickets"), in a
 * sentence that reports rather than asks or promises: no request, no modal ("could", "will"), no "today". "Your gift
 * today could feed a family" stays a purpose cue; "We tried to process your regular donation" does not.
 */
function readerOwnedAt(terms: ActTerm[], i: number, request: boolean): boolean {
  if (request) return false;
  let owned = false;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const n = norm(terms[k]!);
    if (n === 'your') {
      owned = true;
      break;
    }
    const tags = terms[k]!.tags;
    if (!tags.has('Adjective') && !tags.has('Value') && !tags.has('Possessive')) break;
  }
  if (!owned) return false;
  return !terms.some((t) => t.tags.has('Modal') || FUTURE_WORDS.has(norm(t)));
}
/**
 * The sender says what they will do ("I'll try it a couple of days", "We will vote for the motion"): the cue's verb
 * has "I" or "we" for its subject, with at most a modal or an adverb between. It asks nothing of the reader, unless
 * its own words name them ("we need your vote", "we'd be grateful for your support": see ADDRESSES_READER) or its
 * verb is the sender's request ("we are looking for people who can give three hours").
 */
function senderDoesAt(terms: ActTerm[], i: number): boolean {
  return subjectAt(terms, i, FIRST_PERSON);
}
/**
 * Someone else does it ("They can then get a quote", "she gave £20 last year"): the cue's verb has "he", "she" or
 * "they" for its subject. An offer or ask made to a third party is reported, not put to the reader.
 */
function thirdPartyDoesAt(terms: ActTerm[], i: number): boolean {
  return subjectAt(terms, i, THIRD_PERSON);
}
const THIRD_PERSON = /^(?:he|she|they)(?:['’](?:ll|d|ve|s|re))?$/i;
function subjectAt(terms: ActTerm[], i: number, subject: RegExp): boolean {
  // "We need more volunteers", "we are looking for people who can give three hours": the sender's request.
  if (terms[i] && SENDER_REQUESTS.has(norm(terms[i]!))) return false;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = terms[k]!;
    if (!t.text.trim() || t.tags.has('Modal') || t.tags.has('Auxiliary') || t.tags.has('Adverb')) continue;
    return subject.test(t.text.trim());
  }
  return false;
}
const SENDER_REQUESTS = new Set([
  'need',
  'needs',
  'looking',
  'recruiting',
  'seeking',
  'ask',
  'asking',
  'hope',
  'hoping',
  'want',
  'urge',
  'invite',
  'count',
  'rely',
]);
const FIRST_PERSON = /^(?:i|we)(?:['’](?:ll|d|ve|m|re))?$/i;
const ADDRESSES_READER = /\b(?:you|your|yours|us)\b/i;
const FUTURE_WORDS = new Set(['will', 'today', 'tonight', 'now', "'ll", 'could', 'would', 'can']);

/**
 * Short quoted labels of buttons, links and pages ("Click the 'Donate now' button", "select 'Book a visit'"): the
 * sentence names a control, it does not make the ask. Spans of the quoted text.
 */
const QUOTED = /(['‘"“])([^'’"”\n]{1,40})(['’"”])/g;
const UI_BEFORE = /\b(?:click|press|tap|select|choose|use|the|on|under)\s*$/i;
const UI_AFTER = /^\s*(?:button|link|tab|page|box|option|menu|section|icon)\b/i;
function uiLabelSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 10);
    if (m[2]!.split(/\s+/).length <= 4 && (UI_BEFORE.test(before) || UI_AFTER.test(after))) {
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  return spans;
}

/** The value after a label is a link: a web address or an email address, and nothing else. */
const LINK_VALUE =
  /^\s*(?:(?:https?:\/\/|www\.)\S{1,2000}|[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.(?:uk|com|org|net|gov|nhs|ac|co|io|info|biz|scot|wales|cymru|eu|ie)(?:\/\S{0,2000})?|[^\s@]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})\s*$/i;

/**
 * A record line: a short label, a colon and a value ("Donation reference: pi_123", "Amount: £20.00", "Visit date:
 * Thursday 12 June"). Only the label's words are judged as the line's meaning, never as an ask.
 */
const RECORD_LINE = /^\s*(?:[-•*]\s*)?[\p{L}][\p{L}\p{N} ()'’/&.-]{0,40}:\s*\S/u;
function recordLine(text: string): boolean {
  const m = RECORD_LINE.exec(text);
  if (!m) return false;
  const value = text.slice(m[0].length - 1).trim();
  // A label followed by a sentence ("Harvest: if you are planning to donate…", "Fernleigh Leisure: swimming lessons
  // now booking!") is a heading or a sender's name, not a record: a record's value is a figure, a date, a code or a
  // name of a few words.
  if (/[!?]/.test(value)) return false;
  // A form's or an order's answer ("Free gift wrap: Yes (message: …)", "Gift Aid: No - …"), not "no child should…".
  if (/^(?:yes|no|n\/a|none)\s*(?:$|[(,;.:\-–—])/i.test(value)) return true;
  const words = value.split(/\s+/).length;
  // Nor is prose after a heading ("What we ask: a registration fee of £75 and a fundraising pledge of £2,250"),
  // though a list that opens with a figure is a record however long ("Items: 1 x Blue Jumper, 1 x Red Scarf, …").
  if (words > 8 && !/^[\p{N}£$€]/u.test(value)) return false;
  return /[\p{N}£$€]/u.test(value.slice(0, 24)) || words <= 3;
}

/** Words that name a record's field, not a sender, a venue or a product. */
const FIELD_WORD =
  /^(?:amount|total|subtotal|pay|visit|visits|trip|trips|hire|session|sessions|lesson|lessons|class|classes|booking|bookings|ticket|tickets|entry|coach|travel|transport|lunch|lunches|meals|uniform|course|courses|price|cost|fee|fees|charge|charges|balance|paid|due|payment|payments|refund|deposit|donation|donations|gift|gifts|aid|debit|membership|subscription|plan|tariff|rate|renewal|date|time|ref|reference|number|no|order|invoice|receipt|status|account|type|item|items|quantity|qty|delivery|postage|shipping|collection|tax|vat|discount|saving|savings|monthly|annual|yearly|weekly)$/i;

/** A label that is a name: every word capitalised ("Riverside Leisure Centre"), none of them a field's word. */
function nameLabel(label: string): boolean {
  const words = label
    .replace(/^\s*[-•*]\s*/, '')
    .trim()
    .split(/\s+/);
  return words.every((w) => /^\p{Lu}/u.test(w) && !FIELD_WORD.test(w.replace(/[^\p{L}]/gu, '')));
}

/** A label that names who an offer is for ("New members", "Students", "Under-18s"), as adverts head their prices. */
const AUDIENCE_LABEL =
  /^\s*(?:(?:new|existing|returning|first-time|loyal)\s+(?:members?|customers?|clients?|joiners?|patients?|students?|subscribers?)|students|families|seniors|over[- ]?60s|under[- ]?\d+s)\s*$/i;

/**
 * A label that asks ("Join the Café Club", "Grab your pass"): an instruction with its object, not a field ("Price",
 * "Pay by") nor a heading whose first noun compromise can read as a verb ("Trip Cost", "Coach and entry").
 */
const LABEL_OBJECT = /\b(?:the|our|a|an|your|us|me)\b/i;
function askingLabel(label: string, terms: ActTerm[]): boolean {
  const words = label.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    !FIELD_WORD.test(words[0]!.replace(/[^\p{L}]/gu, '')) &&
    LABEL_OBJECT.test(words.slice(1).join(' ')) &&
    imperativeOpening(terms)
  );
}

/**
 * A label before an instruction ("Partner offer: enjoy 3 months of StreamBox free at…") or before a value with a
 * modal in it ("Half-term treat: under-12s can eat free all week") heads a sentence that speaks to the reader, not a
 * record's field. Asked only of lines that look like records.
 */
function sentenceAfterLabel(terms: ActTerm[], starts: number[], labelEnd: number): boolean {
  const at = terms.findIndex((t, k) => starts[k]! > labelEnd && isWord(t));
  if (at < 0) return false;
  const first = terms[at]!;
  return (
    first.tags.has('Imperative') ||
    (first.tags.has('Infinitive') && !first.tags.has('Noun')) ||
    terms.slice(at).some((t) => t.tags.has('Modal'))
  );
}

/**
 * Whether an ask cue opens the value after a label's colon ("Four days to stop the sewage: email your MP", where
 * compromise reads "email" as a noun), or is a one-word label before a link ("Order: example.org/shop"): an
 * instruction after a heading, not a record's value. Asked only of sentences with a colon.
 */
function askOpensValue(
  text: string,
  labelEnd: number,
  offset: number,
  hits: readonly ActHit[],
  patterns: readonly ActPattern[],
): boolean {
  const value = text.slice(labelEnd + 1);
  const valueAt = labelEnd + 1 + (value.length - value.trimStart().length);
  const linkValue = () => LINK_VALUE.test(value.replace(/[.!]\s*$/, ''));
  return hits.some(
    (h) =>
      patterns[h.pattern]!.role === 'ask' &&
      purposeOfSignal(patterns[h.pattern]!.signal) !== null &&
      (h.start - offset === valueAt || (h.start - offset === 0 && linkValue())),
  );
}

/** A value that is a way to respond: a link, an address or a telephone number. */
const PHONE_VALUE = /^\s*(?:call\s+|ring\s+|tel:?\s*)?\+?[0-9][0-9 ()-]{8,16}\s*$/i;
const contactValue = (v: string) => LINK_VALUE.test(v) || PHONE_VALUE.test(v);

/**
 * Job titles ("Head of Fundraising", "Campaigns Officer", "Gifts in Wills Officer"): they name a role, not an ask.
 * Title-case words before or after a role noun.
 */
const ROLE_NOUN =
  '(?:Head|Director|Manager|Officer|Lead|Co-?ordinator|Chair(?:man|woman|person)?|Executive|Assistant|Administrator|Secretary|Treasurer|Trustee|Organi[sz]er|Advisor|Adviser|Consultant|Champion|Ambassador)';
const CAP = "[A-Z][\\w&'’-]*";
const TITLE_AFTER = new RegExp(
  `\\b${ROLE_NOUN}\\s+(?:of|for)\\s+(?:(?:the|and|&)\\s+)?${CAP}(?:\\s+(?:and\\s+|&\\s+)?${CAP}){0,4}`,
  'g',
);
const TITLE_BEFORE = new RegExp(
  `\\b${CAP}(?:\\s+(?:and\\s+|&\\s+|in\\s+|of\\s+|for\\s+)?${CAP}){0,3}\\s+${ROLE_NOUN}\\b`,
  'g',
);

/**
 * Names of public and regulatory bodies ("the Fundraising Preference Service", "the Fundraising Regulator",
 * "Campaigns Standards Board"): a cue inside one names the body, it asks nothing. A fund or an appeal's own name
 * ("Winter Appeal Fund") is not among them: that is what a charity asks the reader to give to.
 */
const BODY_NOUN =
  '(?:Preference\\s+Service|Regulator|Ombudsman|Commission|Authority|Standards\\s+Board|Institute)';
const BODY_NAME = new RegExp(
  `\\b${CAP}(?:\\s+(?:and\\s+|&\\s+|of\\s+|for\\s+)?${CAP}){0,3}\\s+${BODY_NOUN}\\b`,
  'g',
);

function titleSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of [TITLE_AFTER, TITLE_BEFORE, BODY_NAME]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/**
 * The acts of one sentence. `text` is the sentence, found at `offset` in the piece that was parsed; `terms` and
 * `starts` are compromise's terms and their offsets, and `hits` the lexicon hits, both relative to that piece.
 */
export function sentenceActs(
  text: string,
  offset: number,
  terms: ActTerm[],
  starts: number[],
  hits: readonly ActHit[],
  patterns: readonly ActPattern[],
): SentenceActs {
  const roleOf = (h: ActHit) => patterns[h.pattern]!.role;
  const rhetorical = RHETORICAL.test(text);
  const request =
    !rhetorical &&
    (imperativeOpening(terms) || questionToReader(text, terms) || hits.some((h) => roleOf(h) === 'request'));
  const negated = hits.map((h) => terms.length > 0 && negatedAt(terms, termAt(starts, h.start)));
  const acknowledges = hits.some((h, i) => roleOf(h) === 'acknowledge' && !negated[i]);
  // A payment the reader owes ("pay the £8 contribution by 1 May") is administration like an acknowledgement.
  const owes = hits.some((h, i) => roleOf(h) === 'duty' && !negated[i]);
  // A line that opens by asking ("Please donate today: £10 keeps a family warm") is an ask with a colon, not a
  // record's label and value: the label is a request, and an ask cue sits in it. So is a purpose word in a request
  // before a link ("Book your place: example.org/conference"), but not before a figure ("Gift Aid: £4.00").
  const labelEnd = text.indexOf(':');
  const askInLabel =
    labelEnd > 0 &&
    imperativeOpening(terms) &&
    hits.some(
      (h) =>
        (roleOf(h) === 'ask' || (roleOf(h) === 'mention' && LINK_VALUE.test(text.slice(labelEnd + 1)))) &&
        h.end - offset <= labelEnd &&
        purposeOfSignal(patterns[h.pattern]!.signal) !== null,
    );
  // An offer as a label before a number to ring or a link ("Free no obligation valuation: 01632 960555") is a call
  // to act on the offer, not a record's field ("Free delivery: £0.00").
  const offerInLabel =
    labelEnd > 0 &&
    contactValue(text.slice(labelEnd + 1).replace(/[.!]\s*$/, '')) &&
    hits.some(
      (h) =>
        roleOf(h) === 'offer' &&
        h.end - offset <= labelEnd &&
        purposeOfSignal(patterns[h.pattern]!.signal) !== null,
    );
  // A label that asks ("Join the Café Club: £10 for a year's membership gets you 10% off") or names the seller
  // ("PureFit Basingstoke: £19.99 for a month's membership") before a price with its terms, an offer cue among
  // them, is an advert's line, not a field and its figure: a record's label names a field ("Monthly gift: £10",
  // "Total paid: £57.00"), and "Pay now: £20.00 for the trip" has no offer in it.
  const priceAfterAsk =
    labelEnd > 0 &&
    (askingLabel(text.slice(0, labelEnd), terms) ||
      nameLabel(text.slice(0, labelEnd)) ||
      AUDIENCE_LABEL.test(text.slice(0, labelEnd))) &&
    /^\s*[£$€]\S*\s+\S+\s+\S/.test(text.slice(labelEnd + 1)) &&
    hits.some(
      (h) =>
        roleOf(h) === 'offer' &&
        h.start - offset > labelEnd &&
        purposeOfSignal(patterns[h.pattern]!.signal) !== null,
    );
  // A value that opens with an ask ("Four days to stop the sewage: email your MP", where compromise reads "email" as
  // a noun) is an instruction after a heading, not a record's value.
  const askAfterLabel = labelEnd > 0 && askOpensValue(text, labelEnd, offset, hits, patterns);
  const recordShaped =
    recordLine(text) &&
    !askInLabel &&
    !offerInLabel &&
    !askAfterLabel &&
    !sentenceAfterLabel(terms, starts, labelEnd);
  const advert = recordShaped && priceAfterAsk && !hits.some((h) => roleOf(h) === 'record');
  const record = (recordShaped && !priceAfterAsk) || hits.some((h) => roleOf(h) === 'record');
  // "Dan Morrow needs your vote - find your polling station at…": a party asking for the reader's vote in the
  // sentence that names the polling station campaigns; there the civic cue neither marks service nor covers words.
  const partyAsk = hits.some(
    (h, i) =>
      roleOf(h) === 'ask' &&
      !negated[i] &&
      purposeOfSignal(patterns[h.pattern]!.signal) === 'campaigning' &&
      PARTY_ASK.test(text.slice(h.start - offset, h.end - offset)),
  );
  const civic = !partyAsk && hits.some((h) => roleOf(h) === 'civic');
  const titles = /[A-Z]/.test(text) ? titleSpans(text) : [];
  const labels = /['‘"“]/.test(text) ? uiLabelSpans(text) : [];
  const inside = (spans: [number, number][], h: ActHit) =>
    spans.some(([a, b]) => h.start >= a + offset && h.end <= b + offset);
  const inTitle = (h: ActHit) => inside(titles, h) || inside(labels, h);
  // Word senses that are not what the cue inside them means (each regex tried only when its key word is there).
  const goods = /\b(?:donat|give|giving|blood|organ|plasma)/i.test(text) ? spansOf(GOODS_DONATION, text) : [];
  const jobs = /candidate/i.test(text) ? spansOf(JOB_CANDIDATES, text) : [];
  const libre = /\bfree software\b/i.test(text) ? spansOf(FREE_SOFTWARE, text) : [];
  // "…removed from this list if you DO NOT reply to this message": a condition, not a no-reply notice.
  const ifNoReply = /\breply\b/i.test(text) ? spansOf(IF_NO_REPLY, text) : [];
  const travel = /\b(?:parking|car park|fare|taxi|tickets?|congestion|toll)/i.test(text)
    ? spansOf(TRAVEL_COST, text)
    : [];
  // …unless the sentence asks the reader to buy or book ("Book parking now: it costs just £8").
  const sellsTravel =
    travel.length > 0 &&
    hits.some((x) => roleOf(x) === 'ask' && purposeOfSignal(patterns[x.pattern]!.signal) === 'promotional');
  const gotv = /\b(?:gotv|get[- ]out[- ]the[- ]vote)\b/i.test(text)
    ? spansOf(GOTV_NOUN, text).filter(([a]) => !JOIN_BEFORE.test(text.slice(0, a)))
    : [];
  const condition = conditionSpan(text);
  // Sentence-wide readings that gate every purpose cue in it (see the gating below).
  const standIn = COMPENSATION.test(text) && !PRICED.test(text);
  const schoolPayment = SCHOOL_PAYMENT.test(text);
  const serviceAlerts = SERVICE_ALERTS.test(text);
  const scamReport = SCAM_REPORT.test(text);
  const overlaps = (spans: [number, number][], h: ActHit) =>
    spans.some(([a, b]) => h.start < b + offset && h.end > a + offset);
  const acts: LocalAct[] = [];
  const gated: number[] = [];
  /** For each act, the index of the hit that carries it. */
  const sources: number[] = [];
  const act = (h: ActHit, kind: ActKind, extra: Partial<LocalAct>) => {
    acts.push({ kind, pattern: h.pattern, start: h.start, end: h.end, byMood: false, ...extra });
    sources.push(hits.indexOf(h));
  };

  hits.forEach((h, i) => {
    const { signal } = patterns[h.pattern]!;
    const role = roleOf(h);
    const purpose = purposeOfSignal(signal);
    if (purpose) {
      // A purpose cue in a record line, after a negation, or (unless it is an ask or offer in itself) in a sentence
      // that acknowledges the reader's own action, says nothing the sender is promoting.
      const mentionOnly = role !== 'ask' && role !== 'offer';
      const at = termAt(starts, h.start);
      const before = text.slice(0, h.start - offset);
      const own = text.slice(h.start - offset, h.end - offset);
      if (
        record ||
        negated[i] ||
        (rhetorical && role === 'ask') ||
        inTitle(h) ||
        (purpose === 'fundraising' && overlaps(goods, h) && !RAISES_MONEY.test(text)) ||
        (purpose === 'campaigning' && (overlaps(jobs, h) || overlaps(gotv, h))) ||
        (condition && inside([condition], h)) ||
        // What the reader is thanked for having decided ("Thanks for deciding to buy your tickets with us").
        THANKED_FOR.test(before) ||
        // What stands in for the service the reader already has while it is closed ("During the closure we're
        // offering all swim members free use of the pool at Castlegate") makes up for it; it sells nothing, unless it
        // names a price ("During the closure, why not try our café: 20% off all drinks").
        standIn ||
        // The cost of parking or travel in directions to the reader ("Parking at the centre costs £8").
        (purpose === 'promotional' && overlaps(travel, h) && !sellsTravel) ||
        // What the reader need not tell the sender ("You do not have to tell us if you include us in your Will").
        NO_NEED_TO_TELL.test(before) ||
        // What the reader may ask or talk about ("please contact the office if you'd like to talk about the
        // contribution"): a topic word there is the subject of their question, not something asked of them.
        (mentionOnly && ABOUT_QUERY.test(before)) ||
        // A contribution paid through a school's payment system ("make your contribution on ParentPay") is the
        // school's charge for a trip or activity under its charging policy, not a gift.
        (purpose === 'fundraising' && schoolPayment && /contribut/i.test(own)) ||
        // So is what a trip or an activity paid for there costs ("£2 by Wednesday for the cinema trip; please pay on
        // ParentPay"): a sale's words in it name what is charged for, unless they raise money (a PTA's raffle).
        (purpose !== 'fundraising' && schoolPayment && mentionOnly && SCHOOL_CHARGE.test(text)) ||
        // Asking whether the reader still wants their service reminders or alerts ("Would you like to keep receiving
        // these reminders?") asks consent for service messages, not for marketing.
        (signal === 'consent-request' && serviceAlerts) ||
        // What the reader is told to do so as not to lose what is theirs ("check your address so you don't miss out
        // on your vote"): the urgency serves the instruction before it.
        (KEEPS_OWN.test(before) && NOT_MISS.test(own)) ||
        // An offer in a sentence that acknowledges the reader's own action is their own deal ("pre-approved for the
        // mortgage you applied for", "as requested, your staff discount saves you 15% on this order"), unless it
        // looks ahead to a next purchase ("Thanks for your order: here's 10% off your next one").
        (role === 'offer' && acknowledges && !request && !/\bnext\b/i.test(text)) ||
        (!mentionOnly && senderDoesAt(terms, at) && !ADDRESSES_READER.test(own)) ||
        (!mentionOnly &&
          !request &&
          !PRICED.test(own) &&
          !/\bfree\b/i.test(own) &&
          thirdPartyDoesAt(terms, at)) ||
        // A scam or a fake described to warn the reader ("texts pretending to be from us offering 'two for the price
        // of one' holidays") reports someone else's lure.
        scamReport ||
        // "Free software" the movement and its licences ("an article on free software licences") offers nothing.
        (purpose === 'promotional' && overlaps(libre, h)) ||
        (mentionOnly && (acknowledges || owes)) ||
        // So is what the reader already has, whether named or offered ("your 30-day free trial ends on 14 April").
        (role !== 'ask' && readerOwnedAt(terms, at, request)) ||
        // The price of the reader's own contract, told as the contract requires ("your plan will cost £32 a month
        // from April"), offers nothing: only an ask beside it ("upgrade today") would make it a pitch.
        (role === 'offer' && owes && !request) ||
        (civic && purpose === 'campaigning' && mentionOnly)
      ) {
        gated.push(i);
        return;
      }
      if (role === 'ask') act(h, 'ask', { purpose });
      else if (role === 'offer') act(h, 'offer', request ? { purpose, inRequest: true } : { purpose });
      else if (request && role === 'mention') act(h, 'ask', { purpose, byMood: true });
      return;
    }
    if (negated[i]) return;
    if (role === 'acknowledge' && overlaps(ifNoReply, h)) {
      gated.push(i);
      return;
    }
    if (role === 'acknowledge') act(h, 'service', { service: 'acknowledge' });
    else if (role === 'record') act(h, 'service', { service: 'record' });
    else if (role === 'duty') act(h, 'service', { service: 'duty' });
    else if (role === 'civic') {
      if (civic) act(h, 'service', { service: 'public-service' });
    } else if (request && signal === 'service') act(h, 'service', { service: 'instruction' });
    else if (request && signal === 'public-task') act(h, 'service', { service: 'public-service' });
  });
  // A civic cue covers the campaigning words it overlaps or directly follows ("vote for their preferred candidate",
  // "you can vote for the candidate of your choice").
  hits.forEach((h, i) => {
    if (purposeOfSignal(patterns[h.pattern]!.signal) !== 'campaigning' || gated.includes(i)) return;
    if (hits.some((c) => roleOf(c) === 'civic' && c.start < h.end + CIVIC_REACH && h.start < c.end))
      gated.push(i);
  });
  // Overlapping cues share the context's verdict: if "make an online donation" is negated, so is "donation". A cue
  // passes its verdict on to the words inside it, and a negation or an election's running (a civic cue: "you can
  // vote for the candidate of your choice" at the polling station) to every cue it overlaps; but a mention gated for
  // what it is (a topic word in a sentence that thanks the reader) never takes down the ask around it: "Thank you
  // for your support: please consider making a donation today" still asks.
  const isGated = new Set(gated);
  const contextGated = [...gated];
  hits.forEach((h, i) => {
    if (isGated.has(i) || !purposeOfSignal(patterns[h.pattern]!.signal)) return;
    if (
      contextGated.some((g) => {
        const o = hits[g]!;
        if (!(o.start < h.end && h.start < o.end)) return false;
        const civicWord = civic && purposeOfSignal(patterns[o.pattern]!.signal) === 'campaigning';
        return negated[g] || civicWord || (o.start <= h.start && o.end >= h.end);
      })
    ) {
      gated.push(i);
      isGated.add(i);
    }
  });
  // The more specific reading wins: a cue inside a longer cue of another purpose says less than it ("Text SHELTER
  // to 70070" inside "Text SHELTER to 70070 to give" is a donation keyword, not a premium-rate service).
  // So does a service reading of the same words: "money back" inside "get your money back" (a refund), "free of
  // charge" inside "swap your tickets free of charge" (an exchange of the reader's own booking), "free" inside "free
  // NHS flu vaccination" (a public service).
  const inLonger = hits.map((h, i) => {
    const purpose = purposeOfSignal(patterns[h.pattern]!.signal);
    if (!purpose || isGated.has(i)) return false;
    return hits.some((o, j) => {
      if (j === i || isGated.has(j)) return false;
      const other = purposeOfSignal(patterns[o.pattern]!.signal);
      // A public service's own words count too: "free NHS flu vaccination" is a free public service, not an offer.
      const serviceReading =
        other === null &&
        (SERVICE_ROLES.has(roleOf(o)) || patterns[o.pattern]!.signal === 'public-task') &&
        !negated[j];
      return (
        ((other !== null && other !== purpose) || serviceReading) &&
        o.start <= h.start &&
        o.end >= h.end &&
        o.end - o.start > h.end - h.start
      );
    });
  });
  inLonger.forEach((yes, i) => {
    if (yes) {
      gated.push(i);
      isGated.add(i);
    }
  });
  const kept = acts.filter((_, k) => !isGated.has(sources[k]!) || acts[k]!.kind === 'service');
  if (advert) for (const a of kept) if (a.kind !== 'service') a.provisional = true;
  return { acts: kept, gated, request, record, advert };
}

/**
 * Giving things rather than money: blood, organs, or goods for reuse ("donate unwanted furniture to the reuse shop",
 * "give blood", "blood donation session"), and handling goods given ("sort and check donations"). Not an appeal for
 * funds, so its words are no fundraising cue. Spans of the donating words and their object.
 */
const GOODS_DONATION =
  /\b(?:(?:sort|sorting|check|checking|collect|collecting|unpack|unpacking|pack|packing|store|storing|deliver|delivering|process|processing|distribute|distributing)\s+(?:(?:the|our|incoming|food|all)\s+){0,2}donations|(?:donat\w*|give|giving|bring|drop off)\s+(?:(?:your|any|some|their|our|unwanted|old|used|spare|pre-?loved|unused|good quality|quality|surplus|clean|working)\s+){0,3}(?:furniture|clothes|clothing|goods|books|toys|electricals|bikes|bicycles|paint|tins|bric-a-brac|household items|items|blood|plasma|platelets|organs|stem cells)|(?:blood|organ|plasma|platelet|stem cell)\s+(?:donations?|donors?|donating|donation sessions?)|donations?\s+(?:room|area|store|storeroom|shed|bay|rails?|door|bins?|banks?|drop-off))\b/gi;
/** "Free software" as the movement and its licences, not software given away. */
const FREE_SOFTWARE =
  /\bfree software\s+(?:licen[cs]es?|foundation|movement|community|projects?|developers?|advocates?|principles?|definition|philosophy|world)\b/gi;
/** Goods given to raise money ("every bag raises up to £25 for heart research") are fundraising after all. */
const RAISES_MONEY = /\b(?:rais(?:e|es|ed|ing)|funds?|fundrais\w*|appeal|charity shops?|our shops?)\b/i;

/** Where a global regex matches in `text`, as [start, end) spans. */
function spansOf(re: RegExp, text: string): [number, number][] {
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * "Get out the vote" as the name of a campaign's work, not a call to the reader: "our GOTV goal", "fuel our final
 * Get Out The Vote push". Spans of the phrase and the word that makes it a noun.
 */
const GOTV_NOUN =
  /\b(?:(?:our|the|this|their|his|her|my|final|last|big|whole)\s+(?:final\s+|big\s+|last\s+)?(?:gotv|get[- ]out[- ]the[- ]vote)|(?:gotv|get[- ]out[- ]the[- ]vote)\s+(?:goal|target|push|efforts?|operations?|drive|programm?e?s?|teams?|campaign|shifts?|calls?|weekend|fund|budget|plans?|machine|work|events?|ads?))\b/gi;

/** Just before a named drive: the reader is asked to join it ("Join our GOTV push", "help with our final push"). */
const JOIN_BEFORE =
  /\b(?:join|help(?:\s+with)?|be\s+part\s+of|volunteer\s+for|sign\s+up\s+(?:for|to)|come\s+to)\s+$/i;

/**
 * A leading condition on what the reader has done ("If you've voted for or are planning to vote for…, …", "If you
 * donated by cheque, …"): it names a case, it asks nothing, unless it is a polite request in itself ("If you could
 * vote for us on Thursday…", "If you'd like to give…"). "If you donate before midnight, …" is an ask, and stays
 * one. The clause's span, up to its comma, or null.
 */
const CONDITION = /^[^\p{L}]*(?:if|whether)\s+(?:you|your)\b[^,;:–—]{1,200}/iu;
const POLITE =
  /\b(?:could|would|can|will|might|may|please|like|want|wish|able|happy|willing)\b|['’]d\b|['’]ll\b/i;
const PAST_CONDITION =
  /\byou(?:['’]ve|['’]d|\s+have|\s+had|\s+did|\s+were|\s+was|\s+already)\b|\b(?:voted|donated|gave|given|signed|joined|bought|ordered|booked|supported|contributed|registered|pledged|paid|sponsored)\b/i;
function conditionSpan(text: string): [number, number] | null {
  const m = CONDITION.exec(text);
  if (!m || POLITE.test(m[0])) return null;
  // "If you donate before midnight, your gift will be matched" asks; only a condition on what the reader has done
  // ("If you've voted for…", "If you donated by cheque…") describes a case.
  if (!PAST_CONDITION.test(m[0])) return null;
  // A condition runs to its comma; one that never ends is the whole sentence, and then it is no condition at all.
  if (m[0].length >= text.trimEnd().length) return null;
  return [0, m[0].length];
}

/** Just before a cue: the reader is thanked for what they decided ("Thanks for deciding to", "Thank you for choosing to"). */
const THANKED_FOR =
  /\bthanks?(?:\s+you)?(?:\s+(?:so|very)\s+much)?\s+for\s+(?:deciding|choosing|remembering|your\s+decision)\s+to\s+$/i;

/** A stand-in for a service that is closed or disrupted. */
const COMPENSATION =
  /\b(?:during|while|for the duration of|until the end of)\s+(?:the|this|these)\s+(?:closure|closures|works|repairs|disruption|outage|refurbishment|strike|strikes)\b/i;

const IF_NO_REPLY = /\b(?:if|unless|when)\s+you\s+(?:do not|don't|dont)\s+reply\b[^.!?]*/gi;

/**
 * What getting there costs ("Parking at the centre costs £8 for the day", "a taxi from the station is about £10"):
 * directions for someone coming, not a price the sender puts to the reader.
 */
const TRAVEL_COST =
  /\b(?:parking|car parks?|parking spaces?|fares?|taxis?|train tickets?|bus tickets?|congestion charge|tolls?)\b[^.!?,;]{0,40}?\b(?:costs?|is|are|will be|charges?)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|just\s+|only\s+)?[£$€]\s?\d[\d,.]*(?:\s+(?:a|an|per)\s+\w+)?/gi;

/** "You do not have to tell us…", "there's no need to let us know…": what follows is the reader's own business. */
const NO_NEED_TO_TELL =
  /\b(?:do\s+not|don['’]t|does\s+not|doesn['’]t|no\s+need\s+to|never\s+need\s+to)\s+(?:have\s+to\s+|need\s+to\s+)?(?:tell|let|inform)\s+(?:us|me)\b/i;

/**
 * Just before a topic word: the reader's own question or worry about it ("questions about your", "talk to someone in
 * confidence about the"). An invitation to ask about what the sender offers ("Ask us about our discount") is no
 * such thing.
 */
const ABOUT_QUERY =
  /\b(?:questions?|quer(?:y|ies)|worr(?:y|ies|ied)|concerns?|problems?|difficult(?:y|ies)|in\s+confidence)\b[^.?!]{0,40}\babout\s+(?:the|your|this|that|any)?\s*$/i;

/** A sentence that warns of a scam or a fake ("reports of fake 'closing down sale' websites"). */
const SCAM_REPORT =
  /\b(?:pretending\s+to\s+be|posing\s+as|claiming\s+to\s+be\s+from|impersonating|reports?\s+of\s+(?:fake|bogus|scam|fraudulent))\b/i;

/** A school's payment system, through which parents pay for trips, meals and clubs. */
const SCHOOL_PAYMENT =
  /\b(?:parent\s?pay|school\s?money|scopay|squid|tucasi|parentmail|school gateway|schoolcomms)\b/i;
/** What a school charges parents for: a trip, a visit, lessons, meals. */
const SCHOOL_CHARGE = /\b(?:trips?|visits?|outings?|residentials?|swimming|lessons?|lunch(?:es)?|meals?)\b/i;

/** Service messages the reader gets: reminders, alerts and notifications about their own matter. */
const SERVICE_ALERTS =
  /\b(?:(?:these|the|your|our|text|sms|email|appointment|collection|bin|payment|delivery|service|prescription|order|account|flood|travel|weather|school)\s+)(?:reminders?|alerts?|notifications?)\b/i;

/** The end of an instruction's "so that you…" clause, and the negated loss that follows it ("…don't miss out"). */
const KEEPS_OWN = /\bso\s+(?:that\s+)?you\s+$/i;
const NOT_MISS = /^(?:don'?t|do\s+not|won'?t|will\s+not|never)\s+miss\b/i;

/** How far after a campaigning cue a civic cue may start and still cover it ("vote for | the candidate of…"). */
const CIVIC_REACH = 6;

/** Roles of the service cues whose reading of the same words outranks a shorter purpose cue inside them. */
const SERVICE_ROLES: ReadonlySet<PatternRole | undefined> = new Set(['acknowledge', 'record', 'duty']);

/** Candidates for a job, not an election ("two strong candidates for the role", "shortlisted candidates"). */
const JOB_CANDIDATES =
  /\b(?:(?:shortlisted|suitable|qualified|experienced|vetted|pre-vetted|interviewed|strong|good|great|excellent|two|three|several)\s+candidates?\s+(?:for\s+(?:the|this|your|a|an)\s+(?:role|position|job|vacancy|post|opening)s?(?!\s+of\s+[A-Z])|who\s+(?:are|is)\s+(?:actively\s+)?(?:looking|available|interested))|candidates?\s+(?:for|to\s+fill)\s+(?:the|this|your|a|an)\s+(?:role|position|job|vacancy|post|opening)s?(?!\s+of\s+[A-Z]))\b/gi;

/**
 * Asks that say how the reader answers or hears more (reply with a keyword, sign up for updates, say whether they
 * want to hear from us, come along to an event, click or call): they carry whatever the message promotes, so they
 * never decide its purpose (a party's "join us for election night" or "text WIN to 55404" is campaigning). Passing
 * the message on ("forward this email", "tell your friends") is one of them: a club's bring-a-friend discount is
 * still a sale.
 */
export const CHANNEL_ASKS: ReadonlySet<string> = new Set([
  'promotional/event-promo',
  'promotional/reply-keyword',
  'promotional/click-call',
  'consent-request/would-you-like',
  'consent-request/opt-in',
  'campaigning/share-spread',
]);

/** An offer's words that name a price or a discount ("just £45", "20% off", "half price", "2-for-1"). */
export const PRICED =
  /[£$€%]|\d\s*p\b|\b\d\s*-?\s*for\s*-?\s*\d\b|\bbogof\b|\b(?:price|prices|pence|per cent|discount|half)\b/i;

/** A stable name for an act's kind and purpose, as the model's features and the tests use it. */
export function actKey(a: Pick<LocalAct, 'kind' | 'purpose' | 'service' | 'byMood'>): string {
  if (a.kind === 'service') return `service:${a.service}`;
  return `${a.kind}${a.byMood ? '-mood' : ''}:${a.purpose}`;
}
