// A small plan on made-up data, run by a new worker while it waits for the database: the first plan
// in a fresh JavaScript engine spends more time compiling and tiering up its code (the demand
// history, the backtest sweeps, the line writes) than computing. Run on the same shapes as the real
// inputs (the same typed arrays, a weekly-summed history, capacity limits), it leaves that code
// compiled, so the seller's first plan after opening the app runs at the speed of later ones.
import { TYPE_CODE, emptyColumns } from '../ledger/columns';
import { demandHistoryFromLedger } from './demandHistory';
import { buildPlanColumns, DEFAULT_PLAN_SETTINGS } from './plan';
import type { PlanSeriesInput, PlanSkuInput } from './plan';

/** Made-up SKUs, each sold at two FBA locations over two years: enough loop trips for the engine to optimise. */
const WARM_UP_SKUS = 120;
const WARM_UP_DAYS = 730;
const FBA_LOCATIONS = [2, 3];

let warmedUp = false;

/** Runs the warm-up plan once per worker (later calls return at once). Returns whether it ran. */
export function warmUpPlanner(): boolean {
  if (warmedUp) return false;
  warmedUp = true;
  const todayDay = 20_000;
  const firstDay = todayDay - WARM_UP_DAYS + 1;
  // A receipt every 90 days and a sale on about one day in three, per SKU and location, in day order.
  let state = 12_345;
  const random = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const rows: [number, number, number, number, number][] = [];
  for (let d = 0; d < WARM_UP_DAYS; d++) {
    for (let sku = 1; sku <= WARM_UP_SKUS; sku++) {
      for (const location of FBA_LOCATIONS) {
        if (d % 90 === sku % 90) rows.push([firstDay + d, sku, location, 40 + (sku % 7) * 10, TYPE_CODE.receipt]);
        if (random() < 0.3) rows.push([firstDay + d, sku, location, -1 - Math.floor(random() * 3), TYPE_CODE.sale]);
      }
    }
  }
  const columns = emptyColumns(rows.length);
  rows.forEach(([day, sku, location, qty, type], i) => {
    columns.day[i] = day;
    columns.skuId[i] = sku;
    columns.locationId[i] = location;
    columns.qty[i] = qty;
    columns.type[i] = type;
  });
  const history = demandHistoryFromLedger(columns, new Map(FBA_LOCATIONS.map((id, i) => [id, i === 0 ? 'US' : 'DE'])), { firstDay, days: WARM_UP_DAYS });
  const series = new Map<number, PlanSeriesInput[]>();
  history.series.forEach((s, seriesIndex) => {
    const list = series.get(s.skuId) ?? [];
    list.push({ seriesIndex, sea: { meanDays: 40, sdDays: 5 }, air: { meanDays: 8, sdDays: 2 }, inbound: [{ day: todayDay + 20, units: 30 }], reservedUnits: 0, amazonRecommendedUnits: null });
    series.set(s.skuId, list);
  });
  const skus: PlanSkuInput[] = [];
  for (let sku = 1; sku <= WARM_UP_SKUS; sku++) {
    skus.push({ skuId: sku, casePack: 1 + (sku % 4) * 4, moq: 50, supplierId: 1 + (sku % 3), unitCostMinor: 100 + sku, domesticUnits: sku % 50, onOrder: [], buyLeadTime: { meanDays: 30, sdDays: 5 } });
  }
  buildPlanColumns({ settings: { ...DEFAULT_PLAN_SETTINGS, todayDay }, history, skus, series, capacityUnits: new Map([[FBA_LOCATIONS[0]!, 500]]) });
  return true;
}
