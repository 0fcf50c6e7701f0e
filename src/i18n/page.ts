/**
 * The interface language for a whole page (popup, options, training): sets `<html lang>` and the document title,
 * and keeps them in step when the language changes.
 */
import { getLocale, HTML_LANG, type Locale, type MessageKey, onLocaleChange, t } from './index.ts';

/** Sets `lang` on the document and the title from `titleKey`, now and after every change of language. */
export function bindDocument(doc: Document, titleKey: MessageKey): () => void {
  const apply = (locale: Locale) => {
    doc.documentElement.lang = HTML_LANG[locale];
    doc.title = t(titleKey);
  };
  apply(getLocale());
  return onLocaleChange(apply);
}

/** `?lang=cy` / `?lang=en` in a query string, or undefined. */
export function langParam(search: string): Locale | undefined {
  const value = new URLSearchParams(search).get('lang');
  return value === 'en' || value === 'cy' ? value : undefined;
}

/** True in an extension page (where settings exist), false on a plain web page. */
export function inExtension(): boolean {
  const g = globalThis as { chrome?: { runtime?: { id?: string } }; browser?: { runtime?: { id?: string } } };
  try {
    return Boolean(g.chrome?.runtime?.id ?? g.browser?.runtime?.id);
  } catch {
    return false;
  }
}
