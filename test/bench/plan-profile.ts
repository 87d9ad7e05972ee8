// `node scripts/run-ts.mjs test/bench/plan-profile.ts [rounds] [compute]`: the plan's compute (buildPlanColumns)
// in Node on the bench's demo (seed 1, 10,000 SKUs, 1M movements), its input gathered by the app's own
// code (renderer/db/planning.ts) from a fake-indexeddb database. Prints a fingerprint of every plan
// column (which a speed-up must leave unchanged) and the compute's phases. A profiling aid, not part of
// `npm run bench` (which times the same compute in Chromium); add `node --cpu-prof` to see inside it,
// and `compute` to run only full computes (no what-if, no pieces) for a cleaner profile.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { generateDemo } from '../../shared/demo/generate';
import { abcClassify } from '../../shared/domain';
import { lastYearUnits } from '../../shared/planning/demandHistory';
import { buildPlanColumns, forecastScratch, forecastSeries } from '../../shared/planning/plan';
import type { PlanInput, PlanPhaseTimings } from '../../shared/planning/plan';
import { shipNumberViews } from '../../shared/planning/planColumns';
import type { PlanColumns } from '../../shared/planning/planColumns';
import type { CubicFeetByStorageType } from '../../shared/planning/planPreferences';
import { loadDemoDataset } from '../../renderer/db/demo';
import { gatherPlanInput } from '../../renderer/db/planning';
import { StockPilotDatabase } from '../../renderer/db/schema';

const TODAY = '2026-11-26';

/** SHA-256 over every column of the plan, in a fixed order (NaN written one way). */
export function planFingerprint(plan: PlanColumns): string {
  const hash = createHash('sha256');
  const numbers = (values: Float64Array) => {
    const copy = values.slice();
    for (let i = 0; i < copy.length; i++) if (Number.isNaN(copy[i])) copy[i] = Number.NaN;
    hash.update(new Uint8Array(copy.buffer));
  };
  const { ship, buy } = plan;
  hash.update(`ship ${ship.count} ${ship.marketplaces.join(',')}|`);
  numbers(ship.numbers);
  for (const bytes of [ship.nulls, ship.abc, ship.method, ship.methodForced, ship.storageType]) hash.update(bytes);
  hash.update(new Uint8Array(ship.marketplace.buffer, ship.marketplace.byteOffset, ship.marketplace.byteLength));
  hash.update(`buy ${buy.count}|`);
  numbers(buy.numbers);
  hash.update(buy.nulls);
  hash.update(buy.abc);
  return hash.digest('hex').slice(0, 16);
}

/** The same input with its own settings object, so buildPlanColumns computes every forecast afresh. */
const fresh = (input: PlanInput): PlanInput => ({ ...input, settings: { ...input.settings } });

/** Tight FBA limits (units and cubic feet) on every FBA location, so the capacity step cuts lines. */
function withCapacity(input: PlanInput): PlanInput {
  const locations = new Set(input.history.series.map((s) => s.locationId));
  const capacityUnits = new Map<number, number | null>();
  const capacityCubicFeet = new Map<number, CubicFeetByStorageType>();
  let k = 0;
  for (const id of locations) {
    capacityUnits.set(id, k % 3 === 2 ? null : 200_000 + 50_000 * k);
    capacityCubicFeet.set(id, k % 2 === 0 ? { standard: 40_000, oversize: 5_000 } : { apparel: 1_000 });
    k++;
  }
  return { ...fresh(input), capacityUnits, capacityCubicFeet };
}

