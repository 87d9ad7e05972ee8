// Each test gets its own Chromium profile, so IndexedDB starts empty and nothing leaks between tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium';

export interface AppSession {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Problems the page reported (uncaught errors, console errors): a test asserts there are none. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openApp(options: { today?: string; downloadsPath?: string } = {}): Promise<AppSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'stockpilot-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
  });
  const baseUrl = inject('baseUrl');
  if (options.today) {
    const today = options.today;
    await context.addInitScript((date) => window.localStorage.setItem('stockpilot.today', date), today);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('favicon')) pageErrors.push(message.text());
  });
  await page.goto(baseUrl);
  return {
    context,
    page,
    baseUrl,
    pageErrors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
