/** Reads the labelled dev corpus (../shared/corpus/dev.jsonl, or $MRC_CORPUS). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelClass } from '../../src/core/classify/model.ts';

export interface CorpusItem {
  id: string;
  channel: 'email' | 'sms';
  subject: string;
  body: string;
  label: ModelClass;
  noisy: boolean;
}

export const DEFAULT_CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/dev.jsonl');
/** Messages written for this project to cover what the dev corpus lacks (see src/data/training/README.md). */
export const SUPPLEMENT = path.resolve(import.meta.dirname, '../../src/data/training/supplement.jsonl');

export function loadCorpus(file = process.env.MRC_CORPUS ?? DEFAULT_CORPUS): CorpusItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read the corpus at ${file} (set MRC_CORPUS to its path)`);
  }
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      // Only the inputs and the label are read; label_origin states the label and is never used.
      const o = JSON.parse(line) as Record<string, unknown>;
      return {
        id: String(o.id),
        channel: o.channel === 'sms' ? 'sms' : 'email',
        subject: String(o.subject ?? ''),
        body: String(o.body ?? ''),
        label: o.label as ModelClass,
        noisy: o.noisy === true,
      };
    });
}

/** Deterministic fold for cross-validation: a hash of the id. */
export function foldOf(id: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % folds;
}
