import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  registerAppScheme,
  serveAppProtocol,
} from '../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

const dist = path.resolve('/opt/stockpilot/dist');
const files = new Map<string, string>([
  [path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>'],
  [path.join(dist, 'assets', 'index-abc.js'), 'console.log(1)'],
  [path.join(dist, 'assets', 'index-abc.css'), 'body{}'],
]);

function handler() {
  const readFile = vi.fn(async (filePath: string) => {
    const text = files.get(filePath);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${filePath}`), { code: 'ENOENT' });
    return new TextEncoder().encode(text);
  });
  return { handle: createAppProtocolHandler({ distDir: dist, readFile }), readFile };
}

const get = (url: string) => ({ url, method: 'GET' });

describe('app:// scheme registration', () => {
  it('registers app as a standard, secure, fetchable scheme without CORS', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).not.toBe(true);
  });

  it('serves the app scheme through the handler', async () => {
    const protocol = { handle: vi.fn() };
    serveAppProtocol(protocol, { distDir: dist, readFile: async () => new Uint8Array([1]) });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('createAppProtocolHandler', () => {
  it('serves index.html as HTML with the CSP header', async () => {
    const response = await handler().handle(get('app://stockpilot/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><div id="root"></div>');
  });

  it('serves scripts and styles with their MIME types', async () => {
    const { handle } = handler();
    const script = await handle(get('app://stockpilot/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const style = await handle(get('app://stockpilot/assets/index-abc.css'));
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers client-side routes with index.html', async () => {
    const response = await handler().handle(get('app://stockpilot/reports/turnover'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('id="root"');
  });

  it('returns 404 for a missing asset instead of index.html', async () => {
    const response = await handler().handle(get('app://stockpilot/assets/missing.js'));
    expect(response.status).toBe(404);
  });

  it('refuses traversal and other hosts with 403 without reading anything', async () => {
    const { handle, readFile } = handler();
    for (const url of ['app://stockpilot/%2e%2e/package.json', 'app://stockpilot/..%2fpackage.json', 'app://evil/index.html']) {
      expect((await handle(get(url))).status).toBe(403);
    }
    expect(readFile).not.toHaveBeenCalled();
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { handle, readFile } = handler();
    expect((await handle({ url: 'app://stockpilot/index.html', method: 'POST' })).status).toBe(405);
    expect(readFile).not.toHaveBeenCalled();
  });
});
