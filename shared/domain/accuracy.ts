// Forecast error measures shown beside the chosen method (PRODUCT §4.2).

function requireSameLength(actual: ArrayLike<number>, forecast: ArrayLike<number>): void {
  if (actual.length !== forecast.length) {
    throw new RangeError(`Actual and forecast must cover the same periods (${actual.length} vs ${forecast.length})`);
  }
}

/** Absolute error relative to a scale, with 0/0 → 0 (a perfect forecast of nothing) and x/0 → Infinity. */
export function relativeError(error: number, scale: number): number {
  if (scale === 0) return error === 0 ? 0 : Infinity;
  return error / scale;
}

/** Weighted absolute percentage error: Σ|actual − forecast| ÷ Σ|actual|; 0/0 → 0, x/0 → Infinity. */
export function wape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  requireSameLength(actual, forecast);
  let absoluteError = 0;
  let absoluteActual = 0;
  for (let t = 0; t < actual.length; t++) {
    absoluteError += Math.abs(actual[t]! - forecast[t]!);
    absoluteActual += Math.abs(actual[t]!);
  }
  return relativeError(absoluteError, absoluteActual);
}

/** Mean |y[t] − y[t − m]| over the in-sample series: the error of the seasonal naive method; 0 with ≤ m values. */
export function naiveMeanAbsoluteError(insample: ArrayLike<number>, m = 1): number {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`MASE season length must be a whole number ≥ 1, got ${m}`);
  if (insample.length <= m) return 0;
  let sum = 0;
  for (let t = m; t < insample.length; t++) sum += Math.abs(insample[t]! - insample[t - m]!);
  return sum / (insample.length - m);
}

/**
 * Mean absolute scaled error: the forecast's MAE ÷ the in-sample MAE of the naive-m method (m = 1:
 * last value). A naive MAE of 0 (flat history, or ≤ m values) gives Infinity, unless the forecast
 * MAE is 0 too → 0. No forecast periods → MAE 0.
 */
export function mase(actual: ArrayLike<number>, forecast: ArrayLike<number>, insample: ArrayLike<number>, m = 1): number {
  requireSameLength(actual, forecast);
  let absoluteError = 0;
  for (let t = 0; t < actual.length; t++) absoluteError += Math.abs(actual[t]! - forecast[t]!);
  const meanAbsoluteError = actual.length === 0 ? 0 : absoluteError / actual.length;
  return relativeError(meanAbsoluteError, naiveMeanAbsoluteError(insample, m));
}
