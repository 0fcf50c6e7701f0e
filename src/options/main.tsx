import { render } from 'preact';
import { startExtensionLocale } from '../i18n/extension.ts';
import { bindDocument } from '../i18n/page.ts';
import { Options } from './Options.tsx';

// The language first (the setting, else the browser's), so the page never flashes in the other language; if
// that fails, the page still opens (in English).
void startExtensionLocale()
  .catch(() => undefined)
  .then(() => {
    bindDocument(document, 'options_title');
    render(<Options />, document.getElementById('app')!);
  });
