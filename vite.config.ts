import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The renderer is one static web app: the same build runs inside Electron (served from the
// app:// protocol) and in any Chromium (served on 127.0.0.1), so asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    root: '.',
    projects: [
      {
        test: {
          name: 'unit',
          root: '.',
          include: ['test/unit/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          root: '.',
          include: ['test/db/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/db/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The ledger worker rebuilds summaries after each write; on a busy 2-core machine that can
          // take longer than expect.poll's 1 s default.
          expect: { poll: { timeout: 15_000, interval: 50 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
