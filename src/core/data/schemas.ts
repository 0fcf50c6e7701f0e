/**
 * One schema per data file in src/data, checked against the domains the core defines: facts and their values,
 * routes, levels, signals, pattern roles, the walkthrough's questions, and the ids other files must have (citations,
 * definitions, rules, lexicon patterns, message ids in both catalogues). `checkData` runs them all; `npm run data`
 * (scripts/data.ts) calls it at build time, and writes each file's type declaration (`<name>.d.json.ts`) from
 * DATA_FILES, so the core imports the data with the type the build checked it against.
 */

import { PATTERN_ROLES } from '../acts/acts.ts';
import type { ChecksConfig } from '../checks/config.ts';
import { SIGNALS, type Signal } from '../classify/classification.ts';
import type { LanguageLexicon, Lexicon, LexiconPattern } from '../classify/lexicon.ts';
import type { ModelFile } from '../classify/model.ts';
import { CONTEXT_VALUES, type EnumField } from '../context.ts';
import { type CitationId, ENGLISH_ONLY_MESSAGES, type MessageId } from '../findings/finding.ts';
import type { CoverageRules } from '../language/coverage.ts';
import type { LanguagesData } from '../language/detect.ts';
import type { Bound, Condition, FactTest, FactValue } from '../rules/conditions.ts';
import type { CatalogueData, DecisionData, QuestionsData } from '../rules/data.ts';
import { factDomains, factNames } from '../rules/fact-domains.ts';
import type { AskStep } from '../rules/kinds/ask.ts';
import type { LevelStep } from '../rules/kinds/level.ts';
import type { RouteStep } from '../rules/kinds/route.ts';
import { parseScenarios } from '../scenario.ts';
import { type Citation, DM_LEVELS, PROFILED, PURPOSES, ROUTES, SEVERITIES } from '../verdict.ts';
import { WALK_STEP_IDS } from '../walk-steps.ts';
import type { ParamSpec, QuoteSpec, SaySpec, WalkthroughData } from '../walkthrough.ts';
import {
  array,
  at,
  boolean,
  either,
  formatIssues,
  type Issue,
  isObjectValue,
  lazy,
  number,
  object,
  oneOf,
  optional,
  passes,
  record,
  refine,
  type Schema,
  schema,
  show,
  string,
  tagged,
  validate,
} from './schema.ts';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const id = () => string({ pattern: KEBAB, what: 'a kebab-case id' });
const text = () => string({ nonEmpty: true });
const numbers = <const K extends string>(keys: readonly K[]) =>
  object(Object.fromEntries(keys.map((k) => [k, number()])) as { [P in K]: Schema<number> });

/** What the data's values are checked against: the core's constants, and ids other data files define. */
export interface DataDomains {
  /**
   * The keys of each catalogue (public/_locales/{en,cy}/messages.json): a message id must be in both, except the
   * English-only ones (ENGLISH_ONLY_MESSAGES).
   */
  catalogues: { en: ReadonlySet<string>; cy: ReadonlySet<string> };
  citationIds: ReadonlySet<string>;
  /** decision.json's definitions, hit sets and the level reasons its level steps give. */
  definitions: ReadonlySet<string>;
  hitSets: ReadonlySet<string>;
  levelReasons: readonly string[];
  /** The context fields questions.json asks about. */
  questionFields: ReadonlySet<string>;
  ruleIds: ReadonlySet<string>;
  /** Every lexicon pattern's global id (`fundraising/donate-ask`). */
  patternIds: ReadonlySet<string>;
}

function messageId(d: DataDomains): Schema<MessageId> {
  return schema((v, path, issues) => {
    if (typeof v !== 'string')
      return issues.push({ path, value: v, message: `${show(v)} is not a message id` });
    const en = d.catalogues.en.has(v);
    const cy = d.catalogues.cy.has(v) || (en && ENGLISH_ONLY_MESSAGES.test(v));
    if (en && cy) return;
    const where = en ? 'the Welsh catalogue' : cy ? 'the English catalogue' : 'either catalogue';
    issues.push({
      path,
      value: v,
      message: `${show(v)} is not a message id in ${where} (public/_locales/{en,cy}/messages.json)`,
    });
  });
}

