/**
 * The interface language inside the extension (popup, options, training as an extension page, the composer panel
 * and the Send dialog in content scripts): the `language` setting, else the browser's languages. Follows changes
 * to the setting live. Fails open: if settings cannot be read, the browser's languages decide.
 */
import { browser } from '../platform/browser.ts';
import type { LanguageChoice } from '../settings/schema.ts';
import { loadSettings, onSettingsChanged } from '../settings/store.ts';
import { getLocale, type Locale, resolveLocale, setLocale } from './index.ts';

function uiLanguage(): string | undefined {
  try {
    return browser?.i18n?.getUILanguage?.();
  } catch {
    return undefined;
  }
}

function preferredLanguages(): readonly string[] {
  try {
    return globalThis.navigator?.languages ?? [];
  } catch {
    return [];
  }
}

/** The locale for a `language` setting in this browser. */
export function localeFor(choice: LanguageChoice | undefined): Locale {
  return resolveLocale(choice, preferredLanguages(), uiLanguage());
}

let started: Promise<Locale> | undefined;

/**
 * Resolves the locale once per page or content script and keeps it in step with the setting. Safe to call from
 * every surface: later calls share the first one's promise.
 */
export function startExtensionLocale(): Promise<Locale> {
  started ??= (async () => {
    // Before the settings arrive, the browser's languages decide: a panel drawn early is not stuck in English.
    void setLocale(localeFor('auto'));
    try {
      await setLocale(localeFor((await loadSettings()).language));
      onSettingsChanged((read) => void setLocale(localeFor(read.settings.language)));
    } catch {
      // Settings unavailable: keep the browser's languages.
    }
    return getLocale();
  })();
  return started;
}
