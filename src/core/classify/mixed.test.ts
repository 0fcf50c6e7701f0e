/**
 * Mixed messages: a service message with one marketing paragraph is direct marketing (the ICO's view of
 * promotional content in service messages), however long the service part is.
 */
import { describe, expect, test } from 'vitest';
import { check } from '../index.ts';

const SERVICE = [
  'Your garden waste collection will move from Tuesday to Wednesday from 4 March. No action is needed, and bins should be out by 7am.',
  'The new recycling portal lets you report a missed bin, order a new container and check your collection days online. You will need your council tax reference to register.',
  'If you have any questions, call the waste team on 01234 567890.',
].join('\n\n');
const PROMO =
  'While you are here: our leisure centre is offering 20% off annual gym memberships this month. Book now and get a free swim pass!';
const APPEAL =
  'This winter, local families need your help. A gift of £10 buys a warm coat. Please donate today.';
const ctx = { sender: 'public-authority' as const };
const subject = 'Changes to your bin collection';

describe('mixed messages', () => {
  test('the service message alone is not marketing', () => {
    expect(check({ subject, body: SERVICE }, ctx).directMarketing).toMatch(/^(no|unlikely)$/);
  });

  test.each([1, 3, 10])(
    'a promotional paragraph after %i copies of the service text makes it direct marketing, promotional',
    (n) => {
      const body = `${Array(n).fill(SERVICE).join('\n\n')}\n\n${PROMO}`;
      const v = check({ subject, body }, ctx);
      // "yes" or "likely": how sure depends on how much service text surrounds it, never whether it is marketing.
      expect(v.directMarketing).toMatch(/^(yes|likely)$/);
      expect(v.primaryPurpose).toBe('promotional');
      expect(v.route).toBe('consent-required');
      expect(
        v.evidence.some((e) => e.purpose === 'promotional' && body.slice(e.start, e.end) === e.text),
      ).toBe(true);
    },
  );

  test('an appeal paragraph reads as fundraising', () => {
    const v = check({ subject, body: `${SERVICE}\n\n${APPEAL}` }, ctx);
    expect(v.directMarketing).toBe('likely');
    expect(v.primaryPurpose).toBe('fundraising');
  });
});
