/**
 * The content script's first chunk must not hold the classifier: the core (compromise, ~350 KB) is imported only
 * dynamically (src/content/main.ts), so a webmail page pays for it when a composer is found, never at load. A static
 * value import of src/core/index.ts anywhere in the content script's graph (as src/i18n/render.ts once had) pulls
 * it in whole; this follows the static imports from main.ts and fails naming the path.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Static imports and re-exports that bring values (not `import type` / `export type`), with their specifiers. */
const STATIC = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return Array.from(text.matchAll(STATIC), (m) => m[1]!)
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s))
    .filter((f) => existsSync(f) && /\.(ts|tsx)$/.test(f));
}

test('the content script reaches the core only through its dynamic import', () => {
  const start = path.join(ROOT, 'src/content/main.ts');
  const via = new Map<string, string>([[start, '']]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const dep of staticImports(file)) {
      if (via.has(dep)) continue;
      via.set(dep, file);
      queue.push(dep);
    }
  }
  const heavy = [...via.keys()].filter(
    (f) =>
      f.endsWith('src/core/index.ts') || f.includes('/src/core/nlp/') || f.includes('/src/core/classify/'),
  );
  const chain = (f: string): string[] => (f ? [...chain(via.get(f)!), path.relative(ROOT, f)] : []);
  expect(heavy.map((f) => chain(f).join(' → '))).toEqual([]);
  // The walk itself works: it reaches the panel and the renderer.
  expect([...via.keys()].some((f) => f.endsWith('src/i18n/render.ts'))).toBe(true);
});
