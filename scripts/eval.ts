/**
 * npm run eval: how well the whole check (classifier + rules) judges real messages, for each corpus separately.
 *
 * The figures to quote are the cross-validated ones: 5 folds grouped by source family (scripts/lib/corpus.ts), each
 * fold's model retrained exactly as `npm run train` does on everything outside the fold, and every held-out item
 * checked through check() in the context its corpus gives. In-sample figures (the shipped model, trained on these
 * very items) follow for comparison only.
 *
 * Note what cross-validation cannot hide: the lexicons, acts and rules were written by people who had read these
 * corpora, so even the cross-validated figures are optimistic for text unlike them.
 *
 * `--out FILE` also writes the report as Markdown; `--quick` skips the in-sample pass.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaches } from '../src/core/classify/classify.ts';
import { createChecker } from '../src/core/index.ts';
import { type CorpusItem, corpusAvailable, loadCorpus } from './lib/corpus.ts';
import { type Checked, checkItem, crossValidate, featuresOf, fitModel } from './lib/crossval.ts';
import { formatScores, formatUk, type Prediction, score, type UkOutcome } from './lib/metrics.ts';
import { UK_WEIGHT } from './lib/settings.ts';

const FOLDS = 5;

const isMarketing = (level: string) => level === 'yes' || level === 'likely';

function devReport(title: string, checked: Checked[]): string {
  // The predicted class is the purpose of a verdict that says marketing (yes, likely) and `none` otherwise: an
  // unclear verdict names the purpose it would have, but does not claim it.
  const preds: Prediction[] = checked.map(({ item, verdict }) => ({
    label: item.label,
    predicted: isMarketing(verdict.directMarketing) ? verdict.primaryPurpose : 'none',
    isMarketing: isMarketing(verdict.directMarketing),
  }));
  const clean = preds.filter((_, i) => !checked[i]!.item.noisy);
  const bySource = [...new Set(checked.map((c) => c.item.id.replace(/-.*/, '')))].map((src) => {
    const s = score(preds.filter((_, i) => checked[i]!.item.id.startsWith(`${src}-`)));
    return `| ${src} | ${s.n} | ${s.accuracy.toFixed(3)} | ${s.dm.f1.toFixed(3)} | ${s.macroF1.toFixed(3)} |`;
  });
  return [
    formatScores(`${title}: all items`, score(preds)),
    formatScores(`${title}: non-noisy items`, score(clean)),
    `### ${title}: by source`,
    '',
    '| source | n | 4-class accuracy | DM F1 | macro-F1 |',
    '|---|---|---|---|---|',
    ...bySource,
    '',
  ].join('\n');
}

const ukOutcomes = (checked: Checked[]): UkOutcome[] =>
  checked.map(({ item, verdict }) => ({
    id: item.id,
    sender: item.sender ?? 'unknown',
    channel: item.channel,
    dm: item.dm ?? 'not-dm',
    label: item.label,
    level: verdict.directMarketing,
    purpose: verdict.primaryPurpose,
    route: verdict.route,
    questions: verdict.questions.map((q) => q.field),
  }));

function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const quick = args.includes('--quick');
  const dev = loadCorpus('dev');
  const uk = corpusAvailable('uk') ? loadCorpus('uk') : [];
  const supplement = loadCorpus('supplement');

  const t0 = performance.now();
  const cv = crossValidate(uk.length ? [dev, uk] : [dev], supplement, FOLDS);
  const cvSeconds = (performance.now() - t0) / 1000;
  const part = (c: CorpusItem['corpus']) => cv.filter((x) => x.item.corpus === c);

  const sections = [
    '# Evaluation',
    '',
    `dev.jsonl: ${dev.length} items; uk_dev.jsonl: ${uk.length} items (${uk.filter((i) => i.dm === 'arguable').length} arguable, reported but never scored or trained on); supplement: ${supplement.length} (always in training, never scored). UK items weigh ${UK_WEIGHT}× in training.`,
    '',
    `${FOLDS}-fold cross-validation grouped by source family (repository, web site, committee, or near-duplicate mailing), ${cvSeconds.toFixed(0)} s. These are the figures to quote.`,
    '',
  ];
  if (uk.length) sections.push(formatUk('uk_dev, cross-validated', ukOutcomes(part('uk'))));
  sections.push(devReport('dev, cross-validated', part('dev')));

  // Everyday drafts: written for the project, never trained on; checked with a model trained as `npm run train`
  // trains the shipped one (all corpora), so they are out of sample by construction.
  const everyday = loadCorpus('everyday');
  const caches = createCaches(200_000);
  const training = [...dev, ...uk, ...supplement];
  const full = fitModel(training, featuresOf(training, caches), 'all corpora');
  const fullChecker = createChecker({ model: full, caches });
  sections.push(
    formatUk(
      'Everyday drafts (src/data/evaluation, never trained on)',
      ukOutcomes(everyday.map((item) => ({ item, verdict: checkItem(fullChecker, item) }))),
    ),
  );

  if (!quick) {
    const checker = createChecker();
    const inSample = (items: CorpusItem[]): Checked[] =>
      items.map((item) => ({ item, verdict: checkItem(checker, item) }));
    sections.push(
      '# In-sample (the shipped model, trained on these very items: optimistic, for comparison only)',
      '',
    );
    if (uk.length) sections.push(formatUk('uk_dev, in-sample', ukOutcomes(inSample(uk))));
    sections.push(devReport('dev, in-sample', inSample(dev)));
  }
  const text = sections.join('\n');
  console.log(text);
  if (out) {
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, text);
  }
}

main();
