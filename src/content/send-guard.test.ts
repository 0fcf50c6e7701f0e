// @vitest-environment happy-dom
/**
 * Check at Send: the pure decision (modes × verdicts × confirmed/changed drafts × stale/slow verdicts), the
 * "material change" rule, and the guard's event flows on a small page whose "webmail" counts the sends it acts on.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ComposerRef, DraftSnapshot } from '../adapters/adapter.ts';
import { isCtrlEnter } from '../adapters/shared.ts';
import type { RiskAssessment } from '../core/risk.ts';
import { fakeCheck, fakeVerdict } from '../core/rules/test-support.ts';
import type { Verdict } from '../core/verdict.ts';
import type { SendCheckMode } from '../settings/schema.ts';
import {
  CARRY_CONFIRMATION_MS,
  changedChars,
  type DecisionInput,
  DIALOG_CHECK_MS,
  type DialogOptions,
  decide,
  estimateCheckMs,
  fingerprintOf,
  type GuardSession,
  type GuardUi,
  holdsAt,
  MAX_PRESS_MS,
  materiallyChanged,
  type NoticeSpec,
  SEND_SIGNAL_WAIT_MS,
  SendGuard,
  type SendVerdict,
  SYNC_CHECK_BUDGET_MS,
  uncachedChars,
  VERDICT_WAIT_MS,
  WAIT_CHECK_BUDGET_MS,
} from './send-guard.ts';

const verdict = (over: Partial<Verdict> = {}): Verdict => fakeVerdict(over);
const DM = verdict();
const SERVICE = verdict({ directMarketing: 'no', primaryPurpose: 'none', route: 'not-direct-marketing' });
const EXPOSED = verdict({
  ...SERVICE,
  checks: [fakeCheck('recipients-exposed', 'error', { count: 60 })],
});
/** Marketing on a confirmed route with every element present: risk ok. */
const COMPLIANT = verdict({ route: 'charity-soft-opt-in' });
/** Marketing with no opt-out: risk stop. */
const NO_OPT_OUT = verdict({
  route: 'consent-held',
  checks: [fakeCheck('opt-out-missing', 'warning')],
});

function snapshot(body: string, subject = 'Winter appeal'): DraftSnapshot {
  return {
    subject,
    body: { text: body, truncated: false, rangeFor: () => null },
    recipients: { to: [], cc: [], bcc: [] },
  };
}
const ready = (v: Verdict, body = 'Please donate today.'): SendVerdict => ({
  state: 'ready',
  verdict: v,
  draft: snapshot(body),
});
const pending: SendVerdict = { state: 'pending', draft: snapshot('x'), check: async () => DM };

describe('decide', () => {
  const base: DecisionInput = {
    mode: 'confirm',
    busy: false,
    verdict: ready(DM),
    confirmed: false,
  };
  const kind = (over: Partial<DecisionInput>) => decide({ ...base, ...over }).kind;

  test('off never holds or notes anything, whatever the verdict or state', () => {
    for (const v of [ready(DM), ready(EXPOSED), pending, { state: 'unavailable', reason: 'x' } as const])
      for (const busy of [false, true]) expect(kind({ mode: 'off', verdict: v, busy })).toBe('pass');
  });

  test('confirm holds at stop and review (open route, unclear text), never at ok', () => {
    expect(kind({ verdict: ready(DM) })).toBe('hold');
    expect(kind({ verdict: ready(verdict({ directMarketing: 'likely' })) })).toBe('hold');
    expect(kind({ verdict: ready(EXPOSED) })).toBe('hold');
    expect(kind({ verdict: ready(SERVICE) })).toBe('pass');
    expect(kind({ verdict: ready(verdict({ directMarketing: 'unclear', route: 'unclear' })) })).toBe('hold');
    expect(kind({ verdict: ready(COMPLIANT) })).toBe('pass');
    expect(kind({ verdict: { state: 'empty' } })).toBe('pass');
  });

  test('risk (the default) holds only at stop; review gets a note; compliant marketing passes', () => {
    expect(kind({ mode: 'risk', verdict: ready(EXPOSED) })).toBe('hold');
    expect(kind({ mode: 'risk', verdict: ready(NO_OPT_OUT) })).toBe('hold');
    expect(decide({ ...base, mode: 'risk', verdict: ready(DM) })).toMatchObject({
      kind: 'advise',
      risk: { risk: 'review', reasons: ['route-open'] },
    });
    expect(kind({ mode: 'risk', verdict: ready(COMPLIANT) })).toBe('pass');
    expect(kind({ mode: 'risk', verdict: ready(SERVICE) })).toBe('pass');
    expect(kind({ mode: 'risk', verdict: ready(EXPOSED), confirmed: true })).toBe('pass');
    expect(kind({ mode: 'risk', verdict: pending })).toBe('wait');
    expect(kind({ mode: 'risk', busy: true })).toBe('swallow');
  });

  test("the session's risk (with its answers) decides over the verdict's own", () => {
    const refused: RiskAssessment = {
      risk: 'stop',
      problems: [{ checkId: 'consent-refused', level: 'stop' }],
      reasons: [],
    };
    expect(kind({ mode: 'risk', verdict: ready(DM), risk: refused })).toBe('hold');
  });

  test('holdsAt: which modes hold at which risk', () => {
    expect(['off', 'advise', 'risk', 'confirm'].map((m) => holdsAt(m as SendCheckMode, 'stop'))).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(holdsAt('risk', 'review')).toBe(false);
    expect(holdsAt('confirm', 'review')).toBe(true);
    expect(holdsAt('confirm', 'ok')).toBe(false);
  });

  test('a confirmed, unchanged draft passes in confirm mode', () => {
    expect(kind({ verdict: ready(DM), confirmed: true })).toBe('pass');
  });

  test('advise never holds: a note for marketing, nothing otherwise, a later note when the verdict is pending', () => {
    expect(decide({ ...base, mode: 'advise' })).toMatchObject({ kind: 'advise', verdict: DM });
    expect(kind({ mode: 'advise', verdict: ready(EXPOSED) })).toBe('advise');
    expect(kind({ mode: 'advise', verdict: ready(SERVICE) })).toBe('pass');
    expect(kind({ mode: 'advise', verdict: pending })).toBe('advise-later');
    expect(kind({ mode: 'advise', busy: true })).toBe('swallow');
  });

  test('stale verdicts: confirm waits for a pending check; unavailable skips in both modes', () => {
    expect(kind({ verdict: pending })).toBe('wait');
    const unavailable = { state: 'unavailable', reason: 'large' } as const;
    expect(decide({ ...base, verdict: unavailable })).toEqual({ kind: 'skip', reason: 'large' });
    expect(kind({ mode: 'advise', verdict: unavailable })).toBe('skip');
  });

  test('a busy composer swallows repeats (there is no unchecked pass of any kind)', () => {
    expect(kind({ busy: true })).toBe('swallow');
    expect(kind({ busy: true, verdict: pending })).toBe('swallow');
  });
});

