// The page's side of the plan: the ledger worker sends it as typed-array columns, moved without a
// copy (shared/planning/planColumns.ts), and here it becomes line objects that read them.
import { planViews } from '../../shared/planning/planColumns';
import { callLedger } from './ledgerClient';
import type { PlanRequest, PlanResult } from './planning';

export async function requestPlan(request: PlanRequest): Promise<PlanResult> {
  const packed = await callLedger('plan', request);
  return { ...packed, plan: planViews(packed.plan) };
}
