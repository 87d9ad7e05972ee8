import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  isBlockedRequestUrl,
  isTrustedSenderUrl,
  resolveAppAssetPath,
} from '../../electron/trusted-origin';

describe('isTrustedSenderUrl', () => {
  it('trusts the fixed app origin', () => {
    expect(APP_ORIGIN).toBe('app://stockpilot');
    expect(isTrustedSenderUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://stockpilot/skus?q=1#top')).toBe(true);
  });

  it.each([
    'file:///home/seller/index.html',
    'http://evil.example/',
    'https://evil.example/index.html',
    'app://other/index.html',
    'app://stockpilot.evil/index.html',
    'app://stockpilot@evil/index.html',
    'app://user:pass@stockpilot/index.html',
    'app://stockpilot:8080/index.html',
    'http://127.0.0.1:5173/',
    'about:blank',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl(null)).toBe(false);
    expect(isTrustedSenderUrl({ href: APP_ENTRY_URL })).toBe(false);
  });

  it('trusts exactly the dev server only when dev mode is on', () => {
    const dev = { allowDevServer: true };
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', dev)).toBe(true);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', { allowDevServer: false })).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', dev)).toBe(false);
    expect(isTrustedSenderUrl('https://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedSenderUrl('http://evil@127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedSenderUrl(APP_ENTRY_URL, dev)).toBe(true);
  });
});

describe('isBlockedRequestUrl', () => {
  it('blocks network and file requests', () => {
    expect(isBlockedRequestUrl('https://cdn.example/lib.js')).toBe(true);
    expect(isBlockedRequestUrl('http://127.0.0.1:5173/')).toBe(true);
    expect(isBlockedRequestUrl('wss://evil.example/socket')).toBe(true);
    expect(isBlockedRequestUrl('file:///etc/passwd')).toBe(true);
  });

  it('lets app, data and blob URLs through', () => {
    expect(isBlockedRequestUrl('app://stockpilot/assets/index.js')).toBe(false);
    expect(isBlockedRequestUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isBlockedRequestUrl('blob:app://stockpilot/123')).toBe(false);
  });

  it('lets the dev server and its HMR socket through only in dev mode', () => {
    const dev = { allowDevServer: true };
    expect(isBlockedRequestUrl('http://127.0.0.1:5173/src/main.tsx', dev)).toBe(false);
    expect(isBlockedRequestUrl('ws://127.0.0.1:5173/', dev)).toBe(false);
    expect(isBlockedRequestUrl('http://127.0.0.1:9999/', dev)).toBe(true);
    expect(isBlockedRequestUrl('https://evil.example/', dev)).toBe(true);
  });
});

describe('resolveAppAssetPath', () => {
  const dist = path.resolve('/opt/stockpilot/dist');

  it('maps app URLs to files inside dist', () => {
    expect(resolveAppAssetPath(dist, 'app://stockpilot/index.html')).toBe(path.join(dist, 'index.html'));
    expect(resolveAppAssetPath(dist, 'app://stockpilot/assets/index-abc123.js')).toBe(path.join(dist, 'assets', 'index-abc123.js'));
    expect(resolveAppAssetPath(dist, 'app://stockpilot/assets/app.css?v=2#x')).toBe(path.join(dist, 'assets', 'app.css'));
    expect(resolveAppAssetPath(dist, 'app://stockpilot/assets/My%20Logo.svg')).toBe(path.join(dist, 'assets', 'My Logo.svg'));
  });

  it('serves index.html for the root and for client-side routes without an extension', () => {
    const index = path.join(dist, 'index.html');
    expect(resolveAppAssetPath(dist, 'app://stockpilot')).toBe(index);
    expect(resolveAppAssetPath(dist, 'app://stockpilot/')).toBe(index);
    expect(resolveAppAssetPath(dist, 'app://stockpilot/skus')).toBe(index);
    expect(resolveAppAssetPath(dist, 'app://stockpilot/reports/turnover/')).toBe(index);
  });

  it.each([
    'app://stockpilot/../package.json',
    'app://stockpilot/assets/../../secret.txt',
    'app://stockpilot/%2e%2e/package.json',
    'app://stockpilot/%2E%2E/%2e%2e/etc/passwd',
    'app://stockpilot/.%2e/package.json',
    'app://stockpilot/..%2fpackage.json',
    'app://stockpilot/assets%2f..%2f..%2fpackage.json',
    'app://stockpilot/..%5cpackage.json',
    'app://stockpilot/assets\\..\\..\\package.json',
    'app://stockpilot//etc/passwd',
    'app://stockpilot/%2fetc%2fpasswd',
    'app://stockpilot/C:/Windows/win.ini',
    'app://stockpilot/C%3A%5CWindows%5Cwin.ini',
    'app://stockpilot/./index.html',
    'app://stockpilot/index.html%00.js',
    'app://stockpilot/%E0%A4%A',
    'app://other/index.html',
    'app://stockpilot.evil/index.html',
    'app://stockpilot@evil/index.html',
    'app://stockpilot:80/index.html',
    'file:///etc/passwd',
    'https://stockpilot/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppAssetPath(dist, url)).toBeNull();
  });
});
