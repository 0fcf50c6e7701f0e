/**
 * The sender's context: the facts a draft's text cannot tell (who sends, to whom, on what basis).
 * Every field is optional; missing fields are `unknown` (or the documented default).
 */

export const SENDERS = ['business', 'charity', 'public-authority', 'political', 'other'] as const;
export const CHANNELS = ['email', 'sms'] as const;
export const RECIPIENT_TYPES = ['individual', 'corporate', 'unknown'] as const;
export const RELATIONSHIPS = ['customer', 'supporter', 'none', 'unknown'] as const;
export const CONSENTS = ['yes', 'no', 'opted-out', 'unknown'] as const;
export const SOFT_OPT_IN = ['met', 'not-met', 'unknown'] as const;
/** Our addition to the contract: did the recipient ask for this specific message (a price list, a brochure)? */
export const SOLICITED = ['yes', 'no', 'unknown'] as const;
/** Our addition: for a public authority, is the promotion necessary for its public task or function? */
export const PUBLIC_TASK_NECESSARY = ['yes', 'no', 'unknown'] as const;
/**
 * Our addition, asked when the text alone is unclear: does any part of this message promote something to the
 * recipient (a product or service, a donation or other support, a vote or a cause)? It belongs to one draft, never
 * to a sender: it is not remembered from one draft to the next.
 */
export const PROMOTES = ['yes', 'no', 'unknown'] as const;

/**
 * Our addition: an opt-out route the message carries outside its text, in its headers (a saved e-mail's
 * List-Unsubscribe, RFC 2369): `one-click` (with List-Unsubscribe-Post, RFC 8058), `link` or `mailto`.
 */
export const OPT_OUT_HEADERS = ['one-click', 'link', 'mailto'] as const;

export type Sender = (typeof SENDERS)[number];
export type Channel = (typeof CHANNELS)[number];
export type RecipientType = (typeof RECIPIENT_TYPES)[number];
export type Relationship = (typeof RELATIONSHIPS)[number];
export type Consent = (typeof CONSENTS)[number];
export type SoftOptInConditions = (typeof SOFT_OPT_IN)[number];
export type Solicited = (typeof SOLICITED)[number];
export type PublicTaskNecessary = (typeof PUBLIC_TASK_NECESSARY)[number];
export type Promotes = (typeof PROMOTES)[number];
export type OptOutHeader = (typeof OPT_OUT_HEADERS)[number];

export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

export interface Context {
  sender: Sender | 'unknown';
  channel: Channel;
  recipientType: RecipientType;
  relationship: Relationship;
  consent: Consent;
  softOptInConditions: SoftOptInConditions;
  solicited: Solicited;
  publicTaskNecessary: PublicTaskNecessary;
  promotes: Promotes;
  /** Organisation name, if known: lets the sender-identity check look for it. */
  senderName?: string;
  recipients?: Recipients;
  /** An opt-out route in the message's headers: the opt-out check counts it for e-mail. */
  optOutHeader?: OptOutHeader;
}

export type ContextInput = Partial<Omit<Context, 'recipients'>> & { recipients?: Partial<Recipients> };

/** Allowed values per field, for validation, the CLI's flags and the panel's questions. */
export const CONTEXT_VALUES = {
  sender: SENDERS,
  channel: CHANNELS,
  recipientType: RECIPIENT_TYPES,
  relationship: RELATIONSHIPS,
  consent: CONSENTS,
  softOptInConditions: SOFT_OPT_IN,
  solicited: SOLICITED,
  publicTaskNecessary: PUBLIC_TASK_NECESSARY,
  promotes: PROMOTES,
} as const;

export type EnumField = keyof typeof CONTEXT_VALUES;

export const DEFAULT_CONTEXT: Context = {
  sender: 'unknown',
  channel: 'email',
  recipientType: 'unknown',
  relationship: 'unknown',
  consent: 'unknown',
  softOptInConditions: 'unknown',
  solicited: 'unknown',
  publicTaskNecessary: 'unknown',
  promotes: 'unknown',
};

export class ContextError extends Error {
  override name = 'ContextError';
}

const MAX_ADDRESSES = 100_000;

function readAddresses(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ContextError(`${where} must be a list of addresses`);
  if (value.length > MAX_ADDRESSES)
    throw new ContextError(`${where} lists more than ${MAX_ADDRESSES} addresses`);
  return value.map((a, i) => {
    if (typeof a !== 'string') throw new ContextError(`${where}[${i}] must be a string`);
    return a;
  });
}

/**
 * Validates loose input (a JSON line, stored panel answers) into a full Context.
 * Unknown fields or values throw a ContextError naming the field and the allowed values.
 */
export function parseContext(input: unknown): Context {
  if (input === undefined || input === null) return { ...DEFAULT_CONTEXT };
  if (typeof input !== 'object' || Array.isArray(input)) throw new ContextError('context must be an object');
  const out: Context = { ...DEFAULT_CONTEXT };
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (Object.hasOwn(CONTEXT_VALUES, key)) {
      const field = key as EnumField;
      const allowed: readonly string[] = field === 'sender' ? [...SENDERS, 'unknown'] : CONTEXT_VALUES[field];
      if (typeof value !== 'string' || !allowed.includes(value)) {
        throw new ContextError(
          `context.${key}: ${JSON.stringify(value)} is not one of ${allowed.join(' | ')}`,
        );
      }
      (out as unknown as Record<string, string>)[field] = value;
    } else if (key === 'senderName') {
      if (typeof value !== 'string') throw new ContextError('context.senderName must be a string');
      const name = value.trim().slice(0, 200);
      if (name) out.senderName = name;
    } else if (key === 'optOutHeader') {
      if (typeof value !== 'string' || !(OPT_OUT_HEADERS as readonly string[]).includes(value)) {
        throw new ContextError(
          `context.optOutHeader: ${JSON.stringify(value)} is not one of ${OPT_OUT_HEADERS.join(' | ')}`,
        );
      }
      out.optOutHeader = value as OptOutHeader;
    } else if (key === 'recipients') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ContextError('context.recipients must be an object {"to": [], "cc": [], "bcc": []}');
      }
      const r = value as Record<string, unknown>;
      for (const k of Object.keys(r)) {
        if (!['to', 'cc', 'bcc'].includes(k))
          throw new ContextError(`context.recipients.${k} is not to | cc | bcc`);
      }
      out.recipients = {
        to: readAddresses(r.to, 'context.recipients.to'),
        cc: readAddresses(r.cc, 'context.recipients.cc'),
        bcc: readAddresses(r.bcc, 'context.recipients.bcc'),
      };
    } else {
      throw new ContextError(
        `context.${key} is not a known field (known: ${[...Object.keys(CONTEXT_VALUES), 'senderName', 'recipients', 'optOutHeader'].join(', ')})`,
      );
    }
  }
  return out;
}
