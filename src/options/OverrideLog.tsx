/**
 * The options page's "Send anyway" log (issue #4): the sends the user let through after Check at Send asked them
 * to confirm, newest first, with an Export CSV button and a Clear button that asks for confirmation in place.
 * The log lives in storage.local on this device (src/settings/override-log.ts) and never holds message text or
 * addresses.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getLocale, HTML_LANG, t } from '../i18n/index.ts';
import { tx } from '../i18n/preact.tsx';
import {
  clearOverrideLog,
  csvFileName,
  type LogRead,
  MAX_LOG_ENTRIES,
  onOverrideLogChanged,
  readOverrideLog,
  toCsv,
} from '../settings/override-log.ts';
import { headline, ROUTE_LABEL } from '../ui/labels.ts';

/** The table shows this many (newest); the export always has every entry. */
export const SHOWN_ENTRIES = 200;

/** "1 entry" / "12 entries" in the interface language. */
const entriesText = (n: number) =>
  n === 1 ? t('log_entries_one') : t('log_entries_many', n.toLocaleString('en-GB'));

/** A stored ISO time in the interface language ("3 Dec 2026, 12:00"). */
export function when(iso: string): string {
  try {
    return new Date(iso).toLocaleString(HTML_LANG[getLocale()], { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return iso;
  }
}

function siteOf(origin: string): string {
  return origin.replace(/^https:\/\//, '');
}

export function OverrideLogSection() {
  const [log, setLog] = useState<LogRead | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const clearButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes after the confirmation row appears or goes (set by the handler that changed it). */
  const focusNext = useRef<'cancel' | 'clear' | 'heading' | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      readOverrideLog().then((read) => {
        if (live) setLog(read);
      });
    void load();
    const off = onOverrideLogChanged(() => void load());
    return () => {
      live = false;
      off();
    };
  }, []);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'cancel') cancelButton.current?.focus();
    else if (target === 'clear') clearButton.current?.focus();
    else if (target === 'heading') heading.current?.focus();
  });

  const entries = log?.entries ?? [];
  const shown = entries.slice(-SHOWN_ENTRIES).reverse();

  const exportCsv = () => {
    // A byte-order mark so spreadsheet programs read the file as UTF-8 (£, accents, Welsh).
    const blob = new Blob(['\uFEFF', toCsv(entries)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = csvFileName(new Date());
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(t('log_exported', entriesText(entries.length), a.download));
  };

  const clear = async () => {
    const result = await clearOverrideLog();
    setConfirming(false);
    if (result.ok) {
      setLog({ entries: [], dropped: 0 });
      setStatus(t('log_cleared'));
      focusNext.current = 'heading';
    } else {
      setStatus(t('log_not_cleared', result.storageError ?? t('options_storage_unavailable')));
      focusNext.current = 'clear';
    }
  };

  return (
    <section aria-labelledby="overrides-title" data-testid="override-log">
      <h2 id="overrides-title" ref={heading} tabIndex={-1}>
        {t('log_title')}
      </h2>
      <p class="why">{t('log_why', MAX_LOG_ENTRIES.toLocaleString('en-GB'))}</p>
      {log?.storageError && (
        <p class="notice">
          {tx('log_unreadable', <strong>{t('log_unreadable_heading')}</strong>, log.storageError)}
        </p>
      )}
      {!!log?.dropped && (
        <p class="notice">
          {log.dropped === 1
            ? t('log_dropped_one')
            : t('log_dropped_many', log.dropped.toLocaleString('en-GB'))}
        </p>
      )}
      {!log ? (
        <p class="empty">{t('log_loading')}</p>
      ) : entries.length === 0 ? (
        <p class="empty" data-testid="override-log-empty">
          {t('log_empty')}
        </p>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section class="table-wrap" aria-label={t('log_entries_label')} tabIndex={0}>
            <table class="overrides">
              <caption class="sr">
                {entries.length === 1
                  ? t('log_caption_one')
                  : t('log_caption_many', entries.length.toLocaleString('en-GB'))}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('log_col_when')}</th>
                  <th scope="col">{t('log_col_site')}</th>
                  <th scope="col">{t('log_col_found')}</th>
                  <th scope="col">{t('log_col_route')}</th>
                  <th scope="col">{t('log_col_reason')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <td>
                      <time dateTime={e.at}>{when(e.at)}</time>
                    </td>
                    <td class="origin">{siteOf(e.site)}</td>
                    <td>
                      {headline(e.verdict, e.purpose)}
                      {e.checks.length > 0 && (
                        <span class="log-checks"> · {t('log_checks', e.checks.join(', '))}</span>
                      )}
                    </td>
                    <td>{ROUTE_LABEL[e.route]}</td>
                    <td>{e.reason || <span class="muted">{t('log_no_reason')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {entries.length > SHOWN_ENTRIES && (
            <p class="hint">{t('log_showing', SHOWN_ENTRIES, entries.length.toLocaleString('en-GB'))}</p>
          )}
        </>
      )}
      <div class="log-actions">
        <button type="button" onClick={exportCsv} disabled={!entries.length}>
          {t('log_export')}
        </button>
        {!confirming ? (
          <button
            type="button"
            ref={clearButton}
            disabled={!entries.length}
            onClick={() => {
              focusNext.current = 'cancel';
              setConfirming(true);
            }}
          >
            {t('log_clear')}
          </button>
        ) : (
          <fieldset class="confirm-clear">
            <legend>{t('log_confirm', entriesText(entries.length))}</legend>
            <button type="button" class="danger" onClick={() => void clear()}>
              {t('log_delete', entriesText(entries.length))}
            </button>
            <button
              type="button"
              ref={cancelButton}
              onClick={() => {
                focusNext.current = 'clear';
                setConfirming(false);
              }}
            >
              {t('log_cancel')}
            </button>
          </fieldset>
        )}
      </div>
      <p class="log-status" aria-live="polite" data-testid="override-log-status">
        {status}
      </p>
    </section>
  );
}
