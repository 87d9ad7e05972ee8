// The first day of a seller: catalog, codes, a receipt, a shipment to FBA through transit, the stock
// overview and the period report, in both languages, surviving a reload.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { PlatformCodesPage } from './pages/PlatformCodesPage';
import { LocationsPage } from './pages/LocationsPage';
import { MovementsPage } from './pages/MovementsPage';
import { StockPage } from './pages/StockPage';
import { ReportPage } from './pages/ReportPage';
import { SettingsPage } from './pages/SettingsPage';

let app: AppSession;

beforeEach(async () => {
  app = await openApp({ today: '2026-03-15' });
});

afterEach(async () => {
  await app.close();
});

describe('a seller sets up and moves stock', () => {
  test('receipt, shipment through transit, stock overview, period report, languages, reload', async () => {
    const { page } = app;
    const skus = new SkuCatalogPage(page);
    const codes = new PlatformCodesPage(page);
    const locations = new LocationsPage(page);
    const movements = new MovementsPage(page);
    const stock = new StockPage(page);
    const report = new ReportPage(page);
    const settings = new SettingsPage(page);

    // The empty first screen invites the seller to start.
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to StockPilot' }).isVisible()).toBe(true);

    await skus.open();
    await skus.create({ code: 'CASE-01', name: 'Phone case, black', unitCost: '2.50', casePack: '50', moq: '500' });
    await expect.poll(() => skus.okMessage().textContent()).toBe('SKU CASE-01 created.');
    await skus.create({ code: 'CABLE-02', name: 'USB-C cable 1 m', unitCost: '1.20' });
    await expect.poll(() => skus.codes()).toEqual(['CABLE-02', 'CASE-01']);

    await locations.open();
    await locations.createFba('FBA US', 'US');
    await expect.poll(() => locations.okMessage().textContent()).toBe('Location FBA US created.');

    await codes.open();
    await codes.map({ sku: 'CASE-01', marketplace: 'US', sellerSku: 'CASE-01-US', asin: 'B0ABCDEFGH', fnsku: 'X001ABCDEF' });
    await expect.poll(() => codes.okMessage().textContent()).toBe('Listing saved.');
    await expect.poll(() => codes.tableRows('listings')).toEqual([
      { sku: 'CASE-01', marketplace: 'US', sellerSku: 'CASE-01-US', asin: 'B0ABCDEFGH', fnsku: 'X001ABCDEF', units: '1', actions: 'Edit Delete' },
    ]);

    await movements.open();
    await movements.receive({ sku: 'CASE-01', location: 'Domestic warehouse', qty: '100', unitCost: '2.50', date: '2026-03-02' });
    await expect.poll(() => movements.okMessage().textContent()).toBe('Posted.');
    await movements.ship({ from: 'Domestic warehouse', to: 'FBA US', lines: [{ sku: 'CASE-01', qty: '60' }], date: '2026-03-05' });
    await expect.poll(() => movements.okMessage().textContent()).toBe('Shipment SHP-1 is in transit.');
    await expect.poll(() => movements.openShipments().count()).toBe(1);

    // In transit, visible as such.
    await stock.open();
    const fbaColumn = await stock.locationColumn('FBA US');
    const domesticColumn = await stock.locationColumn('Domestic warehouse');
    await expect.poll(() => stock.rowFor('CASE-01')).toMatchObject({ [domesticColumn]: '40', [fbaColumn]: '0', transit: '60', total: '100', value: '$250.00' });

    await movements.open();
    await movements.receiveShipment('SHP-1', '2026-03-12');
    await expect.poll(() => movements.okMessage().textContent()).toBe('Shipment SHP-1 received.');
    await expect.poll(() => movements.openShipments().count()).toBe(0);

    await stock.open();
    await expect.poll(() => stock.rowFor('CASE-01')).toMatchObject({ [domesticColumn]: '40', [fbaColumn]: '60', transit: '0', total: '100', value: '$250.00' });
    expect(await stock.tableTotal('stock')).toMatchObject({ total: '100', value: '$250.00' });

    // The period report balances: ending = beginning + incoming − outgoing.
    await report.open();
    await report.showMonthOf('2026-03-15');
    await expect.poll(() => report.rows()).toHaveLength(3);
    const rows = await report.rows();
    const byLocation = Object.fromEntries(rows.map((row) => [row.location, row]));
    expect(byLocation['Domestic warehouse']).toMatchObject({ sku: 'CASE-01', beginningQty: '0', incomingQty: '100', outgoingQty: '60', endingQty: '40', endingValueMinor: '$100.00' });
    expect(byLocation['In transit']).toMatchObject({ beginningQty: '0', incomingQty: '60', outgoingQty: '60', endingQty: '0', endingValueMinor: '$0.00' });
    expect(byLocation['FBA US']).toMatchObject({ beginningQty: '0', incomingQty: '60', outgoingQty: '0', endingQty: '60', endingValueMinor: '$150.00' });
    expect(await report.total()).toMatchObject({
      beginningQty: '0',
      incomingQty: '220',
      outgoingQty: '120',
      endingQty: '100',
      incomingValueMinor: '$550.00',
      outgoingValueMinor: '$300.00',
      endingValueMinor: '$250.00',
    });
    await report.groupBy('location');
    await expect.poll(() => report.rows()).toHaveLength(3);

    // Chinese and back.
    await settings.open();
    await settings.setLanguage('zh-CN');
    await expect.poll(() => page.locator('nav [data-screen="stock"]').textContent()).toBe('库存总览');
    await expect.poll(() => settings.heading().textContent()).toBe('设置');
    await settings.setLanguage('en');
    await expect.poll(() => page.locator('nav [data-screen="stock"]').textContent()).toBe('Stock overview');

    // Everything is still there after a reload.
    await page.reload();
    await stock.open();
    await expect.poll(() => stock.rowFor('CASE-01')).toMatchObject({ [domesticColumn]: '40', [fbaColumn]: '60', transit: '0', total: '100', value: '$250.00' });
    await skus.open();
    await expect.poll(() => skus.codes()).toEqual(['CABLE-02', 'CASE-01']);
    await movements.open();
    await expect.poll(() => movements.ledgerRowCount()).toBe(5);

    expect(app.pageErrors).toEqual([]);
  });
});
