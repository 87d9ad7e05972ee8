// Forecasting methods of PRODUCT §4.2. Each takes a demand series in time order (oldest first, one
// value per period, stockout periods already removed) and fitted parameters; none reads a clock.
// Series are ArrayLike so the plan can pass Float64Array slices without copying.
// Initialisation choices are written down in ARCHITECTURE.md (forecast initialisation).

function requireUnit(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
}

function requireSteps(h: number): void {
  if (!Number.isInteger(h) || h < 1) throw new RangeError(`Forecast step must be a whole number ≥ 1, got ${h}`);
}

/** φ + φ² + … + φ^h: how much of the trend a damped forecast h steps ahead carries. */
export function dampedTrendSum(phi: number, h: number): number {
  return phi === 1 ? h : (phi * (1 - phi ** h)) / (1 - phi);
}

/** Mean of the last `window` values; a shorter series gives the mean of all of it; empty → 0. */
export function movingAverage(y: ArrayLike<number>, window: number): number {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`Moving-average window must be a whole number ≥ 1, got ${window}`);
  const from = Math.max(0, y.length - window);
  if (y.length === from) return 0;
  let sum = 0;
  for (let t = from; t < y.length; t++) sum += y[t]!;
  return sum / (y.length - from);
}

/** Simple exponential smoothing: the forecast for every period after the last; level starts at y[0]; empty → 0. */
export function ses(y: ArrayLike<number>, alpha: number): number {
  requireUnit('SES alpha', alpha);
  if (y.length === 0) return 0;
  let level = y[0]!;
  for (let t = 1; t < y.length; t++) level += alpha * (y[t]! - level);
  return level;
}

export type CrostonVariant = 'classic' | 'sba' | 'sbj';

/** The bias correction applied to size ÷ interval: SBA (Syntetos–Boylan) and SBJ (Shale–Boylan–Johnston). */
export function crostonFactor(variant: CrostonVariant, beta: number): number {
  return variant === 'sba' ? 1 - beta / 2 : variant === 'sbj' ? 1 - beta / (2 - beta) : 1;
}

/**
 * Croston's method for intermittent demand: smooths demand size (with alpha) and the interval
 * between demands (with beta, default alpha) separately, updating only in periods with demand.
 * Size starts at the first non-zero demand and interval at its 1-based position. Forecast per
 * period = size ÷ interval × the variant's correction. All-zero or empty series → 0.
 */
export function croston(y: ArrayLike<number>, alpha: number, beta: number = alpha, variant: CrostonVariant = 'classic'): number {
  requireUnit('Croston alpha', alpha);
  requireUnit('Croston beta', beta);
  let t = 0;
  while (t < y.length && y[t] === 0) t++;
  if (t === y.length) return 0;
  let size = y[t]!;
  let interval = t + 1;
  let lastDemand = t;
  for (t++; t < y.length; t++) {
    const demand = y[t]!;
    if (demand === 0) continue;
    size += alpha * (demand - size);
    interval += beta * (t - lastDemand - interval);
    lastDemand = t;
  }
  return (size / interval) * crostonFactor(variant, beta);
}

/**
 * Teunter–Syntetos–Babai: smooths the demand size (alpha, in periods with demand) and the
 * probability of demand (beta, every period after the first demand, toward 1 or 0). Size starts at
 * the first non-zero demand, probability at 1 ÷ its 1-based position. Forecast = size × probability.
 * All-zero or empty series → 0.
 */
export function tsb(y: ArrayLike<number>, alpha: number, beta: number): number {
  requireUnit('TSB alpha', alpha);
  requireUnit('TSB beta', beta);
  let t = 0;
  while (t < y.length && y[t] === 0) t++;
  if (t === y.length) return 0;
  let size = y[t]!;
  let probability = 1 / (t + 1);
  for (t++; t < y.length; t++) {
    const demand = y[t]!;
    if (demand === 0) {
      probability -= beta * probability;
    } else {
      probability += beta * (1 - probability);
      size += alpha * (demand - size);
    }
  }
  return size * probability;
}

