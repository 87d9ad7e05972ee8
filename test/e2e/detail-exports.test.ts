// Every table exports CSV (PRODUCT §7), the detail tables too: one shipment's lines and discrepancies,
// one PO's lines, one count's entries, the plan's demand events, the exchange rates and the import
// history. A SKU coded like a formula (=EVIL-03) and an unknown count code (=ZZ-404) go through every
// file neutralised; quantities and amounts stay numbers. Each button is reached with Tab and pressed
// with Enter. And the period picker's week (PRODUCT §1.3): Monday to Sunday, on the period report
// and the analysis, in English and Chinese.
import { afterEach, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { LocationsPage } from './pages/LocationsPage';
import { MovementsPage } from './pages/MovementsPage';
import { SuppliersPage } from './pages/SuppliersPage';
import { PurchaseOrdersPage } from './pages/PurchaseOrdersPage';
import { ShipmentsPage } from './pages/ShipmentsPage';
import { CountsPage } from './pages/CountsPage';
import { PlanPage } from './pages/PlanPage';
import { PlatformCodesPage } from './pages/PlatformCodesPage';
import { ImportsPage } from './pages/ImportsPage';
import { SettingsPage } from './pages/SettingsPage';
import { ReportPage } from './pages/ReportPage';
import { AnalysisPage } from './pages/AnalysisPage';

const TODAY = '2026-03-15';
const DOMESTIC = 'Domestic warehouse';
const EVIL = '=EVIL-03';
const PO = 'PO-2026-0001';

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

/**
 * From a tab stop before it, Tab until the table's Export CSV button has the focus, then Enter: the
 * file saved. Fails when Tab never reaches the button.
 */
async function exportByKeyboard(page: Page, start: Locator, testId: string, label: string): Promise<{ name: string; text: string }> {
  await start.focus();
  for (let presses = 0; presses < 12; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId) break;
  }
  expect(await page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.getAttribute('data-testid'), document.activeElement?.getAttribute('aria-label')])).toEqual(['BUTTON', testId, label]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

async function addCnyRate(page: Page): Promise<void> {
  const settings = new SettingsPage(page);
  await settings.open();
  const form = page.getByRole('form', { name: 'Exchange rates' });
  await form.locator('input[name="rateCurrency"]').fill('CNY');
  await form.locator('input[name="rateDate"]').fill('2026-03-01');
  await form.locator('input[name="rate"]').fill('0.14');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => form.getByTestId('status-ok').textContent()).toBe('Rate for CNY from 2026-03-01 saved.');
}

/** An Inventory Ledger (detail) file: CASE-01 received at FBA US by its FNSKU, and a code nobody mapped (held). */
function ledgerFile(): { name: string; bytes: Buffer } {
  const header = ['Date', 'FNSKU', 'ASIN', 'MSKU', 'Title', 'Event Type', 'Reference ID', 'Quantity', 'Fulfillment Center', 'Disposition', 'Reason', 'Country', 'Reconciled Quantity', 'Unreconciled Quantity', 'Date and Time', 'Store'];
  const row = (fnsku: string, msku: string, qty: number) => ['03/05/2026', fnsku, 'B0TEST0001', msku, msku, 'Receipts', 'FBA1CASE', String(qty), 'ONT8', 'SELLABLE', '', 'US', '', '', '', ''];
  const text = [header, row('X004CASE01', 'CASE-01', 4), row('X004NOPE01', 'NOPE-01', 2)].map((cells) => cells.map((c) => `"${c}"`).join('\t')).join('\r\n');
  return { name: 'GET_LEDGER_DETAIL_VIEW_DATA.tsv', bytes: Buffer.from(`${text}\r\n`, 'utf8') };
}

