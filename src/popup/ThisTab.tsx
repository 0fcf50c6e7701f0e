/**
 * The popup's "this tab" section: the verdicts of the composers open in the active tab (asked from its content
 * script, verdict values only), the switch for this site, and pause everywhere. Sites other than the built-in
 * webmail hosts are enabled here: the browser asks the user for that one site, then the background registers the
 * content script there and starts it in the open tab.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { WEBMAILS, type WebmailId } from '../adapters/webmails.ts';
import { t } from '../i18n/index.ts';
import { tx } from '../i18n/preact.tsx';
import { browser } from '../platform/browser.ts';
import { normaliseOrigin, siteLabel } from '../settings/schema.ts';
import { loadSettings, onSettingsChanged, saveSettings, setSiteEnabled } from '../settings/store.ts';
import { isBuiltinOrigin, pageOrigin, sitePattern } from '../sites/hosts.ts';
import {
  type ComposerSummary,
  ENABLE_SITE,
  type EnableSiteResponse,
  SHOW_COMPOSER,
  TAB_STATUS,
  type TabStatus,
} from '../sites/messages.ts';
import { headline, ROUTE_LABEL } from '../ui/labels.ts';
import { riskWords } from '../ui/risk-labels.ts';

export const POLL_MS = 1000;

/** A webmail's brand name (src/adapters/webmails.ts, the same in every language); the generic one is "an editor". */
const adapterLabel = (adapter: string) =>
  adapter === 'generic'
    ? t('tab_editor')
    : Object.hasOwn(WEBMAILS, adapter)
      ? WEBMAILS[adapter as WebmailId].label
      : adapter;

/** The tab the popup is about: `?tab=ID` (opened from a test or a shortcut) or the active tab. */
async function targetTab(): Promise<{ id: number; url?: string } | null> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  try {
    if (Number.isInteger(param) && param > 0) {
      const tab = await browser.tabs.get(param);
      return { id: param, url: tab.url };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
  } catch {
    return null;
  }
}

async function askStatus(tabId: number): Promise<TabStatus | null> {
  try {
    const status = (await browser.tabs.sendMessage(tabId, { type: TAB_STATUS }, { frameId: 0 })) as
      | TabStatus
      | undefined;
    return status && typeof status.origin === 'string' ? status : null;
  } catch {
    // No content script in this tab (not enabled here, or the page predates the extension).
    return null;
  }
}

function counts(v: NonNullable<ComposerSummary['verdict']>): string {
  const parts: string[] = [];
  if (v.errors) parts.push(v.errors === 1 ? t('tab_problems_one') : t('tab_problems_many', v.errors));
  if (v.warnings) parts.push(v.warnings === 1 ? t('tab_warnings_one') : t('tab_warnings_many', v.warnings));
  return parts.join(', ');
}

function ComposerLine({ c, n, onShow }: { c: ComposerSummary; n: number; onShow(): void }) {
  const v = c.verdict;
  return (
    <li class="composer" data-verdict={v?.directMarketing ?? 'empty'} data-route={v?.route ?? ''}>
      <span class="composer-source">{adapterLabel(c.adapter)}: </span>
      {v ? (
        <>
          {v.risk && (
            // The same words, colour and dot shape as the badge by the composer (issue #13).
            <span class="composer-risk" data-risk={v.risk}>
              <span class="dot" aria-hidden="true" /> {riskWords(v.risk, v.problems ?? 0)}
            </span>
          )}
          <strong class="composer-verdict">{headline(v.directMarketing, v.purpose)}</strong>
          <span class="composer-route">{ROUTE_LABEL[v.route]}</span>
          {counts(v) && <span class="composer-counts">{counts(v)}</span>}
        </>
      ) : (
        <span class="composer-verdict">{t('tab_empty_draft')}</span>
      )}{' '}
      <button
        type="button"
        class="link"
        aria-label={t('tab_show_in_page_label', n, adapterLabel(c.adapter))}
        onClick={onShow}
      >
        {t('tab_show_in_page')}
      </button>
    </li>
  );
}

