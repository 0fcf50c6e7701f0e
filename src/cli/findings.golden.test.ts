/**
 * Golden test of what the command line reports as findings, one line each (findingToString: position, severity,
 * rule id, the English message), for three drafts written for this test whose verdicts are not in doubt. It pins
 * the route step, the rules and the draft checks, with their words: a change to any of them shows here, line by
 * line. Evidence and acts follow the lexicons and the model, which change often; their lines are covered by
 * src/i18n/render.test.ts and the classifier's own tests.
 */
import { describe, expect, test } from 'vitest';
import { type ContextInput, createChecker, type DraftInput } from '../core/index.ts';
import { findingToString } from '../i18n/render.ts';
import { allFindings } from './verdict-json.ts';

const checker = createChecker();
const lines = (draft: DraftInput, context: ContextInput) =>
  allFindings(checker.check(draft, context))
    .filter((f) => f.source !== 'evidence' && f.source !== 'act')
    .map(findingToString);

describe('findings, one line each', () => {
  test('a shop’s sale email, no opt-out, no sender name', () => {
    expect(
      lines(
        {
          subject: 'Spring sale: 30% off',
          body: 'Our spring sale starts on Saturday with 30% off all garden furniture. Shop now while stocks last!',
        },
        { sender: 'business' },
      ),
    ).toEqual([
      'info consent-required-soft-opt-in-unknown: This promotes products or services, so it is likely direct marketing and needs consent unless the soft opt-in conditions are met.',
      'info consent-required: Prior consent for marketing emails and texts',
      'info products-soft-opt-in-possible: What could change: soft opt-in for existing customers',
      'info unknown-recipient-as-individual: Treat unknown recipients as individuals',
      'info identify-and-opt-out-email: Say who you are and give an opt-out address',
      'info right-to-object: Stop marketing when anyone objects',
      'info lawful-basis-and-privacy-information: Lawful basis and privacy information',
      'warning opt-out-missing: No unsubscribe or opt-out wording was found. Marketing emails should give a working way to opt out, such as an unsubscribe link or a reply address.',
      'warning sender-unidentified: The draft may not make clear who is sending it. Marketing messages must not hide the sender: name your organisation in the message.',
    ]);
  });

  test('a charity’s petition by text message', () => {
    expect(
      lines(
        {
          body: 'Sign our petition to keep the town library open, and please share it with your neighbours.',
        },
        { sender: 'charity', channel: 'sms' },
      ),
    ).toEqual([
      'info consent-required-soft-opt-in-unknown: This campaigns for a cause or a vote, so it is likely direct marketing and needs consent unless the soft opt-in conditions are met.',
      'info direct-marketing-aims-and-ideals: Fundraising and campaigning count as direct marketing',
      'info consent-required: Prior consent for marketing emails and texts',
      'info charity-soft-opt-in-possible: What could change: the charitable purposes soft opt-in',
      'info unknown-recipient-as-individual: Treat unknown recipients as individuals',
      'info identify-and-opt-out-sms: Name the sender and give a free way to stop texts',
      'info right-to-object: Stop marketing when anyone objects',
      'info lawful-basis-and-privacy-information: Lawful basis and privacy information',
      "warning opt-out-missing: No opt-out was found. Marketing texts should offer a free way to stop them, such as 'Reply STOP' or a short code.",
      'warning sender-unidentified: The draft may not make clear who is sending it. Marketing messages must not hide the sender: name your organisation in the message.',
    ]);
  });

  test('an order dispatch notice', () => {
    expect(
      lines(
        {
          subject: 'Your order 4471',
          body: 'Your order 4471 was dispatched today and should arrive by Friday.',
        },
        { sender: 'business' },
      ),
    ).toEqual([
      'info not-dm: The text reads as a service or information message rather than marketing, so the marketing rules likely do not apply, though UK GDPR still does.',
      'info data-protection-still-applies: Data protection still applies',
    ]);
  });
});
