/**
 * The Welsh cue lexicon (src/data/lexicons/welsh.json): its patterns explain themselves (their hit and miss
 * examples are run with every other lexicon's in classify/lexicon.test.ts); the purpose cues fire on realistic Welsh appeals and offers and stay silent on Welsh service
 * text. Every sentence here was written for these tests.
 */
import { describe, expect, test } from 'vitest';
import { isPurpose, SIGNALS } from '../classify/classification.ts';
import { compileLexicons, LANGUAGE_LEXICONS } from '../classify/lexicon.ts';
import { analyseSentence } from '../classify/sentence.ts';
import { matchAll, parse, wordSet } from '../nlp/nlp.ts';
import { mayMatch } from '../nlp/prefilter.ts';

const compiled = compileLexicons();
const firing = (text: string) =>
  new Set(analyseSentence(text, compiled).hits.map((h) => compiled.patterns[h.pattern]!.globalId));
/** Purpose cues (fundraising, promotional, campaigning) of the Welsh lexicon that fire on a text. */
const welshPurposeCues = (text: string) =>
  [...firing(text)].filter((id) => {
    const p = compiled.patterns.find((x) => x.globalId === id)!;
    return p.language === 'cy' && isPurpose(p.signal);
  });

const welsh = LANGUAGE_LEXICONS.find((l) => l.language === 'cy')!;
const rows = welsh.patterns.map((p) => ({ id: `${p.signal}/${p.id}`, pattern: p }));

describe('Welsh lexicon', () => {
  test('ids are unique, start with cy- and name a known signal; every pattern explains itself', () => {
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { pattern } of rows) {
      expect(pattern.id).toMatch(/^cy(-[a-z0-9]+)+$/);
      expect(SIGNALS).toContain(pattern.signal);
      expect(pattern.message.length).toBeGreaterThan(10);
      expect(pattern.message).toMatch(/Welsh/);
      expect(pattern.examples.hit.length).toBeGreaterThan(0);
    }
  });

  test('compiled after the English patterns, marked as Welsh', () => {
    const first = compiled.patterns.findIndex((p) => p.language === 'cy');
    expect(first).toBeGreaterThan(0);
    expect(compiled.patterns.slice(first).every((p) => p.language === 'cy')).toBe(true);
    expect(compiled.patterns.filter((p) => p.language === 'cy')).toHaveLength(rows.length);
  });

  // The pre-filter may only save work: with and without it, every Welsh pattern finds the same matches.
  const examples = rows.flatMap((r) => [...r.pattern.examples.hit, ...(r.pattern.examples.miss ?? [])]);
  test.each(examples)('the pre-filter keeps every Welsh match: %j', (text) => {
    const parsed = parse(text);
    const words = wordSet(parsed);
    for (const m of compiled.matches) {
      if (compiled.patterns[m.pattern]!.language !== 'cy') continue;
      if (matchAll(parsed, m.match).length > 0) {
        expect(mayMatch(m.needs, words), compiled.patterns[m.pattern]!.globalId).toBe(true);
      }
    }
  });
});

/** Welsh appeals, offers and campaigns: each must fire at least one Welsh purpose cue. */
const APPEALS_AND_OFFERS = [
  'Rhowch rodd heddiw i helpu teuluoedd sydd heb gartref y gaeaf hwn.',
  'Gallai £10 dalu am bryd poeth i blentyn.',
  "Cyfrannwch nawr at ein hapêl y Nadolig drwy'r ddolen isod.",
  "Diolch am ystyried cyfrannu i'r elusen eleni.",
  'Ychwanegwch Rodd Cymorth a bydd eich rhodd yn werth 25% yn fwy.',
  'Mae ein hapêl brys yn codi arian ar gyfer dŵr glân.',
  'Noddwch fi yn Hanner Marathon Caerdydd!',
  'Cefnogwch ein gwaith heddiw gyda rhodd fisol.',
  'Cynnig arbennig: 20% i ffwrdd â phob archeb tan ddydd Sul.',
  'Mae sêl yr haf yn dechrau heddiw, gyda gostyngiadau ar bob dodrefn gardd.',
  'Siopwch nawr a chael danfon am ddim ar archebion dros £50.',
  'Prynwch ddau docyn a chael y trydydd am hanner pris.',
  "Tanysgrifiwch i'n cylchlythyr i gael y newyddion a'r cynigion diweddaraf.",
  'Archebwch eich tocynnau cyn iddynt werthu allan!',
  'Arbedwch hyd at £200 ar eich bil ynni gyda’n tariff newydd.',
  'Cofrestrwch heddiw am ddim a chael tocyn am ddim i’r sioe.',
  'Brysiwch, mae’r cynnig yn dod i ben ddydd Gwener am gyfnod cyfyngedig.',
  'Llofnodwch y ddeiseb i achub llyfrgell y dref.',
  'Pleidleisiwch dros eich ymgeisydd lleol ar 7 Mai.',
  "Ymunwch â'r ymgyrch i gadw'r ysbyty ar agor.",
];

