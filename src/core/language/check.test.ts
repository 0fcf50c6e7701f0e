/**
 * Language coverage end to end, through check(): Welsh and other non-English drafts never get a silent
 * "not marketing"; bilingual drafts are judged on their English text with a note; English drafts are
 * unaffected. Every draft here was written for these tests.
 */
import { describe, expect, test } from 'vitest';
import { summary, words } from '../../i18n/test-words.ts';
import { createChecker } from '../index.ts';
import type { Verdict } from '../verdict.ts';
import { OTHERS, WELSH } from './test-texts.ts';

const checker = createChecker();
const languageCheck = (v: Verdict) => v.checks.find((c) => c.id === 'language-coverage-limited');
const patternIds = (v: Verdict) => v.evidence.map((e) => e.patternId);

const WELSH_APPEAL = {
  subject: 'Apêl y Gaeaf',
  body: [
    'Annwyl gyfaill,',
    'Y gaeaf hwn, mae cannoedd o deuluoedd yn ein sir heb wres na bwyd digonol. Rhowch rodd heddiw i’n hapêl a helpwch ni i gyrraedd pob un ohonynt.',
    'Gallai £10 dalu am bryd poeth a blanced i blentyn. Ychwanegwch Rodd Cymorth a bydd eich rhodd yn werth mwy fyth.',
    'Diolch o galon,\nTîm Banc Bwyd y Fro\nElusen gofrestredig rhif 1234567',
  ].join('\n\n'),
};

const WELSH_NOTICE = {
  subject: 'Newid i’ch diwrnod casglu',
  body: [
    'Annwyl breswylydd,',
    'O ddydd Llun 2 Mawrth ymlaen, bydd eich biniau’n cael eu casglu ddydd Mawrth yn lle ddydd Iau. Mae hyn oherwydd ein bod yn ad-drefnu ein rowndiau casglu.',
    'Nid oes angen i chi wneud dim byd arall. Gallwch weld eich calendr casglu newydd ar ein gwefan.',
    'Gwasanaethau Gwastraff\nCyngor Sir Ffernlei',
  ].join('\n\n'),
};

const BILINGUAL_NOTICE = {
  subject: 'Newid i’ch diwrnod casglu / Change to your collection day',
  body: [
    'Annwyl breswylydd,',
    'O ddydd Llun 2 Mawrth ymlaen, bydd eich biniau’n cael eu casglu ddydd Mawrth yn lle ddydd Iau. Mae hyn oherwydd ein bod yn ad-drefnu ein rowndiau casglu. Nid oes angen i chi wneud dim byd arall.',
    'Dear resident,',
    'From Monday 2 March your bins will be collected on Tuesday instead of Thursday. This is because we are redrawing our collection rounds. You do not need to do anything else.',
    'Gwasanaethau Gwastraff / Waste Services\nCyngor Sir Ffernlei / Fernleigh County Council',
  ].join('\n\n'),
};

const BILINGUAL_APPEAL = {
  subject: 'Apêl y Gaeaf / Winter Appeal',
  body: [
    'Rhowch rodd heddiw i’n hapêl y gaeaf. Gallai £10 dalu am bryd poeth a blanced i blentyn sydd mewn angen.',
    'Please give to our winter appeal today. Just £10 could pay for a hot meal and a blanket for a child in need.',
    'Diolch / Thank you\nBanc Bwyd y Fro / Vale Food Bank',
  ].join('\n\n'),
};

/** The two versions differ: the English is a plain update, the Welsh adds a money ask. */
const BILINGUAL_DISAGREE = {
  subject: 'Newyddion / News',
  body: [
    'Mae’r ganolfan gymunedol ar agor eto ar ôl y gwaith adnewyddu. Rhowch rodd heddiw i’n hapêl i brynu cadeiriau newydd, a gallai £10 dalu am un.',
    'The community centre is open again after the refurbishment work. The opening hours are the same as before, from 9am to 5pm on weekdays.',
  ].join('\n\n'),
};

