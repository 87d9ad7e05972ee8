// The Today screen's data: the open shipments and purchase orders, the count plans and the imports
// (live queries), the plan (rerun when what it reads changes, as the Plan screen runs it) and the
// analysis of this month for its overstock and understock lists, all sorted into what needs the
// seller now by shared/dashboard.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDate } from '../../../shared/model';
import { periodContaining } from '../../../shared/dates';
import { attentionOf, excessValueMinor } from '../../../shared/dashboard/attention';
import type { Attention, ImportedReport } from '../../../shared/dashboard/attention';
import { planDue } from '../../../shared/counts';
import type { AnalysisRow } from '../../../shared/analysis';
import { db } from '../../db';
import { requestPlan } from '../../db/planClient';
import type { PlanResult } from '../../db/planning';
import { useLedgerState, usePlanInputsKeys, usePurchaseOrders, useShipments } from '../../app/hooks';
import { localDate } from '../../app/clock';
import { useAnalysis } from '../analysis/useAnalysis';

export interface TodayView {
  attention: Attention;
  /** False until the plan of the current inputs is in (its lists show as loading until then). */
  planReady: boolean;
  /** This month's analysis rows that are over- or understocked; null until the analysis is in. */
  overstock: AnalysisRow[] | null;
  understock: AnalysisRow[] | null;
}

/** The count plans with their next due date, from the counts posted against them. */
function useCountPlansDue(today: IsoDate) {
  return useLiveQuery(async () => {
    const [plans, counts] = await Promise.all([db.countPlans.toArray(), db.counts.where('status').equals('posted').toArray()]);
    return plans.map((plan) => ({ id: plan.id, name: plan.name, locationId: plan.locationId, due: planDue(plan, counts, today).due }));
  }, [today]);
}

/** Imported files: their report kind, the days they hold and cover (the demo is no import). */
function useImportedFiles() {
  return useLiveQuery(async () => {
    const batches = await db.batches.toArray();
    return batches.flatMap((b): ImportedReport[] =>
      b.kind === 'import' && b.file ? [{ reportKind: b.file.reportKind, lastDate: b.lastDate, ...(b.file.periodEnd !== undefined ? { periodEnd: b.file.periodEnd } : {}), importedOn: localDate(new Date(b.createdAt)) }] : [],
    );
  }, []);
}

export function useToday(today: IsoDate): { view: TodayView | undefined; error: unknown } {
  const shipments = useShipments();
  const purchaseOrders = usePurchaseOrders();
  const countPlans = useCountPlansDue(today);
  const imports = useImportedFiles();
  const state = useLedgerState();
  // Both keys in one live query: the plan's, and the analysis' (the plan's inputs without ABC), sent
  // with the plan so the worker keeps the figures the analysis reads of it under that key.
  const keys = usePlanInputsKeys();
  const planInputsKey = keys?.plan;
  const analysisKey = keys?.analysis;
  const [plan, setPlan] = useState<{ key: string; result: PlanResult } | null>(null);
  const [failed, setFailed] = useState<{ key: string; error: unknown } | null>(null);

  const planKey = state !== undefined && planInputsKey !== undefined && analysisKey !== undefined ? `${today}@${state.version}@${planInputsKey}@${analysisKey}` : null;

  useEffect(() => {
    if (planKey === null) return;
    let live = true;
    requestPlan({ today, ...(analysisKey !== undefined ? { analysisKey } : {}), ...(planInputsKey !== undefined ? { planInputsKey } : {}) }).then(
      (result) => live && setPlan({ key: planKey, result }),
      (error: unknown) => live && setFailed({ key: planKey, error }),
    );
    return () => {
      live = false;
    };
  }, [planKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // This month's analysis as the Analysis screen fetches it, asked for once the plan of the current
  // inputs is in (or failed): the worker then takes its figures from that plan rather than running
  // it a second time (runPlan's kept plan).
  const planSettled = planKey !== null && (plan?.key === planKey || failed?.key === planKey);
  const analysis = useAnalysis(planSettled ? periodContaining('month', today) : null, today, analysisKey);

  const currentPlan = plan !== null && plan.key === planKey ? plan.result.plan : null;
  const currentRows = analysis.view?.rows ?? null;
  const view = useMemo((): TodayView | undefined => {
    if (shipments === undefined || purchaseOrders === undefined || countPlans === undefined || imports === undefined) return undefined;
    const attention = attentionOf({ today, shipments, purchaseOrders, plan: currentPlan, countPlans, imports });
    // The most money tied up above the target first: what clearing frees the most cash for.
    const overstock = currentRows ? currentRows.filter((r) => r.status === 'overstock').sort((a, b) => excessValueMinor(b) - excessValueMinor(a) || a.skuId - b.skuId) : null;
    // Fewest days of cover first: the SKUs nearest an empty shelf.
    const understock = currentRows ? currentRows.filter((r) => r.status === 'understock').sort((a, b) => (a.coverDays ?? 0) - (b.coverDays ?? 0) || a.skuId - b.skuId) : null;
    return { attention, planReady: currentPlan !== null, overstock, understock };
  }, [today, shipments, purchaseOrders, countPlans, imports, currentPlan, currentRows]);
  const error = failed !== null && failed.key === planKey ? failed.error : analysis.error;
  return { view, error };
}

/** Delayed shipments and late purchase orders, for the navigation's badge (PRODUCT §3: a delay raises an alert on every screen). */
export function useLateCount(today: IsoDate): number {
  return (
    useLiveQuery(async () => {
      const [shipments, purchaseOrders] = await Promise.all([db.shipments.where('status').anyOf('in_transit', 'partially_received').toArray(), db.purchaseOrders.where('status').anyOf('sent', 'partially_received').toArray()]);
      const { delayedShipments, latePurchaseOrders } = attentionOf({ today, shipments, purchaseOrders, plan: null, countPlans: [], imports: [] });
      return delayedShipments.length + latePurchaseOrders.length;
    }, [today]) ?? 0
  );
}