describe('detail tables export CSV', () => {
  test('shipment lines and discrepancies, PO lines, count entries, demand events, exchange rates and import history', async () => {
    app = await openApp({ today: TODAY });
    const { page } = app;

    await addCnyRate(page);
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'CASE-01', name: 'Phone case', unitCost: '2.50', casePack: '20' });
    await expect.poll(() => skus.codes()).toEqual(['CASE-01']);
    await skus.create({ code: EVIL, name: 'Evil case', unitCost: '1.00' });
    await expect.poll(() => skus.codes()).toEqual([EVIL, 'CASE-01']);
    const locations = new LocationsPage(page);
    await locations.open();
    await locations.createFba('FBA US', 'US');
    await expect.poll(() => locations.okMessage().textContent()).toBe('Location FBA US created.');
    const movements = new MovementsPage(page);
    await movements.open();
    await movements.receive({ sku: 'CASE-01', location: DOMESTIC, qty: '10', unitCost: '2.50', date: '2026-03-01' });
    await expect.poll(() => movements.ledgerRowCount()).toBe(1);
    await movements.receive({ sku: EVIL, location: DOMESTIC, qty: '5', unitCost: '1.00', date: '2026-03-02' });
    await expect.poll(() => movements.ledgerRowCount()).toBe(2);

    // A PO in CNY, partly received at 0.14 USD a yuan: the price as an amount with its currency, and the base-currency cost.
    const suppliers = new SuppliersPage(page);
    await suppliers.open();
    await suppliers.create({ name: 'Shenzhen Cases Ltd', currency: 'CNY', productionDaysMean: '20', productionDaysSd: '4', moq: '100' });
    await expect.poll(() => suppliers.okMessage().textContent()).toBe('Supplier Shenzhen Cases Ltd saved.');
    const orders = new PurchaseOrdersPage(page);
    await orders.open();
    await orders.create({ orderDate: '2026-03-05', expectedDate: '2026-03-25', lines: [{ sku: 'CASE-01', qty: '300', unitCost: '15.00' }, { sku: EVIL, qty: '100', unitCost: '7.00' }] });
    await expect.poll(() => orders.status()).toBe('Draft');
    await orders.markSent();
    await expect.poll(() => orders.status()).toBe('Sent');
    await orders.receive({ date: '2026-03-12', qty: { 'CASE-01': '100', [EVIL]: '0' } });
    await expect.poll(() => orders.status()).toBe('Partially received');
    const poCsv = await exportByKeyboard(page, page.getByTestId('pos'), 'po-lines-export', 'Export CSV: Order lines');
    expect(poCsv.name).toBe(`stockpilot-po-lines-${PO}-${TODAY}.csv`);
    expect(lines(poCsv.text)).toEqual(['SKU,Quantity,Received,Open,Unit price,Currency,Received at (USD)', 'CASE-01,300,100,200,15,CNY,2.1', `'${EVIL},100,0,100,7,CNY,0.98`]);

    // A shipment with freight over its units, closed one unit short.
    const shipments = new ShipmentsPage(page);
    await shipments.open();
    await shipments.create({ from: DOMESTIC, to: 'FBA US', mode: 'sea', shipDate: '2026-03-13', eta: '2026-03-20', lines: [{ sku: 'CASE-01', qty: '40', casePack: '20' }, { sku: EVIL, qty: '3' }], freight: '8.60', basis: 'units' });
    await expect.poll(() => shipments.status()).toBe('In transit');
    await shipments.receive({ date: '2026-03-14', qty: { 'CASE-01': '40', [EVIL]: '2' }, close: true });
    await expect.poll(() => shipments.status()).toBe('Received');
    const linesCsv = await exportByKeyboard(page, page.getByTestId('shipments'), 'shipment-lines-export', 'Export CSV: Shipment lines');
    expect(linesCsv.name).toBe(`stockpilot-shipment-lines-SHP-1-${TODAY}.csv`);
    expect(lines(linesCsv.text)).toEqual(['SKU,Shipped,Received,Cartons,Landed cost per unit (USD)', 'CASE-01,40,40,2,0.2', `'${EVIL},3,2,,0.2`]);
    const discrepancyCsv = await exportByKeyboard(page, page.getByTestId('shipment-lines-export'), 'discrepancies-export', 'Export CSV: Discrepancies');
    expect(discrepancyCsv.name).toBe(`stockpilot-shipment-discrepancies-SHP-1-${TODAY}.csv`);
    expect(lines(discrepancyCsv.text)).toEqual(['Date,Discrepancy,SKU,Quantity', `2026-03-14,Short,'${EVIL},1`]);

    // A count of both SKUs: an unknown code and a recount, newest first as listed.
    const counts = new CountsPage(page);
    await counts.open();
    await page.getByRole('button', { name: 'New plan' }).click();
    const planForm = page.getByRole('form', { name: 'New plan' });
    await planForm.locator('input[name="planName"]').fill('Both cases');
    await planForm.locator('select[name="planLocation"]').selectOption({ label: DOMESTIC });
    await planForm.locator('select[name="scopeKind"]').selectOption('skus');
    await planForm.locator('textarea[name="skuCodes"]').fill(`CASE-01 ${EVIL}`);
    await planForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await counts.plans()).length).toBe(1);
    await counts.startCount('Both cases', TODAY);
    await expect.poll(() => counts.status()).toBe('Open');
    await counts.scan({ counter: 'Li', code: 'CASE-01', qty: '68' });
    await expect.poll(() => counts.entries()).toHaveLength(1);
    await counts.scan({ counter: 'Li', code: '=ZZ-404', qty: '3' });
    await expect.poll(() => counts.entries()).toHaveLength(2);
    await counts.scan({ counter: 'Wang', code: '=evil-03', qty: '2', recount: true });
    await expect.poll(() => counts.entries()).toHaveLength(3);
    const entriesCsv = await exportByKeyboard(page, counts.detail().locator('summary'), 'count-entries-export', 'Export CSV: Count entries');
    expect(entriesCsv.name).toBe(`stockpilot-count-entries-CNT-0001-${TODAY}.csv`);
    const entryLines = lines(entriesCsv.text);
    expect(entryLines[0]).toBe('Counter,Code,SKU,Counted quantity,Unknown code,Recount,Entered at (UTC)');
    // The last cell is when each was entered: an ISO date and time.
    expect(entryLines.slice(1).map((line) => line.replace(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, ''))).toEqual([
      `Wang,'=evil-03,'${EVIL},2,No,Yes`,
      `Li,'=ZZ-404,,3,Yes,No`,
      'Li,CASE-01,CASE-01,68,No,No',
    ]);

    // Demand events: the change a number of percent, a negative one too.
    const plan = new PlanPage(page);
    await plan.open();
    await plan.addEvent({ name: 'Prime Day', from: '2026-07-07', to: '2026-07-08', upliftPercent: '30', marketplace: 'US' });
    await expect.poll(() => plan.events()).toHaveLength(1);
    await plan.addEvent({ name: '=Clearance', from: '2026-04-01', to: '2026-04-30', upliftPercent: '-20', marketplace: '', sku: 'CASE-01' });
    await expect.poll(() => plan.events()).toHaveLength(2);
    const eventsCsv = await plan.exportTable('plan-events');
    expect(eventsCsv.name).toBe(`stockpilot-demand-events-${TODAY}.csv`);
    expect(lines(eventsCsv.text)).toEqual(['Name,From,To,Demand change (%),Marketplace,SKU', 'Prime Day,2026-07-07,2026-07-08,30,US,All SKUs', `'=Clearance,2026-04-01,2026-04-30,-20,All marketplaces,CASE-01`]);

    // Exchange rates: the rate a number.
    const settings = new SettingsPage(page);
    await settings.open();
    const ratesCsv = await settings.exportTable('rates');
    expect(ratesCsv.name).toBe(`stockpilot-exchange-rates-${TODAY}.csv`);
    expect(lines(ratesCsv.text)).toEqual(['Currency,Valid from,Rate in USD', 'CNY,2026-03-01,0.14']);

    // Import history: one ledger file, one row posted and one held.
    const codes = new PlatformCodesPage(page);
    await codes.open();
    await codes.map({ sku: 'CASE-01', marketplace: 'US', sellerSku: 'CASE-01', asin: 'B0CASE0001', fnsku: 'X004CASE01' });
    await expect.poll(() => codes.okMessage().textContent()).toBe('Listing saved.');
    const imports = new ImportsPage(page);
    await imports.open();
    const file = ledgerFile();
    await imports.drop([file]);
    await expect.poll(() => imports.fact(file.name, 'import-new')).toBe('1');
    await imports.apply(file.name);
    await expect.poll(() => imports.historyLines()).toHaveLength(1);
    const kind = (await imports.historyLines())[0]!.split(' · ')[1]!;
    const historyCsv = await imports.exportTable('import-history');
    expect(historyCsv.name).toBe(`stockpilot-import-history-${TODAY}.csv`);
    const historyLines = lines(historyCsv.text);
    expect(historyLines[0]).toBe('File,Report,Imported at (UTC),Rows,Movements posted,Rows kept,Already imported,Rows held,Rows rejected,Content hash');
    expect(historyLines).toHaveLength(2);
    const cells = historyLines[1]!.split(',');
    expect(cells).toHaveLength(10);
    expect([...cells.slice(0, 2), ...cells.slice(3, 9)]).toEqual([file.name, kind, '2', '1', '', '0', '1', '0']);
    expect(cells[2]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(cells[9]).toMatch(/^[0-9a-f]{64}$/);
    expect(app.pageErrors).toEqual([]);
  });
});

