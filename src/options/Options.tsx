/**
 * The options page: who the user sends for, the default channel, what happens at Send, per-site switches,
 * a global pause, a link to training mode and a privacy statement. Every change saves at once and is
 * announced ("Saved") through a status region. Settings live in the browser's own storage; nothing is sent.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  defaultSettings,
  MAX_NAME_LENGTH,
  ORGANISATION_TYPES,
  type OrganisationType,
  SEND_CHECK_MODES,
  type SendCheckMode,
  type Settings,
  type SettingsIssue,
  siteLabel,
} from '../settings/schema.ts';
import { onSettingsChanged, readSettings, type SettingsUpdate, saveSettings } from '../settings/store.ts';

/** Check at Send is built by a later issue; until then the choice is stored but not yet acted on. */
const SEND_CHECK_AVAILABLE = false;

/** How long typing in the name field waits before saving. */
const NAME_SAVE_DELAY_MS = 500;

const ORGANISATION_LABEL: Record<OrganisationType, { label: string; hint: string }> = {
  business: {
    label: 'Business',
    hint: 'A company, sole trader or social enterprise selling goods or services.',
  },
  charity: {
    label: 'Charity',
    hint: 'May use the charitable purposes soft opt-in for people who showed interest or gave support.',
  },
  'public-authority': {
    label: 'Public authority',
    hint: 'A council, NHS body, school or similar. Promotions necessary for your public task are not direct marketing.',
  },
  political: {
    label: 'Political party or campaign',
    hint: 'Campaigning and get-out-the-vote messages count as direct marketing.',
  },
  other: {
    label: 'Other non-profit',
    hint: 'A club, community group, membership body or other organisation.',
  },
  unknown: { label: 'Not sure', hint: 'The check works it out from the message and asks when it matters.' },
};

const CHANNEL_LABEL: Record<Settings['defaultChannel'], string> = {
  email: 'Email',
  sms: 'Text message (SMS)',
};

const SEND_MODE_LABEL: Record<SendCheckMode, { label: string; hint: string }> = {
  off: {
    label: 'Off',
    hint: 'Nothing happens when you press Send. You can still check a draft at any time.',
  },
  advise: {
    label: 'Advise',
    hint: 'If the message looks like direct marketing, show what the check found. Your message still sends.',
  },
  confirm: {
    label: 'Confirm',
    hint: 'If the message looks like direct marketing, ask you to confirm before it sends.',
  },
};

const FIELD_DONE: Record<keyof SettingsUpdate, string> = {
  organisationType: 'organisation type',
  organisationName: 'organisation name',
  defaultChannel: 'default channel',
  sendCheckMode: 'Check at Send',
  sites: 'sites',
  pausedEverywhere: 'pause everywhere',
};

type Status = { kind: 'idle' | 'saving' | 'saved' | 'error'; text: string };

