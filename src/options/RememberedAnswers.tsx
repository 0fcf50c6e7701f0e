/**
 * The options page's "Remembered answers" (issue #13 item 5): what the panel remembers on this device, per
 * organisation and per recipient list (a list is shown by its size; its addresses were never stored), each with
 * its answers and a Forget button, and Forget all. The store is src/settings/remembered.ts.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { Text } from '../i18n/preact.tsx';
import { renderMessage } from '../i18n/render.ts';
import { forgetRemembered, onRememberedChanged, readRemembered, type Store } from '../settings/remembered.ts';
import { when } from './OverrideLog.tsx';

export function RememberedAnswersSection() {
  const [store, setStore] = useState<Store | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    const load = () =>
      readRemembered().then((s) => {
        if (live) setStore(s);
      });
    void load();
    const off = onRememberedChanged(() => void load());
    return () => {
      live = false;
      off();
    };
  }, []);

  const forget = async (id?: string) => {
    const ok = await forgetRemembered(id);
    setStatus(ok ? t('remembered_forgotten') : t('remembered_failed'));
    setStore(await readRemembered());
  };

  const entries = Object.entries(store ?? {}).sort(([, a], [, b]) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="remembered-title" data-testid="remembered-answers">
      <h2 id="remembered-title" tabIndex={-1}>
        {t('remembered_title')}
      </h2>
      <p class="why">{t('remembered_why')}</p>
      {store && entries.length === 0 && <p class="empty">{t('remembered_empty')}</p>}
      {entries.length > 0 && (
        <ul class="remembered">
          {entries.map(([id, e]) => (
            <li key={id} data-kind={e.kind}>
              <strong>
                {e.kind === 'org'
                  ? t('remembered_org')
                  : e.size === 1
                    ? t('remembered_list_one')
                    : t('remembered_list', e.size ?? 0)}
              </strong>{' '}
              <span class="when">({when(e.at)})</span>
              <ul>
                {Object.entries(e.answers).map(([field, a]) => (
                  <li key={field}>
                    <Text value={renderMessage(a.question)} />{' '}
                    <strong>
                      <Text value={renderMessage(a.label)} />
                    </strong>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => void forget(id)}>
                {t('remembered_forget')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {entries.length > 0 && (
        <p class="actions">
          <button type="button" class="danger" onClick={() => void forget()}>
            {t('remembered_forget_all')}
          </button>
        </p>
      )}
      <p class="log-status" aria-live="polite" data-testid="remembered-status">
        {status}
      </p>
    </section>
  );
}
