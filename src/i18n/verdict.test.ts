/**
 * The core's words in Welsh: across the training scenarios in many contexts, every summary, rule, check,
 * question and answer the core produces has a Welsh translation (nothing falls back to English), and in English
 * the core's own text is passed through untouched.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { CONTEXT_VALUES, type ContextInput } from '../core/context.ts';
import { createChecker, type Verdict } from '../core/index.ts';
import { loadScenarios } from '../core/scenario.ts';
import { aspirate, format, joinList, resolveLocale, setLocale, supportedLocale } from './index.ts';
import {
  checkText,
  coverageNote,
  evidenceReason,
  type Localised,
  optionLabel,
  questionText,
  ruleRequirement,
  ruleTitle,
  summaryText,
} from './verdict.ts';

afterEach(() => setLocale('en'));

const checker = createChecker();
const scenarios = loadScenarios();

/** Contexts that reach every route and most checks: the scenario's own, then each field's values in turn. */
function contexts(base: ContextInput): ContextInput[] {
  const out: ContextInput[] = [base];
  for (const [field, values] of Object.entries(CONTEXT_VALUES)) {
    if (field === 'channel') continue;
    for (const value of values) out.push({ ...base, [field]: value });
  }
  out.push({ ...base, senderName: 'Hope Trust Cymru' });
  out.push({
    ...base,
    recipients: { to: Array.from({ length: 12 }, (_, i) => `person${i}@gmail.com`), cc: [], bcc: [] },
  });
  return out;
}

const verdicts: Verdict[] = [];
for (const s of scenarios) {
  for (const context of contexts({ ...s.context, channel: s.channel }))
    verdicts.push(checker.check({ subject: s.subject, body: s.body, channel: s.channel }, context));
}
// Drafts the scenarios lack: Welsh, mixed Welsh and English, another language, an overlong draft.
const extra: [string, ContextInput][] = [
  [
    'Rhoddwch heddiw i gefnogi ein hapêl. Cyfrannwch nawr: mae pob rhodd yn helpu. Diolch yn fawr iawn i chi.',
    {},
  ],
  [
    'Donate today to our winter appeal and help families stay warm this year. Every gift counts.\n\nRhoddwch heddiw i gefnogi ein hapêl gaeaf. Mae pob rhodd yn helpu teuluoedd i gadw’n gynnes eleni.',
    {},
  ],
  [
    'Nous vous remercions de votre commande. Votre colis sera livré demain entre 9h et 12h. Merci de votre confiance et à bientôt dans notre magasin.',
    {},
  ],
  [
    'Donate today to our winter appeal and help families stay warm this year. Every gift counts and we thank you all so much for your support over the years.\n\nNous vous remercions de votre commande. Votre colis sera livré demain entre 9h et 12h. Merci de votre confiance et à bientôt dans notre magasin. Wir danken Ihnen für Ihre Bestellung und freuen uns auf Ihren nächsten Besuch bei uns im Geschäft.',
    {},
  ],
  [`Buy now and save 20% on all our garden furniture. ${'Great offers all week long. '.repeat(20000)}`, {}],
];
for (const [body, context] of extra) verdicts.push(checker.check({ body, channel: 'email' }, context));

function collect(v: Verdict): { what: string; get(): Localised }[] {
  return [
    { what: `summary: ${v.summary}`, get: () => summaryText(v.summary) },
    ...v.rules.flatMap((r) => [
      { what: `rule ${r.id} title`, get: () => ruleTitle(r) },
      { what: `rule ${r.id} requirement`, get: () => ruleRequirement(r) },
    ]),
    ...v.checks.map((c) => ({ what: `check ${c.id}: ${c.message}`, get: () => checkText(c) })),
    ...v.questions.flatMap((q) => [
      { what: `question ${q.field}`, get: () => questionText(q) },
      ...q.options.map((o) => ({ what: `answer ${q.field}=${o.value}`, get: () => optionLabel(q, o) })),
    ]),
    ...(v.language?.note
      ? [{ what: `note: ${v.language.note}`, get: () => coverageNote(v.language!.note) }]
      : []),
  ];
}