const citationId = (d: DataDomains): Schema<CitationId> =>
  oneOf(d.citationIds as ReadonlySet<CitationId>, 'a citation id in src/data/citations.json');

// ————— Conditions (src/core/rules/conditions.ts) —————

export function conditionSchema(d: DataDomains): Schema<Condition> {
  const names = factNames([...d.hitSets]);
  const domains = factDomains(d.levelReasons);
  const fact = oneOf(names, 'a fact (src/core/rules/fact-domains.ts)');
  const bound: Schema<Bound> = either(
    'a number or {"fact": …}',
    [(v) => typeof v === 'number', number()],
    [isObjectValue, object({ fact })],
  );
  const value: Schema<FactValue> = either('a string, a number or true/false', [
    (v) => ['string', 'number', 'boolean'].includes(typeof v),
    schema<FactValue>(() => {}),
  ]);
  const factTest = object({
    fact,
    is: optional(value),
    isNot: optional(value),
    in: optional(array(value, { min: 1 })),
    gt: optional(bound),
    gte: optional(bound),
    lt: optional(bound),
    lte: optional(bound),
  });
  const condition: Schema<Condition> = schema((v, path, issues) => {
    if (!isObjectValue(v)) return issues.push({ path, value: v, message: `${show(v)} is not a condition` });
    if ('all' in v) return object({ all: array(condition, { min: 1 }) }).check(v, path, issues);
    if ('any' in v) return object({ any: array(condition, { min: 1 }) }).check(v, path, issues);
    if ('not' in v) return object({ not: condition }).check(v, path, issues);
    if ('ref' in v)
      return object({ ref: oneOf(d.definitions, 'a definition in src/data/decision.json') }).check(
        v,
        path,
        issues,
      );
    if (!('fact' in v))
      return issues.push({
        path,
        value: v,
        message: `${show(v)} is not a condition (all, any, not, ref or fact)`,
      });
    if (!passes(factTest, v, path, issues)) return;
    const t: FactTest = v;
    const compared: [string, FactValue][] = [
      ...(t.is !== undefined ? [['is', t.is] as [string, FactValue]] : []),
      ...(t.isNot !== undefined ? [['isNot', t.isNot] as [string, FactValue]] : []),
      ...(t.in ?? []).map((x, i): [string, FactValue] => [`in[${i}]`, x]),
    ];
    if (compared.length === 0 && [t.gt, t.gte, t.lt, t.lte].every((b) => b === undefined))
      issues.push({ path, value: v, message: `the test of fact ${t.fact} compares it with nothing` });
    const domain = domains[t.fact];
    for (const [key, x] of compared) {
      const where = key.startsWith('in[') ? `${path}.${key}` : at(path, key);
      if (domain ? !domain.includes(x) : typeof x !== 'number')
        issues.push({
          path: where,
          value: x,
          message: domain
            ? `${show(x)} is not a value of fact ${t.fact} (one of: ${domain.map((y) => String(y)).join(', ')})`
            : `${show(x)} is not a number (fact ${t.fact} is a count)`,
        });
    }
  });
  return condition;
}

// ————— decision.json, rules/questions.json, rules/catalogue.json —————

