/**
 * The sources behind every rule are cited in English output (CLI, extension, training page): they must point to
 * the English pages. The ICO serves the same guidance at cy.ico.org.uk with a Welsh-language interface; an
 * English reader sent there lands on a page in the wrong language.
 */
import { describe, expect, test } from 'vitest';
import { CITATIONS as citations } from '../core/findings/sources.ts';
import { createChecker } from '../core/index.ts';
import { citation } from '../core/rules/data.ts';
import { loadScenarios, scenarioCitations } from '../core/scenario.ts';

const WELSH_ICO = /^https?:\/\/cy\.ico\.org\.uk\//i;

describe('citations in English output', () => {
  test('no citation points to the ICO’s Welsh-language site', () => {
    const welsh = Object.entries(citations).filter(([, c]) => WELSH_ICO.test(c.url));
    expect(welsh.map(([id]) => id)).toEqual([]);
  });

  test('every citation is an https address', () => {
    for (const [id, c] of Object.entries(citations)) {
      expect(new URL(c.url).protocol, id).toBe('https:');
    }
  });

  test('the charitable purposes soft opt-in cites the English ICO page', () => {
    expect(citations['ico-charity-soft-opt-in']?.url).toBe(
      'https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/the-charitable-purpose-soft-opt-in',
    );
  });

  test('no verdict or scenario across the gallery cites cy.ico.org.uk', () => {
    const checker = createChecker();
    const urls = new Set<string>();
    for (const s of loadScenarios()) {
      const v = checker.check(
        { subject: s.subject, body: s.body, channel: s.channel },
        { channel: s.channel, ...s.context },
      );
      for (const r of v.rules) for (const c of r.citations) urls.add(citation(c).url);
      for (const c of scenarioCitations(s)) urls.add(c.url);
    }
    expect(urls.size).toBeGreaterThan(5);
    expect([...urls].filter((u) => WELSH_ICO.test(u))).toEqual([]);
  });
});
