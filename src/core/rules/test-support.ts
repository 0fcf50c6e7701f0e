/**
 * Test helpers: fabricate a Classification, Context and Draft without the real classifier (the rules and checks
 * tests), and verdicts whose findings carry real message ids (the UI and CLI tests).
 */

import type { CheckId } from '../checks/config.ts';
import {
  type Classification,
  type DraftAct,
  SIGNALS,
  type Signal,
  type SignalHit,
} from '../classify/classification.ts';
import { type Context, DEFAULT_CONTEXT } from '../context.ts';
import type { Draft } from '../draft/draft.ts';
import type { CatalogueKey, Finding, Params } from '../findings/finding.ts';
import type {
  DirectMarketingLevel,
  DraftCheck,
  Evidence,
  PrimaryPurpose,
  Purpose,
  Severity,
  Verdict,
} from '../verdict.ts';
import { catalogue, decision } from './data.ts';

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

// ————— Verdict parts for UI and CLI tests: findings with real message ids —————

const CHECK_MESSAGE: Record<CheckId, CatalogueKey> = {
  'opted-out': 'check_opted_out',
  'language-coverage-limited': 'check_language_cues_cy',
  'recipients-exposed': 'check_recipients_exposed',
  'opt-out-missing': 'check_opt_out_missing_email',
  'sender-unidentified': 'check_sender_unidentified',
  'consent-request-is-marketing': 'check_consent_request_is_marketing',
  'recipients-look-individual': 'check_recipients_look_individual',
  'draft-truncated': 'check_draft_truncated',
};

/** A draft check's finding, in its usual words (`params` fill them: `count` for recipients-exposed). */
export function fakeCheck(id: CheckId, severity: Severity, params: Params = {}): DraftCheck {
  return { source: 'check', ruleId: id, id, severity, messageId: CHECK_MESSAGE[id], params, citations: [] };
}

/** The evidence finding for a lexicon pattern's words. */
export function fakeEvidence(
  patternId: string,
  text: string,
  purpose: PrimaryPurpose,
  at: { start?: number; field?: 'subject' | 'body' } = {},
): Evidence {
  const span = { field: at.field ?? 'body', start: at.start ?? 0, end: (at.start ?? 0) + text.length, text };
  return {
    source: 'evidence',
    ruleId: patternId,
    severity: 'info',
    span,
    ...span,
    messageId: `lexicon:${patternId}`,
    params: { purpose },
    citations: [],
    purpose,
    patternId,
  };
}

/** A rule's finding (catalogue.json), by id. */
export function fakeRule(id: string): Finding {
  const rule = catalogue.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return {
    source: 'rule',
    ruleId: id,
    severity: 'info',
    messageId: rule.title,
    noteId: rule.requirement,
    params: {},
    citations: [...rule.citations],
  };
}

/** The deciding step's finding (decision.json), by step id. */
export function fakeDecision(stepId = 'consent-required', purpose: PrimaryPurpose = 'fundraising'): Finding {
  const step = decision.steps.find((s) => s.id === stepId);
  if (step?.kind !== 'route') throw new Error(`no route step ${stepId}`);
  return {
    source: 'route',
    ruleId: stepId,
    severity: 'info',
    messageId: step.summary,
    params: { purpose: { messageId: decision.purposeLabels[purpose] } },
    citations: [],
  };
}

/** A whole verdict: a fundraising appeal that needs consent, with nothing else found unless `over` adds it. */
export function fakeVerdict(over: Partial<Verdict> = {}): Verdict {
  return {
    directMarketing: 'yes',
    primaryPurpose: 'fundraising',
    purposes: { promotional: 0, fundraising: 0.9, campaigning: 0 },
    route: 'consent-required',
    decision: fakeDecision('consent-required', over.primaryPurpose ?? 'fundraising'),
    evidence: [],
    acts: [],
    rules: [],
    checks: [],
    questions: [],
    ...over,
  };
}
