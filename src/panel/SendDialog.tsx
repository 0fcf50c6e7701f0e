/**
 * The Check at Send UI (issues #4, #11): the confirm dialog shown when a send is held, and the non-modal notices
 * (advise mode, "check skipped", "check your Sent folder", "not sent"). Both live in one page-level host with a
 * shadow root, appended to `document.documentElement` only while something is shown; built with Preact, never HTML
 * strings.
 *
 * The dialog is a native `<dialog>` opened with showModal(), so it sits in the browser's top layer above anything
 * the page stacks, a fullscreen composer included, and the page behind it is inert. The host's own styles are
 * inline with `!important`, which no page style sheet can override. `dialogShown()` tells the guard whether it is
 * really on screen (connected, rendered, visible, on top); when it is not, the guard lets the send go.
 *
 * It is an `alertdialog` (aria-modal, labelled and described), traps focus, starts on "Go back and edit", and
 * treats Escape as going back. Keys typed in it stop at the dialog so the webmail's own shortcuts never see them.
 * Only the user's own events count (src/ui/trusted.ts); "Send anyway" also needs a press that began in the dialog
 * (or the keyboard), so a click that started before the dialog appeared cannot land on it. It never touches the
 * draft: going back only asks the guard to focus the editor. It never shows the organisation's name or settings.
 */
