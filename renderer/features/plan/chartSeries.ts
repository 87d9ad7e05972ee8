// What the plan's per-line charts draw, from the worker's PlanDetail: the projected stock with its
// stockout point, and weekly demand (sold before today, forecast after it). Pure (no DOM, no
// Chart.js), so the series are tested in Node. Both charts share one x axis: days after today
// (tomorrow is 1, today 0, the past negative).
import { dayNumber, isoFromDay } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/model';
import type { PlanDetail } from '../../db/planning';

export interface ChartPoint {
  x: number;
  y: number;
}

/** The first day projected on hand reaches 0 while there is demand: the plan table's stockout day. */
export interface StockoutPoint extends ChartPoint {
  date: IsoDate;
}

/** One week's bar: `y` is units per week; x is the week's fourth day, so its bar covers its 7 days. */
export interface DemandWeek extends ChartPoint {
  weekStart: IsoDate;
  /** Days the week covers: 7, fewer for the horizon's last forecast week (whose `y` is then a weekly rate). */
  days: number;
  /** Days out of stock in a history week (its sales were cut short); 0 for forecast weeks. */
  stockoutDays: number;
}

export interface PlanChartSeries {
  todayDay: number;
  projected: ChartPoint[];
  forecast: ChartPoint[];
  safetyStock: ChartPoint[];
  /** Only the days something arrives. */
  arrivals: ChartPoint[];
  stockout: StockoutPoint | null;
  /** Weeks sold, oldest first, ending today. */
  history: DemandWeek[];
  /** The daily forecast summed by week from tomorrow. */
  forecastWeeks: DemandWeek[];
  summary: PlanChartSummary;
}

/** The figures the charts' text descriptions give (for screen readers and anyone not reading a chart). */
export interface PlanChartSummary {
  horizonEnd: IsoDate | null;
  /** Lowest projected on hand and its first day; null with no days. */
  lowest: { units: number; date: IsoDate } | null;
  arrivalUnits: number;
  arrivalDays: number;
  historyUnits: number;
  historyWeeks: number;
  historyWeeksWithStockout: number;
  /** Mean units per week over the history weeks with no stockout day; NaN when there is none. */
  inStockUnitsPerWeek: number;
  /** Mean forecast units per week over the horizon; NaN with no days. */
  forecastUnitsPerWeek: number;
}

const WEEK_MIDDLE = 3;

/** Index into `detail.days` of the plan's stockout day (on hand at or below 0 on a day with demand), −1 when none. */
export function stockoutIndex(detail: Pick<PlanDetail, 'projected' | 'forecast'>): number {
  return detail.projected.findIndex((units, i) => units <= 0 && detail.forecast[i]! > 0);
}

export function planChartSeries(detail: PlanDetail, safetyStock: number): PlanChartSeries {
  const todayDay = dayNumber(detail.today);
  // detail.days[i] is today + 1 + i.
  const atDay = (values: number[]) => values.map((y, i) => ({ x: i + 1, y }));
  const projected = atDay(detail.projected);
  const out = stockoutIndex(detail);
  const stockout = out < 0 ? null : { x: out + 1, y: detail.projected[out]!, date: detail.days[out]! };
  const arrivals = atDay(detail.arrivals).filter((p) => p.y !== 0);

  const history = detail.historyWeeks.map((w) => ({ x: dayNumber(w.weekStart) - todayDay + WEEK_MIDDLE, y: w.units, weekStart: w.weekStart, days: 7, stockoutDays: w.stockoutDays }));
  const forecastWeeks: DemandWeek[] = [];
  for (let start = 0; start < detail.forecast.length; start += 7) {
    const week = detail.forecast.slice(start, start + 7);
    const units = week.reduce((sum, u) => sum + u, 0);
    forecastWeeks.push({ x: start + 1 + WEEK_MIDDLE, y: (units * 7) / week.length, weekStart: detail.days[start]!, days: week.length, stockoutDays: 0 });
  }

  let lowestIndex = -1;
  for (let i = 0; i < detail.projected.length; i++) if (lowestIndex < 0 || detail.projected[i]! < detail.projected[lowestIndex]!) lowestIndex = i;
  const inStock = history.filter((w) => w.stockoutDays === 0);
  const forecastUnits = detail.forecast.reduce((sum, u) => sum + u, 0);
  const summary: PlanChartSummary = {
    horizonEnd: detail.days.at(-1) ?? null,
    lowest: lowestIndex < 0 ? null : { units: detail.projected[lowestIndex]!, date: detail.days[lowestIndex]! },
    arrivalUnits: arrivals.reduce((sum, p) => sum + p.y, 0),
    arrivalDays: arrivals.length,
    historyUnits: history.reduce((sum, w) => sum + w.y, 0),
    historyWeeks: history.length,
    historyWeeksWithStockout: history.length - inStock.length,
    inStockUnitsPerWeek: inStock.length > 0 ? inStock.reduce((sum, w) => sum + w.y, 0) / inStock.length : Number.NaN,
    forecastUnitsPerWeek: detail.forecast.length > 0 ? (forecastUnits * 7) / detail.forecast.length : Number.NaN,
  };

  return {
    todayDay,
    projected,
    forecast: atDay(detail.forecast),
    safetyStock: projected.map((p) => ({ x: p.x, y: safetyStock })),
    arrivals,
    stockout,
    history,
    forecastWeeks,
    summary,
  };
}

/** The date on the charts' x axis (days after today). */
export function chartDate(todayDay: number, x: number): IsoDate {
  return isoFromDay(todayDay + Math.round(x));
}
