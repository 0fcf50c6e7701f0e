import { expect, test } from 'vitest';
import { type Condition, holds, mentions, RuleDataError } from './conditions.ts';

const facts = { level: 'yes', n: 2, m: 3, flag: true };
const defs: Record<string, Condition> = {
  dm: { fact: 'level', in: ['yes', 'likely'] },
  loop: { ref: 'loop' },
};

test.each<[string, Condition | undefined, boolean]>([
  ['absent condition holds', undefined, true],
  ['is', { fact: 'level', is: 'yes' }, true],
  ['is (false)', { fact: 'level', is: 'no' }, false],
  ['isNot', { fact: 'level', isNot: 'no' }, true],
  ['in', { fact: 'level', in: ['likely', 'yes'] }, true],
  ['gt', { fact: 'n', gt: 1 }, true],
  ['gt (false)', { fact: 'n', gt: 2 }, false],
  ['gte', { fact: 'n', gte: 2 }, true],
  ['lt', { fact: 'n', lt: 2 }, false],
  ['lte', { fact: 'n', lte: 2 }, true],
  ['numeric test on a string fact is false', { fact: 'level', gt: 0 }, false],
  ['compared with another fact', { fact: 'm', gt: { fact: 'n' } }, true],
  ['compared with another fact (false)', { fact: 'n', gte: { fact: 'm' } }, false],
  ['compared with a fact that is not a number is false', { fact: 'n', lt: { fact: 'level' } }, false],
  ['boolean', { fact: 'flag', is: true }, true],
  ['all', { all: [{ fact: 'n', gt: 1 }, { ref: 'dm' }] }, true],
  ['all (one false)', { all: [{ fact: 'n', gt: 5 }, { ref: 'dm' }] }, false],
  ['any', { any: [{ fact: 'n', gt: 5 }, { ref: 'dm' }] }, true],
  ['empty any is false', { any: [] }, false],
  ['empty all is true', { all: [] }, true],
  ['not', { not: { ref: 'dm' } }, false],
])('%s', (_name, c, expected) => {
  expect(holds(c, facts, defs)).toBe(expected);
});

test('unknown facts, unknown refs and cycles throw', () => {
  expect(() => holds({ fact: 'nope', is: 1 }, facts, defs)).toThrow(RuleDataError);
  expect(() => holds({ ref: 'nope' }, facts, defs)).toThrow(RuleDataError);
  expect(() => holds({ ref: 'loop' }, facts, defs)).toThrow(RuleDataError);
  expect(() => holds({ fact: 'n', gt: { fact: 'nope' } }, facts, defs)).toThrow(RuleDataError);
});

test('mentions lists facts and refs', () => {
  const m = mentions({
    all: [
      { fact: 'a', is: 1 },
      { not: { ref: 'b' } },
      {
        any: [
          { fact: 'c', gt: 0 },
          { fact: 'c', lte: { fact: 'd' } },
        ],
      },
    ],
  });
  expect([...m.facts].sort()).toEqual(['a', 'c', 'd']);
  expect([...m.refs]).toEqual(['b']);
});
