// Analysis (PRODUCT §6) in the built app: a seller loads the demo, opens Analysis and reads the
// month's turnover with how it was computed, a class A SKU, the age of the stock (the buckets add up
// to what is on hand), an overstocked SKU's suggested action, and edits the thresholds: a good edit
// is saved and reclassifies; a refused one names its field and changes nothing.
//
// The tests share one app session and run in order: the first loads the demo, the others build on it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { AnalysisPage, analysisNumber } from './pages/AnalysisPage';

const TODAY = '2026-11-26';

let app: AppSession;
let analysis: AnalysisPage;

beforeAll(async () => {
  app = await openApp({ today: TODAY });
  analysis = new AnalysisPage(app.page);
});

afterAll(async () => {
  await app.close();
});

describe('Analysis on the demo data', () => {
  test('the month’s turnover says how it was computed, and a class A SKU explains its class', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await expect.poll(() => page.getByTestId('stock-row').count(), { timeout: 60_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('stock-updating').count()).toBe(0);
    await analysis.open();
    expect(await analysis.heading().textContent()).toBe('Analysis');
    const summary = await analysis.summaryFigures();
    // November 2026, still running on the 26th: counted to today, 26 days.
    expect(await app.page.getByTestId('analysis-range').textContent()).toMatch(/^2026-11-01 – 2026-11-26 \(26 days\)\. Stock on hand, its age and days of cover: as of 2026-11-26\.$/);
    const rate = analysisNumber(summary.turnoverRate!.value);
    expect(rate).toBeGreaterThan(0);
    const [, cogs, beginning, ending, average] = /^COGS (\$[\d,.]+) ÷ average inventory value \((\$[\d,.]+) \+ (\$[\d,.]+)\) ÷ 2 = (\$[\d,.]+)$/.exec(summary.turnoverRate!.how)!;
    expect(Math.abs((analysisNumber(beginning) + analysisNumber(ending)) / 2 - analysisNumber(average))).toBeLessThanOrEqual(0.01);
    expect(Math.abs(analysisNumber(cogs) / analysisNumber(average) - rate)).toBeLessThanOrEqual(0.005);
    // Turnover days = 30 ÷ the rate (the rate from the amounts shown, to the cent).
    expect(summary.turnoverDays!.how).toBe(`26 days in the period ÷ turnover rate ${summary.turnoverRate!.value}`);
    const exactRate = analysisNumber(cogs) / analysisNumber(average);
    expect(Math.abs(analysisNumber(summary.turnoverDays!.value) - 26 / exactRate)).toBeLessThanOrEqual(0.051);
    expect(summary.sellThrough!.how).toMatch(/^[\d,]+ units sold \(net of returns\) ÷ \([\d,]+ at the start \+ [\d,]+ received\)$/);
    expect(summary.errorRate).toBeDefined();

    // The ABC tab lists the SKUs by rank: the first is A, its share before is 0%.
    const [first] = await analysis.rows('abc');
    expect(first).toMatchObject({ rank: '1', abc: 'A', shareBefore: '0%' });
    expect(analysisNumber(first!.basis)).toBeGreaterThan(0);
    await analysis.explainRow('abc', 0);
    expect(await analysis.explanationTitle()).toBe(`${first!.sku}: how each figure is computed`);
    const x = await analysis.explanationFigures();
    expect(x.abc!.value).toBe('A');
    expect(x.abc!.how).toMatch(/^Rank 1 of 300 by 12-month COGS to 2026-11-26 \(\$[\d,.]+\); the SKUs before it hold 0% of the total \(A below 80%, B below 95%\)\.$/);
    expect(summary.abc!.value).toMatch(/^A \d+ · B \d+ · C \d+ SKUs$/);
    // Opened by keyboard (Enter on the table's active row) it is announced; Close hands the focus back to the table.
    await page.getByRole('button', { name: 'Close' }).click();
    const grid = page.getByTestId('analysis-abc');
    await grid.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('analysis-explain-announce').textContent()).toBe(`The explanation of ${first!.sku} is shown below the table.`);
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await grid.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('the age buckets add up to the stock on hand', async () => {
    await analysis.showTab('ageing');
    await analysis.rows('ageing');
    const total = await analysis.tableTotal('analysis-ageing');
    // The total row reads cell by cell: a row header, then a grid cell per column (8 in all), counted in the grid's rows.
    const totalRow = app.page.getByTestId('analysis-ageing-total');
    expect(await totalRow.getByRole('rowheader').textContent()).toBe('Total');
    expect(await totalRow.getByRole('gridcell').count()).toBe(9);
    // The demo's 300 SKUs, the header row and the total row.
    expect(await app.page.getByTestId('analysis-ageing').getAttribute('aria-rowcount')).toBe('302');
    const buckets = [0, 1, 2, 3, 4].map((k) => analysisNumber(total[`age${k}`]));
    const onHand = analysisNumber(total.onHand);
    expect(onHand).toBeGreaterThan(0);
    expect(buckets.reduce((a, b) => a + b, 0)).toBe(onHand);
    // The same units as the summary's stock on hand.
    const summary = await analysis.summaryFigures();
    expect(summary.onHand!.value).toMatch(new RegExp(`^${total.onHand!.replace(/[$.]/g, '\\$&')} units · \\$[\\d,.]+$`));
    // Every rendered row adds up too.
    for (const row of await analysis.rows('ageing')) {
      expect([0, 1, 2, 3, 4].reduce((sum, k) => sum + analysisNumber(row[`age${k}`]), 0), row.sku).toBe(analysisNumber(row.onHand));
    }
  });

  test('an overstocked SKU has an action and the units to clear, and says why', async () => {
    await analysis.showTab('overstock');
    const rows = await analysis.rows('overstock');
    expect(rows.length).toBeGreaterThan(0);
    const line = rows[0]!;
    expect(['Promotion', 'Discount', 'Removal']).toContain(line.action);
    const clear = analysisNumber(line.clear);
    expect(clear).toBeGreaterThan(0);
    if (line.cover === 'No demand') {
      expect(line.action).toBe('Removal');
      expect(line.why).toBe(`No demand: remove all ${line.clear} units`);
    } else {
      const [, cover, target, clearText, onHand, keep] = /^([\d,]+) days of cover > target (\d+): clear ([\d,]+) of ([\d,]+) to keep ([\d,]+) \(\d+ days × [\d,.]+ a day\); oldest units (.+)$/.exec(line.why!)!;
      expect(analysisNumber(cover)).toBeGreaterThan(Number(target));
      expect(analysisNumber(clearText)).toBe(analysisNumber(onHand) - analysisNumber(keep));
    }
  });

  test('thresholds are edited and saved; a refused one names its field and changes nothing', async () => {
    const before = await analysis.summaryFigures();
    const countsOf = (value: string) => /^A (\d+) · B (\d+) · C (\d+) SKUs$/.exec(value)!.slice(1).map(Number);
    const [aBefore] = countsOf(before.abc!.value);
    await analysis.saveSettings({ abcCutoffA: '50', abcCutoffB: '70', targetCoverDays: '60' });
    await expect.poll(async () => (await analysis.okMessage().textContent()) ?? '').toBe('Saved. Classes and actions now use these settings, and so do the plan’s service levels by class from its next run.');
    await expect.poll(async () => (await analysis.summaryFigures()).abc!.how).toMatch(/A while the share of the SKUs before it is below 50%, B below 70%, else C\.$/);
    const [aAfter] = countsOf((await analysis.summaryFigures()).abc!.value);
    expect(aAfter!).toBeLessThan(aBefore!);
    expect((await analysis.summaryFigures()).overstock!.how).toBe('Days of cover above the target of 60 days, or stock with no demand');

    // B below A: refused, naming the field and the value.
    await analysis.saveSettings({ abcCutoffB: '40', targetCoverDays: '120' });
    await expect.poll(async () => (await analysis.errorMessage().textContent()) ?? '').toBe('Class B below (cumulative %): “40” must be from 50 to 100.');
    expect(await analysis.setting('abcCutoffB').getAttribute('aria-invalid')).toBe('true');
    expect(await analysis.setting('abcCutoffB').evaluate((el) => el === document.activeElement)).toBe(true);
    // Nothing changed: after a reload the saved settings are still 50 / 70 / 60.
    await app.page.reload();
    await analysis.open();
    await analysis.summaryFigures();
    expect(await analysis.setting('abcCutoffA').inputValue()).toBe('50');
    expect(await analysis.setting('abcCutoffB').inputValue()).toBe('70');
    expect(await analysis.setting('targetCoverDays').inputValue()).toBe('60');
    expect((await analysis.summaryFigures()).abc!.how).toMatch(/below 50%, B below 70%/);
    expect(app.pageErrors).toEqual([]);
  });

  test('ranked by revenue with no orders imported: the screen says it needs All Orders, and the ABC figure names revenue', async () => {
    const { page } = app;
    // The demo holds ledger sales, no imported orders.
    expect(await page.getByTestId('analysis-revenue-notes').count()).toBe(0);
    await analysis.setting('abcBasis').selectOption('revenue');
    await analysis.settingsForm().getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await page.getByTestId('analysis-revenue-notes').textContent()) ?? '').toMatch(/^Ranking by revenue needs the All Orders report: no imported order has an item price/);
    await expect.poll(async () => (await analysis.summaryFigures()).abc!.how).toMatch(/^Ranked by revenue of the 12 months to 2026-11-26: the item prices of imported All Orders lines in USD at your exchange rates/);
    // No revenue anywhere: every SKU is C.
    expect((await analysis.summaryFigures()).abc!.value).toBe('A 0 · B 0 · C 300 SKUs');
    await analysis.showTab('abc');
    await analysis.explainRow('abc', 0);
    expect((await analysis.explanationFigures()).abc!.how).toMatch(/^Rank 1 of 300 by 12-month revenue to 2026-11-26 \(\$0\.00\)/);
    await page.getByRole('button', { name: 'Close' }).click();
    // Back to COGS: the note goes.
    await analysis.setting('abcBasis').selectOption('cogs');
    await analysis.settingsForm().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('analysis-revenue-notes').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
