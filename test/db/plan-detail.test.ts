// One ship line's chart as the ledger worker makes it (renderer/db/planning.ts planDetail): the
// projection walks today's stock less reserved, plus arrivals, less the forecast, day by day; under a
// what-if the arrivals come later and the demand is raised over the what-if's dates, as its plan has them.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { MovementType } from '../../shared/model';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { planDetail, runPlan } from '../../renderer/db/planning';
import { unpackPlan } from '../../shared/planning/planColumns';
import { addFba, addSku, disposeDatabases, freshDb, locationIds } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-06-30';
const ETA = '2026-07-20';
/** Sellable once FBA has checked it in: the ETA + the default FBA receiving days (7). */
const CHECKED_IN = addDays(ETA, 7);

/**
 * One SKU at FBA US: 400 in on Jan 1, 2 a day sold from Feb 1 (100 left), and 60 more at sea arriving
 * ETA; or as `sales` says: that many a day on Saturdays and Sundays, from another first day, more in.
 */
async function seller(sales: { weekendUnits: number; firstDay: string; fbaReceipt: number } = { weekendUnits: 2, firstDay: '2026-02-01', fbaReceipt: 400 }) {
  const db = await freshDb();
  const { domestic, transit } = await locationIds(db);
  const us = await addFba(db, 'US');
  const sku = await addSku(db, 'EARBUD-BLK', { casePack: '1', moq: '0' });
  const rows: { date: string; skuId: number; locationId: number; qty: number; type: MovementType; ref?: string }[] = [
    { date: '2026-01-01', skuId: sku, locationId: domestic, qty: 5000, type: 'receipt' },
    { date: '2026-01-01', skuId: sku, locationId: us, qty: sales.fbaReceipt, type: 'receipt' },
    { date: '2026-06-10', skuId: sku, locationId: domestic, qty: -60, type: 'transfer_out', ref: 'SHP-1' },
    { date: '2026-06-10', skuId: sku, locationId: transit, qty: 60, type: 'transfer_in', ref: 'SHP-1' },
  ];
  for (let d = 0; d < 150; d++) {
    const date = addDays(sales.firstDay, d);
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    rows.push({ date, skuId: sku, locationId: us, qty: weekend ? -sales.weekendUnits : -2, type: 'sale' });
  }
  await appendMovementBatch(db, { id: 'test', kind: 'demo', label: 'test', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
  await db.shipments.add({ id: 1, fromLocationId: domestic, toLocationId: us, shipDate: '2026-06-10', eta: ETA, status: 'in_transit', mode: 'sea', lines: [{ skuId: sku, qty: 60 }] });
  const plan = unpackPlan((await runPlan(db, { today: TODAY })).plan);
  const index = plan.ship.findIndex((l) => l.skuId === sku && l.locationId === us);
  return { index, line: plan.ship[index]! };
}

describe('the chart of one ship line', () => {
  it('projects today’s stock with the shipment arriving once checked in after its ETA, less the forecast each day', async () => {
    const { index, line } = await seller();
    const detail = planDetail(index)!;
    expect(detail.today).toBe(TODAY);
    expect(detail.days[0]).toBe(addDays(TODAY, 1));
    expect(detail.arrivals[detail.days.indexOf(ETA)]).toBe(0);
    const arrival = detail.days.indexOf(CHECKED_IN);
    expect(detail.arrivals[arrival]).toBe(60);
    expect(detail.arrivals.reduce((a, b) => a + b, 0)).toBe(60);
    let stock = line.onHand - line.reservedUnits;
    for (let d = 0; d < detail.days.length; d++) {
      stock += detail.arrivals[d]! - detail.forecast[d]!;
      expect(detail.projected[d]).toBeCloseTo(stock, 6);
    }
    // 2 a day, by whichever method won.
    expect(detail.forecast[0]).toBeGreaterThan(1);
    // Every day alike: no weekly season, each week spread evenly.
    expect(detail.weekdayIndex).toBeNull();
    expect(detail.forecast[1]).toBe(detail.forecast[0]);
    expect(planDetail(-1)).toBeNull();
    expect(planDetail(index + 1000)).toBeNull();
  });

  it('under a what-if the shipment lands later and the demand is raised over its dates only', async () => {
    const { index } = await seller();
    const base = planDetail(index)!;
    const delayed = planDetail(index, { delayDays: 10 })!;
    expect(delayed.arrivals[base.days.indexOf(addDays(CHECKED_IN, 10))]).toBe(60);
    expect(delayed.arrivals[base.days.indexOf(CHECKED_IN)]).toBe(0);
    expect(delayed.forecast).toEqual(base.forecast);

    const from = addDays(TODAY, 5);
    const to = addDays(TODAY, 14);
    const raised = planDetail(index, { uplift: { from, to, percent: 50 } })!;
    raised.days.forEach((day, d) => {
      const factor = day >= from && day <= to ? 1.5 : 1;
      expect(raised.forecast[d]).toBeCloseTo(base.forecast[d]! * factor, 5);
    });
    expect(raised.arrivals).toEqual(base.arrivals);
  });

  it('names the marketplace\'s weekly season, which the forecast follows day by day', async () => {
    // 2 a day on weekdays, 15 on weekends (40 a week): Saturday and Sunday are 15 ÷ (40 ÷ 7) = 2.625
    // of the average day, a weekday 0.35. Sales start on a Wednesday, so every week read (Wednesday
    // to Tuesday, TODAY) is whole: 21 of them, 840 units.
    const { index } = await seller({ weekendUnits: 15, firstDay: '2026-02-04', fbaReceipt: 1000 });
    const detail = planDetail(index)!;
    expect(detail.weekdayIndex).not.toBeNull();
    const [sunday, monday, , , , , saturday] = detail.weekdayIndex!;
    // Shrunk toward 1 by 1 − 2/F: every week the same shape leaves no noise, so F is unbounded.
    expect(sunday).toBeCloseTo(2.625, 6);
    expect(saturday).toBeCloseTo(2.625, 6);
    expect(monday).toBeCloseTo(0.35, 6);
    // TODAY is a Tuesday: day 4 ahead is a Saturday, day 0 a Wednesday.
    expect(detail.forecast[4]! / detail.forecast[0]!).toBeCloseTo(7.5, 4);
  });
});
