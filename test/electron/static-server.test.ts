import http from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, startStaticServer, type StaticServer } from '../../scripts/static-server.mjs';

const INDEX = '<!doctype html><title>StockPilot</title><div id="root"></div>';

/** Sends the path exactly as written (fetch would normalise `..` away before it left the client). */
function rawGet(server: StaticServer, rawPath: string, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('startStaticServer', () => {
  let workDir: string;
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'stockpilot-static-'));
    root = path.join(workDir, 'dist');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), INDEX);
    writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log("app")');
    writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{margin:0}');
    // A file next to dist/ that traversal would reach.
    writeFileSync(path.join(workDir, 'secret.txt'), 'TOP SECRET');
    server = await startStaticServer({ root, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('listens on loopback and reports its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves index.html at / with the HTML type and the CSP header', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe(INDEX);
  });

  it('serves assets with their MIME types', async () => {
    const script = await fetch(new URL('assets/index-abc.js', server.url));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');
    const style = await fetch(new URL('assets/index-abc.css', server.url));
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for client-side routes', async () => {
    for (const route of ['skus', 'reports/turnover', 'plans/2024-05/']) {
      const response = await fetch(new URL(route, server.url));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('returns 404 for a missing asset rather than index.html', async () => {
    const response = await fetch(new URL('assets/missing.js', server.url));
    expect(response.status).toBe(404);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '//etc/passwd'])(
    'refuses traversal %s',
    async (rawPath) => {
      const response = await rawGet(server, rawPath);
      expect([403, 404]).toContain(response.status);
      expect(response.body).not.toContain('TOP SECRET');
    },
  );

  it('refuses methods other than GET and HEAD', async () => {
    const response = await rawGet(server, '/index.html', 'POST');
    expect(response.status).toBe(405);
  });

  it('moves to the next port when the requested one is busy, unless strictPort', async () => {
    const second = await startStaticServer({ root, port: server.port });
    try {
      expect(second.port).not.toBe(server.port);
      expect(await (await fetch(second.url)).text()).toBe(INDEX);
    } finally {
      await second.close();
    }
    await expect(startStaticServer({ root, port: server.port, strictPort: true })).rejects.toThrow(
      `port ${server.port} is already in use`,
    );
  });
});
