// Purchasing and logistics, as a seller buying from a Chinese factory and shipping to Amazon: a CNY
// exchange rate, a supplier, a purchase order received in two parts at the rate in force and printed
// for the supplier; a sea shipment to FBA US with freight spread over its units, its packing list with
// the FNSKU barcode, a delay once past its ETA, and a short receipt that closes it. Bad input is
// refused with a message and changes nothing.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { MARGIN_MM, PT_PER_MM } from './pdf';
import type { PageSize } from './pdf';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { PlatformCodesPage } from './pages/PlatformCodesPage';
import { LocationsPage } from './pages/LocationsPage';
import { SettingsPage } from './pages/SettingsPage';
import { StockPage } from './pages/StockPage';
import { PrintPreviewPage } from './pages/PrintPreviewPage';
import { SuppliersPage } from './pages/SuppliersPage';
import { PurchaseOrdersPage } from './pages/PurchaseOrdersPage';
import { ShipmentsPage } from './pages/ShipmentsPage';
import { code128 } from '../../shared/print/code128';

const TODAY = '2026-04-01';
const ETA = '2026-05-01'; // TODAY + 30
const PAST_ETA = '2026-05-06'; // ETA + 5
const SUPPLIER = 'Ningbo Lighting Co.';
const PO = 'PO-2026-0001';
const FNSKU = 'X004LAMP01';
const DOMESTIC = 'Domestic warehouse';

/** Right edge of the printable area: the page width minus the 12 mm margin (half a point of slack for flush-right text). */
const rightLimitPt = (pageWidthPt: number) => pageWidthPt - MARGIN_MM * PT_PER_MM + 0.5;

let app: AppSession;

afterEach(async () => {
  await app?.close();
});

/**
 * Moves the app's clock and reloads. openApp({ today }) pins `stockpilot.today` with an init script
 * that runs on every load, so setting localStorage and reloading alone would be undone; a later init
 * script runs after it and wins.
 */
async function setToday(session: AppSession, date: string): Promise<void> {
  await session.context.addInitScript((day) => window.localStorage.setItem('stockpilot.today', day), date);
  await session.page.reload();
  expect(await session.page.evaluate(() => window.localStorage.getItem('stockpilot.today'))).toBe(date);
}

/** Settings: the base currency stays USD; CNY is worth 0.14 USD from before the PO. */
async function addCnyRate(page: Page): Promise<void> {
  const settings = new SettingsPage(page);
  await settings.open();
  expect(await page.locator('select[name="baseCurrency"]').inputValue()).toBe('USD');
  const form = page.getByRole('form', { name: 'Exchange rates' });
  await form.locator('input[name="rateCurrency"]').fill('CNY');
  await form.locator('input[name="rateDate"]').fill('2026-03-01');
  await form.locator('input[name="rate"]').fill('0.14');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => form.getByTestId('status-ok').textContent()).toBe('Rate for CNY from 2026-03-01 saved.');
  await expect.poll(() => page.getByTestId('rates').locator('tbody tr').allInnerTexts()).toEqual(['CNY\t2026-03-01\t0.14']);
  expect(await page.locator('select[name="baseCurrency"]').inputValue()).toBe('USD');
}

async function createSkus(page: Page): Promise<void> {
  const skus = new SkuCatalogPage(page);
  await skus.open();
  await skus.create({ code: 'LAMP-01', name: 'Desk lamp, brass', casePack: '10', moq: '100' });
  await expect.poll(() => skus.okMessage().textContent()).toBe('SKU LAMP-01 created.');
  await skus.create({ code: 'SHADE-02', name: 'Linen lamp shade' });
  await expect.poll(() => skus.codes()).toEqual(['LAMP-01', 'SHADE-02']);
}

async function createSupplier(page: Page): Promise<void> {
  const suppliers = new SuppliersPage(page);
  await suppliers.open();
  await suppliers.create({ name: SUPPLIER, contact: 'Ms. Chen, chen@example.cn', currency: 'CNY', productionDaysMean: '20', productionDaysSd: '4', moq: '100', paymentTerms: '30% deposit' });
  await expect.poll(() => suppliers.okMessage().textContent()).toBe(`Supplier ${SUPPLIER} saved.`);
  // The list follows the database: it may show the new row a moment after the message.
  await expect.poll(() => suppliers.rows()).toEqual([expect.objectContaining({ name: SUPPLIER, currency: 'CNY', lead: '20 ± 4', moq: '100' })]);
}

