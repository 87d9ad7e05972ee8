// Per-SKU method selection by rolling-origin backtest (PRODUCT §4.2). The plan runs this for every
// SKU (10,000 × ~104 weeks), so the scoring passes below are allocation-free single sweeps: every
// method here is causal and its initialisation reads only the first values, so the state reached at
// a fold's origin in one sweep equals a refit on the history before that origin (the tests check
// this against the public functions).
import { relativeError } from './accuracy';
import { croston, crostonFactor, dampedTrendSum, holt, holtWinters, initialHoltWinters, movingAverage, ses, tsb } from './smoothing';

/** Candidate methods, simplest first: a tie in backtest error goes to the earlier one. */
export const FORECAST_METHODS = ['ma', 'ses', 'croston', 'sba', 'sbj', 'tsb', 'holt', 'holtDamped', 'holtWinters'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Fixed smoothing parameters of the backtest and of forecastPath (conservative textbook values). */
export const FORECAST_PARAMETERS = Object.freeze({
  /** Moving-average window, periods. */
  maWindow: 4,
  /**
   * Level / demand-size smoothing. 0.1 (a level's half-life ~6.6 weeks) rather than 0.2: weekly sales
   * of a few units are mostly noise, which 0.2 chases (accuracy bench, 8-week totals ÷ the 30-day
   * moving average's: 0.819 → 0.779 on the bench demo, 0.878 → 0.845 on the app's 300-SKU demo).
   */
  alpha: 0.1,
  /** Trend, Croston interval and TSB probability smoothing. */
  beta: 0.1,
  /** Seasonal-index smoothing. */
  gamma: 0.1,
  /** Damping of holtDamped and holtWinters (a damped trend rarely overshoots far out). */
  phi: 0.9,
});

export interface BacktestOptions {
  /** Periods forecast from each fold's origin. */
  horizon: number;
  /** Number of folds; the backtest covers the latest folds × horizon periods. */
  folds: number;
  /** Methods to try; default all, holtWinters only when seasonLength is given. */
  candidates?: readonly ForecastMethod[];
  /** Season length for holtWinters (7: weekly in daily data; 52: yearly in weekly data). */
  seasonLength?: number;
}

export interface MethodScore {
  method: ForecastMethod;
  /** WAPE over every backtest period; NaN when the series is too short for one fold. */
  wape: number;
  /** MASE against the naive (last value) method on the history before the first fold; NaN as above. */
  mase: number;
}

export interface BacktestResult extends MethodScore {
  /** Mean per-period forecast of the chosen method over the next `horizon` periods, refit on the whole series. */
  forecastPerPeriod: number;
  /** Every candidate's score, simplest method first. */
  scores: MethodScore[];
}

const { maWindow, alpha, beta, gamma, phi } = FORECAST_PARAMETERS;

function requireWhole(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
}

/**
 * Per-period forecasts for the next `horizon` periods after the series, with FORECAST_PARAMETERS.
 * SES, Croston/SBA/SBJ, TSB and the moving average give a flat rate; Holt and Holt-Winters give one
 * value per step. Demand is never negative, so forecasts are floored at 0. holtWinters without a
 * seasonLength (or with less than one season of history) is the damped Holt forecast.
 */
export function forecastPath(method: ForecastMethod, y: ArrayLike<number>, horizon: number, seasonLength?: number): number[] {
  requireWhole('Forecast horizon', horizon, 1);
  const path = new Array<number>(horizon);
  let perStep: ((h: number) => number) | undefined;
  let rate = 0;
  switch (method) {
    case 'ma': rate = movingAverage(y, maWindow); break;
    case 'ses': rate = ses(y, alpha); break;
    case 'croston': rate = croston(y, alpha, beta, 'classic'); break;
    case 'sba': rate = croston(y, alpha, beta, 'sba'); break;
    case 'sbj': rate = croston(y, alpha, beta, 'sbj'); break;
    case 'tsb': rate = tsb(y, alpha, beta); break;
    case 'holt': perStep = holt(y, alpha, beta, 1).forecast; break;
    case 'holtDamped': perStep = holt(y, alpha, beta, phi).forecast; break;
    case 'holtWinters':
      perStep = (seasonLength === undefined ? holt(y, alpha, beta, phi) : holtWinters(y, seasonLength, alpha, beta, gamma, phi)).forecast;
      break;
  }
  for (let h = 1; h <= horizon; h++) path[h - 1] = Math.max(0, perStep ? perStep(h) : rate);
  return path;
}

/**
 * Chooses a forecast method per SKU. Rolling origin: the latest folds × horizon periods are split
 * into `folds` consecutive windows; for each, every candidate is fit on the history before the
 * window and forecasts it. The method with the lowest WAPE over all windows wins (ties → simpler
 * method); it is then refit on the whole series for forecastPerPeriod (= the mean of forecastPath).
 * When the series is shorter than folds × horizon + 1, fewer folds are used; with no room for one
 * fold (≤ horizon values) nothing can be scored: every score is NaN and the simplest candidate wins.
 */
export function backtestSelect(y: ArrayLike<number>, options: BacktestOptions): BacktestResult {
  const fit = scoreAll(y, options);
  const scores: MethodScore[] = [];
  for (const method of fit.candidates) scores.push({ method, wape: scoreWape(method, fit.folds), mase: scoreMase(method, fit.folds, fit.periods) });
  const chosen = scores.find((score) => score.method === fit.best)!;
  return { method: fit.best, wape: chosen.wape, mase: chosen.mase, forecastPerPeriod: refitPerPeriod(fit.best, y, options.horizon, fit.fittedSeasonLength), scores };
}

/**
 * backtestSelect for a caller that needs the chosen method's path rather than every score (the plan,
 * 10,000+ series a run): writes forecastPath(method, y, out.length, seasonLength) into `out` from the
 * states the scoring sweeps end in, so nothing is refit and nothing is allocated.
 */
export function backtestForecast(y: ArrayLike<number>, options: BacktestOptions, out: Float64Array): MethodScore {
  requireWhole('Forecast horizon', out.length, 1);
  const fit = scoreAll(y, options, out.length);
  const method = fit.best;
  fillPath(method, y, fit.fittedSeasonLength, out);
  return { method, wape: scoreWape(method, fit.folds), mase: scoreMase(method, fit.folds, fit.periods) };
}

/** out[h − 1] = pathStep(method, y, h, m) for every step h, each rate or state read once. */
function fillPath(method: ForecastMethod, y: ArrayLike<number>, m: number, out: Float64Array): void {
  const horizon = out.length;
  switch (method) {
    case 'ma':
    case 'ses':
    case 'croston':
    case 'sba':
    case 'sbj':
    case 'tsb':
      out.fill(pathStep(method, y, 1, m));
      return;
    case 'holt':
      for (let h = 1; h <= horizon; h++) out[h - 1] = Math.max(0, holtLevel + undampedTrendSums[h]! * holtTrend);
      return;
    case 'holtDamped':
      for (let h = 1; h <= horizon; h++) out[h - 1] = Math.max(0, dampedLevel + dampedTrendSums[h]! * dampedTrend);
      return;
    case 'holtWinters':
      for (let h = 1; h <= horizon; h++) out[h - 1] = pathStep(method, y, h, m);
      return;
  }
}

/** Step h of the chosen method's forecast after the whole series, from the sweeps' final states. */
function pathStep(method: ForecastMethod, y: ArrayLike<number>, h: number, m: number): number {
  switch (method) {
    case 'ma': return Math.max(0, movingAverage(y, maWindow));
    case 'ses':
    case 'croston':
    case 'sba':
    case 'sbj':
    case 'tsb':
      return finalRate[METHOD_INDEX[method]]!;
    case 'holt': return Math.max(0, holtLevel + undampedTrendSums[h]! * holtTrend);
    case 'holtDamped': return Math.max(0, dampedLevel + dampedTrendSums[h]! * dampedTrend);
    case 'holtWinters':
      return m === 0 ? Math.max(0, dampedLevel + dampedTrendSums[h]! * dampedTrend) : Math.max(0, hwLevel + dampedTrendSums[h]! * hwTrend + seasonState[(y.length - 1 + h) % m]!);
  }
}

function scoreWape(method: ForecastMethod, folds: number): number {
  return folds === 0 ? NaN : relativeError(errors[METHOD_INDEX[method]]!, absoluteActual);
}

function scoreMase(method: ForecastMethod, folds: number, periods: number): number {
  if (folds === 0) return NaN;
  // WAPE and MASE share one denominator across methods, so ranking by absolute error ranks both.
  const naiveMae = naiveStart > 1 ? naiveError / (naiveStart - 1) : 0;
  return relativeError(errors[METHOD_INDEX[method]]! / periods, naiveMae);
}

/**
 * Runs every scoring sweep and picks the method: the lowest error over the folds, a later (more
 * complex) method only when it wins by more than rounding noise. Trend sums are made for at least
 * `pathHorizon` steps so the final states can forecast that far.
 */
function scoreAll(y: ArrayLike<number>, options: BacktestOptions, pathHorizon = 0): { candidates: readonly ForecastMethod[]; best: ForecastMethod; folds: number; periods: number; fittedSeasonLength: number } {
  const { horizon, seasonLength } = options;
  requireWhole('Backtest horizon', horizon, 1);
  requireWhole('Backtest folds', options.folds, 1);
  if (seasonLength !== undefined) requireWhole('Season length', seasonLength, 2);
  const candidates = orderCandidates(options.candidates, seasonLength !== undefined);
  const n = y.length;
  const folds = Math.max(0, Math.min(options.folds, Math.floor((n - 1) / horizon)));
  const start = n - folds * horizon;
  // Folds whose history holds less than one season fall back to damped Holt, as holtWinters does.
  const seasonal = seasonLength !== undefined && candidates.includes('holtWinters');
  const seasonalStart = seasonal ? Math.min(n, start + Math.ceil(Math.max(0, seasonLength - start) / horizon) * horizon) : n;

  // Only the state updates some candidate needs: a pattern's candidates leave out the trend methods
  // (intermittent, lumpy) or Croston's (smooth, erratic); the skipped methods' errors stay 0 and are never read.
  const trend = candidates.includes('holt') || candidates.includes('holtDamped') || candidates.includes('holtWinters');
  const intermittent = candidates.includes('croston') || candidates.includes('sba') || candidates.includes('sbj') || candidates.includes('tsb');
  sweep(y, start, horizon, seasonalStart, Math.max(horizon, pathHorizon), trend, intermittent);
  errors[MA] = movingAverageError(y, start, horizon);
  if (seasonal) errors[HW] = dampedErrorBeforeSeasonal + holtWintersSweep(y, seasonalStart, horizon, seasonLength);
  else errors[HW] = errors[HOLT_DAMPED]!;
  naiveStart = start;

  let best: ForecastMethod = candidates[0]!;
  let bestError: number | undefined;
  if (folds > 0) {
    for (let c = 0; c < candidates.length; c++) {
      const method = candidates[c]!;
      // Candidates keep FORECAST_METHODS' order, and the defaults are all of it (or all but the last).
      const error = errors[options.candidates ? METHOD_INDEX[method] : c]!;
      // A later (more complex) method must win by more than rounding noise: one part in 10⁹.
      if (bestError === undefined || error < bestError - TIE_TOLERANCE * (bestError + absoluteActual)) {
        bestError = error;
        best = method;
      }
    }
  }
  return { candidates, best, folds, periods: n - start, fittedSeasonLength: seasonal && n >= seasonLength ? seasonLength : 0 };
}

const MA = 0;
const SES = 1;
const CROSTON = 2;
const SBA = 3;
const SBJ = 4;
const TSB = 5;
const HOLT = 6;
const HOLT_DAMPED = 7;
const HW = 8;
const METHOD_INDEX: Readonly<Record<ForecastMethod, number>> = { ma: MA, ses: SES, croston: CROSTON, sba: SBA, sbj: SBJ, tsb: TSB, holt: HOLT, holtDamped: HOLT_DAMPED, holtWinters: HW };

const TIE_TOLERANCE = 1e-9;

const DEFAULT_CANDIDATES: readonly ForecastMethod[] = FORECAST_METHODS.filter((m) => m !== 'holtWinters');
const DEFAULT_SEASONAL_CANDIDATES: readonly ForecastMethod[] = FORECAST_METHODS;

function orderCandidates(requested: readonly ForecastMethod[] | undefined, seasonal: boolean): readonly ForecastMethod[] {
  if (!requested) return seasonal ? DEFAULT_SEASONAL_CANDIDATES : DEFAULT_CANDIDATES;
  // Already in FORECAST_METHODS' order (as DEMAND_CLASS_CANDIDATES are): used as given, no copy per series.
  let ordered = requested.length > 0;
  for (let i = 1; i < requested.length && ordered; i++) ordered = METHOD_INDEX[requested[i - 1]!] < METHOD_INDEX[requested[i]!];
  if (ordered) return requested;
  const chosen = FORECAST_METHODS.filter((m) => requested.includes(m));
  if (chosen.length === 0) throw new RangeError('Backtest needs at least one candidate forecast method');
  return chosen;
}

// Results of the sweeps, kept in module scratch so 10,000 SKUs do not allocate per call (the
// functions are synchronous, so calls never interleave).
const errors = new Float64Array(FORECAST_METHODS.length);
/** Flat per-period forecast of each flat method after the whole series (index by method). */
const finalRate = new Float64Array(FORECAST_METHODS.length);
let holtLevel = 0;
let holtTrend = 0;
let dampedLevel = 0;
let dampedTrend = 0;
let hwLevel = 0;
let hwTrend = 0;
let absoluteActual = 0;
let naiveError = 0;
let dampedErrorBeforeSeasonal = 0;
/** Where the folds start: MASE's naive scale is the history before it. */
let naiveStart = 0;
let undampedTrendSums: Float64Array = new Float64Array(64);
let dampedTrendSums: Float64Array = new Float64Array(64);
let seasonState: Float64Array = new Float64Array(64);
let seasonAtOrigin: Float64Array = new Float64Array(64);

// How many steps of each table are filled: φ is fixed, so a table is only ever extended.
let undampedSumsReady = 0;
let dampedSumsReady = 0;

function trendSums(into: Float64Array, dampingPhi: number, horizon: number, ready: number): Float64Array {
  if (horizon <= ready) return into;
  const sums = into.length > horizon ? into : new Float64Array(Math.max(horizon + 1, 2 * into.length));
  for (let h = 1; h <= horizon; h++) sums[h] = dampedTrendSum(dampingPhi, h);
  return sums;
}

/**
 * One pass over the series for SES, Croston, SBA, TSB, Holt and damped Holt at once: at each fold
 * origin it freezes every method's forecast, adds |actual − forecast| over the fold, and leaves each
 * method's state after the last value for the refit. Also checks the values and gathers Σ|actual|
 * over the backtest periods and the naive (last value) error before them, MASE's scale.
 */
function sweep(y: ArrayLike<number>, start: number, horizon: number, seasonalStart: number, sumsHorizon: number, trend: boolean, intermittent: boolean): void {
  const n = y.length;
  const sums = (undampedTrendSums = trendSums(undampedTrendSums, 1, sumsHorizon, undampedSumsReady));
  const dampedSums = (dampedTrendSums = trendSums(dampedTrendSums, phi, sumsHorizon, dampedSumsReady));
  undampedSumsReady = Math.max(undampedSumsReady, sumsHorizon);
  dampedSumsReady = Math.max(dampedSumsReady, sumsHorizon);
  const sbaFactor = crostonFactor('sba', beta);
  const sbjFactor = crostonFactor('sbj', beta);
  let sesLevel = 0;
  let size = 0;
  let interval = 0;
  let lastDemand = -1;
  let tsbSize = 0;
  let probability = 0;
  let hl = 0;
  let hb = 0;
  let dl = 0;
  let db = 0;
  let eSes = 0;
  let eCroston = 0;
  let eSba = 0;
  let eSbj = 0;
  let eTsb = 0;
  let eHolt = 0;
  let eDamped = 0;
  let eDampedEarly = 0;
  let actual = 0;
  let naive = 0;
  // Values are checked up front, so the sweeps below need not stop for a bad one midway.
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (!Number.isFinite(v)) throw new RangeError(`Demand series value at period ${t + 1} is not a finite number: ${v}`);
  }
  if (n > 0) {
    // The first value starts every state (start ≥ 1 whenever there is a value, so it is never scored).
    const v = y[0]!;
    sesLevel = v;
    hl = v;
    dl = v;
    hb = n > 1 ? y[1]! - v : 0;
    db = hb;
    if (v !== 0) {
      size = v;
      interval = 1;
      tsbSize = v;
      probability = 1;
      lastDemand = 0;
    }
  }
  // Before the first fold: the states learn, and the naive error (MASE's scale) is summed. The state
  // update is written out again in the folds below on purpose: shared, its eleven states would go
  // through an object in the plan's hottest loop (10,000+ series a run).
  for (let t = 1; t < start; t++) {
    const v = y[t]!;
    naive += Math.abs(v - y[t - 1]!);
    sesLevel += alpha * (v - sesLevel);
    if (trend) {
      const previousHl = hl;
      hl = alpha * v + (1 - alpha) * (hl + hb);
      hb = beta * (hl - previousHl) + (1 - beta) * hb;
      const previousDl = dl;
      dl = alpha * v + (1 - alpha) * (dl + phi * db);
      db = beta * (dl - previousDl) + (1 - beta) * phi * db;
    }
    if (!intermittent) continue;
    if (v !== 0) {
      if (lastDemand < 0) {
        size = v;
        interval = t + 1;
        tsbSize = v;
        probability = 1 / (t + 1);
      } else {
        size += alpha * (v - size);
        interval += beta * (t - lastDemand - interval);
        probability += beta * (1 - probability);
        tsbSize += alpha * (v - tsbSize);
      }
      lastDemand = t;
    } else if (lastDemand >= 0) {
      probability -= beta * probability;
    }
  }
  // The folds: at each origin every method's forecast is frozen, then scored over the fold.
  for (let origin = start; origin < n; origin += horizon) {
    const sesRate = Math.max(0, sesLevel);
    const crostonRaw = lastDemand < 0 ? 0 : size / interval;
    const crostonRate = Math.max(0, crostonRaw);
    const sbaRate = Math.max(0, crostonRaw * sbaFactor);
    const sbjRate = Math.max(0, crostonRaw * sbjFactor);
    const tsbRate = lastDemand < 0 ? 0 : Math.max(0, tsbSize * probability);
    // A one-value history has no trend yet (holt() on it gives trend 0).
    const hl0 = hl;
    const hb0 = origin === 1 ? 0 : hb;
    const dl0 = dl;
    const db0 = origin === 1 ? 0 : db;
    const end = Math.min(n, origin + horizon);
    for (let t = origin; t < end; t++) {
      const v = y[t]!;
      const step = t - origin + 1;
      actual += Math.abs(v);
      eSes += Math.abs(v - sesRate);
      sesLevel += alpha * (v - sesLevel);
      if (trend) {
        eHolt += Math.abs(v - Math.max(0, hl0 + sums[step]! * hb0));
        const dampedError = Math.abs(v - Math.max(0, dl0 + dampedSums[step]! * db0));
        eDamped += dampedError;
        if (t < seasonalStart) eDampedEarly += dampedError;
        const previousHl = hl;
        hl = alpha * v + (1 - alpha) * (hl + hb);
        hb = beta * (hl - previousHl) + (1 - beta) * hb;
        const previousDl = dl;
        dl = alpha * v + (1 - alpha) * (dl + phi * db);
        db = beta * (dl - previousDl) + (1 - beta) * phi * db;
      }
      if (!intermittent) continue;
      eCroston += Math.abs(v - crostonRate);
      eSba += Math.abs(v - sbaRate);
      eSbj += Math.abs(v - sbjRate);
      eTsb += Math.abs(v - tsbRate);
      if (v !== 0) {
        if (lastDemand < 0) {
          size = v;
          interval = t + 1;
          tsbSize = v;
          probability = 1 / (t + 1);
        } else {
          size += alpha * (v - size);
          interval += beta * (t - lastDemand - interval);
          probability += beta * (1 - probability);
          tsbSize += alpha * (v - tsbSize);
        }
        lastDemand = t;
      } else if (lastDemand >= 0) {
        probability -= beta * probability;
      }
    }
  }
  errors[SES] = eSes;
  errors[CROSTON] = eCroston;
  errors[SBA] = eSba;
  errors[SBJ] = eSbj;
  errors[TSB] = eTsb;
  errors[HOLT] = eHolt;
  errors[HOLT_DAMPED] = eDamped;
  dampedErrorBeforeSeasonal = eDampedEarly;
  absoluteActual = actual;
  naiveError = naive;
  const crostonRaw = lastDemand < 0 ? 0 : size / interval;
  finalRate[SES] = Math.max(0, sesLevel);
  finalRate[CROSTON] = Math.max(0, crostonRaw);
  finalRate[SBA] = Math.max(0, crostonRaw * sbaFactor);
  finalRate[SBJ] = Math.max(0, crostonRaw * sbjFactor);
  finalRate[TSB] = lastDemand < 0 ? 0 : Math.max(0, tsbSize * probability);
  holtLevel = hl;
  holtTrend = hb;
  dampedLevel = dl;
  dampedTrend = db;
}

