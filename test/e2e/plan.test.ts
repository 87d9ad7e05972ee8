// The replenishment plan in the built app (PRODUCT §4.3–4.5): a seller loads the demo (300 SKUs, two
// years of history), opens the plan, reads why one line ships what it ships (the numbers and the
// projected-stock chart), runs a what-if, checks the buy list, prints it as a reorder list on A4 and
// Letter, and turns it into purchase order drafts.
//
// The tests share one app session and run in order: the first loads the demo, the others build on it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { MARGIN_MM, PAGE_WIDTH_PT, PT_PER_MM } from './pdf';
import type { PageSize } from './pdf';
import { PlanPage, planNumber } from './pages/PlanPage';
import { PrintPreviewPage } from './pages/PrintPreviewPage';
import { PurchaseOrdersPage } from './pages/PurchaseOrdersPage';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { SuppliersPage } from './pages/SuppliersPage';
import { SettingsPage } from './pages/SettingsPage';
import { ShipmentsPage } from './pages/ShipmentsPage';

const TODAY = '2026-11-26';
const SUPPLIER = 'Shenzhen Accessories Ltd.';
const SIZES: PageSize[] = ['A4', 'Letter'];
const SKU_CODE = /\bSP-\d{5}\b/g;

/** Right edge of the printable area (half a point of slack for flush-right text, as in print.test.ts). */
const rightLimitPt = (pageWidthPt: number) => pageWidthPt - MARGIN_MM * PT_PER_MM + 0.5;

let app: AppSession;
let plan: PlanPage;

beforeAll(async () => {
  app = await openApp({ today: TODAY });
  plan = new PlanPage(app.page);
});

afterAll(async () => {
  await app.close();
});

