/**
 * The store packages (`npm run package`), built for real into a temporary folder and opened again:
 * - each zip holds the built extension and nothing else, with a manifest fit for its store;
 * - no remote code: no network APIs, no script or style from elsewhere, and every address in the package is a
 *   known kind (a cited source shown as a link, a webmail host, an XML namespace);
 * - PRIVACY.md lists exactly the permissions and sites the manifests declare, so the statement cannot drift;
 * - Mozilla's add-on linter (web-ext lint) finds no errors in the Firefox package, and only justified warnings.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isJustified, JUSTIFIED_WARNINGS, lintFirefox } from '../../scripts/firefox-lint.mjs';
import { checkBuild, NAME, packageTarget, TARGETS } from '../../scripts/package.mjs';
import { readZip } from '../../scripts/zip.mjs';
import { OPTIONAL_SITE_MATCHES, WEBMAIL_MATCHES } from '../../src/sites/hosts.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

type Target = 'chrome' | 'firefox';
interface Package {
  file: string;
  entries: Map<string, Buffer>;
  manifest: Manifest;
}
/** The parts of the built manifest.json the tests read. */
interface Manifest {
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  background: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: {
    gecko: { id: string; strict_min_version: string; data_collection_permissions: unknown };
  };
  content_security_policy?: unknown;
  [key: string]: unknown;
}

let outDir = '';
const packages = {} as Record<Target, Package>;

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'mrc-package-'));
  for (const target of TARGETS as Target[]) {
    const { file } = packageTarget(target, { outDir, version: VERSION });
    const entries = new Map<string, Buffer>(readZip(readFileSync(file)).map((e) => [e.path, e.data]));
    packages[target] = {
      file,
      entries,
      manifest: JSON.parse(entries.get('manifest.json')!.toString('utf8')),
    };
  }
}, 180_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const text = (p: Package, file: string) => p.entries.get(file)!.toString('utf8');
const textFiles = (p: Package) => [...p.entries.keys()].filter((f) => /\.(js|mjs|css|html|json)$/.test(f));

describe('store packages', () => {
  test('one versioned zip per store, and nothing else in the output folder', () => {
    expect(readdirSync(outDir).sort()).toEqual([
      `${NAME}-${VERSION}-chrome.zip`,
      `${NAME}-${VERSION}-firefox.zip`,
    ]);
  });

  test.each(TARGETS as Target[])(
    '%s: the built extension only, manifest at the root, no source maps or sources',
    (t) => {
      const files = [...packages[t].entries.keys()];
      expect(files).toContain('manifest.json');
      expect(files).toEqual([...files].sort());
      for (const f of files) {
        expect(f, f).toMatch(
          /^(manifest\.json|managed_schema\.json|service-worker-loader\.js|assets\/[\w.-]+\.(js|css|png|svg|woff2)|src\/[\w/-]+\/index\.html|icons\/[\w.-]+\.png|_locales\/[A-Za-z_]+\/messages\.json)$/,
        );
      }
      for (const f of textFiles(packages[t]))
        expect(text(packages[t], f), f).not.toMatch(/sourceMappingURL=/);
    },
  );

  test.each(TARGETS as Target[])('%s: the manifest passes the packaging checks', (t) => {
    const p = packages[t];
    expect(checkBuild(t, p.manifest, [...p.entries.keys()], VERSION)).toEqual([]);
    expect(p.manifest.version).toBe(VERSION);
    expect(p.manifest.content_scripts?.flatMap((c) => c.matches ?? [])).toEqual(WEBMAIL_MATCHES);
    expect(JSON.parse(text(p, 'managed_schema.json')).type).toBe('object');
  });

  test('Chrome: a module service worker; Firefox: background scripts, a gecko id, no data collection, min 140', () => {
    const c = packages.chrome.manifest;
    expect(c.background).toMatchObject({ service_worker: expect.any(String), type: 'module' });
    expect(c.browser_specific_settings).toBeUndefined();
    const f = packages.firefox.manifest;
    expect(f.background.service_worker).toBeUndefined();
    expect(f.background.scripts).toEqual([expect.any(String)]);
    expect(f.browser_specific_settings?.gecko).toMatchObject({
      id: 'marketing-rules-check@example.org',
      data_collection_permissions: { required: ['none'] },
    });
    expect(
      Number.parseFloat(f.browser_specific_settings?.gecko.strict_min_version ?? '0'),
    ).toBeGreaterThanOrEqual(140);
  });

  test('both packages ask for the same permissions', () => {
    const perms = (m: Package['manifest']) => ({
      permissions: m.permissions,
      optional_permissions: m.optional_permissions,
      host_permissions: m.host_permissions,
      optional_host_permissions: m.optional_host_permissions,
    });
    expect(perms(packages.firefox.manifest)).toEqual(perms(packages.chrome.manifest));
  });

  test('release packages: icons at every size, no loopback hosts, no development-only code', () => {
    for (const p of Object.values(packages)) {
      const icons = (p.manifest as { icons?: Record<string, string> }).icons ?? {};
      for (const size of ['16', '32', '48', '128']) expect(p.entries.has(icons[size] ?? '')).toBe(true);
      expect(JSON.stringify(p.manifest)).not.toMatch(/127\.0\.0\.|localhost/);
      // The Send-check's fault hook for the fail-open tests is compiled out (vite define __MRC_DEV__).
      for (const f of textFiles(p)) expect(text(p, f)).not.toContain('data-mrc-test-fault');
    }
  });

  test('no script dispatches events on the page: Vite’s preload helper is rewritten (vite.config.ts)', () => {
    // The helper's `vite:preloadError` event would reach the webmail's own window from the content script.
    for (const p of Object.values(packages))
      for (const f of textFiles(p)) expect(text(p, f), f).not.toContain('vite:preloadError');
  });
});

