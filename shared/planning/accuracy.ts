// How good the forecast is, measured the way a seller would: stand at a past date, forecast the
// weeks after it from the history before, and compare with what sold — against the common tool
// default, a plain 30-day moving average of daily sales (stockout days included, as such tools do).
import { backtestSelect, DEMAND_CLASS_CANDIDATES, demandClass, forecastPath } from '../domain';
import type { DemandHistory } from './demandHistory';
import { fillUnknownWeeks } from './demandHistory';
import { catalogSeasonOfRates, positionOf } from './catalogSeason';
import { skuSeasonIndex, skuSeasonOf } from './skuSeason';
import { DEFAULT_PLAN_SETTINGS } from './plan';

export interface AccuracyResult {
  /**
   * WAPE of the per-SKU chosen method and of the 30-day moving average on each series' held-out
   * total (its in-stock held-out weeks summed, per origin): the demand a replenishment decision
   * rests on, since an order or a shipment covers the weeks until the next one arrives.
   */
  wapeChosen: number;
  wapeMovingAverage30: number;
  /** wapeChosen ÷ wapeMovingAverage30 (below 1: better than the default). */
  ratio: number;
  /** The same, scored week by week (each held-out week on its own). */
  weekly: {
    wapeChosen: number;
    wapeMovingAverage30: number;
    ratio: number;
    /**
     * A bound no forecast of the mean can beat by much: each series' scored weeks forecast flat at
     * their own mean (it knows the future), ÷ the moving average's weekly WAPE. Weekly sales of a
     * few units are mostly chance, so on such data even this stays well above 0.
     */
    oracleRatio: number;
  };
  /** Origins scored, series × origins with a scored week, and weeks scored (weeks with a stockout day are left out: their sales are cut short). */
  origins: number;
  series: number;
  weeks: number;
}

export interface AccuracyOptions {
  /** Weeks of history each forecast is fitted on (the plan's historyWeeks). */
  historyWeeks: number;
  /** Weeks forecast and scored after each origin. */
  holdoutWeeks: number;
  /** Forecast origins (default 1): the latest `holdoutWeeks` before the history's end, each earlier one `originStepWeeks` (default 4) before it. */
  origins?: number;
  originStepWeeks?: number;
  backtestFolds?: number;
  backtestHorizonWeeks?: number;
}

/** Error sums over every origin and series. */
interface Tally {
  actual: number;
  chosenTotal: number;
  baselineTotal: number;
  chosenWeekly: number;
  baselineWeekly: number;
  oracleWeekly: number;
  series: number;
  weeks: number;
}

/**
 * At each origin, the `holdoutWeeks` whole weeks after it are held out of every series. Training
 * uses the weekly rates of in-stock days before the origin with the catalog's season (read from the
 * training weeks only) taken out, as the plan does; the chosen method forecasts the held-out weeks,
 * with the season put back. The baseline forecasts every held-out week as 7 × the mean daily sales
 * of the 30 days before the origin. Only fully in-stock held-out weeks are scored, for both.
 */
export function forecastAccuracy(history: DemandHistory, options: AccuracyOptions): AccuracyResult {
  const origins = options.origins ?? 1;
  const step = options.originStepWeeks ?? 4;
  const tally: Tally = { actual: 0, chosenTotal: 0, baselineTotal: 0, chosenWeekly: 0, baselineWeekly: 0, oracleWeekly: 0, series: 0, weeks: 0 };
  let scoredOrigins = 0;
  for (let k = 0; k < origins; k++) {
    const trainingEnd = history.days - (options.holdoutWeeks + k * step) * 7;
    // The moving average needs its 30 days, and the methods at least a week.
    if (trainingEnd < 30) break;
    scoreOrigin(history, options, trainingEnd, tally);
    scoredOrigins++;
  }
  const wape = (error: number) => (tally.actual > 0 ? error / tally.actual : 0);
  const ratio = (chosen: number, baseline: number) => (baseline > 0 ? chosen / baseline : 1);
  return {
    wapeChosen: wape(tally.chosenTotal),
    wapeMovingAverage30: wape(tally.baselineTotal),
    ratio: ratio(tally.chosenTotal, tally.baselineTotal),
    weekly: {
      wapeChosen: wape(tally.chosenWeekly),
      wapeMovingAverage30: wape(tally.baselineWeekly),
      ratio: ratio(tally.chosenWeekly, tally.baselineWeekly),
      oracleRatio: ratio(tally.oracleWeekly, tally.baselineWeekly),
    },
    origins: scoredOrigins,
    series: tally.series,
    weeks: tally.weeks,
  };
}

