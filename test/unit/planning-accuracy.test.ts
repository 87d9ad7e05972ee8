import { describe, expect, test } from 'vitest';
import { forecastAccuracy } from '../../shared/planning/accuracy';
import type { DemandHistory } from '../../shared/planning/demandHistory';

/** One series selling `perDay` every day for `days` days, out of stock on the given day indexes. */
function history(days: number, perDay: number, stockoutDays: readonly number[]): DemandHistory {
  const units = new Float32Array(days).fill(perDay);
  const stockout = new Uint8Array(days);
  for (const d of stockoutDays) {
    units[d] = 0;
    stockout[d] = 1;
  }
  return { firstDay: 0, days, series: [{ skuId: 1, locationId: 3, marketplace: 'US' }], units, stockout, onHand: new Float64Array([10]) };
}

describe('forecast accuracy against a 30-day moving average', () => {
  test('steady demand with a stockout just before the holdout: the stockout-aware forecast is exact, the moving average is not', () => {
    // 2 units a day for 20 weeks; the 10 days before the 4-week holdout were out of stock.
    const days = 140;
    const h = history(days, 2, Array.from({ length: 10 }, (_, i) => days - 28 - 10 + i));
    const result = forecastAccuracy(h, { historyWeeks: 12, holdoutWeeks: 4, backtestFolds: 2, backtestHorizonWeeks: 2 });
    // Holdout: 4 weeks × 14 units, all in stock. The moving average saw 20 selling days of 30:
    // 40 / 30 × 7 = 9.33 a week, off by 4.67 each week: WAPE 4.67 × 4 / 56 = 1/3.
    // Summed over the 4 weeks it is off by the same third: 56 against 37.33.
    expect(result.weeks).toBe(4);
    expect(result.weekly.wapeMovingAverage30).toBeCloseTo(1 / 3, 10);
    expect(result.wapeMovingAverage30).toBeCloseTo(1 / 3, 10);
    expect(result.weekly.wapeChosen).toBeCloseTo(0, 6);
    expect(result.wapeChosen).toBeCloseTo(0, 6);
    expect(result.ratio).toBeCloseTo(0, 6);
    expect(result.weekly.oracleRatio).toBe(0);
  });

  test('holdout weeks with a stockout day are not scored, for either forecast', () => {
    const days = 140;
    const h = history(days, 1, [days - 3]);
    const result = forecastAccuracy(h, { historyWeeks: 12, holdoutWeeks: 4, backtestFolds: 2, backtestHorizonWeeks: 2 });
    expect(result.weeks).toBe(3);
    expect(result.series).toBe(1);
    // The held-out total is of the 3 in-stock weeks only: 21 sold against 3 × 7. With the cut week
    // it would be 27 against 28.
    expect(result.wapeMovingAverage30).toBe(0);
  });

  test('the oracle bound forecasts each series flat at its own scored weeks’ mean; the held-out total nets the weeks out', () => {
    // Weeks of 7, 14, 7, 14 in the holdout (1 or 2 a day by week): mean 10.5, off by 3.5 each week
    // → oracle WAPE 14 / 42 = 1/3. The moving average saw 30 days before the holdout: the last 2
    // days of a 2-a-day week (4) and 28 days of 1-a-day (28): 32 / 30 × 7 = 7.4667 a week, off by
    // 0.4667, 6.5333, 0.4667, 6.5333 → WAPE 14 / 42 = 1/3 as well: the ratio is 1.
    const days = 140;
    const units = new Float32Array(days).fill(1);
    for (let d = days - 28; d < days; d++) if (Math.floor((d - (days - 28)) / 7) % 2 === 1) units[d] = 2;
    for (let d = days - 30; d < days - 28; d++) units[d] = 2;
    const h: DemandHistory = { firstDay: 0, days, series: [{ skuId: 1, locationId: 3, marketplace: 'US' }], units, stockout: new Uint8Array(days), onHand: new Float64Array([10]) };
    const result = forecastAccuracy(h, { historyWeeks: 12, holdoutWeeks: 4, backtestFolds: 2, backtestHorizonWeeks: 2 });
    expect(result.weeks).toBe(4);
    expect(result.weekly.wapeMovingAverage30).toBeCloseTo(1 / 3, 10);
    expect(result.weekly.oracleRatio).toBeCloseTo(1, 10);
    // Summed, the weeks over and under partly cancel: 42 sold against 4 × 7.4667 = 29.867, off by 12.133.
    expect(result.wapeMovingAverage30).toBeCloseTo((42 - 4 * (32 / 30) * 7) / 42, 10);
  });

  test('a series that never sold scores zero error for both and the ratio is 1', () => {
    const result = forecastAccuracy(history(140, 0, []), { historyWeeks: 12, holdoutWeeks: 4 });
    expect(result).toMatchObject({ wapeChosen: 0, wapeMovingAverage30: 0, ratio: 1, origins: 1 });
    expect(result.weekly).toMatchObject({ wapeChosen: 0, wapeMovingAverage30: 0, ratio: 1 });
  });

  test('earlier origins each forecast the weeks after them from the history before them; all are pooled', () => {
    // 1 a day for 16 weeks, then 3 a day for the last 4: the origin 4 weeks before the end has
    // seen only 1 a day and forecasts 7 a week, against 21 sold (off by 14 × 4 = 56 of 84); the
    // origin 8 weeks before the end forecasts 7 a week for weeks that sold 7 (exact). The moving
    // average is 7 a week at both (30 days of 1 a day).
    const days = 140;
    const units = new Float32Array(days).fill(1);
    for (let d = days - 28; d < days; d++) units[d] = 3;
    const h: DemandHistory = { firstDay: 0, days, series: [{ skuId: 1, locationId: 3, marketplace: 'US' }], units, stockout: new Uint8Array(days), onHand: new Float64Array([10]) };
    const options = { historyWeeks: 8, holdoutWeeks: 4, backtestFolds: 2, backtestHorizonWeeks: 2, originStepWeeks: 4 };
    const latest = forecastAccuracy(h, { ...options, origins: 1 });
    expect(latest.wapeChosen).toBeCloseTo(56 / 84, 6);
    const pooled = forecastAccuracy(h, { ...options, origins: 2 });
    expect(pooled.origins).toBe(2);
    expect(pooled.series).toBe(2);
    expect(pooled.weeks).toBe(8);
    // Both origins' errors over both origins' units: 56 of 84 + 28.
    expect(pooled.wapeChosen).toBeCloseTo(56 / 112, 6);
    expect(pooled.wapeMovingAverage30).toBeCloseTo(56 / 112, 6);
    expect(pooled.ratio).toBeCloseTo(1, 6);
  });

  test('origins that would leave less than 30 days of history are not scored', () => {
    const result = forecastAccuracy(history(84, 1, []), { historyWeeks: 4, holdoutWeeks: 4, origins: 5, originStepWeeks: 4 });
    // 84 days: origins at day 56 and day 28 (< 30, not scored).
    expect(result.origins).toBe(1);
  });
});
