// A SKU's own yearly season (PRODUCT §4.2), beside the catalog's (catalogSeason.ts).
//
// Why: the catalog's season is the calendar most SKUs share, but a swimsuit peaks in summer and a
// Christmas light in December whatever the catalog does; with the catalog's index alone both are
// forecast at the catalog's mild season. Two years of a few units a week are far too few to learn
// 52 weekly indices per SKU (Holt-Winters), but enough for one smooth yearly wave: two numbers.
//
// The model, on the SKU's weekly in-stock rates with the catalog's season already taken out (weeks
// counted back from the history's last week, unknown weeks left out):
//   r[w] = c + t·years[w] + a·cos(2π·w/52) + b·sin(2π·w/52)
// fitted by least squares; the trend term keeps a growing SKU's rise from passing for a season.
// The wave relative to the level, F = (a, b) ÷ c, is shrunk twice: by signal ÷ (signal + noise),
// the noise being the coefficients' variance from the fit's residuals, so a SKU whose weeks show no
// clear wave keeps none; and by how well it repeats — each of the last two years' weeks projected on
// cos and sin give that year's own wave, A and B, and the factor is A·B ÷ |F|² (within 0–1): about
// 1 when both years show the wave (the years' noise is independent, so it does not pull the factor
// down on average), about 0 when only one does, so a one-off promotion or a step in the level is
// not read as a season. The index of a week is 1 + the shrunk wave, held within [1/4, 4] as the
// catalog's is.
import { MAX_SEASON_INDEX, positionOf, SEASON_WEEKS } from './catalogSeason';

/** Fewest known weeks in each of the last two years: a season must be seen twice. */
export const MIN_SKU_SEASON_WEEKS_A_YEAR = 13;
/** Fewest known weeks before a SKU's season is read: a year and a quarter (a year, and a quarter of the one before, as the catalog's season asks). */
export const MIN_SKU_SEASON_WEEKS = 52 + MIN_SKU_SEASON_WEEKS_A_YEAR;

/** A SKU's yearly wave, already shrunk: index = 1 + cos·cos(θ) + sin·sin(θ), θ = 2π·weeksBefore/52. */
export interface SkuSeason {
  cos: number;
  sin: number;
  /** Shrink factor applied, 0–1 (0: no season read). */
  weight: number;
}

export const NO_SKU_SEASON: SkuSeason = Object.freeze({ cos: 0, sin: 0, weight: 0 });

/** cos and sin of 2π·k/52 for k = 0…51: a week's angle depends only on its position in the year. */
const COS = Float64Array.from({ length: SEASON_WEEKS }, (_, k) => Math.cos((2 * Math.PI * k) / SEASON_WEEKS));
const SIN = Float64Array.from({ length: SEASON_WEEKS }, (_, k) => Math.sin((2 * Math.PI * k) / SEASON_WEEKS));

/** The index of the week `weeksBefore` weeks before the history's last week (−1: the first week ahead). */
export function skuSeasonIndex(season: SkuSeason, weeksBefore: number): number {
  return season.weight === 0 ? 1 : indexAt(season.cos, season.sin, positionOf(weeksBefore));
}

const indexAt = (cos: number, sin: number, k: number) => Math.min(MAX_SEASON_INDEX, Math.max(1 / MAX_SEASON_INDEX, 1 + cos * COS[k]! + sin * SIN[k]!));

/**
 * The season (its cos and sin; both 0: none) over the `days` days ahead (day d in week ⌊d ÷ 7⌋
 * ahead) against the last 4 weeks, as the catalog's season factor is read; 1 with no season.
 */
export function skuSeasonFactor(cos: number, sin: number, days: number): number {
  if ((cos === 0 && sin === 0) || days <= 0) return 1;
  let ahead = 0;
  for (let h = 0; h * 7 < days; h++) ahead += indexAt(cos, sin, positionOf(-1 - h)) * Math.min(7, days - h * 7);
  let recent = 0;
  for (let w = 0; w < 4; w++) recent += indexAt(cos, sin, w);
  return ahead / days / (recent / 4);
}

/**
 * Fills `past[w]` (oldest first, the last one 0 weeks before the history's last week) and
 * `ahead[h]` (h + 1 weeks after it) with the season's index, for a plan that divides and
 * multiplies whole runs of weeks.
 */
export function fillSkuSeasonIndices(season: SkuSeason, past: Float64Array, ahead: Float64Array): void {
  if (season.weight === 0) {
    past.fill(1);
    ahead.fill(1);
    return;
  }
  const { cos, sin } = season;
  // Position in the year, stepped by one per week (no modulo per week).
  let k = (past.length - 1) % SEASON_WEEKS;
  for (let w = 0; w < past.length; w++) {
    past[w] = indexAt(cos, sin, k);
    k = k === 0 ? SEASON_WEEKS - 1 : k - 1;
  }
  k = SEASON_WEEKS - 1;
  for (let h = 0; h < ahead.length; h++) {
    ahead[h] = indexAt(cos, sin, k);
    k = k === 0 ? SEASON_WEEKS - 1 : k - 1;
  }
}

