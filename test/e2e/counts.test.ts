// A stock count as a seller does it: an A-class count of the domestic warehouse, the blind sheet
// printed to PDF, counts "scanned" in by two counters (one unknown code, one recount), differences
// reviewed with reasons and posted; the stock overview and the ledger move by exactly the variances,
// the posted count is read-only, and a non-numeric or negative count is refused and changes nothing.
import { afterEach, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { SkuCatalogPage } from './pages/SkuCatalogPage';
import { PlatformCodesPage } from './pages/PlatformCodesPage';
import { LocationsPage } from './pages/LocationsPage';
import { ImportsPage } from './pages/ImportsPage';
import { MovementsPage } from './pages/MovementsPage';
import { StockPage } from './pages/StockPage';
import { LedgerPage } from './pages/LedgerPage';
import { PrintPreviewPage } from './pages/PrintPreviewPage';
import { CountsPage } from './pages/CountsPage';
import { SettingsPage } from './pages/SettingsPage';
import { code128 } from '../../shared/print/code128';

const TODAY = '2026-05-10';
const DOMESTIC = 'Domestic warehouse';
const LAMP_FNSKU = 'X004LAMP01';

let app: AppSession;

const dollars = (text: string) => Number(text.replace(/[$,]/g, ''));

afterEach(async () => {
  await app?.close();
});

/** An Inventory Ledger (detail) file: receipts and a month of sales at FBA US, so LAMP and SHADE carry the 12-month COGS (class A) and BULB does not. */
function fbaSalesLedger(only?: string): { name: string; bytes: Buffer } {
  const header = ['Date', 'FNSKU', 'ASIN', 'MSKU', 'Title', 'Event Type', 'Reference ID', 'Quantity', 'Fulfillment Center', 'Disposition', 'Reason', 'Country', 'Reconciled Quantity', 'Unreconciled Quantity', 'Date and Time', 'Store'];
  const row = (date: string, fnsku: string, msku: string, type: string, ref: string, qty: number) =>
    [date, fnsku, 'B0TEST0001', msku, msku, type, ref, String(qty), 'ONT8', 'SELLABLE', '', 'US', '', '', '', ''];
  const rows = [
    row('04/01/2026', LAMP_FNSKU, 'LAMP-01', 'Receipts', 'FBA1LAMP', 100),
    row('04/01/2026', 'X004SHADE2', 'SHADE-02', 'Receipts', 'FBA1SHADE', 100),
    row('04/01/2026', 'X004BULB03', 'BULB-03', 'Receipts', 'FBA1BULB', 100),
    row('04/15/2026', LAMP_FNSKU, 'LAMP-01', 'Shipments', '111-0000001-0000001', -50),
    row('04/15/2026', 'X004SHADE2', 'SHADE-02', 'Shipments', '111-0000002-0000002', -40),
    row('04/15/2026', 'X004BULB03', 'BULB-03', 'Shipments', '111-0000003-0000003', -10),
  ];
  const text = [header, ...rows.filter((r) => only === undefined || r[3] === only)].map((cells) => cells.map((c) => `"${c}"`).join('\t')).join('\r\n');
  return { name: 'GET_LEDGER_DETAIL_VIEW_DATA.tsv', bytes: Buffer.from(`${text}\r\n`, 'utf8') };
}

describe('a stock count of the domestic warehouse', () => {
  test('A-class count: blind sheet to PDF, scanned counts with an unknown code and a recount, reasons, posting moves stock by exactly the variances', async () => {
    app = await openApp({ today: TODAY });
    const { page } = app;

    // The catalog, LAMP's FNSKU, FBA US with a month of sales, and stock at home.
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'LAMP-01', name: 'Desk lamp, brass', unitCost: '2.00' });
    await expect.poll(() => skus.codes()).toEqual(['LAMP-01']);
    await skus.create({ code: 'SHADE-02', name: 'Linen lamp shade', unitCost: '1.00' });
    await expect.poll(() => skus.codes()).toEqual(['LAMP-01', 'SHADE-02']);
    await skus.create({ code: 'BULB-03', name: 'LED bulb', unitCost: '0.10' });
    await expect.poll(() => skus.codes()).toEqual(['BULB-03', 'LAMP-01', 'SHADE-02']);
    const locations = new LocationsPage(page);
    await locations.open();
    await locations.createFba('FBA US', 'US');
    await expect.poll(() => locations.okMessage().textContent()).toBe('Location FBA US created.');
    const codes = new PlatformCodesPage(page);
    await codes.open();
    await codes.map({ sku: 'LAMP-01', marketplace: 'US', sellerSku: 'LAMP-01', asin: 'B0LAMP0001', fnsku: LAMP_FNSKU });
    await expect.poll(() => codes.okMessage().textContent()).toBe('Listing saved.');
    const imports = new ImportsPage(page);
    await imports.open();
    const ledgerFile = fbaSalesLedger();
    await imports.drop([ledgerFile]);
    await expect.poll(() => imports.fact(ledgerFile.name, 'import-new')).toBe('6');
    await imports.apply(ledgerFile.name);
    await expect.poll(() => imports.cardStatus(ledgerFile.name)).toMatch(/^Imported: 6 new movements posted/);

    const movements = new MovementsPage(page);
    await movements.open();
    for (const [sku, qty, cost] of [['LAMP-01', '47', '2.00'], ['SHADE-02', '63', '1.00'], ['BULB-03', '200', '0.10']] as const) {
      await movements.receive({ sku, location: DOMESTIC, qty, unitCost: cost, date: '2026-05-01' });
      await expect.poll(() => movements.okMessage().textContent()).toBe('Posted.');
    }
    const stock = new StockPage(page);
    await stock.open();
    const domestic = await stock.locationColumn(DOMESTIC);
    await expect.poll(() => stock.rowFor('LAMP-01')).toMatchObject({ [domestic]: '47' });
    await expect.poll(() => stock.rowFor('SHADE-02')).toMatchObject({ [domestic]: '63' });
    const lampBefore = (await stock.rowFor('LAMP-01'))!;
    const shadeBefore = (await stock.rowFor('SHADE-02'))!;

    // An A-class plan for the domestic warehouse: due today (never counted), monthly by default.
    const counts = new CountsPage(page);
    await counts.open();
    await counts.setBin({ location: DOMESTIC, sku: 'SHADE-02', bin: 'A-01' });
    await expect.poll(() => counts.okMessage().textContent()).toBe('Bin of SHADE-02 saved.');
    await counts.createAbcPlan({ name: 'A items at home', location: DOMESTIC, abcClass: 'A' });
    await expect.poll(() => counts.plans()).toEqual([
      expect.objectContaining({ name: 'A items at home', location: DOMESTIC, scope: 'Class A', frequency: 'Every 1 months', last: 'Never', dueOn: TODAY, due: 'Due' }),
    ]);
    await counts.startCount('A items at home', TODAY);
    await expect.poll(() => counts.status()).toBe('Open');
    // Sorted by bin, SKUs without a bin last; BULB (class C) is not on it.
    await expect.poll(() => counts.reviewLines().then((lines) => lines.map((l) => [l.bin, l.sku, l.expected, l.counted]))).toEqual([
      ['A-01', 'SHADE-02', '63', 'Not counted'],
      ['', 'LAMP-01', '47', 'Not counted'],
    ]);

    // The blind sheet: SKUs and names, no expected quantities, the codes as Code 128 barcodes.
    await counts.printSheet();
    const preview = new PrintPreviewPage(page);
    expect(await preview.title()).toBe('Count sheet CNT-0001');
    const printed = await preview.printed('A4');
    const text = printed.pages.join(' ');
    expect(text).toContain('Count sheet CNT-0001');
    expect(text).toMatch(/A-01 SHADE-02 Linen lamp shade .*LAMP-01 Desk lamp, brass/);
    expect(text).toContain('Counted by');
    expect(text).toContain('Page 1 of 1');
    expect(text).not.toContain('Expected');
    expect(text).not.toMatch(/\b(47|63)\b/);
    expect(printed.barcodes).toEqual([
      { page: 1, bars: code128('SHADE-02').bars },
      { page: 1, bars: code128(LAMP_FNSKU).bars },
    ]);
    const letter = await preview.printed('Letter');
    expect(letter.pages.join(' ')).toMatch(/A-01 SHADE-02 Linen lamp shade .*LAMP-01 Desk lamp, brass/);
    expect(letter.barcodes).toHaveLength(2);
    await preview.close();

    // Asked for, the sheet shows the expected quantities.
    await page.locator('input[name="showExpected"]').check();
    await counts.printSheet();
    const withExpected = (await preview.printed('A4')).pages.join(' ');
    expect(withExpected).toContain('Expected');
    expect(withExpected).toMatch(/SHADE-02 Linen lamp shade .* 63 .*LAMP-01 Desk lamp, brass .* 47/);
    await preview.close();
    await page.locator('input[name="showExpected"]').uncheck();

    // Two counters' sheets, scanned: LAMP by its FNSKU (Li 45 + Wang 1), SHADE 60 then a recount of 64, one unknown code.
    await counts.scan({ counter: 'Li', code: LAMP_FNSKU, qty: '45' });
    await expect.poll(() => counts.entryMessage().textContent()).toBe(`${LAMP_FNSKU}: 45 entered for LAMP-01.`);
    // The review shows what still needs the counters (not counted) or a reason (a difference), on its own.
    const reviewShow = page.locator('select[name="reviewShow"]');
    await reviewShow.selectOption({ label: 'Lines not counted yet' });
    await expect.poll(() => counts.reviewLines().then((lines) => lines.map((l) => l.sku))).toEqual(['SHADE-02']);
    expect(await page.getByTestId('count-review-shown').textContent()).toBe('1 of 2 lines');
    await reviewShow.selectOption({ label: 'Lines with a difference' });
    await expect.poll(() => counts.reviewLines().then((lines) => lines.map((l) => [l.sku, l.counted, l.difference]))).toEqual([['LAMP-01', '45', '-2']]);
    await reviewShow.selectOption({ label: 'All lines' });
    await expect.poll(() => counts.reviewLines().then((lines) => lines.map((l) => l.sku))).toEqual(['SHADE-02', 'LAMP-01']);
    // From the keyboard: End reaches the last line, Enter its reason.
    await page.getByRole('grid', { name: 'Variance review' }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('reason-LAMP-01');
    await counts.scan({ counter: 'Li', code: 'SHADE-02', qty: '60' });
    await expect.poll(() => counts.entryMessage().textContent()).toBe('SHADE-02: 60 entered for SHADE-02.');
    await counts.scan({ counter: 'Li', code: 'ZZ-404', qty: '3' });
    await expect.poll(() => counts.entryMessage().textContent()).toBe('Unknown code ZZ-404: kept with 3 and flagged; it is not posted. Check the label — map the code in Platform codes and enter it again, or delete the entry.');
    await counts.scan({ counter: 'Wang', code: 'lamp-01', qty: '1' });
    await expect.poll(() => counts.entryMessage().textContent()).toBe('lamp-01: 1 entered for LAMP-01.');
    await counts.scan({ counter: 'Wang', code: 'SHADE-02', qty: '64', recount: true });
    await expect.poll(() => counts.entryMessage().textContent()).toBe('SHADE-02: recount 64 entered for SHADE-02.');
    await expect.poll(() => counts.entries()).toEqual(['Wang SHADE-02 SHADE-02 64 Recount Delete', 'Wang lamp-01 LAMP-01 1 Delete', 'Li ZZ-404 Unknown code 3 Delete', 'Li SHADE-02 SHADE-02 60 Delete', `Li ${LAMP_FNSKU} LAMP-01 45 Delete`]);

    // A non-numeric or negative count: a clear message, nothing entered.
    await counts.scan({ counter: 'Wang', code: 'LAMP-01', qty: 'abc' });
    await expect.poll(() => counts.entryMessage().textContent()).toBe('Counted quantity: “abc” is not a number.');
    await page.locator('input[name="countedQty"]').fill('-2');
    await page.keyboard.press('Enter');
    await expect.poll(() => counts.entryMessage().textContent()).toBe('Counted quantity: “-2” cannot be negative.');
    expect(await counts.entries()).toHaveLength(5);

    // Review: expected at the cut-off, counted, the difference in units and at the average cost.
    await expect.poll(() => counts.reviewLines().then((lines) => lines.map((l) => [l.sku, l.expected, l.counted, l.difference, l.value]))).toEqual([
      ['SHADE-02', '63', '64', '+1', '$1.00'],
      ['LAMP-01', '47', '46', '-1', '-$2.00'],
    ]);
    expect(await counts.unknownCodes()).toEqual(['ZZ-404: 3 (Li)']);

    // Posting without a reason is refused; with reasons it posts.
    await counts.post();
    await expect.poll(() => counts.detailMessage().textContent()).toBe('SHADE-02 differs by 1: choose a reason before posting — nothing was posted.');
    expect(await counts.status()).toBe('Open');
    await counts.setReason('SHADE-02', 'unrecordedReceipt');
    await counts.setReason('LAMP-01', 'lost');
    await expect.poll(() => counts.reviewLines().then((lines) => lines.map((l) => l.sku))).toEqual(['SHADE-02', 'LAMP-01']);
    await expect.poll(() => page.locator('select[name="reason-LAMP-01"]').inputValue()).toBe('lost');
    await counts.post();
    await expect.poll(() => counts.detailMessage().textContent()).toBe('CNT-0001 posted: 2 variance movements dated 2026-05-10.');
    await expect.poll(() => counts.status()).toBe('Posted');

    // Read-only: no entry form, no reason choice; the history keeps its accuracy.
    expect(await counts.hasEntryForm().count()).toBe(0);
    expect(await counts.reasonSelects().count()).toBe(0);
    await expect.poll(() => counts.reviewLines().then((lines) => lines.map((l) => [l.sku, l.difference, l.reason]))).toEqual([
      ['SHADE-02', '+1', 'Unrecorded receipt'],
      ['LAMP-01', '-1', 'Lost'],
    ]);
    // 0 of 2 lines exact; value accuracy 1 − 3.00 ÷ (47 × 2.00 + 63 × 1.00) = 98.1%.
    await expect.poll(() => counts.history()).toEqual([expect.objectContaining({ number: 'CNT-0001', location: DOMESTIC, cutoff: TODAY, status: 'Posted', lines: '2', lineAccuracy: '0%', valueAccuracy: '98.1%' })]);
    await expect.poll(() => counts.plans()).toEqual([expect.objectContaining({ last: TODAY, dueOn: '2026-06-10', due: 'Not due' })]);
    // The frequency is editable: every two months moves the next count.
    await counts.editPlanFrequency('A items at home', '2');
    await expect.poll(() => counts.plans()).toEqual([expect.objectContaining({ frequency: 'Every 2 months', last: TODAY, dueOn: '2026-07-10', due: 'Not due' })]);

    // The stock overview moved by exactly the variances, in units and value.
    await stock.open();
    await expect.poll(() => stock.rowFor('LAMP-01')).toMatchObject({ [domestic]: String(Number(lampBefore[domestic]) - 1) });
    await expect.poll(() => stock.rowFor('SHADE-02')).toMatchObject({ [domestic]: String(Number(shadeBefore[domestic]) + 1) });
    expect(await stock.rowFor('LAMP-01')).toMatchObject({ total: String(Number(lampBefore.total) - 1) });
    expect(await stock.rowFor('SHADE-02')).toMatchObject({ total: String(Number(shadeBefore.total) + 1) });
    // And in value: −2.00 and +1.00 at the average costs.
    expect(dollars((await stock.rowFor('LAMP-01'))!.value!)).toBeCloseTo(dollars(lampBefore.value!) - 2, 2);
    expect(dollars((await stock.rowFor('SHADE-02'))!.value!)).toBeCloseTo(dollars(shadeBefore.value!) + 1, 2);

    // The ledger: two count_variance movements at the cut-off, referenced by the count.
    const ledger = new LedgerPage(page);
    await ledger.open();
    await ledger.filterType('count_variance');
    await expect.poll(() => ledger.tableRows('ledger-browser').then((rows) => rows.map((r) => [r.date, r.type, r.sku, r.location, r.qty, r.ref]))).toEqual([
      [TODAY, 'Count variance', 'LAMP-01', DOMESTIC, '-1', 'CNT-0001'],
      [TODAY, 'Count variance', 'SHADE-02', DOMESTIC, '1', 'CNT-0001'],
    ]);

    expect(app.pageErrors).toEqual([]);
  });
});