export function decisionSchema(d: DataDomains): Schema<DecisionData> {
  const when = conditionSchema(d);
  const msg = messageId(d);
  const walkId = oneOf(WALK_STEP_IDS, 'a walkthrough question (src/core/walk-steps.ts)');
  const level: Schema<LevelStep> = object({
    id: id(),
    kind: oneOf(['level']),
    when: optional(when),
    cases: array(
      object({
        when,
        set: optional(oneOf(DM_LEVELS, 'a level')),
        purpose: optional(oneOf(PURPOSES, 'a purpose')),
        reason: id(),
      }),
      { min: 1 },
    ),
  });
  const ask: Schema<AskStep> = object({
    id: id(),
    kind: oneOf(['ask']),
    field: oneOf(d.questionFields, 'a field with a question in src/data/rules/questions.json'),
    when: optional(when),
  });
  const route: Schema<RouteStep> = object({
    id: id(),
    kind: oneOf(['route']),
    when: optional(when),
    route: oneOf(ROUTES, 'a route'),
    summary: msg,
    walk: either(
      'a walkthrough question or a list of {when, at}',
      [(v) => typeof v === 'string', walkId],
      [Array.isArray, array(object({ when: optional(when), at: walkId }), { min: 1 })],
    ),
  });
  return object({
    purposeLabels: record(oneOf(['none', ...PURPOSES], 'a purpose'), msg, { every: ['none', ...PURPOSES] }),
    definitions: record(id(), when),
    hitSets: record(
      id(),
      object({
        signal: oneOf(SIGNALS, 'a signal'),
        except: array(oneOf(d.patternIds, 'a lexicon pattern id (<signal>/<id>)')),
        only: optional(array(oneOf(d.patternIds, 'a lexicon pattern id (<signal>/<id>)'), { min: 1 })),
        distinct: optional(boolean()),
      }),
    ),
    steps: array(tagged('kind', { level, ask, route }), { min: 1, unique: (s) => s.id }),
  });
}

export function questionsSchema(d: DataDomains): Schema<QuestionsData> {
  const when = conditionSchema(d);
  const msg = messageId(d);
  const fields = Object.keys(CONTEXT_VALUES) as EnumField[];
  return record(oneOf(fields, 'a context field'), (field) =>
    object({
      text: msg,
      options: array(
        object({
          value: oneOf(
            (CONTEXT_VALUES[field] as readonly string[]).filter((v) => v !== 'unknown'),
            `an answer to ${field} (never "unknown")`,
          ),
          label: msg,
          when: optional(when),
        }),
        { min: 2, unique: (o) => o.value },
      ),
      variants: optional(array(object({ id: id(), when, text: msg }), { unique: (v) => v.id })),
    }),
  );
}

export function catalogueSchema(d: DataDomains): Schema<CatalogueData> {
  const msg = messageId(d);
  return object({
    rules: array(
      object({
        id: id(),
        title: msg,
        requirement: msg,
        citations: array(citationId(d), { min: 1 }),
        appliesWhen: conditionSchema(d),
      }),
      { unique: (r) => r.id },
    ),
  });
}

// ————— walkthrough.json —————

