// Types for scripts/static-server.mjs, so TypeScript tests (e2e global setup, unit tests) can import it.

export interface StaticServerOptions {
  /** Directory to serve (the Vite build output, dist/). Must contain index.html. */
  root: string;
  /** Port to listen on; default 4173. 0 lets the OS pick a free port. */
  port?: number;
  /** Interface to bind; default '127.0.0.1'. */
  host?: string;
  /** Fail instead of trying the next ports when `port` is busy; default false. */
  strictPort?: boolean;
}

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. 'http://127.0.0.1:4173/'. */
  url: string;
  /** The port actually bound (may differ from the requested one). */
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

export const CONTENT_SECURITY_POLICY: string;
export const MIME_TYPES: Readonly<Record<string, string>>;

export function resolveRequestPath(
  root: string,
  rawUrl: string,
): { status: 200; filePath: string; isRoute: boolean } | { status: 400 | 403 };

export function startStaticServer(options: StaticServerOptions): Promise<StaticServer>;
