/** The dependency-free zip writer behind `npm run package`: round trip, reproducible bytes, safe paths. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readZip, writeZip } from '../../scripts/zip.mjs';

type Entry = { path: string; data: Buffer };

const entries: Entry[] = [
  { path: 'manifest.json', data: Buffer.from('{"manifest_version":3}') },
  { path: 'assets/big.js', data: Buffer.from('const a = 1;\n'.repeat(500)) },
  { path: 'assets/empty.css', data: Buffer.alloc(0) },
  { path: 'src/options/index.html', data: Buffer.from('<!doctype html><title>Réglages “ok”</title>') },
  { path: 'icons/raw.bin', data: Buffer.from([0, 255, 1, 254, 2]) },
];

describe('zip writer', () => {
  test('round trip: every file comes back byte for byte, sorted by path', () => {
    const back: Entry[] = readZip(writeZip(entries));
    expect(back.map((e) => e.path)).toEqual([...entries.map((e) => e.path)].sort());
    for (const e of entries) expect(back.find((b) => b.path === e.path)?.data.equals(e.data)).toBe(true);
  });

  test('the same files in any order give the same bytes (reproducible packages)', () => {
    const a = writeZip(entries);
    const b = writeZip([...entries].reverse());
    expect(a.equals(b)).toBe(true);
  });

  test('compresses text, and stores what deflate cannot shrink', () => {
    const back: (Entry & { compressedSize: number })[] = readZip(writeZip(entries));
    const big = back.find((e) => e.path === 'assets/big.js')!;
    expect(big.compressedSize).toBeLessThan(big.data.length / 10);
    const raw = back.find((e) => e.path === 'icons/raw.bin')!;
    expect(raw.compressedSize).toBe(raw.data.length);
  });

  test.each(['/etc/passwd', '../escape.js', 'a/../../b', 'win\\path.js', ''])(
    'refuses the unsafe path %j',
    (p) => {
      expect(() => writeZip([{ path: p, data: Buffer.from('x') }])).toThrow(/unsafe entry path/);
    },
  );

  test('refuses duplicate paths', () => {
    const manifest = entries[0]!;
    expect(() => writeZip([manifest, manifest])).toThrow(/duplicate entry manifest.json/);
  });

  test('a corrupted entry is detected when read', () => {
    const zip = writeZip([{ path: 'a.txt', data: Buffer.from('hello hello hello hello') }]);
    zip[35] = zip[35]! ^ 0xff; // inside the first entry's data
    expect(() => readZip(zip)).toThrow(/corrupt|invalid|incorrect/i);
  });

  test.runIf(existsSync('/usr/bin/unzip'))(
    'Info-ZIP’s unzip accepts the archive and lists the dates as 1980-01-01',
    () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'mrc-zip-'));
      try {
        const file = path.join(dir, 't.zip');
        writeFileSync(file, writeZip(entries));
        expect(execFileSync('/usr/bin/unzip', ['-t', file], { encoding: 'utf8' })).toContain(
          'No errors detected',
        );
        const listing = execFileSync('/usr/bin/unzip', ['-l', file], { encoding: 'utf8' });
        expect(listing).toContain('1980-01-01 00:00   src/options/index.html');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