function scoreOrigin(history: DemandHistory, options: AccuracyOptions, trainingEnd: number, tally: Tally): void {
  const { days, units, stockout } = history;
  const { historyWeeks, holdoutWeeks } = options;
  const weekly = new Float64Array(historyWeeks);
  const actuals = new Float64Array(holdoutWeeks);
  // Weekly in-stock rates of every series over every whole week up to the training end (unknown weeks
  // filled as the plan fills them), and the catalog's season read from their sums, as the plan does
  // on its whole history: nothing after the training end is read.
  const allWeeks = Math.max(historyWeeks, Math.floor(trainingEnd / 7));
  const seriesCount = history.series.length;
  const allRates = new Float64Array(seriesCount * allWeeks);
  for (let s = 0; s < seriesCount; s++) {
    const base = s * days;
    const rates = allRates.subarray(s * allWeeks, (s + 1) * allWeeks);
    for (let w = 0; w < allWeeks; w++) {
      const end = trainingEnd - (allWeeks - 1 - w) * 7;
      let sold = 0;
      let inStock = 0;
      for (let d = Math.max(0, end - 7); d < end; d++) {
        if (stockout[base + d]) continue;
        sold += units[base + d]!;
        inStock++;
      }
      rates[w] = inStock === 0 ? Number.NaN : (sold * 7) / inStock;
    }
  }
  const season = catalogSeasonOfRates(seriesCount, allWeeks, (s, out) => out.set(allRates.subarray(s * allWeeks, (s + 1) * allWeeks)));
  const seasonal = season.weight > 0;
  for (let s = 0; s < seriesCount; s++) {
    const base = s * days;
    // The last historyWeeks weeks ending at the training end, the catalog's season taken out.
    for (let w = 0; w < historyWeeks; w++) {
      const rate = allRates[s * allWeeks + allWeeks - historyWeeks + w]!;
      weekly[w] = seasonal ? rate / season.index[positionOf(historyWeeks - 1 - w)]! : rate;
    }
    // The SKU's own yearly wave, out of its weeks and back into its forecast, as the plan does.
    const own = skuSeasonOf(weekly);
    if (own.weight > 0) for (let w = 0; w < historyWeeks; w++) weekly[w] = weekly[w]! / skuSeasonIndex(own, historyWeeks - 1 - w);
    fillUnknownWeeks(weekly);
    let any = false;
    for (let w = 0; w < historyWeeks && !any; w++) any = weekly[w]! > 0;
    let last30 = 0;
    for (let d = trainingEnd - 30; d < trainingEnd; d++) last30 += units[base + d]!;
    const baseline = (last30 / 30) * 7;
    const path = any
      ? forecastPath(backtestSelect(weekly, { horizon: options.backtestHorizonWeeks ?? DEFAULT_PLAN_SETTINGS.backtestHorizonWeeks, folds: options.backtestFolds ?? DEFAULT_PLAN_SETTINGS.backtestFolds, seasonLength: 52, candidates: DEMAND_CLASS_CANDIDATES[demandClass(weekly)] }).method, weekly, holdoutWeeks, 52)
      : null;
    let scoredWeeks = 0;
    let actualSum = 0;
    let chosenSum = 0;
    for (let w = 0; w < holdoutWeeks; w++) {
      let actual = 0;
      let cut = false;
      for (let d = trainingEnd + w * 7; d < trainingEnd + (w + 1) * 7; d++) {
        if (stockout[base + d]) cut = true;
        actual += units[base + d]!;
      }
      if (cut) continue;
      const chosen = path ? Math.max(0, path[w]! * (seasonal ? season.index[positionOf(-1 - w)]! : 1) * skuSeasonIndex(own, -1 - w)) : 0;
      tally.chosenWeekly += Math.abs(actual - chosen);
      tally.baselineWeekly += Math.abs(actual - baseline);
      actualSum += actual;
      chosenSum += chosen;
      actuals[scoredWeeks++] = actual;
    }
    if (scoredWeeks === 0) continue;
    tally.actual += actualSum;
    tally.chosenTotal += Math.abs(actualSum - chosenSum);
    tally.baselineTotal += Math.abs(actualSum - baseline * scoredWeeks);
    tally.series++;
    tally.weeks += scoredWeeks;
    const mean = actualSum / scoredWeeks;
    for (let w = 0; w < scoredWeeks; w++) tally.oracleWeekly += Math.abs(actuals[w]! - mean);
  }
}
