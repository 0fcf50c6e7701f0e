// @vitest-environment happy-dom
/**
 * The language-coverage note is shown plainly near the verdict: right under the headline in the shared verdict
 * view (popup, panel, training page), and as a language tag on the composer badge. In Welsh it reads in Welsh.
 */
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createChecker } from '../core/index.ts';
import { setLocale } from '../i18n/index.ts';
import { words } from '../i18n/test-words.ts';
import { VerdictView } from './VerdictView.tsx';

vi.mock('../platform/browser.ts', () => ({ browser: {} }));
const { ComposerPanel, languageTag } = await import('../panel/ComposerPanel.tsx');

const checker = createChecker();
const WELSH = checker.check({
  body: 'Annwyl breswylydd,\n\nBydd eich biniau’n cael eu casglu ddydd Mawrth yn lle ddydd Iau o fis Mawrth ymlaen. Nid oes angen i chi wneud dim byd arall.',
});
const BILINGUAL = checker.check({
  body: 'Bydd eich biniau’n cael eu casglu ddydd Mawrth yn lle ddydd Iau o fis Mawrth ymlaen. Nid oes angen i chi wneud dim byd arall.\n\nFrom March your bins will be collected on Tuesday instead of Thursday. You do not need to do anything else, and the collection calendar is on our website.',
});
const ENGLISH = checker.check({ body: 'Our spring sale starts Monday with 30% off everything. Shop now!' });

let mount: HTMLElement | undefined;
function show(node: preact.ComponentChild): HTMLElement {
  mount = document.createElement('div');
  document.body.append(mount);
  render(node, mount);
  return mount;
}
afterEach(async () => {
  if (mount) render(null, mount);
  mount?.remove();
  mount = undefined;
  await setLocale('en');
});

describe('VerdictView', () => {
  test('a Welsh draft: the note sits right after the headline, as a note', () => {
    const root = show(<VerdictView verdict={WELSH} />);
    const note = root.querySelector('.verdict-language');
    expect(note?.getAttribute('role')).toBe('note');
    expect(note?.textContent).toBe(words(WELSH.language!.note));
    expect(note?.previousElementSibling?.classList.contains('verdict-headline')).toBe(true);
    expect(note?.getAttribute('data-basis')).toBe('cues');
  });

  test('a bilingual draft: the note says it was judged on the English text', () => {
    const root = show(<VerdictView verdict={BILINGUAL} />);
    expect(root.querySelector('.verdict-language')?.textContent).toMatch(/^Judged on the English text/);
  });

  test('an English draft: no note', () => {
    expect(show(<VerdictView verdict={ENGLISH} />).querySelector('.verdict-language')).toBeNull();
  });

  test('in Welsh the note is in Welsh', async () => {
    await setLocale('cy');
    const note = show(<VerdictView verdict={WELSH} />).querySelector('.verdict-language');
    expect(note?.textContent).toMatch(/^Dim digon o Saesneg/);
    expect(note?.querySelector('[lang]')).toBeNull();
  });
});

describe('composer badge', () => {
  const props = (verdict: typeof WELSH) => ({
    verdict,
    answers: {},
    panelId: 'p1',
    canLocate: () => false,
    onEvidence: () => {},
    onAnswer: () => {},
  });

  test('names the language the verdict could not fully read', () => {
    expect(languageTag(WELSH)).toBe('Welsh');
    expect(languageTag(BILINGUAL)).toBe('Welsh');
    expect(languageTag(ENGLISH)).toBeUndefined();
    const badge = show(<ComposerPanel {...props(WELSH)} />).querySelector('button.badge')!;
    expect(badge.textContent).toMatch(/Unclear · Welsh$/);
    expect(badge.getAttribute('data-language')).toBe('cy');
  });

  test('no tag on an English draft', () => {
    const badge = show(<ComposerPanel {...props(ENGLISH)} />).querySelector('button.badge')!;
    expect(badge.querySelector('.language-tag')).toBeNull();
    expect(badge.hasAttribute('data-language')).toBe(false);
  });

  test('in Welsh the tag is in Welsh', async () => {
    await setLocale('cy');
    expect(languageTag(WELSH)).toBe('Cymraeg');
  });
});
