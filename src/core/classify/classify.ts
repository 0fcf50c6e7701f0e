/**
 * Draft → Classification. Splits the body into judged text, signature and quoted history, analyses each
 * sentence once (cached by its text), sums features and scores them with the model.
 */
import modelFile from '../../data/model.json' with { type: 'json' };
import { actKey, CHANNEL_ASKS, PRICED } from '../acts/acts.ts';
import type { Draft } from '../draft/draft.ts';
import { type Range, segmentBody } from '../draft/segment.ts';
import {
  adjustForCoverage,
  assessCoverage,
  type CueHit,
  type LanguageReport,
  type Stretch,
} from '../language/coverage.ts';
import { type LanguageRun, languageRuns } from '../language/runs.ts';
import { splitSentences } from '../nlp/nlp.ts';
import {
  type DirectMarketingLevel,
  type Evidence,
  isMarketingLevel,
  type LanguageCode,
  type PrimaryPurpose,
  type Purpose,
} from '../verdict.ts';
import {
  type Classification,
  type DraftAct,
  isPurpose,
  type Located,
  SIGNALS,
  type Signal,
  type SignalHit,
} from './classification.ts';
import { extractFeatures, type Features } from './features.ts';
import { type CompiledLexicons, type CompiledPattern, sharedLexicons } from './lexicon.ts';
import { type ModelFile, scores } from './model.ts';
import {
  addStats,
  analysePieces,
  analyseSentence,
  emptyStats,
  type SentenceResult,
  type Stats,
} from './sentence.ts';

/** Longer bodies are judged on their first part only (and say so): keeps every check bounded in time. */
export const MAX_BODY_CHARS = 400_000;
export const MAX_SUBJECT_CHARS = 2_000;
const CACHE_LIMIT = 20_000;
/** A "sentence" longer than this (text with no full stops, junk) is cut at white space: bounds each parse. */
const MAX_PIECE_CHARS = 1_000;
/** Evidence beyond this many items is dropped (a pathological draft would otherwise give tens of thousands). */
const MAX_EVIDENCE = 1_000;

/** Which purpose a cue's evidence speaks for (absent: not shown as evidence). */
const EVIDENCE_PURPOSE: Partial<Record<Signal, PrimaryPurpose>> = {
  promotional: 'promotional',
  fundraising: 'fundraising',
  campaigning: 'campaigning',
  'consent-request': 'promotional',
  'third-party': 'promotional',
  'paid-service': 'promotional',
  service: 'none',
  'public-task': 'none',
  solicited: 'none',
};

export interface Classifier {
  classify(draft: Draft): Classification;
  /** The model's input for a draft (the training and evaluation scripts use this). */
  features(draft: Draft): Features;
  /** Sentences analysed since creation vs served from the cache (benchmarks and tests). */
  stats(): { analysed: number; cached: number; cacheSize: number };
  /**
   * Analyses the draft's not-yet-cached paragraphs a slice at a time (about WARM_SLICE_CHARS of text per
   * slice), asking `shouldStop()` between slices, and returns true once every paragraph is cached. The next
   * `classify` of the same text is then cheap. Lets a host split the first check of a long draft into short tasks
   * (a browser's idle callbacks) instead of one long one. Results are identical either way.
   */
  warm(draft: Draft, shouldStop: () => boolean): boolean;
}

/** Text per warm-up slice: a few milliseconds of parsing, far below a 50 ms long task. */
export const WARM_SLICE_CHARS = 1500;

export interface ClassifierOptions {
  model?: ModelFile;
  lexicons?: CompiledLexicons;
  /**
   * The per-sentence, per-paragraph and language caches. Results depend only on the text and the lexicons, so
   * classifiers with different models may share them (evaluation scripts do, to parse each text once).
   */
  caches?: ClassifierCaches;
}

export interface ClassifierCaches {
  sentences: Map<string, SentenceResult>;
  paragraphs: Map<string, SentenceResult>;
  runs: Map<string, LanguageRun[]>;
  /** Sentences kept (least recently used go first); paragraphs and language runs keep a quarter as many. */
  limit: number;
}

export const createCaches = (limit = CACHE_LIMIT): ClassifierCaches => ({
  sentences: new Map(),
  paragraphs: new Map(),
  runs: new Map(),
  limit,
});

/**
 * Mixed messages. A long service message with one promotional paragraph (the council notice that ends with a
 * leisure-centre offer) is diluted when scored as a whole, yet the ICO treats any marketing in a message as
 * making it direct marketing. So each body paragraph of at least this many words is also scored on its own, and
 * a draft of two or more paragraphs is "likely" when one of them alone reads as clear marketing (the "yes"
 * threshold: a stricter bar than for a whole message, since one paragraph carries less context).
 */
export const MIXED_MIN_WORDS = 8;

