/**
 * The condition language of the rule data: small, closed and pure. A condition tests named facts
 * (see facts.ts) or refers to a named definition in decision.json.
 */

export type FactValue = string | number | boolean;
export type Facts = Record<string, FactValue>;

/** A number, or another fact's (numeric) value: `{ "fact": "hits.service" }`. */
export type Bound = number | { fact: string };

export interface FactTest {
  fact: string;
  is?: FactValue;
  isNot?: FactValue;
  in?: FactValue[];
  gt?: Bound;
  gte?: Bound;
  lt?: Bound;
  lte?: Bound;
}

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { ref: string }
  | FactTest;

export type Definitions = Record<string, Condition>;

export class RuleDataError extends Error {
  override name = 'RuleDataError';
}

function factValue(name: string, facts: Facts): FactValue {
  if (!Object.hasOwn(facts, name)) throw new RuleDataError(`unknown fact "${name}"`);
  return facts[name] as FactValue;
}

/** A bound's number; NaN (so every comparison is false) when a fact it names is not a number. */
function bound(b: Bound, facts: Facts): number {
  if (typeof b === 'number') return b;
  const v = factValue(b.fact, facts);
  return typeof v === 'number' ? v : Number.NaN;
}

function testFact(t: FactTest, facts: Facts): boolean {
  const v = factValue(t.fact, facts);
  if (t.is !== undefined && v !== t.is) return false;
  if (t.isNot !== undefined && v === t.isNot) return false;
  if (t.in !== undefined && !t.in.includes(v)) return false;
  const n = typeof v === 'number' ? v : Number.NaN;
  if (t.gt !== undefined && !(n > bound(t.gt, facts))) return false;
  if (t.gte !== undefined && !(n >= bound(t.gte, facts))) return false;
  if (t.lt !== undefined && !(n < bound(t.lt, facts))) return false;
  if (t.lte !== undefined && !(n <= bound(t.lte, facts))) return false;
  return true;
}

/** True when the condition holds; an absent condition always holds. Unknown facts or refs throw (data bug). */
export function holds(condition: Condition | undefined, facts: Facts, defs: Definitions, depth = 0): boolean {
  if (condition === undefined) return true;
  if (depth > 32) throw new RuleDataError('condition nesting too deep (circular ref?)');
  if ('all' in condition) return condition.all.every((c) => holds(c, facts, defs, depth + 1));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts, defs, depth + 1));
  if ('not' in condition) return !holds(condition.not, facts, defs, depth + 1);
  if ('ref' in condition) {
    const def = defs[condition.ref];
    if (def === undefined) throw new RuleDataError(`unknown definition "${condition.ref}"`);
    return holds(def, facts, defs, depth + 1);
  }
  return testFact(condition, facts);
}

/** Every fact name and ref a condition mentions (for the data meta-tests). */
export function mentions(
  condition: Condition | undefined,
  out = { facts: new Set<string>(), refs: new Set<string>() },
) {
  if (condition === undefined) return out;
  if ('all' in condition) for (const c of condition.all) mentions(c, out);
  else if ('any' in condition) for (const c of condition.any) mentions(c, out);
  else if ('not' in condition) mentions(condition.not, out);
  else if ('ref' in condition) out.refs.add(condition.ref);
  else {
    out.facts.add(condition.fact);
    for (const b of [condition.gt, condition.gte, condition.lt, condition.lte])
      if (typeof b === 'object') out.facts.add(b.fact);
  }
  return out;
}