describe('an FBA count from a snapshot', () => {
  test('Manage FBA Inventory becomes the count of FBA US: reviewed, posted, the unknown FNSKU kept', async () => {
    app = await openApp({ today: TODAY });
    const { page } = app;
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'LAMP-01', name: 'Desk lamp, brass', unitCost: '2.00' });
    await expect.poll(() => skus.codes()).toEqual(['LAMP-01']);
    const locations = new LocationsPage(page);
    await locations.open();
    await locations.createFba('FBA US', 'US');
    await expect.poll(() => locations.okMessage().textContent()).toBe('Location FBA US created.');
    const codes = new PlatformCodesPage(page);
    await codes.open();
    await codes.map({ sku: 'LAMP-01', marketplace: 'US', sellerSku: 'LAMP-01', asin: 'B0LAMP0001', fnsku: LAMP_FNSKU });
    await expect.poll(() => codes.okMessage().textContent()).toBe('Listing saved.');

    // The ledger says 50 at FBA US (100 received, 50 sold); Amazon's report says 46 + 2 reserved + 1 unsellable.
    const imports = new ImportsPage(page);
    await imports.open();
    const ledgerFile = fbaSalesLedger('LAMP-01');
    await imports.drop([ledgerFile]);
    await expect.poll(() => imports.fact(ledgerFile.name, 'import-new')).toBe('2');
    await imports.apply(ledgerFile.name);
    await expect.poll(() => imports.cardStatus(ledgerFile.name)).toMatch(/^Imported: 2 new movements posted/);
    const myiHeader = 'sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tmfn-listing-exists\tmfn-fulfillable-quantity\tafn-listing-exists\tafn-warehouse-quantity\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\tafn-total-quantity\tper-unit-volume\tafn-inbound-working-quantity\tafn-inbound-shipped-quantity\tafn-inbound-receiving-quantity\tafn-researching-quantity\tafn-reserved-future-supply\tafn-future-supply-buyable\tstore';
    const myiRow = (sku: string, fnsku: string, fulfillable: number, unsellable: number, reserved: number) =>
      [sku, fnsku, 'B0TEST0001', sku, 'New', '19.99', 'No', '', 'Yes', fulfillable + unsellable + reserved, fulfillable, unsellable, reserved, fulfillable + unsellable + reserved, '0.05', 0, 0, 0, 0, 0, 0, ''].join('\t');
    const myi = { name: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv', bytes: Buffer.from([myiHeader, myiRow('LAMP-01', LAMP_FNSKU, 46, 1, 2), myiRow('GHOST-9', 'X00GHOST01', 5, 0, 0)].join('\r\n') + '\r\n', 'utf8') };
    await imports.drop([myi]);
    await expect.poll(() => imports.fact(myi.name, 'import-locations')).toBe('FBA US');
    await imports.apply(myi.name);
    await expect.poll(() => imports.cardStatus(myi.name)).toMatch(/^Imported/);

    const counts = new CountsPage(page);
    await counts.open();
    // The SKUs that differ, as an ad hoc count to walk to the shelf (here: LAMP-01 only).
    await page.getByRole('button', { name: 'Count the SKUs that differ (cut-off today)' }).click();
    await expect.poll(() => counts.okMessage().first().textContent()).toBe('Count CNT-0001 started with 1 SKUs.');
    await expect.poll(() => counts.reviewLines().then((lines) => lines.map((l) => [l.sku, l.expected, l.counted]))).toEqual([['LAMP-01', '50', 'Not counted']]);
    // Amazon's report as the count itself.
    await page.getByRole('button', { name: 'Make count' }).click();
    await expect.poll(() => page.getByTestId('count-detail').getByRole('heading', { level: 2 }).textContent()).toMatch(/^CNT-0002 · FBA US/);
    await expect.poll(() => counts.status()).toBe('Open');
    await expect.poll(() => counts.reviewLines().then((lines) => lines.map((l) => [l.sku, l.expected, l.counted, l.difference, l.value]))).toEqual([['LAMP-01', '50', '49', '-1', '-$2.00']]);
    expect(await counts.unknownCodes()).toEqual(['X00GHOST01: 5 (Manage FBA Inventory)']);
    await counts.setReason('LAMP-01', 'lost');
    await expect.poll(() => page.locator('select[name="reason-LAMP-01"]').inputValue()).toBe('lost');
    await counts.post();
    await expect.poll(() => counts.detailMessage().textContent()).toBe(`CNT-0002 posted: 1 variance movements dated ${TODAY}.`);
    await expect.poll(() => counts.history()).toEqual([
      expect.objectContaining({ number: 'CNT-0002', location: 'FBA US', source: 'Snapshot', status: 'Posted', lineAccuracy: '0%' }),
      expect.objectContaining({ number: 'CNT-0001', location: 'FBA US', source: 'Count sheet', status: 'Open' }),
    ]);
    // Now the snapshot and the ledger agree.
    await page.getByRole('button', { name: 'Count the SKUs that differ (cut-off today)' }).click();
    await expect.poll(() => page.getByText('The snapshot agrees with the ledger: nothing to count.').count()).toBe(1);

    const stock = new StockPage(page);
    await stock.open();
    const fba = await stock.locationColumn('FBA US');
    await expect.poll(() => stock.rowFor('LAMP-01')).toMatchObject({ [fba]: '49' });
    expect(app.pageErrors).toEqual([]);
  });
});

