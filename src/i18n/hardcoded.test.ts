/**
 * No hard-coded interface text: everything a user reads in the popup, options page, composer panel, Send dialog,
 * shared verdict view and training page comes from the catalogues through t()/tx().
 *
 * What counts as interface text, in the UI folders' sources (parsed, not grepped):
 * - JSX text with any letter;
 * - a string (or template) with any letter in a user-facing attribute: aria-label, title, placeholder, alt, label,
 *   hint, and the other aria-* attributes that carry words;
 * - a string (or template) with any letter inside a JSX expression, however nested in conditions (`{on ? 'On' :
 *   'Off'}`), unless it is the argument of a call (a key for t(), a class name builder);
 * - anywhere else, a string that reads as prose: two words of letters separated by a space (so class lists,
 *   selectors, ids and single tokens are not flagged, while `setMessage('Not saved.')` is).
 * Developer-facing errors (`new Error(…)`) and CSS-in-JS files are not interface text.
 */
import { describe, expect, test } from 'vitest';
import { lineOf, type Node, parse, sourceFiles, stringValue, walk } from './scan-source.ts';

const UI_FOLDERS = ['src/popup', 'src/options', 'src/panel', 'src/ui', 'src/training'];

/** CSS for shadow roots: strings of style rules, not words. */
const NOT_UI = /(^|\/)([\w-]*styles)\.ts$/;

const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
]);

/**
 * Text that is rightly not in the catalogues, with why. Keep it short: every entry is a string no translation
 * may change.
 */
const ALLOWED: { file: string; text: string; why: string }[] = [
  { file: 'src/training/App.tsx', text: 'W', why: 'the keyboard key shown in <kbd>, not a word' },
  { file: 'src/training/App.tsx', text: 'P', why: 'the keyboard key shown in <kbd>, not a word' },
  {
    file: 'src/training/HighlightField.tsx',
    text: 'Abc',
    why: 'letters that show a highlight style in the legend (aria-hidden)',
  },
];

const hasLetter = (s: string) => /\p{L}/u.test(s);
/** Two words with a space between; a list of lower-case, hyphenated tokens is a class list, not prose. */
const isProse = (s: string) => {
  if (!/\p{L}{2,}[ \u00a0]+\p{L}{2,}/u.test(s)) return false;
  const tokens = s.trim().split(/\s+/);
  if (tokens.every((w) => /^[a-z][a-z0-9_-]*$/.test(w)) && tokens.some((w) => w.includes('-'))) return false;
  // A CSS value such as "0 auto auto 0".
  return !(/^[\d\s.a-z%-]+$/.test(s) && /\d/.test(s));
};

interface Finding {
  file: string;
  line: number;
  text: string;
  kind: string;
}

function attributeName(attr: Node): string | undefined {
  const name = attr.name as Node | undefined;
  return name?.type === 'JSXIdentifier' ? (name.name as string) : undefined;
}

/** Strings with a letter in an expression, through conditions and concatenations but not into calls. */
function lettersIn(expr: Node | undefined, out: Node[]): void {
  if (!expr) return;
  switch (expr.type) {
    case 'Literal':
      if (typeof expr.value === 'string' && hasLetter(expr.value)) out.push(expr);
      return;
    case 'TemplateLiteral':
      if ((expr.quasis as Node[]).some((q) => hasLetter((q.value as { cooked: string }).cooked)))
        out.push(expr);
      return;
    case 'ConditionalExpression':
      lettersIn(expr.consequent as Node, out);
      lettersIn(expr.alternate as Node, out);
      return;
    case 'LogicalExpression':
      // `a && 'text'`, `a ?? 'text'`: the right side may be shown; the left is a condition or a value.
      lettersIn(expr.left as Node, out);
      lettersIn(expr.right as Node, out);
      return;
    case 'BinaryExpression':
      // Only concatenation produces text; comparisons (`locale !== 'en'`) do not.
      if (expr.operator !== '+') return;
      lettersIn(expr.left as Node, out);
      lettersIn(expr.right as Node, out);
      return;
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
      lettersIn(expr.expression as Node, out);
      return;
  }
}

function textOf(src: { text: string }, node: Node): string {
  return src.text.slice(node.start, node.end).trim();
}