/** Minimum and median of some timings, in ms. */
const spread = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${sorted[0]?.toFixed(1)}, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)}`;
};
const ms = (from: number) => (performance.now() - from).toFixed(1).padStart(7);

export async function main(args: string[]): Promise<number> {
  const rounds = Number(args[0] ?? 5);
  const computeOnly = args[1] === 'compute';
  let t = performance.now();
  const dataset = generateDemo({ seed: 1, skuCount: 10_000, movementCount: 1_000_000, endDate: TODAY });
  console.log(`demo generated ${ms(t)} ms`);
  t = performance.now();
  const db = new StockPilotDatabase(`plan-profile-${Date.now()}`);
  await db.open();
  await loadDemoDataset(db, dataset, new Date().toISOString());
  const timings = { readMs: 0, historyMs: 0, inputsMs: 0, computeMs: 0 };
  const { input } = await gatherPlanInput(db, TODAY, timings);
  db.close();
  console.log(`stored and gathered ${ms(t)} ms (history ${timings.historyMs.toFixed(0)} ms, inputs ${timings.inputsMs.toFixed(0)} ms); ${input.skus.length} SKUs, ${input.history.series.length} series, Node ${process.version}`);

  const phases: PlanPhaseTimings = { now: () => performance.now(), abcMs: 0, linesMs: 0, capacityMs: 0 };
  const fingerprints: string[] = [];
  const computeTimes: number[] = [];
  const whatIfTimes: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const planned = fresh(input);
    t = performance.now();
    const plan = buildPlanColumns(planned, phases);
    computeTimes.push(performance.now() - t);
    const computeMs = ms(t);
    if (computeOnly) {
      console.log(`round ${round}: compute ${computeMs} ms (abc ${phases.abcMs.toFixed(1)}, lines ${phases.linesMs.toFixed(1)}, capacity ${phases.capacityMs.toFixed(1)})`);
      continue;
    }
    // A what-if as the worker runs it: on the very inputs just planned, so their forecasts are reused.
    t = performance.now();
    const whatIf = buildPlanColumns({ ...planned, whatIf: { delayDays: 14, uplift: { fromDay: planned.settings.todayDay + 10, toDay: planned.settings.todayDay + 40, fraction: 0.3 } } });
    whatIfTimes.push(performance.now() - t);
    const whatIfMs = ms(t);
    if (round === 1) fingerprints.push(planFingerprint(plan), planFingerprint(whatIf));
    console.log(
      `round ${round}: compute ${computeMs} ms (abc ${phases.abcMs.toFixed(1)}, lines ${phases.linesMs.toFixed(1)}, capacity ${phases.capacityMs.toFixed(1)}); what-if ${whatIfMs} ms`,
    );
  }

  console.log(`compute: first ${computeTimes[0]!.toFixed(1)} ms, then min ${spread(computeTimes.slice(1))}` + (whatIfTimes.length > 0 ? `; what-if min ${spread(whatIfTimes.slice(1))}` : ''));
  if (computeOnly) return 0;
  // The pieces of the lines phase on their own: forecasts of every series, ABC alone.
  for (let round = 1; round <= 3; round++) {
    const scratch = forecastScratch(input.settings);
    const daily = new Float32Array(input.settings.horizonDays);
    t = performance.now();
    for (const list of input.series.values()) for (const series of list) forecastSeries(input, series, undefined, daily, scratch);
    const forecastMs = ms(t);
    t = performance.now();
    const soldUnits = new Map<number, number>();
    const lastYear = lastYearUnits(input.history);
    input.history.series.forEach((s, index) => soldUnits.set(s.skuId, (soldUnits.get(s.skuId) ?? 0) + lastYear[index]!));
    abcClassify(input.skus.map((sku) => ({ id: String(sku.skuId), value: (soldUnits.get(sku.skuId) ?? 0) * sku.unitCostMinor })));
    console.log(`pieces ${round}: forecastSeries × ${input.history.series.length} ${forecastMs} ms, abcClassify ${ms(t)} ms`);
  }

  const capped = withCapacity(input);
  const cappedPlan = buildPlanColumns(capped);
  const cut = shipNumberViews(cappedPlan.ship).cutByCapacity.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
  fingerprints.push(planFingerprint(cappedPlan));
  console.log(`fingerprints: plan ${fingerprints[0]}, what-if ${fingerprints[1]}, with capacity ${fingerprints[2]} (${cut} lines cut)`);
  return 0;
}
