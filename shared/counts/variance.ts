// Expected vs counted (PRODUCT §5 variance review): the ledger balance at the cut-off, the counted
// units from the counters' entries, the difference in units and value, and count accuracy.
import { dayNumber } from '../dates';
import { parseAmount, parseWholeNumber } from '../catalog/fields';
import type { IsoDate } from '../model';
import type { CountAccuracy, CountEntry, CountReason, RecountThreshold } from './model';

/**
 * Units on hand at the end of the cut-off day: every movement dated on or before it, whenever it was
 * posted. A movement dated after the cut-off (goods sold while the counters walked the shelves, once
 * entered with their real date) does not change what the count is compared with.
 */
export function expectedAtCutoff(movements: readonly { date: IsoDate; qty: number }[], cutoffDate: IsoDate): number {
  const cutoff = dayNumber(cutoffDate);
  let qty = 0;
  for (const m of movements) if (dayNumber(m.date) <= cutoff) qty += m.qty;
  return qty;
}

/**
 * Counted units per SKU from the entries, in entry order: entries add up (several counters' sheets,
 * the same SKU in two bins); a recount entry replaces everything entered for its SKU before it, and
 * later entries add to the recount. Entries with an unknown code are not counted here.
 */
export function countedBySku(entries: readonly Pick<CountEntry, 'id' | 'skuId' | 'qty' | 'recount'>[]): Map<number, number> {
  const counted = new Map<number, number>();
  for (const entry of [...entries].sort((a, b) => a.id - b.id)) {
    if (entry.skuId === null) continue;
    counted.set(entry.skuId, (entry.recount ? 0 : (counted.get(entry.skuId) ?? 0)) + entry.qty);
  }
  return counted;
}

export interface VarianceInput {
  expectedQty: number;
  countedQty: number;
  /** Average unit cost at the location at the cut-off, base minor units (the valuation's). */
  unitCostMinor: number;
}

export interface Variance {
  varianceUnits: number;
  /** Whole minor units: variance × unit cost, rounded half away from zero. */
  varianceValueMinor: number;
}

export function lineVariance({ expectedQty, countedQty, unitCostMinor }: VarianceInput): Variance {
  const varianceUnits = countedQty - expectedQty;
  // Half away from zero, so a shortage and a surplus of the same size are worth the same; `+ 0` drops −0.
  const raw = varianceUnits * unitCostMinor;
  return { varianceUnits, varianceValueMinor: Math.sign(raw) * Math.round(Math.abs(raw)) + 0 };
}

/** A difference larger than either threshold (strictly greater, in absolute terms) asks for a recount. */
export function overThreshold(variance: Variance, threshold: RecountThreshold): boolean {
  return (threshold.units !== null && Math.abs(variance.varianceUnits) > threshold.units) || (threshold.valueMinor !== null && Math.abs(variance.varianceValueMinor) > threshold.valueMinor);
}

/**
 * Accuracy of a count over its counted lines:
 * - line accuracy = lines without difference ÷ lines counted;
 * - value accuracy = 1 − Σ|variance value| ÷ Σ expected value (expected units × unit cost), at
 *   least 0. With no expected value it is 1 when nothing differs, else 0.
 * Nothing counted gives 1 for both (there was nothing to be wrong about).
 */
export function countAccuracy(lines: readonly (VarianceInput & Variance)[]): CountAccuracy {
  const linesCounted = lines.length;
  const linesExact = lines.filter((l) => l.varianceUnits === 0).length;
  const expectedValueMinor = lines.reduce((sum, l) => sum + Math.round(Math.max(0, l.expectedQty) * l.unitCostMinor), 0);
  const absVarianceValueMinor = lines.reduce((sum, l) => sum + Math.abs(l.varianceValueMinor), 0);
  const valueAccuracy = expectedValueMinor > 0 ? Math.max(0, 1 - absVarianceValueMinor / expectedValueMinor) : absVarianceValueMinor === 0 && linesExact === linesCounted ? 1 : 0;
  return { linesCounted, linesExact, lineAccuracy: linesCounted === 0 ? 1 : linesExact / linesCounted, expectedValueMinor, absVarianceValueMinor, valueAccuracy };
}

/** Accuracy over several posted counts (the history's trend): lines and values pooled, not averaged. */
export function pooledAccuracy(counts: readonly CountAccuracy[]): CountAccuracy {
  const linesCounted = counts.reduce((s, c) => s + c.linesCounted, 0);
  const linesExact = counts.reduce((s, c) => s + c.linesExact, 0);
  const expectedValueMinor = counts.reduce((s, c) => s + c.expectedValueMinor, 0);
  const absVarianceValueMinor = counts.reduce((s, c) => s + c.absVarianceValueMinor, 0);
  const valueAccuracy = expectedValueMinor > 0 ? Math.max(0, 1 - absVarianceValueMinor / expectedValueMinor) : absVarianceValueMinor === 0 && linesExact === linesCounted ? 1 : 0;
  return { linesCounted, linesExact, lineAccuracy: linesCounted === 0 ? 1 : linesExact / linesCounted, expectedValueMinor, absVarianceValueMinor, valueAccuracy };
}

/** A line of the variance review. */
export interface ReviewLine extends VarianceInput, Variance {
  skuId: number;
  bin: string;
  /** False when no entry names the SKU yet: it is neither posted nor part of the accuracy. */
  counted: boolean;
  overThreshold: boolean;
  recountRequested: boolean;
  reason?: CountReason;
}

/** A recount threshold as typed: blank turns a limit off; units are whole numbers ≥ 0, value an amount in `currency`. */
export function parseRecountThreshold(draft: { units: string; value: string }, currency: string): RecountThreshold {
  return {
    units: draft.units.trim() === '' ? null : parseWholeNumber('thresholdUnits', draft.units, 0),
    valueMinor: draft.value.trim() === '' ? null : parseAmount('thresholdValue', draft.value, currency),
  };
}