function findHardCoded(files: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const src = parse(file);
    const flagged = new Set<Node>();
    const flag = (node: Node, kind: string) => {
      if (flagged.has(node)) return;
      flagged.add(node);
      const text =
        node.type === 'JSXText'
          ? (node.value as string).replace(/\s+/g, ' ').trim()
          : (stringValue(node) ?? textOf(src, node));
      findings.push({ file, line: lineOf(src.text, node.start), text, kind });
    };
    walk(src.program, (node, parents) => {
      const parent = parents.at(-1);
      if (node.type === 'JSXText') {
        if (hasLetter(node.value as string)) flag(node, 'JSX text');
        return;
      }
      if (node.type === 'JSXAttribute') {
        const name = attributeName(node);
        if (!name || !USER_FACING_ATTRIBUTES.has(name)) return;
        const value = node.value as Node | null;
        const found: Node[] = [];
        if (value?.type === 'JSXExpressionContainer') lettersIn(value.expression as Node, found);
        else if (value) lettersIn(value, found);
        for (const f of found) flag(f, `${name} attribute`);
        return;
      }
      if (node.type === 'JSXExpressionContainer' && parent?.type !== 'JSXAttribute') {
        const found: Node[] = [];
        lettersIn(node.expression as Node, found);
        for (const f of found) flag(f, 'string in JSX');
        return;
      }
      if (node.type === 'Literal' || node.type === 'TemplateLiteral') {
        const value =
          node.type === 'Literal'
            ? typeof node.value === 'string'
              ? node.value
              : ''
            : (node.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join(' ');
        if (!isProse(value)) return;
        // Not interface text: module paths, developer errors, JSX attributes that are not read (class lists).
        if (
          parents.some(
            (p) => p.type === 'ImportDeclaration' || (p.type === 'ExportNamedDeclaration' && p.source),
          )
        )
          return;
        if (parents.some((p) => p.type === 'NewExpression' && (p.callee as Node)?.name === 'Error')) return;
        if (parents.some((p) => p.type === 'JSXAttribute')) return;
        if (parent?.type === 'Property' && parent.key === node) return;
        flag(node, 'prose string');
      }
    });
  }
  return findings.filter((f) => !ALLOWED.some((a) => a.file === f.file && a.text === f.text));
}

describe('no hard-coded interface text', () => {
  const files = sourceFiles(UI_FOLDERS).filter((f) => !NOT_UI.test(f));

  test('the scan covers every UI folder', () => {
    for (const dir of UI_FOLDERS)
      expect(
        files.some((f) => f.startsWith(`${dir}/`)),
        dir,
      ).toBe(true);
  });

  test.each(files)('%s', (file) => {
    const found = findHardCoded([file]).map(
      (f) => `${f.file}:${f.line} ${f.kind}: ${JSON.stringify(f.text)}`,
    );
    expect(found).toEqual([]);
  });

  test('every allow-list entry is still needed (no stale exceptions)', () => {
    const raw = files.flatMap((file) => {
      const src = parse(file);
      const texts: string[] = [];
      walk(src.program, (node) => {
        if (node.type === 'JSXText') texts.push((node.value as string).trim());
        const v = stringValue(node);
        if (v !== undefined) texts.push(v);
      });
      return texts.map((text) => ({ file, text }));
    });
    for (const a of ALLOWED)
      expect(
        raw.some((r) => r.file === a.file && r.text === a.text),
        `${a.file}: ${a.text}`,
      ).toBe(true);
  });
});

describe('the scanner itself', () => {
  // A self-test on a known sample, so a parser change that silently finds nothing cannot pass the suite.
  test('finds text, attributes, conditional strings and prose, and skips keys and class lists', async () => {
    const { writeFileSync, mkdirSync, mkdtempSync, rmSync } = await import('node:fs');
    const path = await import('node:path');
    const { ROOT } = await import('./scan-source.ts');
    // tmp/ is ignored by git, so a fresh clone has none.
    mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
    const dir = mkdtempSync(path.join(ROOT, 'tmp', 'i18n-scan-'));
    const file = path.join(dir, 'Sample.tsx');
    writeFileSync(
      file,
      [
        "import { t } from '../../src/i18n/index.ts';",
        'export function S({ on }: { on: boolean }) {',
        "  const note = 'Not saved yet.';",
        "  const cls = 'badge badge-edited';",
        '  return (',
        '    <p class={cls} title="Hello" aria-label={t(\'k\')}>',
        "      Hi there {on ? 'On' : t('off')} {note}",
        '    </p>',
        '  );',
        '}',
      ].join('\n'),
    );
    try {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      const kinds = findHardCoded([rel]).map((f) => `${f.kind}:${f.text}`);
      expect(kinds.sort()).toEqual(
        [
          'JSX text:Hi there',
          'prose string:Not saved yet.',
          'string in JSX:On',
          'title attribute:Hello',
        ].sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
