/** Preact glue for src/i18n: re-render on a change of language, messages with elements inside, mixed-language text. */
import { type ComponentChildren, Fragment, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getLocale, HTML_LANG, type Locale, type MessageKey, onLocaleChange, t } from './index.ts';
import type { Localised } from './render.ts';

/** The current locale; the component re-renders (with its children) when it changes. Use at a surface's root. */
export function useLocale(): Locale {
  const [locale, setLocale] = useState(getLocale());
  useEffect(() => {
    // The locale may have changed between the first render and this effect.
    setLocale(getLocale());
    return onLocaleChange(setLocale);
  }, []);
  return locale;
}

const MARK = /\uE000(\d+)\uE001/;

/**
 * A message whose placeholders are elements: `tx('tab_checking_on', <strong>{site}</strong>)` renders
 * "Checking on <strong>mail.example.org</strong>." with the words in the catalogue's order.
 */
export function tx(key: MessageKey, ...parts: ComponentChildren[]) {
  const text = t(key, ...parts.map((_, i) => `\uE000${i}\uE001`));
  const pieces = text.split(/(\uE000\d+\uE001)/).filter((s) => s !== '');
  return h(
    Fragment,
    null,
    ...pieces.map((piece) => {
      const m = MARK.exec(piece);
      return m ? parts[Number(m[1])] : piece;
    }),
  );
}

/**
 * Text that may not be in the interface language (an untranslated rule, an English evidence reason, a scenario):
 * wrapped in `<span lang="en-GB">` when it differs, so screen readers switch voice. Plain text otherwise.
 */
export function Text({ value }: { value: Localised }) {
  return value.lang === getLocale() ? value.text : <span lang={HTML_LANG[value.lang]}>{value.text}</span>;
}

/** The `lang` attribute for text in `lang`: none when it is the interface language. */
export const langAttr = (lang: Locale): string | undefined =>
  lang === getLocale() ? undefined : HTML_LANG[lang];

/** The `lang` attribute for content that is always English (scenarios, citation titles), or undefined when it matches. */
export function englishLang(): string | undefined {
  return getLocale() === 'en' ? undefined : HTML_LANG.en;
}
