// Landed cost (PRODUCT §3): a shipment's freight, duties and fees spread over its lines by units,
// weight or volume, in whole minor units that add up to the total exactly (largest remainder).
import { purchasingError } from '../errors';
import type { AllocationBasis, ShipmentCosts, ShipmentLine } from '../model';

export interface LandedCostAllocation {
  /** freight + duties + fees, base minor units. */
  totalMinor: number;
  /** Whole minor units per line, in line order; they sum to totalMinor exactly. */
  perLineMinor: number[];
  /** perLineMinor ÷ the line's units (fractional; 0 for a line of 0 units). */
  perUnitMinor: number[];
}

/** The field a basis reads per unit, for the message when no line has it. */
const BASIS_FIELD: Readonly<Record<AllocationBasis, string>> = { units: 'qty', weight: 'unitWeightKg', volume: 'unitVolumeM3' };

/**
 * Each line's weight in the allocation, as an exact integer: units; or units × weight in
 * milligrams; or units × volume in cubic millimetres. Rounding the per-unit figure to those units
 * is far below what anyone types, and makes every share an exact fraction.
 */
function allocationWeight(line: ShipmentLine, basis: AllocationBasis): bigint {
  const units = BigInt(Math.max(0, Math.round(line.qty)));
  switch (basis) {
    case 'units':
      return units;
    case 'weight':
      return units * BigInt(Math.max(0, Math.round((line.unitWeightKg ?? 0) * 1e6)));
    case 'volume':
      return units * BigInt(Math.max(0, Math.round((line.unitVolumeM3 ?? 0) * 1e9)));
  }
}

export function shipmentCostsTotalMinor(costs: ShipmentCosts): number {
  const parts = [costs.freightMinor, costs.dutiesMinor, costs.feesMinor];
  for (const part of parts) {
    if (!Number.isSafeInteger(part) || part < 0) throw new RangeError(`shipment costs must be whole minor units ≥ 0: ${part}`);
  }
  return parts[0]! + parts[1]! + parts[2]!;
}

/**
 * Allocates the costs over the lines with the largest-remainder method: every line gets the floor
 * of its exact share, then the minor units left over go one each to the largest remainders (ties
 * to the earlier line). So each line is within one minor unit of its exact share and the lines sum
 * to the total. A total of 0 allocates 0 everywhere; a basis that is 0 on every line (weight never
 * entered) cannot carry a non-zero total and is refused.
 */
export function allocateLandedCost(lines: readonly ShipmentLine[], costs: ShipmentCosts): LandedCostAllocation {
  const totalMinor = shipmentCostsTotalMinor(costs);
  const perUnit = (perLineMinor: number[]) => perLineMinor.map((minor, i) => (lines[i]!.qty > 0 ? minor / lines[i]!.qty : 0));
  if (totalMinor === 0) {
    const zeros = lines.map(() => 0);
    return { totalMinor, perLineMinor: zeros, perUnitMinor: perUnit(zeros) };
  }
  const weights = lines.map((line) => allocationWeight(line, costs.basis));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw purchasingError('shipment.noAllocationBasis', { basis: costs.basis, field: BASIS_FIELD[costs.basis] });

  const total = BigInt(totalMinor);
  const floors = weights.map((weight) => (total * weight) / weightSum);
  const remainders = weights.map((weight) => (total * weight) % weightSum);
  let left = total - floors.reduce((sum, floor) => sum + floor, 0n);
  const byRemainder = lines.map((_, i) => i).sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  const perLine = [...floors];
  for (const i of byRemainder) {
    if (left === 0n) break;
    perLine[i] = perLine[i]! + 1n;
    left -= 1n;
  }
  const perLineMinor = perLine.map(Number);
  return { totalMinor, perLineMinor, perUnitMinor: perUnit(perLineMinor) };
}