/** The PO of both tests: 300 × CNY 20.00 and 200 × CNY 7.00, saved as a draft, then sent. */
async function createAndSendPo(page: Page): Promise<PurchaseOrdersPage> {
  const orders = new PurchaseOrdersPage(page);
  await orders.open();
  await orders.create({
    orderDate: '2026-03-02',
    expectedDate: '2026-03-22',
    lines: [
      { sku: 'LAMP-01', qty: '300', unitCost: '20.00' },
      { sku: 'SHADE-02', qty: '200', unitCost: '7.00' },
    ],
  });
  await expect.poll(() => orders.rows()).toEqual([
    expect.objectContaining({ number: PO, supplier: SUPPLIER, status: 'Draft', orderDate: '2026-03-02', expectedDate: '2026-03-22', units: '0 / 500', total: 'CN¥7,400.00' }),
  ]);
  expect(await orders.status()).toBe('Draft');
  await orders.markSent();
  await expect.poll(() => orders.detailOk().textContent()).toBe(`${PO} marked as sent.`);
  await expect.poll(() => orders.status()).toBe('Sent');
  return orders;
}

describe('purchasing from a supplier in CNY', () => {
  test('a PO is received in two parts at the rate in force, values stock in USD, prints, and bad lines are refused', async () => {
    app = await openApp({ today: TODAY });
    const { page } = app;
    const stock = new StockPage(page);
    const suppliers = new SuppliersPage(page);

    await addCnyRate(page);
    await createSkus(page);
    await createSupplier(page);
    const orders = await createAndSendPo(page);

    // First part: 100 + 80.
    await orders.receive({ date: '2026-03-20', qty: { 'LAMP-01': '100', 'SHADE-02': '80' } });
    await expect.poll(() => orders.detailOk().textContent()).toBe(`180 units of ${PO} received.`);
    await expect.poll(() => orders.status()).toBe('Partially received');
    await expect.poll(() => orders.lines()).toEqual([
      { sku: 'LAMP-01', qty: '300', received: '100', open: '200', unitPrice: 'CN¥20.00' },
      { sku: 'SHADE-02', qty: '200', received: '80', open: '120', unitPrice: 'CN¥7.00' },
    ]);
    expect(await orders.receipts()).toEqual(['2026-03-20: 180 units received (rate 0.14)']);
    // The unit cost each line entered stock at, in the base currency: CN¥20.00 × 0.14 and CN¥7.00 × 0.14.
    expect(await page.getByTestId('po-line-base-cost').allTextContents()).toEqual(['$2.80', '$0.98']);
    await expect.poll(() => orders.rows()).toEqual([expect.objectContaining({ number: PO, status: 'Partially received', units: '180 / 500' })]);

    // Received at CNY 20.00 × 0.14 = USD 2.80 and CNY 7.00 × 0.14 = USD 0.98 a unit.
    await stock.open();
    const domestic = await stock.locationColumn(DOMESTIC);
    await expect.poll(() => stock.rowFor('LAMP-01')).toMatchObject({ [domestic]: '100', transit: '0', total: '100', value: '$280.00' });
    await expect.poll(() => stock.rowFor('SHADE-02')).toMatchObject({ [domestic]: '80', transit: '0', total: '80', value: '$78.40' });

    // The supplier's stock status: on hand at home and still on order.
    await suppliers.open();
    await suppliers.openStockStatus(SUPPLIER);
    // Nothing has sold at Amazon yet: the plan has nothing to forecast from, and the sheet says so.
    await expect.poll(() => suppliers.stockStatusNote().textContent()).toBe(
      'No forecast or suggested order: none of these SKUs has sales history at Amazon FBA yet, so the replenishment plan has nothing to forecast from.',
    );
    await expect.poll(() => suppliers.stockStatusRowFor('LAMP-01')).toEqual({ sku: 'LAMP-01', name: 'Desk lamp, brass', domestic: '100', overseas: '0', fba: '0', inTransit: '0', sold: '0', onOrder: '200', forecast: '0', suggested: '0', orderBy: '' });
    await expect.poll(() => suppliers.stockStatusRows().then((rows) => rows.map((row) => row.sku))).toEqual(['LAMP-01', 'SHADE-02']);
    await new PrintPreviewPage(page).close();

    // The rest: the form proposes what is still open.
    await orders.open();
    await orders.openOrder(PO);
    await orders.receive({ date: '2026-03-25' });
    await expect.poll(() => orders.detailOk().textContent()).toBe(`320 units of ${PO} received.`);
    await expect.poll(() => orders.status()).toBe('Received');
    await expect.poll(() => orders.lines()).toEqual([
      { sku: 'LAMP-01', qty: '300', received: '300', open: '0', unitPrice: 'CN¥20.00' },
      { sku: 'SHADE-02', qty: '200', received: '200', open: '0', unitPrice: 'CN¥7.00' },
    ]);
    expect(await orders.receipts()).toEqual(['2026-03-20: 180 units received (rate 0.14)', '2026-03-25: 320 units received (rate 0.14)']);
    await expect.poll(() => orders.rows()).toEqual([expect.objectContaining({ number: PO, status: 'Received', units: '500 / 500' })]);

    // Printed for the supplier, in English, on A4 and Letter, inside the margins.
    await orders.printEnglish();
    const preview = new PrintPreviewPage(page);
    expect(await preview.title()).toBe(PO);
    for (const size of ['A4', 'Letter'] as PageSize[]) {
      const printed = await preview.printed(size);
      const text = printed.pages.join(' ');
      expect(text, size).toContain(`Purchase order ${PO}`);
      expect(text, size).toContain(SUPPLIER);
      expect(text, size).toMatch(/LAMP-01 Desk lamp, brass .*300 CN¥20\.00 CN¥6,000\.00/);
      expect(text, size).toMatch(/SHADE-02 Linen lamp shade .*200 CN¥7\.00 CN¥1,400\.00/);
      expect(text, size).toMatch(/Total 500 CN¥7,400\.00/);
      expect(printed.maxTextRightPt, size).toBeLessThanOrEqual(rightLimitPt(printed.pageWidthPt));
    }
    await preview.close();

    // Bad lines on a new PO: refused with a message, nothing saved.
    await orders.fill({ lines: [{ sku: 'LAMP-01', qty: '100', unitCost: '20.00' }, { sku: 'SHADE-02', qty: '-5', unitCost: '7.00' }] });
    await orders.saveDraft();
    await expect.poll(() => orders.formError().textContent()).toBe('Line 2: Quantity: “-5” must be greater than zero.');
    expect(await orders.rows()).toEqual([expect.objectContaining({ number: PO, status: 'Received', units: '500 / 500' })]);
    await orders.fill({ lines: [{ sku: 'LAMP-01', qty: '100', unitCost: '20.00' }, { sku: '', qty: '50', unitCost: '7.00' }] });
    await orders.saveDraft();
    await expect.poll(() => orders.formError().textContent()).toBe('Line 2: choose a SKU.');
    expect(await orders.rows()).toEqual([expect.objectContaining({ number: PO, status: 'Received', units: '500 / 500' })]);

    // The stock is the PO's, valued at 2.80 and 0.98 USD a unit.
    await stock.open();
    await expect.poll(() => stock.rowFor('LAMP-01')).toMatchObject({ [domestic]: '300', transit: '0', total: '300', value: '$840.00' });
    await expect.poll(() => stock.rowFor('SHADE-02')).toMatchObject({ [domestic]: '200', transit: '0', total: '200', value: '$196.00' });

    expect(app.pageErrors).toEqual([]);
  });
});