describe('the replenishment plan on the demo data', () => {
  test('the plan runs on the demo, and one line with a quantity is explained with its chart', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await expect.poll(() => page.getByTestId('stock-row').count(), { timeout: 60_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('stock-updating').count()).toBe(0);

    await plan.open();
    await expect.poll(() => plan.heading().textContent()).toBe('Replenishment plan');
    const summary = await plan.waitForPlan();
    // 300 SKUs in FBA US and FBA DE: a line per SKU × marketplace that sold or held stock.
    expect(summary.lines).toBeGreaterThan(300);
    expect(summary.ship).toBeGreaterThan(0);
    expect(summary.buy).toBeGreaterThan(0);
    expect(summary.ms).toBeLessThan(10_000);

    // The line shipping the most by sea, opened by double click.
    await plan.sortBy('ship', 'Sea', true);
    const [top] = await plan.rows('ship');
    expect(planNumber(top!.sea)).toBeGreaterThan(0);
    await plan.explainRow('ship', 0);
    await expect.poll(() => plan.detailTitle()).toBe(`${top!.sku} · ${top!.fba}`);

    const x = await plan.explanation();
    for (const figure of ['Demand d', 'Spread σd', 'z', 'Lead time L ± σL', 'Safety stock', 'Reorder point', 'Order up to', 'Position', 'FBA floor', 'Sea', 'Air', 'Stockout', 'Ship by', 'Amazon Restock']) {
      expect(x[figure], figure).toBeDefined();
    }
    // The dates are explained too: the line ships, so it has a ship-by date, the same as in the table.
    expect(x['Ship by']!.value).toBe(top!.shipBy);
    expect(x['Ship by']!.how).toMatch(/^The day projected on hand falls below safety stock or the FBA floor, whichever is higher, less the sea lead time \([\d.,]+ days\)/);
    expect(x['Stockout']!.value).toBe(top!.stockout === '' ? '—' : top!.stockout);
    const ss = planNumber(x['Safety stock']!.value);
    const rop = planNumber(x['Reorder point']!.value);
    const orderUpTo = planNumber(x['Order up to']!.value);
    expect(ss).toBeGreaterThanOrEqual(0);
    // ROP = d·L + SS and T = d·(L + R) + SS: each at least the one before.
    expect(rop).toBeGreaterThanOrEqual(ss);
    expect(orderUpTo).toBeGreaterThanOrEqual(rop);
    expect(x['Safety stock']!.how).toMatch(/^z · √\(L · σd² \+ d² · σL²\) = [\d.,]+ · √\(/);
    // Each is shown as the forecast's sum over its days + SS, and the two add up to the figure.
    const [, leadSum, ropSs] = /^Forecast over the sea lead time \([\d,]+ days\) \+ safety stock: ([\d.,]+) \+ ([\d.,]+) \(d · L \+ SS when the forecast is flat\)\.$/.exec(x['Reorder point']!.how)!;
    expect(Math.abs(planNumber(leadSum!) + planNumber(ropSs!) - rop)).toBeLessThanOrEqual(0.15);
    const [, coverSum] = /^Forecast over the lead time and review period \+ safety stock: ([\d.,]+) \+ [\d.,]+ /.exec(x['Order up to']!.how)!;
    expect(Math.abs(planNumber(coverSum!) + ss - orderUpTo)).toBeLessThanOrEqual(0.15);
    expect(x['Position']!.how).toContain('on hand + in transit − reserved');
    // The explanation shows the same quantities as the table.
    expect(planNumber(x['Sea']!.value)).toBe(planNumber(top!.sea));
    expect(planNumber(x['Air']!.value)).toBe(planNumber(top!.air));
    expect(planNumber(x['Demand d']!.value.replace(/ per day$/, ''))).toBe(planNumber(top!.demand));

    // The projected-stock chart is drawn, and its description puts the stockout where the table does.
    await plan.chart().waitFor();
    const box = await plan.chart().boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
    const stockText = await plan.chartDescription(plan.chart());
    if (top!.stockout) expect(stockText).toContain(`projected on hand reaches 0 on ${top!.stockout} (stockout)`);
    else expect(stockText).toMatch(/projected on hand stays above 0 through \d{4}-\d{2}-\d{2}/);
    // The demand chart: two years of weeks sold against the forecast, named with the line's method.
    await plan.demandChart().waitFor();
    expect((await plan.demandChart().boundingBox())!.height).toBeGreaterThan(100);
    expect(await plan.demandChart().getAttribute('aria-label')).toContain(`Demand: history vs forecast: ${top!.method}`);
    expect(await plan.chartDescription(plan.demandChart())).toMatch(/^Over 104 weeks, [\d,]+ units sold; \d+ of those weeks had stockout days\. .* the forecast averages [\d,.]+ a week through \d{4}-\d{2}-\d{2}\.$/);
    // A line's chart data brings its marketplace's day-of-week pattern: the demo's US shoppers buy
    // more at weekends (DE's 300-SKU demo is too small to show one clearly).
    const rowsNow = await plan.rows('ship');
    const usRow = rowsNow.findIndex((r) => r.fba === 'FBA US');
    expect(usRow).toBeGreaterThanOrEqual(0);
    await plan.explainRow('ship', usRow);
    await expect.poll(() => plan.detailTitle()).toBe(`${rowsNow[usRow]!.sku} · FBA US`);
    await plan.chart().waitFor();
    await expect.poll(async () => (await plan.explanation())['Day of the week']?.value ?? '').toMatch(/^Sun [\d.]+ · Mon [\d.]+ · Tue [\d.]+ · Wed [\d.]+ · Thu [\d.]+ · Fri [\d.]+ · Sat [\d.]+$/);
    const weekday = Object.fromEntries([...(await plan.explanation())['Day of the week']!.value.matchAll(/(\w{3}) ([\d.]+)/g)].map(([, day, factor]) => [day, Number(factor)]));
    expect(weekday['Sun']).toBeGreaterThan(weekday['Wed']!);
    expect(weekday['Sat']).toBeGreaterThan(weekday['Tue']!);
    expect(app.pageErrors).toEqual([]);
  });

  test('a what-if shows the lines it makes stock out, with the plan’s own stockout beside them; bad input names its field', async () => {
    const done = /^What-if: ([\d,]+) lines stock out because of it \(([\d,]+) of them can be bridged by air or from a 3PL near FBA\); ([\d,]+) lines stock out within the horizon in all\.$/;
    const rowCount = async () => Number(await app.page.getByTestId('plan-ship').getAttribute('aria-rowcount')) - 1;
    const planLines = await rowCount();
    // Every open shipment (the demo's sailings still at sea) 30 days late.
    await plan.runWhatIf({ delayDays: '30' });
    await expect.poll(() => plan.statusText()).toMatch(done);
    const [, caused, bridged, stockouts] = done.exec(await plan.statusText())!;
    expect(planNumber(caused)).toBeGreaterThan(0);
    expect(planNumber(bridged)).toBeGreaterThan(0);
    expect(planNumber(bridged)).toBeLessThanOrEqual(planNumber(caused));
    expect(planNumber(stockouts)).toBeGreaterThanOrEqual(planNumber(caused));
    expect(await plan.okMessage().count()).toBe(1);
    // The table shows just those lines, each stocking out earlier than in the plan (or only now).
    await expect.poll(rowCount).toBe(planNumber(caused));
    for (const row of await plan.rows('ship')) {
      expect(row.stockout).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (row.stockoutInPlan !== '') expect((row.stockout ?? '') < (row.stockoutInPlan ?? '')).toBe(true);
    }
    // A line the what-if makes stock out opens with its chart under the what-if.
    await plan.explainRow('ship', 0);
    await plan.chart().waitFor();
    // Unticked, every line is back.
    await plan.whatIfForm().getByRole('checkbox', { name: 'Only the lines the what-if makes stock out' }).uncheck();
    await expect.poll(rowCount).toBe(planLines);
    // Demand up 80% over the next two months as well: more lines stock out because of it.
    await plan.runWhatIf({ delayDays: '30', upliftPercent: '80%', from: TODAY, to: '2027-01-25' });
    await expect.poll(async () => planNumber(done.exec(await plan.statusText())?.[1] ?? '0')).toBeGreaterThan(planNumber(caused));
    // What is printed and exported under a what-if is the what-if's, and says so; PO drafts wait for the plan.
    const whatIfCsv = await plan.exportCsv();
    expect(whatIfCsv.name).toBe(`stockpilot-shipment-plan-${TODAY}-what-if.csv`);
    expect(whatIfCsv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').length - 1).toBe(planLines);
    expect(await app.page.getByRole('button', { name: 'Create PO drafts' }).isDisabled()).toBe(true);
    await plan.printShipmentPlan();
    const whatIfPreview = new PrintPreviewPage(app.page);
    await expect.poll(() => whatIfPreview.dialog().textContent()).toContain(`open shipments 30 days late; demand 80% more from ${TODAY} to 2027-01-25`);
    await whatIfPreview.close();
    // Bad input is refused in words that name the field.
    await plan.runWhatIf({ delayDays: '-3' });
    await expect.poll(() => plan.statusText()).toBe('Delay every open shipment by (days): enter a whole number of days, 0 or more (not “-3”).');
    expect(await plan.errorMessage().count()).toBe(1);
    expect(await plan.whatIfForm().locator('input[name="delayDays"]').getAttribute('aria-invalid')).toBe('true');
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('delayDays');
    await plan.runWhatIf({ delayDays: '0', upliftPercent: '-100' });
    await expect.poll(() => plan.statusText()).toBe('Raise demand by (%): enter a percentage above −100, such as 30 or −20 (not “-100”).');
    await plan.runWhatIf({ delayDays: '0', upliftPercent: '10', from: '2027-01-25', to: TODAY });
    await expect.poll(() => plan.statusText()).toBe('From and To: a demand change needs a date range that ends on or after the day it starts.');
    await plan.runWhatIf({ delayDays: '0', upliftPercent: '' });
    await expect.poll(() => plan.statusText()).toMatch(done);
    // While a what-if is shown, why PO drafts wait is on screen, not only in a tooltip.
    await expect.poll(() => app.page.getByText('Purchase order drafts come from the plan itself: go back to the plan to create them.').count()).toBe(1);
    await plan.backToPlan();
    await expect.poll(() => plan.whatIfForm().getByRole('button', { name: 'Back to the plan' }).count()).toBe(0);
    // The what-if's message goes with it, and the focus goes to Run what-if (the button pressed is gone).
    expect(await plan.statusText()).toBe('');
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Run what-if');
    expect(app.pageErrors).toEqual([]);
  });

  test('the buy list: quantities in whole cases, and Enter opens a line’s explanation', async () => {
    const summary = await plan.waitForPlan();
    // The tabs by keyboard: one tab stop, and the arrow keys move to the other tab and select it.
    await plan.showTab('ship');
    expect(await app.page.getByRole('tab', { name: 'Buy' }).getAttribute('tabindex')).toBe('-1');
    await app.page.getByRole('tab', { name: 'Ship to FBA' }).focus();
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => app.page.getByRole('tab', { name: 'Buy' }).getAttribute('aria-selected')).toBe('true');
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Buy');
    await plan.table('buy').waitFor();
    const rows = await plan.rows('buy');
    const toBuy = rows.filter((r) => planNumber(r.buy) > 0);
    expect(toBuy.length).toBeGreaterThan(0);
    expect(toBuy.length).toBeLessThanOrEqual(summary.buy);
    for (const row of toBuy) expect(row.orderBy, row.sku).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Keyboard: a click makes the second row active, Enter on the focused table opens it.
    await plan.rowLocator('buy').nth(1).click();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => plan.detailTitle()).toBe(rows[1]!.sku);
    // The explanation opens below, away from the focus: a screen reader is told.
    expect(await app.page.getByTestId('plan-detail-announce').textContent()).toBe(`The explanation of ${rows[1]!.sku} is shown below the table.`);
    // For a screen reader: the focused grid names its active row, which is selected and holds that SKU.
    const active = await plan.table('buy').evaluate((grid) => {
      const row = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
      return { focused: grid === document.activeElement, role: grid.getAttribute('role'), rowRole: row?.getAttribute('role'), selected: row?.getAttribute('aria-selected'), sku: row?.querySelector('[data-col="sku"]')?.textContent };
    });
    expect(active).toEqual({ focused: true, role: 'grid', rowRole: 'row', selected: 'true', sku: rows[1]!.sku });
    const x = await plan.explanation();
    // The table shows whole units, the explanation one decimal.
    expect(planNumber(x['Buy']!.value)).toBe(planNumber(rows[1]!.buy));
    expect(x['Order by']!.value).toBe(rows[1]!.orderBy === '' ? '—' : rows[1]!.orderBy);
    expect(planNumber(x['Reorder point']!.value)).toBeGreaterThanOrEqual(planNumber(x['Safety stock']!.value));
    expect(x['z']!.how).toMatch(/^Inverse normal of the service level of class [ABC]\.$/);
    expect(Math.abs(planNumber(x['Order up to']!.value) - planNumber(rows[1]!.orderUpTo))).toBeLessThanOrEqual(0.5);
    expect(Math.abs(planNumber(x['Position']!.value) - planNumber(rows[1]!.position))).toBeLessThanOrEqual(0.5);
    // "max(0, T − position) = raw, at least the MOQ (m), rounded up to the case pack (p)": check the rounding.
    const [, moq, pack] = /at least the MOQ \(([\d,]+)\), rounded up to the case pack \(([\d,]+)\)/.exec(x['Buy']!.how)!;
    const buy = planNumber(rows[1]!.buy);
    if (buy > 0) {
      expect(buy).toBeGreaterThanOrEqual(planNumber(moq));
      expect(buy % planNumber(pack)).toBe(0);
    }
    expect(app.pageErrors).toEqual([]);
  });

  test('a SKU the demo’s 3PL also sells: its buy line counts those sales and says how much of its demand they are', async () => {
    await plan.showTab('buy');
    const rows = await plan.rows('buy');
    // The demo's 3PL in Los Angeles sells some SKUs to customers (recorded as its sales): the first such buy line shown.
    let x: Record<string, { value: string; how: string }> | null = null;
    for (let i = 0; i < rows.length && x === null; i++) {
      await plan.explainRow('buy', i);
      await expect.poll(() => plan.detailTitle()).toBe(rows[i]!.sku);
      const shown = await plan.explanation();
      if (shown['Demand d']!.how.includes('own warehouses')) x = shown;
    }
    expect(x, 'a buy line with own-warehouse sales among the rows shown').not.toBeNull();
    const [, fba, own, share] = /^Sum of the forecasts of every marketplace \(([\d.,]+) a day\) and of the sales at your own warehouses, domestic and 3PL \(([\d.,]+) a day, (\d+)% of the demand\)/.exec(x!['Demand d']!.how)!;
    // "4.12 per day"
    const d = planNumber(x!['Demand d']!.value.split(' ')[0]);
    expect(planNumber(own!)).toBeGreaterThan(0);
    expect(Math.abs(planNumber(fba!) + planNumber(own!) - d)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(Number(share) - (planNumber(own!) / d) * 100)).toBeLessThanOrEqual(1);
    expect(x!['Lead time L ± σL']!.how).toContain(`the sales at your own warehouses (${share}% of it) take no sea leg`);
    expect(app.pageErrors).toEqual([]);
  });

  test('the reorder list prints on A4 and Letter with every SKU to buy, inside the margins', async () => {
    const summary = await plan.waitForPlan();
    await plan.showTab('buy');
    const codes = (await plan.rows('buy')).filter((r) => planNumber(r.buy) > 0).map((r) => r.sku!);
    await plan.printReorderList();
    const preview = new PrintPreviewPage(app.page);
    await expect.poll(() => preview.title()).toBe('Reorder list');
    for (const size of SIZES) {
      const printed = await preview.printed(size);
      const text = printed.pages.join(' ');
      expect(printed.pageWidthPt, size).toBeGreaterThan(PAGE_WIDTH_PT[size] - 1.5);
      expect(printed.pageWidthPt, size).toBeLessThan(PAGE_WIDTH_PT[size] + 1.5);
      for (const code of codes) expect(text, `${size}: ${code}`).toContain(code);
      // One line per SKU to buy: as many distinct codes as the summary counts.
      expect(new Set(text.match(SKU_CODE)).size, size).toBe(summary.buy);
      expect(printed.maxTextRightPt, size).toBeLessThanOrEqual(rightLimitPt(printed.pageWidthPt));
    }
    await preview.close();
    await expect.poll(() => preview.dialog().count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  test('the shipment plan prints one section per destination inside the margins, and each tab exports its own list as CSV', async () => {
    const summary = await plan.waitForPlan();
    await plan.showTab('ship');
    await plan.printShipmentPlan();
    const preview = new PrintPreviewPage(app.page);
    await expect.poll(() => preview.title()).toBe('Shipment plan');
    for (const size of SIZES) {
      const printed = await preview.printed(size);
      const text = printed.pages.join(' ');
      // The demo ships to both marketplaces, each under its own heading, and every line to ship once.
      expect(text, size).toMatch(/Shipment plan · FBA US/);
      expect(text, size).toMatch(/Shipment plan · FBA DE/);
      // Each destination starts a page of its own, to hand over on its own.
      const pageOf = (heading: string) => printed.pages.findIndex((page) => page.includes(heading));
      expect(pageOf('Shipment plan · FBA DE'), size).not.toBe(pageOf('Shipment plan · FBA US'));
      expect(text.match(SKU_CODE)?.length, size).toBe(summary.ship);
      expect(printed.maxTextRightPt, size).toBeLessThanOrEqual(rightLimitPt(printed.pageWidthPt));
    }
    await preview.close();
    await expect.poll(() => preview.dialog().count()).toBe(0);

    const shipCsv = await plan.exportCsv();
    expect(shipCsv.name).toBe(`stockpilot-shipment-plan-${TODAY}.csv`);
    const shipLines = shipCsv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(shipLines[0]).toBe('SKU,Destination,Class,per day,On hand,Inbound,Stockout,Ship by,Sea,Air,3PL,From 3PL,Ship from 3PL by,Amazon Restock');
    expect(shipLines.length - 1).toBe(summary.lines);

    await plan.showTab('buy');
    const buyCsv = await plan.exportCsv();
    expect(buyCsv.name).toBe(`stockpilot-reorder-list-${TODAY}.csv`);
    const buyLines = buyCsv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(buyLines[0]).toMatch(/^Supplier,SKU,Name,Buy,/);
    expect(buyLines.length - 1).toBe(summary.buy);
    for (const line of buyLines.slice(1)) expect(Number(line.split(',')[3])).toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
  });

  let sourced = { code: '', buy: 0 };

  test('a SKU bought from a supplier shows that supplier on its buy line', async () => {
    await plan.showTab('buy');
    const [first] = (await plan.rows('buy')).filter((r) => planNumber(r.buy) > 0);
    // A SKU is sourced from the supplier of its first purchase order.
    const suppliers = new SuppliersPage(app.page);
    await suppliers.open();
    await suppliers.create({ name: SUPPLIER, currency: 'USD', productionDaysMean: '30', productionDaysSd: '5', moq: '0' });
    await expect.poll(() => suppliers.okMessage().textContent()).toBe(`Supplier ${SUPPLIER} saved.`);
    const orders = new PurchaseOrdersPage(app.page);
    await orders.open();
    await orders.create({ orderDate: TODAY, expectedDate: '2027-01-10', lines: [{ sku: first!.sku!, qty: '1', unitCost: '1.00' }] });
    await expect.poll(async () => (await orders.rows()).map((r) => [r.supplier, r.status])).toEqual([[SUPPLIER, 'Draft']]);

    await plan.open();
    await plan.waitForPlan();
    await plan.showTab('buy');
    await expect.poll(async () => (await plan.rows('buy')).find((r) => r.sku === first!.sku)?.supplier).toBe(SUPPLIER);
    const row = (await plan.rows('buy')).find((r) => r.sku === first!.sku)!;
    sourced = { code: row.sku!, buy: planNumber(row.buy) };
    expect(sourced.buy).toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
  });

  test('Create PO drafts makes a draft for the supplier with the planned quantity, and a second click does not make it again', async () => {
    expect(sourced.code).not.toBe('');
    expect(await plan.statusText()).toBe('');
    await plan.createDrafts();
    await expect.poll(() => plan.statusText()).not.toBe('');
    expect(await plan.statusText()).toMatch(/^1 purchase order drafts created(\.|; \d+ SKUs to buy have no supplier yet)/);
    const orders = new PurchaseOrdersPage(app.page);
    await orders.open();
    await expect.poll(async () => (await orders.rows()).filter((r) => r.status === 'Draft').length).toBe(2);
    const drafted = (await orders.rows()).find((r) => r.number !== 'PO-2026-0001')!;
    expect(drafted).toEqual(expect.objectContaining({ supplier: SUPPLIER, status: 'Draft', orderDate: TODAY }));
    await orders.openOrder(drafted.number!);
    // The SKU codes fill in once the catalog's live query has answered.
    await expect.poll(() => orders.lines()).toEqual([expect.objectContaining({ sku: sourced.code, qty: sourced.buy.toLocaleString('en-US') })]);

    // The plan does not count drafts as ordered, so the same buy line comes back; the open plan draft holds its supplier.
    await plan.open();
    await plan.waitForPlan();
    await plan.createDrafts();
    await expect.poll(() => plan.statusText()).not.toBe('');
    expect(await plan.statusText()).toMatch(new RegExp(`^0 purchase order drafts created\\. 1 suppliers skipped: their draft from the plan \\(${drafted.number}\\) is still open`));
    await orders.open();
    await expect.poll(async () => (await orders.rows()).length).toBe(2);
    expect(app.pageErrors).toEqual([]);
  });

  test('the supplier’s stock status sheet shows the plan’s forecast and suggested order, on screen, on A4 and Letter, and in the CSV', async () => {
    expect(sourced.code).not.toBe('');
    const suppliers = new SuppliersPage(app.page);
    await suppliers.open();
    await suppliers.openStockStatus(SUPPLIER);
    // The sheet runs the same plan in the worker: the buy line's quantity is the suggested order.
    const buy = sourced.buy.toLocaleString('en-US');
    await expect.poll(async () => (await suppliers.stockStatusRowFor(sourced.code))?.suggested, { timeout: 60_000 }).toBe(buy);
    const row = (await suppliers.stockStatusRowFor(sourced.code))!;
    expect(planNumber(row.forecast)).toBeGreaterThan(0);
    expect(row.orderBy).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(row.orderBy >= TODAY).toBe(true);
    expect(await suppliers.stockStatusNote().textContent()).toBe('Forecast and suggested order are the replenishment plan’s (Plan screen), summed over every Amazon marketplace and your own warehouses’ sales.');

    const preview = new PrintPreviewPage(app.page);
    for (const size of SIZES) {
      const printed = await preview.printed(size);
      const text = printed.pages.join(' ');
      expect(text, size).toContain('Suggested order');
      expect(text, size).toContain(`${buy} ${row.orderBy}`);
      expect(printed.maxTextRightPt, size).toBeLessThanOrEqual(rightLimitPt(printed.pageWidthPt));
    }

    // The CSV: the new columns, numbers as numbers.
    const csv = await suppliers.exportStockStatusCsv();
    expect(csv.name).toBe('stock-status-Shenzhen-Accessories-Ltd-2026-11-26.csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/,"Forecast, next 30 days",Suggested order,Order by$/);
    const skuLine = lines.find((line) => line.startsWith(`${sourced.code},`));
    expect(skuLine).toMatch(new RegExp(`,${planNumber(row.forecast)},${sourced.buy},${row.orderBy}$`));
    await preview.close();
    expect(app.pageErrors).toEqual([]);
  });

  test('a demand event and a forecast override are stored, listed, explained and undone', async () => {
    await plan.open();
    await plan.waitForPlan();
    await plan.addEvent({ name: 'Black Friday', from: '2026-11-27', to: '2026-11-30', upliftPercent: '+50', marketplace: 'US' });
    const panelStatus = () => plan.eventsPanel().locator('[data-testid="status-ok"], [data-testid="status-error"]').textContent();
    await expect.poll(panelStatus).toBe('Event Black Friday added; the plan is being recomputed.');
    await expect.poll(() => plan.events()).toEqual([['Black Friday', '2026-11-27', '2026-11-30', '+50%', 'US', 'All SKUs']]);
    // An unknown SKU code is refused in words, and nothing is added.
    await plan.addEvent({ name: 'Promo', from: '2026-12-01', to: '2026-12-02', upliftPercent: '20', sku: 'NO-SUCH-SKU' });
    await expect.poll(panelStatus).toBe('No SKU with the code NO-SUCH-SKU: leave it blank for every SKU, or type a code from the SKU list.');
    expect(await plan.events()).toHaveLength(1);

    // Force Croston for the first line's SKU: the replan says so in the explanation.
    await plan.waitForPlan();
    await plan.showTab('ship');
    await plan.explainRow('ship', 0);
    await plan.overrideSelect().waitFor();
    const title = await plan.detailTitle();
    await plan.overrideSelect().selectOption({ label: 'Croston' });
    await expect.poll(async () => (await plan.explanation())['Demand d']?.how ?? '', { timeout: 30_000 }).toMatch(/^Croston, set by you for this SKU instead of the backtest’s choice/);
    expect(await plan.detailTitle()).toBe(title);
    await plan.overrideSelect().selectOption({ label: 'Automatic (backtest)' });
    await expect.poll(async () => (await plan.explanation())['Demand d']?.how ?? '', { timeout: 30_000 }).toMatch(/chosen by a backtest on the latest 24 weeks among the methods that suit/);
    // The catalog's season is one of the figures, with where it comes from.
    const season = (await plan.explanation())['Catalog season'];
    expect(season?.value).toMatch(/^× \d+(\.\d+)?$/);
    expect(season?.how).toMatch(/^(How much the whole catalog sells|No catalog season)/);
    // So is the demand pattern the backtest's candidates came from.
    const pattern = (await plan.explanation())['Demand pattern'];
    expect(pattern?.value).toMatch(/^(Smooth|Erratic|Intermittent|Lumpy)$/);
    expect(pattern?.how).toMatch(/^Sells in one week of [\d.]+ on average .* Methods tried: .+\.$/);

    await plan.deleteEvent('Black Friday');
    await expect.poll(() => plan.events()).toEqual([]);
    // The delete says so, and the button gone with its row hands the focus to the form.
    await expect.poll(panelStatus).toBe('Event Black Friday deleted; the plan is being recomputed.');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('eventName');
    expect(app.pageErrors).toEqual([]);
  });

  test('service levels and FBA capacity: a full warehouse ships nothing there, a higher level raises z, and both undo', async () => {
    expect((await plan.waitForPlan()).ship).toBeGreaterThan(0);
    const settingsStatus = () => plan.page.getByRole('region', { name: 'Service levels and FBA capacity' }).locator('[data-testid="status-ok"], [data-testid="status-error"]').textContent();
    // 100% is refused in words.
    await plan.saveSettings({ A: '100' });
    await expect.poll(settingsStatus).toBe('Service level, class A (50–99.9%): “100” is not in the right format.');
    // The class named is the one marked, and the focus goes to it.
    const invalid = () => plan.settingsForm().locator('[aria-invalid="true"]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('name')));
    expect(await invalid()).toEqual(['serviceLevelA']);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('serviceLevelA');
    // A capacity that is not a number names its warehouse.
    await plan.saveSettings({ A: '98', capacity: { 'FBA DE': 'lots' } });
    await expect.poll(settingsStatus).toBe('Capacity at FBA DE (units): “lots” is not a number.');
    expect(await invalid()).toEqual([expect.stringMatching(/^capacity\d+$/)]);

    // No room at FBA US and FBA DE: nothing can be shipped anywhere; every line is at 99%.
    await plan.saveSettings({ A: '99', B: '99', C: '99', capacity: { 'FBA US': '0', 'FBA DE': '0' } });
    await expect.poll(settingsStatus).toBe('Plan settings saved; the plan is being recomputed.');
    await expect.poll(async () => (await plan.waitForPlan()).ship, { timeout: 30_000 }).toBe(0);
    await plan.showTab('ship');
    await plan.explainRow('ship', 0);
    await expect.poll(async () => (await plan.explanation())['z']?.how ?? '').toMatch(/\(99%\)\.$/);

    // Back to the defaults: the plan ships again, at each class's default level.
    await plan.saveSettings({ A: '98', B: '95', C: '90', capacity: { 'FBA US': '', 'FBA DE': '' } });
    await expect.poll(async () => (await plan.waitForPlan()).ship, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await plan.explanation())['z']?.how ?? '').toMatch(/class A \(98%\)|class B \(95%\)|class C \(90%\)/);

    // The FBA floor: 366 days is refused by its range; 60 days is used and explained, then undone.
    await plan.saveSettings({ floorDays: '366' });
    await expect.poll(settingsStatus).toMatch(/: “366” must be from 0 to 365\.$/);
    expect(await plan.settingsForm().locator('input[name="fbaFloorDays"]').getAttribute('aria-invalid')).toBe('true');
    await plan.saveSettings({ floorDays: '60' });
    await expect.poll(settingsStatus).toBe('Plan settings saved; the plan is being recomputed.');
    await expect.poll(async () => (await plan.explanation())['FBA floor']?.how ?? '', { timeout: 30_000 }).toMatch(/^60 days of supply/);
    await plan.saveSettings({ floorDays: '28' });
    await expect.poll(async () => (await plan.explanation())['FBA floor']?.how ?? '', { timeout: 30_000 }).toMatch(/^28 days of supply/);
    expect(app.pageErrors).toEqual([]);
  });

  test('FBA capacity in cubic feet: a SKU without a size is not cut and says so; once sized, a full standard limit cuts it', async () => {
    const before = await plan.waitForPlan();
    await plan.showTab('ship');
    await plan.sortBy('ship', 'Sea', true);
    const [top] = await plan.rows('ship');
    expect(planNumber(top!.sea)).toBeGreaterThan(0);

    // No cubic feet left for standard-size goods anywhere; the demo's SKUs have no package size, so nothing is cut.
    await plan.saveSettings({ cubicFeet: { 'FBA US': { 'Standard-size': '0' }, 'FBA DE': { 'Standard-size': '0' } } });
    await plan.explainRow('ship', 0);
    await expect.poll(async () => (await plan.explanation())['FBA capacity cut']?.how ?? '').toContain('Volume unknown: this SKU has no package size');
    expect((await plan.waitForPlan()).ship).toBe(before.ship);

    // The seller enters the top line's package size (12 × 12 × 12 in: 1 ft³, standard-size): it no longer fits there.
    const skus = new SkuCatalogPage(app.page);
    await skus.open();
    await skus.setPackage(top!.sku!, { length: '12', width: '12', height: '12', unit: 'in', storageType: 'standard' });
    await expect.poll(() => app.page.getByTestId('status-ok').textContent()).toBe(`SKU ${top!.sku} saved.`);
    await plan.open();
    await expect.poll(async () => (await plan.waitForPlan()).ship, { timeout: 30_000 }).toBeLessThan(before.ship);

    await plan.saveSettings({ cubicFeet: { 'FBA US': { 'Standard-size': '' }, 'FBA DE': { 'Standard-size': '' } } });
    await expect.poll(async () => (await plan.waitForPlan()).ship, { timeout: 30_000 }).toBe(before.ship);
    expect(app.pageErrors).toEqual([]);
  });

  test('the seller’s own forecast: a launch in Germany gets a line marked as theirs and explained; a bad rate names its field; deleting it undoes it', async () => {
    const skus = new SkuCatalogPage(app.page);
    await skus.open();
    await skus.create({ code: 'ZZ-LAUNCH-01', name: 'New phone stand', unitCost: '3.00', casePack: '1', moq: '0' });
    await expect.poll(() => app.page.getByTestId('status-ok').textContent()).toBe('SKU ZZ-LAUNCH-01 created.');
    await plan.open();
    const before = await plan.waitForPlan();
    const status = () => plan.ratesPanel().locator('[data-testid="status-ok"], [data-testid="status-error"]').textContent();

    await plan.setRate({ sku: 'zz-launch-01', marketplace: 'DE', unitsPerDay: '-3' });
    await expect.poll(status).toBe('Units per day: “-3” cannot be negative.');
    expect(await plan.rates()).toEqual([]);

    await plan.setRate({ sku: 'zz-launch-01', marketplace: 'DE', unitsPerDay: '6' });
    await expect.poll(status).toBe('Forecast for ZZ-LAUNCH-01 in DE saved; the plan is being recomputed.');
    expect(await plan.rates()).toEqual([['ZZ-LAUNCH-01', 'DE', '6', 'No end', 'In the plan']]);
    // The list goes out as a spreadsheet and comes back: a bad row refuses the whole file, naming the row.
    const exported = await plan.exportRates();
    expect(exported.name).toBe(`stockpilot-forecasts-${TODAY}.csv`);
    expect(exported.text).toBe('\uFEFFSKU,Marketplace,Units per day,Until\r\nZZ-LAUNCH-01,DE,6,\r\n');
    await plan.importRates({ name: 'launches.csv', text: exported.text + 'ZZ-LAUNCH-01,UK,many,\r\n' });
    await expect.poll(status).toBe('launches.csv, row 3: Units per day: “many” is not a number.');
    await plan.importRates({ name: 'launches.csv', text: exported.text + 'ZZ-LAUNCH-01,UK,3,2027-01-31\r\n' });
    await expect.poll(status).toBe('2 forecasts read from launches.csv; the plan is being recomputed.');
    expect(await plan.rates()).toEqual([
      ['ZZ-LAUNCH-01', 'DE', '6', 'No end', 'In the plan'],
      ['ZZ-LAUNCH-01', 'UK', '3', '2027-01-31', 'Not used: no FBA warehouse in UK (add one under Locations)'],
    ]);
    // A SKU that never sold anywhere now has a line at FBA DE, shown as the seller's forecast.
    await expect.poll(async () => (await plan.waitForPlan()).lines, { timeout: 30_000 }).toBe(before.lines + 1);
    await plan.showTab('ship');
    await plan.sortBy('ship', 'SKU', true);
    const [launch] = await plan.rows('ship');
    expect([launch!.sku, launch!.fba, launch!.method]).toEqual(['ZZ-LAUNCH-01', 'FBA DE', 'Yours']);
    await plan.explainRow('ship', 0);
    await expect.poll(async () => (await plan.explanation())['Your forecast']?.value ?? '').toBe('6 per day');
    const explained = await plan.explanation();
    expect(explained['Your forecast']?.how).toMatch(/^Set by you for this SKU in this marketplace, with no end date \(where the marketplace has more than one FBA warehouse, this one’s share by its sales over the last year\): it replaces the computed forecast/);
    expect(explained['Demand d']?.value).toBe('6 per day');
    await expect.poll(() => plan.demandChart().getAttribute('aria-label')).toBe('Demand: history vs forecast: Your forecast, 6 a day');
    // Nothing there and nothing on the way: out of stock tomorrow; nothing at home to ship either, so the buy line brings it.
    expect(explained['Stockout']?.value).toBe('2026-11-27');
    expect(explained['Sea']?.how ?? '').toMatch(/ 0 cut by FBA capacity, [1-9][\d,]* not at home\.$/);
    await plan.showTab('buy');
    await plan.sortBy('buy', 'SKU', true);
    const [buy] = await plan.rows('buy');
    expect(buy!.sku).toBe('ZZ-LAUNCH-01');
    expect(planNumber(buy!.buy ?? '')).toBeGreaterThan(0);
    await plan.showTab('ship');

    // The line's own form holds the rate: changed there, the plan and the list follow.
    const lineForm = plan.detail().getByRole('form', { name: 'Your forecast in DE' });
    const lineUnits = lineForm.getByLabel('Your forecast in DE (units per day)');
    expect(await lineUnits.inputValue()).toBe('6');
    // Its hint (the plan's rate now) is read with the field.
    await expect.poll(() => lineUnits.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('The plan uses 6 a day at this warehouse now');
    await lineUnits.fill('8');
    await lineUnits.press('Enter');
    await expect.poll(() => plan.rates()).toEqual([
      ['ZZ-LAUNCH-01', 'DE', '8', 'No end', 'In the plan'],
      ['ZZ-LAUNCH-01', 'UK', '3', '2027-01-31', 'Not used: no FBA warehouse in UK (add one under Locations)'],
    ]);
    await expect.poll(async () => (await plan.explanation())['Your forecast']?.value ?? '', { timeout: 30_000 }).toBe('8 per day');
    await lineForm.getByRole('button', { name: 'Back to the computed forecast' }).click();
    await expect.poll(() => plan.rates()).toEqual([['ZZ-LAUNCH-01', 'UK', '3', '2027-01-31', 'Not used: no FBA warehouse in UK (add one under Locations)']]);
    await plan.ratesPanel().getByRole('button', { name: 'Delete your forecast for ZZ-LAUNCH-01 in UK' }).click();
    await expect.poll(() => plan.rates()).toEqual([]);
    await expect.poll(async () => (await plan.waitForPlan()).lines, { timeout: 30_000 }).toBe(before.lines);
    expect(app.pageErrors).toEqual([]);
  });

  test('an open explanation stays on its line when a replan adds a line before it', async () => {
    const before = await plan.waitForPlan();
    await plan.showTab('ship');
    await plan.sortBy('ship', 'SKU', true);
    const [last] = await plan.rows('ship');
    await plan.explainRow('ship', 0);
    const title = `${last!.sku} · ${last!.fba}`;
    await expect.poll(() => plan.detailTitle()).toBe(title);
    // SP-00001 has never sold in Germany: a forecast there adds its line near the top of the plan.
    await plan.setRate({ sku: 'SP-00001', marketplace: 'DE', unitsPerDay: '2' });
    await expect.poll(async () => (await plan.waitForPlan()).lines, { timeout: 30_000 }).toBe(before.lines + 1);
    expect(await plan.detailTitle()).toBe(title);
    await plan.ratesPanel().getByRole('button', { name: 'Delete your forecast for SP-00001 in DE' }).click();
    await expect.poll(async () => (await plan.waitForPlan()).lines, { timeout: 30_000 }).toBe(before.lines);
    expect(await plan.detailTitle()).toBe(title);
    expect(app.pageErrors).toEqual([]);
  });

  test('a 3PL with a route to FBA US ships there first: its units on the line, why, by when, and its own printed shipment plan', async () => {
    // The demo's 3PL has never shipped to FBA: the seller tells the app it reaches FBA US by truck.
    const shipments = new ShipmentsPage(app.page);
    await shipments.open();
    await shipments.addRouteDefault({ from: '3PL Los Angeles', to: 'FBA US', mode: 'Truck', mean: '5', sd: '1' });
    await expect.poll(() => shipments.leadTimesOk().textContent()).toBe('Saved 3PL Los Angeles → FBA US (Truck): 5 ± 1 days.');
    await expect.poll(() => shipments.routeRows()).toContainEqual(expect.objectContaining({ route: '3PL Los Angeles → FBA US', mode: 'Truck', planUses: '5 ± 1 days, set by you' }));

    await plan.open();
    await plan.waitForPlan();
    await plan.sortBy('ship', 'From 3PL', true);
    const [top] = await plan.rows('ship');
    expect(top!.fba).toBe('FBA US');
    expect(planNumber(top!.near)).toBeGreaterThan(0);
    await plan.explainRow('ship', 0);
    const figures = await plan.explanation();
    expect(figures['From 3PL']?.value).toBe(top!.near);
    // Its whole leg: 2 days' handling at the 3PL (standard) + 5 by truck + 7 days' FBA check-in (standard).
    expect(figures['From 3PL']?.how).toMatch(/^From 3PL Los Angeles, a 3PL with a route to this FBA location \(14 days,/);
    expect(figures['Ship from 3PL by']?.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await plan.printShipmentPlan();
    const preview = new PrintPreviewPage(app.page);
    await expect.poll(() => preview.title()).toBe('Shipment plan');
    const printed = await preview.printed('A4');
    const text = printed.pages.join(' ');
    expect(text).toMatch(/Shipment plan · 3PL Los Angeles → FBA US/);
    expect(text).toContain(top!.sku);
    expect(printed.maxTextRightPt).toBeLessThanOrEqual(rightLimitPt(printed.pageWidthPt));
    await preview.close();

    // Cleared again: no line ships from the 3PL, and the rest of the file sees the demo as loaded.
    await shipments.open();
    await shipments.clearLegDays('3PL Los Angeles → FBA US (Truck)');
    await plan.open();
    await plan.waitForPlan();
    await plan.sortBy('ship', 'From 3PL', true);
    const [after] = await plan.rows('ship');
    expect(after!.near).toBe('');
    expect(app.pageErrors).toEqual([]);
  });

  test('Tab from a long table goes through its sort buttons and out: the scrolling body is no tab stop of its own', async () => {
    await plan.waitForPlan();
    await plan.showTab('ship');
    const body = plan.table('ship').locator('.data-table__body');
    // Long enough to scroll (a scroller with nothing focusable in it can be a tab stop of its own).
    expect(await body.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    await plan.rowLocator('ship').nth(0).click();
    // Each stop: its class, or 'outside' once the focus has left the table.
    const stops: string[] = [];
    const sortButtons = await plan.table('ship').getByRole('columnheader').getByRole('button').count();
    for (let k = 0; k <= sortButtons; k++) {
      await app.page.keyboard.press('Tab');
      stops.push(await plan.table('ship').evaluate((grid) => (grid.contains(document.activeElement) ? (document.activeElement?.className ?? '') : 'outside')));
    }
    expect(stops).toEqual([...Array<string>(sortButtons).fill('data-table__sort'), 'outside']);
    // A click in the body hands the focus to the grid, where the arrow keys work.
    await body.click({ position: { x: 5, y: 5 } });
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
  });

  test('in Chinese: the forecasts file reads Chinese headers, a refusal names the file and row in Chinese, and the export is headed in Chinese', async () => {
    const settings = new SettingsPage(app.page);
    await settings.open();
    await settings.setLanguage('zh-CN');
    // Back to English whatever happens, for the tests after this one.
    try {
      await inChinese();
    } finally {
      await settings.open();
      await settings.setLanguage('en');
    }
    expect(app.pageErrors).toEqual([]);
  });
});

/** The Chinese test's steps, with the app in Chinese: the forecasts file in and out. */
async function inChinese(): Promise<void> {
  await plan.open();
  const panel = app.page.getByRole('region', { name: '您的预测' });
  const status = () => panel.locator('[data-testid="status-ok"], [data-testid="status-error"]').textContent();
  const pick = async (text: string) => {
    const chooser = app.page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: '导入 CSV…' }).click();
    await (await chooser).setFiles({ name: '新品预测.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  };
  await pick('SKU,站点,每日件数,截止日期\nSP-00002,DE,三,\n');
  await expect.poll(status).toBe('新品预测.csv 第 2 行：每日件数：“三”不是数字。');
  await pick('SKU,站点,每日件数,截止日期\nSP-00002,DE,3,2027/1/31\n');
  await expect.poll(status).toBe('已从 新品预测.csv 读取 1 条预测；正在重新计算计划。');
  expect((await plan.downloadFrom(panel.getByRole('button', { name: '导出预测（CSV）' }))).text).toBe('\uFEFFSKU,站点,每日件数,截止日期\r\nSP-00002,DE,3,2027-01-31\r\n');
  await panel.getByRole('button', { name: '删除您对 SP-00002 在 DE 的预测' }).click();
  await expect.poll(() => panel.getByTestId('plan-rates').count()).toBe(0);
}
