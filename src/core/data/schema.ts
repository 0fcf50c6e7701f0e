/**
 * A small schema language for the data in src/data: each schema checks a JSON value against its type and its
 * domain (a fact's values, a route, a message id both catalogues have) and reports every problem with its JSON
 * path and the bad value. `npm run data` (scripts/data.ts) runs the schemas of src/core/data/schemas.ts over every
 * data file at build time, so a bad value stops the build before it can reach a user.
 *
 * Pure, and no dependency: the domains are the core's own constants, passed in, and a schema's static type is the
 * type the core reads the data as (a schema looser than its type fails to compile).
 */

/** One problem: where (a JSON path, `$.steps[3].when.is`), the value found there, and what is wrong with it. */
export interface Issue {
  path: string;
  value: unknown;
  message: string;
}

/** Checks a value at a path, adding its problems to `issues`. */
export type Check = (value: unknown, path: string, issues: Issue[]) => void;

/** A schema for values of type T. `T` is phantom: it only ties the schema to the type the data is read as. */
export interface Schema<T> {
  readonly check: Check;
  readonly optional?: boolean;
  /** Never set: carries the type. */
  readonly __type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export const schema = <T>(check: Check): Schema<T> => ({ check });

/** The value as it appears in a message: JSON, cut short. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** `$.a.b`, `$.a["b-c"]`, `$.a[3]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

const fail = (issues: Issue[], path: string, value: unknown, message: string) =>
  issues.push({ path, value, message });

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lists a domain for a message: all of a short one, the first few of a long one. */
function listed(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return values.length > 12 ? `${shown.join(', ')}, … (${values.length} in all)` : shown.join(', ');
}

export function string(opts: { nonEmpty?: boolean; pattern?: RegExp; what?: string } = {}): Schema<string> {
  return schema((v, path, issues) => {
    if (typeof v !== 'string') return fail(issues, path, v, `${show(v)} is not a string`);
    if (opts.nonEmpty && v.trim() === '') return fail(issues, path, v, 'is empty');
    if (opts.pattern && !opts.pattern.test(v))
      fail(issues, path, v, `${show(v)} is not ${opts.what ?? `a string matching ${opts.pattern}`}`);
  });
}

export function number(opts: { integer?: boolean; min?: number; max?: number } = {}): Schema<number> {
  return schema((v, path, issues) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      return fail(issues, path, v, `${show(v)} is not a number`);
    if (opts.integer && !Number.isInteger(v)) fail(issues, path, v, `${show(v)} is not a whole number`);
    if (opts.min !== undefined && v < opts.min) fail(issues, path, v, `${show(v)} is below ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) fail(issues, path, v, `${show(v)} is above ${opts.max}`);
  });
}

export const boolean = (): Schema<boolean> =>
  schema((v, path, issues) => {
    if (typeof v !== 'boolean') fail(issues, path, v, `${show(v)} is not true or false`);
  });

/** One of a closed set of values, named `what` in the message ("a route", "a message id in both catalogues"). */
export function oneOf<const T extends string | number | boolean>(
  values: readonly T[] | ReadonlySet<T>,
  what = 'allowed here',
): Schema<T> {
  const set: ReadonlySet<unknown> = values instanceof Set ? values : new Set(values);
  return schema((v, path, issues) => {
    if (!set.has(v)) fail(issues, path, v, `${show(v)} is not ${what} (one of: ${listed([...set])})`);
  });
}

/** A value its own test accepts; `problem` says what is wrong, or undefined when nothing is. */
export function refine<T>(base: Schema<T>, problem: (value: T) => string | undefined): Schema<T> {
  return schema((v, path, issues) => {
    const before = issues.length;
    base.check(v, path, issues);
    if (issues.length > before) return;
    const message = problem(v as T);
    if (message) fail(issues, path, v, message);
  });
}

export function array<T>(
  item: Schema<T>,
  opts: { min?: number; unique?: (item: T) => unknown } = {},
): Schema<T[]> {
  return schema((v, path, issues) => {
    if (!Array.isArray(v)) return fail(issues, path, v, `${show(v)} is not a list`);
    if (opts.min !== undefined && v.length < opts.min)
      fail(issues, path, v, `has ${v.length} item${v.length === 1 ? '' : 's'}, needs at least ${opts.min}`);
    const seen = new Map<unknown, number>();
    v.forEach((x, i) => {
      const before = issues.length;
      item.check(x, at(path, i), issues);
      if (!opts.unique || issues.length > before) return;
      const key = opts.unique(x as T);
      const first = seen.get(key);
      if (first !== undefined)
        fail(issues, at(path, i), key, `${show(key)} is already used at ${at(path, first)}`);
      else seen.set(key, i);
    });
  });
}

/** A field that may be absent. */
export const optional = <T>(s: Schema<T>): Schema<T> & { optional: true } => ({ ...s, optional: true });

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/**
 * An object with exactly these fields (optional ones may be absent). Any other field is a problem, so a misspelt
 * key is caught, except `$comment`, the data's own notes.
 */
export function object<const S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return schema((v, path, issues) => {
    if (!isRecord(v)) return fail(issues, path, v, `${show(v)} is not an object`);
    for (const [key, field] of Object.entries(shape)) {
      if (Object.hasOwn(v, key)) field.check(v[key], at(path, key), issues);
      else if (!field.optional) fail(issues, at(path, key), undefined, 'is missing');
    }
    for (const key of Object.keys(v)) {
      if (key === '$comment') string().check(v[key], at(path, key), issues);
      else if (!Object.hasOwn(shape, key))
        fail(
          issues,
          at(path, key),
          v[key],
          `"${key}" is not a field here (fields: ${listed(Object.keys(shape))})`,
        );
    }
  });
}

/**
 * An object used as a map. Keys are checked by `key`; the value schema may depend on the key. With `every`, each
 * of those keys must be there (a table per route, per class, per language).
 */
export function record<K extends string, V>(
  key: Schema<K>,
  value: Schema<V> | ((key: K) => Schema<V>),
  opts: { every?: readonly K[] } = {},
): Schema<Record<K, V>> {
  return schema((v, path, issues) => {
    if (!isRecord(v)) return fail(issues, path, v, `${show(v)} is not an object`);
    for (const [k, x] of Object.entries(v)) {
      if (k === '$comment') {
        string().check(x, at(path, k), issues);
        continue;
      }
      const before = issues.length;
      key.check(k, at(path, k), issues);
      if (issues.length > before) {
        const issue = issues[issues.length - 1]!;
        issue.message = `key ${issue.message}`;
        continue;
      }
      (typeof value === 'function' ? value(k as K) : value).check(x, at(path, k), issues);
    }
    for (const k of opts.every ?? [])
      if (!Object.hasOwn(v, k)) fail(issues, at(path, k), undefined, 'is missing');
  });
}

/** Alternatives told apart by the value's shape: the first whose `test` accepts the value checks it. */
export function either<const C extends readonly [test: (v: unknown) => boolean, Schema<unknown>][]>(
  what: string,
  ...cases: C
): Schema<Infer<C[number][1]>> {
  return schema((v, path, issues) => {
    const hit = cases.find(([test]) => test(v));
    if (hit) hit[1].check(v, path, issues);
    else fail(issues, path, v, `${show(v)} is not ${what}`);
  });
}

/** Alternatives told apart by a field (`kind`): its value picks the schema. */
export function tagged<K extends string, const S extends Record<string, Schema<unknown>>>(
  tag: K,
  cases: S,
): Schema<Infer<S[keyof S]>> {
  return schema((v, path, issues) => {
    if (!isRecord(v)) return fail(issues, path, v, `${show(v)} is not an object`);
    const chosen = typeof v[tag] === 'string' && Object.hasOwn(cases, v[tag]) ? cases[v[tag]] : undefined;
    if (!chosen)
      return fail(
        issues,
        at(path, tag),
        v[tag],
        `${show(v[tag])} is not a ${tag} (one of: ${listed(Object.keys(cases))})`,
      );
    chosen.check(v, path, issues);
  });
}

/** A schema defined later (for recursive data: conditions, walkthrough sentences). */
export function lazy<T>(get: () => Schema<T>): Schema<T> {
  return schema((v, path, issues) => get().check(v, path, issues));
}

export const isObjectValue = isRecord;

/** Checks a value, adding its problems; true (and the value typed) when it has none. */
export function passes<T>(s: Schema<T>, value: unknown, path: string, issues: Issue[]): value is T {
  const before = issues.length;
  s.check(value, path, issues);
  return issues.length === before;
}

/** Runs a schema over a value: its problems, in document order ([] when the value is valid). */
export function validate<T>(s: Schema<T>, value: unknown, path = '$'): Issue[] {
  const issues: Issue[] = [];
  s.check(value, path, issues);
  return issues;
}

/** One line per problem: `src/data/decision.json: $.steps[3].when.is: "opted-otu" is not a value of fact consent …`. */
export function formatIssues(file: string, issues: readonly Issue[]): string[] {
  return issues.map((i) => `${file}: ${i.path}: ${i.message}`);
}
