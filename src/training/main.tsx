import { render } from 'preact';
import { bindDocument } from '../i18n/page.ts';
import { App } from './App.tsx';
import { startTrainingLocale } from './locale.ts';

// The language first, so the page never flashes in the other one; if that fails, the page opens in English.
void startTrainingLocale()
  .catch(() => undefined)
  .then(() => {
    bindDocument(document, 'training_page_title');
    render(<App />, document.getElementById('app')!);
  });
