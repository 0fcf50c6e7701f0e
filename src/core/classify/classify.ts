import type { Draft } from '../draft/draft.ts';
import type { Classification } from './classification.ts';

export interface Classifier {
  classify(draft: Draft): Classification;
}

/** PLACEHOLDER: replaced by the lexicon + model classifier. */
export function createClassifier(): Classifier {
  return {
    classify(draft) {
      return {
        directMarketing: 'unclear',
        primaryPurpose: 'none',
        purposes: { promotional: 0, fundraising: 0, campaigning: 0 },
        pMarketing: 0.5,
        evidence: [],
        hits: [],
        counts: {
          promotional: 0, fundraising: 0, campaigning: 0, service: 0, 'opt-out': 0, 'consent-request': 0,
          'third-party': 0, 'paid-service': 0, 'public-task': 0, solicited: 0, 'sender-identity': 0,
        },
        excluded: [],
        truncated: false,
        words: draft.body.split(/\s+/).length,
      };
    },
  };
}
