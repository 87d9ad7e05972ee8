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
    expect(result.weeks).toBe(4);
    expect(result.wapeMovingAverage30).toBeCloseTo(1 / 3, 10);
    expect(result.wapeChosen).toBeCloseTo(0, 6);
    expect(result.ratio).toBeCloseTo(0, 6);
    expect(result.oracleRatio).toBe(0);
  });

  test('holdout weeks with a stockout day are not scored, for either forecast', () => {
    const days = 140;
    const h = history(days, 1, [days - 3]);
    const result = forecastAccuracy(h, { historyWeeks: 12, holdoutWeeks: 4, backtestFolds: 2, backtestHorizonWeeks: 2 });
    expect(result.weeks).toBe(3);
    expect(result.series).toBe(1);
  });

  test('the oracle bound forecasts each series flat at its own scored weeks’ mean', () => {
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
    expect(result.wapeMovingAverage30).toBeCloseTo(1 / 3, 10);
    expect(result.oracleRatio).toBeCloseTo(1, 10);
  });

  test('a series that never sold scores zero error for both and the ratio is 1', () => {
    const result = forecastAccuracy(history(140, 0, []), { historyWeeks: 12, holdoutWeeks: 4 });
    expect(result).toMatchObject({ wapeChosen: 0, wapeMovingAverage30: 0, ratio: 1 });
  });
});
