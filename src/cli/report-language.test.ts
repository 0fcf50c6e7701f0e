/** The readable report says plainly when the verdict could not read all of the draft (language coverage). */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../core/index.ts';
import { renderMessage } from '../i18n/render.ts';
import { formatReport } from './report.ts';
import { verdictJson } from './verdict-json.ts';

const checker = createChecker();

describe('formatReport: language coverage', () => {
  it('a Welsh draft gets a Language line right after the summary', () => {
    const v = checker.check({
      body: 'Annwyl breswylydd,\n\nBydd eich biniau’n cael eu casglu ddydd Mawrth yn lle ddydd Iau o fis Mawrth ymlaen. Nid oes angen i chi wneud dim byd arall.',
    });
    const lines = formatReport('bins.txt', v, { color: false }).split('\n');
    const summary = lines.findIndex((l) => l.startsWith('Summary: '));
    expect(lines[summary + 1]).toBe(
      `Language: ${renderMessage(v.language!.note!, 'en').text} (cy, cues only)`,
    );
    expect(lines.join('\n')).toContain('(language-coverage-limited)');
  });

  it('a bilingual draft says it was judged on the English text', () => {
    const v = checker.check({
      body: 'Bydd eich biniau’n cael eu casglu ddydd Mawrth yn lle ddydd Iau o fis Mawrth ymlaen. Nid oes angen i chi wneud dim byd arall.\n\nFrom March your bins will be collected on Tuesday instead of Thursday. You do not need to do anything else, and the collection calendar is on our website.',
    });
    expect(formatReport('bins.txt', v, { color: false })).toContain(
      'Language: Judged on the English text; the Welsh part was checked only for a short list of Welsh cue words. (cy, English text)',
    );
  });

  it('an English draft has no Language line', () => {
    const v = checker.check({ body: 'Our spring sale starts Monday with 30% off everything. Shop now!' });
    expect(formatReport('sale.txt', v, { color: false })).not.toMatch(/^Language:/m);
  });

  it('the JSON verdict carries the language object', () => {
    const v = JSON.parse(
      JSON.stringify(
        verdictJson(
          checker.check({
            body: 'Merci pour votre commande. Elle sera expédiée demain avec le numéro de suivi de votre colis.',
          }),
        ),
      ),
    );
    expect(v.language).toMatchObject({ primary: 'fr', coverage: 'limited', basis: 'cues' });
    expect(Object.keys(v.language).sort()).toEqual(['basis', 'coverage', 'note', 'paragraphs', 'primary']);
  });
});
