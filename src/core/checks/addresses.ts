/** Address helpers for the recipient checks. Pure string work, bounded by the context's address limit. */

const ANGLE = /<([^<>\s]+@[^<>\s]+)>/;

/** The bare, lower-cased address of `Name <a@b.c>` or `a@b.c`; undefined when there is none. */
export function bareAddress(raw: string): string | undefined {
  const angled = ANGLE.exec(raw);
  const addr = (angled?.[1] ?? raw).trim().toLowerCase();
  const at = addr.lastIndexOf('@');
  if (at <= 0 || at === addr.length - 1 || /\s/.test(addr)) return undefined;
  return addr;
}

/** Distinct bare addresses across the given lists. */
export function distinctAddresses(...lists: (readonly string[] | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) {
    for (const raw of list ?? []) {
      const a = bareAddress(raw);
      if (a) seen.add(a);
    }
  }
  return [...seen];
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** `hotmail.*` matches hotmail.com, hotmail.co.uk …; other patterns match exactly. */
export function domainMatches(domain: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  if (p.endsWith('.*')) return domain.startsWith(p.slice(0, -1)) && domain.length > p.length - 1;
  return domain === p;
}
