/**
 * Test support (Node only, never bundled): parses the UI sources with Vite's own parser (Oxc, through
 * `parseSync`; TypeScript 7's package has no in-process compiler API) and walks the tree with each node's parents,
 * for the catalogue-usage and hard-coded-string tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'vite';

export const ROOT = path.resolve(import.meta.dirname, '../..');

// Oxc's ESTree shape, loosely: every node has a type and offsets; the rest is read by name.
export interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface SourceFile {
  /** Relative to the repository, with forward slashes. */
  file: string;
  text: string;
  program: Node;
}

/** Source files (not tests) under `dirs`, with the given extensions. */
export function sourceFiles(dirs: readonly string[], exts = ['.ts', '.tsx']): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const name = entry.name;
      if (!exts.some((e) => name.endsWith(e)) || /\.test\.tsx?$/.test(name) || name.endsWith('.d.ts'))
        continue;
      out.push(path.relative(ROOT, path.join(entry.parentPath, name)).split(path.sep).join('/'));
    }
  }
  return out.sort();
}

export function parse(file: string): SourceFile {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const result = parseSync(file, text, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' });
  if (result.errors.length) throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
  return { file, text, program: result.program as unknown as Node };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** Visits every node depth-first with its ancestors (nearest last). */
export function walk(root: Node, visit: (node: Node, parents: readonly Node[]) => void): void {
  const parents: Node[] = [];
  const go = (node: Node) => {
    visit(node, parents);
    parents.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) go(item);
      } else if (isNode(value)) go(value);
    }
    parents.pop();
  };
  go(root);
}

/** 1-based line of an offset, for messages. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The name of a call's callee when it is a plain identifier (`t(…)`) or a member (`x.t(…)`). */
export function calleeName(call: Node): string | undefined {
  const callee = call.callee as Node | undefined;
  if (!callee) return undefined;
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && (callee.property as Node)?.type === 'Identifier')
    return (callee.property as Node).name as string;
  return undefined;
}

/** A string literal's value, or undefined. */
export function stringValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as Node[]).length === 0)
    return ((node.quasis as Node[])[0]?.value as { cooked: string } | undefined)?.cooked;
  return undefined;
}
