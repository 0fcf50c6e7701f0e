/**
 * What a model was built from: the feature code's version and a hash of the lexicons it read. `npm run train`
 * records these (with the corpora's hashes) in src/data/model.json; a test compares them with the current code, so
 * a model that no longer matches its features fails the build instead of scoring quietly wrong.
 */
import { FEATURE_VERSION } from './features.ts';
import { LANGUAGE_LEXICONS, LEXICONS, type LexiconPattern } from './lexicon.ts';

/** A 53-bit string hash (cyrb53), hex: enough to tell one set of lexicons from another, with no crypto API. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** JSON with object keys sorted, so formatting or key order never changes the hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface Provenance {
  featureVersion: number;
  /** hash53 of what of the lexicons can change features: pattern ids, match strings, roles (not reasons). */
  lexicons: string;
}

/** What of a pattern can change a text's features: its id, its match strings and its role (not its reason). */
const featureView = (patterns: readonly LexiconPattern[]) =>
  patterns.map((p) => ({
    id: p.id,
    match: p.match,
    role: p.role ?? 'mention',
    signal: 'signal' in p ? p.signal : '',
  }));

export function provenance(): Provenance {
  const lexicons = {
    english: Object.fromEntries(
      Object.entries(LEXICONS).map(([signal, l]) => [signal, featureView(l.patterns)]),
    ),
    other: LANGUAGE_LEXICONS.map((l) => ({ language: l.language, patterns: featureView(l.patterns) })),
  };
  return { featureVersion: FEATURE_VERSION, lexicons: hash53(canonical(lexicons)) };
}
