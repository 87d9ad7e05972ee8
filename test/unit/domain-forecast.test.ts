// Forecasting recursions and error measures (PRODUCT §4.2), worked by hand period by period.
import { describe, expect, it } from 'vitest';
import { croston, holt, holtWinters, mase, movingAverage, ses, tsb, wape } from '../../shared/domain';

// An intermittent series: demands of 3, 5 and 2 in periods 2, 5 and 7 (1-based) of 8.
const intermittent = [0, 3, 0, 0, 5, 0, 2, 0];

describe('movingAverage', () => {
  it.each([
    [[1, 2, 3, 4, 5], 3, 4], // (3 + 4 + 5) / 3
    [[1, 2, 3, 4, 5], 10, 3], // fewer values than the window → mean of all
    [[7], 4, 7],
    [[0, 0, 0], 2, 0],
    [[], 4, 0],
  ])('%o, window %i → %f', (y, window, expected) => {
    expect(movingAverage(y, window)).toBe(expected);
  });

  it('refuses a window that is not a whole number ≥ 1', () => {
    expect(() => movingAverage([1], 0)).toThrow(RangeError);
    expect(() => movingAverage([1], 1.5)).toThrow(RangeError);
  });
});

describe('ses', () => {
  it.each([
    // level 10 → 10 + 0.5·(20 − 10) = 15 → 15 + 0.5·(30 − 15) = 22.5
    [[10, 20, 30], 0.5, 22.5],
    // level 4 → 4 + 0.25·(8 − 4) = 5 → 5 + 0.25·(0 − 5) = 3.75
    [[4, 8, 0], 0.25, 3.75],
    [[10, 20, 30], 1, 30], // α 1: the last value
    [[10, 20, 30], 0, 10], // α 0: the first value
    [[7], 0.3, 7], // one observation
    [[0, 0, 0], 0.3, 0],
    [[], 0.3, 0],
  ])('%o, α %f → %f', (y, alpha, expected) => {
    expect(ses(y, alpha)).toBeCloseTo(expected, 12);
  });

  it('accepts a Float64Array and refuses α outside [0, 1]', () => {
    expect(ses(new Float64Array([10, 20, 30]), 0.5)).toBe(22.5);
    expect(() => ses([1], 1.2)).toThrow(RangeError);
    expect(() => ses([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('croston, SBA and SBJ', () => {
  // α 0.5, β 0.25 on [0, 3, 0, 0, 5, 0, 2, 0]:
  //   first demand 3 at position 2 → size 3, interval 2
  //   period 5 (3 periods since the last demand): size 3 + 0.5·(5 − 3) = 4; interval 2 + 0.25·(3 − 2) = 2.25
  //   period 7 (2 periods since):                 size 4 + 0.5·(2 − 4) = 3; interval 2.25 + 0.25·(2 − 2.25) = 2.1875
  //   classic 3 / 2.1875 = 48/35; SBA × (1 − 0.25/2) = 48/35 · 7/8 = 1.2; SBJ × (1 − 0.25/1.75) = 48/35 · 6/7 = 288/245
  it.each([
    ['classic', 48 / 35],
    ['sba', 1.2],
    ['sbj', 288 / 245],
  ] as const)('%s on the intermittent series → %f', (variant, expected) => {
    expect(croston(intermittent, 0.5, 0.25, variant)).toBeCloseTo(expected, 12);
  });

  it('β defaults to α and the variant to classic', () => {
    // interval 2 → 2 + 0.5·(3 − 2) = 2.5 → 2.5 + 0.5·(2 − 2.5) = 2.25; size as above 3 → 3 / 2.25
    expect(croston(intermittent, 0.5)).toBeCloseTo(3 / 2.25, 12);
  });

  it.each([
    [[0, 0, 0, 0], 0], // all zero
    [[], 0],
    [[7], 7], // one observation: size 7, interval 1
    [[0, 0, 4], 4 / 3], // a single demand in period 3: interval 3
    [[2, 2, 2, 2], 2], // demand every period: interval stays 1
  ])('%o → %f', (y, expected) => {
    expect(croston(y, 0.3, 0.2)).toBeCloseTo(expected, 12);
  });
});

describe('tsb', () => {
  // α 0.5, β 0.25 on [0, 3, 0, 0, 5, 0, 2, 0]:
  //   first demand 3 at position 2 → size 3, probability 1/2
  //   p3 none: 0.5 · 0.75 = 0.375          p4 none: 0.375 · 0.75 = 0.28125
  //   p5 demand 5: 0.28125 + 0.25·(1 − 0.28125) = 0.4609375; size 3 + 0.5·(5 − 3) = 4
  //   p6 none: 0.4609375 · 0.75 = 0.345703125
  //   p7 demand 2: 0.345703125 + 0.25·0.654296875 = 0.50927734375; size 4 + 0.5·(2 − 4) = 3
  //   p8 none: 0.50927734375 · 0.75 = 0.3819580078125
  //   forecast 3 · 0.3819580078125 = 1.1458740234375
  it('works the intermittent series', () => {
    expect(tsb(intermittent, 0.5, 0.25)).toBe(1.1458740234375);
  });

  it.each([
    [[0, 0, 0], 0], // all zero
    [[], 0],
    [[7], 7], // one observation: size 7, probability 1
    [[0, 0, 4], 4 / 3], // probability 1/3 from the position of the first demand
    [[4, 0], 2], // probability 1 → 1 − 0.5 = 0.5 after a period without demand
  ])('%o (α 0.5, β 0.5) → %f', (y, expected) => {
    expect(tsb(y, 0.5, 0.5)).toBeCloseTo(expected, 12);
  });

  it('decays toward zero while demand stays away, unlike Croston', () => {
    const stopped = [5, 5, 5, 0, 0, 0, 0, 0, 0, 0];
    expect(tsb(stopped, 0.2, 0.2)).toBeLessThan(croston(stopped, 0.2, 0.2) / 2);
  });
});

describe('holt', () => {
  it('works a short series (α 0.5, β 0.5, undamped)', () => {
    // start: level 10, trend 12 − 10 = 2
    // y 12: level 0.5·12 + 0.5·(10 + 2) = 12;        trend 0.5·(12 − 10) + 0.5·2 = 2
    // y 15: level 0.5·15 + 0.5·(12 + 2) = 14.5;      trend 0.5·2.5 + 0.5·2 = 2.25
    // y 15: level 0.5·15 + 0.5·(14.5 + 2.25) = 15.875; trend 0.5·1.375 + 0.5·2.25 = 1.8125
    const fit = holt([10, 12, 15, 15], 0.5, 0.5);
    expect(fit.level).toBeCloseTo(15.875, 12);
    expect(fit.trend).toBeCloseTo(1.8125, 12);
    expect(fit.forecast(1)).toBeCloseTo(17.6875, 12);
    expect(fit.forecast(2)).toBeCloseTo(19.5, 12);
  });

  it('damps the trend with φ', () => {
    // φ 0.5; start level 10, trend 2
    // y 12: level 0.5·12 + 0.5·(10 + 0.5·2) = 11.5;        trend 0.5·1.5 + 0.5·0.5·2 = 1.25
    // y 15: level 0.5·15 + 0.5·(11.5 + 0.5·1.25) = 13.5625; trend 0.5·2.0625 + 0.5·0.5·1.25 = 1.34375
    // h 1: 13.5625 + 0.5·1.34375 = 14.234375; h 2: 13.5625 + 0.75·1.34375 = 14.5703125
    const fit = holt([10, 12, 15], 0.5, 0.5, 0.5);
    expect(fit.level).toBeCloseTo(13.5625, 12);
    expect(fit.trend).toBeCloseTo(1.34375, 12);
    expect(fit.forecast(1)).toBeCloseTo(14.234375, 12);
    expect(fit.forecast(2)).toBeCloseTo(14.5703125, 12);
  });

  it('follows a straight line exactly', () => {
    const fit = holt([3, 5, 7, 9, 11], 0.3, 0.1);
    expect(fit.forecast(1)).toBeCloseTo(13, 12);
    expect(fit.forecast(4)).toBeCloseTo(19, 12);
  });

  it('one observation: that level, no trend; empty: zero', () => {
    expect(holt([7], 0.3, 0.1).forecast(3)).toBe(7);
    expect(holt([], 0.3, 0.1).forecast(1)).toBe(0);
  });

  it('refuses a forecast step below 1 and φ outside [0, 1]', () => {
    expect(() => holt([1, 2], 0.3, 0.1).forecast(0)).toThrow(RangeError);
    expect(() => holt([1, 2], 0.3, 0.1, 1.1)).toThrow(RangeError);
  });
});

describe('holtWinters (additive)', () => {
  it('works two seasons of m = 2 by hand (α = β = γ = 0.5)', () => {
    // y = [1, 3, 2, 4]; season 1 mean 2 → level 2, trend 0, indices s0 = 1 − 2 = −1, s1 = 3 − 2 = 1
    // y 2 (s0 −1): level 0.5·(2 + 1) + 0.5·(2 + 0) = 2.5; trend 0.5·0.5 + 0.5·0 = 0.25;
    //              s0 0.5·(2 − 2.5) + 0.5·(−1) = −0.75
    // y 4 (s1 1):  level 0.5·(4 − 1) + 0.5·(2.5 + 0.25) = 2.875; trend 0.5·0.375 + 0.5·0.25 = 0.3125;
    //              s1 0.5·(4 − 2.875) + 0.5·1 = 1.0625
    // h 1 (s0): 2.875 + 0.3125 − 0.75 = 2.4375; h 2 (s1): 2.875 + 0.625 + 1.0625 = 4.5625
    const fit = holtWinters([1, 3, 2, 4], 2, 0.5, 0.5, 0.5);
    expect(fit.seasonal).toBe(true);
    expect(fit.level).toBeCloseTo(2.875, 12);
    expect(fit.trend).toBeCloseTo(0.3125, 12);
    expect(fit.forecast(1)).toBeCloseTo(2.4375, 12);
    expect(fit.forecast(2)).toBeCloseTo(4.5625, 12);
    // h 3 reuses s0 one season later: 2.875 + 3·0.3125 − 0.75 = 3.0625
    expect(fit.forecast(3)).toBeCloseTo(3.0625, 12);
  });

  it('starts from one season: the first season repeats around its mean (level 5, trend 0)', () => {
    // y = [2, 8, 5]; level (2 + 8 + 5)/3 = 5, indices −3, +3, 0; nothing to update yet
    const fit = holtWinters([2, 8, 5], 3, 0.2, 0.1, 0.1, 0.9);
    expect(fit.seasonal).toBe(true);
    expect(fit.level).toBe(5);
    expect(fit.trend).toBe(0);
    expect([1, 2, 3, 4].map((h) => fit.forecast(h))).toEqual([2, 8, 5, 2]);
  });

  it('one season and one more value (m = 2, α = β = γ = 0.5, φ = 1) by hand', () => {
    // y = [4, 0, 6]; level 2, trend 0, s0 = 2, s1 = −2
    // y 6 (s0 2): level 0.5·(6 − 2) + 0.5·2 = 3; trend 0.5·1 + 0 = 0.5; s0 0.5·(6 − 3) + 0.5·2 = 2.5
    // h 1 (s1): 3 + 0.5 − 2 = 1.5; h 2 (s0): 3 + 1 + 2.5 = 6.5
    const fit = holtWinters([4, 0, 6], 2, 0.5, 0.5, 0.5);
    expect(fit.level).toBeCloseTo(3, 12);
    expect(fit.trend).toBeCloseTo(0.5, 12);
    expect(fit.forecast(1)).toBeCloseTo(1.5, 12);
    expect(fit.forecast(2)).toBeCloseTo(6.5, 12);
  });

  it('repeats a pure seasonal pattern exactly (level 2, trend 0, indices −1 and +1 never move)', () => {
    const fit = holtWinters([1, 3, 1, 3, 1, 3, 1], 2, 0.3, 0.1, 0.2, 0.9);
    expect(fit.forecast(1)).toBeCloseTo(3, 12);
    expect(fit.forecast(2)).toBeCloseTo(1, 12);
    expect(fit.forecast(5)).toBeCloseTo(3, 12);
    expect(fit.level).toBeCloseTo(2, 12);
    expect(fit.trend).toBeCloseTo(0, 12);
  });

  it('with a weekly season (m = 7) picks up the day-of-week pattern', () => {
    const week = [10, 10, 10, 10, 20, 30, 10];
    const fit = holtWinters([...week, ...week, ...week], 7, 0.2, 0.1, 0.1);
    expect([1, 2, 3, 4, 5, 6, 7].map((h) => Math.round(fit.forecast(h)))).toEqual(week);
  });

  it('falls back to Holt with less than one full season', () => {
    const y = [10, 12, 15];
    const fit = holtWinters(y, 4, 0.5, 0.5, 0.5, 0.5);
    expect(fit.seasonal).toBe(false);
    expect(fit.forecast(2)).toBe(holt(y, 0.5, 0.5, 0.5).forecast(2));
  });

  it('refuses a season length below 2', () => {
    expect(() => holtWinters([1, 2, 3], 1, 0.2, 0.1, 0.1)).toThrow(RangeError);
    expect(() => holtWinters([1, 2, 3], 2.5, 0.2, 0.1, 0.1)).toThrow(RangeError);
  });
});

describe('wape', () => {
  it.each([
    // (|10 − 8| + |0 − 2| + |5 − 5|) / (10 + 0 + 5) = 4/15
    [[10, 0, 5], [8, 2, 5], 4 / 15],
    [[4, 4], [4, 4], 0],
    [[0, 0], [0, 0], 0], // 0/0 → 0
    [[0, 0], [1, 0], Infinity], // error on no demand
    [[], [], 0],
  ])('%o vs %o → %f', (actual, forecast, expected) => {
    expect(wape(actual, forecast)).toBeCloseTo(expected, 12);
  });

  it('refuses series of different lengths', () => {
    expect(() => wape([1, 2], [1])).toThrow(RangeError);
  });
});

describe('mase', () => {
  it('scales by the in-sample naive error', () => {
    // MAE (|10 − 11| + |12 − 11|)/2 = 1; naive-1 on [8, 10, 9, 13]: (2 + 1 + 4)/3 = 7/3 → 3/7
    expect(mase([10, 12], [11, 11], [8, 10, 9, 13])).toBeCloseTo(3 / 7, 12);
    // naive-2: (|9 − 8| + |13 − 10|)/2 = 2 → 1/2
    expect(mase([10, 12], [11, 11], [8, 10, 9, 13], 2)).toBeCloseTo(0.5, 12);
  });

  it('a flat history gives Infinity unless the forecast is perfect too', () => {
    expect(mase([5, 6], [5, 5], [5, 5, 5])).toBe(Infinity);
    expect(mase([5, 5], [5, 5], [5, 5, 5])).toBe(0);
    expect(mase([5], [4], [5])).toBe(Infinity); // one in-sample value: no naive error to scale by
  });
});
