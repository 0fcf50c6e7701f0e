/**
 * Conventions every webmail adapter keeps (in the manner of refined-github's features test): one entry in
 * webmails.ts, and from it an adapter file registered under its id, unit tests, a fixture page (or tests against the
 * real webmail), its hosts in the manifest, and its line in PRIVACY.md and README.md. Adding a webmail without one
 * of these fails here, by name. How to add one: docs/adding-a-webmail.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import manifest from '../../manifest.config.ts';
import { ADAPTER_ORDER, ADAPTERS, adaptersFor } from './index.ts';
import { WEBMAIL_IDS, WEBMAILS, type WebmailId } from './webmails.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const e2eTests = readdirSync(path.join(ROOT, 'tests/e2e')).filter((f) => f.endsWith('.e2e.test.ts'));
const e2eText = e2eTests.map((f) => read(`tests/e2e/${f}`)).join('\n');
const manifestMatches = (
  (typeof manifest === 'function' ? null : manifest) as { content_scripts?: { matches?: string[] }[] } | null
)?.content_scripts?.flatMap((c) => c.matches ?? []);

describe.each(WEBMAIL_IDS.map((id) => [id, WEBMAILS[id]] as const))('%s', (id: WebmailId, webmail) => {
  test('its adapter is registered under its id, before the generic one', () => {
    expect(ADAPTERS[id].id).toBe(id);
    expect(ADAPTER_ORDER.indexOf(id)).toBeLessThan(ADAPTER_ORDER.indexOf('generic'));
    expect(existsSync(path.join(ROOT, `src/adapters/${id}.ts`))).toBe(true);
  });

  test('it has unit tests', () => {
    expect(existsSync(path.join(ROOT, `src/adapters/${id}.test.ts`))).toBe(true);
  });

  test('it has a fixture page that a browser test opens, or tests against the real webmail', () => {
    if (webmail.fixture === 'real') {
      expect(existsSync(path.join(ROOT, `tests/${id}`)), `tests/${id}/`).toBe(true);
      expect(e2eTests.some((f) => f.startsWith(id))).toBe(true);
    } else {
      expect(existsSync(path.join(ROOT, 'tests/fixtures', webmail.fixture))).toBe(true);
      expect(e2eText).toContain(webmail.fixture);
    }
  });

  test('its adapter claims its own hosts and its fixture, and nobody else’s', () => {
    for (const hostname of webmail.hosts) {
      expect(adaptersFor({ hostname, pathname: '/' })[0]?.id).toBe(id);
    }
    if (webmail.fixture !== 'real')
      expect(adaptersFor({ hostname: '127.0.0.1', pathname: `/${webmail.fixture}` })[0]?.id).toBe(id);
    for (const other of WEBMAIL_IDS.filter((o) => o !== id))
      for (const hostname of WEBMAILS[other].hosts)
        expect(ADAPTERS[id].matches({ hostname, pathname: '/' }), `${id} on ${hostname}`).toBe(false);
  });

  test('the manifest runs the content script on its hosts', () => {
    expect(manifestMatches).toBeDefined();
    for (const host of webmail.hosts) expect(manifestMatches).toContain(`https://${host}/*`);
  });

  test('PRIVACY.md names it (its hosts, or that a self-hosted one is checked only where the user turns it on)', () => {
    const privacy = read('PRIVACY.md');
    if (webmail.hosts.length === 0) expect(privacy).toContain(webmail.label);
    for (const host of webmail.hosts) expect(privacy).toContain(`https://${host}/*`);
  });

  test('README.md names it', () => {
    expect(read('README.md')).toContain(webmail.label);
  });
});

test('the manifest runs the content script on no webmail host that has no adapter', () => {
  const hosts = new Set(WEBMAIL_IDS.flatMap((id) => WEBMAILS[id].hosts.map((h) => `https://${h}/*`)));
  expect(manifestMatches?.filter((m) => m.startsWith('https://') && !hosts.has(m))).toEqual([]);
});
