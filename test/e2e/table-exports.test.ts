// Every table exports CSV (PRODUCT §7): a seller with a few SKUs — one whose name a spreadsheet
// would run as a formula — a damaged-stock adjustment, a purchase order and a shipment exports the
// stock overview, the catalog, the purchase orders, the shipments and the ledger. Each file holds the
// rows as shown (filtered and sorted), its header in the UI language, numbers as numbers (a negative
// quantity too) and formula-like text neutralised.
import { afterEach, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { MovementsPage } from './pages/MovementsPage';
import { LocationsPage } from './pages/LocationsPage';
import { StockPage } from './pages/StockPage';
import { SuppliersPage } from './pages/SuppliersPage';
import { PurchaseOrdersPage } from './pages/PurchaseOrdersPage';
import { ShipmentsPage } from './pages/ShipmentsPage';
import { LedgerPage } from './pages/LedgerPage';
import { SettingsPage } from './pages/SettingsPage';

const TODAY = '2026-03-15';
const FORMULA_NAME = '=HYPERLINK("http://x.test","win")';
/** The name as the file writes it: an apostrophe first, then quoted for its quotes and comma. */
const FORMULA_CELL = `"'=HYPERLINK(""http://x.test"",""win"")"`;

let app: AppSession;

afterEach(async () => {
  await app?.close();
});

/** The file's lines after its byte order mark, without the empty string after the last CRLF. */
function lines(text: string): string[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(1, -2).split('\r\n');
}

/** The app with CASE-01 (10 received, 2 damaged), EVIL-03 (named like a formula, 5 received), FBA US, a supplier, a draft PO and a sea shipment. */
async function setUp(): Promise<void> {
  app = await openApp({ today: TODAY });
  const { page } = app;
  const skus = new SkuCatalogPage(page);
  await skus.open();
  await skus.create({ code: 'CASE-01', name: 'Phone case', unitCost: '2.50', casePack: '20', moq: '100' });
  await expect.poll(() => skus.codes()).toEqual(['CASE-01']);
  await skus.create({ code: 'EVIL-03', name: FORMULA_NAME, unitCost: '1.00' });
  await expect.poll(() => skus.codes()).toEqual(['CASE-01', 'EVIL-03']);

  const locations = new LocationsPage(page);
  await locations.open();
  await locations.createFba('FBA US', 'US');
  await expect.poll(() => locations.okMessage().textContent()).toBe('Location FBA US created.');

  const movements = new MovementsPage(page);
  await movements.open();
  await movements.receive({ sku: 'CASE-01', location: 'Domestic warehouse', qty: '10', unitCost: '2.50', date: '2026-03-01' });
  await expect.poll(() => movements.ledgerRowCount()).toBe(1);
  await movements.receive({ sku: 'EVIL-03', location: 'Domestic warehouse', qty: '5', unitCost: '1.00', date: '2026-03-02' });
  await expect.poll(() => movements.ledgerRowCount()).toBe(2);
  await movements.adjust({ sku: 'CASE-01', location: 'Domestic warehouse', qty: '-2', reason: 'damaged', date: '2026-03-10' });
  await expect.poll(() => movements.ledgerRowCount()).toBe(3);

  const suppliers = new SuppliersPage(page);
  await suppliers.open();
  await suppliers.create({ name: 'Shenzhen Cases Ltd', currency: 'USD', productionDaysMean: '20', productionDaysSd: '4', moq: '100' });
  await expect.poll(() => suppliers.okMessage().textContent()).toBe('Supplier Shenzhen Cases Ltd saved.');

  const orders = new PurchaseOrdersPage(page);
  await orders.open();
  await orders.create({ orderDate: '2026-03-05', expectedDate: '2026-03-25', lines: [{ sku: 'CASE-01', qty: '300', unitCost: '2.25' }] });
  await expect.poll(async () => (await orders.rows()).length).toBe(1);

  const shipments = new ShipmentsPage(page);
  await shipments.open();
  await shipments.create({ from: 'Domestic warehouse', to: 'FBA US', mode: 'sea', shipDate: '2026-03-11', eta: '2026-03-13', lines: [{ sku: 'CASE-01', qty: '3' }] });
  await expect.poll(async () => (await shipments.shipments()).length).toBe(1);
}

describe('every table exports CSV', () => {
  test('stock, SKUs, purchase orders, shipments and the ledger: the rows as shown, numbers as numbers, formulas neutralised', async () => {
    await setUp();
    const { page } = app;

    // Stock overview, reached by Tab from its filter: as of today, value in the base currency.
    const stock = new StockPage(page);
    await stock.open();
    await expect.poll(async () => (await stock.tableRows('stock')).length).toBe(2);
    await page.getByRole('searchbox', { name: 'Filter by SKU or name' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Export CSV: Stock overview');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`stockpilot-stock-${TODAY}.csv`);
    const stockCsv = await stock.exportTable('stock');
    expect(lines(stockCsv.text)).toEqual([
      'SKU,Name,Domestic warehouse,FBA US,In transit,Total units,Value (USD)',
      'CASE-01,Phone case,5,0,3,8,20',
      `EVIL-03,${FORMULA_CELL},5,0,0,5,5`,
    ]);

    // Filtered: only the rows the filter leaves.
    await page.getByRole('searchbox', { name: 'Filter by SKU or name' }).fill('evil');
    await expect.poll(async () => (await stock.tableRows('stock')).length).toBe(1);
    expect(lines((await stock.exportTable('stock')).text).slice(1)).toEqual([`EVIL-03,${FORMULA_CELL},5,0,0,5,5`]);

    // SKU catalog, sorted by name ('=' before 'P'): the file follows the sort, not the catalog order.
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await page.getByRole('button', { name: 'Name' }).click();
    await expect.poll(() => skus.codes()).toEqual(['EVIL-03', 'CASE-01']);
    const skuCsv = await skus.exportTable('skus');
    expect(skuCsv.name).toBe(`stockpilot-skus-${TODAY}.csv`);
    expect(lines(skuCsv.text)).toEqual([
      'SKU code,Name,Unit cost,Cost currency,Case pack (units per carton),MOQ (units),Barcode',
      `EVIL-03,${FORMULA_CELL},1,USD,1,0,`,
      'CASE-01,Phone case,2.5,USD,20,100,',
    ]);

    // Purchase orders: received and ordered as two numbers, the total in the PO's currency.
    const orders = new PurchaseOrdersPage(page);
    await orders.open();
    const poCsv = await orders.exportTable('pos');
    expect(poCsv.name).toBe(`stockpilot-purchase-orders-${TODAY}.csv`);
    expect(lines(poCsv.text)).toEqual([
      'PO number,Supplier,Status,Order date,Expected date,Received,Ordered,Total,Currency',
      'PO-2026-0001,Shenzhen Cases Ltd,Draft,2026-03-05,2026-03-25,0,300,675,USD',
    ]);

    // Shipments: what is in transit, and every shipment (two days late: a number of days).
    const shipments = new ShipmentsPage(page);
    await shipments.open();
    const transitCsv = await shipments.exportTable('in-transit');
    expect(transitCsv.name).toBe(`stockpilot-in-transit-${TODAY}.csv`);
    expect(lines(transitCsv.text)).toEqual(['SKU,To,In transit,ETA,Delay (days),Shipment', 'CASE-01,FBA US,3,2026-03-13,2,SHP-1']);
    const shipmentsCsv = await shipments.exportTable('shipments');
    expect(lines(shipmentsCsv.text)).toEqual(['Shipment,Route,Mode,Ship date,ETA,Status,Delay (days),Quantity', 'SHP-1,Domestic warehouse → FBA US,Sea,2026-03-11,2026-03-13,In transit,2,3']);

    // The ledger browser: every movement, the damaged units a negative number, not text.
    const ledger = new LedgerPage(page);
    await ledger.open();
    await expect.poll(() => ledger.countText()).toBe('5 of 5 movements');
    const ledgerCsv = await ledger.exportTable('ledger-browser');
    expect(ledgerCsv.name).toBe(`stockpilot-ledger-${TODAY}.csv`);
    const ledgerLines = lines(ledgerCsv.text);
    expect(ledgerLines[0]).toBe('Date,Type,SKU,Location,Quantity,Reference,Source');
    expect(ledgerLines).toHaveLength(6);
    expect(ledgerLines).toContain('2026-03-10,Adjustment,CASE-01,Domestic warehouse,-2,,Entered by hand');
    expect(ledgerLines).toContain('2026-03-02,Receipt,EVIL-03,Domestic warehouse,5,,Entered by hand');
    expect(app.pageErrors).toEqual([]);
  });

  test('in Chinese: the headers and the button are Chinese, the values stay numbers', async () => {
    await setUp();
    const { page } = app;
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.setLanguage('zh-CN');
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await expect.poll(() => skus.exportButton('skus').textContent()).toBe('导出 CSV');
    const skuCsv = await skus.exportTable('skus');
    expect(lines(skuCsv.text)[0]).toBe('SKU 编码,名称,单位成本,成本币种,箱规（每箱件数）,起订量 MOQ（件）,条码');
    expect(lines(skuCsv.text).slice(1)).toEqual(['CASE-01,Phone case,2.5,USD,20,100,', `EVIL-03,${FORMULA_CELL},1,USD,1,0,`]);

    const ledger = new LedgerPage(page);
    await ledger.open();
    const ledgerLines = lines((await ledger.exportTable('ledger-browser')).text);
    expect(ledgerLines[0]).toBe('日期,类型,SKU,仓库,数量,单号,来源');
    expect(ledgerLines.some((line) => line.startsWith('2026-03-10,') && line.includes(',CASE-01,') && line.includes(',-2,'))).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
