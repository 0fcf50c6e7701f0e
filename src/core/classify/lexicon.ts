/**
 * Lexicons are data (src/data/lexicons/<signal>.json): compromise match patterns, each with a stable id,
 * a plain-English reason, and examples that must (and must not) match. This module loads and compiles them.
 */
import campaigning from '../../data/lexicons/campaigning.json' with { type: 'json' };
import consentRequest from '../../data/lexicons/consent-request.json' with { type: 'json' };
import conversation from '../../data/lexicons/conversation.json' with { type: 'json' };
import fundraising from '../../data/lexicons/fundraising.json' with { type: 'json' };
import optOut from '../../data/lexicons/opt-out.json' with { type: 'json' };
import paidService from '../../data/lexicons/paid-service.json' with { type: 'json' };
import promotional from '../../data/lexicons/promotional.json' with { type: 'json' };
import publicTask from '../../data/lexicons/public-task.json' with { type: 'json' };
import request from '../../data/lexicons/request.json' with { type: 'json' };
import senderIdentity from '../../data/lexicons/sender-identity.json' with { type: 'json' };
import service from '../../data/lexicons/service.json' with { type: 'json' };
import solicited from '../../data/lexicons/solicited.json' with { type: 'json' };
import thirdParty from '../../data/lexicons/third-party.json' with { type: 'json' };
import welsh from '../../data/lexicons/welsh.json' with { type: 'json' };
import type { PatternRole } from '../acts/acts.ts';
import { type ParsedMatch, parseMatch } from '../nlp/nlp.ts';
import { type Needs, needsOf } from '../nlp/prefilter.ts';
import type { Signal } from './classification.ts';

export interface LexiconPattern {
  /** Unique within its lexicon; the global id is `<signal>/<id>`. */
  id: string;
  /** One compromise match pattern, or several alternatives. */
  match: string | string[];
  /** Plain-English reason shown with the evidence. */
  message: string;
  /** How the words speak to the reader (src/core/acts): an ask, an offer, a request cue, a service cue; default `mention`. */
  role?: PatternRole;
  examples: { hit: string[]; miss?: string[] };
}

export interface Lexicon {
  signal: Signal;
  description: string;
  patterns: LexiconPattern[];
}

/**
 * Cues in another language than English (src/data/lexicons/welsh.json): one file per language, the signal on
 * each pattern. They are matched like the English patterns but never feed the English model (see
 * src/core/language/).
 */
export interface LanguageLexicon {
  language: 'cy';
  description: string;
  patterns: (LexiconPattern & { signal: Signal })[];
}

/** Registry of the other-language cue lexicons. */
export const LANGUAGE_LEXICONS: readonly LanguageLexicon[] = [welsh as LanguageLexicon];

/** Registry: one lexicon per signal. `satisfies` makes a missing signal a compile error. */
export const LEXICONS = {
  promotional,
  fundraising,
  campaigning,
  service,
  'opt-out': optOut,
  'consent-request': consentRequest,
  'third-party': thirdParty,
  'paid-service': paidService,
  'public-task': publicTask,
  solicited,
  'sender-identity': senderIdentity,
  conversation,
  request,
} as Record<Signal, Lexicon> satisfies Record<Signal, Lexicon>;

let reasons: Map<string, string> | undefined;

/** The English reason a lexicon pattern gives, by its global id (`fundraising/donate-ask` → "Asks for a donation."). */
export function patternMessage(globalId: string): string | undefined {
  reasons ??= new Map([
    ...(Object.entries(LEXICONS) as [Signal, Lexicon][]).flatMap(([signal, l]) =>
      l.patterns.map((p): [string, string] => [`${signal}/${p.id}`, p.message]),
    ),
    ...LANGUAGE_LEXICONS.flatMap((l) =>
      l.patterns.map((p): [string, string] => [`${p.signal}/${p.id}`, p.message]),
    ),
  ]);
  return reasons.get(globalId);
}

export interface CompiledPattern {
  globalId: string;
  signal: Signal;
  role: PatternRole;
  /** The language of the cue: 'en' patterns feed the model, the others count only in text of their language. */
  language: 'en' | LanguageLexicon['language'];
}

/** One match string of a pattern, parsed once, with the words it needs (for the pre-filter). */
export interface CompiledMatch {
  pattern: number;
  match: ParsedMatch;
  needs: Needs;
}

export interface CompiledLexicons {
  patterns: CompiledPattern[];
  matches: CompiledMatch[];
  /** Word or `#tag` → indexes of the matches that need it (each match is filed under one required group). */
  byWord: Map<string, number[]>;
  /** Matches with no word or tag need (regex-only): checked on every sentence. */
  always: number[];
}

let shared: CompiledLexicons | undefined;

/** The shipped lexicons, compiled once per process (they never change at run time). */
export function sharedLexicons(): CompiledLexicons {
  shared ??= compileLexicons();
  return shared;
}

export function compileLexicons(
  lexicons: Record<Signal, Lexicon> = LEXICONS,
  other: readonly LanguageLexicon[] = LANGUAGE_LEXICONS,
): CompiledLexicons {
  const patterns: CompiledPattern[] = [];
  const matches: CompiledMatch[] = [];
  const add = (signal: Signal, p: LexiconPattern, language: CompiledPattern['language']) => {
    const index = patterns.length;
    patterns.push({
      globalId: `${signal}/${p.id}`,
      signal,
      role: p.role ?? 'mention',
      language,
    });
    for (const m of Array.isArray(p.match) ? p.match : [p.match]) {
      matches.push({ pattern: index, match: parseMatch(m), needs: needsOf(m) });
    }
  };
  for (const [signal, lexicon] of Object.entries(lexicons) as [Signal, Lexicon][]) {
    for (const p of lexicon.patterns) add(signal, p, 'en');
  }
  // Other-language cues come last, so the English patterns keep their indexes.
  for (const lexicon of other) for (const p of lexicon.patterns) add(p.signal, p, lexicon.language);
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  matches.forEach((m, i) => {
    // File the match under the first required group of words: a sentence without any of them cannot match.
    const group = m.needs.find((n): n is string[][] => !(n instanceof RegExp));
    if (!group) {
      always.push(i);
      return;
    }
    for (const key of new Set(group.map((alt) => alt[0]!))) {
      const list = byWord.get(key);
      if (list) list.push(i);
      else byWord.set(key, [i]);
    }
  });
  return { patterns, matches, byWord, always };
}
