// A new seller loads the demo, browses the ledger, backs up, removes the demo batch and restores it;
// a file that is not a backup is refused and changes nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { StockPage } from './pages/StockPage';
import { LedgerPage } from './pages/LedgerPage';
import { BackupPanel, SettingsPage } from './pages/SettingsPage';

let app: AppSession;
let dir: string;

beforeEach(async () => {
  app = await openApp({ today: '2026-11-26' });
  dir = mkdtempSync(path.join(tmpdir(), 'stockpilot-backup-'));
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo data, ledger browser, backup and restore', () => {
  test('load the demo, browse, back up, remove the batch, refuse a CSV, restore', async () => {
    const { page } = app;
    const stock = new StockPage(page);
    const ledger = new LedgerPage(page);
    const settings = new SettingsPage(page);
    const backup = new BackupPanel(page);

    await page.getByRole('button', { name: 'Load demo data' }).click();
    await expect.poll(() => page.getByTestId('stock-row').count(), { timeout: 60_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('stock-updating').count()).toBe(0);
    const totalBefore = await stock.tableTotal('stock');
    expect(Number(totalBefore.total?.replace(/,/g, ''))).toBeGreaterThan(0);

    await ledger.open();
    await expect.poll(() => ledger.countText()).toBe('60,000 of 60,000 movements');
    await ledger.filterType('receipt');
    await expect.poll(async () => Number((await ledger.countText()).split(' ')[0]!.replace(/,/g, ''))).toBeLessThan(60_000);
    const receiptTypes = (await ledger.tableRows('ledger-browser')).map((row) => row.type);
    expect(new Set(receiptTypes)).toEqual(new Set(['Receipt']));
    await ledger.clearFilters();
    await ledger.filterBatch('manual');
    await expect.poll(() => ledger.countText()).toBe('0 of 60,000 movements');
    await ledger.clearFilters();

    await settings.open();
    const backupPath = path.join(dir, 'backup.stockpilot');
    const name = await backup.backupTo(backupPath);
    expect(name).toMatch(/^stockpilot-backup-\d{4}-\d{2}-\d{2}-\d{4}\.stockpilot$/);

    // A CSV is not a backup: refused by name, data untouched.
    await backup.restoreFrom({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from('sku,qty\nA,1\n') });
    await expect.poll(() => backup.status('error').textContent()).toBe('orders.csv is not a StockPilot backup. Choose a .stockpilot file made by StockPilot — nothing was changed.');
    await stock.open();
    await expect.poll(() => stock.tableTotal('stock')).toEqual(totalBefore);

    // Removing the demo batch takes its movements out of every balance.
    await ledger.open();
    await ledger.removeBatch('demo');
    await expect.poll(() => ledger.countText()).toBe('0 of 0 movements');
    await expect.poll(() => ledger.batches().count()).toBe(0);
    await stock.open();
    await expect.poll(() => page.getByText('No stock recorded yet. Record a receipt under Movements.').isVisible()).toBe(true);

    // Restoring the backup brings every balance back.
    await settings.open();
    await backup.restoreFrom({ name: 'backup.stockpilot', mimeType: 'application/octet-stream', buffer: readFileSync(backupPath) });
    await expect.poll(() => backup.status('ok').textContent(), { timeout: 60_000 }).toMatch(/^Restored 300 SKUs and 60,000 movements/);
    await stock.open();
    await expect.poll(() => stock.tableTotal('stock')).toEqual(totalBefore);
    expect(app.pageErrors).toEqual([]);
  });
});