export function walkthroughSchema(d: DataDomains): Schema<WalkthroughData> {
  const when = conditionSchema(d);
  const msg = messageId(d);
  const quote: Schema<QuoteSpec> = object({
    hits: optional(oneOf([...SIGNALS, ...d.hitSets], 'a signal or a hit set of decision.json')),
    pick: optional(oneOf(['first', 'longest'])),
    else: optional(lazy(() => quote)),
    evidence: optional(oneOf(['strongest', 'promotional'])),
  });
  const say: Schema<SaySpec> = either(
    'a sentence ({messageId} or {first})',
    [
      (v) => isObjectValue(v) && 'first' in v,
      object({
        when: optional(when),
        first: array(
          lazy(() => say),
          { min: 1 },
        ),
      }),
    ],
    [
      isObjectValue,
      object({
        when: optional(when),
        messageId: msg,
        params: optional(
          record(
            string(),
            lazy(() => param),
          ),
        ),
      }),
    ],
  );
  const param: Schema<ParamSpec> = either(
    'a walkthrough value (text, a number, quote, reason, verdict or a sentence)',
    [(v) => typeof v === 'string' || typeof v === 'number', schema<string | number>(() => {})],
    [(v) => isObjectValue(v) && 'quote' in v, object({ quote })],
    [(v) => isObjectValue(v) && 'reason' in v, object({ reason: oneOf(['strongest']) })],
    [(v) => isObjectValue(v) && 'verdict' in v, object({ verdict: oneOf(['purpose', 'language-note']) })],
    [isObjectValue, say],
  );
  const cite = either(
    'a citation id or {when, id}',
    [(v) => typeof v === 'string', citationId(d)],
    [isObjectValue, object({ when, id: citationId(d) })],
  );
  return object({
    questions: array(
      object({
        id: oneOf(
          WALK_STEP_IDS.filter((s) => s !== 'route'),
          'a walkthrough question (src/core/walk-steps.ts)',
        ),
        question: msg,
        answers: array(
          object({ when: optional(when), answer: say, because: array(say), citations: array(cite) }),
          { min: 1 },
        ),
      }),
      { unique: (q) => q.id },
    ),
    route: object({
      question: msg,
      whatToDo: msg,
      routes: record(
        oneOf(ROUTES, 'a route'),
        object({
          label: msg,
          rules: array(oneOf(d.ruleIds, 'a rule id in src/data/rules/catalogue.json')),
          citations: array(citationId(d)),
        }),
        { every: ROUTES },
      ),
    }),
  });
}

// ————— rules/checks.json, citations.json, languages.json —————

export function checksSchema(d: DataDomains): Schema<ChecksConfig> {
  const severity = oneOf(SEVERITIES, 'a severity');
  const citations = array(citationId(d), { min: 1 });
  return object({
    'opt-out-missing': object({
      severity,
      severityOnSoftOptIn: severity,
      citations,
      citationsOnSoftOptIn: citations,
    }),
    'sender-unidentified': object({ severity, citations }),
    'recipients-exposed': refine(
      object({
        warningAt: number({ integer: true, min: 1 }),
        errorAt: number({ integer: true, min: 1 }),
        citations,
      }),
      (c) =>
        c.errorAt > c.warningAt
          ? undefined
          : `errorAt (${c.errorAt}) must be above warningAt (${c.warningAt})`,
    ),
    'opted-out': object({ severity, citations }),
    'consent-request-is-marketing': object({ severity, citations }),
    'recipients-look-individual': object({
      severity,
      citations,
      webmailDomains: array(
        string({
          pattern: /^[a-z0-9-]+(\.[a-z0-9-]+)*\.([a-z]{2,}|\*)$/,
          what: 'a domain name (a last label may be *)',
        }),
        { min: 1 },
      ),
    }),
    // A note about the tool itself: no source to cite.
    'draft-truncated': object({ severity, citations: array(citationId(d)) }),
    'language-coverage-limited': object({ severity, severityWhenEnglish: severity, citations }),
  });
}

export const citationsSchema: Schema<Record<string, Citation>> = record(
  id(),
  object({ title: text(), url: string({ pattern: /^https:\/\/[^\s]+$/, what: 'an https URL' }) }),
);

export const languagesSchema: Schema<LanguagesData & { coverage: CoverageRules }> = object({
  functionWords: record(
    oneOf(PROFILED, 'a language with a profile (PROFILED in src/core/verdict.ts)'),
    text(),
    {
      every: PROFILED,
    },
  ),
  detection: numbers([
    'minForeignScore',
    'minFunctionScore',
    'foreignOverEnglish',
    'foreignMargin',
    'minForeignDensity',
    'minEnglishScore',
    'nonLatinShare',
    'minNonLatinLetters',
    'mixedScore',
  ]),
  coverage: object({
    minForeignWords: number(),
    alwaysFlagWords: number(),
    minForeignShare: number(),
    minEnglishWords: number(),
    minEnglishShare: number(),
    strongCues: numbers(['distinctPatterns', 'hits']),
    cueScores: numbers(['strong', 'some']),
  }),
});

