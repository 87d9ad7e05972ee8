// The Today screen (PRODUCT §3 "a delayed shipment raises an alert", §6 "overstock and understock
// lists drive the dashboard"): a seller loads the demo, sees what the plan wants ordered and shipped
// this week, opens the plan from a line by keyboard and exports a list; weeks later, with the demo's
// shipments still open, the delayed ones are listed with their days late and the navigation says so.
//
// The tests share one app session and run in order: the first loads the demo.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApp } from './browser';
import type { AppSession } from './browser';
import { TodayPage } from './pages/TodayPage';
import { PlanPage } from './pages/PlanPage';

const LOADED_ON = '2026-11-26';
const LATER = '2027-03-01';

let app: AppSession;
let today: TodayPage;

beforeAll(async () => {
  app = await openApp({ today: LOADED_ON });
  today = new TodayPage(app.page);
});

afterAll(async () => {
  await app.close();
});

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

describe('Today on the demo data', () => {
  test("the plan's orders and shipments due this week are listed, soonest first, and a line opens the plan", async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await expect.poll(() => page.getByTestId('stock-row').count(), { timeout: 60_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('stock-updating').count()).toBe(0);

    await today.open();
    await expect.poll(() => today.heading().textContent()).toBe('Today');
    // The plan's counts show "…" until the plan is in.
    await expect.poll(() => today.count('orders'), { timeout: 60_000 }).not.toBeNaN();
    // The table shows the rows in view: all of a short list.
    const orders = await today.rows('orders');
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.length).toBeLessThanOrEqual(await today.count('orders'));
    // Every order is due within the week, the soonest first.
    const daysLeft = orders.map((row) => Number(row.daysLeft));
    for (const days of daysLeft) expect(days).toBeGreaterThanOrEqual(0);
    for (const days of daysLeft) expect(days).toBeLessThanOrEqual(7);
    expect([...daysLeft].sort((a, b) => a - b)).toEqual(daysLeft);
    expect(Number(orders[0]!.qty!.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(orders[0]!.orderBy).toMatch(/^\d{4}-\d{2}-\d{2} · (today|in \d+ d)$/);

    // The understock and overstock lists come from this month's analysis.
    await expect.poll(() => today.count('overstock'), { timeout: 60_000 }).not.toBeNaN();
    // The most money tied up over the target first (the table shows only the rows in view).
    const overstock = await today.rows('overstock');
    expect(overstock.length).toBeGreaterThan(0);
    const excess = overstock.map((row) => Number(row.excessValue!.replace(/[^\d.]/g, '')));
    expect([...excess].sort((a, b) => b - a)).toEqual(excess);
    expect(overstock[0]!.action).not.toBe('');
    // The demo is generated, not imported: no report can be stale.
    expect(await today.count('freshness')).toBe(0);
    await expect.poll(() => today.list('freshness').textContent()).toContain('No Amazon report imported yet');

    // The CSV of a list: its header in the UI language, numbers as numbers.
    const file = await today.exportTable('today-orders-table');
    expect(file.name).toBe(`stockpilot-orders-to-place-${LOADED_ON}.csv`);
    const lines = file.text.replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('SKU,Class,Supplier,Buy,Order by,Days left');
    expect(lines).toHaveLength((await today.count('orders')) + 1);
    expect(lines[1]!.split(',').at(-1)).toBe(orders[0]!.daysLeft);

    // A count takes the focus to its list; Enter on a line opens the plan.
    await today.countButton('orders').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('today-orders');
    await page.getByTestId('today-orders-table-row').first().click();
    await page.keyboard.press('Enter');
    await expect.poll(() => today.heading().textContent()).toBe('Replenishment plan');
    // Nothing it reads changed since Today planned: the worker answers with that plan, not a new run.
    const plan = new PlanPage(page);
    expect(await plan.waitForPlan()).toMatchObject({ kept: true });
  });

  test('weeks later the open shipments are delayed: listed with their days late, and the navigation says so', async () => {
    const { page } = app;
    // openApp's start script sets the day on every load; one added after it runs after it.
    await app.context.addInitScript((date) => window.localStorage.setItem('stockpilot.today', date), LATER);
    await page.reload();
    await today.open();
    await expect.poll(() => today.count('delayed'), { timeout: 30_000 }).toBeGreaterThan(0);
    const delayed = await today.rows('delayed');
    expect(delayed.length).toBeGreaterThan(0);
    expect(delayed.length).toBeLessThanOrEqual(await today.count('delayed'));
    for (const row of delayed) expect(Number(row.daysLate)).toBe(daysBetween(row.eta!, LATER));
    // Most late first.
    const late = delayed.map((row) => Number(row.daysLate));
    expect([...late].sort((a, b) => b - a)).toEqual(late);
    const badge = await today.navBadge().textContent();
    expect(Number(badge?.match(/^(\d+) late$/)?.[1])).toBe((await today.count('delayed')) + (await today.count('latePo')));
  });
});
