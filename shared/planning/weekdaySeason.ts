// The weekly season (PRODUCT §4.2: "weekly and yearly indices"): how a marketplace's sales spread
// over the days of the week, so a week's forecast is spread over its days as they sell rather than
// evenly. The forecast itself works in weeks (shared/planning/plan.ts), which a day-of-week pattern
// does not change; the days matter for the projected stock, the stockout day and the dates that
// follow from it, and for the chart.
//
// Why per marketplace, not per SKU: a SKU selling a few units a week shows its weekdays only as
// noise, while the shoppers of one marketplace share a week (weekends, paydays, their time zone).
//
// The model, on the marketplace's last WEEKDAY_WEEKS whole weeks ending on the history's last day:
// each week's days add up the units of the series that were in stock all that week (a series out of
// stock for part of a week, restocked on a Monday say, would make the days it was in stock look busy);
// each week's seven days are divided by their mean, so a week's level and season drop out (its
// shares add to 7); a weekday's raw index is its mean share. Whether the weekdays differ beyond
// noise is a two-way analysis of variance of the shares (weeks × weekdays, the week's effect 0 by
// construction):
//   F = (SS weekdays ÷ 6) ÷ (SS residual ÷ 6·(weeks − 1)).
// Below MIN_WEEKDAY_F (about the 0.3% point of F(6, 42), 0.1% of F(6, 150): 8 and 26 weeks), or
// with fewer than MIN_WEEKDAY_UNITS units in the weeks read (each weekday's share would be mostly
// noise), there is no weekly season; above it, the raw index is shrunk toward 1 by 1 − 2/F (a clear
// pattern keeps nearly all of it, one just past the line about half) and held within [1/4, 4] with a
// mean of 1, so a week's seven days still add up to the week. A SKU's week with a stockout day or a
// known event (Black Friday) is left out, so neither shapes the days.
import type { DemandHistory } from './demandHistory';
import { weekdayOfDay } from '../dates';
import { MAX_SEASON_INDEX } from './catalogSeason';
import { inStockWeekTotals } from './demandHistory';

/** Whole weeks of history the weekly season is read from: the last half-year (the pattern of now). */
export const WEEKDAY_WEEKS = 26;
/** Fewest usable weeks (some series in stock all week, and some sales) before a weekly season is read. */
export const MIN_WEEKDAY_WEEKS = 8;
/** Fewest units sold in the weeks read: ~100 a weekday, so a weekday's share is known to about ±10%. */
export const MIN_WEEKDAY_UNITS = 700;
/** F of the weekdays against the noise below which there is no weekly season. */
export const MIN_WEEKDAY_F = 4;

export interface WeekdaySeason {
  /** Index of each day of the week, Sunday first (shared/dates weekdayOfDay's order): mean 1, all 1 for none. */
  index: Float64Array;
  /** How much of the raw index is kept, 0–1 (0: no weekly season). */
  weight: number;
  /** Weeks it was read from. */
  weeks: number;
}

export const NO_WEEKDAY_SEASON: WeekdaySeason = Object.freeze({ index: new Float64Array(7).fill(1), weight: 0, weeks: 0 });


/**
 * The weekly season of daily units: `length` days from `from` (whole weeks ending on the last of
 * them, day number `lastDay`, are read; a week that sold nothing is left out).
 */
