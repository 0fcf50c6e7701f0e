import { describe, expect, test } from 'vitest';
import { segmentBody } from './segment.ts';

const judgedText = (body: string) =>
  segmentBody(body)
    .judged.map((r) => body.slice(r.start, r.end))
    .join('');

describe('segmentBody', () => {
  test.each([
    [
      'Gmail reply header',
      'Yes, Thursday works.\n\nOn Mon, 3 Nov 2026 at 09:12, Sam Lee <sam@x.example> wrote:\n> Donate now!\n',
      'Yes, Thursday works.\n\n',
    ],
    [
      'wrapped reply header',
      'Fine by me.\nOn Mon, 3 Nov 2026 at 09:12, Sam Lee\n<sam@x.example> wrote:\nBuy now',
      'Fine by me.\n',
    ],
    [
      'Outlook From/Sent block',
      'See below.\r\n\r\nFrom: Ann <a@x.example>\r\nSent: 03 November 2026 10:00\r\nTo: Bo\r\nSubject: Sale\r\n50% off',
      'See below.\r\n\r\n',
    ],
    ['Original message marker', 'Thanks\n-----Original Message-----\nGet 20% off', 'Thanks\n'],
    ['forwarded', 'FYI\n---------- Forwarded message ---------\nFrom: x\nBig sale', 'FYI\n'],
    ['> lines inline', 'Reply here\n> quoted offer\n> more\nAnd after', 'Reply here\nAnd after'],
    ['signature delimiter', 'Please donate today.\n-- \nAnn Smith\nHope Trust', 'Please donate today.\n'],
    [
      'sign-off block',
      'Your bin collection moves to Tuesday.\n\nKind regards,\nWaste Services\nExample Council\n01234 567890',
      'Your bin collection moves to Tuesday.\n\n',
    ],
    ['mobile footer', 'On my way\nSent from my iPhone', 'On my way\n'],
    [
      "a mail service's tagline under the writer's name",
      'Thanks, that fixed it.\n\nKevin\nGet your free email from www.mail.example\n\nPowered by Example',
      'Thanks, that fixed it.\n\nKevin\n',
    ],
    [
      "a mail service's own advert is judged, however near the end",
      'Hi Sam,\nSee you Friday.\nGet your free email at mail.example - sign up in a minute and enjoy 3 months of MailPlus free\n',
      'Hi Sam,\nSee you Friday.\nGet your free email at mail.example - sign up in a minute and enjoy 3 months of MailPlus free\n',
    ],
    [
      "a P.S. after a tagline is the writer's",
      'Order shipped.\nSent with Proton Mail\nP.S. 20% off your next order with code SPRING20',
      'Order shipped.\nSent with Proton Mail\nP.S. 20% off your next order with code SPRING20',
    ],
    [
      "the same words as the writer's own offer, higher up, are judged",
      'Get your free email account at OurMail today!\nNo adverts, ever.\nSign up in a minute.\nSee you there.\n',
      'Get your free email account at OurMail today!\nNo adverts, ever.\nSign up in a minute.\nSee you there.\n',
    ],
    [
      'bottom-posted reply: the quote is left out, the answer below it is judged',
      'On Mon, 3 Nov 2026 at 09:12, Sam <sam@x.example> wrote:\n> Huge sale, 50% off!\n> Buy now\n\nPlease donate to our winter appeal today.\n',
      'Please donate to our winter appeal today.\n',
    ],
    [
      'interleaved answers under two quoted blocks',
      'Hi Sam,\nOn Mon, 3 Nov 2026, Sam wrote:\n> Can you come?\nYes.\nOn Tue, 4 Nov 2026, Sam wrote:\n> Bring cake?\nOf course.',
      'Hi Sam,\nYes.\nOf course.',
    ],
    [
      'a reply header followed by unquoted history is still top-posting',
      'Thanks!\nOn Mon, 3 Nov 2026, Sam wrote:\nBig sale today',
      'Thanks!\n',
    ],
    ['no quotes', 'Just text', 'Just text'],
    ['empty', '', ''],
  ])('%s', (_name, body, expected) => {
    expect(judgedText(body)).toBe(expected);
  });

  test('a sign-off followed by a long paragraph is not a signature', () => {
    const body = `Thanks\n${'This is a long paragraph of real content that goes on. '.repeat(5)}`;
    expect(segmentBody(body).signature).toBeNull();
  });

  test.each([
    'a\n> b\nc\n-- \nsig\nOn Tue, X wrote:\n> q',
    'On Tue, X wrote:\n> q\n\nanswer\n-- \nsig',
    'x\nOn Tue, X wrote:\n> q\ny\nOn Wed, Y wrote:\n> r',
  ])('ranges stay inside the body and do not overlap: %j', (body) => {
    const s = segmentBody(body);
    const all = [...s.judged, ...s.quoted, ...(s.signature ? [s.signature] : [])].sort(
      (a, b) => a.start - b.start,
    );
    let last = 0;
    for (const r of all) {
      expect(r.start).toBeGreaterThanOrEqual(last);
      expect(r.end).toBeLessThanOrEqual(body.length);
      last = r.end;
    }
  });
});