export function ThisTab() {
  const [tab, setTab] = useState<{ id: number; url?: string } | null | undefined>(undefined);
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [paused, setPausedState] = useState(false);

  useEffect(() => {
    void loadSettings().then((s) => setPausedState(s.pausedEverywhere));
    return onSettingsChanged((read) => setPausedState(read.settings.pausedEverywhere));
  }, []);

  const refresh = useCallback(async (id: number) => setStatus(await askStatus(id)), []);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    void targetTab().then((t) => {
      setTab(t);
      if (!t) return;
      void refresh(t.id);
      timer = setInterval(() => void refresh(t.id), POLL_MS);
    });
    return () => clearInterval(timer);
  }, [refresh]);

  if (tab === undefined) return <p>{t('tab_looking')}</p>;
  const origin = status?.origin ?? pageOrigin(tab?.url);

  const enableHere = async () => {
    if (!tab || !origin) return;
    setBusy(true);
    setMessage('');
    try {
      if (isBuiltinOrigin(origin)) {
        await setSiteEnabled(origin, true);
      } else if (!normaliseOrigin(origin)) {
        // Plain http beyond this computer: the settings cannot hold it, so never ask the browser for it.
        setMessage(t('tab_http_only_here', siteLabel(origin)));
        return;
      } else {
        const pattern = sitePattern(origin);
        // Must run straight from the click: the browser only shows its permission prompt for a user gesture.
        const granted = pattern ? await browser.permissions.request({ origins: [pattern] }) : false;
        if (!granted) {
          setMessage(t('tab_not_granted', siteLabel(origin)));
          return;
        }
        const reply = (await browser.runtime.sendMessage({
          type: ENABLE_SITE,
          origin,
        })) as EnableSiteResponse;
        if (!reply?.ok) {
          setMessage(reply?.error ?? t('tab_enable_failed'));
          return;
        }
      }
      setMessage(t('tab_now_checking', siteLabel(origin)));
      await refresh(tab.id);
    } catch (e) {
      setMessage(t('tab_enable_failed_because', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const disableHere = async () => {
    if (!tab || !origin) return;
    setBusy(true);
    const saved = await setSiteEnabled(origin, false);
    setMessage(
      saved.ok
        ? t('tab_switched_off', siteLabel(origin))
        : (saved.problems[0] ?? saved.storageError ?? t('tab_not_saved')),
    );
    setBusy(false);
    await refresh(tab.id);
  };

  const setPaused = async (paused: boolean) => {
    // The box shows the click at once: a redraw before storage answers must not flip it back.
    setPausedState(paused);
    const saved = await saveSettings({ pausedEverywhere: paused });
    if (!saved.ok) {
      setMessage(saved.storageError ?? t('tab_not_saved'));
      setPausedState((await loadSettings()).pausedEverywhere);
    }
    if (tab) await refresh(tab.id);
  };

  const show = async (id: number) => {
    if (!tab) return;
    try {
      await browser.tabs.sendMessage(tab.id, { type: SHOW_COMPOSER, id }, { frameId: 0 });
    } catch {
      setMessage(t('tab_composer_closed'));
    }
  };

  let body: preact.ComponentChildren;
  if (!origin) {
    body = <p>{t('tab_cannot_check')}</p>;
  } else if (status?.active) {
    body = (
      <>
        <p class="site-state" data-state="on">
          {tx('tab_checking_on', <strong>{siteLabel(origin)}</strong>)}{' '}
          <button type="button" class="link" disabled={busy} onClick={disableHere}>
            {t('tab_turn_off')}
          </button>
        </p>
        {status.composers.length ? (
          <ul class="composers" aria-label={t('tab_open_composers')}>
            {status.composers.map((c, i) => (
              <ComposerLine key={c.id} c={c} n={i + 1} onShow={() => void show(c.id)} />
            ))}
          </ul>
        ) : (
          <p class="composers-none">{t('tab_no_composers')}</p>
        )}
      </>
    );
  } else if (status && paused) {
    body = (
      <p class="site-state" data-state="paused">
        {t('tab_paused')}
      </p>
    );
  } else if (status) {
    body = (
      <p class="site-state" data-state="off">
        {tx('tab_switched_off', <strong>{siteLabel(origin)}</strong>)}{' '}
        <button type="button" disabled={busy} onClick={enableHere}>
          {t('tab_turn_on')}
        </button>
      </p>
    );
  } else if (isBuiltinOrigin(origin)) {
    body = (
      <p class="site-state" data-state="reload">
        {tx('tab_reload', <strong>{siteLabel(origin)}</strong>)}
      </p>
    );
  } else {
    body = (
      <p class="site-state" data-state="not-enabled">
        {tx('tab_not_checking', <strong>{siteLabel(origin)}</strong>)}{' '}
        <button type="button" disabled={busy} onClick={enableHere}>
          {t('tab_check_here')}
        </button>
        <br />
        <span class="hint">{t('tab_permission_hint')}</span>
      </p>
    );
  }

  return (
    <section class="this-tab" aria-labelledby="this-tab-title">
      <h2 id="this-tab-title">{t('tab_title')}</h2>
      {body}
      <label class="inline">
        <input
          type="checkbox"
          id="pause-everywhere"
          checked={paused}
          onChange={(e) => void setPaused(e.currentTarget.checked)}
        />{' '}
        {t('tab_pause_everywhere')}
      </label>
      <p class="status-message" role="status">
        {message}
      </p>
    </section>
  );
}
