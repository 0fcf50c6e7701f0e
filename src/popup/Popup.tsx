/**
 * Toolbar popup. Until the composer integration lands, it offers a paste-and-check form that runs the same
 * core as the CLI, entirely in the popup: nothing is sent anywhere.
 */
import { useEffect, useState } from 'preact/hooks';
import { SENDERS, type Sender } from '../core/context.ts';
import type { Verdict } from '../core/index.ts';
import { browser } from '../platform/browser.ts';
import { loadSettings } from '../settings/store.ts';
import { VerdictView } from '../ui/VerdictView.tsx';

type Core = typeof import('../core/index.ts');

export function Popup() {
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
      <h1>Marketing Rules Check</h1>
      <p>
        <a href="../training/index.html" target="_blank" rel="noreferrer">
          Open training mode
        </a>{' '}
        (scenarios, quiz, presenter) ·{' '}
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </p>
      <label for="subject">Subject</label>
      <input id="subject" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
      <label for="body">Message</label>
      <textarea id="body" value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      <label for="channel">Channel</label>
      <select
        id="channel"
        value={channel}
        onChange={(e) => setChannel(e.currentTarget.value as 'email' | 'sms')}
      >
        <option value="email">Email</option>
        <option value="sms">Text message (SMS)</option>
      </select>
      <label for="sender">You are sending as</label>
      <select
        id="sender"
        value={sender}
        onChange={(e) => setSender(e.currentTarget.value as Sender | 'unknown')}
      >
        <option value="unknown">Not sure</option>
        {SENDERS.map((s) => (
          <option key={s} value={s}>
            {s.replace('-', ' ')}
          </option>
        ))}
      </select>
      <div aria-live="polite">
        {verdict ? (
          <VerdictView verdict={verdict} />
        ) : (
          <p>Paste or type a draft to check it. Nothing leaves your browser.</p>
        )}
      </div>
    </main>
  );
}
