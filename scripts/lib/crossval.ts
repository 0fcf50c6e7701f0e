/**
 * Grouped k-fold cross-validation of the whole check (classifier + rules), shared by `npm run eval` and the
 * experiments. Each fold retrains the model exactly as `npm run train` does, on every item outside the fold, and
 * checks the fold's items through check() with their context (uk_dev items with the context the corpus gives).
 * Folds hold whole source families (scripts/lib/corpus.ts: families), so the same mailing or template is never on
 * both sides.
 */
import { type ClassifierCaches, createCaches, createClassifier } from '../../src/core/classify/classify.ts';
import type { Features } from '../../src/core/classify/features.ts';
import type { ModelFile } from '../../src/core/classify/model.ts';
import { createChecker, type Verdict } from '../../src/core/index.ts';
import { type CorpusItem, groupedFolds } from './corpus.ts';
import { type Example, train } from './logreg.ts';
import { PRIORS } from './priors.ts';
import { exampleWeight, THRESHOLDS, TRAIN_OPTIONS, trainable } from './settings.ts';

export interface Checked {
  item: CorpusItem;
  verdict: Verdict;
}

/** Features of every item, parsed once (a shared cache serves the checks that follow). */
export function featuresOf(items: CorpusItem[], caches: ClassifierCaches): Features[] {
  const classifier = createClassifier({ caches });
  return items.map((it) => classifier.features({ subject: it.subject, body: it.body, channel: it.channel }));
}

export function fitModel(items: CorpusItem[], feats: Features[], trainedOn: string): ModelFile {
  const examples: Example[] = [];
  items.forEach((it, i) => {
    if (trainable(it)) examples.push({ features: feats[i]!, label: it.label, weight: exampleWeight(it) });
  });
  const fitted = train(examples, { ...TRAIN_OPTIONS, priors: PRIORS });
  return {
    version: 0,
    trainedOn,
    classes: ['none', 'promotional', 'fundraising', 'campaigning'],
    ...fitted,
    thresholds: THRESHOLDS,
  };
}

export const checkItem = (checker: ReturnType<typeof createChecker>, it: CorpusItem): Verdict =>
  checker.check(
    { subject: it.subject, body: it.body, channel: it.channel },
    it.context ?? { channel: it.channel },
  );

/**
 * Cross-validates over the scored corpora (`scored`, e.g. dev and uk) with `always` (the supplement) in every
 * training set. Folds are grouped by family within each corpus, so every fold mixes both corpora.
 */
export function crossValidate(scored: CorpusItem[][], always: CorpusItem[], folds = 5): Checked[] {
  const caches = createCaches(200_000);
  const all = [...scored.flat(), ...always];
  const feats = featuresOf(all, caches);
  const foldOf = new Map<CorpusItem, number>();
  for (const corpus of scored) {
    const f = groupedFolds(corpus, folds);
    corpus.forEach((it, i) => {
      foldOf.set(it, f[i]!);
    });
  }
  const out: Checked[] = [];
  for (let f = 0; f < folds; f++) {
    const trainIdx = all.map((it, i) => (foldOf.get(it) === f ? -1 : i)).filter((i) => i >= 0);
    const model = fitModel(
      trainIdx.map((i) => all[i]!),
      trainIdx.map((i) => feats[i]!),
      `fold ${f}`,
    );
    const checker = createChecker({ model, caches });
    for (const it of all) if (foldOf.get(it) === f) out.push({ item: it, verdict: checkItem(checker, it) });
  }
  const order = new Map(all.map((it, i) => [it, i]));
  return out.sort((a, b) => order.get(a.item)! - order.get(b.item)!);
}