function Problems({ issues, id }: { issues: SettingsIssue[]; id?: string }) {
  if (!issues.length) return null;
  return (
    <ul class="problems" id={id}>
      {issues.map((issue, i) => (
        <li key={`${i}:${issue.message}`}>
          <span class="problem-tag" aria-hidden="true">
            ⚠
          </span>{' '}
          <strong>Problem:</strong> {issue.message}
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
  hint?: string;
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
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={() => props.onSelect(props.value)}
      />
      <div>
        <label for={id}>{props.label}</label>
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
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [loaded, setLoaded] = useState(false);
  const [issues, setIssues] = useState<SettingsIssue[]>([]);
  const [storageError, setStorageError] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
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
      setLoaded(true);
    });
    // Changes from elsewhere (the popup, another device) show up here, unless one of our saves is under way.
    const unsubscribe = onSettingsChanged((read) => {
      if (!live || pending.current > 0) return;
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
    setStatus({ kind: 'saving', text: '' });
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
        setStatus({ kind: 'saved', text: `Saved: ${fields.map((f) => FIELD_DONE[f]).join(', ')}.` });
      } else {
        setStatus({
          kind: 'error',
          text: `Not saved: ${result.storageError ?? 'storage is not available'}.`,
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

  const orgIssues = fieldIssues('organisationType');
  const nameIssues = fieldIssues('organisationName');
  const channelIssues = fieldIssues('defaultChannel');
  const sendIssues = fieldIssues('sendCheckMode');
  const siteIssues = fieldIssues('sites');
  const pauseIssues = fieldIssues('pausedEverywhere');

  return (
    <>
      <header class="bar">
        <div class="bar-inner">
          <h1>Marketing Rules Check settings</h1>
          <p role="status" class={`status status-${status.kind}`} data-status={status.kind}>
            {status.text}
          </p>
        </div>
      </header>
      <main aria-busy={!loaded}>{loaded ? renderForm() : <p>Loading your settings…</p>}</main>
    </>
  );

  function renderForm() {
    return (
      <>
        <p class="lede">
          These choices tailor the check to you. Changes save as you make them.{' '}
          <strong>Guidance, not legal advice.</strong>
        </p>

        {storageError && (
          <p class="notice">
            <strong>Settings can’t be read or saved here</strong> ({storageError}). The defaults are shown and
            used.
          </p>
        )}
        {pageIssues.length > 0 && (
          <div class="notice">
            <p>Some saved settings could not be used and were reset:</p>
            <Problems issues={pageIssues} />
          </div>
        )}
        {settings.pausedEverywhere && (
          <p class="notice" data-testid="paused-banner">
            <strong>Paused:</strong> checks are off on every site until you turn pause off below.
          </p>
        )}

        <Section id="organisation" title="Your organisation">
          <fieldset aria-describedby="org-why">
            <legend>Who do you send messages for?</legend>
            <p class="why" id="org-why">
              This matters because the rules differ: charities may use the charitable purposes soft opt-in,
              and a public authority’s promotions that are necessary for its public task are not direct
              marketing.
            </p>
            {ORGANISATION_TYPES.map((type) => (
              <Choice
                key={type}
                name="organisationType"
                value={type}
                checked={settings.organisationType === type}
                label={ORGANISATION_LABEL[type].label}
                hint={ORGANISATION_LABEL[type].hint}
                onSelect={(organisationType) => save({ organisationType })}
              />
            ))}
            <Problems issues={orgIssues} />
          </fieldset>

          <div class="field">
            <label for="organisationName">Organisation name</label>
            <p class="hint" id="organisationName-hint">
              Used to check that a message says who it is from. Up to {MAX_NAME_LENGTH} characters; leave
              blank to skip.
            </p>
            <input
              id="organisationName"
              ref={nameInput}
              type="text"
              autocomplete="organization"
              maxLength={MAX_NAME_LENGTH}
              value={nameDraft}
              aria-describedby={
                nameIssues.length
                  ? 'organisationName-hint organisationName-problems'
                  : 'organisationName-hint'
              }
              aria-invalid={nameIssues.length ? true : undefined}
              onInput={(e) => onNameInput(e.currentTarget.value)}
              onChange={(e) => saveName(e.currentTarget.value)}
            />
            <Problems issues={nameIssues} id="organisationName-problems" />
          </div>
        </Section>

        <Section id="channel" title="Default channel">
          <fieldset aria-describedby="channel-why">
            <legend>Which channel do you usually send?</legend>
            <p class="why" id="channel-why">
              Used when the check can’t tell whether a draft is an email or a text message.
            </p>
            {(['email', 'sms'] as const).map((channel) => (
              <Choice
                key={channel}
                name="defaultChannel"
                value={channel}
                checked={settings.defaultChannel === channel}
                label={CHANNEL_LABEL[channel]}
                onSelect={(defaultChannel) => save({ defaultChannel })}
              />
            ))}
            <Problems issues={channelIssues} />
          </fieldset>
        </Section>

        <Section id="send" title="Check at Send">
          <fieldset aria-describedby="send-why">
            <legend>What should happen when you press Send?</legend>
            <p class="why" id="send-why">
              {SEND_CHECK_AVAILABLE
                ? 'The check runs on your device when you press Send in a supported webmail.'
                : 'Check at Send arrives with a later update. Your choice is kept and used once it does.'}
            </p>
            {SEND_CHECK_MODES.map((mode) => (
              <Choice
                key={mode}
                name="sendCheckMode"
                value={mode}
                checked={settings.sendCheckMode === mode}
                label={
                  mode === 'advise'
                    ? `${SEND_MODE_LABEL[mode].label} (recommended)`
                    : SEND_MODE_LABEL[mode].label
                }
                hint={SEND_MODE_LABEL[mode].hint}
                onSelect={(sendCheckMode) => save({ sendCheckMode })}
              />
            ))}
            <Problems issues={sendIssues} />
          </fieldset>
        </Section>

        <Section id="sites" title="Sites">
          <p class="why" id="sites-why">
            Supported webmail sites are built in and need nothing here. To use the check on another site, open
            that site and turn the check on from the toolbar button; it then appears in this list.
          </p>
          {sites.length === 0 ? (
            <p class="empty" data-testid="sites-empty">
              No other sites yet.
            </p>
          ) : (
            <ul class="sites" aria-describedby="sites-why">
              {sites.map(([origin, site], index) => {
                const label = siteLabel(origin);
                const id = `site-${index}`;
                return (
                  <li key={origin} class="site">
                    <input
                      type="checkbox"
                      role="switch"
                      id={id}
                      checked={site.enabled}
                      aria-checked={site.enabled}
                      onChange={(e) =>
                        save({ sites: { ...settings.sites, [origin]: { enabled: e.currentTarget.checked } } })
                      }
                    />
                    <label for={id}>
                      Check on <span class="origin">{label}</span>
                    </label>
                    <span class="state" aria-hidden="true">
                      {site.enabled ? 'On' : 'Off'}
                    </span>
                    <button
                      type="button"
                      class="site-remove"
                      aria-label={`Remove ${label}`}
                      onClick={() => removeSite(origin, index)}
                    >
                      Remove
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <Problems issues={siteIssues} />
        </Section>

        <Section id="pause" title="Pause everywhere">
          <div class="choice">
            <input
              type="checkbox"
              role="switch"
              id="pausedEverywhere"
              checked={settings.pausedEverywhere}
              aria-checked={settings.pausedEverywhere}
              aria-describedby="pausedEverywhere-hint"
              onChange={(e) => save({ pausedEverywhere: e.currentTarget.checked })}
            />
            <div>
              <label for="pausedEverywhere">Pause checks on every site</label>
              <p class="hint" id="pausedEverywhere-hint">
                {settings.pausedEverywhere ? 'Paused. ' : 'Checks are on. '}
                While paused, nothing is checked as you write; training mode and the toolbar checker still
                work.
              </p>
            </div>
          </div>
          <Problems issues={pauseIssues} />
        </Section>

        <Section id="training" title="Training mode">
          <p>
            <a id="training-link" href="../training/index.html" target="_blank" rel="noreferrer">
              Open training mode
            </a>{' '}
            (opens in a new tab): worked scenarios, a quiz and a presenter view for teaching the rules.
          </p>
        </Section>

        <Section id="privacy" title="Privacy">
          <p>
            Nothing you write leaves your browser: every check runs on your device and this extension makes no
            network requests. These settings are stored by your browser and, if you have turned on your
            browser’s own sync, copied to your other devices by that sync.
          </p>
        </Section>

        <footer>
          <p class="disclaimer">
            For your own situation, check the ICO’s direct marketing guidance or take legal advice.
          </p>
        </footer>
      </>
    );
  }
}
