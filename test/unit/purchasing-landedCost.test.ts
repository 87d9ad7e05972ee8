// Landed cost allocation: hand-checked cents on all three bases, and properties over random lines
// (the lines sum to the total exactly, each is within one minor unit of its exact share, and the
// result depends only on the proportions).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDomainError } from '../../shared/errors';
import type { AllocationBasis, ShipmentCosts, ShipmentLine } from '../../shared/model';
import { allocateLandedCost } from '../../shared/purchasing/landedCost';

const costs = (freightMinor: number, dutiesMinor: number, feesMinor: number, basis: AllocationBasis): ShipmentCosts => ({ freightMinor, dutiesMinor, feesMinor, basis });

describe('allocateLandedCost: hand-checked examples', () => {
  it('by units: $10.00 + $5.00 + $0.01 over 10, 20, 30 units → 250, 500, 751 cents', () => {
    // Exact shares 250.17, 500.33, 750.5: one cent left over goes to the largest remainder (.5).
    const lines: ShipmentLine[] = [
      { skuId: 1, qty: 10 },
      { skuId: 2, qty: 20 },
      { skuId: 3, qty: 30 },
    ];
    const result = allocateLandedCost(lines, costs(1000, 500, 1, 'units'));
    expect(result.totalMinor).toBe(1501);
    expect(result.perLineMinor).toEqual([250, 500, 751]);
    expect(result.perUnitMinor).toEqual([25, 25, 751 / 30]);
  });

  it('by weight: $10.00 over 10 × 0.5 kg, 4 × 2.5 kg and 100 units with no weight → 333, 667, 0', () => {
    // 5 kg and 10 kg: exact shares 333.33 and 666.67; the unweighted line gets nothing.
    const lines: ShipmentLine[] = [
      { skuId: 1, qty: 10, unitWeightKg: 0.5 },
      { skuId: 2, qty: 4, unitWeightKg: 2.5 },
      { skuId: 3, qty: 100 },
    ];
    const result = allocateLandedCost(lines, costs(600, 300, 100, 'weight'));
    expect(result.perLineMinor).toEqual([333, 667, 0]);
    expect(result.perUnitMinor).toEqual([33.3, 166.75, 0]);
  });

  it('by volume: $1.00 over three lines of 0.2 m³ each → 34, 33, 33 (a tie goes to the earlier line)', () => {
    const lines: ShipmentLine[] = [
      { skuId: 1, qty: 2, unitVolumeM3: 0.1 },
      { skuId: 2, qty: 1, unitVolumeM3: 0.2 },
      { skuId: 3, qty: 4, unitVolumeM3: 0.05 },
    ];
    const result = allocateLandedCost(lines, costs(100, 0, 0, 'volume'));
    expect(result.perLineMinor).toEqual([34, 33, 33]);
    expect(result.perUnitMinor).toEqual([17, 33, 8.25]);
  });

  it('by volume, float-unfriendly figures: 3 × 0.1 m³ and 3 × 0.2 m³, ¥1,000 (JPY, no minor digits) → 333, 667', () => {
    const lines: ShipmentLine[] = [
      { skuId: 1, qty: 3, unitVolumeM3: 0.1 },
      { skuId: 2, qty: 3, unitVolumeM3: 0.2 },
    ];
    expect(allocateLandedCost(lines, costs(1000, 0, 0, 'volume')).perLineMinor).toEqual([333, 667]);
  });

  it('by weight, equal weights on different quantities: 1 × 3 kg and 3 × 1 kg share $0.01 → 1, 0', () => {
    const lines: ShipmentLine[] = [
      { skuId: 1, qty: 1, unitWeightKg: 3 },
      { skuId: 2, qty: 3, unitWeightKg: 1 },
    ];
    expect(allocateLandedCost(lines, costs(1, 0, 0, 'weight')).perLineMinor).toEqual([1, 0]);
  });

  it.each([
    ['weight', 'unitWeightKg'],
    ['volume', 'unitVolumeM3'],
  ] as const)('refuses allocating by %s when no line has one', (basis, field) => {
    const lines: ShipmentLine[] = [{ skuId: 1, qty: 5, unitWeightKg: 0 }, { skuId: 2, qty: 5 }];
    try {
      allocateLandedCost(lines, costs(500, 0, 0, basis));
      expect.unreachable('expected shipment.noAllocationBasis');
    } catch (error) {
      expect(isDomainError(error) && [error.code, error.params]).toEqual(['shipment.noAllocationBasis', { basis, field }]);
    }
  });

  it('allocates a total of 0 as 0 everywhere, whatever the basis', () => {
    const lines: ShipmentLine[] = [{ skuId: 1, qty: 5 }];
    expect(allocateLandedCost(lines, costs(0, 0, 0, 'weight'))).toEqual({ totalMinor: 0, perLineMinor: [0], perUnitMinor: [0] });
  });

  it('refuses costs that are not whole minor units ≥ 0 (a programming error, not a typing one)', () => {
    expect(() => allocateLandedCost([{ skuId: 1, qty: 1 }], costs(10.5, 0, 0, 'units'))).toThrow(RangeError);
    expect(() => allocateLandedCost([{ skuId: 1, qty: 1 }], costs(10, -1, 0, 'units'))).toThrow(RangeError);
  });
});

