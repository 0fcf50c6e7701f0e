/**
 * Toolbar popup: the active tab's composers and their verdicts, the switch for this site and pause everywhere
 * (ThisTab), then a paste-and-check form that runs the same core as the CLI, entirely in the popup: nothing is
 * sent anywhere.
 */
import { useEffect, useState } from 'preact/hooks';
import { SENDERS, type Sender } from '../core/context.ts';
import type { Verdict } from '../core/index.ts';
import { t } from '../i18n/index.ts';
import { useLocale } from '../i18n/preact.tsx';
import { browser } from '../platform/browser.ts';
import { loadSettings } from '../settings/store.ts';
import { SENDER_LABEL } from '../ui/labels.ts';
import { VerdictView } from '../ui/VerdictView.tsx';
import { ThisTab } from './ThisTab.tsx';

type Core = typeof import('../core/index.ts');

export function Popup() {
  useLocale();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [channel, setChannel] = useState<'email' | 'sms'>('email');
  const [sender, setSender] = useState<Sender | 'unknown'>('unknown');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [core, setCore] = useState<Core | null>(null);

  useEffect(() => {
    // compromise is large: load the core only when the popup opens.
    import('../core/index.ts').then(setCore);
    // Start from the organisation's settings (options page); the user can still change them here.
    loadSettings().then((s) => {
      setSender(s.organisationType);
      setChannel(s.defaultChannel);
    });
  }, []);

  useEffect(() => {
    if (!core || !body.trim()) {
      setVerdict(null);
      return;
    }
    const timer = setTimeout(() => {
      try {
        setVerdict(core.check({ subject, body, channel }, { channel, sender }));
      } catch {
        setVerdict(null);
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [core, subject, body, channel, sender]);

  return (
    <main>
      <h1>{t('extName')}</h1>
      <p>
        <a href="../training/index.html" target="_blank" rel="noreferrer">
          {t('common_open_training')}
        </a>{' '}
        {t('popup_training_hint')} ·{' '}
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
          {t('common_settings')}
        </button>
      </p>
      <ThisTab />
      <h2>{t('popup_check_text')}</h2>
      <label for="subject">{t('common_subject')}</label>
      <input id="subject" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
      <label for="body">{t('common_message')}</label>
      <textarea id="body" value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      <label for="channel">{t('popup_channel')}</label>
      <select
        id="channel"
        value={channel}
        onChange={(e) => setChannel(e.currentTarget.value as 'email' | 'sms')}
      >
        <option value="email">{t('common_email')}</option>
        <option value="sms">{t('common_text_message')}</option>
      </select>
      <label for="sender">{t('popup_sender')}</label>
      <select
        id="sender"
        value={sender}
        onChange={(e) => setSender(e.currentTarget.value as Sender | 'unknown')}
      >
        <option value="unknown">{t('common_not_sure')}</option>
        {SENDERS.map((s) => (
          <option key={s} value={s}>
            {SENDER_LABEL[s]}
          </option>
        ))}
      </select>
      <div aria-live="polite">{verdict ? <VerdictView verdict={verdict} /> : <p>{t('popup_empty')}</p>}</div>
    </main>
  );
}
