/**
 * The Electron security policy applied to every web contents the app creates: no new
 * windows, no navigation away from the studio, no <webview>, every permission denied.
 * Links to http/https/mailto open in the user's browser or mail client instead.
 */
import type { App, Session, Shell, WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './app-url';

export interface HardenOptions {
  /** Electron's `shell`: http/https/mailto links are handed to the operating system. */
  shell: Pick<Shell, 'openExternal'>;
}

const hardened = new WeakSet<WebContents>();

function openIfSafe(url: string, { shell }: HardenOptions): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`Could not open ${url}:`, error);
  });
}

/**
 * Denies window.open / target=_blank (opening safe links externally), prevents navigation
 * and redirects to anything but the studio's own origin, and refuses <webview>. Idempotent.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url, options);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openIfSafe(event.url, options);
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    // Libraries may use blank helper iframes; CSP (default-src 'self') still keeps other origins out.
    if (!event.isMainFrame && (event.url === 'about:blank' || event.url === 'about:srcdoc')) return;
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Applies `hardenWebContents` to every web contents, including ones created later. */
export function hardenAllWebContents(app: App, options: HardenOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}

/** The studio needs no camera, microphone, notifications, geolocation, HID, USB or serial. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
