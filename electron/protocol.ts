// The app:// protocol that serves dist/ in production. Electron's `protocol` module is passed in, so
// the request handler itself is a plain (Request) => Response function tested in Node.
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './security';
import { APP_SCHEME, resolveAppAssetPath } from './trusted-origin';

/**
 * standard: real origin (app://stockpilot) so IndexedDB and relative URLs work; secure: treated like
 * https; supportFetchAPI: fetch() of the app's own assets; corsEnabled false: no cross-origin reads.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true },
};

/** Must run before app 'ready'. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolDeps {
  distDir: string;
  readFile(filePath: string): Promise<Uint8Array>;
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY },
  });
}

function isMissingFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const filePath = resolveAppAssetPath(deps.distDir, request.url);
    if (filePath === null) return textResponse(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await deps.readFile(filePath);
    } catch (error) {
      if (isMissingFile(error)) return textResponse(404, 'Not found');
      throw error;
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        'content-type': mimeTypeFor(filePath),
        // On every response, not only HTML: a worker script's own response sets the worker's policy.
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}

/** Must run after app 'ready', before the window loads. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, deps: AppProtocolDeps): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(deps));
}
