import type { Locator, Page } from 'playwright-core';
import type { AutoBackupKind } from '../../../shared/backup/autoBackups';

/** What the fake desktop host holds and was asked (see installFakeDesktop). */
export interface FakeDesktopState {
  written: { kind: AutoBackupKind; name: string; bytes: number[] }[];
  read: string[];
}

export interface FakeDesktopOptions {
  /** Automatic backups already in the folder. */
  backups?: { name: string; bytes: number[] }[];
  /** The message the main process's openFiles rejects with (as Electron delivers it), if any. */
  openFilesError?: string;
  /** The message writeAutoBackup rejects with (a full disk, say), if any. */
  writeAutoBackupError?: string;
}

/**
 * Makes the next page load see a desktop host: a `window.stockpilotDesktop` implementing DesktopApi
 * in the page, with an in-memory backups folder, written before the app's scripts run (as the
 * preload does), then reloads.
 */
export async function installFakeDesktop(page: Page, options: FakeDesktopOptions): Promise<void> {
  await page.context().addInitScript((opts: FakeDesktopOptions) => {
    type Stored = { name: string; kind: 'daily' | 'before-restore'; createdAt: string; bytes: Uint8Array };
    const parse = (name: string): Stored['kind'] => (name.endsWith('-daily.stockpilot') ? 'daily' : 'before-restore');
    const createdAtOf = (name: string) => {
      const m = /auto-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
      return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : '';
    };
    const folder: Stored[] = (opts.backups ?? []).map((b) => ({ name: b.name, kind: parse(b.name), createdAt: createdAtOf(b.name), bytes: new Uint8Array(b.bytes) }));
    const state = { written: [] as { kind: string; name: string; bytes: number[] }[], read: [] as string[] };
    Object.assign(window, { __fakeDesktop: state });
    const entry = (b: Stored) => ({ name: b.name, kind: b.kind, createdAt: b.createdAt, sizeBytes: b.bytes.byteLength });
    Object.assign(window, {
      stockpilotDesktop: {
        async openFiles() {
          if (opts.openFilesError) throw new Error(opts.openFilesError);
          return [];
        },
        async saveFile(request: { suggestedName: string }) {
          return { saved: true, name: request.suggestedName };
        },
        async print() {
          return { done: true };
        },
        async appInfo() {
          return { version: 'test', host: 'desktop', platform: 'linux' };
        },
        async listAutoBackups() {
          const backups = [...folder].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map(entry);
          return { available: true, folder: '/home/seller/.config/StockPilot/backups', backups };
        },
        async writeAutoBackup(request: { kind: Stored['kind']; bytes: Uint8Array }) {
          if (opts.writeAutoBackupError) throw new Error(opts.writeAutoBackupError);
          const iso = new Date().toISOString();
          const name = `stockpilot-auto-${iso.slice(0, 19).replace(/:/g, '-')}-${iso.slice(20, 23)}Z-${request.kind}.stockpilot`;
          const stored: Stored = { name, kind: request.kind, createdAt: iso, bytes: new Uint8Array(request.bytes) };
          folder.push(stored);
          state.written.push({ kind: request.kind, name, bytes: [...stored.bytes] });
          return { backup: entry(stored), removed: [] };
        },
        async readAutoBackup(request: { name: string }) {
          state.read.push(request.name);
          const found = folder.find((b) => b.name === request.name);
          if (!found) throw new Error('not found');
          return { name: found.name, bytes: new Uint8Array(found.bytes) };
        },
        async showAutoBackupsFolder() {},
      },
    });
  }, options);
  await page.reload();
}

export async function fakeDesktopState(page: Page): Promise<FakeDesktopState> {
  return page.evaluate(() => (window as unknown as { __fakeDesktop: FakeDesktopState }).__fakeDesktop);
}

/** Settings → Automatic backups. */
export class AutoBackupsPanel {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByTestId('auto-backups');
  }

  /** The backup names listed, newest first. */
  async names(): Promise<string[]> {
    return this.page.getByTestId('auto-backups-table').locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name') ?? ''));
  }

  /** Clicks Restore on one backup and accepts the confirmation. */
  async restore(name: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.locator(`[data-testid="auto-backups-table"] tr[data-name="${name}"] button`).click();
  }

  status(kind: 'ok' | 'error'): Locator {
    return this.page.getByTestId('auto-backups-status').getByTestId(`status-${kind}`);
  }
}
