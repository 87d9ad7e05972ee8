// The catalog's season (group seasonal indices, PRODUCT §4.2): how much the whole catalog sells in
// each week of the year against its trend, read from the sum of every series' weekly in-stock rates.
//
// Why: most SKUs sell a few units a week, far too few to learn a yearly season from two years of
// their own history, yet almost all of them share the retail calendar (the Q4 run-up, Prime Day, a
// quiet January). Summed over the catalog those weeks are clear. Each series' history is divided by
// the catalog's index before its method is chosen and fit (so a level or a trend is read from
// deseasonalised weeks), and its forecast is multiplied by the index of the weeks ahead. Without
// this, every per-SKU method forecasts the Q4 run-up at September's rate.
//
// The model, on the log of the weekly totals A[w] (weeks counted back from the history's last day):
//   log A[w] = a + b·w + s[p],   p = weeks before the last week, modulo 52
// b is the mean year-over-year growth of the weeks seen twice ((log A[w] − log A[w − 52]) ÷ 52), so a
// growing catalog does not pass for a season; s[p] is the mean of log A[w] − b·w over the weeks at
// position p, centred to mean 0 (the index exp(s) has a geometric mean of 1 over the year). Then s is
// shrunk toward 0 by signal ÷ (signal + noise): the noise of a week's log total is about 1 ÷ its
// units (Poisson), so a small catalog's index stays near 1 instead of copying chance.
import type { DemandHistory } from './demandHistory';
import { fillUnknownWeeks, weeklyRates } from './demandHistory';

/** Weeks in the catalog's year. */
export const SEASON_WEEKS = 52;
/** Fewest year-over-year pairs (weeks seen in two years) before a season is read: a quarter. */
export const MIN_SEASON_PAIRS = 13;
/**
 * Every season index (the catalog's, a SKU's own, the weekly one) stays within [1 ÷ this, this]: a
 * week of the year, or a day of the week, at most four times the average.
 */
export const MAX_SEASON_INDEX = 4;

export interface CatalogSeason {
  /** Index by position p (weeks before the history's last week, modulo 52); all 1 when none was read. */
  index: Float64Array;
  /** Year-over-year pairs it was read from (0: too little history, no season). */
  pairs: number;
  /** Shrink factor applied to the log index, 0–1 (1: the catalog's weeks are clear of noise). */
  weight: number;
}

/**
 * The catalog's season from weekly totals (oldest first, the last one the history's last week).
 * Weeks with a total ≤ 0 or not finite are left out. Fewer than MIN_SEASON_PAIRS weeks with a week a
 * year before → no season (every index 1).
 */
export function catalogSeasonIndex(totals: ArrayLike<number>): CatalogSeason {
  const weeks = totals.length;
  const index = new Float64Array(SEASON_WEEKS).fill(1);
  const logs = new Float64Array(weeks);
  for (let w = 0; w < weeks; w++) {
    const total = totals[w]!;
    logs[w] = Number.isFinite(total) && total > 0 ? Math.log(total) : Number.NaN;
  }
  let growthSum = 0;
  let pairs = 0;
  for (let w = SEASON_WEEKS; w < weeks; w++) {
    const change = logs[w]! - logs[w - SEASON_WEEKS]!;
    if (Number.isNaN(change)) continue;
    growthSum += change;
    pairs++;
  }
  if (pairs < MIN_SEASON_PAIRS) return { index, pairs, weight: 0 };
  const growthPerWeek = growthSum / pairs / SEASON_WEEKS;

  const sum = new Float64Array(SEASON_WEEKS);
  const count = new Float64Array(SEASON_WEEKS);
  const noise = new Float64Array(SEASON_WEEKS);
  for (let w = 0; w < weeks; w++) {
    if (Number.isNaN(logs[w]!)) continue;
    const p = positionOf(weeks - 1 - w);
    sum[p] = sum[p]! + logs[w]! - growthPerWeek * w;
    count[p] = count[p]! + 1;
    noise[p] = noise[p]! + 1 / totals[w]!;
  }
  // A position never seen (a gap in a short history) takes no season of its own.
  let mean = 0;
  let seen = 0;
  for (let p = 0; p < SEASON_WEEKS; p++) {
    if (count[p] === 0) continue;
    sum[p] = sum[p]! / count[p]!;
    mean += sum[p]!;
    seen++;
  }
  mean /= seen;
  let signal = 0;
  let noiseMean = 0;
  for (let p = 0; p < SEASON_WEEKS; p++) {
    if (count[p] === 0) {
      sum[p] = 0;
      continue;
    }
    sum[p] = sum[p]! - mean;
    signal += sum[p]! * sum[p]!;
    // Variance of a mean of count[p] log totals, each ≈ 1 ÷ its total.
    noiseMean += noise[p]! / (count[p]! * count[p]!);
  }
  signal /= seen;
  noiseMean /= seen;
  // The spread of the positions' means is signal + noise; keep the signal's share.
  const trueSignal = Math.max(0, signal - noiseMean);
  const weight = trueSignal + noiseMean > 0 ? trueSignal / (trueSignal + noiseMean) : 0;
  const maxLog = Math.log(MAX_SEASON_INDEX);
  for (let p = 0; p < SEASON_WEEKS; p++) index[p] = Math.exp(Math.max(-maxLog, Math.min(maxLog, weight * sum[p]!)));
  return { index, pairs, weight };
}

/** Position of a week `weeksBefore` the history's last week (negative: −1 is the first week ahead). */
export function positionOf(weeksBefore: number): number {
  // Added once and taken again, so a negative week lands in 0–51 (and −52 gives 0, not −0).
  return ((weeksBefore % SEASON_WEEKS) + SEASON_WEEKS) % SEASON_WEEKS;
}

const seasonByHistory = new WeakMap<DemandHistory, CatalogSeason>();

/**
 * The catalog's season of a demand history: every series' weekly in-stock rates (unknown weeks
 * filled as the forecast fills them) summed by week over the whole window. Kept per history object,
 * so a plan, its what-ifs and a line's chart read the same index; whoever changes a history's units
 * or stockouts in place must build a new history.
 */
export function catalogSeasonOf(history: DemandHistory): CatalogSeason {
  const kept = seasonByHistory.get(history);
  if (kept) return kept;
  const weeks = Math.ceil(history.days / 7);
  const season = catalogSeasonOfRates(history.series.length, weeks, (s, out) => weeklyRates(history, s, weeks, undefined, out));
  seasonByHistory.set(history, season);
  return season;
}

/**
 * The catalog's season from every series' weekly in-stock rates: `ratesOf(s, out)` writes series
 * s's `weeks` rates into `out` (oldest first, NaN where unknown); unknown weeks are filled as the
 * forecast fills them, then the series are summed by week.
 */
export function catalogSeasonOfRates(seriesCount: number, weeks: number, ratesOf: (s: number, out: Float64Array) => void): CatalogSeason {
  const totals = new Float64Array(weeks);
  const rates = new Float64Array(weeks);
  for (let s = 0; s < seriesCount; s++) {
    ratesOf(s, rates);
    fillUnknownWeeks(rates);
    for (let w = 0; w < weeks; w++) totals[w] = totals[w]! + rates[w]!;
  }
  return catalogSeasonIndex(totals);
}
