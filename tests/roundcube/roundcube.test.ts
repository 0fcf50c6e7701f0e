import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { RC_PACKAGES, roundcubeAvailability } from './roundcube.ts';

test('the package list matches the one setup.sh installs (scripts/roundcube/common.sh)', () => {
  const common = readFileSync(path.resolve(import.meta.dirname, '../../scripts/roundcube/common.sh'), 'utf8');
  const line = /^RC_PACKAGES="([^"]+)"/m.exec(common)?.[1];
  expect(line?.split(/\s+/)).toEqual([...RC_PACKAGES]);
});

test('availability is a yes, or a no with a reason a person can act on', () => {
  const a = roundcubeAvailability();
  if (!a.ok) expect(a.reason).toMatch(/packages missing|not a Debian/);
  else expect(a).toEqual({ ok: true });
});
