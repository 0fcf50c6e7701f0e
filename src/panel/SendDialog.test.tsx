// @vitest-environment happy-dom
/** The Check at Send dialog and notices: semantics, focus, keys, texts, and the page-level host's life cycle. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { patternMessage } from '../core/index.ts';
import { fakeCheck, fakeEvidence, fakeRule, fakeVerdict } from '../core/rules/test-support.ts';
import type { Verdict } from '../core/verdict.ts';
import { render as words } from '../i18n/render.ts';

// The reason's length limit comes from the override log module, which imports the extension API.
vi.mock('../platform/browser.ts', () => ({ browser: {} }));
const { createSendUi, holdReason, NOTICE_MS, noticeText, SendDialog } = await import('./SendDialog.tsx');
const { trustForTests } = await import('../ui/trusted.ts');

// happy-dom's events are all synthetic; most tests here are about what the dialog does with the user's events.
beforeEach(() => {
  trustForTests.untrusted = true;
});

function verdict(over: Partial<Verdict> = {}): Verdict {
  return fakeVerdict({
    evidence: [fakeEvidence('fundraising/donate-ask', 'Please donate', 'fundraising')],
    rules: [fakeRule('consent-required')],
    checks: [
      fakeCheck('recipients-exposed', 'error', { count: 60 }),
      fakeCheck('opt-out-missing', 'warning'),
      fakeCheck('recipients-look-individual', 'info', { count: 3 }),
    ],
    ...over,
  });
}

let mount: HTMLElement | undefined;
function show(v = verdict()) {
  const onBack = vi.fn();
  const onSend = vi.fn();
  mount = document.createElement('div');
  document.body.append(mount);
  render(<SendDialog verdict={v} onBack={onBack} onSend={onSend} />, mount);
  const dialog = mount.querySelector<HTMLElement>('[role="alertdialog"]')!;
  const button = (action: string) => mount!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  const key = (target: Element, init: KeyboardEventInit) => {
    const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(e);
    return e;
  };
  return { dialog, onBack, onSend, button, key };
}

afterEach(() => {
  if (mount) render(null, mount);
  mount?.remove();
  mount = undefined;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('SendDialog', () => {
  test('an alertdialog, modal, labelled by its title and described by why it was held', () => {
    const { dialog } = show();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'Check before you send',
    );
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe(
      'This message reads as direct marketing (fundraising) and, as written, breaks a rule. Fix the problems below before it goes.',
    );
  });

  test('problems first, each by name with its check; then what was found, the route and what it requires', () => {
    const { dialog } = show();
    const text = dialog.textContent ?? '';
    const problems = Array.from(dialog.querySelectorAll('[data-mrc-problem]'), (li) => li.textContent);
    expect(problems).toEqual([
      `Must fix: Many addresses visible to everyone in To and Cc. ${words(fakeCheck('recipients-exposed', 'error', { count: 60 })).message.text}`,
      `Must fix: No unsubscribe or opt-out line. ${words(fakeCheck('opt-out-missing', 'warning')).message.text}`,
    ]);
    expect(text.indexOf('Problems')).toBeLessThan(text.indexOf('What the check found'));
    expect(text).toContain('Direct marketing — fundraising');
    expect(text).toContain(`Please donate — ${patternMessage('fundraising/donate-ask')}`);
    expect(text).toContain("Needs the recipient's consent (PECR reg 22)");
    expect(text).toContain(
      'Prior consent for marketing emails and texts: Send this only to individuals who clearly agreed',
    );
    expect(text).not.toContain('personal webmail providers');
  });

  test('focus starts on "Go back and edit"; Escape goes back', () => {
    const { dialog, button, onBack, key } = show();
    expect(document.activeElement).toBe(button('back'));
    key(dialog, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  test('Tab and Shift+Tab cycle inside the dialog', () => {
    const { button, key } = show();
    const input = mount!.querySelector('input')!;
    input.focus();
    key(input, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(button('send'));
    key(button('send'), { key: 'Tab' });
    expect(document.activeElement).toBe(input);
    key(input, { key: 'Tab' });
    expect(document.activeElement).toBe(button('back'));
  });

  test('keys typed in it stop at the dialog; a held Enter does not press a button', () => {
    const { button, key } = show();
    const seen = vi.fn();
    document.addEventListener('keydown', seen);
    const repeat = key(button('back'), { key: 'Enter', repeat: true });
    expect(repeat.defaultPrevented).toBe(true);
    key(button('back'), { key: 'a' });
    expect(seen).not.toHaveBeenCalled();
    document.removeEventListener('keydown', seen);
  });

  test('"Send anyway" hands over the typed reason', () => {
    const { button, onSend } = show();
    const input = mount!.querySelector('input')!;
    input.value = 'Approved by the board';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    button('send').click();
    expect(onSend).toHaveBeenCalledWith('Approved by the board');
  });
});

describe('texts', () => {
  test('holdReason: marketing, marketing with problems, problems only', () => {
    expect(holdReason(verdict({ checks: [] }))).toBe(
      'This message reads as direct marketing (fundraising), so UK marketing rules apply to it.',
    );
    const service = verdict({ directMarketing: 'no', primaryPurpose: 'none', route: 'not-direct-marketing' });
    expect(holdReason(service)).toBe('This message has a problem to look at before it goes.');
  });

  test('notices say what happened in words', () => {
    // The Advise note names each problem (issue #13), stop problems first.
    expect(noticeText({ kind: 'advise', verdict: verdict() })).toBe(
      "Sent. Marketing Rules Check: Direct marketing — fundraising. Needs the recipient's consent (PECR reg 22). To look at: Many addresses visible to everyone in To and Cc; No unsubscribe or opt-out line.",
    );
    expect(noticeText({ kind: 'advise', verdict: verdict({ checks: [] }) })).toBe(
      "Sent. Marketing Rules Check: Direct marketing — fundraising. Needs the recipient's consent (PECR reg 22).",
    );
    expect(noticeText({ kind: 'skipped', reason: 'error' })).toMatch(/skipped.*went ahead unchecked/);
    // Never "press Send again" after a resend: only "check your Sent folder".
    expect(noticeText({ kind: 'check-sent' })).toMatch(/Check your Sent folder before you press Send again/);
    expect(noticeText({ kind: 'not-sent' })).toMatch(/was not sent/);
  });
});

describe('createSendUi', () => {
  const host = () => document.querySelector('[data-mrc-host="send-check"]');

  test('the host exists only while something is shown', () => {
    const ui = createSendUi(document);
    expect(host()).toBeNull();
    ui.openDialog({ verdict: verdict(), onBack: () => {}, onSend: () => {} });
    expect(host()?.shadowRoot?.querySelector('[role="alertdialog"]')).not.toBeNull();
    ui.closeDialog();
    expect(host()).toBeNull();
    ui.destroy();
  });

  test('notices replace one of their kind and go away on their own', () => {
    vi.useFakeTimers();
    const ui = createSendUi(document);
    ui.notice({ kind: 'skipped', reason: 'error' });
    ui.notice({ kind: 'skipped', reason: 'slow' });
    ui.notice({ kind: 'check-sent' });
    const notices = () => Array.from(host()?.shadowRoot?.querySelectorAll('[data-mrc-notice]') ?? []);
    expect(notices().map((n) => n.getAttribute('role'))).toEqual(['status', 'alert']);
    vi.advanceTimersByTime(NOTICE_MS.skipped);
    expect(notices().map((n) => n.getAttribute('data-mrc-notice'))).toEqual(['check-sent']);
    vi.advanceTimersByTime(NOTICE_MS['check-sent']);
    expect(host()).toBeNull();
    ui.destroy();
  });
});

describe('only the user counts (issue 11, fault 7)', () => {
  test('synthetic clicks and keys from a page script do nothing: no send, no back, no reason', () => {
    const { dialog, button, onBack, onSend, key } = show();
    trustForTests.untrusted = false;
    const input = mount!.querySelector('input')!;
    input.value = 'forged by the page';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    button('send').click();
    button('send').dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    key(dialog, { key: 'Escape' });
    button('back').click();
    expect(onSend).not.toHaveBeenCalled();
    expect(onBack).not.toHaveBeenCalled();
  });

  test('the reason is what the user typed, not a value a script put in the field afterwards', () => {
    const { button, onSend } = show();
    const input = mount!.querySelector('input')!;
    input.value = 'Approved by the board';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    trustForTests.untrusted = false;
    input.value = 'forged';
    trustForTests.untrusted = true;
    button('send').click();
    expect(onSend).toHaveBeenCalledWith('Approved by the board');
  });

  test('"Send anyway" needs a press that began in the dialog: a pointer click carried over from before does not count', () => {
    const { button, onSend } = show();
    button('send').dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    expect(onSend).not.toHaveBeenCalled();
    button('send').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    button('send').dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    expect(onSend).toHaveBeenCalledTimes(1);
  });
});

describe('the dialog is on screen, in the top layer (issue 11, fault 4)', () => {
  const host = () => document.querySelector<HTMLElement>('[data-mrc-host="send-check"]');

  test('opened modal; the host’s own styles are !important; dialogShown until it is removed or closed', () => {
    const ui = createSendUi(document);
    ui.openDialog({ verdict: verdict(), onBack: () => {}, onSend: () => {} });
    const dialog = host()!.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(host()!.style.getPropertyPriority('display')).toBe('important');
    expect(host()!.style.getPropertyValue('visibility')).toBe('visible');
    // (Being on screen needs layout, which happy-dom has not: the browser tests check it.)
    host()!.remove();
    expect(ui.dialogShown()).toBe(false);
    ui.closeDialog();
    ui.destroy();
  });
});
