/**
 * The labelled corpora the model is trained and evaluated on, read from ../shared/corpus (never copied into the
 * project):
 *  - dev.jsonl: ~1,100 real emails and SMS (2002–2005 spam and SMS, 2024 US political mail), four purpose labels;
 *  - uk_dev.jsonl: 163 real UK messages (councils, government, NHS, schools, charities, businesses, parties) with a
 *    dm / not-dm / arguable judgement, the sender type and the context to check them in;
 *  - src/data/training/supplement.jsonl: short messages written for this project (always in training, never scored).
 * Only the inputs (channel, subject, body, context) and the labels are read: `label_origin` and `reason` state the
 * label and are never used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelClass } from '../../src/core/classify/model.ts';
import type { ContextInput } from '../../src/core/context.ts';

export type CorpusName = 'dev' | 'uk' | 'supplement' | 'everyday';
export type DmJudgement = 'dm' | 'not-dm' | 'arguable';

export interface CorpusItem {
  id: string;
  corpus: CorpusName;
  channel: 'email' | 'sms';
  subject: string;
  body: string;
  label: ModelClass;
  noisy: boolean;
  /** uk_dev only: the expert's judgement (arguable items are reported, never scored or trained on). */
  dm?: DmJudgement;
  /** uk_dev only: public-sector | charity | business | political | campaign-group. */
  sender?: string;
  /** uk_dev only: the context to check the item in (sender, channel), passed exactly as given. */
  context?: ContextInput;
  /** Where the item came from: a repository, a web site, a mailing (see families()). */
  source: string;
}

const SHARED = path.resolve(import.meta.dirname, '../../../shared/corpus');
export const DEFAULT_CORPUS = path.join(SHARED, 'dev.jsonl');
export const UK_CORPUS = path.join(SHARED, 'uk_dev.jsonl');
/** Messages written for this project to cover what the dev corpus lacks (see src/data/training/README.md). */
export const SUPPLEMENT = path.resolve(import.meta.dirname, '../../src/data/training/supplement.jsonl');
/** Drafts written for the project and never trained on (see src/data/evaluation/README.md). */
export const EVERYDAY = path.resolve(import.meta.dirname, '../../src/data/evaluation/everyday.jsonl');

export const corpusPath = (name: CorpusName): string =>
  name === 'dev'
    ? (process.env.MRC_CORPUS ?? DEFAULT_CORPUS)
    : name === 'uk'
      ? (process.env.MRC_UK_CORPUS ?? UK_CORPUS)
      : name === 'everyday'
        ? EVERYDAY
        : SUPPLEMENT;

export const corpusAvailable = (name: CorpusName): boolean => existsSync(corpusPath(name));

/** sha256 of a corpus file as read (the model records these, so a stale model can be told). */
export function corpusHash(name: CorpusName): string {
  return createHash('sha256')
    .update(readFileSync(corpusPath(name)))
    .digest('hex');
}

const LABELS: readonly string[] = ['none', 'promotional', 'fundraising', 'campaigning'];

export function loadCorpus(name: CorpusName | string = 'dev'): CorpusItem[] {
  const known = name === 'dev' || name === 'uk' || name === 'supplement' || name === 'everyday';
  const file = known ? corpusPath(name as CorpusName) : name;
  const corpus: CorpusName = known ? (name as CorpusName) : file === SUPPLEMENT ? 'supplement' : 'dev';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `cannot read the corpus at ${file} (set MRC_CORPUS / MRC_UK_CORPUS to its path, or place ../shared/corpus beside the checkout)`,
    );
  }
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line, n) => {
      const o = JSON.parse(line) as Record<string, unknown>;
      // The everyday drafts name the purpose `purpose` and the sender in context terms.
      const label = String(o.label ?? o.purpose);
      if (!LABELS.includes(label))
        throw new Error(`${file}:${n + 1}: unknown label ${JSON.stringify(label)}`);
      const item: CorpusItem = {
        id: String(o.id),
        corpus,
        channel: o.channel === 'sms' ? 'sms' : 'email',
        subject: String(o.subject ?? ''),
        body: String(o.body ?? ''),
        label: label as ModelClass,
        noisy: o.noisy === true,
        source: String(o.source ?? o.id),
      };
      if (o.dm !== undefined) item.dm = o.dm as DmJudgement;
      if (typeof o.sender === 'string') item.sender = o.sender;
      if (o.context && typeof o.context === 'object') item.context = o.context as ContextInput;
      if (corpus === 'everyday') {
        item.context = { sender: o.sender as ContextInput['sender'], channel: item.channel };
      }
      return item;
    });
}