export interface HoltFit {
  /** Level after the last observation. */
  level: number;
  /** Trend per period after the last observation; forecasts damp it by φ per step ahead. */
  trend: number;
  /** Forecast h ≥ 1 periods after the last observation: level + (φ + … + φ^h) · trend. */
  forecast: (h: number) => number;
}

/**
 * Holt's linear trend, damped when phi < 1 (phi = 1: plain Holt). Level starts at y[0], trend at
 * y[1] − y[0] (0 with one observation); updates run from y[1]. Empty series → level 0, trend 0.
 */
export function holt(y: ArrayLike<number>, alpha: number, beta: number, phi = 1): HoltFit {
  requireUnit('Holt alpha', alpha);
  requireUnit('Holt beta', beta);
  requireUnit('Holt phi (damping)', phi);
  let level = y.length > 0 ? y[0]! : 0;
  let trend = y.length > 1 ? y[1]! - y[0]! : 0;
  for (let t = 1; t < y.length; t++) {
    const previousLevel = level;
    level = alpha * y[t]! + (1 - alpha) * (level + phi * trend);
    trend = beta * (level - previousLevel) + (1 - beta) * phi * trend;
  }
  const fitLevel = level;
  const fitTrend = trend;
  return {
    level: fitLevel,
    trend: fitTrend,
    forecast: (h: number) => {
      requireSteps(h);
      return fitLevel + dampedTrendSum(phi, h) * fitTrend;
    },
  };
}

export interface HoltWintersFit extends HoltFit {
  /** False when the series held less than one full season and Holt's trend method was used instead. */
  seasonal: boolean;
}

/**
 * Additive Holt-Winters with season length m (7 = weekly pattern in daily data, 52 = yearly in
 * weekly), trend damped when phi < 1. Needs one full season (m values), else it falls back to
 * holt(y, alpha, beta, phi). Initialisation (ARCHITECTURE.md, forecast initialisation): level =
 * mean of season 1, trend = 0, seasonal index i = y[i] − level; the recursions then run from y[m].
 * One season is enough so that two years of weekly history can already forecast the next peak.
 */
export function holtWinters(y: ArrayLike<number>, m: number, alpha: number, beta: number, gamma: number, phi = 1): HoltWintersFit {
  if (!Number.isInteger(m) || m < 2) throw new RangeError(`Season length must be a whole number ≥ 2, got ${m}`);
  requireUnit('Holt-Winters alpha', alpha);
  requireUnit('Holt-Winters beta', beta);
  requireUnit('Holt-Winters gamma', gamma);
  requireUnit('Holt-Winters phi (damping)', phi);
  if (y.length < m) return { ...holt(y, alpha, beta, phi), seasonal: false };
  const season = new Float64Array(m);
  const init = initialHoltWinters(y, m, season);
  let level = init.level;
  let trend = init.trend;
  for (let t = m; t < y.length; t++) {
    const phase = t % m;
    const index = season[phase]!;
    const previousLevel = level;
    level = alpha * (y[t]! - index) + (1 - alpha) * (level + phi * trend);
    trend = beta * (level - previousLevel) + (1 - beta) * phi * trend;
    season[phase] = gamma * (y[t]! - level) + (1 - gamma) * index;
  }
  const fitLevel = level;
  const fitTrend = trend;
  const lastT = y.length - 1;
  return {
    level: fitLevel,
    trend: fitTrend,
    seasonal: true,
    forecast: (h: number) => {
      requireSteps(h);
      return fitLevel + dampedTrendSum(phi, h) * fitTrend + season[(lastT + h) % m]!;
    },
  };
}

/**
 * Writes the first season's indices into `season` and returns the starting level and trend
 * (y.length ≥ m). The trend starts at 0: one season cannot tell a trend from the seasonal swing,
 * so β learns it from the seasons after.
 */
export function initialHoltWinters(y: ArrayLike<number>, m: number, season: Float64Array): { level: number; trend: number } {
  let first = 0;
  for (let i = 0; i < m; i++) first += y[i]!;
  const level = first / m;
  for (let i = 0; i < m; i++) season[i] = y[i]! - level;
  return { level, trend: 0 };
}
