// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readEditorText } from './dom-text.ts';

function editor(html: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  // Test fixture only: the code under test never writes markup.
  el.innerHTML = html;
  document.body.append(el);
  return el;
}

describe('readEditorText', () => {
  test.each([
    ['plain text', 'Please donate today.', 'Please donate today.'],
    [
      'Gmail-style div lines',
      '<div>Hello</div><div>Please donate</div><div><br></div><div>Thanks</div>',
      'Hello\nPlease donate\n\nThanks\n',
    ],
    ['br line breaks', 'Line one<br>Line two', 'Line one\nLine two'],
    ['inline formatting keeps words together', 'Get <b>20%</b> <i>off</i> now', 'Get 20% off now'],
    ['paragraphs', '<p>One</p><p>Two</p>', 'One\nTwo\n'],
    ['scripts and styles are not text', 'A<style>.x{}</style><script>1</script>B', 'AB'],
    ['hidden elements are skipped', 'A<span hidden>secret</span>B<span aria-hidden="true">x</span>', 'AB'],
    ['lists', '<ul><li>One</li><li>Two</li></ul>', 'One\nTwo\n'],
  ])('%s', (_name, html, expected) => {
    expect(readEditorText(editor(html)).text).toBe(expected);
  });

  test('quoted history and signatures can be skipped', () => {
    const el = editor(
      '<div>My reply</div><div class="gmail_signature">Ann</div><div class="gmail_quote">On Mon wrote: Buy now</div>',
    );
    const skip = (e: Element) => e.matches('.gmail_quote, .gmail_signature');
    expect(readEditorText(el, { skip }).text).toBe('My reply\n');
  });

  test('every range covers exactly its text, across formatting', () => {
    const el = editor('<div>Please <b>donate</b> today</div><div>Sign the <a href="#">petition</a>.</div>');
    const read = readEditorText(el);
    for (const phrase of ['donate', 'Please donate today', 'petition', 'Sign the petition.', 'today']) {
      const start = read.text.indexOf(phrase);
      const range = read.rangeFor(start, start + phrase.length);
      expect(range?.toString()).toBe(phrase);
    }
  });

  test('a range spanning a line break covers the text on both sides', () => {
    const el = editor('<div>today</div><div>Sign</div>');
    const read = readEditorText(el);
    const range = read.rangeFor(0, read.text.indexOf('Sign') + 4);
    expect(range?.toString()).toBe('todaySign');
  });

  test('out-of-bounds and empty spans give no range', () => {
    const read = readEditorText(editor('abc'));
    expect(read.rangeFor(-1, 2)).toBeNull();
    expect(read.rangeFor(2, 9)).toBeNull();
    expect(read.rangeFor(2, 2)).toBeNull();
  });

  test('reading never changes the editor', () => {
    const el = editor('<div>Hello <b>there</b></div><div><br></div><div>Donate</div>');
    const before = el.innerHTML;
    const read = readEditorText(el);
    read.rangeFor(0, 5);
    expect(el.innerHTML).toBe(before);
  });

  test('maxChars bounds the text and says so', () => {
    const read = readEditorText(editor('x'.repeat(5000)), { maxChars: 1000 });
    expect(read.text.length).toBe(1000);
    expect(read.truncated).toBe(true);
  });
});
