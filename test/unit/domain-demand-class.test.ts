// Demand patterns (shared/domain/demandClass.ts): ADI and CV² cut-offs of Syntetos, Boylan & Croston,
// checked by hand, and the candidates each pattern gives the backtest.
import { describe, expect, test } from 'vitest';
import { backtestSelect, classOfPattern, DEMAND_CLASS_CANDIDATES, demandClass, demandPattern, ERRATIC_DEMAND_CV2, INTERMITTENT_DEMAND_INTERVAL } from '../../shared/domain';

describe('demandClass', () => {
  test.each([
    // ADI 1, sizes 10 and 12: mean 11, variance 1, CV² 1/121 ≈ 0.008.
    ['smooth', [10, 12, 10, 12, 10, 12]],
    // ADI 1, sizes 1 and 9: mean 5, variance 16, CV² 0.64.
    ['erratic', [1, 9, 1, 9, 1, 9]],
    // ADI 6/2 = 3, sizes 4 and 4: CV² 0.
    ['intermittent', [0, 0, 4, 0, 0, 4]],
    // ADI 3, sizes 1 and 9: CV² 0.64.
    ['lumpy', [0, 0, 1, 0, 0, 9]],
    // No demand at all: ADI infinite, CV² 0.
    ['intermittent', [0, 0, 0, 0]],
    ['intermittent', []],
    // One demand: CV² 0 (one size cannot vary); ADI 4.
    ['intermittent', [0, 0, 0, 7]],
    // One observation with demand: ADI 1, CV² 0.
    ['smooth', [5]],
  ] as const)('%s: %j', (expected, y) => {
    expect(demandClass(y)).toBe(expected);
  });

  test('the cut-offs are 1.32 and 0.49, each inclusive on the intermittent / erratic side', () => {
    expect(INTERMITTENT_DEMAND_INTERVAL).toBe(1.32);
    expect(ERRATIC_DEMAND_CV2).toBe(0.49);
    // 33 periods with demand in 25: ADI 1.32 exactly → intermittent.
    const atInterval = Array.from({ length: 33 }, (_, t) => (t < 25 ? 5 : 0));
    expect(demandClass(atInterval)).toBe('intermittent');
    // 26 of 33: ADI ≈ 1.269 → smooth.
    expect(demandClass(Array.from({ length: 33 }, (_, t) => (t < 26 ? 5 : 0)))).toBe('smooth');
    // Sizes 3 and 7 (mean 5, variance 4): CV² 0.16 → smooth; sizes 1.5 and 8.5 (variance 12.25): CV² 0.49 → erratic.
    expect(demandClass([3, 7, 3, 7])).toBe('smooth');
    expect(demandClass([1.5, 8.5, 1.5, 8.5])).toBe('erratic');
  });

  test('negative or missing-looking values are not demand', () => {
    expect(demandClass([-3, 0, 4, 0])).toBe('intermittent');
  });
});

describe('the candidates of each pattern', () => {
  test('trend and seasonal methods only where demand comes nearly every period; Croston-type methods only where it does not', () => {
    expect(DEMAND_CLASS_CANDIDATES.smooth).toEqual(['ma', 'ses', 'holt', 'holtDamped', 'holtWinters']);
    expect(DEMAND_CLASS_CANDIDATES.erratic).toEqual(['ma', 'ses', 'holtDamped']);
    expect(DEMAND_CLASS_CANDIDATES.intermittent).toEqual(['ses', 'croston', 'sba', 'tsb']);
    expect(DEMAND_CLASS_CANDIDATES.lumpy).toEqual(['ses', 'sba', 'tsb']);
  });

  test('a lumpy series picks among its own candidates, and scores only them', () => {
    const y = Array.from({ length: 40 }, (_, t) => (t % 5 === 0 ? (t % 10 === 0 ? 1 : 12) : 0));
    expect(demandClass(y)).toBe('lumpy');
    const result = backtestSelect(y, { horizon: 4, folds: 3, candidates: DEMAND_CLASS_CANDIDATES.lumpy });
    expect(DEMAND_CLASS_CANDIDATES.lumpy).toContain(result.method);
    expect(result.scores.map((s) => s.method)).toEqual(['ses', 'sba', 'tsb']);
  });
});

describe('demandPattern', () => {
  test('gives the ADI and CV² the class is made of', () => {
    // 6 periods, demand in 2 (ADI 3), sizes 1 and 9 (mean 5, variance 16, CV² 0.64).
    expect(demandPattern([0, 0, 1, 0, 0, 9])).toEqual({ interval: 3, cv2: 0.64, demandClass: 'lumpy' });
    expect(demandPattern([0, 0])).toEqual({ interval: Number.POSITIVE_INFINITY, cv2: 0, demandClass: 'intermittent' });
    expect(classOfPattern(1.31, 0.48)).toBe('smooth');
    expect(classOfPattern(1.32, 0.49)).toBe('lumpy');
  });
});
