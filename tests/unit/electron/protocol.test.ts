import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { handleAppProtocol, mimeTypeFor, registerAppSchemeAsPrivileged, resolveRendererAsset, respondWithRendererAsset } = await import('../../../electron/main/protocol');
const { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } = await import('../../../electron/main/csp');

const root = path.resolve('/srv/plp/out/renderer');

describe('resolveRendererAsset', () => {
  it('maps studio URLs to files inside the renderer folder', () => {
    expect(resolveRendererAsset(root, 'app://studio/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererAsset(root, 'app://studio')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererAsset(root, 'app://studio/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererAsset(root, 'app://studio/assets/index-BFtgVWtz.js')).toBe(path.join(root, 'assets', 'index-BFtgVWtz.js'));
    expect(resolveRendererAsset(root, 'app://studio/assets/inter-latin-400.woff2?v=3#x')).toBe(path.join(root, 'assets', 'inter-latin-400.woff2'));
    expect(resolveRendererAsset(root, 'app://studio/assets/My%20Font.ttf')).toBeNull(); // spaces are not asset names
  });

  it('serves index.html for extension-less paths (client-side routes)', () => {
    expect(resolveRendererAsset(root, 'app://studio/pathways/editor')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererAsset(root, 'app://studio/assets/')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    'app://studio/../main/index.js',
    'app://studio/assets/../../main/index.js',
    'app://studio/%2e%2e/main/index.js',
    'app://studio/%2E%2E/%2E%2E/etc/passwd',
    'app://studio/assets/%2e%2e%2f%2e%2e%2fmain/index.js',
    'app://studio/.%2e/secret.txt',
    'app://studio/%252e%252e/secret.txt',
    'app://studio/..%5c..%5cwindows/win.ini',
    'app://studio/..\\..\\windows\\win.ini',
    'app://studio/assets\\..\\..\\x.js',
    'app://studio//etc/passwd',
    'app://studio/assets//x.js',
    'app://studio/C:/Windows/win.ini',
    'app://studio/%2Fetc%2Fpasswd',
    'app://studio/.env',
    'app://studio/assets/.hidden.js',
    'app://studio/./index.html',
    'app://studio/index.html%00.png',
    'app://studio/%E0%A4%A',
  ])('refuses traversal and odd paths: %s', (url) => {
    expect(resolveRendererAsset(root, url)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://studio.evil.example/index.html',
    'app://studio:8080/index.html',
    'app://user:pass@studio/index.html',
    'https://studio/index.html',
    'file:///srv/plp/out/renderer/index.html',
    'studio/index.html',
    '/index.html',
    '',
  ])('refuses other schemes, hosts, ports and credentials: %s', (url) => {
    expect(resolveRendererAsset(root, url)).toBeNull();
  });

  it('never returns a path outside the renderer folder, for any input', () => {
    const samples = ['..', '.', '%2e', '%2E%2e', '/', '\\', '%5c', '%2f', 'a', 'assets', 'x.js', '..%2f', '%00', '~', '@'];
    for (const a of samples) {
      for (const b of samples) {
        for (const c of samples) {
          const resolved = resolveRendererAsset(root, `app://studio/${a}/${b}${c}`);
          if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
        }
      }
    }
  });
});

describe('respondWithRendererAsset', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plp-protocol-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>PLP</title>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'assets', 'style.css'), 'body{}');
    writeFileSync(path.join(dir, 'assets', 'font.woff2'), Buffer.from([1, 2, 3]));
    writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), 'secret');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), { force: true });
  });

  it('serves HTML with the CSP header, nosniff and the right MIME type', async () => {
    const response = await respondWithRendererAsset(dir, { url: 'app://studio/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>PLP</title>');
  });

  it('serves scripts, styles and fonts with their MIME types (no CSP header needed on them)', async () => {
    const js = await respondWithRendererAsset(dir, { url: 'app://studio/assets/app.js', method: 'GET' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBeNull();
    const css = await respondWithRendererAsset(dir, { url: 'app://studio/assets/style.css', method: 'GET' });
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = await respondWithRendererAsset(dir, { url: 'app://studio/assets/font.woff2', method: 'GET' });
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('answers 404 for missing files and refused URLs, 405 for other methods', async () => {
    expect((await respondWithRendererAsset(dir, { url: 'app://studio/assets/missing.js', method: 'GET' })).status).toBe(404);
    const traversal = await respondWithRendererAsset(dir, { url: `app://studio/%2e%2e/${path.basename(dir)}-secret.txt`, method: 'GET' });
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('secret');
    expect((await respondWithRendererAsset(dir, { url: 'app://studio/index.html', method: 'POST' })).status).toBe(405);
  });

  it('knows the common MIME types and falls back to octet-stream', () => {
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.PNG')).toBe('image/png');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('a.exe')).toBe('application/octet-stream');
  });
});

describe('registering the scheme', () => {
  beforeEach(() => resetFakeElectron());

  it('registers app:// as standard, secure, fetch-capable and code-cached', () => {
    registerAppSchemeAsPrivileged();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('handles the app scheme by serving the renderer folder', async () => {
    handleAppProtocol(root);
    expect(fake.protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = fake.protocol.handle.mock.calls[0]!;
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://studio/%2e%2e/main/index.js'));
    expect(response.status).toBe(404);
  });
});

describe('the Content Security Policy', () => {
  it('renderer/index.html carries the same policy as the header, less frame-ancestors (ignored in a meta tag)', () => {
    const html = readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(meta?.[1]).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('allows scripts only from the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});
