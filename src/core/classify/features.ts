/**
 * Turns lexicon hits, acts and surface statistics into a named feature vector for the model.
 * Names are stable strings (`p:<patternId>`, `act:<kind>:<purpose>`, `subject:<signal>`, `g:<name>`), so a model
 * file says in plain words what each weight is for.
 *
 * Every feature is a presence (0 or 1) or a share (a count divided by the number of words or sentences), never a
 * raw count or a length: the same text repeated, or a longer draft with no new wording, gives the same features and
 * so the same verdict. Cues that a sentence's context neutralises (src/core/acts: gated hits) never get here.
 *
 * Bump FEATURE_VERSION whenever this file, the acts or the sentence statistics change what a text's features are:
 * the model records it, and a test fails until `npm run train` has been run again.
 */
import type { Channel } from '../context.ts';
import { SIGNALS, type Signal } from './classification.ts';
import type { CompiledLexicons } from './lexicon.ts';
import type { Stats } from './sentence.ts';

export const FEATURE_VERSION = 31;

/**
 * Signals the model reads. Who the sender is (addresses, sign-offs, registered numbers) is there in service mail and
 * marketing alike, and request words only say that something is asked (the acts say what): the draft checks and
 * the acts read them, the model does not.
 */
const MODEL_SIGNALS: ReadonlySet<Signal> = new Set(
  SIGNALS.filter((s) => s !== 'sender-identity' && s !== 'request' && s !== 'opt-out'),
);

export type Features = Map<string, number>;

export interface FeatureInput {
  channel: Channel;
  /** Judged, not neutralised hits in the body: pattern index → count. */
  bodyCounts: Map<number, number>;
  /** Hits in the subject, per signal. */
  subjectSignals: Map<Signal, number>;
  /** Hits in signatures and footers, per signal (unsubscribe footers are a marketing cue themselves). */
  footerSignals: Map<Signal, number>;
  stats: Stats;
  /** Keys of the acts found in the judged text (src/core/acts: actKey). */
  acts: ReadonlySet<string>;
}

/** Share of `n` in `of`, 0–1 (0 when there is nothing to share). */
const share = (n: number, of: number) => (of > 0 ? Math.min(1, n / of) : 0);
/** Rate per word (a share, so the same text repeated keeps the same rate). */
const rate = (n: number, words: number) => (words > 0 ? Math.min(1, n / words) * 10 : 0);
const present = (n: number) => (n > 0 ? 1 : 0);

export function extractFeatures(input: FeatureInput, lexicons: CompiledLexicons): Features {
  const f: Features = new Map();
  const perSignal = new Set<Signal>();
  for (const [index, count] of input.bodyCounts) {
    if (count <= 0) continue;
    const p = lexicons.patterns[index]!;
    if (!MODEL_SIGNALS.has(p.signal)) continue;
    f.set(`p:${p.globalId}`, 1);
    perSignal.add(p.signal);
  }
  const s = input.stats;
  const w = s.words;
  for (const signal of perSignal) f.set(`signal:${signal}`, 1);
  for (const [signal, count] of input.subjectSignals)
    if (count > 0 && MODEL_SIGNALS.has(signal)) f.set(`subject:${signal}`, 1);
  for (const [signal, count] of input.footerSignals)
    if (count > 0 && (MODEL_SIGNALS.has(signal) || signal === 'opt-out')) f.set(`footer:${signal}`, 1);
  for (const key of input.acts) f.set(`act:${key}`, 1);
  if (input.channel === 'sms') f.set('g:sms', 1);
  f.set('g:money', present(s.money));
  f.set('g:urls', present(s.urls));
  f.set('g:emails', present(s.emails));
  f.set('g:phones', present(s.phones));
  f.set('g:percents', present(s.percents));
  f.set('g:exclamation-rate', rate(s.exclamations, w));
  f.set('g:question-rate', rate(s.questions, w));
  f.set('g:caps-rate', rate(s.capsWords, w));
  f.set('g:you-rate', rate(s.you, w));
  f.set('g:we-rate', rate(s.we, w));
  f.set('g:imperative-share', share(s.imperatives, s.sentences));
  f.set('g:request-share', share(s.requests, s.sentences));
  f.set('g:service-share', share(s.serviceSentences, s.sentences));
  f.set('g:requests-ours', share(s.requestsOurs, s.requests));
  f.set('g:requests-yours', share(s.requestsYours, s.requests));
  if (s.fundAsks) f.set('g:fund-asks', 1);
  if (s.fundCaps) f.set('g:fund-caps', 1);
  return f;
}