describe('a week period', () => {
  test('Monday to Sunday on the period report and the analysis, in English and Chinese', async () => {
    app = await openApp({ today: '2026-03-18' });
    const { page } = app;
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'CASE-01', name: 'Phone case', unitCost: '2.50' });
    await expect.poll(() => skus.codes()).toEqual(['CASE-01']);
    const movements = new MovementsPage(page);
    await movements.open();
    // Sunday 1 March, Tuesday 10 March, Monday 16 March.
    await movements.receive({ sku: 'CASE-01', location: DOMESTIC, qty: '10', unitCost: '2.50', date: '2026-03-01' });
    await expect.poll(() => movements.ledgerRowCount()).toBe(1);
    await movements.adjust({ sku: 'CASE-01', location: DOMESTIC, qty: '-2', reason: 'damaged', date: '2026-03-10' });
    await expect.poll(() => movements.ledgerRowCount()).toBe(2);
    await movements.receive({ sku: 'CASE-01', location: DOMESTIC, qty: '4', unitCost: '2.50', date: '2026-03-16' });
    await expect.poll(() => movements.ledgerRowCount()).toBe(3);

    const report = new ReportPage(page);
    await report.open();
    const period = page.locator('select[name="period"]');
    expect(await period.locator('option').allTextContents()).toEqual(['Week', 'Month', 'Quarter', 'Year', 'Custom range']);
    await period.selectOption('week');
    const anchor = page.locator('input[name="anchor"]');
    const range = () => page.getByTestId('report-range').textContent();
    const figures = async () => (await report.rows()).map((r) => [r.sku, r.beginningQty, r.incomingQty, r.outgoingQty, r.endingQty]);

    // A Wednesday and the Sunday after it are in one week, Monday 9 to Sunday 15 March: the damaged 2 only.
    await anchor.fill('2026-03-11');
    await expect.poll(range).toMatch(/^2026-03-09 – 2026-03-15 · /);
    await expect.poll(figures).toEqual([['CASE-01', '10', '0', '2', '8']]);
    await anchor.fill('2026-03-15');
    await expect.poll(range).toMatch(/^2026-03-09 – 2026-03-15 · /);
    // The Monday starts the next: the receipt of the 16th.
    await anchor.fill('2026-03-16');
    await expect.poll(range).toMatch(/^2026-03-16 – 2026-03-22 · /);
    await expect.poll(figures).toEqual([['CASE-01', '8', '4', '0', '12']]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('stockpilot-period-2026-03-16-2026-03-22.csv');

    // The analysis takes the same week; one still running is counted to today.
    const analysis = new AnalysisPage(page);
    await analysis.open();
    await page.locator('select[name="period"]').selectOption('week');
    await page.locator('input[name="anchor"]').fill('2026-03-11');
    await expect.poll(() => page.getByTestId('analysis-range').textContent()).toMatch(/^2026-03-09 – 2026-03-15 \(7 days\)\./);
    await page.locator('input[name="anchor"]').fill('2026-03-17');
    await expect.poll(() => page.getByTestId('analysis-range').textContent()).toMatch(/^2026-03-16 – 2026-03-18 \(3 days\)\./);

    // In Chinese the choice is 周, and the exchange rates' file has Chinese headers.
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.setLanguage('zh-CN');
    await addRateInChinese(page);
    const ratesCsv = await settings.exportTable('rates');
    expect(lines(ratesCsv.text)).toEqual(['币种,生效日期,汇率（USD）', 'CNY,2026-03-01,0.14']);
    expect(await settings.exportButton('rates').getAttribute('aria-label')).toBe('导出 CSV：汇率');
    await report.open();
    expect(await page.locator('select[name="period"] option').allTextContents()).toEqual(['周', '月', '季度', '年', '自定义范围']);
    await page.locator('select[name="period"]').selectOption('week');
    await page.locator('input[name="anchor"]').fill('2026-03-11');
    await expect.poll(range).toMatch(/^2026-03-09 – 2026-03-15 · /);
    expect(app.pageErrors).toEqual([]);
  });
});

async function addRateInChinese(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: '汇率' });
  await form.locator('input[name="rateCurrency"]').fill('CNY');
  await form.locator('input[name="rateDate"]').fill('2026-03-01');
  await form.locator('input[name="rate"]').fill('0.14');
  await form.locator('input[name="rate"]').press('Enter');
  await expect.poll(() => page.getByTestId('rates').locator('tbody tr').count()).toBe(1);
}
