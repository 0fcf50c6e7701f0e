import { describe, expect, it } from 'vitest';
import { createChecker, DM_LEVELS, ROUTES } from '../core/index.ts';
import { processJsonlLine } from './jsonl.ts';

const checker = createChecker();
const run = (line: string) => processJsonlLine(line, checker, { sender: 'business' });

describe('processJsonlLine', () => {
  it('a good line gives the verdict plus its id', () => {
    const out = run('{"id": "a1", "subject": "Hi", "body": "Hello there", "channel": "sms"}') as Record<
      string,
      unknown
    >;
    expect(out.id).toBe('a1');
    expect(out.error).toBeUndefined();
    expect(DM_LEVELS).toContain(out.directMarketing);
    expect(ROUTES).toContain(out.route);
    expect(Array.isArray(out.evidence)).toBe(true);
  });
  it('per-line context overrides the flags', () => {
    const out = run('{"id": 2, "body": "x", "context": {"consent": "yes", "sender": "charity"}}');
    expect(out).not.toHaveProperty('error');
    expect(out.id).toBe(2);
  });
  const bad: [string, unknown, RegExp][] = [
    ['not json', null, /invalid JSON/],
    ['[1,2]', null, /must be a JSON object/],
    ['"text"', null, /must be a JSON object/],
    ['{"id": 7}', 7, /missing "body"/],
    ['{"id": 7, "body": 5}', 7, /"body" must be a string/],
    ['{"id": 7, "body": "x", "subject": []}', 7, /"subject" must be a string/],
    ['{"id": 7, "body": "x", "channel": "fax"}', 7, /"channel": "fax" is not one of email \| sms/],
    ['{"id": 7, "body": "x", "context": "yes"}', 7, /"context" must be an object/],
    ['{"id": 7, "body": "x", "context": {"consent": "maybe"}}', 7, /consent/],
    ['{"id": 7, "body": "x", "context": {"colour": "red"}}', 7, /colour/],
    // Names of Object.prototype members are unknown fields too, never a TypeError from the prototype chain.
    ['{"id": 7, "body": "x", "context": {"toString": "x"}}', 7, /context\.toString is not a known field/],
    ['{"id": 7, "body": "x", "context": {"constructor": "x"}}', 7, /context\.constructor is not a known field/],
  ];
  for (const [line, id, pattern] of bad) {
    it(`error: ${line}`, () => {
      const out = run(line);
      expect(Object.keys(out).sort()).toEqual(['error', 'id']);
      expect(out.id).toEqual(id);
      expect((out as { error: string }).error).toMatch(pattern);
    });
  }
  it('lone surrogates do not break it, and the output stays valid JSON', () => {
    const out = run('{"id": "s", "subject": "\\ud800", "body": "a \\udc00 b \\ud83d"}');
    expect(out).not.toHaveProperty('error');
    expect(JSON.parse(JSON.stringify(out)).id).toBe('s');
  });
});
