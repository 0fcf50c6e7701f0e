/** Meta-tests: the rule data is consistent (ids, references, citations, questions, facts). */
import { describe, expect, test } from 'vitest';
import checksJson from '../../data/rules/checks.json' with { type: 'json' };
import { words } from '../../i18n/test-words.ts';
import { DRAFT_CHECKS } from '../checks/index.ts';
import { CONTEXT_VALUES } from '../context.ts';
import { DM_LEVELS, ROUTES } from '../verdict.ts';
import { type Condition, mentions } from './conditions.ts';
import { catalogue, citations, decision, questions, walkthrough } from './data.ts';
import { FACT_DOMAINS, FACT_NAMES } from './facts.ts';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const allConditions: [string, Condition | undefined][] = [
  ...Object.entries(decision.definitions).map(([id, c]) => [`definition ${id}`, c] as [string, Condition]),
  ...decision.steps.flatMap((s): [string, Condition | undefined][] => [
    [`step ${s.id}`, s.when],
    ...(s.kind === 'level'
      ? s.cases.map((c, i) => [`step ${s.id} case ${i}`, c.when] as [string, Condition])
      : []),
  ]),
  ...catalogue.map((r) => [`rule ${r.id}`, r.appliesWhen] as [string, Condition]),
  ...decision.steps.flatMap((s): [string, Condition | undefined][] =>
    s.kind === 'route' && typeof s.walk !== 'string'
      ? s.walk.map((c, i) => [`step ${s.id} walk ${i}`, c.when])
      : [],
  ),
  ...whens(walkthrough, 'walkthrough'),
];

/** Every `when` in a piece of data, with where it is. */
function whens(value: unknown, where: string): [string, Condition][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => whens(v, `${where}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]): [string, Condition][] =>
    k === 'when' ? [[where, v as Condition]] : whens(v, `${where}.${k}`),
  );
}

/** Values in a condition that its fact can never take: outside the fact's domain, or not a number for a count. */
function valueProblems(c: Condition | undefined): string[] {
  if (c === undefined) return [];
  if ('all' in c) return c.all.flatMap(valueProblems);
  if ('any' in c) return c.any.flatMap(valueProblems);
  if ('not' in c) return valueProblems(c.not);
  if ('ref' in c) return [];
  const domain = FACT_DOMAINS[c.fact];
  const values = [
    ...(c.is !== undefined ? [c.is] : []),
    ...(c.isNot !== undefined ? [c.isNot] : []),
    ...(c.in ?? []),
  ];
  return values
    .filter((v) => (domain ? !domain.includes(v) : typeof v !== 'number'))
    .map((v) => `${c.fact} is ${JSON.stringify(v)}`);
}

describe('ids', () => {
  test.each([
    ['rules', catalogue.map((r) => r.id)],
    ['steps', decision.steps.map((s) => s.id)],
    ['citations', Object.keys(citations)],
    ['definitions', Object.keys(decision.definitions)],
    ['checks', DRAFT_CHECKS.map((c) => c.id)],
  ])('%s ids are unique kebab-case', (_name, ids) => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(KEBAB);
  });
});

describe('citations', () => {
  test.each(Object.entries(citations))('%s has a title and an https url', (_id, c) => {
    expect(c.title.trim().length).toBeGreaterThan(5);
    expect(new URL(c.url).protocol).toBe('https:');
  });

  test('every citation id used by a rule exists, every rule has at least one', () => {
    for (const r of catalogue) {
      expect(r.citations.length, r.id).toBeGreaterThan(0);
      for (const id of r.citations) expect(citations[id], `${r.id} → ${id}`).toBeDefined();
    }
  });

  test('every citation is used', () => {
    const used = new Set<string>(catalogue.flatMap((r) => r.citations));
    expect(Object.keys(citations).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('conditions', () => {
  test.each(allConditions)('%s mentions only known facts and definitions', (_where, c) => {
    const m = mentions(c);
    for (const f of m.facts) expect(FACT_NAMES).toContain(f);
    for (const r of m.refs) expect(Object.keys(decision.definitions)).toContain(r);
  });

  test.each(allConditions)('%s compares facts only with values they can take', (where, c) => {
    expect(valueProblems(c), where).toEqual([]);
  });

  test('a value outside its fact\'s domain is caught (the typo "opted-otu")', () => {
    expect(
      valueProblems({
        all: [
          { fact: 'consent', is: 'opted-otu' },
          { fact: 'route', in: ['solicited'] },
        ],
      }),
    ).toEqual(['consent is "opted-otu"']);
    expect(valueProblems({ not: { fact: 'acts.asks', is: 'many' } })).toEqual(['acts.asks is "many"']);
  });

  test('every definition is used', () => {
    const used = new Set(allConditions.flatMap(([, c]) => [...mentions(c).refs]));
    expect(Object.keys(decision.definitions).filter((d) => !used.has(d))).toEqual([]);
  });
});

describe('decision steps', () => {
  test('the last step is an unconditional route', () => {
    const last = decision.steps.at(-1);
    expect(last?.kind).toBe('route');
    expect(last?.when).toBeUndefined();
  });

  test('routes are valid and every route can be reached by some step', () => {
    const routes = decision.steps.flatMap((s) => (s.kind === 'route' ? [s.route] : []));
    for (const r of routes) expect(ROUTES).toContain(r);
    expect(new Set(routes)).toEqual(new Set(ROUTES));
  });

  test('summaries are one hedged sentence', () => {
    for (const s of decision.steps) {
      if (s.kind !== 'route') continue;
      const summary = words({ messageId: s.summary });
      expect(summary, s.id).toMatch(/\.$/);
      expect(summary.slice(0, -1), s.id).not.toMatch(/\.\s/);
      expect(summary, s.id).toMatch(/\b(likely|may|must|if|unless|unclear)\b/i);
    }
  });

  test('level steps set only levels (a case without `set` keeps the level and records its reason)', () => {
    for (const s of decision.steps)
      if (s.kind === 'level')
        for (const c of s.cases) if (c.set !== undefined) expect(DM_LEVELS, s.id).toContain(c.set);
  });

  test('every asked field has a question', () => {
    for (const s of decision.steps) if (s.kind === 'ask') expect(questions[s.field], s.id).toBeDefined();
  });
});

describe('questions', () => {
  const allowed: Record<string, readonly string[]> = { ...CONTEXT_VALUES };
  test.each(Object.entries(questions))('%s offers valid, known answers', (field, q) => {
    expect(allowed[field], field).toBeDefined();
    expect(q.options.length).toBeGreaterThanOrEqual(2);
    for (const o of q.options) {
      expect(allowed[field]).toContain(o.value);
      expect(o.value).not.toBe('unknown');
      expect(words({ messageId: o.label }).length).toBeGreaterThan(1);
    }
  });
});

describe('rules', () => {
  test.each(catalogue.map((r) => [r.id, r] as const))('%s has a title and a plain requirement', (_id, r) => {
    const title = words({ messageId: r.title });
    const requirement = words({ messageId: r.requirement });
    expect(title.length).toBeGreaterThan(5);
    expect(requirement.length).toBeGreaterThan(40);
    expect(requirement).toMatch(/\.$/);
  });
});

describe('checks configuration', () => {
  test('every configured check has an implementation and vice versa', () => {
    const configured = Object.keys(checksJson).filter((k) => k !== '$comment');
    expect(new Set(configured)).toEqual(new Set(DRAFT_CHECKS.map((c) => c.id)));
  });
});