describe('material change', () => {
  const TEXT =
    'This winter, local families need your help. A gift of £10 buys a warm coat for a child. Please donate today and share this appeal with friends who care.';
  const fp = (body: string, v = DM, subject = 'Winter appeal') => fingerprintOf({ subject, body }, v);

  test('case, punctuation, spacing and line breaks never count', () => {
    const changed = TEXT.toUpperCase().replace(/\./g, '!').replace(/ /g, '\n  ');
    expect(materiallyChanged(fp(TEXT), fp(changed))).toBe(false);
  });

  test('fixing a typo or two is not material', () => {
    const typo = TEXT.replace('families', 'familes');
    expect(materiallyChanged(fp(typo), fp(TEXT))).toBe(false);
    expect(materiallyChanged(fp(typo.replace('warm', 'wram')), fp(TEXT))).toBe(false);
  });

  test('a new sentence, or a different message, is material', () => {
    expect(
      materiallyChanged(fp(TEXT), fp(`${TEXT} Every pound raised goes straight to the winter coat fund.`)),
    ).toBe(true);
    expect(materiallyChanged(fp(TEXT), fp('Your bin collection day changes to Tuesday.'))).toBe(true);
  });

  test('a changed subject counts like body words', () => {
    expect(materiallyChanged(fp(TEXT), fp(TEXT, DM, 'Winter appeal'))).toBe(false);
    expect(materiallyChanged(fp(TEXT), fp(TEXT, DM, 'Urgent: final chance to give before Christmas'))).toBe(
      true,
    );
  });

  test('a change in why it was held (purpose, route, error checks) is material even with the same words', () => {
    expect(materiallyChanged(fp(TEXT), fp(TEXT, verdict({ route: 'charity-soft-opt-in' })))).toBe(true);
    expect(materiallyChanged(fp(TEXT), fp(TEXT, verdict({ primaryPurpose: 'campaigning' })))).toBe(true);
    expect(
      materiallyChanged(
        fp(TEXT),
        fp(TEXT, verdict({ checks: [fakeCheck('recipients-exposed', 'error', { count: 60 })] })),
      ),
    ).toBe(true);
    // yes and likely are the same reason to hold; warnings are not hold reasons.
    expect(materiallyChanged(fp(TEXT), fp(TEXT, verdict({ directMarketing: 'likely' })))).toBe(false);
    expect(
      materiallyChanged(fp(TEXT), fp(TEXT, verdict({ checks: [fakeCheck('opt-out-missing', 'warning')] }))),
    ).toBe(false);
  });

  test('in a long draft the allowance grows with its length (5%)', () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const tenChanged = long.replace(/word1(\d)\b/g, 'other$1');
    expect(materiallyChanged(fp(long), fp(tenChanged))).toBe(false);
    const manyChanged = long.replace(/word(\d)\d\b/g, 'other$1');
    expect(materiallyChanged(fp(long), fp(manyChanged))).toBe(true);
  });
});

describe('cost model', () => {
  test('changedChars counts what lies between the common prefix and suffix', () => {
    expect(changedChars('abcdef', 'abcdef')).toBe(0);
    expect(changedChars('abcdef', 'abXdef')).toBe(1);
    expect(changedChars('abc', 'abcdef')).toBe(3);
    expect(changedChars('aaaa', 'aa')).toBe(2);
    expect(changedChars('', 'hello')).toBe(5);
  });

  test('uncachedChars: an early edit in a draft cut at its limit costs one line, not the shifted tail', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `Paragraph ${i} of a long appeal, please donate.`);
    const before = lines.join('\n').slice(0, 20_000);
    const edited = [`${lines[0]} extra`, ...lines.slice(1)].join('\n').slice(0, 20_000);
    expect(changedChars(before, edited)).toBeGreaterThan(19_000);
    expect(uncachedChars(before, edited)).toBeLessThan(120);
    // A single-paragraph draft (no line breaks) still counts only the edited span.
    const flat = 'word '.repeat(4000);
    expect(uncachedChars(flat, `${flat.slice(0, 100)}X${flat.slice(100)}`)).toBe(1);
  });

  test('a one-word edit in a 10,000-word draft is cheap; a first check of it is not', () => {
    const chars = 60_000;
    expect(estimateCheckMs(chars, 8)).toBeLessThanOrEqual(SYNC_CHECK_BUDGET_MS);
    expect(estimateCheckMs(chars, chars)).toBeGreaterThan(WAIT_CHECK_BUDGET_MS);
    // A first check of a typical 1,000-word email fits the wait.
    expect(estimateCheckMs(6000, 6000)).toBeLessThanOrEqual(WAIT_CHECK_BUDGET_MS);
  });
});