/** Σt, Σc, Σs, Σt², Σtc, Σts, Σc², Σcs, Σs² over weeks 0…n − 1 before the end, for the last length asked. */
let fullSums = { n: -1, sums: new Float64Array(9) };
function regressorSums(n: number): Float64Array {
  if (fullSums.n === n) return fullSums.sums;
  const sums = new Float64Array(9);
  for (let weeksBefore = 0; weeksBefore < n; weeksBefore++) {
    const k = weeksBefore % SEASON_WEEKS;
    const t = weeksBefore / SEASON_WEEKS;
    const c = COS[k]!;
    const s = SIN[k]!;
    sums[0] = sums[0]! + t;
    sums[1] = sums[1]! + c;
    sums[2] = sums[2]! + s;
    sums[3] = sums[3]! + t * t;
    sums[4] = sums[4]! + t * c;
    sums[5] = sums[5]! + t * s;
    sums[6] = sums[6]! + c * c;
    sums[7] = sums[7]! + c * s;
    sums[8] = sums[8]! + s * s;
  }
  fullSums = { n, sums };
  return sums;
}

// The normal equations and their inverse, kept in module scratch: the plan reads a season for
// 16,000 series a run (the function is synchronous, so calls never interleave).
const xtx = new Float64Array(16);
const inverse = new Float64Array(16);
const work = new Float64Array(16);

/**
 * The yearly wave of weekly rates (oldest first, the last one the history's last week; NaN where
 * unknown). Fewer than MIN_SKU_SEASON_WEEKS known weeks, no sales, or a fit that cannot be solved →
 * NO_SKU_SEASON.
 */
export function skuSeasonOf(rates: ArrayLike<number>): SkuSeason {
  const n = rates.length;
  // One pass: the sums of the normal equations of rate on (1, years before the end, cos, sin) and
  // Σ rate². The wave is read relative to the level, so no rate is divided by the mean first; the
  // level is the fit at the mean of the known weeks' years, and the residual sum of squares is
  // Σ rate² − β·Xᵀy. The sums of the regressors alone are those of every week (made once per
  // length) less the unknown weeks', so a known week costs only the sums with its rate.
  const full = regressorSums(n);
  let st = full[0]!;
  let sc = full[1]!;
  let ss = full[2]!;
  let stt = full[3]!;
  let stc = full[4]!;
  let sts = full[5]!;
  let scc = full[6]!;
  let scs = full[7]!;
  let sss = full[8]!;
  let known = 0;
  let sy = 0;
  let syy = 0;
  let sty = 0;
  let scy = 0;
  let ssy = 0;
  let k = (n - 1) % SEASON_WEEKS;
  for (let w = 0; w < n; w++) {
    const y = rates[w]!;
    const c = COS[k]!;
    const s = SIN[k]!;
    k = k === 0 ? SEASON_WEEKS - 1 : k - 1;
    const t = (n - 1 - w) / SEASON_WEEKS;
    if (Number.isNaN(y)) {
      st -= t;
      sc -= c;
      ss -= s;
      stt -= t * t;
      stc -= t * c;
      sts -= t * s;
      scc -= c * c;
      scs -= c * s;
      sss -= s * s;
      continue;
    }
    known++;
    sy += y;
    syy += y * y;
    sty += t * y;
    scy += c * y;
    ssy += s * y;
  }
  if (known < MIN_SKU_SEASON_WEEKS || !(sy > 0)) return NO_SKU_SEASON;
  xtx[0] = known;
  xtx[1] = xtx[4] = st;
  xtx[2] = xtx[8] = sc;
  xtx[3] = xtx[12] = ss;
  xtx[5] = stt;
  xtx[6] = xtx[9] = stc;
  xtx[7] = xtx[13] = sts;
  xtx[10] = scc;
  xtx[11] = xtx[14] = scs;
  xtx[15] = sss;
  if (!invert4(xtx, inverse)) return NO_SKU_SEASON;
  const b0 = inverse[0]! * sy + inverse[1]! * sty + inverse[2]! * scy + inverse[3]! * ssy;
  const b1 = inverse[4]! * sy + inverse[5]! * sty + inverse[6]! * scy + inverse[7]! * ssy;
  const a = inverse[8]! * sy + inverse[9]! * sty + inverse[10]! * scy + inverse[11]! * ssy;
  const b = inverse[12]! * sy + inverse[13]! * sty + inverse[14]! * scy + inverse[15]! * ssy;
  const level = b0 + (b1 * st) / known;
  if (!(level > 0)) return NO_SKU_SEASON;
  const residuals = Math.max(0, syy - (b0 * sy + b1 * sty + a * scy + b * ssy));
  const noiseVariance = residuals / (known - 4);
  const relativeA = a / level;
  const relativeB = b / level;
  const signal = relativeA * relativeA + relativeB * relativeB;
  // The wave's coefficients' variances, relative to the level as the wave is.
  const noise = (noiseVariance * (inverse[10]! + inverse[15]!)) / (level * level);
  if (!(signal > noise)) return NO_SKU_SEASON;
  const weight = ((signal - noise) / signal) * repeatFactor(rates, relativeA, relativeB);
  if (!(weight > 0)) return NO_SKU_SEASON;
  return { cos: weight * relativeA, sin: weight * relativeB, weight };
}

