// Method selection by rolling-origin backtest (PRODUCT §4.2). Hand-worked cases, then a property
// that the fast one-pass scoring equals refitting every method on every fold's history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtestForecast, backtestSelect, DEMAND_CLASS_CANDIDATES, FORECAST_METHODS, FORECAST_PARAMETERS, forecastPath, mase, wape } from '../../shared/domain';
import type { ForecastMethod } from '../../shared/domain';

/** The slow, obvious backtest: refit each method on each fold's history with the public functions. */
function referenceScores(y: number[], horizon: number, folds: number, candidates: readonly ForecastMethod[], seasonLength?: number) {
  const used = Math.max(0, Math.min(folds, Math.floor((y.length - 1) / horizon)));
  const start = y.length - used * horizon;
  const actual = y.slice(start);
  return candidates.map((method) => {
    const forecast: number[] = [];
    for (let origin = start; origin < y.length; origin += horizon) forecast.push(...forecastPath(method, y.slice(0, origin), horizon, seasonLength));
    return { method, wape: wape(actual, forecast), mase: mase(actual, forecast, y.slice(0, start)) };
  });
}

function expectSame(received: number, expected: number): void {
  if (!Number.isFinite(expected)) expect(received).toBe(expected);
  else expect(Math.abs(received - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('forecastPath', () => {
  it('flat methods repeat one rate; Holt steps along its trend', () => {
    expect(forecastPath('ma', [1, 2, 3, 4, 5, 6], 3)).toEqual([4.5, 4.5, 4.5]); // mean of the last 4
    expect(forecastPath('holt', [2, 4, 6, 8], 3).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([10, 12, 14]);
  });

  it('never forecasts negative demand', () => {
    // an exact line falling 2 per period: 0, −2, −4 → floored at 0
    const path = forecastPath('holt', [10, 8, 6, 4, 2], 3);
    expect(path[0]).toBeCloseTo(0, 12);
    expect(path.slice(1)).toEqual([0, 0]);
  });

  it('holtWinters without a season length, or with under one season, is damped Holt', () => {
    const y = [5, 7, 6, 9, 8];
    expect(forecastPath('holtWinters', y, 4)).toEqual(forecastPath('holtDamped', y, 4));
    expect(forecastPath('holtWinters', y, 4, 6)).toEqual(forecastPath('holtDamped', y, 4));
    // one full season (m = 5) is enough: the season repeats, level 7 (the mean), trend 0
    expect(forecastPath('holtWinters', y, 4, 5)).toEqual([5, 7, 6, 9]);
  });

  it('uses the documented fixed parameters', () => {
    expect(FORECAST_PARAMETERS).toEqual({ maWindow: 4, alpha: 0.1, beta: 0.1, gamma: 0.1, phi: 0.9 });
    expect(FORECAST_METHODS).toEqual(['ma', 'ses', 'croston', 'sba', 'sbj', 'tsb', 'holt', 'holtDamped', 'holtWinters']);
  });
});

describe('backtestSelect — hand-worked', () => {
  it('a straight line: Holt is exact, the moving average lags', () => {
    // y = 2, 4, …, 12; horizon 1, 2 folds → origins at periods 5 and 6 (values 10 and 12)
    // MA(4): mean(2,4,6,8) = 5 → |10 − 5| = 5; mean(4,6,8,10) = 7 → |12 − 7| = 5 → WAPE 10/22
    // naive error before the folds: |4−2| = |6−4| = |8−6| = 2 → MASE of MA = 5/2
    const result = backtestSelect([2, 4, 6, 8, 10, 12], { horizon: 1, folds: 2, candidates: ['ma', 'holt'] });
    expect(result.scores).toHaveLength(2);
    expectSame(result.scores[0]!.wape, 10 / 22);
    expectSame(result.scores[0]!.mase, 2.5);
    expectSame(result.scores[1]!.wape, 0);
    expect(result.method).toBe('holt');
    expectSame(result.forecastPerPeriod, 14);
  });

  it('an intermittent series: Croston wins among the flat methods', () => {
    // y = 4, 0, 4, 0, 4, 4; horizon 1, 2 folds → origins 4 and 5 (0-based), actuals 4 and 4; Σ = 8
    // MA(4):  2, 2 → errors 2 + 2 = 4 → WAPE 0.5
    // SES α .1: level 4 → 3.6 → 3.64 → 3.276 (err .724) → 3.3484 (err .6516) → WAPE 1.3756/8 = 0.17195
    // Croston α .1 β .1 (every demand is 4, so the size stays 4 whatever α): size 4, interval 1;
    //   period 3 (2 since): interval 1 + .1·(2 − 1) = 1.1
    //   → rate 4/1.1 (err 4 − 3.6364 = 0.3636); period 5: interval 1.1 + .1·(2 − 1.1) = 1.19
    //   → rate 4/1.19 (err 0.6387) → WAPE (8 − 4/1.1 − 4/1.19)/8 ≈ 0.12529
    // SBA: × 0.95 → errors 0.5455 + 0.8067 → WAPE ≈ 0.16902; SBJ: × (1 − 0.1/1.9) = 0.947368 → WAPE ≈ 0.17127
    // TSB: probability 1 → .9 → .91 → .819: rate 3.276 (err .724) → .8371: rate 3.3484 (err .6516) → WAPE 0.17195
    const y = [4, 0, 4, 0, 4, 4];
    const result = backtestSelect(y, { horizon: 1, folds: 2, candidates: ['ma', 'ses', 'croston', 'sba', 'sbj', 'tsb'] });
    const byMethod = Object.fromEntries(result.scores.map((s) => [s.method, s.wape]));
    expectSame(byMethod.ma!, 0.5);
    expectSame(byMethod.ses!, 0.17195);
    expectSame(byMethod.croston!, (8 - 4 / 1.1 - 4 / 1.19) / 8);
    expectSame(byMethod.sba!, (8 - 0.95 * (4 / 1.1 + 4 / 1.19)) / 8);
    expectSame(byMethod.sbj!, (8 - (1 - 0.1 / 1.9) * (4 / 1.1 + 4 / 1.19)) / 8);
    expectSame(byMethod.tsb!, (0.724 + 0.6516) / 8);
    expect(result.method).toBe('croston');
    // MASE: naive error on 4, 0, 4, 0 is 4 per period; Croston's MAE is WAPE · 8 / 2
    expectSame(result.mase, ((8 - 4 / 1.1 - 4 / 1.19) / 2) / 4);
    // refit on all six: period 6 (1 since): interval 1.19 + .1·(1 − 1.19) = 1.171 → 4/1.171
    expectSame(result.forecastPerPeriod, 4 / 1.171);
  });

  it('a near tie (rounding noise) still goes to the simpler method', () => {
    // Holt on a constant level 6: 0.2·6 + 0.8·6 can round to 6.000000000000001; that must not beat MA's exact 0
    const y = [6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6];
    expect(backtestSelect(y, { horizon: 4, folds: 2, candidates: ['holt', 'ma'] }).method).toBe('ma');
  });

  it('ties go to the simpler method: a constant series is fit exactly by all but SBA and SBJ, so the moving average wins', () => {
    // SBA deflates Croston's exact 6 by 1 − 0.1/2 → 5.7 → WAPE 0.05, SBJ by 1 − 0.1/1.9 → WAPE 1/19; Holt's rounding noise (~1e-16) counts as a tie
    const result = backtestSelect(Array.from({ length: 20 }, () => 6), { horizon: 4, folds: 3 });
    const wapes = result.scores.map((s) => s.wape);
    expect(wapes.map((w) => Math.round(w * 1e9) / 1e9)).toEqual([0, 0, 0, 0.05, 0.052631579, 0, 0, 0]);
    expect(result.method).toBe('ma');
    expectSame(result.forecastPerPeriod, 6);
  });

  it('a seasonal pattern is fit exactly by Holt-Winters once a season length is given', () => {
    const y = Array.from({ length: 40 }, (_, t) => (t % 2 === 0 ? 1 : 3));
    expect(backtestSelect(y, { horizon: 2, folds: 4 }).method).not.toBe('holtWinters');
    const result = backtestSelect(y, { horizon: 2, folds: 4, seasonLength: 2 });
    expect(result.method).toBe('holtWinters');
    expectSame(result.wape, 0);
    expectSame(result.forecastPerPeriod, 2); // (1 + 3) / 2
  });

  it('an all-zero series: every method forecasts 0, WAPE 0/0 = 0, MASE 0', () => {
    const result = backtestSelect(new Array<number>(30).fill(0), { horizon: 4, folds: 4, seasonLength: 7 });
    expect(result.scores.every((s) => s.wape === 0 && s.mase === 0)).toBe(true);
    expect(result.method).toBe('ma');
    expect(result.forecastPerPeriod).toBe(0);
  });

  it('no demand in the backtest window: the method that forecasts closest to 0 wins although every WAPE is Infinity', () => {
    // Croston keeps forecasting the old demand; TSB's probability decays; MA falls to 0 after 4 periods
    const y = [5, 5, 5, 5, ...new Array<number>(12).fill(0)];
    const result = backtestSelect(y, { horizon: 4, folds: 2, candidates: ['croston', 'tsb', 'ma'] });
    expect(result.scores.map((s) => [s.method, s.wape])).toEqual([['ma', 0], ['croston', Infinity], ['tsb', Infinity]]);
    expect(result.method).toBe('ma');
  });

  it('one observation, or none: no fold fits, scores are NaN and the simplest candidate is used', () => {
    const one = backtestSelect([5], { horizon: 4, folds: 4 });
    expect(one.method).toBe('ma');
    expect(one.wape).toBeNaN();
    expect(one.scores.every((s) => Number.isNaN(s.wape) && Number.isNaN(s.mase))).toBe(true);
    expect(one.forecastPerPeriod).toBe(5);
    expect(backtestSelect([], { horizon: 4, folds: 4, candidates: ['tsb', 'ses'] })).toMatchObject({ method: 'ses', forecastPerPeriod: 0 });
  });

  it('a short series uses as many folds as fit (6 values, horizon 2 → 2 folds, not 5)', () => {
    const y = [3, 1, 4, 1, 5, 9];
    const result = backtestSelect(y, { horizon: 2, folds: 5 });
    const reference = referenceScores(y, 2, 2, FORECAST_METHODS.filter((m) => m !== 'holtWinters'));
    result.scores.forEach((score, i) => expectSame(score.wape, reference[i]!.wape));
  });

  it('takes a Float64Array as well as an array', () => {
    const y = [12, 0, 7, 9, 0, 0, 14, 3, 8, 11, 0, 6, 9, 13, 2, 0];
    expect(backtestSelect(Float64Array.from(y), { horizon: 3, folds: 3, seasonLength: 4 })).toEqual(backtestSelect(y, { horizon: 3, folds: 3, seasonLength: 4 }));
  });

  it.each([
    [{ horizon: 0, folds: 2 }],
    [{ horizon: 1.5, folds: 2 }],
    [{ horizon: 2, folds: 0 }],
    [{ horizon: 2, folds: 2, seasonLength: 1 }],
    [{ horizon: 2, folds: 2, candidates: [] }],
  ])('refuses %o', (options) => {
    expect(() => backtestSelect([1, 2, 3, 4, 5], options)).toThrow(RangeError);
  });

  it('refuses a value that is not a number, naming the period', () => {
    expect(() => backtestSelect([1, 2, Number.NaN, 4], { horizon: 1, folds: 1 })).toThrow(/period 3/);
  });
});

describe('backtestSelect — property: the one-pass scores equal refitting every fold', () => {
  const series = fc.oneof(
    fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }),
    fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 9 })), { maxLength: 60 }),
    fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 40 }),
    fc.tuple(fc.integer({ min: 5, max: 40 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 2, max: 7 })).map(([length, slope, m]) =>
      Array.from({ length }, (_, t) => Math.max(0, 20 + slope * t + 5 * Math.sin((2 * Math.PI * t) / m))),
    ),
  );

  it('holds for random series, horizons, folds and season lengths', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }), (y, horizon, folds, seasonLength) => {
        const result = backtestSelect(y, { horizon, folds, seasonLength });
        const candidates = seasonLength === undefined ? FORECAST_METHODS.filter((m) => m !== 'holtWinters') : FORECAST_METHODS;
        expect(result.scores.map((s) => s.method)).toEqual(candidates);
        if (y.length > horizon) {
          const reference = referenceScores(y, horizon, folds, candidates, seasonLength);
          result.scores.forEach((score, i) => {
            expectSame(score.wape, reference[i]!.wape);
            expectSame(score.mase, reference[i]!.mase);
          });
          // the chosen method is the best, up to the 1e-9 tie tolerance that favours simpler methods
          const best = Math.min(...reference.map((r) => r.wape));
          if (Number.isFinite(best)) expect(result.wape - best).toBeLessThanOrEqual(2e-9 * (1 + best));
        }
        expectSame(result.forecastPerPeriod, mean(forecastPath(result.method, y, horizon, seasonLength)));
      }),
      { numRuns: 300 },
    );
  });

  it('backtestForecast picks the same method with the same scores and writes forecastPath of it, for any path length', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }), fc.integer({ min: 1, max: 30 }), (y, horizon, folds, seasonLength, pathLength) => {
        const result = backtestSelect(y, { horizon, folds, seasonLength });
        const out = new Float64Array(pathLength);
        const fast = backtestForecast(y, { horizon, folds, seasonLength }, out);
        expect(fast.method).toBe(result.method);
        expectSame(fast.wape, result.wape);
        expectSame(fast.mase, result.mase);
        const path = forecastPath(result.method, y, pathLength, seasonLength);
        path.forEach((value, h) => expectSame(out[h]!, value));
      }),
      { numRuns: 300 },
    );
  });
});

