import { describe, expect, test } from 'vitest';
import { isBuiltinOrigin, pageOrigin, sitePattern, WEBMAIL_MATCHES } from './hosts.ts';

describe('site hosts', () => {
  test('built-in webmail origins need no permission; others do', () => {
    expect(isBuiltinOrigin('https://mail.google.com')).toBe(true);
    expect(isBuiltinOrigin('https://outlook.cloud.microsoft')).toBe(true);
    expect(isBuiltinOrigin('http://mail.google.com')).toBe(false);
    expect(isBuiltinOrigin('https://mail.google.com.evil.example')).toBe(false);
    expect(isBuiltinOrigin('not a url')).toBe(false);
    expect(WEBMAIL_MATCHES).toContain('https://mail.proton.me/*');
  });

  test('patterns drop the port and path; only http(s)', () => {
    expect(sitePattern('https://webmail.example.org:8443')).toBe('https://webmail.example.org/*');
    expect(sitePattern('http://127.0.0.2:3000')).toBe('http://127.0.0.2/*');
    expect(sitePattern('file:///tmp/x.html')).toBeNull();
    expect(sitePattern('')).toBeNull();
  });

  test('page origins for tab URLs', () => {
    expect(pageOrigin('https://mail.example.org/?_task=mail&_action=compose')).toBe(
      'https://mail.example.org',
    );
    expect(pageOrigin('chrome://extensions/')).toBeNull();
    expect(pageOrigin('about:blank')).toBeNull();
    expect(pageOrigin(undefined)).toBeNull();
  });
});
