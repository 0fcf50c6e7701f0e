/**
 * The data schemas: the shipped data passes, and each schema names the file, the JSON path and the bad value when
 * fed one (a typo in a fact's value, a route, a level, a message id missing from a catalogue, a citation id).
 */
import { describe, expect, test } from 'vitest';
import { checkDataFiles, readDataFiles } from '../../../scripts/lib/data-files.ts';
import { at, formatIssues, validate } from './schema.ts';
import { checkData, citationsSchema, domainsOf, lexiconSchema } from './schemas.ts';

const real = readDataFiles();
const steps = (real.files['src/data/decision.json'] as { steps: { id: string }[] }).steps;
const step = (id: string) => steps.findIndex((s) => s.id === id);

/** Test edits reach into loose JSON. */
// biome-ignore lint/suspicious/noExplicitAny: the tests edit parsed JSON of any shape
type Loose = any;

/** The shipped data with one change made by `edit` to a deep copy of `file`; the problems checkData reports. */
function problemsAfter(file: string, edit: (json: Loose) => void): string[] {
  const files = structuredClone(real.files);
  edit(files[file]);
  return checkData(files);
}

describe('the shipped data', () => {
  test('every file parses, passes its schema and has an up-to-date declaration (else: npm run data)', () => {
    expect(real.problems).toEqual([]);
    expect(checkDataFiles()).toEqual({ problems: [], stale: [] });
  });
});

