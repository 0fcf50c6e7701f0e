/**
 * Runs axe-core (the accessibility rules engine) in a Playwright page and sorts what it finds into WCAG 2.2 AA
 * failures and best-practice advice.
 *
 * axe's source is evaluated through the DevTools protocol rather than added as a <script> element: extension pages
 * forbid inline scripts (script-src 'self'), and an evaluated script is not subject to the page's CSP. It runs in
 * the page's main world; the content script's badge, panel and Send dialog live in open shadow roots, which axe
 * walks from there like any other DOM.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The success criteria the issue holds us to: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface AxeNode {
  target: string;
  html: string;
  summary: string;
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  tags: string[];
  nodes: AxeNode[];
}

export interface AxeReport {
  /** Rules with a WCAG 2.x A/AA tag that failed: these fail the tests. */
  violations: AxeFinding[];
  /** Best-practice rules that failed: reported, never failing. */
  bestPractice: AxeFinding[];
  /** Rules axe could not decide alone (e.g. contrast over an image): listed for a person to look at. */
  incomplete: AxeFinding[];
  /** How many rules passed, as a sanity check that something was actually examined. */
  passes: number;
}

export interface AxeScope {
  /** CSS selectors of the elements to examine (default: the whole document). */
  include?: string[];
  exclude?: string[];
  /**
   * Elements outside <body> (the content script's hosts hang off <html>) to move to the end of <body> while axe runs,
   * then put back. axe lays out only body's subtree when it works out what lies behind text (color-contrast) and
   * what sits near a target (target-size); outside it both rules give up as "incomplete". Our hosts are fixed,
   * zero-size and `all: initial`, so they render the same in either place.
   */
  lift?: string[];
}

async function inject(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (present) return;
  await page.evaluate(AXE_SOURCE);
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) throw new Error(`axe-core did not load into ${page.url()}`);
}

/** Runs axe over `scope` in `page` with the WCAG 2.2 AA rule set plus best practice, and sorts the results. */
export async function runAxe(page: Page, scope: AxeScope = {}): Promise<AxeReport> {
  await inject(page);
  const raw = await page.evaluate(
    async ({ include, exclude, tags, lift }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const lifted = lift
        .flatMap((sel) => Array.from(document.querySelectorAll(sel)))
        .filter((el) => !document.body.contains(el))
        .map((el) => ({ el, parent: el.parentNode, next: el.nextSibling }));
      // Moving an element drops focus from inside it: note where focus was, to put it back afterwards.
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      for (const { el } of lifted) document.body.append(el);
      const context =
        include || exclude
          ? {
              include: include ?? [['html']],
              exclude: exclude ?? [],
            }
          : document;
      let r: import('axe-core').AxeResults;
      try {
        r = await axe.run(context as import('axe-core').ElementContext, {
          runOnly: { type: 'tag', values: [...tags, 'best-practice'] },
          resultTypes: ['violations', 'incomplete'],
        });
      } finally {
        for (const { el, parent, next } of lifted) parent?.insertBefore(el, next);
        if (lifted.length && active instanceof HTMLElement) active.focus({ preventScroll: true });
      }
      const shape = (list: import('axe-core').Result[]) =>
        list.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          tags: v.tags as string[],
          nodes: v.nodes.map((n) => ({
            target: JSON.stringify(n.target),
            html: n.html.slice(0, 300),
            summary: n.failureSummary ?? '',
          })),
        }));
      return { violations: shape(r.violations), incomplete: shape(r.incomplete), passes: r.passes.length };
    },
    {
      // A selector per element, each wrapped so axe reads it as "this element" rather than a frame path.
      include: scope.include?.map((s) => [s]),
      exclude: scope.exclude?.map((s) => [s]),
      tags: [...WCAG_TAGS] as string[],
      lift: scope.lift ?? [],
    },
  );
  const isWcag = (f: AxeFinding) => f.tags.some((t) => (WCAG_TAGS as readonly string[]).includes(t));
  return {
    violations: raw.violations.filter(isWcag),
    bestPractice: raw.violations.filter((f) => !isWcag(f)),
    incomplete: raw.incomplete,
    passes: raw.passes,
  };
}

/** One line per failing node, readable in a test failure message. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .flatMap((f) =>
      f.nodes.map((n) => `${f.id} (${f.impact ?? 'n/a'}): ${f.help}\n    at ${n.target}\n    ${n.summary}`),
    )
    .join('\n');
}
