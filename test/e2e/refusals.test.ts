// Bad input gets a specific message and changes nothing.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openWithCaseAndCable } from './setups';
import type { AppSession } from './browser';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { PlatformCodesPage } from './pages/PlatformCodesPage';
import { LocationsPage } from './pages/LocationsPage';
import { MovementsPage } from './pages/MovementsPage';
import { StockPage } from './pages/StockPage';

let app: AppSession;

beforeEach(async () => {
  app = await openWithCaseAndCable();
});

afterEach(async () => {
  await app.close();
});

describe('refused input', () => {
  test('a duplicate SKU code (any case) is refused and the catalog is unchanged', async () => {
    const skus = new SkuCatalogPage(app.page);
    await skus.create({ code: 'case-01', name: 'Another case' });
    await expect.poll(() => skus.errorMessage().textContent()).toBe('SKU code CASE-01 already exists. Choose another code — nothing was saved.');
    await skus.page.getByRole('button', { name: 'Cancel' }).click();
    expect(await skus.tableRows('skus')).toEqual([
      expect.objectContaining({ code: 'CABLE-02', name: 'Cable' }),
      expect.objectContaining({ code: 'CASE-01', name: 'Phone case' }),
    ]);
  });

  test('a non-numeric case pack names the field', async () => {
    const skus = new SkuCatalogPage(app.page);
    await skus.create({ code: 'NEW-1', name: 'New', casePack: 'ten' });
    await expect.poll(() => skus.errorMessage().textContent()).toBe('Case pack (units per carton): “ten” is not a number.');
    await skus.page.getByRole('button', { name: 'Cancel' }).click();
    expect(await skus.codes()).toEqual(['CABLE-02', 'CASE-01']);
  });

  test('an FNSKU already mapped to another SKU is refused, naming that SKU', async () => {
    const codes = new PlatformCodesPage(app.page);
    await codes.open();
    await codes.map({ sku: 'CASE-01', marketplace: 'US', sellerSku: 'CASE-US', fnsku: 'X001ABCDEF' });
    await expect.poll(() => codes.okMessage().textContent()).toBe('Listing saved.');
    await codes.map({ sku: 'CABLE-02', marketplace: 'DE', sellerSku: 'CABLE-DE', fnsku: 'X001ABCDEF' });
    await expect.poll(() => codes.errorMessage().textContent()).toBe('FNSKU X001ABCDEF is already mapped to SKU CASE-01. One FNSKU maps to one SKU — nothing was saved.');
    await codes.map({ sku: 'CABLE-02', marketplace: 'US', sellerSku: 'case-us' });
    await expect.poll(() => codes.errorMessage().textContent()).toBe('Seller SKU case-us on US is already mapped to SKU CASE-01 — nothing was saved.');
    expect(await codes.tableRows('listings')).toHaveLength(1);
  });

  test('a non-numeric quantity and a transfer beyond stock are refused and post nothing', async () => {
    const locations = new LocationsPage(app.page);
    await locations.open();
    await locations.createFba('FBA US', 'US');
    await expect.poll(() => locations.okMessage().textContent()).toBe('Location FBA US created.');

    const movements = new MovementsPage(app.page);
    await movements.open();
    await movements.receive({ sku: 'CASE-01', location: 'Domestic warehouse', qty: 'abc', unitCost: '2.50' });
    await expect.poll(() => movements.errorMessage().textContent()).toBe('Quantity: “abc” is not a number.');
    expect(await movements.ledgerRowCount()).toBe(0);

    await movements.receive({ sku: 'CASE-01', location: 'Domestic warehouse', qty: '10', unitCost: '2.50', date: '2026-03-01' });
    await expect.poll(() => movements.okMessage().textContent()).toBe('Posted.');
    await expect.poll(() => movements.ledgerRowCount()).toBe(1);

    await movements.ship({ from: 'Domestic warehouse', to: 'FBA US', lines: [{ sku: 'CASE-01', qty: '11' }], date: '2026-03-05' });
    await expect.poll(() => movements.errorMessage().textContent()).toBe(
      'Not enough stock: CASE-01 at Domestic warehouse has 10 available on 2026-03-05, 11 requested. Nothing was posted.',
    );
    await movements.adjust({ sku: 'CASE-01', location: 'Domestic warehouse', qty: '-12', reason: 'damaged' });
    await expect.poll(() => movements.errorMessage().textContent()).toBe(
      'Not enough stock: CASE-01 at Domestic warehouse has 10 available on 2026-03-15, 12 requested. Nothing was posted.',
    );
    expect(await movements.ledgerRowCount()).toBe(1);
    expect(await movements.openShipments().count()).toBe(0);

    const stock = new StockPage(app.page);
    await stock.open();
    await expect.poll(() => stock.rowFor('CASE-01')).toMatchObject({ total: '10', transit: '0', value: '$25.00' });
    expect(app.pageErrors).toEqual([]);
  });
});