// --- the guard on a page -------------------------------------------------------------------------------------

interface Page {
  root: HTMLElement;
  editor: HTMLElement;
  send: HTMLElement;
  native: HTMLButtonElement;
  sends: string[];
  /** When true the "webmail" ignores every event (like one that rejects synthetic events). */
  deaf: boolean;
  /** When true a send removes the composer, as webmails do. */
  closesOnSend: boolean;
  /** More elements the adapter reports as send controls. */
  extra: Element[];
}

function buildPage(): Page {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  root.setAttribute('role', 'dialog');
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  editor.tabIndex = 0;
  editor.textContent = 'Please donate today.';
  const send = document.createElement('div');
  send.setAttribute('role', 'button');
  send.tabIndex = 0;
  send.textContent = 'Send';
  const native = document.createElement('button');
  native.textContent = 'Send';
  root.append(editor, send, native);
  document.body.append(root);
  const page: Page = { root, editor, send, native, sends: [], deaf: false, closesOnSend: false, extra: [] };
  const record = (how: string) => {
    if (page.deaf) return;
    page.sends.push(how);
    if (page.closesOnSend) root.remove();
  };
  // The "webmail": bubble-phase handlers on its own elements and document, as real webmails use.
  send.addEventListener('click', () => record('click'));
  native.addEventListener('click', () => record('native'));
  send.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') record('control-key');
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && root.contains(e.target as Node)) record('shortcut');
  });
  return page;
}

class FakeUi implements GuardUi {
  dialog: DialogOptions | null = null;
  dialogs = 0;
  notices: NoticeSpec[] = [];
  failOpen = false;
  /** The page hid, removed or covered the dialog. */
  hidden = false;
  dialogShown() {
    return !!this.dialog && !this.hidden;
  }
  openDialog(o: DialogOptions) {
    if (this.failOpen) throw new Error('render failed');
    this.dialog = o;
    this.dialogs++;
  }
  closeDialog() {
    this.dialog = null;
  }
  notice(spec: NoticeSpec) {
    this.notices.push(spec);
  }
  destroy() {}
}

/** The adapter's view of a composer on `pg`: its editor (by default the page's own), Send and native Send. */
function refOn(
  pg: Page,
  editor: HTMLElement = pg.editor,
  kind: ComposerRef['kind'] = 'contenteditable',
): ComposerRef {
  return {
    adapterId: 'generic',
    editor,
    root: pg.root,
    kind,
    readDraft: () => snapshot(editor.textContent ?? ''),
    observeTargets: () => ({ body: editor, fields: [] }),
    isConnected: () => pg.root.isConnected,
    sendControls: () => [pg.send, pg.native, ...pg.extra],
    isSendShortcut: isCtrlEnter,
  } as ComposerRef;
}

function setup(opts: { mode?: SendCheckMode; verdict?: () => SendVerdict } = {}) {
  let page = buildPage();
  const ui = new FakeUi();
  let mode: SendCheckMode = opts.mode ?? 'confirm';
  let current: () => SendVerdict = opts.verdict ?? (() => ready(DM, page.editor.textContent ?? ''));
  const skipped: boolean[] = [];
  const sessionFor = (pg: Page): GuardSession => ({
    ref: refOn(pg),
    sendVerdict: () => current(),
    setSendCheckSkipped: (s) => skipped.push(s),
  });
  let session = sessionFor(page);
  const logged: { reason: string; webmail: string }[] = [];
  const faults = new Set<string>();
  const trust = { all: true, userActive: false };
  const guard = new SendGuard({
    sessions: () => [session],
    mode: () => mode,
    ui,
    logOverride: (r) => logged.push({ reason: r.reason, webmail: r.webmail }),
    // The events here are synthetic: a test says which count as the user's.
    trusted: (e) => trust.all || e.isTrusted,
    userActive: () => trust.userActive,
    fault: (p) => {
      if (faults.has(p)) throw new Error(`fault ${p}`);
    },
  });
  /** The webmail redraws its composer: a new one, with the same draft text, replaces the old. */
  const redraw = () => {
    const text = page.editor.textContent;
    page = buildPage();
    page.editor.textContent = text;
    session = sessionFor(page);
    return page;
  };
  guard.watch(window);
  return {
    get page() {
      return page;
    },
    redraw,
    ui,
    guard,
    skipped,
    logged,
    faults,
    trust,
    setMode: (m: SendCheckMode) => {
      mode = m;
    },
    setVerdict: (v: () => SendVerdict) => {
      current = v;
    },
  };
}

/** A click as a keyboard or script makes it (detail 0: no pointer press before it). */
const click = (el: Element) =>
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 }));
/** Only the start of a press (its release never comes). */
const pointerDown = (el: Element) =>
  el.dispatchEvent(
    new PointerEvent('pointerdown', {
      bubbles: true,
      cancelable: true,
      composed: true,
      button: 0,
      isPrimary: true,
    }),
  );
