/**
 * The options page: who the user sends for, the default channel, what happens at Send, per-site switches,
 * a global pause, a link to training mode and a privacy statement. Every change saves at once and is
 * announced ("Saved") through a status region. Settings live in the browser's own storage; nothing is sent.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { localeFor } from '../i18n/extension.ts';
import { getLocale, HTML_LANG, type MessageKey, messageRecord, setLocale, t } from '../i18n/index.ts';
import { tx, useLocale } from '../i18n/preact.tsx';
import {
  defaultSettings,
  LANGUAGE_CHOICES,
  type LanguageChoice,
  MAX_NAME_LENGTH,
  ORGANISATION_TYPES,
  type OrganisationType,
  SEND_CHECK_MODES,
  type SendCheckMode,
  type Settings,
  type SettingsIssue,
  siteLabel,
} from '../settings/schema.ts';
import {
  type ManagedSettings,
  onSettingsChanged,
  readSettings,
  type SettingsUpdate,
  saveSettings,
} from '../settings/store.ts';
import { OverrideLogSection } from './OverrideLog.tsx';
import { RememberedAnswersSection } from './RememberedAnswers.tsx';
import { isWelcome, Welcome } from './Welcome.tsx';

/** How long typing in the name field waits before saving. */
const NAME_SAVE_DELAY_MS = 500;

const ORGANISATION_LABEL: Record<OrganisationType, { label: MessageKey; hint: MessageKey }> = {
  business: { label: 'options_org_business', hint: 'options_org_business_hint' },
  charity: { label: 'options_org_charity', hint: 'options_org_charity_hint' },
  'public-authority': { label: 'options_org_public', hint: 'options_org_public_hint' },
  political: { label: 'options_org_political', hint: 'options_org_political_hint' },
  other: { label: 'options_org_other', hint: 'options_org_other_hint' },
  unknown: { label: 'common_not_sure', hint: 'options_org_unknown_hint' },
};

const CHANNEL_LABEL = messageRecord<Settings['defaultChannel']>({
  email: 'common_email',
  sms: 'common_text_message',
});

const SEND_MODE_LABEL: Record<SendCheckMode, { label: MessageKey; hint: MessageKey }> = {
  off: { label: 'options_send_off', hint: 'options_send_off_hint' },
  advise: { label: 'options_send_advise', hint: 'options_send_advise_hint' },
  risk: { label: 'options_send_risk', hint: 'options_send_risk_hint' },
  confirm: { label: 'options_send_confirm', hint: 'options_send_confirm_hint' },
};

const FIELD_DONE = messageRecord<keyof SettingsUpdate>({
  organisationType: 'options_field_organisationType',
  organisationName: 'options_field_organisationName',
  defaultChannel: 'options_field_defaultChannel',
  sendCheckMode: 'options_field_sendCheckMode',
  sites: 'options_field_sites',
  pausedEverywhere: 'options_field_pausedEverywhere',
  language: 'options_field_language',
});

/** Each language named in itself, as language pickers do (and marked with its own `lang`). */
const LANGUAGE_NAME: Record<Exclude<LanguageChoice, 'auto'>, MessageKey> = {
  en: 'language_endonym_en',
  cy: 'language_endonym_cy',
};

/** The status line's text, built when shown: a "Saved" from before a change of language reads in the new one. */
type Status = { kind: 'idle' | 'saving' | 'saved' | 'error'; text: () => string };

const NO_MANAGED: ManagedSettings = { locked: [], defaults: [], sites: {}, problems: [] };

/**
 * Says that the organisation set a setting: locked ("Set by your organisation", the controls are disabled) or
 * only a default the user may change. Referenced by the controls' aria-describedby, so it is read with them.
 */
function ManagedNote({ id, state }: { id: string; state: 'locked' | 'default' | undefined }) {
  if (!state) return null;
  return state === 'locked' ? (
    <p class="managed managed-locked" id={id} data-managed="locked">
      <span class="managed-tag">{t('options_managed_locked_tag')}</span> {t('options_managed_locked')}
    </p>
  ) : (
    <p class="managed managed-default" id={id} data-managed="default">
      <span class="managed-tag">{t('options_managed_default_tag')}</span> {t('options_managed_default')}
    </p>
  );
}

