/**
 * The Check at Send UI (issue #4): the confirm dialog shown when a send is held, and the non-modal notices
 * (advise mode, "check skipped", "press Send again"). Both live in one page-level host with a shadow root,
 * appended to `document.documentElement` only while something is shown; built with Preact, never HTML strings.
 *
 * The dialog is an `alertdialog` (aria-modal, labelled and described), traps focus, starts on "Go back and edit",
 * and treats Escape as going back. Keys typed in it stop at the dialog so the webmail's own shortcuts never see
 * them. It never touches the draft: going back only asks the guard to focus the editor.
 */
import { h, render } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { OUR_HOST_ATTRIBUTE } from '../adapters/generic.ts';
import type { DialogOptions, GuardUi, NoticeSpec } from '../content/send-guard.ts';
import type { Verdict } from '../core/verdict.ts';
import { startExtensionLocale } from '../i18n/extension.ts';
import { getLocale, HTML_LANG, onLocaleChange, t } from '../i18n/index.ts';
import { Text } from '../i18n/preact.tsx';
import { render as words } from '../i18n/render.ts';
import { MAX_REASON_LENGTH } from '../settings/override-log.ts';
import { headline, PURPOSE_LABEL, ROUTE_LABEL, SEVERITY_LABEL } from '../ui/labels.ts';
import { SEND_DIALOG_CSS } from './send-dialog-styles.ts';

/** How long notices stay (ms); "press Send again" stays for its bypass window instead. */
export const NOTICE_MS = { advise: 15_000, skipped: 8_000 } as const;
const MAX_EVIDENCE = 5;
const MAX_RULES = 3;

function isMarketing(v: Verdict): boolean {
  return v.directMarketing === 'yes' || v.directMarketing === 'likely';
}

