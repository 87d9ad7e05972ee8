// Which URLs the shell trusts, and how app:// URLs map to files. Electron-free so it is tested in Node.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'stockpilot';
/**
 * The production renderer is always served from this one origin. It must never change between
 * versions: IndexedDB (all of a seller's data) is keyed by origin.
 */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The Vite dev server (vite.config.ts server.host/port); trusted only when the shell runs with --dev. */
export const DEV_SERVER_ORIGIN = 'http://127.0.0.1:5173';

export interface TrustOptions {
  /** True only for an unpackaged build started with --dev. */
  allowDevServer?: boolean;
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is a page of the app itself (or, with allowDevServer, of the Vite dev server). */
export function isTrustedSenderUrl(url: unknown, options: TrustOptions = {}): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === `${APP_SCHEME}:`) {
    // app: is a non-special scheme to Node's parser, so `host` is compared as written (no port allowed).
    return parsed.host === APP_HOST;
  }
  if (options.allowDevServer === true && parsed.protocol === 'http:') {
    return `${parsed.protocol}//${parsed.host}` === DEV_SERVER_ORIGIN;
  }
  return false;
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/**
 * "No remote content": any request to the network or the file system is cancelled, except the dev
 * server (HTTP and its HMR websocket) in dev mode. app:, data:, blob: and devtools: are left alone.
 */
export function isBlockedRequestUrl(url: unknown, options: TrustOptions = {}): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return true;
  if (!NETWORK_SCHEMES.has(parsed.protocol)) return false;
  if (options.allowDevServer === true && (parsed.protocol === 'http:' || parsed.protocol === 'ws:')) {
    return `http://${parsed.host}` !== DEV_SERVER_ORIGIN || parsed.username !== '' || parsed.password !== '';
  }
  return true;
}

const APP_URL_PREFIX = `${APP_ORIGIN}/`;

/**
 * Maps an app://stockpilot/... request to a file inside `distDir`, or returns null when the request
 * must be refused (another host, a port or credentials, `..`/`.` segments in any encoding, encoded
 * separators, backslashes, drive letters, NUL). The raw string is checked before any URL
 * normalisation so that traversal attempts are refused rather than silently rewritten.
 * Paths whose last segment has no extension are client-side routes and get index.html.
 */
export function resolveAppAssetPath(distDir: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string') return null;
  let rest: string;
  if (requestUrl === APP_ORIGIN) rest = '';
  else if (requestUrl.startsWith(APP_URL_PREFIX)) rest = requestUrl.slice(APP_URL_PREFIX.length);
  else return null;

  const end = rest.search(/[?#]/);
  const rawPath = end === -1 ? rest : rest.slice(0, end);
  if (rawPath === '') return path.join(distDir, 'index.html');

  // A trailing slash ("reports/") names a route; strip it so every remaining segment must be non-empty.
  const endsWithSlash = rawPath.endsWith('/');
  const segments: string[] = [];
  for (const rawSegment of (endsWithSlash ? rawPath.slice(0, -1) : rawPath).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return null;
    }
    // Empty segments ("//etc") are how absolute paths sneak in; ':' is how drive letters do.
    // eslint-disable-next-line no-control-regex
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\u0000-\u001f]/.test(segment)) return null;
    segments.push(segment);
  }

  const last = segments.at(-1) ?? '';
  const isRoute = endsWithSlash || !last.includes('.');
  const filePath = isRoute ? path.join(distDir, 'index.html') : path.join(distDir, ...segments);

  // Belt and braces: whatever the checks above missed, never leave distDir.
  const relative = path.relative(path.resolve(distDir), path.resolve(filePath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return filePath;
}
