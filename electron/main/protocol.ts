/**
 * Serves the built renderer (`out/renderer`) from the privileged custom scheme
 * `app://studio/`, never from file://. Only files inside the renderer folder can be read:
 * the URL → path mapping (`resolveRendererAsset`) is pure and refuses traversal, encoded
 * separators, hidden files and other hosts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-url';
import { CONTENT_SECURITY_POLICY } from './csp';

/** Must run before the app's `ready` event (Electron's rule for privileged schemes). */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 caches the compiled bundle between launches (needs standard: true).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** One path segment of a renderer asset: plain characters, not starting with a dot. */
const SAFE_SEGMENT = /^[A-Za-z0-9_@+~-][A-Za-z0-9._@+~-]*$/;

/**
 * Maps an `app://studio/...` URL to a file inside `rendererDir`, or null when the URL must
 * not be served: another scheme or host, a port or credentials, `..`/`.` segments (plain or
 * percent-encoded), backslashes, encoded slashes, NUL, empty segments (`//x`, absolute
 * paths), drive letters, hidden files, or anything that would resolve outside the folder.
 * `app://studio/` and paths without an extension (client-side routes) map to index.html.
 */
export function resolveRendererAsset(rendererDir: string, url: string): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return null;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;

  // The URL parser silently resolves `..` segments, so inspect the path exactly as written.
  if (!url.toLowerCase().startsWith(APP_ORIGIN)) return null;
  const rawPath = url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath !== '' && !rawPath.startsWith('/')) return null;
  // Backslashes, encoded separators and encoded NUL are never part of an asset name.
  if (rawPath.includes('\\') || /%2f|%5c|%00/i.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // A second layer of encoding (`%252e`) or a decoded NUL is refused too.
  if (decoded.includes('%') || decoded.includes('\0')) return null;

  const body = decoded.replace(/^\//, '');
  const segments = body === '' ? [] : body.split('/');
  // A trailing slash is fine (`app://studio/`); any other empty segment is not.
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  if (!segments.every((segment) => SAFE_SEGMENT.test(segment))) return null;

  const last = segments[segments.length - 1];
  const relative = last === undefined || !last.includes('.') ? ['index.html'] : segments;
  const root = path.resolve(rendererDir);
  const resolved = path.resolve(root, ...relative);
  if (!resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
} as const;

/** Builds the response for one request to the app scheme (exported for tests). */
export async function respondWithRendererAsset(
  rendererDir: string,
  request: { url: string; method: string },
  read: (filePath: string) => Promise<Uint8Array> = readFile,
): Promise<Response> {
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const filePath = resolveRendererAsset(rendererDir, request.url);
  if (filePath === null) return plain(404, 'Not found');

  let body: Uint8Array;
  try {
    body = await read(filePath);
  } catch {
    return plain(404, 'Not found');
  }
  const contentType = mimeTypeFor(filePath);
  const headers: Record<string, string> = { ...COMMON_HEADERS, 'Content-Type': contentType };
  if (contentType.startsWith('text/html')) {
    headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/** Installs the `app://` handler on the default session. Call after `ready`. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithRendererAsset(rendererDir, request));
}
