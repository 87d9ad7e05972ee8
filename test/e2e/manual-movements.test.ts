// A seller whose own warehouse ships orders records a sale and a customer return on the Movements
// screen, by keyboard too, and sees the stock, the movements list and the period report follow.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openWithCaseAndCable } from './setups';
import type { AppSession } from './browser';
import { LocationsPage } from './pages/LocationsPage';
import { MovementsPage } from './pages/MovementsPage';
import { StockPage } from './pages/StockPage';
import { ReportPage } from './pages/ReportPage';
import { SettingsPage } from './pages/SettingsPage';

let app: AppSession;

beforeEach(async () => {
  app = await openWithCaseAndCable();
});

afterEach(async () => {
  await app.close();
});

describe('sales and returns entered by hand', () => {
  test('a sale and a customer return at the domestic warehouse change its stock; FBA is not offered', async () => {
    const { page } = app;
    const locations = new LocationsPage(page);
    const movements = new MovementsPage(page);
    const stock = new StockPage(page);
    const report = new ReportPage(page);

    await locations.open();
    await locations.createFba('FBA US', 'US');
    await expect.poll(() => locations.okMessage().textContent()).toBe('Location FBA US created.');

    await movements.open();
    await movements.receive({ sku: 'CASE-01', location: 'Domestic warehouse', qty: '10', unitCost: '2.50', date: '2026-03-01' });
    await expect.poll(() => movements.okMessage().textContent()).toBe('Posted.');

    // FBA's sales and returns come from Amazon's reports: the forms do not offer FBA US.
    expect(await movements.locationChoices('Sale')).toEqual(['Domestic warehouse']);
    expect(await movements.form('Sale').textContent()).toContain('FBA sales are not entered here');
    expect(await movements.locationChoices('Customer return')).toEqual(['Domestic warehouse']);
    expect(await movements.locationChoices('Return to supplier')).toEqual(['Domestic warehouse']);

    // More than on hand is refused by name and posts nothing.
    await movements.recordSaleOrReturn('Sale', { sku: 'CASE-01', location: 'Domestic warehouse', qty: '11' });
    await expect.poll(() => movements.errorMessage().textContent()).toBe('Not enough stock: CASE-01 at Domestic warehouse has 10 available on 2026-03-15, 11 requested. Nothing was posted.');
    expect(await movements.ledgerRowCount()).toBe(1);

    // A sale by keyboard alone: from the Receipt tab, → to Sale, then type and Enter.
    await page.getByRole('tab', { name: 'Receipt', exact: true }).click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Sale', exact: true }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Sale');
    const sale = movements.form('Sale');
    await sale.locator('input[name="sku"]').focus();
    await page.keyboard.type('CASE-01');
    await page.keyboard.press('Tab'); // location: the domestic warehouse, chosen already
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('SO-1001');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Shopify');
    await page.keyboard.press('Tab');
    await page.keyboard.type('gift wrap');
    await page.keyboard.press('Enter');
    await expect.poll(() => movements.okMessage().textContent()).toBe('Posted.');
    await expect.poll(() => movements.ledgerRowCount()).toBe(2);
    expect((await movements.tableRows('ledger'))[0]).toMatchObject({ type: 'Sale', sku: 'CASE-01', location: 'Domestic warehouse', qty: '-3', ref: 'SO-1001', note: 'Shopify · gift wrap' });

    await stock.open();
    const domestic = await stock.locationColumn('Domestic warehouse');
    await expect.poll(() => stock.rowFor('CASE-01')).toMatchObject({ [domestic]: '7', total: '7', value: '$17.50' });

    await movements.open();
    await movements.recordSaleOrReturn('Customer return', { sku: 'CASE-01', location: 'Domestic warehouse', qty: '1', ref: 'SO-1001' });
    await expect.poll(() => movements.okMessage().textContent()).toBe('Posted.');
    await expect.poll(() => movements.ledgerRowCount()).toBe(3);
    expect((await movements.tableRows('ledger'))[0]).toMatchObject({ type: 'Customer return', qty: '1', ref: 'SO-1001' });

    await stock.open();
    await expect.poll(() => stock.rowFor('CASE-01')).toMatchObject({ [domestic]: '8', total: '8', value: '$20.00' });

    // The period report: the return is incoming, the sale outgoing, each at the average cost.
    await report.open();
    await report.showMonthOf('2026-03-15');
    await expect.poll(async () => (await report.rows()).find((row) => row.location === 'Domestic warehouse')).toMatchObject({
      sku: 'CASE-01',
      beginningQty: '0',
      incomingQty: '11',
      outgoingQty: '3',
      endingQty: '8',
      endingValueMinor: '$20.00',
    });

    // Reversing the sale brings the 3 units back, like any manual movement.
    await movements.open();
    await movements.reverseRowWith('Sale', 'SO-1001');
    await expect.poll(() => movements.okMessage().textContent()).toMatch(/^Movement #\d+ reversed\.$/);
    await stock.open();
    await expect.poll(() => stock.rowFor('CASE-01')).toMatchObject({ [domestic]: '11', total: '11', value: '$27.50' });
    expect(app.pageErrors).toEqual([]);
  });

  test('the new tabs read naturally in Chinese', async () => {
    const settings = new SettingsPage(app.page);
    await settings.open();
    await settings.setLanguage('zh-CN');
    const movements = new MovementsPage(app.page);
    await movements.open();
    const tabs = await app.page.getByRole('tab').allTextContents();
    expect(tabs).toEqual(['采购入库', '销售出库', '客户退货', '退货给供应商', '库存调整', '调拨发货']);
    await app.page.getByRole('tab', { name: '退货给供应商' }).click();
    expect(await movements.form('退货给供应商').textContent()).toContain('从国内仓退回给供应商');
  });
});