/** Deterministic hash of a string (FNV-1a), for stable ordering. */
export function hashOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** Deterministic fold for an id (kept for callers that need a plain split). */
export function foldOf(id: string, folds: number): number {
  return hashOf(id) % folds;
}

/**
 * The source family of an item, before near-duplicate merging: the repository (owner/repo) or web site it came
 * from; for US political mail, the committee named in its "Paid for by" line; otherwise the item itself.
 */
function sourceFamily(item: CorpusItem): string {
  const s = item.source;
  if (item.id.startsWith('dwillis-')) {
    const m = /paid\s*for\s*by\s*(?:the\s*)?([a-z][a-z ]{2,40})/i.exec(item.body);
    if (m)
      return `dwillis:${m[1]!
        .toLowerCase()
        .replace(/[^a-z]/g, '')
        .slice(0, 14)}`;
    return item.id;
  }
  const repo = /^([\w.-]+\/[\w.-]+)@/.exec(s);
  if (repo) return repo[1]!;
  const host = /^https?:\/\/(?:www\.)?([^/?#]+)/.exec(s);
  if (host) {
    // A GitHub web link names the repository in its path.
    const gh = /^https?:\/\/github\.com\/([\w.-]+\/[\w.-]+)/.exec(s);
    return gh ? gh[1]! : host[1]!;
  }
  return item.id;
}

/** Word 4-gram shingles of a text, as hashes. */
function shingles(text: string): Set<number> {
  const words = text
    .toLowerCase()
    .replace(/https?:\S+/g, ' ')
    .replace(/[^a-z0-9£$%]+/g, ' ')
    .split(' ')
    .filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i + 4 <= words.length; i++) out.add(hashOf(words.slice(i, i + 4).join(' ')));
  if (words.length < 4 && words.length) out.add(hashOf(words.join(' ')));
  return out;
}

const MINHASHES = 48;
const BANDS = 16;

/**
 * Families for grouped cross-validation: items of the same source family, and near-duplicates anywhere (the same
 * mailing or template: word 4-gram Jaccard similarity ≥ 0.5, found by MinHash banding and then checked exactly),
 * share a family, so they always fall on the same side of a fold.
 */
export function families(items: CorpusItem[]): string[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byFamily = new Map<string, number>();
  items.forEach((it, i) => {
    const f = `${it.corpus}:${sourceFamily(it)}`;
    const first = byFamily.get(f);
    if (first === undefined) byFamily.set(f, i);
    else union(first, i);
  });
  const sets = items.map((it) => shingles(`${it.subject} ${it.body}`));
  const seeds = Array.from({ length: MINHASHES }, (_, k) => hashOf(`seed${k}`) | 1);
  const sigs = sets.map((set) =>
    seeds.map((seed) => {
      let min = 0xffffffff;
      for (const h of set) {
        const v = Math.imul(h ^ seed, 2654435761) >>> 0;
        if (v < min) min = v;
      }
      return min;
    }),
  );
  const rows = MINHASHES / BANDS;
  const jaccard = (a: Set<number>, b: Set<number>) => {
    let inter = 0;
    const [small, large] = a.size < b.size ? [a, b] : [b, a];
    for (const h of small) if (large.has(h)) inter++;
    return inter / (a.size + b.size - inter || 1);
  };
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    sigs.forEach((sig, i) => {
      const key = sig.slice(band * rows, band * rows + rows).join(',');
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    });
    for (const list of buckets.values()) {
      if (list.length < 2) continue;
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const i = list[a]!;
          const j = list[b]!;
          if (find(i) !== find(j) && jaccard(sets[i]!, sets[j]!) >= 0.5) union(i, j);
        }
      }
    }
  }
  return items.map((_, i) => items[find(i)]!.id);
}

/**
 * Assigns whole families to folds: largest families first, each to the fold with the fewest items so far (ties by
 * a hash of the family id). Deterministic, balanced, and never splits a family.
 */
export function groupedFolds(items: CorpusItem[], folds: number, fams = families(items)): number[] {
  const members = new Map<string, number[]>();
  fams.forEach((f, i) => {
    const list = members.get(f);
    if (list) list.push(i);
    else members.set(f, [i]);
  });
  const order = [...members.entries()].sort(
    ([fa, a], [fb, b]) => b.length - a.length || hashOf(fa) - hashOf(fb),
  );
  const size = new Array<number>(folds).fill(0);
  const fold = new Array<number>(items.length).fill(0);
  for (const [, list] of order) {
    let best = 0;
    for (let f = 1; f < folds; f++) if (size[f]! < size[best]!) best = f;
    for (const i of list) fold[i] = best;
    size[best]! += list.length;
  }
  return fold;
}
