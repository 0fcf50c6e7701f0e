import { describe, expect, it } from 'vitest';
import { CONTEXT_VALUES } from '../core/index.ts';
import { ENUM_FLAGS, helpText, parseArgs, UsageError } from './args.ts';

function usage(argv: string[]): UsageError {
  try {
    parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseArgs: good input', () => {
  const cases: [string[], Record<string, unknown>][] = [
    [['a.txt'], { files: ['a.txt'], json: false, jsonl: false, context: {} }],
    [['-'], { files: ['-'] }],
    [['--json', 'a.txt', 'b.eml'], { files: ['a.txt', 'b.eml'], json: true }],
    [['--jsonl'], { jsonl: true, files: [] }],
    [['--sender', 'charity', 'x'], { context: { sender: 'charity' } }],
    [['--sender=charity', 'x'], { context: { sender: 'charity' } }],
    // As in a JSON Lines context: the sender can be left unknown on purpose.
    [['--sender', 'unknown', 'x'], { context: { sender: 'unknown' } }],
    [['--channel', 'sms', 'x'], { context: { channel: 'sms' } }],
    [['--recipient-type=corporate', 'x'], { context: { recipientType: 'corporate' } }],
    [['--relationship', 'supporter', 'x'], { context: { relationship: 'supporter' } }],
    [['--consent', 'opted-out', 'x'], { context: { consent: 'opted-out' } }],
    [['--soft-opt-in', 'not-met', 'x'], { context: { softOptInConditions: 'not-met' } }],
    [['--solicited=yes', 'x'], { context: { solicited: 'yes' } }],
    [['--public-task', 'yes', 'x'], { context: { publicTaskNecessary: 'yes' } }],
    [['--sender-name', 'Acme Ltd', 'x'], { context: { senderName: 'Acme Ltd' } }],
    [['--sender-name=A=B', 'x'], { context: { senderName: 'A=B' } }],
    [['--consent', 'no', '--consent', 'yes', 'x'], { context: { consent: 'yes' } }],
    [['--', '--json', '-'], { files: ['--json', '-'], json: false }],
    [['x', '--json', 'y'], { files: ['x', 'y'], json: true }],
    [['--jsonl', '--jobs', '3'], { jsonl: true, jobs: 3 }],
    [['--jobs=1', '--jsonl'], { jsonl: true, jobs: 1 }],
  ];
  for (const [argv, expected] of cases) {
    it(argv.join(' '), () => {
      const parsed = parseArgs(argv);
      expect(parsed.mode).toBe('run');
      expect(parsed).toMatchObject(expected);
    });
  }

  it('help wins over everything before --', () => {
    expect(parseArgs(['--bogus', '-h'])).toEqual({ mode: 'help' });
    expect(parseArgs(['--help'])).toEqual({ mode: 'help' });
    expect(parseArgs(['--', '--help'])).toMatchObject({ mode: 'run', files: ['--help'] });
  });

  it('version', () => {
    expect(parseArgs(['--version'])).toEqual({ mode: 'version' });
  });

  it('every enum flag accepts the core values (and the sender, unknown)', () => {
    for (const [flag, field] of Object.entries(ENUM_FLAGS)) {
      for (const value of CONTEXT_VALUES[field]) {
        expect(parseArgs([flag, value, 'f'])).toMatchObject({ context: { [field]: value } });
      }
    }
  });
});

describe('parseArgs: usage errors', () => {
  const cases: [string[], RegExp][] = [
    [[], /no input/],
    [['--json'], /no input/],
    [['--bogus', 'x'], /unknown option "--bogus"/],
    [['-x', 'f'], /unknown option "-x"/],
    [['--sender', 'company', 'f'], /--sender: "company" is not one of business \| charity/],
    [['--channel=fax', 'f'], /--channel: "fax" is not one of email \| sms/],
    [['--consent', 'maybe', 'f'], /--consent: "maybe" is not one of yes \| no \| opted-out \| unknown/],
    [['--soft-opt-in', 'yes', 'f'], /--soft-opt-in: "yes" is not one of met \| not-met \| unknown/],
    [['--recipient-type', 'person', 'f'], /individual \| corporate \| unknown/],
    [['--relationship', 'friend', 'f'], /customer \| supporter \| none \| unknown/],
    [['--solicited', 'perhaps', 'f'], /yes \| no \| unknown/],
    [['f', '--consent'], /--consent needs a value \(one of yes/],
    [['--consent', '--json', 'f'], /--consent needs a value/],
    [['--sender-name'], /--sender-name needs a value/],
    [['--json=yes', 'f'], /--json takes no value/],
    [['--jsonl', 'f.jsonl'], /takes no FILE/],
    [['--sender-name', 'x'.repeat(201), 'f'], /longer than 200/],
    [['--jsonl', '--jobs', 'all'], /--jobs: "all" is not a number from 1 to 256/],
    [['--jsonl', '--jobs', '0'], /--jobs: "0" is not a number from 1 to 256/],
    [['--jsonl', '--jobs=-1'], /--jobs: "-1" is not a number/],
    [['--jsonl', '--jobs', '1000'], /--jobs: "1000" is not a number from 1 to 256/],
    [['--jsonl', '--jobs'], /--jobs needs a value/],
    [['--jobs', '2', 'f.txt'], /--jobs works with --jsonl only/],
  ];
  for (const [argv, pattern] of cases) {
    it(argv.join(' ').slice(0, 60) || '(nothing)', () => {
      const error = usage(argv);
      expect(error.message).toMatch(pattern);
      expect(error.message).not.toContain('\n');
    });
  }

  it('only the no-input error asks for the usage line', () => {
    expect(usage([]).showUsage).toBe(true);
    expect(usage(['--bogus', 'f']).showUsage).toBe(false);
  });

  it('echoed values are short and printable', () => {
    const error = usage([`--sender=${'\u001b[31m'.repeat(50)}`, 'f']);
    expect(error.message).not.toContain('\u001b');
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('helpText', () => {
  it('lists every flag, the allowed values and the JSON array rule', () => {
    const text = helpText('1.2.3');
    for (const flag of [
      ...Object.keys(ENUM_FLAGS),
      '--sender-name',
      '--jobs',
      '--json',
      '--jsonl',
      '--help',
      '--version',
    ]) {
      expect(text).toContain(flag);
    }
    expect(text).toContain('public-authority');
    expect(text).toContain('JSON array');
    // The five levels and the routes a verdict can give.
    expect(text).toContain('yes | likely | unclear | unlikely | no');
    expect(text).toContain('charity-soft-opt-in');
    expect(text).toContain('1.2.3');
  });
});
