// A SKU's own yearly wave (shared/planning/skuSeason.ts): read from its weekly rates by least
// squares on (level, trend, cos, sin), shrunk by signal ÷ (signal + noise).
import { describe, expect, test } from 'vitest';
import { fillSkuSeasonIndices, MIN_SKU_SEASON_WEEKS, NO_SKU_SEASON, skuSeasonFactor, skuSeasonIndex, skuSeasonOf } from '../../shared/planning/skuSeason';

/** Weekly rates, oldest first, the last one `weeksBefore` 0. */
const weeks = (count: number, rate: (weeksBefore: number) => number) => Float64Array.from({ length: count }, (_, w) => rate(count - 1 - w));
const wave = (amplitude: number, peakWeeksBefore: number) => (weeksBefore: number) => 10 * (1 + amplitude * Math.cos((2 * Math.PI * (weeksBefore - peakWeeksBefore)) / 52));

/** A small deterministic generator in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('skuSeasonOf', () => {
  test('a clean yearly wave is read whole: its peak, its trough, and the weeks ahead', () => {
    // Peak 10 weeks before the last week (and so 42 weeks ahead), ±50%.
    const season = skuSeasonOf(weeks(104, wave(0.5, 10)));
    expect(season.weight).toBeCloseTo(1, 9);
    expect(skuSeasonIndex(season, 10)).toBeCloseTo(1.5, 6);
    expect(skuSeasonIndex(season, 36)).toBeCloseTo(0.5, 6);
    // A year on, the same week of the year: 10 − 52 = −42 (42 weeks ahead).
    expect(skuSeasonIndex(season, -42)).toBeCloseTo(1.5, 6);
    expect(skuSeasonIndex(season, -1)).toBeCloseTo(1 + 0.5 * Math.cos((2 * Math.PI * -11) / 52), 6);
  });

  test('unknown weeks are left out: a wave with a third of its weeks unknown is still read', () => {
    const rates = weeks(104, wave(0.4, 30));
    for (let w = 0; w < rates.length; w += 3) rates[w] = Number.NaN;
    const season = skuSeasonOf(rates);
    expect(season.weight).toBeCloseTo(1, 9);
    expect(skuSeasonIndex(season, 30)).toBeCloseTo(1.4, 6);
  });

  test('a steady trend is not read as a season (the fit has a trend term)', () => {
    // From 5 a week two years ago to 15 now, no wave.
    const season = skuSeasonOf(weeks(104, (weeksBefore) => 15 - (10 * weeksBefore) / 103));
    for (const weeksBefore of [0, 13, 26, 39, -1, -26]) expect(Math.abs(skuSeasonIndex(season, weeksBefore) - 1)).toBeLessThan(0.01);
  });

  test('noise alone keeps (almost) no season; a noisy wave keeps most of it', () => {
    // Weekly counts around 3 (± 2): no wave.
    const next = random(7);
    const flat = skuSeasonOf(weeks(104, () => Math.round(3 + (next() * 2 - 1) * 2)));
    // The wave the fit finds in it (±9%) is mostly noise, and is shrunk to a quarter of itself.
    expect(flat.weight).toBeLessThan(0.5);
    for (let weeksBefore = 0; weeksBefore < 52; weeksBefore++) expect(Math.abs(skuSeasonIndex(flat, weeksBefore) - 1)).toBeLessThan(0.05);
    // The same noise on a ±60% wave: the peak stays well above 1.
    const noisy = random(7);
    const season = skuSeasonOf(weeks(104, (weeksBefore) => Math.max(0, Math.round(3 * (1 + 0.6 * Math.cos((2 * Math.PI * weeksBefore) / 52)) + (noisy() * 2 - 1) * 2))));
    expect(season.weight).toBeGreaterThan(0.5);
    expect(skuSeasonIndex(season, 0)).toBeGreaterThan(1.3);
    expect(skuSeasonIndex(season, 26)).toBeLessThan(0.7);
  });

  test('too few known weeks, no sales, or nothing known: no season, every index 1', () => {
    expect(skuSeasonOf(weeks(MIN_SKU_SEASON_WEEKS - 1, wave(0.5, 0)))).toBe(NO_SKU_SEASON);
    expect(skuSeasonOf(new Float64Array(104))).toBe(NO_SKU_SEASON);
    expect(skuSeasonOf(new Float64Array(104).fill(Number.NaN))).toBe(NO_SKU_SEASON);
    expect(skuSeasonOf(weeks(MIN_SKU_SEASON_WEEKS, wave(0.5, 0))).weight).toBeGreaterThan(0.99);
    for (const weeksBefore of [0, 17, -5]) expect(skuSeasonIndex(NO_SKU_SEASON, weeksBefore)).toBe(1);
  });

  test('the index stays within [¼, 4] however deep the wave', () => {
    // Sales only in the half-year around the peak (none in the other): the wave read goes below 0 at
    // its trough, and the index stops at ¼ there.
    const season = skuSeasonOf(weeks(104, (weeksBefore) => Math.max(0, wave(1.6, 0)(weeksBefore))));
    const indices = Array.from({ length: 52 }, (_, k) => skuSeasonIndex(season, k));
    expect(Math.min(...indices)).toBe(0.25);
    expect(Math.max(...indices)).toBeLessThanOrEqual(4);
  });
});

describe('the index over runs of weeks, and the factor over the days ahead', () => {
  const season = skuSeasonOf(weeks(104, wave(0.5, 10)));

  test('fillSkuSeasonIndices gives skuSeasonIndex of every week, past (oldest first) and ahead', () => {
    const past = new Float64Array(104);
    const ahead = new Float64Array(60);
    fillSkuSeasonIndices(season, past, ahead);
    past.forEach((value, w) => expect(value).toBe(skuSeasonIndex(season, 103 - w)));
    ahead.forEach((value, h) => expect(value).toBe(skuSeasonIndex(season, -1 - h)));
    fillSkuSeasonIndices(NO_SKU_SEASON, past, ahead);
    expect([...past, ...ahead].every((value) => value === 1)).toBe(true);
  });

  test('skuSeasonFactor: the days ahead (week by week) against the last 4 weeks; 1 without a season', () => {
    // 10 days ahead: 7 days in the first week ahead, 3 in the second.
    const expected = ((7 * skuSeasonIndex(season, -1) + 3 * skuSeasonIndex(season, -2)) / 10) / ([0, 1, 2, 3].reduce((sum, w) => sum + skuSeasonIndex(season, w), 0) / 4);
    expect(skuSeasonFactor(season.cos, season.sin, 10)).toBeCloseTo(expected, 12);
    // The peak is 10 weeks back: the weeks ahead fall away from it, below the last 4 weeks.
    expect(skuSeasonFactor(season.cos, season.sin, 56)).toBeLessThan(1);
    expect(skuSeasonFactor(0, 0, 56)).toBe(1);
    expect(skuSeasonFactor(season.cos, season.sin, 0)).toBe(1);
  });
});