describe('Welsh covers everything the core says (except evidence reasons)', () => {
  test('the sample reaches every route, many rules and checks', () => {
    expect(new Set(verdicts.map((v) => v.route)).size).toBe(8);
    expect(new Set(verdicts.flatMap((v) => v.rules.map((r) => r.id))).size).toBeGreaterThan(20);
    const checks = new Set(verdicts.flatMap((v) => v.checks.map((c) => c.id)));
    for (const id of [
      'opt-out-missing',
      'sender-unidentified',
      'recipients-exposed',
      'opted-out',
      'draft-truncated',
    ])
      expect(checks.has(id), id).toBe(true);
  });

  test('no English left', async () => {
    await setLocale('cy');
    const english = new Set<string>();
    for (const v of verdicts) {
      for (const item of collect(v)) {
        const out = item.get();
        if (out.lang !== 'cy') english.add(item.what);
        else expect(out.text, item.what).not.toMatch(/\$[A-Z_]+\$|\{\w+\}/);
      }
    }
    expect([...english]).toEqual([]);
  });

  test('values inside sentences carry over: counts, names, purposes, languages', async () => {
    await setLocale('cy');
    expect(
      checkText({
        id: 'recipients-exposed',
        message:
          '12 email addresses are visible to every recipient in To and Cc. That discloses personal data and may breach the UK GDPR security principle (Article 5(1)(f)); use Bcc or a mail merge instead.',
      }).text,
    ).toMatch(/^Mae 12 o gyfeiriadau e-bost/);
    const named = checker.check(
      { subject: 'Spring sale', body: 'Our spring sale starts now: 20% off everything. Shop today!' },
      { senderName: 'Siop Fach' },
    );
    const sender = named.checks.find((c) => c.id === 'sender-unidentified');
    expect(sender && checkText(sender).text).toContain('"Siop Fach"');
    const fundraising = verdicts.find(
      (v) => v.primaryPurpose === 'fundraising' && /^This asks/.test(v.summary),
    );
    expect(fundraising && summaryText(fundraising.summary).text).toContain('gofyn am roddion neu gefnogaeth');
  });

  test('evidence reasons stay English and say so', async () => {
    await setLocale('cy');
    expect(evidenceReason({ message: 'Asks for a donation.' })).toEqual({
      text: 'Asks for a donation.',
      lang: 'en',
    });
  });

  test('text no template matches stays English, marked as English', async () => {
    await setLocale('cy');
    expect(summaryText('A sentence the data does not have.')).toEqual({
      text: 'A sentence the data does not have.',
      lang: 'en',
    });
    expect(ruleTitle({ id: 'no-such-rule', title: 'New rule' })).toEqual({ text: 'New rule', lang: 'en' });
  });

  test('in English the core’s text is returned unchanged', async () => {
    await setLocale('en');
    for (const v of verdicts.slice(0, 200)) for (const item of collect(v)) expect(item.get().lang).toBe('en');
    const v = verdicts[0]!;
    expect(summaryText(v.summary).text).toBe(v.summary);
  });
});

describe('the i18n helpers', () => {
  test('format: named placeholders, any case, $$, missing substitutions', () => {
    const entry = {
      message: 'Hi $Name$, $count$ new; costs $$5 $missing$.',
      placeholders: { name: { content: '$1' }, COUNT: { content: '$2' } },
    };
    expect(format(entry, ['Ann', 3])).toBe('Hi Ann, 3 new; costs $5 .');
    expect(format(entry, [])).toBe('Hi ,  new; costs $5 .');
  });

  test('locale choice: an explicit setting wins, then preferred languages in order, then the UI language', () => {
    expect(resolveLocale('cy', ['en-GB'], 'en')).toBe('cy');
    expect(resolveLocale('en', ['cy'], 'cy')).toBe('en');
    expect(resolveLocale('auto', ['cy-GB', 'en-GB'], 'en-GB')).toBe('cy');
    expect(resolveLocale('auto', ['fr', 'en-US', 'cy'], 'fr')).toBe('en');
    expect(resolveLocale('auto', ['fr'], 'cy')).toBe('cy');
    expect(resolveLocale('auto', [], undefined)).toBe('en');
    expect(resolveLocale(undefined, ['de'], 'de')).toBe('en');
    expect(supportedLocale('CY_gb')).toBe('cy');
    expect(supportedLocale('cym')).toBeUndefined();
  });

  test('Welsh lists: "a" with the aspirate mutation, "ac" before a vowel', async () => {
    await setLocale('cy');
    expect(joinList(['Ffrangeg', 'Pwyleg'])).toBe('Ffrangeg a Phwyleg');
    expect(joinList(['Ffrangeg', 'Almaeneg', 'Portiwgaleg'])).toBe('Ffrangeg, Almaeneg a Phortiwgaleg');
    expect(joinList(['Almaeneg', 'Eidaleg'])).toBe('Almaeneg ac Eidaleg');
    expect(joinList(['Sbaeneg', 'iaith arall'])).toBe('Sbaeneg ac iaith arall');
    expect(aspirate('Teulu')).toBe('Theulu');
    expect(aspirate('Chwarae')).toBe('Chwarae');
    await setLocale('en');
    expect(joinList(['French', 'German', 'Dutch'])).toBe('French, German and Dutch');
    expect(joinList(['Polish'])).toBe('Polish');
  });
});
