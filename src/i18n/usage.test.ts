/**
 * The catalogue as the code uses it: every `t('key', …)` / `tx('key', …)` names a key that exists and passes as
 * many substitutions as the message has placeholders, and every key is used (no stale entries).
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/** The core names the messages of its findings (src/core/findings, checks, language coverage). */
const CORE = sourceFiles(['src/core'])
  .filter((f) => !f.endsWith('.test.ts'))
  .map(parse);

/** Keys built at run time from a value (`language_name_${code}` in src/i18n/render.ts); checked by catalogue.test.ts. */
const DYNAMIC_PREFIXES = ['language_name_'];

/** Every string in the rule data (src/data/**\/*.json): the message ids the data names. */
function dataStrings(): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  const dir = path.join(ROOT, 'src/data');
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    if (f.endsWith('.json') && !f.startsWith('lexicons'))
      visit(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  return out;
}

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
  test('as a string in the source (the core included) or the data, by its language, or in the manifest', () => {
    const literals = dataStrings();
    for (const src of [...parsed, ...CORE]) {
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
