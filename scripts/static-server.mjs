// A tiny static server for the built renderer (dist/): browser mode for `npm start` when Electron
// cannot run, `npm run web`, and the end-to-end tests. Loopback only, GET/HEAD only, no traversal.
import http from 'node:http';
import path from 'node:path';
import { createReadStream, promises as fs } from 'node:fs';

/**
 * Same policy as CONTENT_SECURITY_POLICY in electron/security.ts (a unit test keeps them equal), so
 * the app behaves the same in Electron and in browser mode.
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

/** @type {Readonly<Record<string, string>>} */
export const MIME_TYPES = {
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

/** How many ports after the requested one are tried when it is busy (unless strictPort). */
const PORT_ATTEMPTS = 20;

/**
 * @typedef {object} StaticServerOptions
 * @property {string} root Directory to serve (the Vite build output, dist/). Must contain index.html.
 * @property {number} [port] Port to listen on; default 4173. 0 lets the OS pick a free port.
 * @property {string} [host] Interface to bind; default '127.0.0.1' (never expose a seller's app to the LAN).
 * @property {boolean} [strictPort] Fail instead of trying the next ports when `port` is busy; default false.
 */

/**
 * @typedef {object} StaticServer
 * @property {string} url Base URL with a trailing slash, e.g. 'http://127.0.0.1:4173/'.
 * @property {number} port The port actually bound (may differ from the requested one).
 * @property {() => Promise<void>} close Stops listening and drops open connections.
 */

/**
 * Maps a raw request path to a file under root, or says why not. Checked on the raw string, before
 * any normalisation, so `/../x` and `/%2e%2e/x` are refused rather than quietly rewritten.
 * @param {string} root
 * @param {string} rawUrl
 * @returns {{ status: 200, filePath: string, isRoute: boolean } | { status: 400 | 403 }}
 */
export function resolveRequestPath(root, rawUrl) {
  const end = rawUrl.search(/[?#]/);
  const rawPath = end === -1 ? rawUrl : rawUrl.slice(0, end);
  if (!rawPath.startsWith('/')) return { status: 400 };
  if (rawPath === '/') return { status: 200, filePath: path.join(root, 'index.html'), isRoute: true };

  const endsWithSlash = rawPath.endsWith('/');
  const segments = [];
  for (const rawSegment of rawPath.slice(1, endsWithSlash ? -1 : undefined).split('/')) {
    let segment;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return { status: 400 };
    }
    // eslint-disable-next-line no-control-regex
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\u0000-\u001f]/.test(segment)) {
      return { status: 403 };
    }
    segments.push(segment);
  }
  const last = segments.at(-1) ?? '';
  const isRoute = endsWithSlash || !last.includes('.');
  const filePath = isRoute ? path.join(root, 'index.html') : path.join(root, ...segments);
  const relative = path.relative(path.resolve(root), path.resolve(filePath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { status: 403 };
  return { status: 200, filePath, isRoute };
}

/** @param {string} filePath */
function mimeTypeFor(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function sendText(res, status, message) {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
  res.end(message);
}

/**
 * @param {string} root
 * @returns {http.RequestListener}
 */
function createHandler(root) {
  return async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return sendText(res, 405, 'Method not allowed');
      }
      const resolved = resolveRequestPath(root, req.url ?? '/');
      if (resolved.status !== 200) return sendText(res, resolved.status, resolved.status === 403 ? 'Forbidden' : 'Bad request');

      let filePath = resolved.filePath;
      let stats = await fs.stat(filePath).catch(() => null);
      // A path without an extension is a client-side route (already mapped to index.html above);
      // one with an extension that does not exist is a real 404, so a missing asset is not masked.
      if (!stats?.isFile()) {
        if (!resolved.isRoute) return sendText(res, 404, 'Not found');
        filePath = path.join(root, 'index.html');
        stats = await fs.stat(filePath).catch(() => null);
        if (!stats?.isFile()) return sendText(res, 404, `Not found: ${path.basename(root)}/index.html is missing — build the app first.`);
      }
      res.writeHead(200, {
        'content-type': mimeTypeFor(filePath),
        'content-length': String(stats.size),
        // On every response, not only HTML: a worker script's own response sets the worker's policy.
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(filePath)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    }
  };
}

/**
 * @param {http.Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<number>}
 */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    /** @param {Error} error */
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serves `root` over HTTP with correct MIME types, the app's CSP, no path traversal, and
 * index.html for client-side routes.
 * @param {StaticServerOptions} options
 * @returns {Promise<StaticServer>}
 */
export async function startStaticServer({ root, port = 4173, host = '127.0.0.1', strictPort = false }) {
  const absoluteRoot = path.resolve(root);
  const server = http.createServer(createHandler(absoluteRoot));
  const attempts = strictPort || port === 0 ? 1 : PORT_ATTEMPTS;
  let boundPort = -1;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      boundPort = await listen(server, port + attempt, host);
      break;
    } catch (error) {
      const code = /** @type {{ code?: string }} */ (error).code;
      if (code !== 'EADDRINUSE' || attempt === attempts - 1) {
        if (code === 'EADDRINUSE') {
          const range = attempts === 1 ? `port ${port} is` : `ports ${port}–${port + attempts - 1} are`;
          throw new Error(`Cannot serve StockPilot: ${range} already in use on ${host}. Close the program using it or set PORT to another number.`);
        }
        throw error;
      }
    }
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${boundPort}/`,
    port: boundPort,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
