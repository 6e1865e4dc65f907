/**
 * The renderer's origin and the URL rules that follow from it. Pure (no Electron), so the
 * rules are unit-tested directly.
 */

/** The privileged custom scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of the studio itself: `app://studio/...` and nothing else (no other host, port or credentials). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Links the studio may hand to the operating system (default browser / mail client):
 * http, https and mailto only. Anything else (file:, javascript:, smb:, custom handlers
 * that could launch programs) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 8192) return false;
  const parsed = parse(url);
  if (parsed === null || !EXTERNAL_SCHEMES.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
}