function movingAverageError(y: ArrayLike<number>, start: number, horizon: number): number {
  let error = 0;
  for (let origin = start; origin < y.length; origin += horizon) {
    const from = Math.max(0, origin - maWindow);
    let sum = 0;
    for (let t = from; t < origin; t++) sum += y[t]!;
    const rate = Math.max(0, sum / (origin - from));
    const end = Math.min(y.length, origin + horizon);
    for (let t = origin; t < end; t++) error += Math.abs(y[t]! - rate);
  }
  return error;
}

/**
 * Additive Holt-Winters over the whole series (which holds ≥ m values whenever start < n; start ≥ m):
 * returns Σ|actual − forecast| over the folds from `start` and leaves the final state for the refit.
 */
function holtWintersSweep(y: ArrayLike<number>, start: number, horizon: number, m: number): number {
  const n = y.length;
  if (n < m) return 0;
  const sums = dampedTrendSums;
  if (seasonState.length < m) {
    seasonState = new Float64Array(m);
    seasonAtOrigin = new Float64Array(m);
  }
  const season = seasonState;
  const init = initialHoltWinters(y, m, season);
  // Within a fold of ≤ m steps no seasonal slot is updated before it is forecast, so the live
  // indices serve; longer folds read a copy taken at the origin.
  const indices = horizon > m ? seasonAtOrigin : season;
  let level = init.level;
  let trend = init.trend;
  let error = 0;
  let phase = 0;
  // Before the first fold scored here: the states learn.
  for (let t = m; t < start; t++) {
    const v = y[t]!;
    const index = season[phase]!;
    const previousLevel = level;
    level = alpha * (v - index) + (1 - alpha) * (level + phi * trend);
    trend = beta * (level - previousLevel) + (1 - beta) * phi * trend;
    season[phase] = gamma * (v - level) + (1 - gamma) * index;
    if (++phase === m) phase = 0;
  }
  // The folds, from `start` (≥ m: scoreAll's seasonalStart) every `horizon` periods.
  for (let origin = start; origin < n; origin += horizon) {
    const end = Math.min(n, origin + horizon);
    const originLevel = level;
    const originTrend = trend;
    if (indices !== season) indices.set(season.subarray(0, m));
    for (let t = origin; t < end; t++) {
      const v = y[t]!;
      const index = season[phase]!;
      error += Math.abs(v - Math.max(0, originLevel + sums[t - origin + 1]! * originTrend + indices[phase]!));
      const previousLevel = level;
      level = alpha * (v - index) + (1 - alpha) * (level + phi * trend);
      trend = beta * (level - previousLevel) + (1 - beta) * phi * trend;
      season[phase] = gamma * (v - level) + (1 - gamma) * index;
      if (++phase === m) phase = 0;
    }
  }
  hwLevel = level;
  hwTrend = trend;
  return error;
}

