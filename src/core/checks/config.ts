/** The draft checks' thresholds and messages (src/data/rules/checks.json), typed. */
import checksJson from '../../data/rules/checks.json' with { type: 'json' };
import type { Severity } from '../verdict.ts';

export interface ChecksConfig {
  'opt-out-missing': {
    severity: Severity;
    severityOnSoftOptIn: Severity;
    message: { email: string; sms: string };
    softOptInSuffix: string;
  };
  'sender-unidentified': { severity: Severity; message: string; messageWithName: string };
  'recipients-exposed': { warningAt: number; errorAt: number; message: string };
  'opted-out': { severity: Severity; message: string };
  'consent-request-is-marketing': { severity: Severity; message: string };
  'recipients-look-individual': { severity: Severity; message: string; webmailDomains: string[] };
  'draft-truncated': { severity: Severity; message: string };
  'language-coverage-limited': {
    severity: Severity;
    severityWhenEnglish: Severity;
    message: { 'cues-cy': string; 'cues-other': string; english: string };
    parts: { cy: string; other: string };
    found: { none: string; one: string; many: string };
  };
}

export const checksConfig = checksJson as unknown as ChecksConfig;
