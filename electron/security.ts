// Electron's security checklist as code: the window factory, the CSP and the deny policies.
// Only type imports from 'electron' here, so this module runs (and is tested) in plain Node.
import type { BrowserWindowConstructorOptions } from 'electron';
import { isTrustedSenderUrl, type TrustOptions } from './trusted-origin';

/**
 * Sent as a response header on everything the app:// protocol (and the browser-mode static server,
 * scripts/static-server.mjs — kept equal by a test) serves. No 'unsafe-eval', no remote origins.
 * 'unsafe-inline' for styles only: React style props and Chart.js set inline styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The main window. The secure settings are written out literally so a reader and a scanner see them. */
export function createMainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'StockPilot',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: true,
    },
  };
}

/** In-app navigations (a full reload of the app's own pages) are allowed; everything else is refused. */
export function isNavigationAllowed(targetUrl: string, trust: TrustOptions = {}): boolean {
  return isTrustedSenderUrl(targetUrl, trust);
}

/** New windows are never opened: the app has one window and no links out. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The app needs no permission (camera, notifications, clipboard-read, geolocation, ...). */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (permissionGranted: boolean) => void,
): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/** The part of Electron's WebContents that hardening touches; a fake satisfies it in tests. */
export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url: string }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'), the main window's
 * included: no navigation away from the app, no new windows, no <webview>.
 */
export function hardenWebContents(
  contents: HardenableWebContents,
  trust: TrustOptions = {},
  onBlocked: (what: string, url: string) => void = () => {},
): void {
  const guardNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!isNavigationAllowed(url, trust)) {
      event.preventDefault();
      onBlocked('navigation', url);
    }
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', '');
  });
  contents.setWindowOpenHandler(() => denyWindowOpen());
}
