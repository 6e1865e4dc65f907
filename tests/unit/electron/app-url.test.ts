import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, isSafeExternalUrl } from '../../../electron/main/app-url';

describe('isAppUrl', () => {
  it('accepts the studio origin only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://studio/')).toBe(true);
    expect(isAppUrl('app://studio/assets/x.js?x=1#y')).toBe(true);
    for (const url of ['app://studio.evil/', 'app://evil/', 'app://studio:1/', 'app://a:b@studio/', 'https://studio/', 'file:///index.html', 'about:blank', 'devtools://devtools/', '', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isSafeExternalUrl', () => {
  it('allows http, https and mailto links', () => {
    for (const url of ['https://example.com', 'http://example.com/a?b=c', 'mailto:someone@example.com', 'https://example.com:8443/x']) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, credentials and junk', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/x',
      'app://studio/index.html',
      'https://user:pass@example.com/',
      'https://',
      'mailto:',
      'not a url',
      '',
      `https://example.com/${'a'.repeat(9000)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
