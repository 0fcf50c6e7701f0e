/**
 * Generated drafts for the benchmarks (scripts/bench.ts, scripts/bench-cli.ts): email prose from ten kinds of
 * paragraph (service, fundraising, sales, campaigning, internal), written for the benchmarks.
 */
export const PARAGRAPHS = [
  'Thank you for joining us at the community open day on {d} {m}. We counted {n} visitors and the feedback has been really encouraging. Please send any photos to the events team by Friday {d}.',
  'This winter, {n} families in our area face a choice between heating and eating. Just £{a} could provide a warm meal and a blanket. Please donate today and Gift Aid your gift so it goes further.',
  'Our spring sale starts on {d} {m}, with up to {a}% off garden furniture and free delivery on orders over £{n}. Shop now while stocks last.',
  'Your garden waste collection will move from Tuesday to Wednesday from {d} {m}. No action is needed. Bins should be out by 7am on collection day, and crews will finish by {a}pm.',
  'The quarterly report for project {n} is attached. Could you review section {a} before the meeting on {d} {m}? I think the budget figures need another look.',
  'Sign our petition to keep the library on Station Road open. {n} people have already added their name, and we will hand it to the council on {d} {m}.',
  'Your order {n}-{a} has been dispatched and should arrive within {d} working days. You can track your parcel with the reference on your receipt.',
  'Members can book a place on the new fitness class at the leisure centre from {d} {m}. Sessions cost £{a} and spaces are limited, so book early.',
  'We are upgrading the case management system on {d} {m}. The service will be unavailable between {a}pm and {n}pm. Please save your work before then.',
  'Write to your MP today and ask them to support the clean rivers bill. It takes two minutes and {n} supporters have already done it since {d} {m}.',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
];

/**
 * About `words` words of email prose, every sentence unique (so no cache gets free hits). Drafts with different
 * `seed`s share no sentence either.
 */
export function makeDraft(words: number, seed = 0): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length]!.replaceAll('{n}', String(100 + i * 7))
      .replaceAll('{a}', String(2 + (i % 40)))
      .replaceAll('{d}', String(1 + (i % 28)))
      .replaceAll('{m}', MONTHS[Math.floor(i / 10) % 10]!);
    // Make every sentence unique even when the template repeats (and, with a seed, across drafts).
    const tag = String(seed * 10_000 + i);
    const unique = (seed > 0 ? `In note ${tag}, ${p}` : p).replace(/\. /g, `. In note ${tag}, `);
    out.push(unique);
    count += unique.split(/\s+/).length;
  }
  return out.join('\n\n');
}
