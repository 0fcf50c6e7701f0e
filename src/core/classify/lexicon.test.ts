/**
 * Every lexicon pattern carries examples: each `hit` example must make that pattern fire, each `miss`
 * example must not. Also: ids unique and kebab-case, messages present, no nested groups (compromise
 * does not support them and silently mis-parses), and the lexicons stay small.
 */
import { describe, expect, test } from 'vitest';
import { SIGNALS } from './classification.ts';
import { compileLexicons, LANGUAGE_LEXICONS, LEXICONS } from './lexicon.ts';
import { analyseSentence } from './sentence.ts';

const compiled = compileLexicons();
const firing = (text: string) =>
  new Set(analyseSentence(text, compiled).hits.map((h) => compiled.patterns[h.pattern]!.globalId));

const rows = Object.entries(LEXICONS).flatMap(([signal, lexicon]) =>
  lexicon.patterns.map((p) => ({ id: `${signal}/${p.id}`, pattern: p })),
);
/** Every pattern, English and other-language cue lexicons alike (src/data/lexicons/welsh.json): same rules. */
const allRows = [
  ...rows,
  ...LANGUAGE_LEXICONS.flatMap((l) => l.patterns.map((p) => ({ id: `${p.signal}/${p.id}`, pattern: p }))),
];

describe('lexicons', () => {
  test('one lexicon per signal, named after it', () => {
    expect(Object.keys(LEXICONS).sort()).toEqual([...SIGNALS].sort());
    for (const [signal, lexicon] of Object.entries(LEXICONS)) expect(lexicon.signal).toBe(signal);
  });

  test('pattern ids are unique kebab-case and every pattern explains itself', () => {
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { pattern } of rows) {
      expect(pattern.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(pattern.message.length).toBeGreaterThan(10);
      expect(pattern.examples.hit.length).toBeGreaterThan(0);
    }
  });

  test('no alternative in a group shadows a longer one after it', () => {
    // compromise takes the first alternative that matches and never backtracks: in "(tariff|tariff or supplier) at
    // any time" the longer alternative is never tried once "tariff" has matched, so the pattern misses "tariff or
    // supplier at any time". Longer alternatives go first.
    for (const { id, pattern } of allRows) {
      for (const m of Array.isArray(pattern.match) ? pattern.match : [pattern.match]) {
        for (const g of m.matchAll(/\(([^()]*)\)/g)) {
          const alts = g[1]!.split('|').map((a) => a.trim());
          alts.forEach((a, i) => {
            const later = alts.slice(i + 1).find((b) => b.startsWith(`${a} `));
            expect(later, `${id}: "${a}" before "${later}" in ${m}`).toBeUndefined();
          });
        }
      }
    }
  });

  test('no wildcard straight before a group with a several-word or a tag alternative', () => {
    // compromise then never matches the pattern at all: "a .{0,2} (look|quick chat)" misses even "a quick look", and
    // "only .{0,4} (#Money|price)" misses even "only whitening price".
    const broken = /(?:^|\s)\.(?:\{\d*,\d*\}|[?*+])?\s+\(([^)]*)\)/g;
    for (const { id, pattern } of allRows) {
      for (const m of Array.isArray(pattern.match) ? pattern.match : [pattern.match]) {
        for (const g of m.matchAll(broken)) {
          const trap = g[1]!
            .split('|')
            .some((alt) => /\S\s+\S/.test(alt.trim()) || alt.trim().startsWith('#'));
          expect(trap, `${id}: ${m}`).toBe(false);
        }
      }
    }
  });

  test('no nested groups in any match pattern', () => {
    for (const { id, pattern } of allRows) {
      for (const m of Array.isArray(pattern.match) ? pattern.match : [pattern.match]) {
        expect(/\([^)]*\(/.test(m), `${id}: ${m}`).toBe(false);
      }
    }
  });

  test.each(allRows.flatMap((r) => r.pattern.examples.hit.map((ex) => [r.id, ex] as const)))(
    '%s fires on %j',
    (id, ex) => {
      expect(firing(ex)).toContain(id);
    },
  );

  const misses = allRows.flatMap((r) => (r.pattern.examples.miss ?? []).map((ex) => [r.id, ex] as const));
  test.each(misses)('%s does not fire on %j', (id, ex) => {
    expect(firing(ex)).not.toContain(id);
  });
});
