/**
 * The core's words in Welsh: across the training scenarios in many contexts, every summary, rule, check, act,
 * question and answer the core produces renders in Welsh (nothing falls back to English but the lexicon reasons),
 * and in English it renders the catalogue's English.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { CONTEXT_VALUES, type ContextInput } from '../core/context.ts';
import { createChecker, type Verdict } from '../core/index.ts';
import { loadScenarios } from '../core/scenario.ts';
import { aspirate, format, joinList, resolveLocale, setLocale, supportedLocale } from './index.ts';
import { type Localised, render, renderMessage, renderQuestion } from './render.ts';

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
  const findings = [v.decision, ...v.rules, ...v.checks, ...v.acts];
  return [
    ...findings.map((f) => ({
      what: `${f.source} ${f.ruleId}: ${f.messageId}`,
      get: () => render(f).message,
    })),
    ...v.rules.map((r) => ({ what: `rule ${r.ruleId} requirement`, get: () => render(r).note! })),
    ...v.questions.flatMap((q) => [
      { what: `question ${q.field}`, get: () => renderQuestion(q).text },
      ...q.options.map((o, i) => ({
        what: `answer ${q.field}=${o.value}`,
        get: () => renderQuestion(q).options[i]!.label,
      })),
    ]),
    ...(v.language?.note
      ? [{ what: `note ${v.language.note.messageId}`, get: () => renderMessage(v.language!.note!) }]
      : []),
  ];
}

describe('Welsh covers everything the core says (except evidence reasons)', () => {
  test('the sample reaches every route, many rules and checks', () => {
    expect(new Set(verdicts.map((v) => v.route)).size).toBe(8);
    expect(new Set(verdicts.flatMap((v) => v.rules.map((r) => r.ruleId))).size).toBeGreaterThan(20);
    expect(new Set(verdicts.flatMap((v) => v.acts.map((a) => a.messageId))).size).toBeGreaterThan(8);
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
    expect(renderMessage({ messageId: 'check_recipients_exposed', params: { count: 12 } }).text).toMatch(
      /^Mae 12 o gyfeiriadau e-bost/,
    );
    const named = checker.check(
      { subject: 'Spring sale', body: 'Our spring sale starts now: 20% off everything. Shop today!' },
      { senderName: 'Siop Fach' },
    );
    const sender = named.checks.find((c) => c.id === 'sender-unidentified');
    expect(sender && render(sender).message.text).toContain('"Siop Fach"');
    const fundraising = verdicts.find(
      (v) => v.primaryPurpose === 'fundraising' && /^This asks/.test(render(v.decision, 'en').message.text),
    );
    expect(fundraising && render(fundraising.decision).message.text).toContain(
      'gofyn am roddion neu gefnogaeth',
    );
    const french = verdicts.find((v) => v.language?.primary === 'fr' && v.language.note);
    expect(french && renderMessage(french.language!.note!).text).toContain('Ffrangeg');
  });

  test('evidence reasons stay English and say so', async () => {
    await setLocale('cy');
    const evidence = verdicts.flatMap((v) => v.evidence).slice(0, 50);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence)
      expect(render(e).message).toEqual({ text: render(e, 'en').message.text, lang: 'en' });
  });

  test('in English everything renders from the English catalogue, with no placeholder left', async () => {
    await setLocale('en');
    for (const v of verdicts.slice(0, 200))
      for (const item of collect(v)) {
        expect(item.get().lang, item.what).toBe('en');
        expect(item.get().text, item.what).not.toMatch(/\$[A-Z_]+\$/);
      }
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
