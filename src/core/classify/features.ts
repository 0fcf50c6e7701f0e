/**
 * Turns lexicon hits and surface statistics into a named feature vector for the model.
 * Names are stable strings (`p:<patternId>`, `subject:<signal>`, `g:<name>`), so a model file says in
 * plain words what each weight is for.
 */
import type { Channel } from '../context.ts';
import { SIGNALS, type Signal } from './classification.ts';
import type { CompiledLexicons } from './lexicon.ts';
import type { Stats } from './sentence.ts';

export type Features = Map<string, number>;

export interface FeatureInput {
  channel: Channel;
  /** Judged hits in the body: pattern index → count. */
  bodyCounts: Map<number, number>;
  /** Hits in the subject, per signal. */
  subjectSignals: Map<Signal, number>;
  /** Hits in signatures and footers, per signal (unsubscribe footers are a marketing cue themselves). */
  footerSignals: Map<Signal, number>;
  stats: Stats;
}

const rate = (n: number, words: number) => Math.min(1, n / Math.max(words, 20)) * 10;

export function featureNames(lexicons: CompiledLexicons): string[] {
  // Other-language cues (Welsh) never feed the model, so they have no feature of their own.
  const names = lexicons.patterns.filter((p) => p.language === 'en').map((p) => `p:${p.globalId}`);
  for (const s of SIGNALS) names.push(`signal:${s}`, `subject:${s}`, `footer:${s}`);
  names.push(
    'g:sms',
    'g:log-words',
    'g:money',
    'g:urls',
    'g:emails',
    'g:phones',
    'g:percents',
    'g:exclamation-rate',
    'g:question-rate',
    'g:caps-rate',
    'g:you-rate',
    'g:we-rate',
    'g:imperatives',
    'g:fund-asks',
    'g:fund-caps',
  );
  return names;
}

export function extractFeatures(input: FeatureInput, lexicons: CompiledLexicons): Features {
  const f: Features = new Map();
  const perSignal = new Map<Signal, number>();
  for (const [index, count] of input.bodyCounts) {
    const p = lexicons.patterns[index]!;
    f.set(`p:${p.globalId}`, Math.log1p(count));
    perSignal.set(p.signal, (perSignal.get(p.signal) ?? 0) + count);
  }
  for (const [signal, count] of perSignal) f.set(`signal:${signal}`, Math.log1p(count));
  for (const [signal, count] of input.subjectSignals) f.set(`subject:${signal}`, Math.log1p(count));
  for (const [signal, count] of input.footerSignals) f.set(`footer:${signal}`, Math.log1p(count));
  const s = input.stats;
  const w = s.words;
  if (input.channel === 'sms') f.set('g:sms', 1);
  f.set('g:log-words', Math.log1p(w) / 5);
  f.set('g:money', Math.log1p(s.money));
  f.set('g:urls', Math.log1p(s.urls));
  f.set('g:emails', Math.log1p(s.emails));
  f.set('g:phones', Math.log1p(s.phones));
  f.set('g:percents', Math.log1p(s.percents));
  f.set('g:exclamation-rate', rate(s.exclamations, w));
  f.set('g:question-rate', rate(s.questions, w));
  f.set('g:caps-rate', rate(s.capsWords, w));
  f.set('g:you-rate', rate(s.you, w));
  f.set('g:we-rate', rate(s.we, w));
  f.set('g:imperatives', Math.log1p(s.imperatives));
  if (s.fundAsks) f.set('g:fund-asks', Math.log1p(s.fundAsks));
  if (s.fundCaps) f.set('g:fund-caps', Math.log1p(s.fundCaps));
  return f;
}
