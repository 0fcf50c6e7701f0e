/**
 * The interface in English and Welsh. The catalogues are the extension's own `_locales` files (webextension
 * format), bundled into every surface and resolved here, because `browser.i18n.getMessage` always answers in the
 * browser's language and cannot follow the user's choice in the options page; the training page also runs as a
 * plain web page with no extension API at all.
 *
 * Pure: no DOM, no extension API. The surfaces choose the locale (src/i18n/extension.ts, src/training/locale.ts)
 * and call `setLocale`; everything else calls `t`. English is bundled; the Welsh catalogue is a separate chunk
 * loaded the first time Welsh is chosen, so the content script on an English user's webmail never parses it.
 */
import enMessages from '../../public/_locales/en/messages.json' with { type: 'json' };
import type { LanguageChoice } from '../settings/schema.ts';

/** Every message name. English is the reference: a name missing from it is a type error. */
export type MessageKey = keyof typeof enMessages;

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];

const EN: Catalogue = enMessages as Catalogue;

/** The catalogues loaded so far (English always). */
const loaded: Partial<Record<Locale, Catalogue>> = { en: EN };

const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: unknown }>> = {
  cy: () => import('../../public/_locales/cy/messages.json', { with: { type: 'json' } }),
};

/** Loads a locale's catalogue (once); resolves with it. */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const have = loaded[locale];
  if (have) return have;
  const module = await LOADERS[locale as Exclude<Locale, 'en'>]();
  const catalogue = module.default as Catalogue;
  loaded[locale] = catalogue;
  return catalogue;
}

/** The value for `lang` attributes: British English, and Welsh. */
export const HTML_LANG: Readonly<Record<Locale, string>> = { en: 'en-GB', cy: 'cy' };

export type Substitution = string | number;

let current: Locale = 'en';
/** The locale asked for last: a slower load of an earlier choice must not win over it. */
let wanted: Locale = 'en';
const listeners = new Set<(locale: Locale) => void>();

export function getLocale(): Locale {
  return current;
}

function switchTo(locale: Locale) {
  if (locale === current) return;
  current = locale;
  for (const listener of [...listeners]) {
    try {
      listener(locale);
    } catch {
      // One surface failing to re-render must not stop the others.
    }
  }
}

/**
 * Switches the interface language once its catalogue is loaded (at once for English or a loaded one);
 * listeners (surfaces that re-render) run only when it changes. If the catalogue cannot be loaded, the
 * interface stays as it is (fail open).
 */
export async function setLocale(locale: Locale): Promise<void> {
  wanted = locale;
  if (loaded[locale]) return switchTo(locale);
  try {
    await loadCatalogue(locale);
  } catch {
    return;
  }
  if (wanted === locale) switchTo(locale);
}

/** Calls `listener` after every change of locale; returns the unsubscribe function. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `cy`, `cy-GB`, `CY-gb` → `cy`; `en-US` → `en`; anything else → undefined. */
export function supportedLocale(tag: string | undefined | null): Locale | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : undefined;
}

/**
 * The locale for a choice: an explicit `en`/`cy` wins; `auto` takes the first supported language among the
 * browser's preferred languages (in order), then its interface language, then English. A Welsh speaker whose
 * browser has no Welsh interface usually still lists Welsh first among preferred languages.
 */
export function resolveLocale(
  choice: LanguageChoice | undefined,
  preferred: readonly string[] = [],
  uiLanguage?: string,
): Locale {
  if (choice === 'en' || choice === 'cy') return choice;
  for (const tag of [...preferred, uiLanguage]) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}

/**
 * Fills a webextension message: `$name$` (any case) becomes its placeholder's content, in which `$1`…`$9` are the
 * substitutions; `$$` is a literal dollar. Unknown names and missing substitutions become empty, as in browsers.
 */
export function format(entry: CatalogueEntry, substitutions: readonly Substitution[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const positional = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_m, d: string) =>
      d === '$' ? '$' : String(substitutions[Number(d) - 1] ?? ''),
    );
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    const content = placeholders.get((name ?? '').toLowerCase());
    return content === undefined ? '' : positional(content);
  });
}

/** The message in the current locale (English if the Welsh catalogue lacks it, which a test forbids). */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const entry = loaded[current]?.[key] ?? EN[key];
  return entry ? format(entry, substitutions) : key;
}

/**
 * A read-only record whose values are catalogue messages, read at access time: `ROUTE_LABEL[route]` is always in
 * the current language, and call sites index it like any record.
 */
export function messageRecord<K extends string>(keys: Record<K, MessageKey>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const [value, key] of Object.entries(keys) as [K, MessageKey][])
    Object.defineProperty(out, value, { enumerable: true, get: () => t(key) });
  return Object.freeze(out);
}

/** The English catalogue (the reference: every key, descriptions and placeholder positions). */
export function englishCatalogue(): Catalogue {
  return EN;
}

/** A locale's catalogue if it is loaded (English always is). */
export function catalogueIn(locale: Locale): Catalogue | undefined {
  return loaded[locale];
}

/**
 * For names built at run time from data (rule ids, question fields): the message in the current locale, or
 * undefined when that locale has none, so the caller can keep the core's English and mark it `lang="en"`.
 */
export function lookup(key: string, ...substitutions: Substitution[]): string | undefined {
  const catalogue = loaded[current] ?? EN;
  const entry = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  return entry ? format(entry, substitutions) : undefined;
}

/**
 * A list in a language (the current one by default): "a, b and c"; in Welsh "a, b a c", with "ac" before a vowel
 * and the aspirate mutation "a" causes (Ffrangeg a Phwyleg, Almaeneg ac Eidaleg).
 */
export function joinList(items: readonly string[], locale: Locale = current): string {
  if (items.length <= 1) return items[0] ?? '';
  const first = items.slice(0, -1).join(', ');
  const last = items.at(-1) as string;
  const catalogue = loaded[locale] ?? EN;
  const fill = (key: 'list_and' | 'list_and_vowel', a: string, b: string) =>
    format(catalogue[key] ?? (EN[key] as CatalogueEntry), [a, b]);
  if (locale !== 'cy') return fill('list_and', first, last);
  if (/^[aeiouwyâêîôûŵŷáéíóú]/i.test(last)) return fill('list_and_vowel', first, last);
  return fill('list_and', first, aspirate(last));
}

/** Welsh aspirate mutation of a word's first letter (c → ch, p → ph, t → th), keeping its case. */
export function aspirate(word: string): string {
  const m = /^([cptCPT])(?![hH])/.exec(word);
  if (!m) return word;
  const h = m[1] === m[1]?.toUpperCase() && word[1] === word[1]?.toUpperCase() && word.length > 1 ? 'H' : 'h';
  return `${m[1]}${h}${word.slice(1)}`;
}