describe('each schema reports the file, the path and the bad value', () => {
  test.each<[string, string, (json: Loose) => void, string]>([
    [
      'a fact compared with a value it never takes',
      'src/data/decision.json',
      (d) => {
        d.steps[step('opted-out')].when = { fact: 'consent', is: 'opted-otu' };
      },
      `$.steps[${step('opted-out')}].when.is: "opted-otu" is not a value of fact consent (one of: yes, no, opted-out, unknown)`,
    ],
    [
      'an unknown fact',
      'src/data/rules/catalogue.json',
      (d) => {
        d.rules[0].appliesWhen = { fact: 'consnet', is: 'yes' };
      },
      '$.rules[0].appliesWhen.fact: "consnet" is not a fact (src/core/rules/fact-domains.ts)',
    ],
    [
      'a count compared with a word',
      'src/data/decision.json',
      (d) => {
        d.definitions.dm = { fact: 'acts.asks', in: [1, 'many'] };
      },
      '$.definitions.dm.in[1]: "many" is not a number (fact acts.asks is a count)',
    ],
    [
      'an unknown definition',
      'src/data/walkthrough.json',
      (d) => {
        d.questions[0].answers[0].when = { ref: 'no-such-definition' };
      },
      '$.questions[0].answers[0].when.ref: "no-such-definition" is not a definition in src/data/decision.json',
    ],
    [
      'a route that does not exist',
      'src/data/decision.json',
      (d) => {
        d.steps.at(-1).route = 'consent-requried';
      },
      `$.steps[${steps.length - 1}].route: "consent-requried" is not a route (one of: not-direct-marketing, consent-required,`,
    ],
    [
      'a level that does not exist',
      'src/data/decision.json',
      (d) => {
        d.steps[0].cases[0].set = 'probably';
      },
      '$.steps[0].cases[0].set: "probably" is not a level (one of: yes, likely, unclear, unlikely, no)',
    ],
    [
      'a step kind that does not exist',
      'src/data/decision.json',
      (d) => {
        d.steps[2].kind = 'levle';
      },
      '$.steps[2].kind: "levle" is not a kind (one of: level, ask, route)',
    ],
    [
      'a misspelt field',
      'src/data/decision.json',
      (d) => {
        const ask = d.steps[step('ask-public-task')];
        ask.feild = ask.field;
        delete ask.field;
      },
      `$.steps[${step('ask-public-task')}].field: is missing`,
    ],
    [
      'a message id neither catalogue has',
      'src/data/rules/catalogue.json',
      (d) => {
        d.rules[1].title = 'rule_no_such_title';
      },
      '$.rules[1].title: "rule_no_such_title" is not a message id in either catalogue',
    ],
    [
      'a citation id that does not exist',
      'src/data/rules/checks.json',
      (d) => {
        d['opted-out'].citations = ['pecr-reg-99'];
      },
      '$["opted-out"].citations[0]: "pecr-reg-99" is not a citation id in src/data/citations.json',
    ],
    [
      'a severity that does not exist',
      'src/data/rules/checks.json',
      (d) => {
        d['sender-unidentified'].severity = 'fatal';
      },
      '$["sender-unidentified"].severity: "fatal" is not a severity (one of: info, warning, error)',
    ],
    [
      'an answer a context field cannot take',
      'src/data/rules/questions.json',
      (d) => {
        d.consent.options[0].value = 'maybe';
      },
      '$.consent.options[0].value: "maybe" is not an answer to consent (never "unknown")',
    ],
    [
      'a walkthrough question that does not exist',
      'src/data/walkthrough.json',
      (d) => {
        d.questions[1].id = 'is-it-spam';
      },
      '$.questions[1].id: "is-it-spam" is not a walkthrough question (src/core/walk-steps.ts)',
    ],
    [
      'a rule id the catalogue does not have',
      'src/data/walkthrough.json',
      (d) => {
        d.route.routes.solicited.rules = ['no-such-rule'];
      },
      '$.route.routes.solicited.rules[0]: "no-such-rule" is not a rule id in src/data/rules/catalogue.json',
    ],
    [
      'a lexicon under another signal',
      'src/data/lexicons/service.json',
      (d) => {
        d.signal = 'promotional';
      },
      '$.signal: "promotional" is not "service", the signal its file is named after',
    ],
    [
      'a pattern role that does not exist',
      'src/data/lexicons/fundraising.json',
      (d) => {
        d.patterns[0].role = 'shout';
      },
      '$.patterns[0].role: "shout" is not a pattern role (src/core/acts/acts.ts)',
    ],
    [
      'a duplicate pattern id',
      'src/data/lexicons/welsh.json',
      (d) => {
        d.patterns[1].id = d.patterns[0].id;
      },
      '$.patterns[1]: "cy-donate-word" is already used at $.patterns[0]',
    ],
    [
      'a hit set excepting a pattern that does not exist',
      'src/data/decision.json',
      (d) => {
        d.hitSets['public-service'].except = ['public-task/no-such-pattern'];
      },
      '$.hitSets["public-service"].except[0]: "public-task/no-such-pattern" is not a lexicon pattern id',
    ],
    [
      'a hit set limited to a pattern that does not exist',
      'src/data/decision.json',
      (d) => {
        d.hitSets['charity-work'].only = ['campaigning/our-wrok'];
      },
      '$.hitSets["charity-work"].only[0]: "campaigning/our-wrok" is not a lexicon pattern id',
    ],
    [
      'a level case raising the level for a purpose that does not exist',
      'src/data/decision.json',
      (d) => {
        d.steps[step('charity-shows-its-work')].cases[1].purpose = 'campaigns';
      },
      `$.steps[${step('charity-shows-its-work')}].cases[1].purpose: "campaigns" is not a purpose`,
    ],
    [
      'a language with no function words',
      'src/data/languages.json',
      (d) => {
        delete d.functionWords.pl;
      },
      '$.functionWords.pl: is missing',
    ],
    [
      'a model threshold out of order',
      'src/data/model.json',
      (d) => {
        d.thresholds.likely = 0.99;
      },
      '$.thresholds: thresholds must not rise from yes to unlikely',
    ],
    [
      'a reason for a pattern that does not exist',
      'src/data/lexicon-reasons.json',
      (d) => {
        d.reasons['promotional/gone'] = 'Gone.';
      },
      '$.reasons["promotional/gone"]: key "promotional/gone" is not a lexicon pattern id (run npm run reasons)',
    ],
    [
      'a scenario with an unknown route',
      'src/data/scenarios.json',
      (d) => {
        d[0].expected.route = 'maybe';
      },
      'scenario PS-01.expected.route: "maybe" is not one of',
    ],
  ])('%s', (_what, file, edit, message) => {
    const problems = problemsAfter(file, edit);
    expect(problems.find((p) => p.startsWith(`${file}: `)) ?? problems.join('\n')).toContain(
      `${file}: ${message}`,
    );
  });

  test('a message id the Welsh catalogue lacks (and that is not one of the English-only ones)', () => {
    const files = structuredClone(real.files);
    delete (files['public/_locales/cy/messages.json'] as Record<string, unknown>).question_sender;
    expect(checkData(files)).toEqual([
      'src/data/rules/questions.json: $.sender.text: "question_sender" is not a message id in the Welsh catalogue (public/_locales/{en,cy}/messages.json)',
    ]);
  });

  test('a citation that is not https', () => {
    const issues = validate(citationsSchema, { 'pecr-reg-22': { title: 'PECR', url: 'http://example.org' } });
    expect(formatIssues('src/data/citations.json', issues)).toEqual([
      'src/data/citations.json: $["pecr-reg-22"].url: "http://example.org" is not an https URL',
    ]);
  });

  test('a lexicon file for a signal that does not exist, and a signal with no lexicon file', () => {
    const files = structuredClone(real.files);
    files['src/data/lexicons/spam.json'] = files['src/data/lexicons/service.json'];
    delete files['src/data/lexicons/request.json'];
    const problems = checkData(files);
    expect(problems).toContain(
      'src/data/lexicons/spam.json: $: no schema checks this file; add one to src/core/data/schemas.ts',
    );
    expect(problems).toContain('src/data/lexicons/request.json: $: is missing (every signal has a lexicon)');
  });

  test('every problem is reported, not only the first', () => {
    const issues = validate(lexiconSchema('service'), { signal: 'service', description: '', patterns: [{}] });
    expect(formatIssues('f.json', issues)).toEqual([
      'f.json: $.description: is empty',
      'f.json: $.patterns[0].id: is missing',
      'f.json: $.patterns[0].match: is missing',
      'f.json: $.patterns[0].message: is missing',
      'f.json: $.patterns[0].examples: is missing',
    ]);
  });

  test('paths quote keys that are not identifiers', () => {
    expect(at('$', 'opt-out')).toBe('$["opt-out"]');
    expect(at('$.a', 3)).toBe('$.a[3]');
    expect(domainsOf({}).citationIds.size).toBe(0);
  });
});
