/**
 * The training page's language. It runs as an extension page and as a plain web page, so:
 * `?lang=cy` / `?lang=en` first (a link for a Welsh-language class, and the page's own language button), then
 * inside the extension the `language` setting, else the browser's preferred languages.
 */
import { type Locale, resolveLocale, setLocale } from '../i18n/index.ts';
import { inExtension, langParam } from '../i18n/page.ts';

export async function startTrainingLocale(): Promise<Locale> {
  const param = langParam(window.location.search);
  if (param) {
    await setLocale(param);
    return param;
  }
  if (inExtension()) {
    try {
      // Only in the extension: the plain web page never loads the extension API wrapper.
      const { startExtensionLocale } = await import('../i18n/extension.ts');
      return await startExtensionLocale();
    } catch {
      // Fall back to the browser's languages below.
    }
  }
  const locale = resolveLocale('auto', navigator.languages ?? [], navigator.language);
  await setLocale(locale);
  return locale;
}