// Weights in whole grams and volumes in whole cubic centimetres, as a seller types them.
const lineArb: fc.Arbitrary<ShipmentLine> = fc.record({
  skuId: fc.integer({ min: 1, max: 50 }),
  qty: fc.integer({ min: 1, max: 2000 }),
  unitWeightKg: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 80_000 }).map((grams) => grams / 1000)),
  unitVolumeM3: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500_000 }).map((cm3) => cm3 / 1_000_000)),
});
const basisArb = fc.constantFrom<AllocationBasis>('units', 'weight', 'volume');
const caseArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }),
  freight: fc.integer({ min: 0, max: 5_000_000 }),
  duties: fc.integer({ min: 0, max: 1_000_000 }),
  fees: fc.integer({ min: 0, max: 100_000 }),
  basis: basisArb,
});

const weightOf = (line: ShipmentLine, basis: AllocationBasis) =>
  basis === 'units' ? line.qty : basis === 'weight' ? line.qty * (line.unitWeightKg ?? 0) : line.qty * (line.unitVolumeM3 ?? 0);

/** Runs the allocation, or null when the basis is 0 on every line (checked to be refused). */
function allocated(lines: ShipmentLine[], shipmentCosts: ShipmentCosts) {
  const total = shipmentCosts.freightMinor + shipmentCosts.dutiesMinor + shipmentCosts.feesMinor;
  if (total > 0 && lines.every((line) => weightOf(line, shipmentCosts.basis) === 0)) {
    expect(() => allocateLandedCost(lines, shipmentCosts)).toThrow(/shipment.noAllocationBasis/);
    return null;
  }
  return allocateLandedCost(lines, shipmentCosts);
}

describe('allocateLandedCost: properties', () => {
  it('the lines are whole minor units ≥ 0 summing to the total exactly', () => {
    fc.assert(
      fc.property(caseArb, ({ lines, freight, duties, fees, basis }) => {
        const result = allocated(lines, costs(freight, duties, fees, basis));
        if (!result) return;
        expect(result.totalMinor).toBe(freight + duties + fees);
        expect(result.perLineMinor.every((minor) => Number.isInteger(minor) && minor >= 0)).toBe(true);
        expect(result.perLineMinor.reduce((sum, minor) => sum + minor, 0)).toBe(result.totalMinor);
        result.perUnitMinor.forEach((perUnit, i) => expect(perUnit * lines[i]!.qty).toBeCloseTo(result.perLineMinor[i]!, 6));
      }),
      { numRuns: 500 },
    );
  });

  it('each line is within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(caseArb, ({ lines, freight, duties, fees, basis }) => {
        const result = allocated(lines, costs(freight, duties, fees, basis));
        if (!result) return;
        const weights = lines.map((line) => weightOf(line, basis));
        const weightSum = weights.reduce((sum, w) => sum + w, 0);
        result.perLineMinor.forEach((minor, i) => {
          const exact = weightSum === 0 ? 0 : (result.totalMinor * weights[i]!) / weightSum;
          expect(Math.abs(minor - exact)).toBeLessThan(1 + 1e-6);
          if (weights[i] === 0) expect(minor).toBe(0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('is proportional: a heavier line never gets less, and equal lines differ by at most one, the earlier first', () => {
    fc.assert(
      fc.property(caseArb, ({ lines, freight, duties, fees, basis }) => {
        const result = allocated(lines, costs(freight, duties, fees, basis));
        if (!result) return;
        const weights = lines.map((line) => Math.round(weightOf(line, basis) * 1e9));
        for (let i = 0; i < lines.length; i++) {
          for (let j = i + 1; j < lines.length; j++) {
            const [a, b] = [result.perLineMinor[i]!, result.perLineMinor[j]!];
            if (weights[i]! > weights[j]!) expect(a).toBeGreaterThanOrEqual(b);
            else if (weights[i]! < weights[j]!) expect(a).toBeLessThanOrEqual(b);
            else expect(a - b === 0 || a - b === 1).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('depends only on the proportions: ten times every unit weight and volume gives the same cents', () => {
    fc.assert(
      fc.property(caseArb, ({ lines, freight, duties, fees, basis }) => {
        const result = allocated(lines, costs(freight, duties, fees, basis));
        if (!result || basis === 'units') return;
        const scaled = lines.map((line) => ({ ...line, unitWeightKg: (line.unitWeightKg ?? 0) * 10, unitVolumeM3: (line.unitVolumeM3 ?? 0) * 10 }));
        expect(allocateLandedCost(scaled, costs(freight, duties, fees, basis)).perLineMinor).toEqual(result.perLineMinor);
      }),
      { numRuns: 300 },
    );
  });

  it('splitting the total between freight, duties and fees does not change the allocation', () => {
    fc.assert(
      fc.property(caseArb, ({ lines, freight, duties, fees, basis }) => {
        const result = allocated(lines, costs(freight, duties, fees, basis));
        if (!result) return;
        expect(allocateLandedCost(lines, costs(0, freight + duties + fees, 0, basis)).perLineMinor).toEqual(result.perLineMinor);
      }),
      { numRuns: 200 },
    );
  });
});
