/**
 * The shortcuts in the parse and the pattern look-up may only save work. On real text (the everyday drafts, the
 * scenarios and, where ../shared/corpus is present, every 16th item of the dev and uk_dev corpora):
 * - `nlpParse` (compromise without its unused steps) gives every term the same text, forms and tags as `nlp()`;
 * - every match compromise finds in a sentence is among that sentence's candidates and passes the pre-filter;
 * - the packed pre-filter the check runs answers as the reference one does, for every pattern and sentence;
 * - matching one sentence (compromise's matcher on its terms, tried only where the pattern's needed word is) finds
 *   exactly what compromise's `doc.match` finds in that sentence, for every pattern.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { describe, expect, test } from 'vitest';
import { candidatesOf, sharedLexicons } from '../classify/lexicon.ts';
import { loadScenarios } from '../scenario.ts';
import { matchAll, nlpParse, parse, wordSet } from './nlp.ts';
import { mayMatch, mayMatchPacked, sentenceWords } from './prefilter.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const jsonl = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const textOf = (o: Record<string, unknown>) => `${String(o.subject ?? '')}\n\n${String(o.body ?? '')}`;

const texts: [string, string][] = [
  ...jsonl(path.join(ROOT, 'src/data/evaluation/everyday.jsonl')).map((o): [string, string] => [
    String(o.id),
    textOf(o),
  ]),
  ...loadScenarios().map((s): [string, string] => [s.id, `${s.subject}\n\n${s.body}`]),
];
for (const name of ['dev.jsonl', 'uk_dev.jsonl']) {
  const file = path.resolve(ROOT, '../shared/corpus', name);
  if (!existsSync(file)) continue;
  jsonl(file).forEach((o, i) => {
    if (i % 16 === 0) texts.push([String(o.id), textOf(o).slice(0, 4_000)]);
  });
}

interface Term {
  text: string;
  pre: string;
  post: string;
  normal?: string;
  machine?: string;
  implicit?: string;
  alias?: string[];
  tags: Set<string>;
  index?: number[];
}
const terms = (doc: unknown) =>
  (doc as { document: Term[][] }).document.map((s) =>
    s.map((t) => [
      t.text,
      t.pre,
      t.post,
      t.normal,
      t.machine,
      t.implicit,
      t.alias,
      [...t.tags].sort(),
      t.index,
    ]),
  );

/** The texts parsed 40 at a time, blank lines between (compromise never runs a sentence across one). */
function* batches() {
  for (let at = 0; at < texts.length; at += 40)
    yield parse(
      texts
        .slice(at, at + 40)
        .map(([, text]) => text)
        .join('\n\n'),
    );
}

describe('on real text', () => {
  test('nlpParse tags every term as nlp() does', () => {
    for (const [id, text] of texts) expect(terms(nlpParse(text)), id).toEqual(terms(nlp(text)));
  });

  test('every match in a sentence is a candidate and passes the pre-filter', () => {
    const lexicons = sharedLexicons();
    let found = 0;
    for (const parsed of batches()) {
      const words = parsed.sentences.map((_, s) => wordSet(parsed, s));
      const candidates = words.map((w) => new Set(candidatesOf(w, lexicons)));
      lexicons.matches.forEach((m, i) => {
        for (const [s] of matchAll(parsed, m.match)) {
          found++;
          const sentence = parsed.sentences[s]!.map((t) => t.text).join(' ');
          const where = `${lexicons.patterns[m.pattern]!.globalId} in "${sentence}"`;
          expect(candidates[s]!.has(i), where).toBe(true);
          expect(mayMatch(m.needs, words[s]!), where).toBe(true);
        }
      });
    }
    expect(found).toBeGreaterThan(100);
  });

  test('the packed pre-filter answers as the reference one', () => {
    const lexicons = sharedLexicons();
    let passed = 0;
    for (const [id, text] of texts) {
      const parsed = parse(text);
      for (let s = 0; s < parsed.sentences.length; s++) {
        const words = wordSet(parsed, s);
        const sentence = sentenceWords(words, lexicons.vocabulary);
        for (const m of lexicons.matches) {
          const expected = mayMatch(m.needs, words);
          if (expected) passed++;
          if (mayMatchPacked(m.packed, sentence) !== expected)
            expect.fail(`${id}, sentence ${s}: ${lexicons.patterns[m.pattern]!.globalId}`);
        }
      }
    }
    expect(passed).toBeGreaterThan(100);
  });

  test('matching a sentence on its own finds what doc.match finds there', () => {
    const lexicons = sharedLexicons();
    let found = 0;
    for (const parsed of batches()) {
      for (const m of lexicons.matches) {
        const whole = matchAll(parsed, m.match).map(([s, a, b]) => `${s}:${a}-${b}`);
        const bySentence = parsed.sentences.flatMap((_, s) =>
          matchAll(parsed, m.match, s).map(([, a, b]) => `${s}:${a}-${b}`),
        );
        found += whole.length;
        if (bySentence.join(' ') !== whole.join(' '))
          expect(bySentence, lexicons.patterns[m.pattern]!.globalId).toEqual(whole);
      }
    }
    expect(found).toBeGreaterThan(100);
  });
});
