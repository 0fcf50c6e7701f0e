/**
 * Domain priors for training: a lexicon's features may only push towards the class the lexicon stands for.
 * Without them the model learns the dev corpus's accidents: its `none` class is personal chat and mailing
 * lists, and service language ("your order", "your account") appears mostly in old spam, so service cues
 * would end up counting *for* marketing, the opposite of what they mean (ICO: service messages are not
 * direct marketing). Each prior says: for features whose name starts with `prefix`, the weight for `favours`
 * is at least the weight for every other class.
 */
import type { ModelClass } from '../../src/core/classify/model.ts';

export interface Prior {
  prefix: string;
  favours: ModelClass;
}

const bySignal: [string, ModelClass][] = [
  ['promotional', 'promotional'],
  ['fundraising', 'fundraising'],
  ['campaigning', 'campaigning'],
  ['service', 'none'],
  ['conversation', 'none'],
  ['public-task', 'none'],
  ['consent-request', 'promotional'],
  ['third-party', 'promotional'],
  ['paid-service', 'promotional'],
];

export const PRIORS: Prior[] = [
  ...bySignal.flatMap(([signal, favours]) => [
    { prefix: `p:${signal}/`, favours },
    { prefix: `signal:${signal}`, favours },
    { prefix: `subject:${signal}`, favours },
  ]),
  // Acts (src/core/acts): an ask or an offer can only point to its own purpose, a service act only away from
  // marketing.
  ...(['promotional', 'fundraising', 'campaigning'] as const).flatMap((purpose) =>
    ['ask', 'ask-mood', 'offer'].map((kind) => ({ prefix: `act:${kind}:${purpose}`, favours: purpose })),
  ),
  { prefix: 'act:service:', favours: 'none' },
];
