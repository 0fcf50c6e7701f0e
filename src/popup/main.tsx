import { render } from 'preact';
import { startExtensionLocale } from '../i18n/extension.ts';
import { bindDocument } from '../i18n/page.ts';
import { Popup } from './Popup.tsx';

// The language first (the setting, else the browser's), so the popup never flashes in the other language; if
// that fails, the popup still opens (in English).
void startExtensionLocale()
  .catch(() => undefined)
  .then(() => {
    bindDocument(document, 'extName');
    render(<Popup />, document.getElementById('app')!);
  });