// ————— lexicons, lexicon-reasons.json, model.json —————

const patternFields = {
  id: id(),
  match: either(
    'a match pattern or a list of them',
    [(v) => typeof v === 'string', text()],
    [Array.isArray, array(text(), { min: 1 })],
  ),
  message: text(),
  role: optional(oneOf(PATTERN_ROLES, 'a pattern role (src/core/acts/acts.ts)')),
  examples: object({ hit: array(text(), { min: 1 }), miss: optional(array(text())) }),
};

export function lexiconSchema<S extends Signal>(signal: S): Schema<Lexicon<S>> {
  const pattern: Schema<LexiconPattern> = object(patternFields);
  return object({
    signal: oneOf([signal], `"${signal}", the signal its file is named after`),
    description: text(),
    patterns: array(pattern, { min: 1, unique: (p) => p.id }),
  });
}

export const languageLexiconSchema: Schema<LanguageLexicon> = object({
  language: oneOf(['cy'], 'a language with cue words'),
  description: text(),
  patterns: array(object({ ...patternFields, signal: oneOf(SIGNALS, 'a signal') }), {
    min: 1,
    unique: (p) => p.id,
  }),
});

export const lexiconReasonsSchema = (d: DataDomains): Schema<{ reasons: Record<string, string> }> =>
  object({ reasons: record(oneOf(d.patternIds, 'a lexicon pattern id (run npm run reasons)'), text()) });

const CLASSES = ['none', ...PURPOSES] as const;

export const modelSchema: Schema<ModelFile> = object({
  version: number({ integer: true, min: 1 }),
  trainedOn: text(),
  classes: refine(array(oneOf(CLASSES, 'a model class')), (c) =>
    c.join() === CLASSES.join() ? undefined : `must list ${CLASSES.join(', ')} in that order`,
  ),
  bias: record(oneOf(CLASSES, 'a model class'), number(), { every: CLASSES }),
  weights: record(oneOf(CLASSES, 'a model class'), record(text(), number()), { every: CLASSES }),
  thresholds: refine(numbers(['yes', 'likely', 'unclear', 'unlikely']), (t) =>
    t.yes >= t.likely && t.likely >= t.unclear && t.unclear >= t.unlikely
      ? undefined
      : 'thresholds must not rise from yes to unlikely',
  ),
  builtFrom: optional(
    object({ featureVersion: number({ integer: true }), lexicons: text(), corpora: record(text(), text()) }),
  ),
});

/** Lexicon files that hold another language's cues rather than one signal's English patterns. */
export const LANGUAGE_LEXICON_FILES: Readonly<Record<string, LanguageLexicon['language']>> = { welsh: 'cy' };

// ————— All of them —————

const LEXICONS_DIR = 'src/data/lexicons/';
const DATA = 'src/data/';

/** What to check a data file with: its schema, given the domains. Undefined: a file with no schema. */
export function schemaFor(file: string, d: DataDomains): Schema<unknown> | undefined {
  if (file.startsWith(LEXICONS_DIR)) {
    const name = file.slice(LEXICONS_DIR.length).replace(/\.json$/, '');
    if (Object.hasOwn(LANGUAGE_LEXICON_FILES, name)) return languageLexiconSchema;
    return (SIGNALS as readonly string[]).includes(name) ? lexiconSchema(name as Signal) : undefined;
  }
  const schemas: Record<string, () => Schema<unknown>> = {
    'decision.json': () => decisionSchema(d),
    'rules/questions.json': () => questionsSchema(d),
    'rules/catalogue.json': () => catalogueSchema(d),
    'rules/checks.json': () => checksSchema(d),
    'walkthrough.json': () => walkthroughSchema(d),
    'citations.json': () => citationsSchema,
    'languages.json': () => languagesSchema,
    'lexicon-reasons.json': () => lexiconReasonsSchema(d),
    'model.json': () => modelSchema,
  };
  return schemas[file.slice(DATA.length)]?.();
}

