// The supplier stock status sheet's forecast and suggested order, in the ledger worker: the plan is
// run exactly as the Plan screen runs it (runPlan, same inputs, no what-if), and only the figures of
// the supplier's SKUs go back to the page, not the whole plan.
import { planViews } from '../../shared/planning/planColumns';
import type { IsoDate } from '../../shared/model';
import { supplierPlanFigures } from '../../shared/purchasing/supplierStatus';
import type { SupplierPlanFigures } from '../../shared/purchasing/supplierStatus';
import type { StockPilotDatabase } from './schema';
import { runPlan } from './planning';

export interface SupplierPlanRequest {
  today: IsoDate;
  supplierId: number;
  /** The SKUs the sheet lists (supplierSkuIds). */
  skuIds: number[];
}

export interface SupplierPlanResult {
  today: IsoDate;
  figures: Map<number, SupplierPlanFigures>;
}

export async function supplierPlan(db: StockPilotDatabase, request: SupplierPlanRequest): Promise<SupplierPlanResult> {
  const { plan } = await runPlan(db, { today: request.today });
  return { today: request.today, figures: supplierPlanFigures(planViews(plan), request.supplierId, request.skuIds) };
}
