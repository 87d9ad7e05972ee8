import { describe, expect, test } from 'vitest';
import { chartDate, planChartSeries, stockoutIndex } from '../../renderer/features/plan/chartSeries';
import type { PlanDetail } from '../../renderer/db/planning';
import { addDays, dayNumber } from '../../shared/dates';

const today = '2026-03-01';

/** A detail from a daily forecast, the opening stock (less reserved) and arrivals by day index, as planDetail builds it. */
function detailOf(opening: number, forecast: number[], arrivals: Record<number, number> = {}, historyWeeks: PlanDetail['historyWeeks'] = []): PlanDetail {
  let stock = opening;
  const projected = forecast.map((units, i) => (stock += (arrivals[i] ?? 0) - units));
  return { today, days: forecast.map((_, i) => addDays(today, i + 1)), forecast, projected, arrivals: forecast.map((_, i) => arrivals[i] ?? 0), historyWeeks, weekdayIndex: null };
}

describe('the projected stock chart', () => {
  test('no stockout: on hand stays above 0, the lowest point is the last day', () => {
    const series = planChartSeries(detailOf(10, [2, 2, 2]), 3);
    expect(series.stockout).toBeNull();
    expect(series.projected).toEqual([
      { x: 1, y: 8 },
      { x: 2, y: 6 },
      { x: 3, y: 4 },
    ]);
    expect(series.forecast).toEqual([
      { x: 1, y: 2 },
      { x: 2, y: 2 },
      { x: 3, y: 2 },
    ]);
    expect(series.safetyStock.map((p) => p.y)).toEqual([3, 3, 3]);
    expect(series.arrivals).toEqual([]);
    expect(series.summary).toMatchObject({ horizonEnd: '2026-03-04', lowest: { units: 4, date: '2026-03-04' }, arrivalUnits: 0, arrivalDays: 0 });
  });

  test('stockout on day 1: opening stock below the first day’s demand', () => {
    const series = planChartSeries(detailOf(1, [2, 2]), 0);
    expect(series.stockout).toEqual({ x: 1, y: -1, date: '2026-03-02' });
    expect(chartDate(series.todayDay, series.stockout!.x)).toBe('2026-03-02');
  });

  test('stockout mid-horizon, after an arrival pushes it back', () => {
    // 5 on hand, 1 a day, 3 arrive on day 2: 4, 6, 5, 4, 3, 2, 1, 0 (day 8), −1, −2.
    const series = planChartSeries(detailOf(5, Array<number>(10).fill(1), { 1: 3 }), 2);
    expect(series.projected.map((p) => p.y)).toEqual([4, 6, 5, 4, 3, 2, 1, 0, -1, -2]);
    expect(series.stockout).toEqual({ x: 8, y: 0, date: '2026-03-09' });
    expect(series.arrivals).toEqual([{ x: 2, y: 3 }]);
    expect(series.summary).toMatchObject({ lowest: { units: -2, date: '2026-03-11' }, arrivalUnits: 3, arrivalDays: 1 });
  });

  test('at 0 on hand with no demand there is no stockout until demand comes, as in the plan table', () => {
    expect(stockoutIndex(detailOf(0, [0, 0]))).toBe(-1);
    expect(stockoutIndex(detailOf(0, [0, 0, 1]))).toBe(2);
  });

  test('no days: nothing to draw', () => {
    const series = planChartSeries(detailOf(5, []), 1);
    expect(series).toMatchObject({ projected: [], stockout: null, forecastWeeks: [] });
    expect(series.summary.horizonEnd).toBeNull();
    expect(series.summary.lowest).toBeNull();
    expect(series.summary.forecastUnitsPerWeek).toBeNaN();
  });
});

describe('weekly demand: history against forecast', () => {
  test('the daily forecast is summed by week from tomorrow; a short last week is a weekly rate', () => {
    // Days 1–7: 1 a day = 7; days 8–10: 2 a day = 6 in 3 days = 14 a week.
    const series = planChartSeries(detailOf(100, [1, 1, 1, 1, 1, 1, 1, 2, 2, 2]), 0);
    expect(series.forecastWeeks).toEqual([
      { x: 4, y: 7, weekStart: '2026-03-02', days: 7, stockoutDays: 0 },
      { x: 11, y: 14, weekStart: '2026-03-09', days: 3, stockoutDays: 0 },
    ]);
    // 13 units over 10 days.
    expect(series.summary.forecastUnitsPerWeek).toBeCloseTo(9.1, 10);
  });

  test('history weeks sit before today on the same axis; weeks with stockout days are kept apart from the in-stock mean', () => {
    const weeks = [
      { weekStart: '2026-02-09', units: 10, stockoutDays: 0 },
      { weekStart: '2026-02-16', units: 14, stockoutDays: 0 },
      { weekStart: '2026-02-23', units: 4, stockoutDays: 5 },
    ];
    const series = planChartSeries(detailOf(10, Array<number>(7).fill(2), {}, weeks), 0);
    // The last week is 02-23 to 03-01 (today): its middle is 3 days before today.
    expect(series.history).toEqual([
      { x: -17, y: 10, weekStart: '2026-02-09', days: 7, stockoutDays: 0 },
      { x: -10, y: 14, weekStart: '2026-02-16', days: 7, stockoutDays: 0 },
      { x: -3, y: 4, weekStart: '2026-02-23', days: 7, stockoutDays: 5 },
    ]);
    // Seven days apart across today too: history bars and forecast bars do not overlap.
    expect(series.forecastWeeks[0]!.x - series.history.at(-1)!.x).toBe(7);
    expect(series.summary).toMatchObject({ historyUnits: 28, historyWeeks: 3, historyWeeksWithStockout: 1, inStockUnitsPerWeek: 12, forecastUnitsPerWeek: 14 });
    expect(chartDate(series.todayDay, -3)).toBe('2026-02-26');
    expect(series.todayDay).toBe(dayNumber(today));
  });

  test('every history week out of stock some days: no in-stock mean', () => {
    const series = planChartSeries(detailOf(10, [1], {}, [{ weekStart: '2026-02-23', units: 2, stockoutDays: 7 }]), 0);
    expect(series.summary).toMatchObject({ historyUnits: 2, historyWeeks: 1, historyWeeksWithStockout: 1 });
    expect(series.summary.inStockUnitsPerWeek).toBeNaN();
  });

  test('empty history: no history bars, the forecast alone', () => {
    const series = planChartSeries(detailOf(10, [1, 1]), 0);
    expect(series.history).toEqual([]);
    expect(series.summary).toMatchObject({ historyUnits: 0, historyWeeks: 0, historyWeeksWithStockout: 0 });
    expect(series.summary.inStockUnitsPerWeek).toBeNaN();
    expect(series.forecastWeeks).toEqual([{ x: 4, y: 7, weekStart: '2026-03-02', days: 2, stockoutDays: 0 }]);
  });
});
