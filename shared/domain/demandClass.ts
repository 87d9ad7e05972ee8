// Which forecast methods suit a demand series, by its pattern (Syntetos, Boylan & Croston 2005): how
// often demand comes (ADI, the average number of periods per period with demand) and how much its
// sizes vary (CV², the squared coefficient of variation of the non-zero demands). Croston-type
// methods are built for demand that comes rarely; trend and seasonal methods need demand nearly every
// period to read a trend or a season from. Trying only the methods that suit the pattern keeps the
// backtest from picking one that won a few noisy weeks by chance (held-out WAPE on the demo: 0.964 →
// 0.943 of the moving average's) and skips the seasonal sweep where it cannot help.
import type { ForecastMethod } from './backtest';

/** ADI at or above this: demand comes in fewer than about 3 periods of 4 (intermittent or lumpy). */
export const INTERMITTENT_DEMAND_INTERVAL = 1.32;
/** CV² at or above this: demand sizes vary a lot (erratic or lumpy). */
export const ERRATIC_DEMAND_CV2 = 0.49;

export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

/**
 * The candidates of each class, simplest first (FORECAST_METHODS' order). SBJ is left out: with
 * β = 0.1 its factor (0.947) is SBA's (0.95) within a third of a percent, so as a candidate it would
 * only add a chance to win by luck; the seller can still choose it for a SKU.
 */
export const DEMAND_CLASS_CANDIDATES: Readonly<Record<DemandClass, readonly ForecastMethod[]>> = {
  smooth: ['ma', 'ses', 'holt', 'holtDamped', 'holtWinters'],
  erratic: ['ma', 'ses', 'holtDamped'],
  intermittent: ['ses', 'croston', 'sba', 'tsb'],
  lumpy: ['ses', 'sba', 'tsb'],
};

/** A series' demand pattern: its ADI, its CV² and the class they make. */
export interface DemandPattern {
  /** Periods per period with demand (ADI); infinite with no demand. */
  interval: number;
  /** CV² of the non-zero demands (0 with fewer than two). */
  cv2: number;
  demandClass: DemandClass;
}

/** The class of an ADI and a CV² (the cut-offs above, each inclusive on the intermittent / erratic side). */
export function classOfPattern(interval: number, cv2: number): DemandClass {
  const intermittent = interval >= INTERMITTENT_DEMAND_INTERVAL;
  const erratic = cv2 >= ERRATIC_DEMAND_CV2;
  return intermittent ? (erratic ? 'lumpy' : 'intermittent') : erratic ? 'erratic' : 'smooth';
}

/** The class of a series (see demandPattern). */
export function demandClass(y: ArrayLike<number>): DemandClass {
  return demandPattern(y).demandClass;
}

/**
 * The pattern of a series: ADI = periods ÷ periods with demand (> 0), CV² = population variance ÷
 * mean² of the non-zero demands (0 with fewer than two). A series with no demand is intermittent
 * (ADI infinite, CV² 0).
 */
export function demandPattern(y: ArrayLike<number>): DemandPattern {
  let count = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let t = 0; t < y.length; t++) {
    const v = y[t]!;
    if (!(v > 0)) continue;
    count++;
    sum += v;
    sumOfSquares += v * v;
  }
  const interval = count === 0 ? Number.POSITIVE_INFINITY : y.length / count;
  const mean = count === 0 ? 0 : sum / count;
  const cv2 = count < 2 ? 0 : Math.max(0, sumOfSquares / count - mean * mean) / (mean * mean);
  return { interval, cv2, demandClass: classOfPattern(interval, cv2) };
}
