import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createMainWindowOptions,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  hardenWebContents,
  isNavigationAllowed,
  type HardenableWebContents,
} from '../../electron/security';
import { CONTENT_SECURITY_POLICY as STATIC_SERVER_CSP } from '../../scripts/static-server.mjs';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('createMainWindowOptions', () => {
  it('turns on every secure web preference and uses the given preload', () => {
    const options = createMainWindowOptions('/app/dist-electron/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it("defaults to 'self' and allows scripts only from 'self'", () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('never allows eval, inline scripts or plugins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('is the same policy the browser-mode static server sends', () => {
    expect(STATIC_SERVER_CSP).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('deny policies', () => {
  it('refuses new windows', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('refuses every permission request and check', () => {
    const callback = vi.fn();
    denyPermissionRequest(null, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(denyPermissionCheck()).toBe(false);
  });

  it('allows navigation only within the app origin', () => {
    expect(isNavigationAllowed('app://stockpilot/index.html')).toBe(true);
    expect(isNavigationAllowed('https://sellercentral.amazon.com/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('http://127.0.0.1:5173/')).toBe(false);
    expect(isNavigationAllowed('http://127.0.0.1:5173/', { allowDevServer: true })).toBe(true);
  });
});

describe('hardenWebContents', () => {
  type Listener = (event: { preventDefault(): void; url: string }, url: string) => void;

  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let windowOpenHandler: (() => { action: 'deny' }) | undefined;
    const contents: HardenableWebContents = {
      on: (event: string, listener: Listener) => {
        listeners.set(event, listener);
        return contents;
      },
      setWindowOpenHandler: (handler) => {
        windowOpenHandler = handler;
      },
    };
    const fire = (event: string, url = '') => {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault, url }, url);
      return preventDefault.mock.calls.length > 0;
    };
    return { contents, fire, openWindow: () => windowOpenHandler?.() };
  }

  it('blocks navigation and redirects to other origins, and allows in-app ones', () => {
    const fake = fakeContents();
    const blocked = vi.fn();
    hardenWebContents(fake.contents, {}, blocked);
    expect(fake.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-redirect', 'http://evil.example/')).toBe(true);
    expect(fake.fire('will-navigate', 'app://stockpilot/index.html')).toBe(false);
    expect(blocked).toHaveBeenCalledWith('navigation', 'https://evil.example/');
  });

  it('blocks <webview> and new windows', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents);
    expect(fake.fire('will-attach-webview')).toBe(true);
    expect(fake.openWindow()).toEqual({ action: 'deny' });
  });
});
