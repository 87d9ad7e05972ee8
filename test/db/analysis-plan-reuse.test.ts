// Today asks the worker for the plan and then for this month's analysis: the analysis takes its plan
// figures from the plan the `plan` operation just ran (runPlan keeps it, keptPlanForAnalysis) instead of running it a
// second time, but only while everything the plan reads is unchanged (the ledger, the catalog, the
// settings and the other inputs) and for the same day.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import * as planning from '../../renderer/db/planning';
import { analysisFacts } from '../../renderer/db/analysis';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { planDemandOf } from '../../shared/analysis';
import { addDays } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { Movement } from '../../shared/model';
import { planViews } from '../../shared/planning/planColumns';
import { addFba, addSku, disposeDatabases, freshDb, NOW } from './helpers';

const TODAY = '2026-03-02';
const MARCH = { from: '2026-03-01', to: '2026-03-31', today: TODAY, planInputsKey: 'key-from-the-page' };

type Row = Pick<Movement, 'date' | 'skuId' | 'locationId' | 'qty' | 'type'> & { unitCostMinor?: number };

let runPlanCalls: MockInstance<typeof planning.runPlan>;
beforeEach(() => {
  runPlanCalls = vi.spyOn(planning, 'runPlan');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await disposeDatabases();
});

/** A SKU selling 5 a day at FBA since November, and one never sold. */
async function seller() {
  const db = await freshDb();
  const lamp = await addSku(db, 'LAMP-01');
  await addSku(db, 'SHADE-02');
  const fba = await addFba(db, 'US');
  const rows: Row[] = [{ date: '2025-11-02', skuId: lamp, locationId: fba, qty: 800, type: 'receipt', unitCostMinor: 250 }];
  for (let date = '2025-11-03'; date <= TODAY; date = addDays(date, 1)) rows.push({ date, skuId: lamp, locationId: fba, qty: -5, type: 'sale' });
  await appendMovementBatch(db, { id: 'ledger', kind: 'import', label: 'Ledger', createdAt: NOW }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
  return { db, lamp, fba };
}

describe('the analysis reuses the plan the plan operation just ran', () => {
  test('nothing changed: no second plan run, and the figures are the plan’s', async () => {
    const { db, lamp } = await seller();
    const { plan } = await planning.runPlan(db, { today: TODAY, analysisKey: MARCH.planInputsKey });
    expect(runPlanCalls).toHaveBeenCalledTimes(1);
    const expected = planDemandOf(planViews(plan), Int32Array.from(await db.skus.toCollection().primaryKeys()).sort());

    const analysis = await analysisFacts(db, MARCH);
    expect(runPlanCalls).toHaveBeenCalledTimes(1);
    expect(analysis.planReused).toBe(true);
    expect(analysis.timings.planMs).toBe(0);
    expect(Array.from(analysis.demand.dailyDemand)).toEqual(Array.from(expected.dailyDemand));
    expect(Array.from(analysis.demand.seaLeadDays)).toEqual(Array.from(expected.seaLeadDays));
    // LAMP-01 sells: the reused figures are a real forecast, not an empty one.
    expect(analysis.demand.dailyDemand[Array.from(analysis.facts.skuIds).indexOf(lamp)]).toBeGreaterThan(0);
  });

  test('a what-if in between keeps the full plan’s figures reusable', async () => {
    const { db } = await seller();
    await planning.runPlan(db, { today: TODAY, analysisKey: MARCH.planInputsKey });
    await planning.runPlan(db, { today: TODAY, whatIf: { delayDays: 10 }, analysisKey: MARCH.planInputsKey });
    expect(runPlanCalls).toHaveBeenCalledTimes(2);
    expect((await analysisFacts(db, MARCH)).planReused).toBe(true);
    expect(runPlanCalls).toHaveBeenCalledTimes(2);
  });

  test('after the ledger changes the plan is run again', async () => {
    const { db, lamp, fba } = await seller();
    await planning.runPlan(db, { today: TODAY, analysisKey: MARCH.planInputsKey });
    // A large sale today: the ledger version moves on, and the plan must see it.
    await appendMovementBatch(db, { id: 'more', kind: 'import', label: 'More', createdAt: NOW }, columnsFromMovements([{ id: 1, date: TODAY, skuId: lamp, locationId: fba, qty: -300, type: 'sale' }]));
    const analysis = await analysisFacts(db, MARCH);
    expect(analysis.planReused).toBe(false);
    expect(runPlanCalls).toHaveBeenCalledTimes(2);
    expect(analysis.timings.planMs).toBeGreaterThan(0);
  });

  test('another key from the page (a plan input changed: a setting, a shipment, a lead time) runs the plan again', async () => {
    const { db } = await seller();
    await planning.runPlan(db, { today: TODAY, analysisKey: MARCH.planInputsKey });
    expect((await analysisFacts(db, { ...MARCH, planInputsKey: 'key-after-a-change' })).planReused).toBe(false);
    expect(runPlanCalls).toHaveBeenCalledTimes(2);
  });

  test('a plan asked without the analysis’ key (the plan screen) keeps nothing for it', async () => {
    const { db } = await seller();
    await planning.runPlan(db, { today: TODAY });
    expect((await analysisFacts(db, MARCH)).planReused).toBe(false);
    expect(runPlanCalls).toHaveBeenCalledTimes(2);
  });

  test('an archived SKU the plan has no line for gets no demand from the kept plan', async () => {
    const { db } = await seller();
    const bulb = await addSku(db, 'BULB-03');
    await db.skus.update(bulb, { archived: true });
    await planning.runPlan(db, { today: TODAY, analysisKey: MARCH.planInputsKey });
    const analysis = await analysisFacts(db, MARCH);
    expect(analysis.planReused).toBe(true);
    const at = Array.from(analysis.facts.skuIds).indexOf(bulb);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(analysis.demand.dailyDemand[at]).toBe(0);
    expect(analysis.demand.seaLeadDays[at]).toBeNaN();
  });

  test('after the catalog changes the plan is run again', async () => {
    const { db } = await seller();
    await planning.runPlan(db, { today: TODAY, analysisKey: MARCH.planInputsKey });
    await addSku(db, 'BULB-03');
    const analysis = await analysisFacts(db, MARCH);
    expect(analysis.planReused).toBe(false);
    expect(analysis.facts.skuIds).toHaveLength(3);
    expect(runPlanCalls).toHaveBeenCalledTimes(2);
  });

  test('another day is another plan', async () => {
    const { db } = await seller();
    await planning.runPlan(db, { today: TODAY, analysisKey: MARCH.planInputsKey });
    const tomorrow = addDays(TODAY, 1);
    expect((await analysisFacts(db, { ...MARCH, today: tomorrow })).planReused).toBe(false);
    expect(runPlanCalls).toHaveBeenCalledTimes(2);
  });

  test('a database with no catalog revision yet (just restored) reuses nothing', async () => {
    const { db } = await seller();
    await db.ledgerState.delete('catalog.revision');
    await planning.runPlan(db, { today: TODAY, analysisKey: MARCH.planInputsKey });
    expect((await analysisFacts(db, MARCH)).planReused).toBe(false);
    expect(runPlanCalls).toHaveBeenCalledTimes(2);
  });
});