describe('a sea shipment to FBA US', () => {
  test('ships with freight by units, prints its packing list, is delayed past its ETA and closes short with landed cost', async () => {
    app = await openApp({ today: TODAY });
    const { page } = app;
    const stock = new StockPage(page);
    const suppliers = new SuppliersPage(page);
    const shipments = new ShipmentsPage(page);

    await addCnyRate(page);
    await createSkus(page);

    const locations = new LocationsPage(page);
    await locations.open();
    if (!(await locations.tableRows('locations')).some((row) => row.name === 'FBA US')) {
      await locations.createFba('FBA US', 'US');
      await expect.poll(() => locations.okMessage().textContent()).toBe('Location FBA US created.');
    }
    const codes = new PlatformCodesPage(page);
    await codes.open();
    await codes.map({ sku: 'LAMP-01', marketplace: 'US', sellerSku: 'LAMP-01-US', asin: 'B0LAMP0001', fnsku: FNSKU });
    await expect.poll(() => codes.okMessage().textContent()).toBe('Listing saved.');

    await createSupplier(page);
    const orders = await createAndSendPo(page);
    await orders.receive({ date: '2026-03-25' });
    await expect.poll(() => orders.status()).toBe('Received');

    await stock.open();
    const domestic = await stock.locationColumn(DOMESTIC);
    const fba = await stock.locationColumn('FBA US');
    await expect.poll(() => stock.rowFor('LAMP-01')).toMatchObject({ [domestic]: '300', [fba]: '0', transit: '0', value: '$840.00' });

    // An ETA before the ship date is refused; nothing ships.
    const shipment = {
      from: DOMESTIC,
      to: 'FBA US',
      mode: 'sea',
      shipDate: TODAY,
      eta: '2026-03-30',
      carrier: 'COSCO',
      tracking: 'COSU6234567890',
      lines: [
        { sku: 'LAMP-01', qty: '250', casePack: '10' },
        { sku: 'SHADE-02', qty: '150' },
      ],
      freight: '100.00',
      basis: 'units' as const,
    };
    await shipments.open();
    await shipments.create(shipment);
    await expect.poll(() => shipments.formError().textContent()).toBe(`ETA: 2026-03-30 is before ${TODAY}. Choose ${TODAY} or later.`);
    expect(await shipments.shipments()).toEqual([]);
    expect(await shipments.inTransitEmptyText()).toBe('Nothing is in transit.');

    await shipments.create({ ...shipment, eta: ETA });
    await expect.poll(() => shipments.status()).toBe('In transit');
    expect(await shipments.shipments()).toEqual([
      { ref: 'SHP-1', route: `${DOMESTIC} → FBA US`, mode: 'Sea', shipDate: TODAY, eta: ETA, status: 'In transit', delay: '', units: '400' },
    ]);
    expect(await shipments.inTransit()).toEqual([
      { sku: 'LAMP-01', to: 'FBA US', units: '250', eta: ETA, delay: '', refs: 'SHP-1' },
      { sku: 'SHADE-02', to: 'FBA US', units: '150', eta: ETA, delay: '', refs: 'SHP-1' },
    ]);
    expect(await shipments.delayed().count()).toBe(0);
    // USD 100.00 over 400 units: 0.25 a unit on both lines.
    await expect.poll(() => shipments.lines()).toEqual([
      { sku: 'LAMP-01', shipped: '250', received: '0', cartons: '25', landedPerUnit: '$0.25' },
      { sku: 'SHADE-02', shipped: '150', received: '0', cartons: '', landedPerUnit: '$0.25' },
    ]);

    // The packing list: SKUs, quantities and the FNSKU as a barcode that reads back.
    await shipments.printPackingList();
    const preview = new PrintPreviewPage(page);
    expect(await preview.title()).toBe('Packing list SHP-1');
    const printed = await preview.printed('A4');
    const text = printed.pages.join(' ');
    expect(text).toContain('Packing list SHP-1');
    expect(text).toContain('COSU6234567890');
    expect(text).toMatch(new RegExp(`25 10 LAMP-01 Desk lamp, brass .*${FNSKU}.* 250`));
    expect(text).toMatch(/SHADE-02 Linen lamp shade 150/);
    expect(text).toMatch(/Total 400/);
    expect(printed.barcodes).toEqual([{ page: 1, bars: code128(FNSKU).bars }]);
    expect(printed.maxTextRightPt).toBeLessThanOrEqual(rightLimitPt(printed.pageWidthPt));
    // And on Letter: the same lines, inside the margins.
    const letter = await preview.printed('Letter');
    expect(letter.pages.join(' ')).toMatch(/SHADE-02 Linen lamp shade 150/);
    expect(letter.barcodes).toEqual([{ page: 1, bars: code128(FNSKU).bars }]);
    expect(letter.maxTextRightPt).toBeLessThanOrEqual(rightLimitPt(letter.pageWidthPt));
    await preview.close();

    await stock.open();
    await expect.poll(() => stock.rowFor('LAMP-01')).toMatchObject({ [domestic]: '50', [fba]: '0', transit: '250', total: '300' });
    await expect.poll(() => stock.rowFor('SHADE-02')).toMatchObject({ [domestic]: '50', [fba]: '0', transit: '150', total: '200' });

    // The supplier sees what is at home and on the way.
    await suppliers.open();
    await suppliers.openStockStatus(SUPPLIER);
    await expect.poll(() => suppliers.stockStatusRowFor('SHADE-02')).toEqual({ sku: 'SHADE-02', name: 'Linen lamp shade', domestic: '50', overseas: '0', fba: '0', inTransit: '150', sold: '0', onOrder: '0', forecast: '0', suggested: '0', orderBy: '' });
    await new PrintPreviewPage(page).close();

    // Five days past the ETA, it is delayed, in the in-transit table and in its detail.
    await setToday(app, PAST_ETA);
    await shipments.open();
    await expect.poll(() => shipments.inTransit()).toEqual([
      { sku: 'LAMP-01', to: 'FBA US', units: '250', eta: ETA, delay: 'Delayed 5 days', refs: 'SHP-1' },
      { sku: 'SHADE-02', to: 'FBA US', units: '150', eta: ETA, delay: 'Delayed 5 days', refs: 'SHP-1' },
    ]);
    expect(await shipments.shipments()).toEqual([expect.objectContaining({ ref: 'SHP-1', status: 'In transit', delay: 'Delayed 5 days' })]);
    await shipments.openShipment('SHP-1');
    await expect.poll(() => shipments.delayed().textContent()).toBe('Delayed 5 days');

    // More than was shipped, without the confirmation: refused, nothing posted.
    await shipments.receive({ qty: { 'LAMP-01': '252', 'SHADE-02': '150' } });
    await expect.poll(() => shipments.receiveError().textContent()).toBe(
      'SKU LAMP-01: 252 received but only 250 still in transit. Confirm the over-receipt to post it — nothing was posted.',
    );
    expect(await shipments.status()).toBe('In transit');
    expect(await shipments.inTransit()).toHaveLength(2);
    expect((await shipments.lines()).map((line) => line.received)).toEqual(['0', '0']);

    // Two shades never arrived: received short and closed.
    await shipments.receive({ qty: { 'LAMP-01': '250', 'SHADE-02': '148' }, close: true });
    await expect.poll(() => shipments.status()).toBe('Received');
    expect(await shipments.discrepancies()).toEqual([`SHADE-02: 2 units short (written off from transit on ${PAST_ETA})`]);
    expect(await shipments.delayed().count()).toBe(0);
    await expect.poll(() => shipments.lines()).toEqual([
      { sku: 'LAMP-01', shipped: '250', received: '250', cartons: '25', landedPerUnit: '$0.25' },
      { sku: 'SHADE-02', shipped: '150', received: '148', cartons: '', landedPerUnit: '$0.25' },
    ]);
    await expect.poll(() => shipments.inTransitEmptyText()).toBe('Nothing is in transit.');
    expect(await shipments.shipments()).toEqual([expect.objectContaining({ ref: 'SHP-1', status: 'Received', delay: '' })]);

    // Nothing left in transit; FBA US has what arrived, valued with 0.25 USD of freight a unit.
    await stock.open();
    await expect.poll(() => stock.rowFor('LAMP-01')).toMatchObject({ [domestic]: '50', [fba]: '250', transit: '0', total: '300', value: '$902.50' });
    await expect.poll(() => stock.rowFor('SHADE-02')).toMatchObject({ [domestic]: '50', [fba]: '148', transit: '0', total: '198', value: '$231.04' });
    expect(await stock.tableTotal('stock')).toMatchObject({ transit: '0' });

    expect(app.pageErrors).toEqual([]);
  });
});
