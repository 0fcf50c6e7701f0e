/** The one place that imports webextension-polyfill: the rest of the extension imports `browser` from here. */
import browser from 'webextension-polyfill';

export { browser };