/** A pointer press: pointerdown, mousedown, pointerup, mouseup, click (detail 1); what each returned. */
const press = (el: Element) => {
  const init = { bubbles: true, cancelable: true, composed: true, button: 0, detail: 1 };
  const p = { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  return [
    el.dispatchEvent(new PointerEvent('pointerdown', p)),
    el.dispatchEvent(new MouseEvent('mousedown', init)),
    el.dispatchEvent(new PointerEvent('pointerup', p)),
    el.dispatchEvent(new MouseEvent('mouseup', init)),
    el.dispatchEvent(new MouseEvent('click', init)),
  ];
};
const key = (el: Element, init: KeyboardEventInit) =>
  el.dispatchEvent(
    new KeyboardEvent('keydown', { bubbles: true, cancelable: true, composed: true, ...init }),
  );
const ctrlEnter = (el: Element) => key(el, { key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true });

let active: SendGuard | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  active?.destroy();
  active = undefined;
  vi.useRealTimers();
});

describe('SendGuard', () => {
  test('a textarea a rich editor took over (hidden, not yet ended) never answers for the editor at Send', () => {
    const page = buildPage();
    // TinyMCE hides the textarea it replaced but keeps it in the form; its session lives until the next sweep.
    const textarea = document.createElement('textarea');
    Object.assign(textarea, { checkVisibility: () => false });
    page.root.prepend(textarea);
    const ui = new FakeUi();
    const hidden: GuardSession = {
      ref: refOn(page, textarea, 'textarea'),
      sendVerdict: () => ready(SERVICE, ''),
      setSendCheckSkipped: () => {},
    };
    const live: GuardSession = {
      ref: refOn(page),
      sendVerdict: () => ready(DM, page.editor.textContent ?? ''),
      setSendCheckSkipped: () => {},
    };
    const guard = new SendGuard({
      sessions: () => [hidden, live],
      mode: () => 'confirm',
      ui,
      logOverride: () => {},
      trusted: () => true,
      userActive: () => false,
    });
    active = guard;
    guard.watch(window);
    click(page.send);
    expect(ui.dialogs).toBe(1);
    expect(ui.dialog?.verdict).toBe(DM);
    ui.dialog!.onBack();
    ctrlEnter(page.editor);
    expect(ui.dialogs).toBe(2);
    expect(page.sends).toEqual([]);
  });

  test('off: the click reaches the webmail untouched, no dialog, no note', () => {
    const t = setup({ mode: 'off' });
    active = t.guard;
    expect(click(t.page.send)).toBe(true);
    vi.runAllTimers();
    expect(t.page.sends).toEqual(['click']);
    expect(t.ui.dialogs).toBe(0);
    expect(t.ui.notices).toEqual([]);
  });

  test('confirm + marketing: the click is held; "Go back" sends nothing and focuses the draft', () => {
    const t = setup();
    active = t.guard;
    expect(click(t.page.send)).toBe(false);
    expect(t.page.sends).toEqual([]);
    expect(t.ui.dialog?.verdict).toBe(DM);
    t.ui.dialog!.onBack();
    vi.runAllTimers();
    expect(t.page.sends).toEqual([]);
    expect(t.ui.dialog).toBeNull();
    expect(document.activeElement).toBe(t.page.editor);
    expect(t.page.editor.textContent).toBe('Please donate today.');
    // Not stuck: the next Send asks again.
    click(t.page.send);
    expect(t.ui.dialogs).toBe(2);
  });

  test('repeated clicks while the dialog is open are swallowed; "Send anyway" sends exactly once and logs', () => {
    const t = setup();
    active = t.guard;
    t.page.closesOnSend = true;
    click(t.page.send);
    click(t.page.send);
    ctrlEnter(t.page.editor);
    expect(t.ui.dialogs).toBe(1);
    expect(t.page.sends).toEqual([]);
    t.ui.dialog!.onSend('Board approved');
    t.ui.dialog?.onSend('again');
    vi.runAllTimers();
    expect(t.page.sends).toEqual(['click']);
    expect(t.logged).toEqual([{ reason: 'Board approved', webmail: 'generic' }]);
    expect(t.ui.notices).toEqual([]);
  });

  test('a confirmed draft is remembered until its text changes materially', () => {
    const t = setup();
    active = t.guard;
    click(t.page.send);
    t.ui.dialog!.onSend('');
    expect(t.page.sends).toEqual(['click']);
    // The composer stayed (no close on send here). Once the replay can no longer be in flight…
    vi.advanceTimersByTime(SEND_SIGNAL_WAIT_MS);
    // …a typo fix keeps the confirmation…
    t.page.editor.textContent = 'Please donate today!';
    expect(click(t.page.send)).toBe(true);
    expect(t.page.sends).toEqual(['click', 'click']);
    // …a different message does not.
    t.page.editor.textContent =
      'Please donate today. Every pound raised buys warm winter coats for local children.';
    expect(click(t.page.send)).toBe(false);
    expect(t.ui.dialogs).toBe(2);
  });

  test('Ctrl+Enter in the draft is held like a click and replayed as the same key combo', () => {
    const t = setup();
    active = t.guard;
    expect(ctrlEnter(t.page.editor)).toBe(false);
    expect(t.page.sends).toEqual([]);
    t.ui.dialog!.onSend('');
    expect(t.page.sends).toEqual(['shortcut']);
  });

  test('the keyup of a held key is swallowed too', () => {
    const t = setup();
    active = t.guard;
    ctrlEnter(t.page.editor);
    const seen: string[] = [];
    document.addEventListener('keyup', (e) => seen.push(e.key));
    t.page.editor.dispatchEvent(
      new KeyboardEvent('keyup', { key: 'Enter', bubbles: true, cancelable: true }),
    );
    t.page.editor.dispatchEvent(
      new KeyboardEvent('keyup', { key: 'Control', bubbles: true, cancelable: true }),
    );
    expect(seen).toEqual(['Control']);
  });

  test('an IME composition is never taken for a send', () => {
    const t = setup();
    active = t.guard;
    key(t.page.editor, { key: 'Enter', ctrlKey: true, isComposing: true });
    expect(t.ui.dialogs).toBe(0);
  });

  test('Enter or Space on a focused Send control that is not a native button: held, replayed as a click', () => {
    const t = setup();
    active = t.guard;
    expect(key(t.page.send, { key: ' ', code: 'Space' })).toBe(false);
    expect(t.page.sends).toEqual([]);
    t.ui.dialog!.onSend('');
    expect(t.page.sends).toEqual(['click']);
  });

  test('Enter on a native button is left to the browser (it becomes a click, handled as one)', () => {
    const t = setup();
    active = t.guard;
    expect(key(t.page.native, { key: 'Enter' })).toBe(true);
    expect(t.ui.dialogs).toBe(0);
    expect(click(t.page.native)).toBe(false);
    expect(t.ui.dialogs).toBe(1);
  });

  test('plain typing in the draft is never looked at', () => {
    const t = setup();
    active = t.guard;
    const spy = vi.fn(() => ready(DM));
    t.setVerdict(spy);
    for (const k of ['a', 'Enter', ' ', 'Backspace']) key(t.page.editor, { key: k });
    expect(spy).not.toHaveBeenCalled();
  });

  test('advise: never holds, notes the verdict after the send', () => {
    const t = setup({ mode: 'advise' });
    active = t.guard;
    expect(click(t.page.send)).toBe(true);
    expect(t.page.sends).toEqual(['click']);
    vi.runAllTimers();
    expect(t.ui.notices).toMatchObject([{ kind: 'advise', verdict: DM, risk: { risk: 'review' } }]);
    expect(t.ui.dialogs).toBe(0);
  });

  test('advise with a pending verdict: passes at once, notes the verdict when the check finishes', async () => {
    const t = setup({ mode: 'advise', verdict: () => pending });
    active = t.guard;
    expect(click(t.page.send)).toBe(true);
    expect(t.page.sends).toEqual(['click']);
    await vi.runAllTimersAsync();
    expect(t.ui.notices).toMatchObject([{ kind: 'advise', verdict: DM, risk: { risk: 'review' } }]);
  });

  test('confirm + a service message: passes untouched', () => {
    const t = setup({ verdict: () => ready(SERVICE) });
    active = t.guard;
    expect(click(t.page.send)).toBe(true);
    expect(t.page.sends).toEqual(['click']);
  });

  test('fail open: an exception while deciding lets the send through untouched and says the check was skipped', () => {
    const t = setup();
    active = t.guard;
    t.faults.add('decide');
    expect(click(t.page.send)).toBe(true);
    expect(t.page.sends).toEqual(['click']);
    vi.runAllTimers();
    expect(t.skipped).toEqual([true]);
    expect(t.ui.notices.map((n) => n.kind)).toEqual(['skipped']);
  });

  test('fail open: a session that throws is the same', () => {
    const t = setup({
      verdict: () => {
        throw new Error('adapter broke');
      },
    });
    active = t.guard;
    expect(ctrlEnter(t.page.editor)).toBe(true);
    expect(t.page.sends).toEqual(['shortcut']);
    expect(t.skipped).toEqual([true]);
  });

  test('fail open: a dialog that cannot be shown releases the held send exactly once', () => {
    const t = setup();
    active = t.guard;
    t.faults.add('dialog');
    expect(click(t.page.send)).toBe(false);
    expect(t.page.sends).toEqual(['click']);
    expect(t.skipped).toEqual([true]);
    t.faults.clear();
    t.ui.failOpen = true;
    t.page.closesOnSend = true;
    click(t.page.send);
    vi.runAllTimers();
    expect(t.page.sends).toEqual(['click', 'click']);
  });

  test('a draft too large to check in time passes untouched, marked skipped', () => {
    const t = setup({ verdict: () => ({ state: 'unavailable', reason: 'large' }) });
    active = t.guard;
    expect(click(t.page.send)).toBe(true);
    expect(t.skipped).toEqual([true]);
  });

  test('a stale verdict ready within the wait: marketing asks, a service message is replayed', async () => {
    const t = setup({ verdict: () => ({ state: 'pending', draft: snapshot('x'), check: async () => DM }) });
    active = t.guard;
    expect(click(t.page.send)).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.ui.dialogs).toBe(1);
    t.ui.dialog!.onBack();
    t.setVerdict(() => ({ state: 'pending', draft: snapshot('x'), check: async () => SERVICE }));
    expect(click(t.page.send)).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.page.sends).toEqual(['click']);
    expect(t.ui.dialogs).toBe(1);
  });

  /** A verdict the test hands over when it chooses (a check still running at Send). */
  const lateVerdict = () => {
    let resolve: (v: Verdict) => void = () => {};
    const promise = new Promise<Verdict>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  };

  test('the composer goes while the send is held for its verdict: nothing is replayed, and it says "not sent"', async () => {
    const { promise: late, resolve } = lateVerdict();
    const t = setup({ verdict: () => ({ state: 'pending', draft: snapshot('x'), check: () => late }) });
    active = t.guard;
    expect(click(t.page.send)).toBe(false);
    // The page closes the composer during the wait; then a service verdict arrives, which would replay the send.
    t.page.root.remove();
    resolve(SERVICE);
    await vi.advanceTimersByTimeAsync(10);
    expect(t.page.sends).toEqual([]);
    expect(t.ui.notices.map((n) => n.kind)).toEqual(['not-sent']);
  });

  test('no verdict within the wait: the send is replayed once, marked skipped; a late verdict changes nothing', async () => {
    const { promise: late, resolve } = lateVerdict();
    const t = setup({ verdict: () => ({ state: 'pending', draft: snapshot('x'), check: () => late }) });
    active = t.guard;
    expect(click(t.page.send)).toBe(false);
    // Repeats during the wait are swallowed.
    expect(click(t.page.send)).toBe(false);
    await vi.advanceTimersByTimeAsync(VERDICT_WAIT_MS - 1);
    expect(t.page.sends).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.page.sends).toEqual(['click']);
    expect(t.skipped).toEqual([true]);
    resolve(DM);
    await vi.advanceTimersByTimeAsync(10);
    expect(t.ui.dialogs).toBe(0);
    expect(t.page.sends).toEqual(['click']);
  });

  test('a replay the webmail ignores: no "press Send again"; after the wait, "check your Sent folder"', async () => {
    const t = setup();
    active = t.guard;
    t.page.deaf = true;
    click(t.page.send);
    t.ui.dialog!.onSend('');
    expect(t.page.sends).toEqual([]);
    // Slow servers: nothing is said for SEND_SIGNAL_WAIT_MS (at least 10 s).
    expect(SEND_SIGNAL_WAIT_MS).toBeGreaterThanOrEqual(10_000);
    await vi.advanceTimersByTimeAsync(SEND_SIGNAL_WAIT_MS - 1);
    expect(t.ui.notices).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.ui.notices.map((n) => n.kind)).toEqual(['check-sent']);
    // The user looked: the next Send of this confirmed draft is checked (remembered), and goes once.
    t.page.deaf = false;
    expect(click(t.page.send)).toBe(true);
    expect(t.page.sends).toEqual(['click']);
  });

  test('a slow webmail that stays open after the replay: a second Send meanwhile is asked again, never let through', async () => {
    const t = setup();
    active = t.guard;
    click(t.page.send);
    t.ui.dialog!.onSend('');
    expect(t.page.sends).toEqual(['click']);
    // Still open 3 s later (the server is answering): Send again is held with the dialog, never let through.
    await vi.advanceTimersByTimeAsync(3000);
    expect(click(t.page.send)).toBe(false);
    expect(t.ui.dialogs).toBe(2);
    t.ui.dialog!.onBack();
    // The composer closes at 5 s: that is the webmail's sign; nothing is said.
    await vi.advanceTimersByTimeAsync(2000);
    t.page.root.remove();
    await vi.advanceTimersByTimeAsync(SEND_SIGNAL_WAIT_MS);
    expect(t.page.sends).toEqual(['click']);
    expect(t.ui.notices).toEqual([]);
  });

  test('a sign of sending (a "Sending…" status, a disabled Send) ends the watch: no note', async () => {
    for (const sign of ['status', 'disabled'] as const) {
      const t = setup();
      active = t.guard;
      click(t.page.send);
      t.ui.dialog!.onSend('');
      if (sign === 'status') {
        const toast = document.createElement('div');
        toast.setAttribute('role', 'status');
        toast.textContent = 'Sending…';
        document.body.append(toast);
      } else {
        t.page.send.setAttribute('aria-disabled', 'true');
        t.page.native.disabled = true;
      }
      await vi.advanceTimersByTimeAsync(SEND_SIGNAL_WAIT_MS + 1);
      expect(t.ui.notices, sign).toEqual([]);
      t.guard.destroy();
    }
  });

  test('never sends twice: no replay when the composer is gone; it says so, logs nothing yet, and the confirmation carries over', () => {
    const t = setup();
    active = t.guard;
    click(t.page.send);
    // The webmail redraws the composer while the dialog is open.
    t.page.root.remove();
    t.ui.dialog!.onSend('Board approved');
    vi.advanceTimersByTime(0);
    expect(t.page.sends).toEqual([]);
    expect(t.logged).toEqual([]);
    expect(t.ui.notices.map((n) => n.kind)).toEqual(['not-sent']);
    // The redrawn composer with the same draft: Send goes without asking again, and the override is logged now.
    const redrawn = t.redraw();
    expect(click(redrawn.send)).toBe(true);
    expect(redrawn.sends).toEqual(['click']);
    expect(t.ui.dialogs).toBe(1);
    expect(t.logged).toEqual([{ reason: 'Board approved', webmail: 'generic' }]);
  });

  test('a carried confirmation is for the same draft only, and lapses', () => {
    const t = setup();
    active = t.guard;
    click(t.page.send);
    t.page.root.remove();
    t.ui.dialog!.onSend('');
    const other = t.redraw();
    other.editor.textContent =
      'Join our campaign to save the library. Sign the petition and write to your councillor.';
    expect(click(other.send)).toBe(false);
    t.ui.dialog!.onBack();
    other.editor.textContent = 'Please donate today.';
    vi.advanceTimersByTime(CARRY_CONFIRMATION_MS + 1);
    expect(click(other.send)).toBe(false);
    expect(t.ui.dialogs).toBe(3);
  });

  test('clicks inside our own UI are never taken for a send', () => {
    const t = setup();
    active = t.guard;
    const ours = document.createElement('div');
    ours.setAttribute('data-mrc-host', '1');
    const button = document.createElement('button');
    button.textContent = 'Send anyway';
    ours.append(button);
    t.page.root.append(ours);
    t.page.extra.push(button);
    expect(click(button)).toBe(true);
    expect(t.ui.dialogs).toBe(0);
  });

  test('destroy removes the listeners', () => {
    const t = setup();
    t.guard.destroy();
    expect(click(t.page.send)).toBe(true);
    expect(t.page.sends).toEqual(['click']);
  });
});