/** One sentence: why the send was held. */
export function holdReason(v: Verdict): string {
  const errors = v.checks.filter((c) => c.severity === 'error').length;
  if (isMarketing(v)) {
    const purpose = v.primaryPurpose === 'none' ? '' : ` (${PURPOSE_LABEL[v.primaryPurpose]})`;
    if (!errors) return t('send_hold_marketing', purpose);
    return errors === 1
      ? t('send_hold_marketing_one', purpose)
      : t('send_hold_marketing_many', purpose, errors);
  }
  return errors === 1 ? t('send_hold_problem_one') : t('send_hold_problem_many', errors);
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export interface SendDialogProps {
  verdict: Verdict;
  onBack(): void;
  onSend(reason: string): void;
}

export function SendDialog({ verdict, onBack, onSend }: SendDialogProps) {
  /** Read at the moment of "Send anyway" (uncontrolled: no re-render per keystroke). */
  const reason = useRef<HTMLInputElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const failed = verdict.checks.filter((c) => c.severity === 'error' || c.severity === 'warning');
  const evidence = verdict.evidence.filter((e) => e.purpose !== 'none').slice(0, MAX_EVIDENCE);
  const rules = verdict.rules.slice(0, MAX_RULES);

  // Before paint, so a key still held from the Send shortcut lands here, not in the page.
  useLayoutEffect(() => {
    back.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
    } else if ((e.key === 'Enter' || e.key === ' ') && e.repeat) {
      // A Send shortcut still held down must not click a button here.
      e.preventDefault();
    } else if (e.key === 'Tab') {
      const items = Array.from(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
      if (!items.length) return;
      const root = dialog.current?.getRootNode() as ShadowRoot | Document | undefined;
      const active = root?.activeElement ?? null;
      const i = items.indexOf(active as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
      e.preventDefault();
      items[next]?.focus();
    }
    // The webmail's own keyboard shortcuts must not see keys typed in our dialog.
    e.stopPropagation();
  };
  const stop = (e: Event) => e.stopPropagation();

  // The layer blocks the page behind (modal): pointer events on it stop here, and a press beside the dialog keeps
  // focus in the dialog instead of moving it to nothing. Not interactive itself, so no JSX handlers.
  useEffect(() => {
    const el = layer.current;
    if (!el) return;
    const press = (e: Event) => {
      if (e.target === el) e.preventDefault();
      e.stopPropagation();
    };
    for (const type of ['pointerdown', 'mousedown']) el.addEventListener(type, press);
    for (const type of ['click', 'pointerup', 'mouseup', 'dblclick']) el.addEventListener(type, stop);
    return () => {
      for (const type of ['pointerdown', 'mousedown']) el.removeEventListener(type, press);
      for (const type of ['click', 'pointerup', 'mouseup', 'dblclick']) el.removeEventListener(type, stop);
    };
  }, []);

  return (
    <div ref={layer} class="layer">
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="mrc-send-title"
        aria-describedby="mrc-send-lead"
        tabIndex={-1}
        data-mrc-send-dialog=""
        onKeyDown={onKeyDown}
        onKeyUp={stop}
        onKeyPress={stop}
      >
        <div class="head">
          <p class="brand">{t('panel_heading')}</p>
          <h2 id="mrc-send-title">{t('send_title')}</h2>
          <p class="lead" id="mrc-send-lead">
            {holdReason(verdict)}
          </p>
        </div>
        <div class="content">
          <h3>{t('send_found')}</h3>
          <p class="found">{headline(verdict.directMarketing, verdict.primaryPurpose)}</p>
          <p>
            <Text value={words(verdict.decision).message} />
          </p>
          {evidence.length > 0 && (
            <ul class="evidence">
              {evidence.map((e) => (
                <li key={`${e.field}-${e.start}-${e.end}`}>
                  <q>{e.text}</q>
                  {e.field === 'subject' ? ` ${t('panel_subject_tag')}` : ''} —{' '}
                  <Text value={words(e).message} />
                </li>
              ))}
            </ul>
          )}
          <h3>{t('send_route')}</h3>
          <p class="route">{ROUTE_LABEL[verdict.route]}</p>
          {rules.length > 0 && (
            <ul class="rules">
              {rules.map((r) => (
                <li key={r.ruleId}>
                  <strong>
                    <Text value={words(r).message} />:
                  </strong>{' '}
                  <Text value={words(r).note ?? words(r).message} />
                </li>
              ))}
            </ul>
          )}
          {failed.length > 0 && (
            <>
              <h3>{t('send_failed')}</h3>
              <ul class="checks">
                {failed.map((c) => (
                  <li key={c.id} class={`check-${c.severity}`}>
                    <span class="sev">{SEVERITY_LABEL[c.severity]}:</span> <Text value={words(c).message} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <div class="reason">
            <label for="mrc-send-reason">{t('send_reason_label')}</label>
            <input
              id="mrc-send-reason"
              type="text"
              autocomplete="off"
              maxLength={MAX_REASON_LENGTH}
              ref={reason}
              aria-describedby="mrc-send-reason-hint"
            />
            <p class="hint" id="mrc-send-reason-hint">
              {t('send_reason_hint')}
            </p>
          </div>
          <p class="disclaimer">{t('common_guidance')}</p>
        </div>
        <div class="actions">
          <button ref={back} type="button" class="primary" data-action="back" onClick={() => onBack()}>
            {t('send_back')}
          </button>
          <button type="button" data-action="send" onClick={() => onSend(reason.current?.value ?? '')}>
            {t('send_anyway')}
          </button>
        </div>
      </div>
    </div>
  );
}

interface NoticeItem {
  id: number;
  spec: NoticeSpec;
}

export function noticeText(spec: NoticeSpec): string {
  switch (spec.kind) {
    case 'advise': {
      const v = spec.verdict;
      const problems = v.checks.filter((c) => c.severity === 'error').length;
      const level = headline(v.directMarketing, v.primaryPurpose);
      if (!problems) return t('send_notice_advise', level, ROUTE_LABEL[v.route]);
      return problems === 1
        ? t('send_notice_advise_one', level, ROUTE_LABEL[v.route])
        : t('send_notice_advise_many', level, ROUTE_LABEL[v.route], problems);
    }
    case 'skipped':
      return t('send_notice_skipped');
    case 'press-again':
      return t('send_notice_press_again', spec.seconds);
  }
}

function Notices({ items, onClose }: { items: NoticeItem[]; onClose(id: number): void }) {
  return (
    <div class="notices">
      {items.map(({ id, spec }) => (
        <div
          key={id}
          class={`notice notice-${spec.kind}`}
          role={spec.kind === 'press-again' ? 'alert' : 'status'}
          data-mrc-notice={spec.kind}
        >
          <p>{noticeText(spec)}</p>
          <button type="button" aria-label={t('send_dismiss')} onClick={() => onClose(id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

type StyledWindow = Window & typeof globalThis;

/** The page-level host for the dialog and notices in `doc` (the compose window's document). */
export function createSendUi(doc: Document): GuardUi {
  const win = doc.defaultView as StyledWindow;
  let host: HTMLElement | null = null;
  let dialogMount: HTMLElement | null = null;
  let noticeMount: HTMLElement | null = null;
  let dialog: DialogOptions | null = null;
  let notices: NoticeItem[] = [];
  let nextId = 0;
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let focusGuard: ((e: FocusEvent) => void) | null = null;

  const ensureHost = () => {
    if (host?.isConnected && dialogMount && noticeMount) return;
    host = doc.createElement('div');
    host.setAttribute(OUR_HOST_ATTRIBUTE, 'send-check');
    for (const [k, v] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['inset', '0 auto auto 0'],
      ['width', '0'],
      ['height', '0'],
      ['z-index', '2147483647'],
      ['pointer-events', 'none'],
    ] as const)
      host.style.setProperty(k, v);
    const shadow = host.attachShadow({ mode: 'open' });
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(SEND_DIALOG_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Unstyled is still usable.
    }
    noticeMount = doc.createElement('div');
    dialogMount = doc.createElement('div');
    shadow.append(noticeMount, dialogMount);
    doc.documentElement.append(host);
  };

  /** Our own language on both mounts, whatever the webmail page's, so screen readers read the dialog in it. */
  const setLang = () => {
    for (const mount of [noticeMount, dialogMount]) mount?.setAttribute('lang', HTML_LANG[getLocale()]);
  };

  const removeHostIfIdle = () => {
    if (dialog || notices.length || !host) return;
    try {
      if (dialogMount) render(null, dialogMount);
      if (noticeMount) render(null, noticeMount);
    } catch {
      // Removing the host is enough.
    }
    host.remove();
    host = dialogMount = noticeMount = null;
  };

  const drawNotices = () => {
    if (!noticeMount) return;
    setLang();
    render(h(Notices, { items: notices, onClose: closeNotice }), noticeMount);
    removeHostIfIdle();
  };

  const closeNotice = (id: number) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    notices = notices.filter((n) => n.id !== id);
    drawNotices();
  };

  const stopFocusGuard = () => {
    if (focusGuard) doc.removeEventListener('focusin', focusGuard, true);
    focusGuard = null;
  };

  // The interface language arrives once per content script; a change of it redraws what is shown, in place.
  void startExtensionLocale().catch(() => undefined);
  const offLocale = onLocaleChange(() => {
    try {
      setLang();
      if (dialog && dialogMount) render(h(SendDialog, dialog), dialogMount);
      if (notices.length) drawNotices();
    } catch {
      // The old language stays on screen; nothing else depends on it.
    }
  });

  return {
    openDialog(options) {
      ensureHost();
      dialog = options;
      setLang();
      render(h(SendDialog, options), dialogMount as HTMLElement);
      if (!dialogMount?.querySelector('[data-mrc-send-dialog]'))
        throw new Error('The dialog did not render.');
      // Focus that escapes to the page (a webmail focusing its own field) comes back to the dialog.
      stopFocusGuard();
      focusGuard = (e: FocusEvent) => {
        if (!host || e.composedPath().includes(host)) return;
        dialogMount?.querySelector<HTMLElement>('[data-action="back"]')?.focus();
      };
      doc.addEventListener('focusin', focusGuard, true);
    },
    closeDialog() {
      stopFocusGuard();
      dialog = null;
      if (dialogMount) render(null, dialogMount);
      removeHostIfIdle();
    },
    notice(spec) {
      ensureHost();
      // One notice of a kind at a time: a newer one replaces the older.
      for (const n of notices.filter((n) => n.spec.kind === spec.kind)) {
        clearTimeout(timers.get(n.id));
        timers.delete(n.id);
      }
      notices = notices.filter((n) => n.spec.kind !== spec.kind);
      const id = ++nextId;
      notices.push({ id, spec });
      drawNotices();
      const ms = spec.kind === 'press-again' ? spec.seconds * 1000 : NOTICE_MS[spec.kind];
      timers.set(
        id,
        setTimeout(() => closeNotice(id), ms),
      );
    },
    destroy() {
      stopFocusGuard();
      offLocale();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      dialog = null;
      notices = [];
      removeHostIfIdle();
    },
  };
}