const keysOf = (v: unknown, except: string[] = ['$comment']): string[] =>
  isObjectValue(v) ? Object.keys(v).filter((k) => !except.includes(k)) : [];
const listOf = (v: unknown, key: string): unknown[] =>
  isObjectValue(v) && Array.isArray(v[key]) ? (v[key] as unknown[]) : [];
const field = (v: unknown, key: string): unknown => (isObjectValue(v) ? v[key] : undefined);

/**
 * The domains, read from the files themselves (defensively: a broken file gives fewer ids, and its own schema
 * says what is wrong with it). `files` maps each repository path (`src/data/decision.json`,
 * `public/_locales/en/messages.json`) to its parsed JSON.
 */
export function domainsOf(files: Readonly<Record<string, unknown>>): DataDomains {
  const decision = files[`${DATA}decision.json`];
  const patternIds = new Set<string>();
  for (const [file, lexicon] of Object.entries(files)) {
    if (!file.startsWith(LEXICONS_DIR)) continue;
    // A signal's lexicon is named after its signal; another language's cues carry the signal on each pattern.
    const name = file.slice(LEXICONS_DIR.length).replace(/\.json$/, '');
    const own = Object.hasOwn(LANGUAGE_LEXICON_FILES, name) ? undefined : name;
    for (const p of listOf(lexicon, 'patterns')) {
      const signal = own ?? field(p, 'signal');
      if (typeof signal === 'string' && typeof field(p, 'id') === 'string')
        patternIds.add(`${signal}/${field(p, 'id')}`);
    }
  }
  return {
    catalogues: {
      en: new Set(keysOf(files['public/_locales/en/messages.json'])),
      cy: new Set(keysOf(files['public/_locales/cy/messages.json'])),
    },
    citationIds: new Set(keysOf(files[`${DATA}citations.json`])),
    definitions: new Set(keysOf(field(decision, 'definitions'))),
    hitSets: new Set(keysOf(field(decision, 'hitSets'))),
    levelReasons: listOf(decision, 'steps').flatMap((s) =>
      listOf(s, 'cases').flatMap((c) =>
        typeof field(c, 'reason') === 'string' ? [field(c, 'reason') as string] : [],
      ),
    ),
    questionFields: new Set(keysOf(files[`${DATA}rules/questions.json`])),
    ruleIds: new Set(
      listOf(files[`${DATA}rules/catalogue.json`], 'rules').flatMap((r) =>
        typeof field(r, 'id') === 'string' ? [field(r, 'id') as string] : [],
      ),
    ),
    patternIds,
  };
}

/**
 * Checks every data file: each against its schema, plus what no single file can say (a data file with no schema,
 * a signal with no lexicon). One line per problem, `file: $.path: what is wrong` ([] when all is well).
 */
export function checkData(files: Readonly<Record<string, unknown>>): string[] {
  const d = domainsOf(files);
  const problems: string[] = [];
  const dataFiles = Object.keys(files).filter((f) => f.startsWith(DATA) && f.endsWith('.json'));
  for (const file of dataFiles) {
    if (file === `${DATA}scenarios.json`) {
      // The gallery has its own validator, which the training page runs as it loads it: the build runs it too.
      try {
        parseScenarios(files[file], d.citationIds);
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
      continue;
    }
    const s = schemaFor(file, d);
    if (!s) {
      problems.push(`${file}: $: no schema checks this file; add one to src/core/data/schemas.ts`);
      continue;
    }
    problems.push(...formatIssues(file, validate(s, files[file])));
  }
  for (const signal of SIGNALS)
    if (!dataFiles.includes(`${LEXICONS_DIR}${signal}.json`))
      problems.push(`${LEXICONS_DIR}${signal}.json: $: is missing (every signal has a lexicon)`);
  return problems;
}

export type { Issue };