/** Mean of forecastPath(method, y, horizon) from the sweeps' final states, without allocating. */
function refitPerPeriod(method: ForecastMethod, y: ArrayLike<number>, horizon: number, fittedSeasonLength: number): number {
  switch (method) {
    case 'ma': return Math.max(0, movingAverage(y, maWindow));
    case 'ses':
    case 'croston':
    case 'sba':
    case 'sbj':
    case 'tsb':
      return finalRate[METHOD_INDEX[method]]!;
    case 'holt': return meanTrendPath(holtLevel, holtTrend, undampedTrendSums, horizon, y.length, 0);
    case 'holtDamped': return meanTrendPath(dampedLevel, dampedTrend, dampedTrendSums, horizon, y.length, 0);
    case 'holtWinters':
      return fittedSeasonLength === 0
        ? meanTrendPath(dampedLevel, dampedTrend, dampedTrendSums, horizon, y.length, 0)
        : meanTrendPath(hwLevel, hwTrend, dampedTrendSums, horizon, y.length, fittedSeasonLength);
  }
}

/** Mean over h = 1…horizon of max(0, level + Σφ · trend [+ seasonal index]); m = 0: no season. */
function meanTrendPath(level: number, trend: number, sums: Float64Array, horizon: number, n: number, m: number): number {
  let total = 0;
  for (let h = 1; h <= horizon; h++) total += Math.max(0, level + sums[h]! * trend + (m === 0 ? 0 : seasonState[(n - 1 + h) % m]!));
  return total / horizon;
}
