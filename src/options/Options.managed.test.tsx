// @vitest-environment happy-dom
/**
 * The options page under an organisation policy, rendered against a fake browser storage (the real store and
 * policy code run): locked settings are marked "Set by your organisation" and their controls cannot change them,
 * organisation defaults are marked and stay changeable, and the policy's ignored values are listed.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const state = {
    sync: {} as Record<string, unknown>,
    policy: {} as Record<string, unknown>,
    writes: [] as Record<string, unknown>[],
  };
  const pick = (data: Record<string, unknown>, keys: string[]) =>
    structuredClone(Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])));
  const storage = {
    sync: {
      get: async (keys: string[]) => pick(state.sync, keys),
      set: async (items: Record<string, unknown>) => {
        state.writes.push(structuredClone(items));
        Object.assign(state.sync, structuredClone(items));
      },
    },
    managed: { get: async (keys: string[]) => pick(state.policy, keys) },
    onChanged: { addListener: () => {}, removeListener: () => {} },
  };
  return { state, storage };
});

vi.mock('../platform/browser.ts', () => ({ browser: { storage: fake.storage } }));

const { Options } = await import('./Options.tsx');

let root: HTMLElement;

beforeEach(() => {
  fake.state.sync = {};
  fake.state.policy = {};
  fake.state.writes = [];
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount() {
  render(<Options />, root);
  await vi.waitFor(() => expect(root.querySelector('main[aria-busy="false"]')).not.toBeNull());
}

const radio = (name: string, value: string) =>
  root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
const describedText = (el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => root.querySelector(`#${id}`)?.textContent ?? '')
    .join(' ');

describe('options page with an organisation policy', () => {
  test('without a policy nothing is marked and every control is enabled', async () => {
    await mount();
    expect(root.querySelector('[data-testid="managed-notice"]')).toBeNull();
    expect(root.querySelectorAll('[data-managed]')).toHaveLength(0);
    expect([...root.querySelectorAll('input')].filter((i) => i.disabled || i.readOnly)).toEqual([]);
  });

  test('locked settings show the organisation’s values, are marked, and cannot be changed', async () => {
    fake.state.sync = { organisationType: 'business', sendCheckMode: 'off', pausedEverywhere: true };
    fake.state.policy = {
      organisationType: 'charity',
      organisationName: 'Hope Trust',
      sendCheckMode: 'confirm',
      pausedEverywhere: false,
    };
    await mount();
    expect(root.querySelector('[data-testid="managed-notice"]')?.textContent).toContain(
      'Those marked “Set by your organisation” can’t be changed here.',
    );
    expect(radio('organisationType', 'charity').checked).toBe(true);
    expect(radio('sendCheckMode', 'confirm').checked).toBe(true);
    for (const value of ['business', 'charity', 'unknown'])
      expect(radio('organisationType', value).disabled).toBe(true);
    expect(describedText(radio('organisationType', 'business'))).toContain('Set by your organisation');

    const name = root.querySelector<HTMLInputElement>('#organisationName')!;
    expect(name.value).toBe('Hope Trust');
    expect(name.readOnly).toBe(true);
    expect(describedText(name)).toContain('Set by your organisation');

    const pause = root.querySelector<HTMLInputElement>('#pausedEverywhere')!;
    expect(pause.checked).toBe(false);
    expect(pause.disabled).toBe(true);
    expect(root.querySelector('[data-testid="paused-banner"]')).toBeNull();

    // Unlocked settings stay changeable and unmarked.
    expect(radio('defaultChannel', 'sms').disabled).toBe(false);
    expect(root.querySelector('#defaultChannel-managed')).toBeNull();
  });

  test('organisation defaults are marked as suggestions and can be changed', async () => {
    fake.state.policy = { sendCheckMode: 'confirm', locked: [] };
    await mount();
    expect(root.querySelector('[data-testid="managed-notice"]')?.textContent).toContain(
      'defaults that you can change',
    );
    expect(root.querySelector('#sendCheckMode-managed')?.textContent).toContain(
      'Suggested by your organisation',
    );
    const advise = radio('sendCheckMode', 'advise');
    expect(radio('sendCheckMode', 'confirm').checked).toBe(true);
    expect(advise.disabled).toBe(false);
    advise.click();
    await vi.waitFor(() => expect(fake.state.writes).toEqual([{ version: 1, sendCheckMode: 'advise' }]));
    await vi.waitFor(() =>
      expect(root.querySelector('header [role="status"]')?.textContent).toBe('Saved: Check at Send.'),
    );
  });

  test('locked sites: switches disabled, no Remove, organisation sites tagged', async () => {
    fake.state.sync = { sites: { 'https://mine.example': { enabled: true } } };
    fake.state.policy = { sites: ['https://webmail.org.example'], disabledSites: ['https://mail.yahoo.com'] };
    await mount();
    const rows = [...root.querySelectorAll('.site')];
    expect(rows.map((r) => r.querySelector('.origin')?.textContent)).toEqual([
      'mail.yahoo.com',
      'webmail.org.example',
    ]);
    for (const row of rows) {
      expect(row.querySelector('input')?.disabled).toBe(true);
      expect(row.querySelector('.site-remove')).toBeNull();
      expect(row.textContent).toContain('your organisation');
    }
    expect(root.querySelector('#sites-managed')?.textContent).toContain('Set by your organisation');
  });

  test('unlocked sites: the user’s own sites keep Remove; organisation sites can be switched but not removed', async () => {
    fake.state.sync = { sites: { 'https://mine.example': { enabled: true } } };
    fake.state.policy = { sites: ['https://webmail.org.example'], locked: [] };
    await mount();
    const row = (origin: string) =>
      [...root.querySelectorAll('.site')].find((r) => r.querySelector('.origin')?.textContent === origin)!;
    expect(row('mine.example').querySelector('.site-remove')).not.toBeNull();
    expect(row('webmail.org.example').querySelector('.site-remove')).toBeNull();
    const toggle = row('webmail.org.example').querySelector('input')!;
    expect(toggle.disabled).toBe(false);
    toggle.click();
    await vi.waitFor(() =>
      expect(fake.state.sync.sites).toEqual({
        'https://mine.example': { enabled: true },
        'https://webmail.org.example': { enabled: false },
      }),
    );
  });

  test('ignored policy values are listed for the administrator to fix', async () => {
    fake.state.policy = { sendCheckMode: 'sometimes', organisationType: 'charity' };
    await mount();
    const notice = root.querySelector('[data-testid="managed-notice"]')?.textContent ?? '';
    expect(notice).toContain('could not be used and are ignored');
    expect(notice).toContain(
      'Organisation policy “sendCheckMode”: “sometimes” should be one of off, advise, risk, confirm',
    );
    expect(radio('sendCheckMode', 'risk').checked).toBe(true);
    expect(radio('sendCheckMode', 'advise').disabled).toBe(false);
  });
});
