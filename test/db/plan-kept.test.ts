// A full plan asked for under the page's key of its inputs (Today, the plan screen) is kept by the
// worker (renderer/db/planning.ts runPlan), and the same request is answered from it while nothing it
// reads has changed: the ledger, the catalog, the day, the page's key, and the last run itself (what a
// what-if and a line's chart read). Anything else plans again.
import { afterEach, describe, expect, test } from 'vitest';
import { addDays } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { Movement } from '../../shared/model';
import { unpackPlan } from '../../shared/planning/planColumns';
import { updateSku } from '../../renderer/db/catalog';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { runPlan } from '../../renderer/db/planning';
import type { PlanRequest } from '../../renderer/db/planning';
import { analysisFacts } from '../../renderer/db/analysis';
import { addFba, addSku, disposeDatabases, freshDb, NOW, skuDraft } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-03-02';
const KEYED: PlanRequest = { today: TODAY, planInputsKey: 'inputs-1' };

type Row = Pick<Movement, 'date' | 'skuId' | 'locationId' | 'qty' | 'type'>;

/** A SKU selling 5 a day at FBA US since November (800 received). */
async function seller() {
  const db = await freshDb();
  const lamp = await addSku(db, 'LAMP-01');
  const fba = await addFba(db, 'US');
  const rows: Row[] = [{ date: '2025-11-02', skuId: lamp, locationId: fba, qty: 800, type: 'receipt' }];
  for (let date = '2025-11-03'; date <= TODAY; date = addDays(date, 1)) rows.push({ date, skuId: lamp, locationId: fba, qty: -5, type: 'sale' });
  await appendMovementBatch(db, { id: 'ledger', kind: 'import', label: 'Ledger', createdAt: NOW }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
  return { db, lamp, fba };
}

const first12 = (line: { casePack: number; buyQty: number }) => ({ casePack: line.casePack, wholeCases: line.buyQty > 0 && line.buyQty % 12 === 0 });

const lines = async (request: Promise<Awaited<ReturnType<typeof runPlan>>>) => {
  const result = await request;
  return { kept: result.kept ?? false, plan: unpackPlan(result.plan), timings: result.timings };
};

describe('the plan kept under its inputs', () => {
  test('the same request again is answered from the kept plan, the same lines and the first run\'s timings', async () => {
    const { db } = await seller();
    const first = await lines(runPlan(db, KEYED));
    expect(first.kept).toBe(false);
    expect(first.plan.ship).toHaveLength(1);
    const again = await lines(runPlan(db, KEYED));
    expect(again.kept).toBe(true);
    expect(again.plan).toEqual(first.plan);
    expect(again.timings).toEqual(first.timings);
    // A what-if on it leaves it kept: it changes neither the inputs nor the last run.
    await runPlan(db, { today: TODAY, whatIf: { delayDays: 14 } });
    expect((await lines(runPlan(db, KEYED))).kept).toBe(true);
  });

  test('a new movement, a catalog edit, another day or another key plans again', async () => {
    const { db, lamp, fba } = await seller();
    const before = await lines(runPlan(db, KEYED));
    expect(first12(before.plan.buy[0]!)).not.toEqual({ casePack: 12, wholeCases: true });
    await appendMovementBatch(db, { id: 'more', kind: 'import', label: 'More', createdAt: NOW }, columnsFromMovements([{ id: 1, date: TODAY, skuId: lamp, locationId: fba, qty: -40, type: 'sale' }]));
    const afterSale = await lines(runPlan(db, KEYED));
    expect(afterSale.kept).toBe(false);
    // The new sale is in it: 40 fewer on hand than before.
    expect(afterSale.plan.ship[0]!.onHand).toBe(800 - 5 * 120 - 40);

    await updateSku(db, lamp, skuDraft({ code: 'LAMP-01', casePack: '12' }), NOW);
    const afterEdit = await lines(runPlan(db, KEYED));
    expect(afterEdit.kept).toBe(false);
    // The new case pack is in it: the buy line orders whole cases of 12 (it did not before).
    expect(first12(afterEdit.plan.buy[0]!)).toEqual({ casePack: 12, wholeCases: true });
    expect((await lines(runPlan(db, KEYED))).kept).toBe(true);

    expect((await lines(runPlan(db, { ...KEYED, today: addDays(TODAY, 1) }))).kept).toBe(false);
    expect((await lines(runPlan(db, { ...KEYED, planInputsKey: 'inputs-2' }))).kept).toBe(false);
  });

  test('another run in between (the analysis\' own plan, a request with no key) replaces the last run: planned again', async () => {
    const { db } = await seller();
    await runPlan(db, KEYED);
    await runPlan(db, { today: TODAY });
    expect((await lines(runPlan(db, KEYED))).kept).toBe(false);
    await analysisFacts(db, { from: '2026-03-01', to: '2026-03-31', today: TODAY });
    expect((await lines(runPlan(db, KEYED))).kept).toBe(false);
    // A request with no key is never answered from the kept plan.
    expect((await lines(runPlan(db, { today: TODAY }))).kept).toBe(false);
  });
});