/** Welsh service and information text: no Welsh purpose cue may fire. */
const SERVICE = [
  "Bydd eich biniau'n cael eu casglu ddydd Mawrth yn lle ddydd Iau o fis Mawrth ymlaen.",
  "Mae eich apwyntiad wedi'i drefnu ar gyfer 10.30 fore Llun yn y feddygfa.",
  "Mae eich archeb wedi'i hanfon a dylai gyrraedd o fewn tri diwrnod gwaith.",
  'Mae taliad eich treth gyngor yn ddyledus ar 1 Ebrill.',
  'Bydd y llyfrgell ar gau ddydd Llun oherwydd gwaith cynnal a chadw.',
  'Rydym wedi derbyn eich cais am drwydded barcio a byddwn yn cysylltu â chi cyn bo hir.',
  'Cofiwch gofrestru i bleidleisio cyn 18 Ebrill.',
  'Mae’r cyngor yn cynnig cyngor am ddim ar filiau ynni.',
  'Bydd y gwasanaeth ar-lein ar gael eto am 9 o’r gloch bore yfory.',
  'Mae ein cynigion ar gyfer y gyllideb yn agored i ymgynghoriad tan ddiwedd y mis.',
  'Os ydych am apelio yn erbyn y penderfyniad, cyflwynwch eich apêl o fewn 28 diwrnod.',
  'Rhowch wybod i ni os oes angen cymorth arnoch i lenwi’r ffurflen.',
  'Cafodd eich taliad o £45 ei dderbyn ar 3 Mehefin.',
  'Gwnewch gais am Ostyngiad y Dreth Gyngor ar ein gwefan.',
  'Peidiwch â cholli eich apwyntiad: ffoniwch ni os na allwch ddod.',
  'Diffoddwch y golau i arbed ynni yn y swyddfa.',
  'I ddad-danysgrifio o’r cylchlythyr, cliciwch yma.',
  'Rhoddodd y pwyllgor ei sêl bendith i’r cynllun newydd.',
  'Cyfrannwch at yr ymgynghoriad cyn diwedd y mis.',
  'Nid oes angen i chi wneud dim byd arall.',
];

describe('Welsh purpose cues', () => {
  test.each(APPEALS_AND_OFFERS)('fire on appeal or offer: %j', (text) => {
    expect(welshPurposeCues(text).length).toBeGreaterThan(0);
  });

  test.each(SERVICE)('stay silent on service text: %j', (text) => {
    expect(welshPurposeCues(text)).toEqual([]);
  });

  test('mutated forms are covered: rhodd/rodd, cyfrannu/gyfrannu, cofrestrwch/gofrestrwch', () => {
    expect(firing('Mae pob rhodd yn cyfrif.')).toContain('fundraising/cy-donate-word');
    expect(firing('Diolch o galon am y rodd hael.')).toContain('fundraising/cy-donate-word');
    expect(firing('Gallwch gyfrannu £5 heddiw.')).toContain('fundraising/cy-donate-ask');
    expect(firing('Gallwch ymuno â’r tîm a chyfrannu arian ar-lein.')).toContain('fundraising/cy-donate-ask');
    expect(firing('Cofrestrwch nawr.')).toContain('promotional/cy-sign-up');
    expect(firing('Peidiwch ag oedi – gofrestrwch heddiw!')).toContain('promotional/cy-sign-up');
    expect(firing('Mae ein hapêl yn parhau.')).toContain('fundraising/cy-appeal');
  });

  test('Welsh opt-out wording is recognised (the opt-out check reads it)', () => {
    expect(firing('I ddad-danysgrifio, cliciwch yma.')).toContain('opt-out/cy-unsubscribe');
    expect(firing('Atebwch STOP i optio allan.')).toContain('opt-out/cy-stop-reply');
  });
});