describe('backtestSelect with the candidates of a demand pattern (the sweep skips the states no candidate needs)', () => {
  const series = fc.oneof(
    fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }),
    fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 9 })), { maxLength: 60 }),
  );
  it('scores each candidate as refitting does, and backtestForecast writes forecastPath of the choice', () => {
    fc.assert(
      fc.property(series, fc.constantFrom(...Object.values(DEMAND_CLASS_CANDIDATES)), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }), (y, candidates, horizon, folds, seasonLength) => {
        const result = backtestSelect(y, { horizon, folds, seasonLength, candidates });
        expect(result.scores.map((s) => s.method)).toEqual(candidates);
        if (y.length > horizon) {
          const reference = referenceScores(y, horizon, folds, candidates, seasonLength);
          result.scores.forEach((score, i) => {
            expectSame(score.wape, reference[i]!.wape);
            expectSame(score.mase, reference[i]!.mase);
          });
        }
        const out = new Float64Array(8);
        const fast = backtestForecast(y, { horizon, folds, seasonLength, candidates }, out);
        expect(fast.method).toBe(result.method);
        forecastPath(result.method, y, 8, seasonLength).forEach((value, h) => expectSame(out[h]!, value));
      }),
      { numRuns: 300 },
    );
  });
});

describe('backtestSelect at plan scale (a sanity run; no timing is asserted)', () => {
  it('chooses a method for 10,000 SKUs × 104 weeks with a yearly season, every answer usable', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296;
    const counts = new Map<ForecastMethod, number>();
    const y = new Float64Array(104);
    for (let sku = 0; sku < 10_000; sku++) {
      const base = 1 + random() * 50;
      for (let t = 0; t < y.length; t++) {
        const pattern = sku % 4;
        y[t] =
          pattern === 0 ? Math.round(base + random() * 5)
          : pattern === 1 ? (random() < 0.2 ? Math.round(1 + random() * 10) : 0)
          : pattern === 2 ? Math.round(base + 0.3 * t + random() * 4)
          : Math.max(0, Math.round(base + 10 * Math.sin((2 * Math.PI * t) / 52) + random() * 3));
      }
      const result = backtestSelect(y, { horizon: 4, folds: 4, seasonLength: 52 });
      counts.set(result.method, (counts.get(result.method) ?? 0) + 1);
      expect(Number.isFinite(result.forecastPerPeriod) && result.forecastPerPeriod >= 0).toBe(true);
      expect(result.wape).toBeGreaterThanOrEqual(0);
      expect(result.scores).toHaveLength(FORECAST_METHODS.length);
    }
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    // trending SKUs exist, so some trend method is chosen somewhere
    expect((counts.get('holt') ?? 0) + (counts.get('holtDamped') ?? 0)).toBeGreaterThan(0);
  });
});
