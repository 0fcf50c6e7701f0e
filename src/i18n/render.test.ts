/** render(): ids and parameters in, English or Welsh out, with the language each piece is really in. */
import { afterEach, describe, expect, test } from 'vitest';
import type { Finding } from '../core/index.ts';
import { setLocale } from './index.ts';
import { findingToString, render, renderMessage } from './render.ts';

afterEach(() => setLocale('en'));

const exposed: Finding = {
  source: 'check',
  ruleId: 'recipients-exposed',
  severity: 'warning',
  messageId: 'check_recipients_exposed',
  params: { count: 1250 },
  citations: [],
};

describe('renderMessage: every kind of parameter', () => {
  test('a count, with British digit grouping in both languages', async () => {
    expect(
      renderMessage({ messageId: 'check_recipients_exposed', params: { count: 1250 } }, 'en').text,
    ).toMatch(/^1,250 email addresses are visible/);
    await setLocale('cy');
    expect(renderMessage({ messageId: 'check_recipients_exposed', params: { count: 1250 } }, 'cy')).toEqual({
      text: expect.stringMatching(/^Mae 1,250 o gyfeiriadau e-bost/),
      lang: 'cy',
    });
  });

  test('verbatim text, by name in any case', () => {
    expect(
      renderMessage(
        { messageId: 'check_sender_unidentified_name', params: { senderName: 'Siop Fach' } },
        'en',
      ).text,
    ).toMatch(/^"Siop Fach" does not appear/);
  });

  test('a message inside a message, in the same language', async () => {
    const ref = {
      messageId: 'summary_consent_required',
      params: { purpose: { messageId: 'summary_purpose_fundraising' } },
    } as const;
    expect(renderMessage(ref, 'en').text).toBe(
      'This asks for donations or support, so it is likely direct marketing and emails or texts to individuals need their prior consent.',
    );
    await setLocale('cy');
    expect(renderMessage(ref, 'cy').text).toContain('gofyn am roddion neu gefnogaeth');
  });

  test("a language's name and a list of them, joined in the reader's language", async () => {
    const ref = {
      messageId: 'coverage_note_english_other',
      params: { language: { list: [{ language: 'fr' }, { language: 'de' }, { language: 'pl' }] } },
    } as const;
    expect(renderMessage(ref, 'en').text).toBe(
      'Judged on the English text; the French, German and Polish part was not checked.',
    );
    await setLocale('cy');
    expect(renderMessage(ref, 'cy').text).toContain('Ffrangeg, Almaeneg a Phwyleg');
  });

  test("a lexicon pattern's reason is its English message, marked English in Welsh", async () => {
    expect(renderMessage('lexicon:service/your-record', 'en')).toEqual({
      text: "Refers to the reader's own account, order, appointment or case.",
      lang: 'en',
    });
    await setLocale('cy');
    expect(renderMessage('lexicon:service/your-record', 'cy').lang).toBe('en');
  });

  test('an English-only message comes out in English and says so', async () => {
    await setLocale('cy');
    expect(renderMessage('check_opted_out', 'cy').lang).toBe('cy');
    expect(renderMessage('walk_answer_asked_no', 'cy')).toEqual({ text: 'No', lang: 'en' });
  });
});

describe('render and findingToString', () => {
  test('a finding: message, note and sources', () => {
    const rule: Finding = {
      source: 'rule',
      ruleId: 'consent-required',
      severity: 'info',
      messageId: 'rule_consent_required_title',
      noteId: 'rule_consent_required_req',
      params: {},
      citations: ['pecr-reg-22'],
    };
    const r = render(rule, 'en');
    expect(r.message.text).toBe('Prior consent for marketing emails and texts');
    expect(r.note?.text).toMatch(/^Send this only to individuals who clearly agreed/);
    expect(r.citations).toEqual([
      { title: expect.stringContaining('regulation 22'), url: expect.any(String) },
    ]);
  });

  test('one line: position, severity, rule id and the English message', () => {
    expect(findingToString(exposed)).toMatch(
      /^warning recipients-exposed: 1,250 email addresses are visible/,
    );
    const evidence: Finding = {
      source: 'evidence',
      ruleId: 'service/your-record',
      severity: 'info',
      span: { field: 'body', start: 12, end: 22, text: 'your order' },
      messageId: 'lexicon:service/your-record',
      params: {},
      citations: [],
    };
    expect(findingToString(evidence)).toBe(
      "12-22 info service/your-record: Refers to the reader's own account, order, appointment or case.",
    );
    expect(
      findingToString({ ...evidence, span: { ...evidence.span!, field: 'subject', start: 0, end: 10 } }),
    ).toMatch(/^subject:0-10 info /);
  });
});
