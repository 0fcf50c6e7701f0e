/** The walkthrough's questions (src/core/walkthrough.ts), data-free so the data schemas can name them. */

/** The questions of the decision model, in order; `route` is the last (which rule applies, what to do). */
export const WALK_STEP_IDS = [
  'asked-for-it',
  'service-message',
  'promotes-anything',
  'sender',
  'channel',
  'recipient-type',
  'relationship-consent',
  'route',
] as const;
export type WalkStepId = (typeof WALK_STEP_IDS)[number];
