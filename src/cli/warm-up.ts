/**
 * A short draft that runs every stage of a check once (segmentation, the tagger, each purpose's lexicon, the rules),
 * so the startup snapshot and each --jsonl worker hold a compiled, exercised core before the first real input.
 * Written for this purpose; its verdict is never shown.
 */
export const WARM_UP = {
  subject: 'Spring news from the Riverside Trust',
  body: [
    'Dear friend, thank you for your order 4417: it was dispatched today and should arrive by Friday.',
    'Our spring sale starts on 3 March, with 20% off garden tools and free delivery. Shop now while stocks last!',
    'This winter 300 families need a warm meal. Just £10 could help: please donate today and Gift Aid your gift.',
    'Sign our petition and write to your MP to keep the library on Station Road open.',
    'The bin collection moves to Wednesday from next week. No action is needed.',
    'To unsubscribe, reply STOP or click here. Riverside Trust, registered charity 1234567.',
  ].join('\n\n'),
};