/** The ids an input's aria-describedby lists, skipping the empty ones. */
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function Problems({ issues, id }: { issues: SettingsIssue[]; id?: string }) {
  if (!issues.length) return null;
  return (
    <ul class="problems" id={id}>
      {issues.map((issue, i) => (
        <li key={`${i}:${issue.message}`}>
          <span class="problem-tag" aria-hidden="true">
            ⚠
          </span>{' '}
          <strong>{t('options_problem')}</strong> {issue.message}
        </li>
      ))}
    </ul>
  );
}

function Choice<T extends string>(props: {
  name: string;
  value: T;
  checked: boolean;
  label: string;
  /** The label's language when it differs from the page's (a language's own name). */
  lang?: string;
  hint?: string;
  /** Locked by the organisation: shown, but not changeable. */
  disabled?: boolean;
  /** The id of a note about the whole group (for example "Set by your organisation"). */
  describedBy?: string;
  onSelect: (value: T) => void;
}) {
  const id = `${props.name}-${props.value}`;
  return (
    <div class="choice">
      <input
        type="radio"
        id={id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={describedBy(props.hint && `${id}-hint`, props.describedBy)}
        onChange={() => props.onSelect(props.value)}
      />
      <div>
        <label for={id} lang={props.lang}>
          {props.label}
        </label>
        {props.hint && (
          <p class="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
      </div>
    </div>
  );
}

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`} tabIndex={-1}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

export function Options() {
  useLocale();
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [loaded, setLoaded] = useState(false);
  const [issues, setIssues] = useState<SettingsIssue[]>([]);
  const [storageError, setStorageError] = useState<string | undefined>();
  const [managed, setManaged] = useState<ManagedSettings>(NO_MANAGED);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: () => '' });
  const [nameDraft, setNameDraft] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  /** After a Remove, where keyboard focus goes once the list has re-rendered (a frame is not enough). */
  const focusAfterRemove = useRef<number | null>(null);
  const nameTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  /** Per field, the number of the latest save that touched it: an older save's result must not undo a newer choice. */
  const latest = useRef(new Map<string, number>());
  const saveCount = useRef(0);

  useEffect(() => {
    let live = true;
    readSettings().then((read) => {
      if (!live) return;
      setSettings(read.settings);
      setNameDraft(read.settings.organisationName);
      setIssues(read.issues);
      setStorageError(read.storageError);
      setManaged(read.managed);
      setLoaded(true);
    });
    // Changes from elsewhere (the popup, another device) show up here, unless one of our saves is under way.
    const unsubscribe = onSettingsChanged((read) => {
      if (!live) return;
      // A policy change applies even while a save is under way.
      setManaged(read.managed);
      if (pending.current > 0) return;
      setSettings(read.settings);
      if (document.activeElement !== nameInput.current) setNameDraft(read.settings.organisationName);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const save = useCallback((update: SettingsUpdate) => {
    const fields = Object.keys(update) as (keyof SettingsUpdate)[];
    setSettings((s) => ({ ...s, ...update }));
    // Empty first, so that a second "Saved" in a row is announced again.
    setStatus({ kind: 'saving', text: () => '' });
    pending.current++;
    const seq = ++saveCount.current;
    for (const f of fields) latest.current.set(f, seq);
    const run = queue.current.then(async () => {
      const result = await saveSettings(update);
      pending.current--;
      const current = fields.filter((f) => latest.current.get(f) === seq);
      setSettings((s) => {
        const next = { ...s };
        for (const f of current) (next as Record<string, unknown>)[f] = result.settings[f];
        return next;
      });
      setIssues((prev) => [
        ...prev.filter((i) => !current.includes(i.field as never)),
        ...result.issues.filter((i) => current.includes(i.field as never)),
      ]);
      if (current.includes('organisationName') && document.activeElement !== nameInput.current)
        setNameDraft(result.settings.organisationName);
      if (result.ok && pending.current > 0) {
        // A newer save is queued: its own status follows.
      } else if (result.ok) {
        setStorageError(undefined);
        setStatus({
          kind: 'saved',
          text: () => t('options_saved', fields.map((f) => FIELD_DONE[f]).join(', ')),
        });
      } else if (result.refused?.length && !result.storageError) {
        const refused = result.refused;
        setStatus({
          kind: 'error',
          text: () =>
            t(
              refused.length > 1 ? 'options_locked_many' : 'options_locked_one',
              refused.map((f) => FIELD_DONE[f]).join(', '),
            ),
        });
      } else {
        const error = result.storageError;
        setStatus({
          kind: 'error',
          text: () => t('options_not_saved', error ?? t('options_storage_unavailable')),
        });
      }
    });
    queue.current = run.catch(() => {});
  }, []);

  const saveName = useCallback(
    (value: string) => {
      clearTimeout(nameTimer.current);
      nameTimer.current = undefined;
      if (value.trim() !== settings.organisationName) save({ organisationName: value });
    },
    [save, settings.organisationName],
  );

  const onNameInput = (value: string) => {
    setNameDraft(value);
    clearTimeout(nameTimer.current);
    nameTimer.current = setTimeout(() => saveName(value), NAME_SAVE_DELAY_MS);
  };

  const fieldIssues = (field: SettingsIssue['field']) => issues.filter((i) => i.field === field);
  const pageIssues = issues.filter((i) => i.field === 'settings' || i.field === 'version');
  const sites = Object.entries(settings.sites).sort(([a], [b]) =>
    siteLabel(a).localeCompare(siteLabel(b), 'en-GB'),
  );

  const removeSite = (origin: string, index: number) => {
    const next = { ...settings.sites };
    delete next[origin];
    focusAfterRemove.current = index;
    save({ sites: next });
  };

  // Keep keyboard focus in the list after a removal: the next site's Remove button, else the section heading.
  useEffect(() => {
    const index = focusAfterRemove.current;
    if (index === null) return;
    focusAfterRemove.current = null;
    const buttons = document.querySelectorAll<HTMLButtonElement>('.site-remove');
    const target = buttons[Math.min(index, buttons.length - 1)];
    (target ?? document.getElementById('sites-title'))?.focus();
  }, [settings.sites]);

  const managedState = (field: keyof SettingsUpdate) =>
    managed.locked.includes(field) ? 'locked' : managed.defaults.includes(field) ? 'default' : undefined;
  const locked = (field: keyof SettingsUpdate) => managed.locked.includes(field);
  const managedId = (field: keyof SettingsUpdate) => (managedState(field) ? `${field}-managed` : undefined);

  const orgIssues = fieldIssues('organisationType');
  const nameIssues = fieldIssues('organisationName');
  const channelIssues = fieldIssues('defaultChannel');
  const sendIssues = fieldIssues('sendCheckMode');
  const siteIssues = fieldIssues('sites');
  const pauseIssues = fieldIssues('pausedEverywhere');
  const languageIssues = fieldIssues('language');

  return (
    <>
      <header class="bar">
        <div class="bar-inner">
          <h1>{t('options_title')}</h1>
          <p role="status" class={`status status-${status.kind}`} data-status={status.kind}>
            {status.text()}
          </p>
        </div>
      </header>
      <main aria-busy={!loaded}>{loaded ? renderForm() : <p>{t('options_loading')}</p>}</main>
    </>
  );

  function renderForm() {
    return (
      <>
        {isWelcome() && <Welcome />}
        <p class="lede">
          {t('options_lede')} <strong>{t('common_guidance')}</strong>
        </p>

        {storageError && (
          <p class="notice">
            {tx('options_storage_problem', <strong>{t('options_storage_heading')}</strong>, storageError)}
          </p>
        )}
        {(managed.locked.length > 0 || managed.defaults.length > 0 || managed.problems.length > 0) && (
          <div class="notice managed-notice" data-testid="managed-notice">
            <p>
              <strong>{t('options_managed_heading')}</strong>{' '}
              {managed.locked.length > 0
                ? t('options_managed_some_locked')
                : t('options_managed_defaults_only')}
            </p>
            {managed.problems.length > 0 && (
              <>
                <p>{t('options_managed_problems')}</p>
                <Problems issues={managed.problems.map((message) => ({ field: 'settings', message }))} />
              </>
            )}
          </div>
        )}
        {pageIssues.length > 0 && (
          <div class="notice">
            <p>{t('options_reset_problems')}</p>
            <Problems issues={pageIssues} />
          </div>
        )}
        {settings.pausedEverywhere && (
          <p class="notice" data-testid="paused-banner">
            <strong>{t('options_paused_label')}</strong> {t('options_paused_banner')}
          </p>
        )}

        <Section id="organisation" title={t('options_section_organisation')}>
          <fieldset aria-describedby="org-why">
            <legend>{t('options_org_legend')}</legend>
            <p class="why" id="org-why">
              {t('options_org_why')}
            </p>
            <ManagedNote id="organisationType-managed" state={managedState('organisationType')} />
            {ORGANISATION_TYPES.map((type) => (
              <Choice
                key={type}
                name="organisationType"
                value={type}
                checked={settings.organisationType === type}
                label={t(ORGANISATION_LABEL[type].label)}
                hint={t(ORGANISATION_LABEL[type].hint)}
                disabled={locked('organisationType')}
                describedBy={managedId('organisationType')}
                onSelect={(organisationType) => save({ organisationType })}
              />
            ))}
            <Problems issues={orgIssues} />
          </fieldset>

          <div class="field">
            <label for="organisationName">{t('options_name_label')}</label>
            <p class="hint" id="organisationName-hint">
              {t('options_name_hint', MAX_NAME_LENGTH)}
            </p>
            <ManagedNote id="organisationName-managed" state={managedState('organisationName')} />
            <input
              id="organisationName"
              ref={nameInput}
              type="text"
              autocomplete="organization"
              maxLength={MAX_NAME_LENGTH}
              // Read-only rather than disabled when locked: it stays focusable, so the name can be read and copied.
              readOnly={locked('organisationName')}
              value={locked('organisationName') ? settings.organisationName : nameDraft}
              aria-describedby={describedBy(
                'organisationName-hint',
                managedId('organisationName'),
                nameIssues.length > 0 && 'organisationName-problems',
              )}
              aria-invalid={nameIssues.length ? true : undefined}
              onInput={(e) => !locked('organisationName') && onNameInput(e.currentTarget.value)}
              onChange={(e) => !locked('organisationName') && saveName(e.currentTarget.value)}
            />
            <Problems issues={nameIssues} id="organisationName-problems" />
          </div>
        </Section>

        <Section id="channel" title={t('options_section_channel')}>
          <fieldset aria-describedby="channel-why">
            <legend>{t('options_channel_legend')}</legend>
            <p class="why" id="channel-why">
              {t('options_channel_why')}
            </p>
            <ManagedNote id="defaultChannel-managed" state={managedState('defaultChannel')} />
            {(['email', 'sms'] as const).map((channel) => (
              <Choice
                key={channel}
                name="defaultChannel"
                value={channel}
                checked={settings.defaultChannel === channel}
                label={CHANNEL_LABEL[channel]}
                disabled={locked('defaultChannel')}
                describedBy={managedId('defaultChannel')}
                onSelect={(defaultChannel) => save({ defaultChannel })}
              />
            ))}
            <Problems issues={channelIssues} />
          </fieldset>
        </Section>

        <Section id="send" title={t('options_section_send')}>
          <fieldset aria-describedby="send-why">
            <legend>{t('options_send_legend')}</legend>
            <p class="why" id="send-why">
              {t('options_send_why')}
            </p>
            <ManagedNote id="sendCheckMode-managed" state={managedState('sendCheckMode')} />
            {SEND_CHECK_MODES.map((mode) => (
              <Choice
                key={mode}
                name="sendCheckMode"
                value={mode}
                checked={settings.sendCheckMode === mode}
                label={
                  mode === 'risk'
                    ? t('options_send_recommended', t(SEND_MODE_LABEL[mode].label))
                    : t(SEND_MODE_LABEL[mode].label)
                }
                hint={t(SEND_MODE_LABEL[mode].hint)}
                disabled={locked('sendCheckMode')}
                describedBy={managedId('sendCheckMode')}
                onSelect={(sendCheckMode) => save({ sendCheckMode })}
              />
            ))}
            <Problems issues={sendIssues} />
          </fieldset>
        </Section>

        <OverrideLogSection />

        <RememberedAnswersSection />

        <Section id="sites" title={t('options_section_sites')}>
          <p class="why" id="sites-why">
            {locked('sites') ? t('options_sites_why_locked') : t('options_sites_why')}
          </p>
          <ManagedNote id="sites-managed" state={managedState('sites')} />
          {sites.length === 0 ? (
            <p class="empty" data-testid="sites-empty">
              {t('options_sites_empty')}
            </p>
          ) : (
            <ul class="sites" aria-describedby="sites-why">
              {sites.map(([origin, site], index) => {
                const label = siteLabel(origin);
                const id = `site-${index}`;
                // The organisation's sites cannot be removed (its default would come back); locked ones not switched.
                const fromOrganisation = Object.hasOwn(managed.sites, origin);
                return (
                  <li key={origin} class="site" data-managed={fromOrganisation ? 'organisation' : undefined}>
                    <input
                      type="checkbox"
                      role="switch"
                      id={id}
                      checked={site.enabled}
                      aria-checked={site.enabled}
                      disabled={locked('sites')}
                      aria-describedby={managedId('sites')}
                      onChange={(e) =>
                        save({ sites: { ...settings.sites, [origin]: { enabled: e.currentTarget.checked } } })
                      }
                    />
                    <label for={id}>
                      {tx('options_site_check_on', <span class="origin">{label}</span>)}
                      {fromOrganisation && (
                        <span class="managed-tag managed-site">{t('options_site_organisation')}</span>
                      )}
                    </label>
                    <span class="state" aria-hidden="true">
                      {site.enabled ? t('options_on') : t('options_off')}
                    </span>
                    {!locked('sites') && !fromOrganisation && (
                      <button
                        type="button"
                        class="site-remove"
                        aria-label={t('options_remove_site', label)}
                        onClick={() => removeSite(origin, index)}
                      >
                        {t('options_remove')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <Problems issues={siteIssues} />
        </Section>

        <Section id="pause" title={t('options_section_pause')}>
          <div class="choice">
            <input
              type="checkbox"
              role="switch"
              id="pausedEverywhere"
              checked={settings.pausedEverywhere}
              aria-checked={settings.pausedEverywhere}
              disabled={locked('pausedEverywhere')}
              aria-describedby={describedBy('pausedEverywhere-hint', managedId('pausedEverywhere'))}
              onChange={(e) => save({ pausedEverywhere: e.currentTarget.checked })}
            />
            <div>
              <label for="pausedEverywhere">{t('options_pause_label')}</label>
              <ManagedNote id="pausedEverywhere-managed" state={managedState('pausedEverywhere')} />
              <p class="hint" id="pausedEverywhere-hint">
                {settings.pausedEverywhere ? t('options_pause_now_paused') : t('options_pause_now_on')}{' '}
                {t('options_pause_hint')}
              </p>
            </div>
          </div>
          <Problems issues={pauseIssues} />
        </Section>

        <Section id="language" title={t('options_section_language')}>
          <fieldset aria-describedby="language-why">
            <legend>{t('options_language_legend')}</legend>
            <p class="why" id="language-why">
              {t('options_language_why')}
            </p>
            <ManagedNote id="language-managed" state={managedState('language')} />
            {LANGUAGE_CHOICES.map((choice) => (
              <Choice
                key={choice}
                name="language"
                value={choice}
                checked={settings.language === choice}
                label={choice === 'auto' ? t('options_language_auto') : t(LANGUAGE_NAME[choice])}
                lang={
                  choice === 'auto' || HTML_LANG[choice] === HTML_LANG[getLocale()]
                    ? undefined
                    : HTML_LANG[choice]
                }
                hint={
                  choice === 'auto'
                    ? t('options_language_auto_hint', t(LANGUAGE_NAME[localeFor('auto')]))
                    : choice === 'cy'
                      ? t('options_language_review')
                      : undefined
                }
                disabled={locked('language')}
                describedBy={managedId('language')}
                onSelect={(language) => {
                  // Switch at once; the saved setting then keeps every other page in step.
                  void setLocale(localeFor(language));
                  save({ language });
                }}
              />
            ))}
            <Problems issues={languageIssues} />
          </fieldset>
        </Section>

        <Section id="training" title={t('options_section_training')}>
          <p>
            <a id="training-link" href="../training/index.html" target="_blank" rel="noreferrer">
              {t('common_open_training')}
            </a>{' '}
            {t('options_training_text')}
          </p>
        </Section>

        <Section id="privacy" title={t('options_section_privacy')}>
          <p>{t('options_privacy_text')}</p>
        </Section>

        <footer>
          <p class="disclaimer">{t('options_footer')}</p>
        </footer>
      </>
    );
  }
}
