// Automatic backups in Settings, with the desktop host faked in the page (the Electron runtime
// cannot run here): the list, a start-up backup, a restore that first saves a safety copy; and the
// desktop's refusals of picked files, said in the seller's language.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { autoBackupFileName } from '../../shared/backup/autoBackups';
import { refusalMessage } from '../../shared/bridge';
import type { AppSession } from './browser';
import { openWithCaseAndCable } from './setups';
import { BackupPanel, SettingsPage } from './pages/SettingsPage';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { ImportsPage } from './pages/ImportsPage';
import { AutoBackupsPanel, fakeDesktopState, installFakeDesktop } from './pages/AutoBackupsPanel';

let app: AppSession | null = null;
let scratch: string | null = null;

afterEach(async () => {
  await app?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  app = null;
  scratch = null;
});

const contains = (bytes: number[], text: string) => Buffer.from(bytes).includes(text);

describe('automatic backups', () => {
  test('the desktop lists them, writes one at start-up, and a restore first saves a safety copy', async () => {
    app = await openWithCaseAndCable();
    const settings = new SettingsPage(app.page);
    const autoBackups = new AutoBackupsPanel(app.page);
    await settings.open();
    // In a browser they are a desktop feature, said plainly.
    await expect.poll(() => autoBackups.panel().textContent()).toContain('Automatic backups are a desktop feature');

    // A backup of the two SKUs, then a third SKU the restore will take away.
    scratch = mkdtempSync(path.join(tmpdir(), 'stockpilot-auto-e2e-'));
    await new BackupPanel(app.page).backupTo(path.join(scratch, 'two-skus.stockpilot'));
    const twoSkus = [...readFileSync(path.join(scratch, 'two-skus.stockpilot'))];
    const skus = new SkuCatalogPage(app.page);
    await skus.open();
    await skus.create({ code: 'EXTRA-03', name: 'Extra', unitCost: '3.00' });
    await expect.poll(() => skus.codes()).toEqual(['CABLE-02', 'CASE-01', 'EXTRA-03']);

    const threeDaysAgo = autoBackupFileName('daily', Date.now() - 3 * 24 * 60 * 60 * 1000);
    await installFakeDesktop(app.page, { backups: [{ name: threeDaysAgo, bytes: twoSkus }] });

    // The newest daily backup is 3 days old and there is data: start-up writes one.
    await expect.poll(async () => (await fakeDesktopState(app!.page)).written.map((w) => w.kind), { timeout: 20_000 }).toEqual(['daily']);
    const [daily] = (await fakeDesktopState(app.page)).written;
    expect(contains(daily!.bytes, 'EXTRA-03')).toBe(true);

    await settings.open();
    await expect.poll(() => autoBackups.panel().textContent()).toContain('On. When the app starts');
    await expect.poll(() => autoBackups.names()).toEqual([daily!.name, threeDaysAgo]);
    expect(await app.page.getByTestId('auto-backups-folder').textContent()).toBe('Folder: /home/seller/.config/StockPilot/backups');
    expect(await app.page.getByTestId('auto-backups-last').textContent()).toMatch(/^Last automatic backup: /);

    await autoBackups.restore(threeDaysAgo);
    await expect.poll(() => autoBackups.status('ok').textContent(), { timeout: 20_000 }).toMatch(
      /^Restored 2 SKUs and 0 movements from the backup of \d{4}-\d{2}-\d{2}\. The data it replaced is in the backups folder as stockpilot-auto-.*-before-restore\.stockpilot\.$/,
    );
    const state = await fakeDesktopState(app.page);
    expect(state.read).toEqual([threeDaysAgo]);
    expect(state.written.map((w) => w.kind)).toEqual(['daily', 'before-restore']);
    // The safety copy holds what the restore replaced: the third SKU is in it.
    expect(contains(state.written[1]!.bytes, 'EXTRA-03')).toBe(true);
    await expect.poll(() => autoBackups.names()).toContain(state.written[1]!.name);

    await skus.open();
    await expect.poll(() => skus.codes()).toEqual(['CABLE-02', 'CASE-01']);
    expect(app.pageErrors).toEqual([]);
  });

  test('a start-up backup that fails is said on every screen, with its reason and the way to Settings', async () => {
    app = await openWithCaseAndCable();
    const electronMessage = `Error invoking remote method 'stockpilot:auto-backups-write': Error: ${refusalMessage('autoBackup.diskFull', { folder: '/home/seller/.config/StockPilot/backups' })}`;
    await installFakeDesktop(app.page, { writeAutoBackupError: electronMessage });
    const banner = app.page.getByTestId('auto-backup-failed');
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toBe(
      'The automatic backup could not be written. The disk is full: the automatic backup could not be written to /home/seller/.config/StockPilot/backups. Free some disk space — your data is unchanged. Settings',
    );
    expect(await banner.getAttribute('role')).toBe('alert');
    await banner.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => new AutoBackupsPanel(app!.page).panel().textContent()).toContain('The disk is full');
    // Settings says it itself, once.
    expect(await banner.count()).toBe(0);
  });

  test('a file the desktop refuses is named with its size, in English and in Chinese, on Imports and in restore', async () => {
    app = await openWithCaseAndCable();
    const electronMessage = `Error invoking remote method 'stockpilot:open-files': Error: ${refusalMessage('file.tooLarge', {
      file: 'All Orders 2025.txt',
      sizeBytes: 700 * 1024 * 1024,
      maxBytes: 512 * 1024 * 1024,
    })}`;
    await installFakeDesktop(app.page, { openFilesError: electronMessage });

    const imports = new ImportsPage(app.page);
    await imports.open();
    await app.page.getByRole('button', { name: 'Choose files…' }).click();
    await expect.poll(() => app!.page.getByTestId('drop-zone').getByTestId('status-error').textContent()).toBe(
      'All Orders 2025.txt is 700 MiB, more than the 512 MiB StockPilot can open at once. Nothing was opened — split the report into smaller date ranges and import them one by one.',
    );

    const settings = new SettingsPage(app.page);
    await settings.open();
    await settings.setLanguage('zh-CN');
    await app.page.getByRole('button', { name: '从备份恢复…' }).click();
    await expect.poll(() => new BackupPanel(app!.page).status('error').textContent()).toBe(
      'All Orders 2025.txt 大小为 700 MiB，超过 StockPilot 一次可打开的上限 512 MiB。未打开任何文件——请将报告按较短的日期范围拆分，逐个导入。',
    );
    await imports.open();
    await app.page.getByRole('button', { name: '选择文件…' }).click();
    await expect.poll(() => app!.page.getByTestId('drop-zone').getByTestId('status-error').textContent()).toMatch(/^All Orders 2025\.txt 大小为 700 MiB/);
    expect(app.pageErrors).toEqual([]);
  });
});
