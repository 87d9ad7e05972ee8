// How good the forecast is, measured the way a seller would: hold out the last weeks, forecast them
// from the history before, and compare with what sold — against the common tool default, a plain
// 30-day moving average of daily sales (stockout days included, as such tools do).
import { backtestSelect, DEMAND_CLASS_CANDIDATES, demandClass, forecastPath } from '../domain';
import type { DemandHistory } from './demandHistory';
import { fillUnknownWeeks } from './demandHistory';
import { catalogSeasonOfRates, positionOf } from './catalogSeason';
import { DEFAULT_PLAN_SETTINGS } from './plan';

export interface AccuracyResult {
  /** WAPE of the per-SKU chosen method and of the 30-day moving average over the same weeks. */
  wapeChosen: number;
  wapeMovingAverage30: number;
  /** wapeChosen ÷ wapeMovingAverage30 (below 1: better than the default). */
  ratio: number;
  /**
   * A bound no forecast of the mean can beat by much: each series' scored weeks forecast flat at
   * their own mean (it knows the future), ÷ wapeMovingAverage30. Weekly sales of a few units are
   * mostly chance, so on such data even this stays well above 0.
   */
  oracleRatio: number;
  /** Series and weeks scored (weeks with a stockout day are left out: their sales are cut short). */
  series: number;
  weeks: number;
}

/**
 * Holds out the last `holdoutWeeks` whole weeks of every series. Training uses the weekly rates of
 * in-stock days before the holdout with the catalog's season (read from the training weeks only)
 * taken out, as the plan does; the chosen method forecasts the holdout week by week, with the season
 * put back. The baseline forecasts every holdout week as 7 × the mean daily sales of the 30 days
 * before the holdout. Only fully in-stock holdout weeks are scored, for both.
 */
export function forecastAccuracy(history: DemandHistory, options: { historyWeeks: number; holdoutWeeks: number; backtestFolds?: number; backtestHorizonWeeks?: number }): AccuracyResult {
  const { days, units, stockout } = history;
  const { historyWeeks, holdoutWeeks } = options;
  const trainingEnd = days - holdoutWeeks * 7;
  const weekly = new Float64Array(historyWeeks);
  let errorChosen = 0;
  let errorBaseline = 0;
  let errorOracle = 0;
  const actuals = new Float64Array(holdoutWeeks);
  let actualTotal = 0;
  let seriesScored = 0;
  let weeksScored = 0;
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
    fillUnknownWeeks(weekly);
    let any = false;
    for (let w = 0; w < historyWeeks && !any; w++) any = weekly[w]! > 0;
    let last30 = 0;
    for (let d = Math.max(0, trainingEnd - 30); d < trainingEnd; d++) last30 += units[base + d]!;
    const baseline = (last30 / 30) * 7;
    const path = any
      ? forecastPath(backtestSelect(weekly, { horizon: options.backtestHorizonWeeks ?? DEFAULT_PLAN_SETTINGS.backtestHorizonWeeks, folds: options.backtestFolds ?? DEFAULT_PLAN_SETTINGS.backtestFolds, seasonLength: 52, candidates: DEMAND_CLASS_CANDIDATES[demandClass(weekly)] }).method, weekly, holdoutWeeks, 52)
      : null;
    let scoredWeeks = 0;
    for (let w = 0; w < holdoutWeeks; w++) {
      let actual = 0;
      let cut = false;
      for (let d = trainingEnd + w * 7; d < trainingEnd + (w + 1) * 7; d++) {
        if (stockout[base + d]) cut = true;
        actual += units[base + d]!;
      }
      if (cut) continue;
      const chosen = path ? Math.max(0, path[w]! * (seasonal ? season.index[positionOf(-1 - w)]! : 1)) : 0;
      errorChosen += Math.abs(actual - chosen);
      errorBaseline += Math.abs(actual - baseline);
      actualTotal += actual;
      actuals[scoredWeeks++] = actual;
    }
    if (scoredWeeks === 0) continue;
    seriesScored++;
    weeksScored += scoredWeeks;
    let mean = 0;
    for (let w = 0; w < scoredWeeks; w++) mean += actuals[w]! / scoredWeeks;
    for (let w = 0; w < scoredWeeks; w++) errorOracle += Math.abs(actuals[w]! - mean);
  }
  const wapeChosen = actualTotal > 0 ? errorChosen / actualTotal : 0;
  const wapeMovingAverage30 = actualTotal > 0 ? errorBaseline / actualTotal : 0;
  const wapeOracle = actualTotal > 0 ? errorOracle / actualTotal : 0;
  return {
    wapeChosen,
    wapeMovingAverage30,
    ratio: wapeMovingAverage30 > 0 ? wapeChosen / wapeMovingAverage30 : 1,
    oracleRatio: wapeMovingAverage30 > 0 ? wapeOracle / wapeMovingAverage30 : 1,
    series: seriesScored,
    weeks: weeksScored,
  };
}