describe('no remote code', () => {
  /** Network APIs the extension must not use (drafts never leave the browser). */
  const NETWORK =
    /\b(fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts\s*\(|RTCPeerConnection)/;
  const EVAL = /\beval\s*\(|\bnew\s+Function\s*\(/;

  /** Addresses the sources may show: the cited guidance and legislation, as links the user may open. */
  function dataHosts(): Set<string> {
    const hosts = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.json'))
          for (const m of readFileSync(p, 'utf8').matchAll(/https?:\/\/([a-z0-9.-]+)/gi))
            hosts.add(m[1]!.toLowerCase());
      }
    };
    walk(path.join(ROOT, 'src/data'));
    return hosts;
  }

  test.each(TARGETS as Target[])('%s: no network API, eval or remote import in any script', (t) => {
    const p = packages[t];
    for (const f of textFiles(p).filter((f) => f.endsWith('.js'))) {
      const js = text(p, f);
      expect(js, f).not.toMatch(NETWORK);
      expect(js, f).not.toMatch(EVAL);
      expect(js, f).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
      expect(js, f).not.toMatch(/\bfrom\s*["'`]https?:/);
    }
  });

  test.each(TARGETS as Target[])('%s: pages load only the package’s own scripts and styles', (t) => {
    const p = packages[t];
    for (const f of textFiles(p).filter((f) => f.endsWith('.html'))) {
      const html = text(p, f);
      const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(refs.length, f).toBeGreaterThan(0);
      for (const ref of refs) {
        // `data:,` is the empty favicon that stops the page asking for one; anything else must be in the package.
        if (ref.startsWith('data:')) continue;
        expect(ref, `${f}: ${ref}`).not.toMatch(/^([a-z]+:|\/\/)/i);
        const resolved = path.posix.normalize(
          ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(f), ref),
        );
        expect(p.entries.has(resolved), `${f} → ${resolved}`).toBe(true);
      }
    }
    expect(p.manifest.content_security_policy).toBeUndefined();
  });

  test.each(TARGETS as Target[])(
    '%s: every address in the package is a cited source, a webmail host or a namespace',
    (t) => {
      const p = packages[t];
      const allowed = new Set([
        ...dataHosts(),
        ...WEBMAIL_MATCHES.map((m) => new URL(m.replace('/*', '/')).hostname),
        'www.w3.org', // XML namespace names (SVG, XHTML, MathML) in Preact's renderer: identifiers, never fetched
        '127.0.0.1', // the loopback hosts the settings accept for self-hosted webmail
        'localhost',
        'host', // "https://host" in a settings message telling the user what a site address looks like
        '*', // match patterns for the optional site permissions
      ]);
      const found = new Set<string>();
      for (const f of textFiles(p))
        for (const m of text(p, f).matchAll(/https?:\/\/([a-z0-9*.-]+)/gi)) found.add(m[1]!.toLowerCase());
      expect([...found].filter((h) => !allowed.has(h))).toEqual([]);
    },
  );
});

describe('PRIVACY.md matches the manifests', () => {
  const privacy = readFileSync(path.join(ROOT, 'PRIVACY.md'), 'utf8');
  /** The code-formatted names at the start of the bullets of one `##` section. */
  function listed(heading: string): string[] {
    const start = privacy.indexOf(`## ${heading}`);
    expect(start, `PRIVACY.md has a "## ${heading}" section`).toBeGreaterThan(-1);
    const end = privacy.indexOf('\n## ', start + 3);
    const section = privacy.slice(start, end === -1 ? undefined : end);
    return [...section.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]!);
  }

  test.each(TARGETS as Target[])('%s: the permissions listed are exactly those declared', (t) => {
    const m = packages[t].manifest;
    const declared = [
      ...(m.permissions ?? []),
      ...(m.optional_permissions ?? []),
      ...(m.host_permissions ?? []),
      ...(m.optional_host_permissions ?? []),
    ];
    expect([...listed('Permissions the extension asks for')].sort()).toEqual([...new Set(declared)].sort());
  });

  test.each(TARGETS as Target[])(
    '%s: the sites read without asking are exactly the content-script matches',
    (t) => {
      const matches = (packages[t].manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []);
      expect(listed('Sites the extension reads without asking')).toEqual(matches);
    },
  );

  test('optional host permissions are described as optional', () => {
    for (const pattern of OPTIONAL_SITE_MATCHES)
      expect(privacy).toContain(`- \`${pattern}\` (optional, not granted at install)`);
  });

  test('the Firefox declaration quoted is the one in the manifest', () => {
    const declared = packages.firefox.manifest.browser_specific_settings?.gecko.data_collection_permissions;
    expect(privacy).toContain(
      `\`data_collection_permissions: ${JSON.stringify(declared).replace(/:/g, ': ').replace(/^\{/, '{ ').replace(/\}$/, ' }')}\``,
    );
  });
});

describe('web-ext lint (addons.mozilla.org’s linter) on the Firefox package', () => {
  let result: Awaited<ReturnType<typeof lintFirefox>>;
  /** Kept rather than thrown from the hook, so that each check below fails (and is counted) with the reason. */
  let lintError: unknown;

  beforeAll(async () => {
    // Lint exactly what ships: the zip's own files, unpacked.
    const dir = path.join(outDir, 'firefox-unpacked');
    for (const [file, data] of packages.firefox.entries) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), data);
    }
    try {
      result = await lintFirefox(dir);
    } catch (error) {
      lintError = error;
    }
  }, 120_000);

  const lint = () => {
    if (lintError) throw lintError;
    return result;
  };

  test('zero errors', () => {
    const result = lint();
    expect(result.errors.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`)).toEqual([]);
    expect(result.summary.errors).toBe(0);
  });

  test('every warning is a justified one', () => {
    const result = lint();
    expect(result.warnings.filter((w) => !isJustified(w)).map((m) => `${m.code} ${m.file ?? ''}`)).toEqual(
      [],
    );
    expect(result.failures).toEqual([]);
  });

  test('the justification holds: no source file uses dangerouslySetInnerHTML or assigns HTML', () => {
    expect(JUSTIFIED_WARNINGS.map((j) => j.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
          const src = readFileSync(p, 'utf8');
          if (/dangerouslySetInnerHTML|\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML/.test(src))
            offenders.push(p);
        }
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