export function weekdaySeasonOfDays(units: ArrayLike<number>, lastDay: number, from = 0, length = units.length - from): WeekdaySeason {
  const weeks = Math.floor(length / 7);
  const end = from + length;
  const sums = new Float64Array(7);
  let used = 0;
  let squares = 0;
  let sold = 0;
  for (let w = 0; w < weeks; w++) {
    const weekStart = end - 7 * (weeks - w);
    let total = 0;
    for (let j = 0; j < 7; j++) total += units[weekStart + j]!;
    if (!(total > 0)) continue;
    sold += total;
    const mean = total / 7;
    const firstWeekday = weekdayOfDay(lastDay - (end - 1 - weekStart));
    for (let j = 0; j < 7; j++) {
      const share = units[weekStart + j]! / mean;
      const k = (firstWeekday + j) % 7;
      sums[k] = sums[k]! + share;
      squares += (share - 1) * (share - 1);
    }
    used++;
  }
  if (used < MIN_WEEKDAY_WEEKS || sold < MIN_WEEKDAY_UNITS) return NO_WEEKDAY_SEASON;
  const raw = new Float64Array(7);
  let weekdaySquares = 0;
  for (let k = 0; k < 7; k++) {
    raw[k] = sums[k]! / used;
    weekdaySquares += used * (raw[k]! - 1) * (raw[k]! - 1);
  }
  const residualSquares = squares - weekdaySquares;
  // No residual at all (every week the same shape) is a pattern beyond doubt, if there is one.
  const f = residualSquares > 1e-12 * squares ? weekdaySquares / 6 / (residualSquares / (6 * (used - 1))) : weekdaySquares > 0 ? Infinity : 0;
  if (!(f >= MIN_WEEKDAY_F)) return NO_WEEKDAY_SEASON;
  const weight = 1 - 2 / f;
  const index = new Float64Array(7);
  for (let k = 0; k < 7; k++) index[k] = 1 + weight * (raw[k]! - 1);
  // Held within the bounds with a mean of 1: the days at the bound that was crossed stay there, the others are scaled
  // to make up the rest (a few turns settle it: scaling can bring another day to a bound).
  for (let turn = 0; turn < 16; turn++) {
    let total = 0;
    for (let k = 0; k < 7; k++) {
      index[k] = Math.min(MAX_SEASON_INDEX, Math.max(1 / MAX_SEASON_INDEX, index[k]!));
      total += index[k]!;
    }
    if (Math.abs(total - 7) < 1e-12) break;
    const up = total < 7;
    let free = 0;
    for (let k = 0; k < 7; k++) if (up ? index[k]! < MAX_SEASON_INDEX : index[k]! > 1 / MAX_SEASON_INDEX) free += index[k]!;
    const scale = (7 - (total - free)) / free;
    for (let k = 0; k < 7; k++) if (up ? index[k]! < MAX_SEASON_INDEX : index[k]! > 1 / MAX_SEASON_INDEX) index[k] = index[k]! * scale;
  }
  return { index, weight, weeks: used };
}

/** Per marketplace of a history (in the order its series first name them), its weekly season; per series, its marketplace's. */
export interface WeekdaySeasons {
  marketplaces: string[];
  seasons: WeekdaySeason[];
  /** Per series: index into `marketplaces`. */
  marketplaceOf: Int32Array;
}

const seasonsByHistory = new WeakMap<DemandHistory, WeekdaySeasons>();
const seasonsByPastEvents = new WeakMap<ReadonlyMap<number, Float32Array>, { history: DemandHistory; seasons: WeekdaySeasons }>();

/**
 * The weekly season of each marketplace of a history, read from its series' in-stock days. With
 * `pastEvents` (per series index, its event factors over the history's days), a series' week with an
 * event in it is left out too, as a stockout week is: a Black Friday must not make every Friday look
 * busy. Kept per history object (and events map), so a plan, its what-ifs and a line's chart read the
 * same index; whoever changes a history's units or stockouts in place must build a new history.
 */
export function weekdaySeasonsOf(history: DemandHistory, pastEvents?: ReadonlyMap<number, Float32Array>): WeekdaySeasons {
  const withEvents = pastEvents !== undefined && pastEvents.size > 0;
  const keptWithEvents = withEvents ? seasonsByPastEvents.get(pastEvents) : undefined;
  const kept = withEvents ? (keptWithEvents?.history === history ? keptWithEvents.seasons : undefined) : seasonsByHistory.get(history);
  if (kept) return kept;
  const marketplaces: string[] = [];
  const indexOf = new Map<string, number>();
  const marketplaceOf = new Int32Array(history.series.length);
  for (let s = 0; s < history.series.length; s++) {
    const marketplace = history.series[s]!.marketplace;
    let index = indexOf.get(marketplace);
    if (index === undefined) {
      index = marketplaces.length;
      indexOf.set(marketplace, index);
      marketplaces.push(marketplace);
    }
    marketplaceOf[s] = index;
  }
  const totals = inStockWeekTotals(history, marketplaceOf, marketplaces.length, WEEKDAY_WEEKS, withEvents ? pastEvents : undefined);
  const days = totals.weeks * 7;
  const lastDay = history.firstDay + history.days - 1;
  const seasons = marketplaces.map((_, m) => weekdaySeasonOfDays(totals.units, lastDay, m * days, days));
  const result = { marketplaces, seasons, marketplaceOf };
  if (withEvents) seasonsByPastEvents.set(pastEvents, { history, seasons: result });
  else seasonsByHistory.set(history, result);
  return result;
}

/** A season's index of the 7 days from day number `firstDay` on (out[j]: day firstDay + j). */
export function weekdayFactorsFrom(season: WeekdaySeason, firstDay: number, out = new Float64Array(7)): Float64Array {
  const first = weekdayOfDay(firstDay);
  for (let j = 0; j < 7; j++) out[j] = season.index[(first + j) % 7]!;
  return out;
}
