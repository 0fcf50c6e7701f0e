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
  it('a line may say its e-mail has a List-Unsubscribe header: the opt-out check counts it', () => {
    const line = (context: string) =>
      run(
        `{"id": 3, "subject": "Spring sale", "body": "Get 20% off all garden tools this weekend. Shop now.", "context": {${context}}}`,
      ) as unknown as {
        checks: { id: string }[];
      };
    expect(line('"sender": "business"').checks.map((c) => c.id)).toContain('opt-out-missing');
    expect(line('"optOutHeader": "one-click"').checks.map((c) => c.id)).not.toContain('opt-out-missing');
    const bad = run('{"id": 7, "body": "x", "context": {"optOutHeader": "yes"}}') as { error?: string };
    expect(bad.error).toMatch(/optOutHeader.*one-click \| link \| mailto/);
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
    [
      '{"id": 7, "body": "x", "context": {"constructor": "x"}}',
      7,
      /context\.constructor is not a known field/,
    ],
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

/** Runs the whole --jsonl loop on `input` (chunks as given) and returns the output lines, parsed, and the code. */
async function runJsonl(chunks: (string | Buffer)[]) {
  const { PassThrough } = await import('node:stream');
  const { run: runCli } = await import('./run.ts');
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d) => {
    out += d;
  });
  const done = runCli(['--jsonl'], { stdin, stdout, stderr, env: {} });
  for (const c of chunks) stdin.write(c);
  stdin.end();
  const code = await done;
  return {
    code,
    lines: out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('--jsonl batch robustness', () => {
  it('a line whose "id" is nested too deeply to echo back is an error line; the lines after it still run', async () => {
    const depth = 200_000;
    const deep = `{"id": ${'['.repeat(depth)}${']'.repeat(depth)}, "body": "x"}`;
    const { code, lines } = await runJsonl([
      '{"id": 1, "body": "Please donate today."}\n',
      `${deep}\n`,
      '{"id": 3, "body": "Your parcel ships tomorrow."}\n',
    ]);
    expect(code).toBe(1);
    expect(lines.map((l) => l.id)).toEqual([1, null, 3]);
    expect(lines[1]!.error).toMatch(/"id" is too large or too deeply nested/);
    expect(lines[2]).not.toHaveProperty('error');
  });

  it('a line longer than the limit is skipped with an error, in bounded memory; the next line still runs', async () => {
    const { MAX_JSONL_LINE_BYTES } = await import('./jsonl.ts');
    // The over-long line arrives in 1 MiB chunks, as stdin delivers it, and never ends a chunk.
    const chunk = 'x'.repeat(1024 * 1024);
    const parts: string[] = ['{"id": "a", "body": "Thanks for your order."}\n{"id": "huge", "body": "'];
    for (let sent = 0; sent <= MAX_JSONL_LINE_BYTES; sent += chunk.length) parts.push(chunk);
    parts.push('"}\n{"id": "b", "body": "Your order shipped."}');
    const { code, lines } = await runJsonl(parts);
    expect(code).toBe(1);
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'b']);
    expect(lines[1]!.error).toMatch(/line 2 is longer than 20 MiB; skipped/);
    expect(lines[2]).not.toHaveProperty('error');
  });
});

describe('jsonlLines', () => {
  const collect = async (chunks: (string | Buffer)[], max?: number) => {
    const { jsonlLines } = await import('./jsonl.ts');
    const out: unknown[] = [];
    for await (const l of jsonlLines(chunks, max)) out.push(l);
    return out;
  };
  it('splits on LF and CRLF across chunk boundaries, keeps multi-byte characters whole, numbers lines', async () => {
    const text = Buffer.from('{"a":"café"}\r\n\n{"b":"😀"}');
    const chunks = Array.from(text, (_, i) => text.subarray(i, i + 1));
    expect(await collect(chunks)).toEqual([
      { number: 1, text: '{"a":"café"}' },
      { number: 2, text: '' },
      { number: 3, text: '{"b":"😀"}' },
    ]);
  });
  it('reports an over-long line by its number and size and goes on', async () => {
    expect(await collect(['12345\nabcdefghij\nok\n', 'abcdefghijk'], 8)).toEqual([
      { number: 1, text: '12345' },
      { number: 2, tooLong: 10 },
      { number: 3, text: 'ok' },
      { number: 4, tooLong: 11 },
    ]);
  });
});