interface Analysis {
  /**
   * Features of each substantial body paragraph with English hits, scored on its own (mixed messages); empty
   * unless the body has two or more substantial paragraphs.
   */
  paragraphFeatures: Features[];
  features: Features;
  hits: SignalHit[];
  acts: DraftAct[];
  stats: Stats;
  quoted: Range[];
  /** The quoted history has the reader asking for something (QUOTED_REQUEST). */
  readerRequest: boolean;
  signature: Range | null;
  /** Length of the body actually analysed. */
  analysedLength: number;
  truncated: boolean;
  /** Which judged text is not in English, and what the verdict can rest on. */
  language: LanguageReport;
  /** Judged other-language purpose cues (Welsh fundraising, promotional, campaigning words). */
  cues: CueHit[];
}

/** Cuts at `max` without splitting a surrogate pair. */
function safeCut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

export function levelFor(p: number, t: ModelFile['thresholds']): DirectMarketingLevel {
  if (p >= t.yes) return 'yes';
  if (p >= t.likely) return 'likely';
  if (p >= t.unclear) return 'unclear';
  if (p >= t.unlikely) return 'unlikely';
  return 'no';
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** Cuts an over-long piece at white space (or hard, never inside a surrogate pair) into bounded chunks. */
export function chunk(text: string): string[] {
  if (text.length <= MAX_PIECE_CHARS) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > MAX_PIECE_CHARS) {
    let cut = -1;
    for (let i = MAX_PIECE_CHARS; i > MAX_PIECE_CHARS / 2; i--) {
      if (/\s/.test(rest[i]!)) {
        cut = i + 1;
        break;
      }
    }
    if (cut < 0) {
      cut = MAX_PIECE_CHARS;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

/** Splits a range into paragraphs at blank lines (the blank lines go with the paragraph before them). */
function paragraphsOf(source: string, range: Range): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /\n[ \t]*\r?\n\s*/g;
  re.lastIndex = range.start;
  let start = range.start;
  for (let m = re.exec(source); m && m.index < range.end; m = re.exec(source)) {
    const end = Math.min(m.index + m[0].length, range.end);
    out.push({ text: source.slice(start, end), start });
    start = end;
    if (end >= range.end) break;
  }
  if (start < range.end) out.push({ text: source.slice(start, range.end), start });
  return out;
}
const round = (x: number) => Math.round(x * 1000) / 1000;

export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const model: ModelFile = options.model ?? modelFile;
  let compiledLexicons = options.lexicons;
  const caches = options.caches ?? createCaches();
  const cache = caches.sentences;
  /** Whole paragraphs → their merged hits (offsets local to the paragraph): an edit re-splits one paragraph only. */
  const paragraphs = caches.paragraphs;
  /** Paragraph → its language runs (language identification is cheap, but a re-check should not redo it). */
  const runCache = caches.runs;
  let analysed = 0;
  let cached = 0;
  const runsOf = (text: string): LanguageRun[] => {
    const known = runCache.get(text);
    if (known) {
      runCache.delete(text);
      runCache.set(text, known);
      return known;
    }
    const runs = languageRuns(text);
    runCache.set(text, runs);
    if (runCache.size > caches.limit / 4) runCache.delete(runCache.keys().next().value as string);
    return runs;
  };
  const lexicons = () => {
    compiledLexicons ??= sharedLexicons();
    return compiledLexicons;
  };

  const remember = (text: string, result: SentenceResult) => {
    cache.set(text, result);
    if (cache.size > caches.limit) cache.delete(cache.keys().next().value as string);
  };

  /**
   * Results for each piece, from the cache where possible. Pieces not cached are analysed together in one
   * parse when there are several (a first check), or one by one (typing changes one sentence).
   */
  const analyseAll = (pieces: string[]): SentenceResult[] => {
    const results: (SentenceResult | undefined)[] = pieces.map((piece) => {
      const hit = cache.get(piece);
      if (hit) {
        cached++;
        cache.delete(piece); // refresh its place in the LRU order
        cache.set(piece, hit);
      }
      return hit;
    });
    const missing = [...new Set(pieces.filter((_, i) => !results[i]))];
    if (missing.length === 0) return results as SentenceResult[];
    const fresh = new Map<string, SentenceResult>();
    const batch = missing.length > 1 ? analysePieces(missing, lexicons()) : null;
    missing.forEach((piece, i) => {
      const result = batch?.[i] ?? analyseSentence(piece, lexicons());
      analysed++;
      fresh.set(piece, result);
      remember(piece, result);
    });
    return pieces.map((piece, i) => results[i] ?? fresh.get(piece)!);
  };

  /**
   * Results for whole paragraphs (hit offsets local to each paragraph). Known paragraphs come from the
   * paragraph cache; the others are split into sentences, and all their new sentences go through one batch.
   */
  const analyseParagraphs = (texts: string[]): SentenceResult[] => {
    const out: (SentenceResult | undefined)[] = texts.map((text) => {
      const known = paragraphs.get(text);
      if (known) {
        paragraphs.delete(text);
        paragraphs.set(text, known);
      }
      return known;
    });
    const todo: { index: number; pieces: { text: string; start: number }[] }[] = [];
    texts.forEach((text, index) => {
      if (out[index]) return;
      const pieces: { text: string; start: number }[] = [];
      let at = 0;
      for (const sentence of splitSentences(text)) {
        for (const piece of chunk(sentence)) {
          if (piece.trim()) pieces.push({ text: piece, start: at });
          at += piece.length;
        }
      }
      todo.push({ index, pieces });
    });
    if (todo.length === 0) return out as SentenceResult[];
    const results = analyseAll(todo.flatMap((t) => t.pieces.map((p) => p.text)));
    let k = 0;
    for (const { index, pieces } of todo) {
      const stats = emptyStats();
      const hits: SentenceResult['hits'] = [];
      const acts: SentenceResult['acts'] = [];
      for (const piece of pieces) {
        const r = results[k++]!;
        addStats(stats, r.stats);
        for (const h of r.hits) {
          const moved: SentenceResult['hits'][number] = {
            pattern: h.pattern,
            start: piece.start + h.start,
            end: piece.start + h.end,
          };
          if (h.gated) moved.gated = true;
          if (h.provisional) moved.provisional = true;
          hits.push(moved);
        }
        for (const a of r.acts) acts.push({ ...a, start: piece.start + a.start, end: piece.start + a.end });
      }
      const result: SentenceResult = { hits, stats, acts };
      out[index] = result;
      paragraphs.set(texts[index]!, result);
      if (paragraphs.size > caches.limit / 4) paragraphs.delete(paragraphs.keys().next().value as string);
    }
    return out as SentenceResult[];
  };

  /** The paragraph texts `analyseDraft` will ask for (language runs split as it splits them). */
  const paragraphTexts = (draft: Draft): string[] => {
    const subject = safeCut(draft.subject, MAX_SUBJECT_CHARS);
    const body = safeCut(draft.body, MAX_BODY_CHARS);
    const seg = segmentBody(body);
    const out: string[] = [];
    const add = (source: string, range: Range, judged: boolean) => {
      for (const p of paragraphsOf(source, range)) {
        if (!judged) {
          out.push(p.text);
          continue;
        }
        for (const run of runsOf(p.text))
          out.push(run.start === 0 && run.end === p.text.length ? p.text : p.text.slice(run.start, run.end));
      }
    };
    if (subject.trim()) add(subject, { start: 0, end: subject.length }, true);
    for (const r of seg.judged) add(body, r, true);
    if (seg.signature) add(body, seg.signature, false);
    return out;
  };

  const warm = (draft: Draft, shouldStop: () => boolean): boolean => {
    const todo = [...new Set(paragraphTexts(draft))].filter((t) => !paragraphs.has(t));
    let i = 0;
    while (i < todo.length) {
      if (shouldStop()) return false;
      const slice: string[] = [];
      let size = 0;
      while (i < todo.length && (slice.length === 0 || size + todo[i]!.length <= WARM_SLICE_CHARS)) {
        size += todo[i]!.length;
        slice.push(todo[i++]!);
      }
      analyseParagraphs(slice);
    }
    return true;
  };

  const analyseDraft = (draft: Draft): Analysis => {
    const compiled = lexicons();
    const subject = safeCut(draft.subject, MAX_SUBJECT_CHARS);
    const body = safeCut(draft.body, MAX_BODY_CHARS);
    const seg = segmentBody(body);
    const hits: SignalHit[] = [];
    const acts: DraftAct[] = [];
    const actKeys = new Set<string>();
    const bodyCounts = new Map<number, number>();
    const subjectSignals = new Map<Signal, number>();
    const footerSignals = new Map<Signal, number>();
    const stats = emptyStats();

    /**
     * A paragraph of a unit, or a run of lines of one language when a judged paragraph mixes English with
     * another language. `model`: the English model reads it (false for the non-English parts of a draft
     * that has enough English to be judged on its English text).
     */
    interface Para {
      text: string;
      start: number;
      language: LanguageCode;
      confidence: number;
      words: number;
      model: boolean;
    }
    /** A stretch of text analysed as a whole: the subject, a judged part of the body, or the signature. */
    interface Unit {
      field: 'subject' | 'body';
      source: string;
      judged: boolean;
      onHit: (i: number) => void;
      paras: Para[];
    }
    const units: Unit[] = [];
    const addUnit = (
      field: Unit['field'],
      source: string,
      range: Range,
      judged: boolean,
      onHit: Unit['onHit'],
    ) => {
      const paras: Para[] = [];
      for (const p of paragraphsOf(source, range)) {
        if (!judged) {
          paras.push({ ...p, language: 'unknown', confidence: 0, words: 0, model: true });
          continue;
        }
        for (const run of runsOf(p.text)) {
          paras.push({
            text: run.start === 0 && run.end === p.text.length ? p.text : p.text.slice(run.start, run.end),
            start: p.start + run.start,
            language: run.language,
            confidence: run.confidence,
            words: run.words,
            model: true,
          });
        }
      }
      units.push({ field, source, judged, onHit, paras });
    };
    if (subject.trim()) {
      addUnit('subject', subject, { start: 0, end: subject.length }, true, (i) =>
        bump(subjectSignals, compiled.patterns[i]!.signal),
      );
    }
    for (const r of seg.judged) addUnit('body', body, r, true, (i) => bump(bodyCounts, i));
    if (seg.signature) {
      addUnit('body', body, seg.signature, false, (i) => bump(footerSignals, compiled.patterns[i]!.signal));
    }

    // All paragraphs of all units in one call, so every new sentence of the draft goes through one parse.
    const results = analyseParagraphs(units.flatMap((u) => u.paras.map((p) => p.text)));

    // Other-language cues count in text of their language (and, in a draft with Welsh in it, in stretches
    // too short to identify, such as a subject line). Their number joins the coverage decision.
    const welshDraft = units.some((u) => u.judged && u.paras.some((p) => p.language === 'cy'));
    const cueCounts = (para: Para, language: string) =>
      para.language === language || (para.language === 'unknown' && language === 'cy' && welshDraft);
    // Each paragraph's hits without duplicates (alternative match strings of one pattern can hit the same span).
    const unique = results.map(uniqueHits);
    let welshCues = 0;
    const stretches: Stretch[] = [];
    let k = 0;
    for (const unit of units) {
      for (const para of unit.paras) {
        const paraHits = unique[k++]!;
        if (!unit.judged) continue;
        // The stretch without its surrounding white space (counted in place: no copy of the paragraph).
        let a = 0;
        let b = para.text.length;
        while (b > 0 && /\s/.test(para.text[b - 1]!)) b--;
        while (a < b && /\s/.test(para.text[a]!)) a++;
        stretches.push({
          field: unit.field,
          start: para.start + a,
          end: para.start + b,
          language: para.language,
          confidence: para.confidence,
          words: para.words,
        });
        for (const h of paraHits) {
          const p = compiled.patterns[h.pattern]!;
          if (p.language !== 'en' && isPurpose(p.signal) && cueCounts(para, p.language)) welshCues++;
        }
      }
    }
    const language = assessCoverage(stretches, welshCues);
    if (language.coverage === 'limited' && language.basis === 'english') {
      for (const unit of units) {
        for (const para of unit.paras) {
          if (para.language !== 'en' && para.language !== 'unknown') para.model = false;
        }
      }
    }

    // A message that confirms the reader's own order, booking or membership makes an advert-shaped line in it
    // ("Friends of Abbey Gardens: £36 for a year, free entry to talks") their record, not an offer.
    let confirms = false;
    {
      let k = 0;
      for (const unit of units)
        for (const para of unit.paras) {
          const r = results[k++]!;
          if (unit.judged && para.model && r.acts.some((a) => a.service === 'acknowledge')) confirms = true;
        }
    }
    const cues: CueHit[] = [];
    const paragraphFeatures: Features[] = [];
    let substantialParagraphs = 0;
    let next = 0;
    for (const unit of units) {
      for (const para of unit.paras) {
        const result = results[next]!;
        const paraHits = unique[next++]!;
        const modelled = unit.judged && para.model;
        // Style statistics come from the body only (the subject has its own features), so a body repeated reads
        // the same whatever the subject.
        if (modelled && unit.field === 'body') addStats(stats, result.stats);
        // Each substantial body paragraph is also scored on its own (see MIXED_MIN_WORDS).
        const own = modelled && unit.field === 'body' && result.stats.words >= MIXED_MIN_WORDS;
        const ownCounts = new Map<number, number>();
        const ownActs = new Set<string>();
        let ownPurpose = false;
        let ownAsk = false;
        if (own) substantialParagraphs++;
        for (const h of paraHits) {
          const p = compiled.patterns[h.pattern]!;
          const s = para.start + h.start;
          const e = para.start + h.end;
          const english = p.language === 'en';
          const judged = unit.judged && (english ? modelled : cueCounts(para, p.language));
          const hit: SignalHit = {
            signal: p.signal,
            role: p.role,
            patternId: p.globalId,
            field: unit.field,
            start: s,
            end: e,
            text: unit.source.slice(s, e),
            judged,
          };
          if (h.gated || (h.provisional && confirms)) hit.gated = true;
          hits.push(hit);
          if (hit.gated) continue;
          // Only English patterns feed the model: in the text it reads, and in the signature (footer cues).
          if (english && (judged || !unit.judged)) unit.onHit(h.pattern);
          if (own && english && judged) {
            bump(ownCounts, h.pattern);
            if (isPurpose(p.signal)) ownPurpose = true;
          }
          if (!english && judged && isPurpose(p.signal))
            cues.push({ patternId: p.globalId, signal: p.signal });
        }
        if (modelled) {
          for (const a of result.acts) {
            const p = compiled.patterns[a.pattern]!;
            if (p.language !== 'en' || (a.provisional && confirms)) continue;
            acts.push({
              kind: a.kind,
              purpose: a.purpose,
              service: a.service,
              byMood: a.byMood,
              ...(a.inRequest ? { inRequest: true } : {}),
              ...locate(p, unit, para.start + a.start, para.start + a.end),
            });
            const key = actKey(a);
            actKeys.add(key);
            if (own) ownActs.add(key);
            if (own && a.kind !== 'service') ownAsk = true;
          }
        }
        // Only a paragraph that asks the reader for something, or puts an offer to them, and has promotional,
        // fundraising or campaigning wording can make a mixed message: a lone mention is not a marketing element.
        if (own && ownPurpose && ownAsk) {
          paragraphFeatures.push(
            extractFeatures(
              {
                channel: draft.channel,
                bodyCounts: ownCounts,
                subjectSignals: new Map(),
                footerSignals: new Map(),
                stats: result.stats,
                acts: ownActs,
              },
              compiled,
            ),
          );
        }
      }
    }
    const features = extractFeatures(
      { channel: draft.channel, bodyCounts, subjectSignals, footerSignals, stats, acts: actKeys },
      compiled,
    );
    return {
      features,
      hits,
      acts,
      stats,
      quoted: seg.quoted,
      readerRequest: seg.quoted.some((r) =>
        QUOTED_REQUEST.test(body.slice(r.start, Math.min(r.end, r.start + 4000))),
      ),
      signature: seg.signature,
      analysedLength: body.length,
      truncated: body.length < draft.body.length || subject.length < draft.subject.length,
      language,
      cues,
      paragraphFeatures: substantialParagraphs >= 2 ? paragraphFeatures : [],
    };
  };

  return {
    stats: () => ({ analysed, cached, cacheSize: cache.size }),
    features: (draft) => analyseDraft(draft).features,
    warm,
    classify(draft) {
      const a = sumsAsPrices(analyseDraft(draft));
      const p = scores(model, a.features);
      const pMarketing = 1 - p.none;
      const modelPurposes: Record<Purpose, number> = {
        promotional: round(p.promotional),
        fundraising: round(p.fundraising),
        campaigning: round(p.campaigning),
      };
      let modelPurpose: PrimaryPurpose = 'none';
      if (pMarketing >= 0.5) {
        modelPurpose = (['promotional', 'fundraising', 'campaigning'] as const).reduce((x, y) =>
          p[y] > p[x] ? y : x,
        );
      }
      // Tickets and entries for a fundraising event or lottery are fundraising (fundraisingSale), and so is an
      // invitation to one (a cake sale for a hospice is not a campaign).
      const sale = fundraisingSale(a);
      if ((modelPurpose === 'promotional' || modelPurpose === 'campaigning') && sale) {
        swapPurpose(modelPurposes, modelPurpose, 'fundraising');
        modelPurpose = 'fundraising';
      }
      // A raffle's prizes, tickets and "18+" are the fundraising event's own words, not a second, commercial
      // purpose beside it: half their weight stays, so the draft is not read as mixing trade with the appeal.
      if (sale && modelPurpose === 'fundraising') {
        modelPurposes.fundraising = Math.max(modelPurposes.fundraising, modelPurposes.promotional);
        modelPurposes.promotional = round(modelPurposes.promotional / 2);
      }
      // What the reader is asked to do decides the purpose when every explicit ask serves one purpose (a free
      // guide offered with a legacy ask serves the ask); offers alone do not (a campaign email's free sticker does
      // not make it a sale). An explicit request for money makes a message fundraising whatever else it asks (a
      // petition with a donation ask, a shop with an appeal): the ICO and the corpora's labels put it first.
      const asked = new Set(
        a.acts
          .filter((x) => x.kind === 'ask' && !x.byMood && !CHANNEL_ASKS.has(x.patternId))
          .map((x) => (sale && x.purpose === 'promotional' ? 'fundraising' : x.purpose)),
      );
      // With no explicit ask, the asks a request sentence makes of purpose words decide, if they agree.
      const byMood = new Set(
        a.acts
          .filter((x) => x.kind === 'ask' && x.byMood && !CHANNEL_ASKS.has(x.patternId))
          .map((x) => (sale && x.purpose === 'promotional' ? 'fundraising' : x.purpose)),
      );
      const chosen = asked.size ? asked : byMood;
      // A request for money in words ("Please help us hit our critical goal", "your donation today") is a money
      // ask even beside an explicit call to vote or join: the label policy and the ICO put fundraising first. A
      // donate button's capitals alone ("DONATE") are not.
      const moneyInWords = a.acts.some(
        (x) =>
          x.kind === 'ask' &&
          x.byMood &&
          x.purpose === 'fundraising' &&
          !CHANNEL_ASKS.has(x.patternId) &&
          /\p{Ll}/u.test(x.text),
      );
      const explicit: Set<Purpose | undefined> =
        chosen.has('fundraising') || moneyInWords ? new Set(['fundraising']) : chosen;
      if (modelPurpose !== 'none' && explicit.size === 1) {
        const only = [...explicit][0]!;
        // Free offers that come with an appeal serve the appeal (a legacy ask's free guide and free will-writing):
        // when nothing promotional is asked for or priced, the two scores change places. Otherwise the other
        // purposes keep their scores: an appeal beside a shop offer is still a mixed message.
        const sellsNothing =
          modelPurpose === 'promotional' &&
          !a.acts.some(
            (x) =>
              x.purpose === 'promotional' &&
              ((x.kind === 'ask' && !x.byMood && !CHANNEL_ASKS.has(x.patternId)) ||
                (x.kind === 'offer' && PRICED.test(x.text))),
          );
        if (sellsNothing) swapPurpose(modelPurposes, modelPurpose, only);
        else modelPurposes[only] = Math.max(modelPurposes[only], modelPurposes[modelPurpose]);
        modelPurpose = only;
      }
      // A charity shop's sale ("HALF PRICE everything at our shop… every penny helps our animals") sells goods: a
      // note that its takings fund the cause is no appeal, so it stays promotional (the issue's rule 4).
      if (modelPurpose === 'fundraising' && sellsForTheCause(a)) {
        swapPurpose(modelPurposes, 'fundraising', 'promotional');
        modelPurposes.promotional = Math.max(modelPurposes.promotional, modelPurposes.fundraising);
        modelPurpose = 'promotional';
      }
      // A shop's or a sale's offer (20% off, a promo code, "shop now") is trade whatever the draft's main purpose:
      // beside an appeal it makes a mixed message (the charity soft opt-in covers charitable purposes only).
      if (
        modelPurpose !== 'promotional' &&
        modelPurpose !== 'none' &&
        a.acts.some((x) => TRADING_CUES.has(x.patternId))
      )
        modelPurposes.promotional = Math.max(modelPurposes.promotional, 0.5);
      let modelLevel = elementLevel(levelFor(pMarketing, model.thresholds), pMarketing, a, model);
      if (a.paragraphFeatures.length && !isMarketingLevel(modelLevel)) {
        // Mixed message: one marketing paragraph is enough (MIXED_MIN_WORDS).
        for (const f of a.paragraphFeatures) {
          const q = scores(model, f);
          if (1 - q.none < model.thresholds.yes) continue;
          modelLevel = 'likely';
          const top = (['promotional', 'fundraising', 'campaigning'] as const).reduce((x, y) =>
            q[y] > q[x] ? y : x,
          );
          modelPurpose = top;
          modelPurposes[top] = Math.max(modelPurposes[top], round(q[top]));
          break;
        }
      }
      // Text the classifier could not read (not English) never reads as "not marketing" (see coverage.ts).
      const { level, primaryPurpose, purposes } = adjustForCoverage(
        {
          level: modelLevel,
          primaryPurpose: modelPurpose,
          purposes: modelPurposes,
        },
        a.language,
        a.cues,
      );
      const counts = Object.fromEntries(SIGNALS.map((s) => [s, 0])) as Record<Signal, number>;
      for (const h of a.hits) if (h.judged && !h.gated) counts[h.signal]++;
      const excluded: Classification['excluded'] = [
        ...a.quoted.map((r) => ({ ...r, kind: 'quote' as const })),
        ...(a.signature ? [{ ...a.signature, kind: 'signature' as const }] : []),
      ];
      if (a.analysedLength < draft.body.length) {
        excluded.push({ start: a.analysedLength, end: draft.body.length, kind: 'truncated' });
      }
      return {
        directMarketing: level,
        primaryPurpose,
        purposes,
        pMarketing: round(pMarketing),
        strong: pMarketing >= model.thresholds.yes,
        // Overlapping hits keep the more likely purpose's reason (by the cue-adjusted scores when the
        // classifier could not read the text).
        evidence: toEvidence(
          a.hits,
          (purpose) =>
            purpose === 'none' ? p.none : a.language.basis === 'cues' ? purposes[purpose] : p[purpose],
          level !== 'no' && level !== 'unlikely',
        ),
        hits: a.hits,
        acts: a.acts,
        counts,
        excluded,
        ...(a.readerRequest ? { readerRequest: true } : {}),
        truncated: a.truncated,
        words: a.stats.words,
        language: a.language,
      };
    },
  };
}

/**
 * A request in the quoted history ("Could you send over the written quote…?", "Please can you email me the price
 * list"): the reader asked the sender for something. Only the start of each quoted block is read.
 */
const QUOTED_REQUEST =
  /\b(?:could|can|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:send|email|e-mail|forward|let\s+me|give\s+me|quote|confirm|book|post|tell\s+me|get\s+back)\b|\bplease\s+(?:can\s+you\s+|could\s+you\s+)?(?:send|email|e-mail|forward|quote)\s+(?:me|us|over|through|across|the|a|your)\b|\bcan\s+(?:i|we)\s+(?:please\s+)?(?:get|have|book|order|see)\b|\b(?:sign|put)\s+me\s+(?:up|down)\b|\b(?:i|we)(?:'d|\s+would)\s+like\s+(?:a\s+(?:quote|price|brochure|copy)|to\s+(?:book|order|know|see|get|have))\b/i;

/** Re-reads the draft's strongest purpose as `to`: the two purposes' scores change places if `to` was weaker. */
function swapPurpose(purposes: Record<Purpose, number>, from: Purpose, to: Purpose): void {
  if (from === to || purposes[to] >= purposes[from]) return;
  [purposes[from], purposes[to]] = [purposes[to], purposes[from]];
}

/** A paragraph result's hits without duplicates, worked out once per cached result. */
const uniqueCache = new WeakMap<SentenceResult, SentenceResult['hits']>();
function uniqueHits(result: SentenceResult): SentenceResult['hits'] {
  if (result.hits.length < 2) return result.hits;
  const known = uniqueCache.get(result);
  if (known) return known;
  const seen = new Set<string>();
  const out = result.hits.filter((h) => {
    const key = `${h.pattern}:${h.start}:${h.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  uniqueCache.set(result, out);
  return out;
}

/** A pattern's words at [start, end) of a unit's text, with the pattern's id. */
function locate(
  p: CompiledPattern,
  unit: { field: Located['field']; source: string },
  start: number,
  end: number,
): Located {
  return {
    patternId: p.globalId,
    field: unit.field,
    start,
    end,
    text: unit.source.slice(start, end),
  };
}

const AMOUNT_ASK = 'fundraising/amount-ask';

/**
 * A sum asked for with no word of giving in it or anywhere in the draft ("Spend £40 or more for free delivery",
 * "Send £14.95 today and we'll post your copy") is a price, not a gift: without a donation, an appeal, a cause or
 * a fundraiser beside it, an amount cue asks the reader to pay for something. Its acts then serve the sale, and its
 * hits are no fundraising evidence. The model's features were read before and stay as they are.
 */
function sumsAsPrices(a: Analysis): Analysis {
  const priceLike = (x: { patternId: string; text: string }) =>
    x.patternId === AMOUNT_ASK && !GIVING_WORDS.test(x.text);
  if (!a.acts.some(priceLike)) return a;
  // Any word of giving in the draft, even one that looks back at the reader's own gifts ("your donations helped
  // rehome 14 dogs"), makes the sum a gift ("Could you restart your support with just £3 a month?").
  const giving = a.hits.some((h) => h.judged && h.signal === 'fundraising' && !priceLike(h));
  if (giving) return a;
  return {
    ...a,
    acts: a.acts.map((x) => (priceLike(x) ? { ...x, purpose: 'promotional' } : x)),
    hits: a.hits.map((h) => (priceLike(h) ? { ...h, gated: true } : h)),
  };
}
/** Words of giving or of what a gift does, inside an amount cue ("give just £5", "£10 could feed a family", "just £5
 * could buy a warm blanket"). */
const GIVING_WORDS =
  /\b(?:give|giving|gave|gives|donat\w*|chip|chipping|pitch|pitching|contribut\w*|pledg\w*|gifts?|spare|help|helps|fund|funds|feed|feeds|provide|provides|protect|support|train|rush|rushing|split|splitting|asking|fight back|push back|hit back|strike back|stand with|trains|buys|(?:could|can|will|would)\s+(?:buy|pay))\b/i;

/** Offers of a shop or a sale: a charity's trading stays promotional even when the profits go to the cause. */
const TRADING_CUES = new Set([
  'promotional/percent-off',
  'promotional/next-purchase',
  'promotional/sale-event',
  'promotional/discount-word',
  'promotional/promo-code',
  'promotional/buy-now',
  'promotional/newsletter-shop',
]);

/** Words that say a sale's takings go to the cause ("every penny helps our animals", "all profits go to"). */
const PROCEEDS = /\b(?:(?:every|each) (?:penny|pound)|profits?|proceeds|takings)\b/i;

/**
 * A sale of goods whose only fundraising words say the takings go to the cause: a shop's or a sale's cue (half price,
 * a promo code, a sale, goods) stands, and every fundraising cue is such a note (an appeal named beside it is not).
 */
function sellsForTheCause(a: Pick<Analysis, 'acts' | 'hits'>): boolean {
  const trades = a.hits.some(
    (h) =>
      h.judged && !h.gated && (TRADING_CUES.has(h.patternId) || h.patternId === 'promotional/shop-goods'),
  );
  if (!trades) return false;
  const appeals = a.hits.filter((h) => h.judged && !h.gated && h.signal === 'fundraising');
  return appeals.length > 0 && appeals.every((h) => PROCEEDS.test(h.text));
}

/**
 * Tickets, entries and prices for an event or lottery run to raise money (a quiz night in aid of the hospice, a
 * community lottery for good causes) are fundraising, not the sale of a product, unless the draft also sells goods
 * from a shop or a sale.
 */
function fundraisingSale(a: Pick<Analysis, 'acts' | 'hits'>): boolean {
  const live = (id: string) => a.hits.some((h) => h.judged && !h.gated && h.patternId === id);
  if (!live('fundraising/fundraising-event')) return false;
  // "Buy online" beside the event's tickets buys the tickets (a PTA's raffle), not goods from a shop.
  const tickets = live('paid-service/tickets-venue');
  return !a.acts.some(
    (x) => TRADING_CUES.has(x.patternId) && !(tickets && x.patternId === 'promotional/buy-now'),
  );
}

/**
 * What the text-level verdict may say given the marketing elements found (src/core/acts). Direct marketing puts
 * something to the reader: an ask (donate, buy, sign, vote) or an offer (a discount, a price, a free gift). Without
 * one, "yes" is out of reach and, with no purpose wording at all, the verdict never passes "unclear".
 */
function elementLevel(
  level: DirectMarketingLevel,
  p: number,
  a: Pick<Analysis, 'acts' | 'hits'>,
  model: ModelFile,
): DirectMarketingLevel {
  if (!isMarketingLevel(level)) return level;
  if (a.acts.some((x) => x.kind !== 'service')) return level;
  const evidence = a.hits.some(
    (h) => h.judged && !h.gated && (EVIDENCE_PURPOSE[h.signal] ?? 'none') !== 'none',
  );
  if (!evidence) return 'unclear';
  // The sender's type decides how high the bar is for "likely" without an element (decision.json,
  // no-element-organisation); the text alone never reaches "yes" without one.
  return level === 'yes' || p >= model.thresholds.likely ? 'likely' : level;
}

/**
 * The evidence again, topic words included, for a verdict the rules raised to marketing from a level at which the
 * classifier left them out (a charity's account of its work: decision.json, charity-shows-its-work).
 */
export function evidenceWithTopics(c: Pick<Classification, 'hits' | 'purposes' | 'pMarketing'>): Evidence[] {
  return toEvidence(c.hits, (purpose) => (purpose === 'none' ? 1 - c.pMarketing : c.purposes[purpose]), true);
}

/**
 * Judged hits that explain the verdict. Where hits overlap, the one for the more likely purpose (then the
 * longer one) is kept, so each stretch of text carries one reason. Topic words (an election, a campaign) are shown
 * only when the verdict leans towards marketing: they are what the model read, not asks.
 */
function toEvidence(
  hits: SignalHit[],
  purposeScore: (p: PrimaryPurpose) => number,
  showTopics: boolean,
): Evidence[] {
  // Indexes of the candidate hits with their purpose's score, sorted without copying the hits.
  const score = new Map<PrimaryPurpose, number>();
  const scoreOf = (p: PrimaryPurpose) => {
    let v = score.get(p);
    if (v === undefined) {
      v = purposeScore(p);
      score.set(p, v);
    }
    return v;
  };
  const order: number[] = [];
  let subjectEnd = 0;
  let bodyEnd = 0;
  hits.forEach((h, i) => {
    if (!h.judged || h.gated || (!showTopics && h.role === 'topic')) return;
    if (EVIDENCE_PURPOSE[h.signal] === undefined) return;
    order.push(i);
    if (h.field === 'subject') subjectEnd = Math.max(subjectEnd, h.end);
    else bodyEnd = Math.max(bodyEnd, h.end);
  });
  const purposeOf = (i: number) => EVIDENCE_PURPOSE[hits[i]!.signal]!;
  order.sort((x, y) => {
    const a = hits[x]!;
    const b = hits[y]!;
    return (
      scoreOf(purposeOf(y)) - scoreOf(purposeOf(x)) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start
    );
  });
  const out: Evidence[] = [];
  // Characters already explained, per field: overlap checks cost the span's length, not the number of hits.
  const taken = { subject: new Uint8Array(subjectEnd), body: new Uint8Array(bodyEnd) };
  for (const i of order) {
    const h = hits[i]!;
    const mask = taken[h.field];
    let free = true;
    for (let c = h.start; c < h.end; c++) {
      if (mask[c]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    mask.fill(1, h.start, h.end);
    const span = { field: h.field, start: h.start, end: h.end, text: h.text };
    const purpose = purposeOf(i);
    out.push({
      source: 'evidence',
      ruleId: h.patternId,
      severity: 'info',
      span,
      ...span,
      messageId: `lexicon:${h.patternId}`,
      params: { purpose },
      citations: [],
      purpose,
      patternId: h.patternId,
    });
  }
  return out
    .sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'subject' ? -1 : 1))
    .slice(0, MAX_EVIDENCE);
}
