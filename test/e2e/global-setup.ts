// Serves the built app (dist/, from `vite build`) on 127.0.0.1 for the browser tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  // STOCKPILOT_DIST_DIR serves another build (one per person when several work in one checkout).
  const root = path.resolve(import.meta.dirname, '../..', process.env.STOCKPILOT_DIST_DIR ?? 'dist');
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build:web` (npm test does it) before the browser tests.');
  }
  project.provide('chromiumPath', findChromium());
  const server = await startStaticServer({ root, port: 0 });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
