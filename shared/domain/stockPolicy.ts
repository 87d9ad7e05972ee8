// Safety stock, reorder point and economic order quantity (PRODUCT §4.3). Every rate, lead time
// and standard deviation passed in must use the same time unit (days throughout the plan).

export interface SafetyStockInput {
  /** Inverse standard normal of the service level (see zForServiceLevel). */
  z: number;
  /** Mean demand per time unit (d). */
  meanDemand: number;
  /** Standard deviation of demand per time unit (σd). */
  sdDemand: number;
  /** Mean lead time in time units (L). */
  leadTime: number;
  /** Standard deviation of the lead time (σL); 0 when the lead time is treated as fixed. */
  sdLeadTime?: number;
}

function requireNonNegative(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
}

/** SS = z · sqrt(L · σd² + d² · σL²): demand uncertainty over the lead time plus lead-time uncertainty at mean demand. */
export function safetyStock(p: SafetyStockInput): number {
  const sdLeadTime = p.sdLeadTime ?? 0;
  if (!Number.isFinite(p.z)) throw new RangeError(`z must be a finite number, got ${p.z}`);
  requireNonNegative('Mean demand', p.meanDemand);
  requireNonNegative('Demand standard deviation', p.sdDemand);
  requireNonNegative('Lead time', p.leadTime);
  requireNonNegative('Lead-time standard deviation', sdLeadTime);
  return p.z * Math.sqrt(p.leadTime * p.sdDemand * p.sdDemand + p.meanDemand * p.meanDemand * sdLeadTime * sdLeadTime);
}

/** ROP = d · L + SS: expected demand over the lead time plus the safety stock. */
export function reorderPoint(p: SafetyStockInput): number {
  return p.meanDemand * p.leadTime + safetyStock(p);
}

export interface EconomicOrderQuantityInput {
  /** Units demanded per year (D). */
  annualDemand: number;
  /** Fixed cost of placing one order (S), base currency. */
  orderCost: number;
  /** Cost of holding one unit for a year (H), base currency; must be > 0. */
  holdingCost: number;
}

/** EOQ = sqrt(2 · D · S / H) in units; no demand → 0. A free-to-hold unit has no finite EOQ, so H ≤ 0 throws. */
export function economicOrderQuantity(p: EconomicOrderQuantityInput): number {
  if (!(p.holdingCost > 0) || !Number.isFinite(p.holdingCost)) {
    throw new RangeError(`Holding cost per unit per year must be greater than 0, got ${p.holdingCost}`);
  }
  requireNonNegative('Annual demand', p.annualDemand);
  requireNonNegative('Order cost', p.orderCost);
  if (p.annualDemand === 0) return 0;
  return Math.sqrt((2 * p.annualDemand * p.orderCost) / p.holdingCost);
}
