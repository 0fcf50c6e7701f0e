import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html.ts';

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeEntities('Fish &amp; chips &pound;5 &#8364;3 &#x2019; &hellip;')).toBe(
      'Fish & chips £5 €3 ’ …',
    );
  });
  it('reads 128-159 as windows-1252 and refuses invalid code points', () => {
    expect(decodeEntities('&#146;&#150;')).toBe('’–');
    expect(decodeEntities('&#0;&#xD800;&#99999999;')).toBe('\ufffd\ufffd\ufffd');
  });
  it('leaves unknown names alone', () => {
    expect(decodeEntities('&bogus; & &amp')).toBe('&bogus; & &amp');
  });
});

describe('htmlToText', () => {
  it('drops scripts, styles, head and comments, keeps text', () => {
    const html = `<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head>
      <body><script>alert("x")</script><!-- hidden --><p>Hello <b>there</b>,</p><p>Donate&nbsp;today!</p></body></html>`;
    expect(htmlToText(html)).toBe('Hello there,\n\nDonate today!');
  });
  it('turns breaks, list items and cells into layout', () => {
    expect(
      htmlToText(
        'One<br>Two<BR/>Three<ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>',
      ),
    ).toBe('One\nTwo\nThree\n\n• a\n• b\n\nx y');
  });
  it('keeps a stray < and drops an unterminated tag', () => {
    expect(htmlToText('2 < 3 and <b')).toBe('2 < 3 and');
  });
  it('an unclosed script hides the rest; an unclosed head does not', () => {
    expect(htmlToText('Visible<script>var a = 1; Hidden')).toBe('Visible');
    expect(htmlToText('<head><meta charset=utf-8>Shown')).toBe('Shown');
  });
  it('is case-insensitive and survives characters whose lower case is longer', () => {
    expect(htmlToText('İİİ<SCRIPT>x</SCRIPT>ok')).toBe('İİİok');
  });
  it('ends quickly on hostile markup', () => {
    const text = htmlToText('<head>'.repeat(200_000) + '<script'.repeat(100_000) + '<'.repeat(100_000));
    expect(typeof text).toBe('string');
  });
});
