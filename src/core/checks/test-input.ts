/** Test helper: a CheckInput from fabricated parts (checks tests only). */
import type { ContextOverrides, FakeClassification } from '../rules/test-support.ts';
import { fakeClassification, fakeContext, fakeDraft } from '../rules/test-support.ts';
import type { DirectMarketingLevel, Route } from '../verdict.ts';
import type { CheckInput } from './types.ts';

export interface CheckCase {
  c?: FakeClassification;
  ctx?: ContextOverrides;
  level?: DirectMarketingLevel;
  route?: Route;
  subject?: string;
  body?: string;
}

export function checkInput(k: CheckCase): CheckInput {
  const classification = fakeClassification(k.c);
  const context = fakeContext(k.ctx);
  return {
    classification,
    context,
    draft: fakeDraft(k.body ?? 'Body', k.subject ?? 'Subject', context.channel),
    level: k.level ?? classification.directMarketing,
    route: k.route ?? 'consent-required',
  };
}

/** `n` distinct addresses at a domain. */
export function addresses(n: number, domain = 'example.com'): string[] {
  return Array.from({ length: n }, (_, i) => `person${i}@${domain}`);
}