import { h, render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { DialogOptions, GuardUi, NoticeSpec } from '../content/send-guard.ts';
import { assessRisk, type RiskAssessment } from '../core/risk.ts';
import { isMarketingLevel, type Verdict } from '../core/verdict.ts';
import { startExtensionLocale } from '../i18n/extension.ts';
import { getLocale, HTML_LANG, onLocaleChange, t } from '../i18n/index.ts';
import { Text } from '../i18n/preact.tsx';
import { render as words } from '../i18n/render.ts';
import { MAX_REASON_LENGTH } from '../settings/override-log.ts';
import { headline, PURPOSE_LABEL, ROUTE_LABEL, SEVERITY_LABEL } from '../ui/labels.ts';
import { OUR_HOST_ATTRIBUTE, styledShadowRoot } from '../ui/our-ui.ts';
import { problemName } from '../ui/risk-labels.ts';
import { isUserEvent, userOnly } from '../ui/trusted.ts';
import { pinHostStyle } from './host-style.ts';
import { SendProblems } from './SendProblems.tsx';
import { SEND_DIALOG_CSS } from './send-dialog-styles.ts';

/** How long notices stay (ms). */
export const NOTICE_MS = {
  advise: 15_000,
  skipped: 8_000,
  'check-sent': 30_000,
  'not-sent': 20_000,
} as const;
const MAX_EVIDENCE = 5;
const MAX_RULES = 3;

function isMarketing(v: Verdict): boolean {
  return isMarketingLevel(v.directMarketing);
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

/** One sentence: the draft breaks a rule as written (risk stop), and whether it is marketing. */
export function stopReason(v: Verdict): string {
  if (!isMarketing(v)) return t('send_lead_stop');
  return t(
    'send_lead_stop_marketing',
    v.primaryPurpose === 'none' ? '' : ` (${PURPOSE_LABEL[v.primaryPurpose]})`,
  );
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export interface SendDialogProps {
  verdict: Verdict;
  /** The draft's risk (default: the verdict's own): its problems come first. */
  risk?: RiskAssessment;
  onBack(): void;
  onSend(reason: string): void;
}

export function SendDialog({ verdict, risk = assessRisk(verdict), onBack, onSend }: SendDialogProps) {
  /** The reason as the user typed it (input events they caused), never a value a page script put there. */
  const typed = useRef('');
  /** A pointer press began inside the dialog: only then may a pointer click on "Send anyway" count. */
  const pressed = useRef(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  // Problems the risk lists are shown first; any other failed check keeps its place below.
  const failed = verdict.checks.filter(
    (c) =>
      (c.severity === 'error' || c.severity === 'warning') && !risk.problems.some((p) => p.checkId === c.id),
  );
  const evidence = verdict.evidence.filter((e) => e.purpose !== 'none').slice(0, MAX_EVIDENCE);
  const rules = verdict.rules.slice(0, MAX_RULES);

  // Before paint, so a key still held from the Send shortcut lands here, not in the page.
  useLayoutEffect(() => {
    back.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    // The webmail's own keyboard shortcuts must not see keys typed in our dialog, trusted or not.
    e.stopPropagation();
    if (!isUserEvent(e)) {
      e.preventDefault();
      return;
    }
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
  };
  const stop = (e: Event) => e.stopPropagation();

  // Pointer events on the dialog (and its backdrop) stop here; a press beside the box keeps focus in it. Escape's
  // native "cancel" is handled as going back (by the key handler), never as a silent close.
  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const press = (e: Event) => {
      if (e.target === el) e.preventDefault();
      else if (isUserEvent(e)) pressed.current = true;
      e.stopPropagation();
    };
    const cancel = (e: Event) => e.preventDefault();
    for (const type of ['pointerdown', 'mousedown']) el.addEventListener(type, press);
    for (const type of ['click', 'pointerup', 'mouseup', 'dblclick']) el.addEventListener(type, stop);
    el.addEventListener('cancel', cancel);
    return () => {
      for (const type of ['pointerdown', 'mousedown']) el.removeEventListener(type, press);
      for (const type of ['click', 'pointerup', 'mouseup', 'dblclick']) el.removeEventListener(type, stop);
      el.removeEventListener('cancel', cancel);
    };
  }, []);

  const sendAnyway = userOnly((e: MouseEvent) => {
    // A pointer click needs a press that began in the dialog; a keyboard click (detail 0) is the user's too.
    if (e.detail > 0 && !pressed.current) return;
    onSend(typed.current);
  });

  return (
    <dialog
      ref={dialog}
      class="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="mrc-send-title"
      aria-describedby="mrc-send-lead"
      data-mrc-send-dialog=""
      onKeyDown={onKeyDown}
      onKeyUp={stop}
      onKeyPress={stop}
    >
      <div class="head">
        <p class="brand">{t('panel_heading')}</p>
        <h2 id="mrc-send-title">{t('send_title')}</h2>
        <p class="lead" id="mrc-send-lead">
          {risk.risk === 'stop' ? stopReason(verdict) : holdReason(verdict)}
        </p>
      </div>
      <div class="content">
        <SendProblems verdict={verdict} risk={risk} />
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
            aria-describedby="mrc-send-reason-hint"
            onInput={userOnly((e: Event) => {
              typed.current = (e.currentTarget as HTMLInputElement).value;
            })}
          />
          <p class="hint" id="mrc-send-reason-hint">
            {t('send_reason_hint')}
          </p>
        </div>
        <p class="disclaimer">{t('common_guidance')}</p>
      </div>
      <div class="actions">
        <button
          ref={back}
          type="button"
          class="primary"
          data-action="back"
          onClick={userOnly(() => onBack())}
        >
          {t('send_back')}
        </button>
        <button type="button" data-action="send" onClick={sendAnyway}>
          {t('send_anyway')}
        </button>
      </div>
    </dialog>
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
      const level = headline(v.directMarketing, v.primaryPurpose);
      // Each problem by name, so the note says what to look at, not only how many.
      const named = (spec.risk ?? assessRisk(v)).problems.map(problemName);
      if (named.length)
        return t('send_notice_advise_problems', level, ROUTE_LABEL[v.route], named.join('; '));
      const problems = v.checks.filter((c) => c.severity === 'error').length;
      if (!problems) return t('send_notice_advise', level, ROUTE_LABEL[v.route]);
      return problems === 1
        ? t('send_notice_advise_one', level, ROUTE_LABEL[v.route])
        : t('send_notice_advise_many', level, ROUTE_LABEL[v.route], problems);
    }
    case 'skipped':
      return t('send_notice_skipped');
    case 'check-sent':
      return t('send_notice_check_sent');
    case 'not-sent':
      return t('send_notice_not_sent');
  }
}

function Notices({ items, onClose }: { items: NoticeItem[]; onClose(id: number): void }) {
  return (
    <div class="notices">
      {items.map(({ id, spec }) => (
        <div
          key={id}
          class={`notice notice-${spec.kind}`}
          role={spec.kind === 'check-sent' || spec.kind === 'not-sent' ? 'alert' : 'status'}
          data-mrc-notice={spec.kind}
        >
          <p>{noticeText(spec)}</p>
          <button type="button" aria-label={t('send_dismiss')} onClick={userOnly(() => onClose(id))}>
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
    pinHostStyle(host);
    const shadow = styledShadowRoot(host, SEND_DIALOG_CSS);
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

  const dialogEl = () =>
    dialogMount?.querySelector<HTMLDialogElement>('dialog[data-mrc-send-dialog]') ?? null;

  /** Open as a modal, rendered, visible, with a real size, and what the user sees at its centre. */
  const onScreen = (el: HTMLDialogElement): boolean => {
    if (!el.open) return false;
    try {
      if (!el.matches(':modal')) return false;
    } catch {
      // A browser without :modal: the other checks decide.
    }
    const visible = (
      el as HTMLDialogElement & { checkVisibility?: (o: Record<string, boolean>) => boolean }
    ).checkVisibility?.({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
    if (visible === false) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const x = r.left + r.width / 2;
    const y = r.top + Math.min(r.height / 2, 40);
    if (x < 0 || y < 0 || x > win.innerWidth || y > win.innerHeight) return false;
    const top = doc.elementFromPoint?.(x, y);
    // The page sees our shadow content as the host; anything else there covers the dialog.
    return !top || top === host;
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
      const el = dialogEl();
      if (!el) throw new Error('The dialog did not render.');
      // The top layer: above the page's own stacking, fullscreen elements included; the page behind is inert.
      el.showModal();
      el.querySelector<HTMLElement>('[data-action="back"]')?.focus();
      // Focus that escapes to the page (a webmail focusing its own field) comes back to the dialog.
      stopFocusGuard();
      focusGuard = (e: FocusEvent) => {
        if (!host || e.composedPath().includes(host)) return;
        dialogMount?.querySelector<HTMLElement>('[data-action="back"]')?.focus();
      };
      doc.addEventListener('focusin', focusGuard, true);
    },
    dialogShown() {
      const el = dialogEl();
      if (!dialog || !el || !host?.isConnected || !el.isConnected) return false;
      if (!onScreen(el) && el.open) {
        // Covered by something the page put in the top layer since (a fullscreen element): back on top, once.
        el.close();
        el.showModal();
        el.querySelector<HTMLElement>('[data-action="back"]')?.focus();
      }
      return onScreen(el);
    },
    closeDialog() {
      stopFocusGuard();
      dialog = null;
      try {
        const el = dialogEl();
        if (el?.open) el.close();
      } catch {
        // Unmounting removes it anyway.
      }
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
      const ms = NOTICE_MS[spec.kind];
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