describe('SendGuard: the whole gesture (issue 11, fault 5)', () => {
  /** Makes the fake webmail's Send control act on `type` instead of click. */
  function actOn(t: ReturnType<typeof setup>, type: string) {
    t.page.send.addEventListener(type, () => {
      if (!t.page.deaf) t.page.sends.push(type);
    });
  }

  test.each(['pointerdown', 'mousedown', 'pointerup', 'mouseup'])(
    'a Send control acting on %s: the whole press is held, the dialog comes after it, "Send anyway" sends once',
    (type) => {
      const t = setup();
      active = t.guard;
      actOn(t, type);
      const results = press(t.page.send);
      expect(results).toEqual([false, false, false, false, false]);
      expect(t.page.sends).toEqual([]);
      expect(t.ui.dialogs).toBe(1);
      t.ui.dialog!.onSend('');
      // The replay is a whole press: the control's own event fires once, and the click (the fake's other handler).
      expect(t.page.sends.filter((s) => s === type)).toEqual([type]);
      expect(t.page.sends.filter((s) => s === 'click')).toEqual(['click']);
    },
  );

  test('"Go back" after a held press: nothing at all reached the webmail', () => {
    const t = setup();
    active = t.guard;
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) actOn(t, type);
    press(t.page.send);
    t.ui.dialog!.onBack();
    vi.runAllTimers();
    expect(t.page.sends).toEqual([]);
  });

  test('a press released off the control (no click, no mouse events after a held pointerdown) still ends with the dialog', () => {
    const t = setup();
    active = t.guard;
    const init = { bubbles: true, cancelable: true, composed: true, button: 0, detail: 1 };
    t.page.send.dispatchEvent(new PointerEvent('pointerdown', { ...init, isPrimary: true }));
    // Chromium fires no compatibility mouse events once pointerdown is cancelled: pointerup is the last event.
    document.body.dispatchEvent(new PointerEvent('pointerup', { ...init, isPrimary: true }));
    expect(t.ui.dialogs).toBe(0);
    vi.advanceTimersByTime(100);
    expect(t.ui.dialogs).toBe(1);
    t.ui.dialog!.onBack();
    // Not stuck: the next press is asked about again.
    press(t.page.send);
    expect(t.ui.dialogs).toBe(2);
  });

  test('a held press whose release never comes ends on its own: never stuck', () => {
    const t = setup();
    active = t.guard;
    pointerDown(t.page.send);
    vi.advanceTimersByTime(MAX_PRESS_MS);
    expect(t.ui.dialogs).toBe(1);
  });

  test('a press that went through, left unfinished, does not let a later keyboard click through unchecked', () => {
    const t = setup({ verdict: () => ready(SERVICE) });
    active = t.guard;
    // A service message: the press passes; it is released elsewhere, so no click ends it.
    pointerDown(t.page.native);
    // The draft becomes an appeal; Enter on the native Send button makes a keyboard click (detail 0).
    t.setVerdict(() => ready(DM));
    expect(click(t.page.native)).toBe(false);
    expect(t.ui.dialogs).toBe(1);
  });

  test('the webmail acted before the guard could hold (it shows "Sending…" during the press): no dialog, no replay', async () => {
    const t = setup();
    active = t.guard;
    const init = { bubbles: true, cancelable: true, composed: true, button: 0, detail: 1 };
    t.page.send.dispatchEvent(new PointerEvent('pointerdown', { ...init, isPrimary: true }));
    // A listener of the webmail's that ran before ours sent on the press, and says so.
    t.page.sends.push('early');
    const toast = document.createElement('div');
    toast.setAttribute('role', 'status');
    toast.textContent = 'Sending…';
    document.body.append(toast);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.page.send.dispatchEvent(new MouseEvent('click', init))).toBe(false);
    await vi.runAllTimersAsync();
    expect(t.ui.dialogs).toBe(0);
    expect(t.page.sends).toEqual(['early']);
    expect(t.skipped).toEqual([true]);
  });

  test('a pointer click whose press the guard never saw is not held (it may have been acted on): skipped', () => {
    const t = setup();
    active = t.guard;
    const result = t.page.send.dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0, detail: 1 }),
    );
    expect(result).toBe(true);
    expect(t.ui.dialogs).toBe(0);
    expect(t.page.sends).toEqual(['click']);
    expect(t.skipped).toEqual([true]);
  });

  test('presses while a dialog is open are swallowed whole', () => {
    const t = setup();
    active = t.guard;
    press(t.page.send);
    expect(press(t.page.send)).toEqual([false, false, false, false, false]);
    expect(t.ui.dialogs).toBe(1);
    expect(t.page.sends).toEqual([]);
  });

  test('a service message: every event of the press goes through untouched', () => {
    const t = setup({ verdict: () => ready(SERVICE) });
    active = t.guard;
    actOn(t, 'pointerdown');
    expect(press(t.page.send)).toEqual([true, true, true, true, true]);
    expect(t.page.sends).toEqual(['pointerdown', 'click']);
  });
});