/**
 * How well the fitted wave F = (fitA, fitB) repeats, 0–1. Each of the last two years' known weeks
 * is fitted on its own (least squares of rate on 1, cos and sin, so a part of a year serves too),
 * and its wave taken relative to its own level: A and B. The factor is A·B ÷ |F|², within 0–1.
 * Fewer than MIN_SKU_SEASON_WEEKS_A_YEAR known weeks, or no sales, in either year: 0.
 */
function repeatFactor(rates: ArrayLike<number>, fitA: number, fitB: number): number {
  const fit = fitA * fitA + fitB * fitB;
  if (!(fit > 0)) return 0;
  for (let year = 0; year < 2; year++) if (!yearWave(rates, year, yearWaves)) return 0;
  return Math.min(1, Math.max(0, (yearWaves[0]! * yearWaves[2]! + yearWaves[1]! * yearWaves[3]!) / fit));
}

const yearWaves = new Float64Array(4);

/**
 * The wave of year `year` (0: the last 52 weeks, 1: the 52 before) relative to its own level, into
 * out[2·year] (cos) and out[2·year + 1] (sin): the 3 × 3 normal equations of rate on (1, cos, sin)
 * over its known weeks, by Cramer's rule. False with fewer than MIN_SKU_SEASON_WEEKS_A_YEAR known
 * weeks, equations that cannot be solved, or a level not above 0.
 */
function yearWave(rates: ArrayLike<number>, year: number, out: Float64Array): boolean {
  const last = rates.length - 1;
  let n = 0;
  let c = 0;
  let s = 0;
  let cc = 0;
  let cs = 0;
  let ss = 0;
  let y = 0;
  let yc = 0;
  let ys = 0;
  for (let k = 0; k < SEASON_WEEKS; k++) {
    const w = last - (year * SEASON_WEEKS + k);
    if (w < 0) break;
    const v = rates[w]!;
    if (Number.isNaN(v)) continue;
    const cosK = COS[k]!;
    const sinK = SIN[k]!;
    n++;
    c += cosK;
    s += sinK;
    cc += cosK * cosK;
    cs += cosK * sinK;
    ss += sinK * sinK;
    y += v;
    yc += v * cosK;
    ys += v * sinK;
  }
  if (n < MIN_SKU_SEASON_WEEKS_A_YEAR) return false;
  // Cofactors of the symmetric matrix [[n, c, s], [c, cc, cs], [s, cs, ss]].
  const m00 = cc * ss - cs * cs;
  const m01 = c * ss - cs * s;
  const m02 = c * cs - cc * s;
  const det = n * m00 - c * m01 + s * m02;
  if (!(Math.abs(det) > 1e-9 * n * cc * ss)) return false;
  const level = (y * m00 - c * (yc * ss - cs * ys) + s * (yc * cs - cc * ys)) / det;
  if (!(level > 0)) return false;
  const a = (n * (yc * ss - cs * ys) - y * m01 + s * (c * ys - yc * s)) / det;
  const b = (n * (cc * ys - yc * cs) - c * (c * ys - yc * s) + y * m02) / det;
  out[2 * year] = a / level;
  out[2 * year + 1] = b / level;
  return true;
}

/** Inverse of a 4 × 4 matrix (row-major) into `into`, by Gauss-Jordan with partial pivoting; false when singular. */
function invert4(matrix: Float64Array, into: Float64Array): boolean {
  const a = work;
  a.set(matrix);
  into.fill(0);
  for (let i = 0; i < 4; i++) into[i * 4 + i] = 1;
  for (let col = 0; col < 4; col++) {
    let pivot = col;
    for (let row = col + 1; row < 4; row++) if (Math.abs(a[row * 4 + col]!) > Math.abs(a[pivot * 4 + col]!)) pivot = row;
    const p = a[pivot * 4 + col]!;
    if (Math.abs(p) < 1e-12) return false;
    if (pivot !== col) {
      for (let k = 0; k < 4; k++) {
        const x = a[col * 4 + k]!;
        a[col * 4 + k] = a[pivot * 4 + k]!;
        a[pivot * 4 + k] = x;
        const y = into[col * 4 + k]!;
        into[col * 4 + k] = into[pivot * 4 + k]!;
        into[pivot * 4 + k] = y;
      }
    }
    for (let k = 0; k < 4; k++) {
      a[col * 4 + k] = a[col * 4 + k]! / p;
      into[col * 4 + k] = into[col * 4 + k]! / p;
    }
    for (let row = 0; row < 4; row++) {
      if (row === col) continue;
      const f = a[row * 4 + col]!;
      if (f === 0) continue;
      for (let k = 0; k < 4; k++) {
        a[row * 4 + k] = a[row * 4 + k]! - f * a[col * 4 + k]!;
        into[row * 4 + k] = into[row * 4 + k]! - f * into[col * 4 + k]!;
      }
    }
  }
  return true;
}