describe('Welsh drafts', () => {
  test('a Welsh charity appeal reads as likely fundraising on Welsh cues, with a warning that says so', () => {
    const v = checker.check(WELSH_APPEAL, { sender: 'charity', recipientType: 'individual' });
    expect(['yes', 'likely']).toContain(v.directMarketing);
    expect(v.primaryPurpose).toBe('fundraising');
    // The purpose scores follow the cues, not the English model's reading of text it cannot read.
    expect(v.purposes.fundraising).toBeGreaterThanOrEqual(0.75);
    expect(v.route).toBe('consent-required');
    expect(v.language).toMatchObject({ primary: 'cy', coverage: 'limited', basis: 'cues' });
    expect(patternIds(v)).toEqual(
      expect.arrayContaining(['fundraising/cy-appeal', 'fundraising/cy-donate-ask', 'fundraising/cy-amount']),
    );
    expect(languageCheck(v)).toMatchObject({ severity: 'warning' });
    expect(words(languageCheck(v))).toMatch(/Welsh cue words/);
    // The Welsh registered-charity line counts as naming the sender.
    expect(v.checks.map((c) => c.id)).not.toContain('sender-unidentified');
  });

  test('a Welsh service notice is unclear, not a silent "not marketing", and the summary says why', () => {
    const v = checker.check(WELSH_NOTICE, { sender: 'public-authority' });
    expect(v.directMarketing).toBe('unclear');
    expect(v.route).toBe('unclear');
    expect(summary(v)).toMatch(/Too little of this draft is in English/);
    expect(words(v.language?.note)).toMatch(/Not enough English to judge/);
    expect(languageCheck(v)).toMatchObject({ severity: 'warning' });
    expect(words(languageCheck(v))).toMatch(/none was found/);
    // The paragraphs point at the Welsh text.
    for (const p of v.language!.paragraphs) {
      expect(p.language).toBe('cy');
      const source = p.field === 'subject' ? WELSH_NOTICE.subject : WELSH_NOTICE.body;
      expect(source.slice(p.start, p.end).trim().length).toBeGreaterThan(0);
    }
  });

  test('a Welsh promotional text message with a Welsh STOP line: likely promotional, no missing opt-out', () => {
    const v = checker.check(
      {
        body: 'Sêl fawr yn ein siop y penwythnos hwn: 30% i ffwrdd â phopeth ar y silffoedd! Atebwch STOP i optio allan.',
      },
      { channel: 'sms', sender: 'business' },
    );
    expect(['yes', 'likely']).toContain(v.directMarketing);
    expect(v.primaryPurpose).toBe('promotional');
    expect(v.checks.map((c) => c.id)).not.toContain('opt-out-missing');
  });

  test.each(WELSH)('never "not marketing" on Welsh alone: %j', (body) => {
    const v = checker.check({ body });
    expect(['yes', 'likely', 'unclear']).toContain(v.directMarketing);
  });
});

describe('bilingual drafts', () => {
  test('a bilingual council notice is judged on its English text: not marketing, with a note', () => {
    const v = checker.check(BILINGUAL_NOTICE, { sender: 'public-authority' });
    expect(['no', 'unlikely']).toContain(v.directMarketing);
    expect(v.route).toBe('not-direct-marketing');
    expect(v.language).toMatchObject({ coverage: 'limited', basis: 'english' });
    expect(words(v.language?.note)).toBe(
      'Judged on the English text; the Welsh part was checked only for a short list of Welsh cue words.',
    );
    expect(languageCheck(v)).toMatchObject({ severity: 'info' });
  });

  test('a bilingual appeal reads as fundraising from its English text, Welsh cues shown too', () => {
    const v = checker.check(BILINGUAL_APPEAL, { sender: 'charity' });
    expect(['yes', 'likely']).toContain(v.directMarketing);
    expect(v.primaryPurpose).toBe('fundraising');
    expect(v.language?.basis).toBe('english');
    expect(patternIds(v).some((id) => id.includes('/cy-'))).toBe(true);
    expect(patternIds(v).some((id) => !id.includes('/cy-'))).toBe(true);
  });

  test('when the Welsh version asks for money and the English does not, the verdict is unclear and says why', () => {
    const v = checker.check(BILINGUAL_DISAGREE, { sender: 'charity' });
    expect(v.directMarketing).toBe('unclear');
    expect(v.route).toBe('unclear');
    expect(summary(v)).toMatch(/Welsh part of this draft has wording/);
    expect(languageCheck(v)).toMatchObject({ severity: 'warning' });
  });

  test('the Welsh part does not feed the English model: the same scores as the draft without it', () => {
    const both = checker.check({ body: BILINGUAL_NOTICE.body });
    const welsh = both.language!.paragraphs;
    expect(welsh.length).toBeGreaterThan(0);
    let alone = BILINGUAL_NOTICE.body;
    for (const p of [...welsh].reverse()) alone = alone.slice(0, p.start) + alone.slice(p.end);
    const v = checker.check({ body: alone });
    expect(v.language?.coverage).toBe('full');
    expect(both.purposes).toEqual(v.purposes);
    expect(both.directMarketing).toBe(v.directMarketing);
  });
});

describe('other languages', () => {
  test('a French order confirmation is unclear, and the note names French', () => {
    const v = checker.check({
      body: 'Nous vous remercions de votre commande. Elle sera expédiée sous 48 heures. Vous recevrez un e-mail de confirmation avec le numéro de suivi de votre colis.',
    });
    expect(v.directMarketing).toBe('unclear');
    expect(v.language).toMatchObject({ primary: 'fr', basis: 'cues' });
    expect(words(v.language?.note)).toMatch(/no word list for French/);
    expect(words(languageCheck(v))).toMatch(/no word list for French/);
  });

  test.each(OTHERS)('%s text alone is never "not marketing": %j', (_language, body) => {
    expect(['yes', 'likely', 'unclear']).toContain(checker.check({ body }).directMarketing);
  });
});

describe('English drafts are unaffected', () => {
  test.each([
    'Our spring sale starts Monday with 30% off everything. Shop now while stocks last!',
    'Your order 1234 has been dispatched and should arrive within three working days.',
    'Bore da pawb,\n\nThe minutes from Tuesday are attached. Please send any corrections by Friday.\n\nDiolch yn fawr,\nSioned',
  ])('full coverage, no note, no language check: %j', (body) => {
    const v = checker.check({ body });
    expect(v.language).toEqual({
      primary: 'en',
      coverage: 'full',
      basis: 'english',
      paragraphs: [],
    });
    expect(languageCheck(v)).toBeUndefined();
  });

  test('an empty draft: unknown language, full coverage', () => {
    expect(checker.check({ body: '' }).language).toMatchObject({ primary: 'unknown', coverage: 'full' });
  });
});