describe('SendGuard: nothing appears under a press (a note drawn mid-press would take its click)', () => {
  const init = { bubbles: true, cancelable: true, composed: true, button: 0, detail: 1 };
  const down = (el: Element) =>
    el.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerId: 1, isPrimary: true }));
  const upAndClick = (el: Element) => {
    el.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerId: 1, isPrimary: true }));
    el.dispatchEvent(new MouseEvent('mouseup', init));
    return el.dispatchEvent(new MouseEvent('click', init));
  };

  test('advise: the note waits until the press has ended in its click, then follows the send', () => {
    const t = setup({ mode: 'advise' });
    active = t.guard;
    down(t.page.send);
    // The writer is still holding the button: nothing may be drawn where the release would land.
    vi.advanceTimersByTime(500);
    expect(t.ui.notices).toEqual([]);
    expect(upAndClick(t.page.send)).toBe(true);
    expect(t.page.sends).toEqual(['click']);
    expect(t.ui.notices).toEqual([]);
    vi.runAllTimers();
    expect(t.ui.notices).toMatchObject([{ kind: 'advise', verdict: DM, risk: { risk: 'review' } }]);
  });

  test('advise with a pending verdict that finishes mid-press: the note still waits for the click', async () => {
    const t = setup({ mode: 'advise', verdict: () => pending });
    active = t.guard;
    down(t.page.send);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.ui.notices).toEqual([]);
    upAndClick(t.page.send);
    await vi.runAllTimersAsync();
    expect(t.page.sends).toEqual(['click']);
    expect(t.ui.notices).toMatchObject([{ kind: 'advise', verdict: DM, risk: { risk: 'review' } }]);
  });

  test('a press released off Send (no click): the note comes once the press has ended', () => {
    const t = setup({ mode: 'advise' });
    active = t.guard;
    down(t.page.send);
    document.body.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerId: 1, isPrimary: true }));
    document.body.dispatchEvent(new MouseEvent('mouseup', init));
    vi.runAllTimers();
    expect(t.ui.notices.map((n) => n.kind)).toEqual(['advise']);
  });

  test('fail open at the press: the "skipped" note waits for the click; the send goes untouched', () => {
    const t = setup();
    active = t.guard;
    t.faults.add('decide');
    down(t.page.send);
    vi.advanceTimersByTime(300);
    expect(t.ui.notices).toEqual([]);
    expect(upAndClick(t.page.send)).toBe(true);
    vi.runAllTimers();
    expect(t.page.sends).toEqual(['click']);
    expect(t.ui.notices.map((n) => n.kind)).toEqual(['skipped']);
  });

  test('a note due while the writer presses Send elsewhere waits for that press to end', () => {
    const t = setup({ mode: 'advise' });
    active = t.guard;
    ctrlEnter(t.page.editor); // advise: a note is due at once
    t.setVerdict(() => ready(SERVICE)); // the press itself has nothing to note
    down(t.page.send);
    vi.advanceTimersByTime(300);
    expect(t.ui.notices).toEqual([]);
    upAndClick(t.page.send);
    vi.runAllTimers();
    expect(t.ui.notices.map((n) => n.kind)).toEqual(['advise']);
  });

  test('a press that never ends releases its notes after MAX_PRESS_MS', () => {
    const t = setup({ mode: 'advise' });
    active = t.guard;
    down(t.page.send);
    vi.advanceTimersByTime(MAX_PRESS_MS + 10);
    expect(t.ui.notices.map((n) => n.kind)).toEqual(['advise']);
  });
});

