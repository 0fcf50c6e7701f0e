/**
 * Test helpers: fabricate a Classification, Context and Draft without the real classifier
 * (used by the rules and checks tests only).
 */
import {
  type Classification,
  type DraftAct,
  SIGNALS,
  type Signal,
  type SignalHit,
} from '../classify/classification.ts';
import { type Context, DEFAULT_CONTEXT } from '../context.ts';
import type { Draft } from '../draft/draft.ts';
import type { DirectMarketingLevel, PrimaryPurpose, Purpose } from '../verdict.ts';

export interface FakeHit {
  signal: Signal;
  text?: string;
  field?: 'subject' | 'body';
  judged?: boolean;
}

export interface FakeClassification {
  level?: DirectMarketingLevel;
  primary?: PrimaryPurpose;
  purposes?: Partial<Record<Purpose, number>>;
  /** Judged hit counts per signal (hits are fabricated to match unless `hits` is given). */
  counts?: Partial<Record<Signal, number>>;
  /** Extra hits (e.g. unjudged footer hits); they do not add to counts unless judged. */
  hits?: FakeHit[];
  /**
   * Acts of the judged text (src/core/acts). Default: a direct-marketing level with a purpose carries one explicit
   * ask for that purpose, as a real draft that reads as marketing does.
   */
  acts?: DraftAct[];
}

const P_FOR_LEVEL: Record<DirectMarketingLevel, number> = {
  yes: 0.95,
  likely: 0.75,
  unclear: 0.5,
  unlikely: 0.25,
  no: 0.05,
};

function makeHit(h: FakeHit, i: number): SignalHit {
  const text = h.text ?? h.signal;
  return {
    signal: h.signal,
    role: 'mention',
    patternId: `test/${h.signal}`,
    field: h.field ?? 'body',
    start: i * 10,
    end: i * 10 + text.length,
    text,
    message: `test hit for ${h.signal}`,
    judged: h.judged ?? true,
  };
}

/** A classification with the given level, purpose scores and signal counts. Defaults: promotional, yes. */
export function fakeClassification(o: FakeClassification = {}): Classification {
  const level = o.level ?? 'yes';
  const primary = o.primary ?? (level === 'unlikely' || level === 'no' ? 'none' : 'promotional');
  const purposes: Record<Purpose, number> = { promotional: 0, fundraising: 0, campaigning: 0 };
  if (primary !== 'none') purposes[primary] = P_FOR_LEVEL[level];
  Object.assign(purposes, o.purposes);
  const counts = Object.fromEntries(SIGNALS.map((s) => [s, 0])) as Record<Signal, number>;
  const hits: SignalHit[] = [];
  for (const [signal, n] of Object.entries(o.counts ?? {}) as [Signal, number][]) {
    counts[signal] = n;
    for (let k = 0; k < n; k++) hits.push(makeHit({ signal }, hits.length));
  }
  for (const h of o.hits ?? []) {
    hits.push(makeHit(h, hits.length));
    if (h.judged ?? true) counts[h.signal] += 1;
  }
  return {
    directMarketing: level,
    primaryPurpose: primary,
    purposes,
    pMarketing: P_FOR_LEVEL[level],
    evidence: [],
    hits,
    acts: o.acts ?? defaultActs(level, primary),
    counts,
    excluded: [],
    truncated: false,
    words: 50,
  };
}

function defaultActs(level: DirectMarketingLevel, primary: PrimaryPurpose): DraftAct[] {
  if ((level !== 'yes' && level !== 'likely') || primary === 'none') return [];
  return [
    {
      kind: 'ask',
      purpose: primary,
      byMood: false,
      patternId: `test/${primary}-ask`,
      field: 'body',
      start: 0,
      end: 5,
      text: 'Ask!',
      message: `test ask for ${primary}`,
    },
  ];
}

export type ContextOverrides = Partial<Context> & { publicTaskNecessary?: 'yes' | 'no' | 'unknown' };

export function fakeContext(o: ContextOverrides = {}): Context {
  return { ...DEFAULT_CONTEXT, ...o } as Context;
}

export function fakeDraft(body = 'Hello', subject = '', channel: Draft['channel'] = 'email'): Draft {
  return { subject, body, channel };
}
