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
    await expect.poll(() => imports.fact(ledger, 'import-kind')).toBe('GET_LEDGER_DETAIL_VIEW_DATA');
    expect(await imports.fact(ledger, 'import-new')).toBe('8');
    expect(await imports.fact(ledger, 'import-held')).toBe('3 (X003ZQ1B7H (US))');
    await expect.poll(() => imports.fact('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv', 'import-kind')).toBe('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA');
    await expect.poll(() => imports.fact('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv', 'import-kind')).toBe('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL');

    await imports.apply(ledger);
    await expect.poll(() => imports.cardStatus(ledger)).toBe('Imported: 8 new movements posted, 0 already there, 3 held, 0 rows rejected.');

    await imports.mapHeld('X003ZQ1B7H', 'LED-STRIP');
    await expect.poll(() => page.getByTestId('held-status').textContent()).toBe('X003ZQ1B7H mapped: 3 rows posted.');

    const stock = new StockPage(page);
    await stock.open();
    const fbaUs = await stock.locationColumn('FBA US');
    // 240 received, 3 shipped, 1 returned, 12 out and back between centres, 1 lost and found again.
    await expect.poll(() => stock.rowFor('EARBUD-BLK')).toMatchObject({ [fbaUs]: '238', transit: '0' });
    // Amazon's ledger oversells what StockPilot knew of: it is shown, not hidden.
    await expect.poll(() => stock.rowFor('LED-STRIP')).toMatchObject({ [fbaUs]: '-6' });

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
});
