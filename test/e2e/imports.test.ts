// A seller drops Seller Central reports: the ledger detail posts (one FNSKU held until mapped), the
// inventory and orders reports are recognised, and re-importing the ledger finds nothing new.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { PlatformCodesPage } from './pages/PlatformCodesPage';
import { ImportsPage } from './pages/ImportsPage';
import { StockPage } from './pages/StockPage';
import { ReconciliationPage } from './pages/ReconciliationPage';

const fixture = (name: string) => ({ name, bytes: readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', name)) });

let app: AppSession;

beforeEach(async () => {
  app = await openApp({ today: '2026-05-10' });
});

afterEach(async () => {
  await app.close();
});

describe('importing Seller Central reports', () => {
  test('ledger detail posts, an unmapped FNSKU is held then mapped, a re-import finds nothing new', async () => {
    const { page } = app;
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'EARBUD-BLK', name: 'Earbuds black', unitCost: '8.00' });
    await expect.poll(() => skus.codes()).toEqual(['EARBUD-BLK']);
    await skus.create({ code: 'LED-STRIP', name: 'LED strip 5 m', unitCost: '3.00' });
    await expect.poll(() => skus.codes()).toEqual(['EARBUD-BLK', 'LED-STRIP']);
    const codes = new PlatformCodesPage(page);
    await codes.open();
    await codes.map({ sku: 'EARBUD-BLK', marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ' });
    await expect.poll(() => codes.okMessage().textContent()).toBe('Listing saved.');

    const imports = new ImportsPage(page);
    await imports.open();
    await imports.drop([fixture('GET_LEDGER_DETAIL_VIEW_DATA.tsv'), fixture('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv'), fixture('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv')]);
    const ledger = 'GET_LEDGER_DETAIL_VIEW_DATA.tsv';
    await expect.poll(() => imports.fact(ledger, 'import-kind')).toBe('Inventory Ledger (detailed view)');
    expect(await imports.fact(ledger, 'import-new')).toBe('8');
    expect(await imports.fact(ledger, 'import-held')).toBe('3 (X003ZQ1B7H (US))');
    await expect.poll(() => imports.fact('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv', 'import-kind')).toBe('Manage FBA Inventory');
    await expect.poll(() => imports.fact('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv', 'import-kind')).toBe('All Orders');

    await imports.apply(ledger);
    await expect.poll(() => imports.cardStatus(ledger)).toBe('Imported: 8 new movements posted, 0 already there, 3 held, 0 rows rejected.');

    await imports.mapHeld('X003ZQ1B7H', 'LED-STRIP');
    await expect.poll(() => page.getByTestId('held-status').textContent()).toBe('X003ZQ1B7H mapped: 3 rows posted.');

    // Manage FBA Inventory is a snapshot of FBA US today; All Orders becomes daily demand.
    const myi = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv';
    expect(await imports.fact(myi, 'import-date')).toBe('2026-05-10');
    expect(await imports.fact(myi, 'import-locations')).toBe('FBA US');
    expect(await imports.fact(myi, 'import-new')).toBe('10');
    await imports.apply(myi);
    await expect.poll(() => imports.cardStatus(myi)).toBe('Imported: 10 new rows and 0 updated rows kept, 0 already there, 0 rows rejected.');
    const orders = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv';
    await imports.apply(orders);
    await expect.poll(() => imports.cardStatus(orders)).toMatch(/^Imported: \d+ new rows and 0 updated rows kept, 0 already there, 0 rows rejected\.$/);

    const stock = new StockPage(page);
    await stock.open();
    const fbaUs = await stock.locationColumn('FBA US');
    // 240 received, 3 shipped, 1 returned, 12 out and back between centres, 1 lost and found again.
    await expect.poll(() => stock.rowFor('EARBUD-BLK')).toMatchObject({ [fbaUs]: '238', transit: '0' });
    // Amazon's ledger oversells what StockPilot knew of: it is shown, not hidden.
    await expect.poll(() => stock.rowFor('LED-STRIP')).toMatchObject({ [fbaUs]: '-6' });

    // The snapshot against the ledger: Amazon counts 432 earbuds on hand (412 fulfillable, 17
    // reserved, 3 unsellable) where the ledger file brought 238.
    const reconcile = new ReconciliationPage(page);
    await reconcile.open();
    await expect.poll(() => reconcile.chosenSnapshot()).toMatch(/^2026-05-10 · FBA US · Manage FBA Inventory/);
    await expect.poll(() => reconcile.rowFor('EARBUD-BLK')).toMatchObject({ snapshot: '432', ledger: '238', difference: '+194', status: 'Difference' });
    await expect.poll(() => reconcile.rowFor('LED-STRIP')).toMatchObject({ snapshot: '0', ledger: '-6', difference: '+6' });

    // The same file again: nothing new, nothing written.
    await imports.open();
    await imports.drop([fixture(ledger)]);
    await expect.poll(() => page.locator(`[data-testid="import-file"][data-file="${ledger}"]`).count()).toBe(1);
    await expect.poll(() => imports.fact(ledger, 'import-duplicates')).toBe('11');
    expect(await imports.fact(ledger, 'import-new')).toBe('0');
    expect(await imports.fact(ledger, 'import-held')).toBe('0');
    await expect.poll(() => imports.card(ledger).getByRole('button', { name: 'Nothing new to apply' }).isDisabled()).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  test('a Chinese warehouse stock file (GBK) is mapped once, kept as a snapshot, and maps itself the next time', async () => {
    const { page } = app;
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'BT-EARBUD-BLK', name: '无线蓝牙耳机 黑色', unitCost: '45.50' });
    await expect.poll(() => skus.codes()).toEqual(['BT-EARBUD-BLK']);

    const imports = new ImportsPage(page);
    await imports.open();
    const file = { name: 'domestic-stock.csv', bytes: readFileSync(path.resolve(import.meta.dirname, '../fixtures/warehouse/domestic-stock.zh-CN.gbk.csv')) };
    await imports.drop([file]);
    const card = imports.card(file.name);
    const form = card.getByTestId('generic-mapping');
    await form.waitFor();
    // The Chinese headers were read (GB18030) and guessed: 货号 is the code, 库存数量 the quantity.
    expect(await form.locator('select[name="map-codeColumn"]').inputValue()).toBe('货号');
    expect(await form.locator('select[name="map-quantityColumn"]').inputValue()).toBe('库存数量');
    // Both of the file's warehouses are the seller's one domestic warehouse here.
    await form.locator('select[name="map-locationColumn"]').selectOption('');
    await form.locator('select[name="map-locationId"]').selectOption({ label: 'Domestic warehouse' });
    await form.getByRole('button', { name: 'Preview with this mapping' }).click();
    await expect.poll(() => imports.fact(file.name, 'import-new')).toBe('4');
    expect(await imports.fact(file.name, 'import-locations')).toBe('Domestic warehouse');
    expect(await imports.fact(file.name, 'import-date')).toBe('2026-11-26');
    await imports.apply(file.name);
    await expect.poll(() => imports.cardStatus(file.name)).toBe('Imported: 4 new rows and 0 updated rows kept, 0 already there, 0 rows rejected.');

    // The same export again: the saved mapping applies by itself, and nothing is new.
    await card.getByRole('button', { name: 'Close' }).click();
    await imports.drop([file]);
    await expect.poll(() => imports.fact(file.name, 'import-duplicates')).toBe('4');
    expect(await imports.card(file.name).getByTestId('generic-mapping').textContent()).toContain('same columns as one you mapped before');
    await expect.poll(() => imports.card(file.name).getByRole('button', { name: 'Nothing new to apply' }).isDisabled()).toBe(true);

    // 1,200 + 45 earbuds in the two warehouses of the file, none in the ledger yet.
    const reconcile = new ReconciliationPage(page);
    await reconcile.open();
    await expect.poll(() => reconcile.chosenSnapshot()).toMatch(/^2026-11-26 · Domestic warehouse · Warehouse stock file/);
    await expect.poll(() => reconcile.rowFor('BT-EARBUD-BLK')).toMatchObject({ snapshot: '1,245', ledger: '0', difference: '+1,245', status: 'Only in report' });
    expect(app.pageErrors).toEqual([]);
  });
});