describe('SendGuard: only the user counts (issue 11, fault 7)', () => {
  test('a page script’s synthetic click or key on its own Send button is not held (and opens no dialog)', () => {
    const t = setup();
    active = t.guard;
    t.trust.all = false;
    expect(click(t.page.send)).toBe(true);
    expect(ctrlEnter(t.page.editor)).toBe(true);
    expect(press(t.page.send)).toEqual([true, true, true, true, true]);
    expect(t.ui.dialogs).toBe(0);
  });

  test('…unless the user is acting right then (a webmail turning a shortcut into a click): checked', () => {
    const t = setup();
    active = t.guard;
    t.trust.all = false;
    t.trust.userActive = true;
    expect(click(t.page.send)).toBe(false);
    expect(t.ui.dialogs).toBe(1);
  });
});

describe('SendGuard: the dialog must be on screen (issue 11, fault 4)', () => {
  test('a dialog the page hides at once: reset, the send goes once, marked skipped; Send is never stuck', () => {
    const t = setup();
    active = t.guard;
    t.ui.hidden = true;
    t.page.closesOnSend = false;
    expect(click(t.page.send)).toBe(false);
    expect(t.page.sends).toEqual(['click']);
    expect(t.skipped).toEqual([true]);
    // The next Send is looked at afresh (no dialog left "open").
    t.ui.hidden = false;
    vi.advanceTimersByTime(SEND_SIGNAL_WAIT_MS);
    expect(click(t.page.send)).toBe(false);
    expect(t.ui.dialogs).toBe(2);
  });

  test('a dialog the page hides or removes later: within DIALOG_CHECK_MS the send goes once; later Sends work', () => {
    const t = setup();
    active = t.guard;
    click(t.page.send);
    expect(t.page.sends).toEqual([]);
    t.ui.hidden = true;
    vi.advanceTimersByTime(DIALOG_CHECK_MS);
    expect(t.page.sends).toEqual(['click']);
    expect(t.ui.dialog).toBeNull();
    // Never twice: the hidden dialog's buttons no longer do anything.
    vi.advanceTimersByTime(DIALOG_CHECK_MS * 4);
    expect(t.page.sends).toEqual(['click']);
  });
});