describe('counting in Chinese', () => {
  test('the counts screen and the count sheet are in Chinese, with Chinese names', async () => {
    app = await openApp({ today: TODAY });
    const { page } = app;
    const skus = new SkuCatalogPage(page);
    await skus.open();
    await skus.create({ code: 'LAMP-01', name: '黄铜台灯', unitCost: '2.00' });
    await expect.poll(() => skus.codes()).toEqual(['LAMP-01']);
    const movements = new MovementsPage(page);
    await movements.open();
    await movements.receive({ sku: 'LAMP-01', location: DOMESTIC, qty: '12', unitCost: '2.00', date: '2026-05-01' });
    await expect.poll(() => movements.okMessage().textContent()).toBe('Posted.');
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.setLanguage('zh-CN');
    await expect.poll(() => page.locator('nav [data-screen="counts"]').textContent()).toBe('盘点');

    const counts = new CountsPage(page);
    await counts.open();
    await expect.poll(() => counts.heading().textContent()).toBe('库存盘点');
    // An ad hoc plan (no sales yet, so every SKU is class C).
    await page.getByRole('button', { name: '新建计划' }).click();
    const form = page.getByTestId('count-plan-form');
    await form.locator('input[name="planName"]').fill('台灯抽盘');
    await form.locator('select[name="scopeKind"]').selectOption('skus');
    await form.locator('textarea[name="skuCodes"]').fill('LAMP-01');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => counts.plans()).toEqual([expect.objectContaining({ name: '台灯抽盘', scope: '1 个 SKU', due: '到期' })]);
    await page.locator('input[name="cutoffDate"]').fill(TODAY);
    await page.getByRole('button', { name: '开始盘点：台灯抽盘' }).click();
    await expect.poll(() => counts.status()).toBe('进行中');
    await counts.detail().getByRole('button', { name: '打印盘点表' }).click();
    const preview = new PrintPreviewPage(page);
    const sheet = preview.document();
    await expect.poll(() => sheet.textContent()).toContain('盘点表 CNT-0001');
    expect(await sheet.getAttribute('lang')).toBe('zh-CN');
    expect(await sheet.textContent()).toMatch(/LAMP-01黄铜台灯/);
    expect(await sheet.textContent()).toContain('盘点人：');
    // The PDF carries the sheet with its Chinese glyphs (they need a CJK font: .ci/run installs
    // fonts-noto-cjk where there is none), read back as text.
    const printed = await preview.printed('A4');
    expect(printed.pages.join(' ')).toContain('CNT-0001');
    // Read back, pdf.js puts a space between CJK glyphs, and the font maps some of them to radical
    // code points (人 as U+2F08, which NFKC undoes; 黄 as U+2EE9, which it does not).
    const printedText = printed.pages.join('').replace(/\s+/g, '').normalize('NFKC');
    expect(printedText).toContain('铜台灯');
    expect(printedText).toContain('盘点人');
    expect(printedText).toContain('盲盘');
    expect(printed.barcodes).toEqual([{ page: 1, bars: code128('LAMP-01').bars }]);
    await preview.pressEscape();
    await expect.poll(() => preview.dialog().count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
