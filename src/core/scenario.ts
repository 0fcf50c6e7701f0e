/**
 * Training-mode scenario gallery (issue #5): the type of one worked example in src/data/scenarios.json and a
 * small pure validator/loader. The gallery doubles as a regression suite (scenarios.test.ts): each scenario
 * states the verdict the core should give, or, in `knownLimit`, says honestly where the core still disagrees.
 */
import scenariosJson from '../data/scenarios.json' with { type: 'json' };
import { type Channel, type ContextInput, parseContext } from './context.ts';
import { citations as citationTable } from './rules/data.ts';
import { type Citation, type DirectMarketingLevel, DM_LEVELS, ROUTES, type Route } from './verdict.ts';

export const SCENARIO_SECTORS = [
  'public-authority',
  'charity',
  'business',
  'political',
  'regulatory-service',
] as const;
export type ScenarioSector = (typeof SCENARIO_SECTORS)[number];

/** Id prefixes: PS public sector, CH charity, BU business, PO political, RS regulatory/service, SM text messages. */
export const SCENARIO_ID = /^(PS|CH|BU|PO|RS|SM)-\d{2}$/;

/** The sender's context for a scenario: every ContextInput field except the channel (set at the top level). */
export type ScenarioContext = Omit<ContextInput, 'channel'>;

export interface ScenarioExpectation {
  /** The acceptable direct-marketing levels (e.g. ["yes", "likely"]). */
  directMarketing: DirectMarketingLevel[];
  /** The one route the core should reach. */
  route: Route;
  /** Optional: ids of draft checks that must be raised (e.g. "opt-out-missing" for a text without STOP). */
  checks?: string[];
}

export interface Scenario {
  id: string;
  title: string;
  sector: ScenarioSector;
  channel: Channel;
  subject: string;
  body: string;
  context: ScenarioContext;
  expected: ScenarioExpectation;
  /** 2–4 plain-English sentences: the teaching point and why. */
  teachingNote: string;
  /** Ids into src/data/citations.json (at least one). */
  citations: string[];
  /** Only where the core disagrees with the expected answer and cannot yet be fixed: what it gets wrong. */
  knownLimit?: string;
}

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function text(item: Record<string, unknown>, key: string, where: string, allowEmpty = false): string {
  const v = item[key];
  if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) {
    throw new ScenarioError(`${where}.${key} must be a${allowEmpty ? '' : ' non-empty'} string`);
  }
  return v;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ScenarioError(`${where}: ${JSON.stringify(value)} is not one of ${allowed.join(' | ')}`);
  }
  return value as T;
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw new ScenarioError(`${where} must be a list of non-empty strings`);
  }
  return value as string[];
}

/**
 * Validates loose JSON into scenarios. Checks ids (format, uniqueness), enumerations, the context (with the
 * same validator the checker uses) and, when `citationIds` is given, that every citation id resolves.
 * Throws a ScenarioError naming the scenario and field.
 */
export function parseScenarios(input: unknown, citationIds?: Iterable<string>): Scenario[] {
  const list = isObject(input) && Array.isArray(input.scenarios) ? input.scenarios : input;
  if (!Array.isArray(list)) throw new ScenarioError('scenarios must be a list (or {"scenarios": [...]})');
  const known = citationIds ? new Set(citationIds) : undefined;
  const seen = new Set<string>();
  return list.map((raw, i) => {
    if (!isObject(raw)) throw new ScenarioError(`scenarios[${i}] must be an object`);
    const id = text(raw, 'id', `scenarios[${i}]`);
    const where = `scenario ${id}`;
    if (!SCENARIO_ID.test(id)) throw new ScenarioError(`${where}: id must match ${SCENARIO_ID}`);
    if (seen.has(id)) throw new ScenarioError(`${where}: duplicate id`);
    seen.add(id);

    if (!isObject(raw.context)) throw new ScenarioError(`${where}.context must be an object`);
    if ('channel' in raw.context)
      throw new ScenarioError(`${where}.context: set the channel at the top level`);
    try {
      parseContext(raw.context);
    } catch (e) {
      throw new ScenarioError(`${where}: ${(e as Error).message}`);
    }

    if (!isObject(raw.expected)) throw new ScenarioError(`${where}.expected must be an object`);
    const levels = stringList(raw.expected.directMarketing, `${where}.expected.directMarketing`);
    if (levels.length === 0) throw new ScenarioError(`${where}.expected.directMarketing is empty`);
    const expected: ScenarioExpectation = {
      directMarketing: levels.map((l) => oneOf(l, DM_LEVELS, `${where}.expected.directMarketing`)),
      route: oneOf(raw.expected.route, ROUTES, `${where}.expected.route`),
    };
    if (raw.expected.checks !== undefined) {
      expected.checks = stringList(raw.expected.checks, `${where}.expected.checks`);
    }

    const cites = stringList(raw.citations, `${where}.citations`);
    if (cites.length === 0) throw new ScenarioError(`${where}.citations needs at least one id`);
    if (known) {
      for (const c of cites) if (!known.has(c)) throw new ScenarioError(`${where}: unknown citation "${c}"`);
    }

    const scenario: Scenario = {
      id,
      title: text(raw, 'title', where),
      sector: oneOf(raw.sector, SCENARIO_SECTORS, `${where}.sector`),
      channel: oneOf(raw.channel, ['email', 'sms'] as const, `${where}.channel`),
      subject: text(raw, 'subject', where, true),
      body: text(raw, 'body', where),
      context: raw.context as ScenarioContext,
      expected,
      teachingNote: text(raw, 'teachingNote', where),
      citations: cites,
    };
    if (raw.knownLimit !== undefined) scenario.knownLimit = text(raw, 'knownLimit', where);
    return scenario;
  });
}

let cached: Scenario[] | undefined;

/** The bundled gallery (src/data/scenarios.json), validated once. */
export function loadScenarios(): Scenario[] {
  cached ??= parseScenarios(scenariosJson, Object.keys(citationTable));
  return cached;
}

/** A scenario's citation ids as {title, url} (unknown ids are skipped). */
export function scenarioCitations(scenario: Pick<Scenario, 'citations'>): Citation[] {
  return scenario.citations.flatMap((id) => {
    const c = citationTable[id];
    return c ? [{ title: c.title, url: c.url }] : [];
  });
}
