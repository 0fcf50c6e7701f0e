/** The draft checks' severities, thresholds and sources (src/data/rules/checks.json), typed. */
import checksJson from '../../data/rules/checks.json' with { type: 'json' };
import type { CitationId } from '../findings/finding.ts';
import type { Severity } from '../verdict.ts';

interface Sources {
  /** Ids into citations.json. */
  citations: CitationId[];
}

export interface ChecksConfig {
  'opt-out-missing': Sources & {
    severity: Severity;
    severityOnSoftOptIn: Severity;
    citationsOnSoftOptIn: CitationId[];
  };
  'sender-unidentified': Sources & { severity: Severity };
  'recipients-exposed': Sources & { warningAt: number; errorAt: number };
  'opted-out': Sources & { severity: Severity };
  'consent-request-is-marketing': Sources & { severity: Severity };
  'recipients-look-individual': Sources & { severity: Severity; webmailDomains: string[] };
  'draft-truncated': Sources & { severity: Severity };
  'language-coverage-limited': Sources & { severity: Severity; severityWhenEnglish: Severity };
}

/** The id of a draft check: one per entry of checks.json. */
export type CheckId = keyof ChecksConfig;

export const checksConfig: ChecksConfig = checksJson;
