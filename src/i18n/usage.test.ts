/**
 * The catalogue as the code uses it: every `t('key', …)` / `tx('key', …)` names a key that exists and passes as
 * many substitutions as the message has placeholders, and every key is used (no stale entries).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import enMessages from '../../public/_locales/en/messages.json' with { type: 'json' };
import type { Catalogue } from './index.ts';
import { calleeName, type Node, parse, ROOT, sourceFiles, stringValue, walk } from './scan-source.ts';

const en = enMessages as Catalogue;
const FILES = sourceFiles(['src']).filter((f) => !f.startsWith('src/core/') && !f.startsWith('src/cli/'));
const parsed = FILES.map(parse);

/** How many substitutions a message takes: the highest $n its placeholders use. */
const arity = (key: string) =>
  Math.max(0, ...Object.values(en[key]?.placeholders ?? {}).map((p) => Number(p.content.slice(1))));

/** Keys built at run time from data ids (src/i18n/verdict.ts and the label maps); checked by catalogue.test.ts. */
const DYNAMIC_PREFIXES = [
  'question_',
  'summary_',
  'rule_',
  'check_',
  'language_name_',
  'coverage_note_',
  'walk_q_',
];

describe('t() and tx() calls', () => {
  const calls: { where: string; key: string; subs: number }[] = [];
  for (const src of parsed) {
    walk(src.program, (node) => {
      if (node.type !== 'CallExpression') return;
      const name = calleeName(node);
      if (name !== 't' && name !== 'tx') return;
      const args = node.arguments as Node[];
      const key = stringValue(args[0]);
      if (key === undefined) return; // A typed MessageKey variable: the type checker covers it.
      calls.push({ where: `${src.file}:${key}`, key, subs: args.length - 1 });
    });
  }

  test('there are calls to check', () => {
    expect(calls.length).toBeGreaterThan(100);
  });

  test('every key exists in the English catalogue', () => {
    expect(calls.filter((c) => !Object.hasOwn(en, c.key)).map((c) => c.where)).toEqual([]);
  });

  test('every call passes one substitution per placeholder', () => {
    const wrong = calls
      .filter((c) => Object.hasOwn(en, c.key) && c.subs !== arity(c.key))
      .map((c) => `${c.where}: ${c.subs} given, ${arity(c.key)} expected`);
    expect(wrong).toEqual([]);
  });
});

describe('every catalogue key is used', () => {
  test('as a string in the source, through a data-driven family, or in the manifest', () => {
    const literals = new Set<string>();
    for (const src of parsed) {
      walk(src.program, (node) => {
        const value = stringValue(node);
        if (value !== undefined) literals.add(value);
      });
    }
    const manifest = readFileSync(path.join(ROOT, 'manifest.config.ts'), 'utf8');
    const unused = Object.keys(en).filter(
      (key) =>
        !literals.has(key) &&
        !DYNAMIC_PREFIXES.some((p) => key.startsWith(p)) &&
        !manifest.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
