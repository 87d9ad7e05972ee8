// The stock status sheet for one supplier (VMI): their SKUs with stock by kind of location, in
// transit, units sold in the last 30 days, units still on order, and the replenishment plan's
// 30-day forecast and suggested order (the very plan the Plan screen shows, run in the ledger
// worker). Printable and as CSV.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Supplier } from '../../../shared/model';
import { supplierSkuIds, supplierStockStatus } from '../../../shared/purchasing/supplierStatus';
import { FORECAST_SUMMARY_DAYS } from '../../../shared/planning/plan';
import { toCsv } from '../../../shared/csv';
import { addDays } from '../../../shared/dates';
import { db } from '../../db';
import { callLedger } from '../../db/ledgerClient';
import type { SupplierPlanResult } from '../../db/supplierStatus';
import { desktop } from '../../desktop';
import { useLedgerState, useLocations, usePlanInputsKey, usePurchaseOrders, useShipments, useSkus } from '../../app/hooks';
import { useStockBalances } from '../../app/useStockBalances';
import { today } from '../../app/clock';
import { PrintHeader, PrintPreview, PrintTable } from '../../components/print/PrintPreview';
import { useT } from '../../i18n';

const RECENT_DAYS = 30;

export function SupplierStockStatus({ supplier, onClose }: { supplier: Supplier; onClose: () => void }) {
  const { t, language, describe } = useT();
  const asOf = today();
  const skus = useSkus();
  const locations = useLocations();
  const shipments = useShipments();
  const orders = usePurchaseOrders();
  const { balances } = useStockBalances(asOf);
  const state = useLedgerState();
  const sourcing = useLiveQuery(() => db.skuSourcing.where('supplierId').equals(supplier.id).primaryKeys(), [supplier.id]);
  const [sold, setSold] = useState<Map<number, number> | null>(null);

  useEffect(() => {
    let live = true;
    callLedger('query', { filter: { type: 'sale', from: addDays(asOf, -(RECENT_DAYS - 1)), to: asOf } }).then((page) => {
      const units = new Map<number, number>();
      for (let i = 0; i < page.length; i++) units.set(page.skuId[i]!, (units.get(page.skuId[i]!) ?? 0) - page.qty[i]!);
      if (live) setSold(units);
    }, () => live && setSold(new Map()));
    return () => {
      live = false;
    };
  }, [asOf, state?.version]);

  const supplierOrders = useMemo(() => (orders ?? []).filter((po) => po.supplierId === supplier.id), [orders, supplier.id]);
  const skuIds = useMemo(() => supplierSkuIds(supplier.id, sourcing ?? [], supplierOrders), [supplier.id, sourcing, supplierOrders]);

  // The plan reruns on the same triggers as the Plan screen's, and when the supplier's SKUs change.
  const planInputs = usePlanInputsKey();
  const planKey = state === undefined || planInputs === undefined || sourcing === undefined ? null : `${asOf}|${state.version}|${planInputs}|${skuIds.join(',')}`;
  const [plan, setPlan] = useState<{ key: string; result: SupplierPlanResult | null; error: unknown } | null>(null);
  useEffect(() => {
    if (planKey === null) return;
    let live = true;
    callLedger('supplierPlan', { today: asOf, supplierId: supplier.id, skuIds }).then(
      (result) => live && setPlan({ key: planKey, result, error: null }),
      (error: unknown) => live && setPlan({ key: planKey, result: null, error }),
    );
    return () => {
      live = false;
    };
  }, [planKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const planNow = plan?.key === planKey ? plan : null;
  const planFigures = planNow?.result?.figures;

  const rows = useMemo(
    () =>
      supplierStockStatus({
        skus: (skus ?? []).filter((s) => skuIds.includes(s.id)),
        balances: balances ?? [],
        locationKind: new Map((locations ?? []).map((l) => [l.id, l.kind])),
        shipments: shipments ?? [],
        soldUnits: sold ?? new Map(),
        purchaseOrders: supplierOrders,
        ...(planFigures ? { planFigures } : {}),
      }),
    [skuIds, supplierOrders, skus, balances, locations, shipments, sold, planFigures],
  );
  // Why the plan's columns are blank or zero, printed with the sheet so the supplier knows too.
  const planNote =
    skuIds.length === 0
      ? null
      : planNow === null
        ? t('vmi.planning')
        : planNow.error !== null
          ? t('vmi.planFailed', { reason: describe(planNow.error) })
          : [...(planFigures?.values() ?? [])].some((f) => f.hasSalesHistory)
            ? t('vmi.basis')
            : t('vmi.noPlan');

  const header = [
    t('field.sku'),
    t('field.name'),
    t('vmi.domestic'),
    t('vmi.overseas'),
    t('vmi.fba'),
    t('vmi.inTransit'),
    t('vmi.sold', { days: RECENT_DAYS }),
    t('vmi.onOrder'),
    t('vmi.forecast', { days: FORECAST_SUMMARY_DAYS }),
    t('vmi.suggested'),
    t('vmi.orderBy'),
  ];
  const cells = rows.map((r) => [r.code, r.name, r.domesticUnits, r.overseasUnits, r.fbaUnits, r.inTransitUnits, r.soldUnits, r.onOrderUnits, r.forecast30Units, r.suggestedOrderUnits, r.orderBy]);
  // Letters and digits of the name, runs of anything else as one dash, none at either end.
  const fileName = `stock-status-${supplier.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}-${asOf}`;
  const exportCsv = async () => {
    await desktop.saveFile({ suggestedName: `${fileName}.csv`, contents: toCsv(header, cells), filters: [{ name: 'CSV', extensions: ['csv'] }] });
  };

  return (
    <PrintPreview title={t('vmi.title', { supplier: supplier.name })} fileName={`${fileName}.pdf`} onClose={onClose} actions={
      <button type="button" className="btn" onClick={() => void exportCsv()} disabled={sold === null || planNow === null}>
        {t('common.exportCsv')}
      </button>
    }>
      <PrintHeader title={t('vmi.title', { supplier: supplier.name })} meta={[[t('vmi.asOf'), asOf], [t('suppliers.contact'), supplier.contact]]} />
      {planNote === null ? null : (
        <p className="print-note" role="status" data-testid="vmi-plan-note">
          {planNote}
        </p>
      )}
      <PrintTable
        testId="vmi"
        columnIds={['sku', 'name', 'domestic', 'overseas', 'fba', 'inTransit', 'sold', 'onOrder', 'forecast', 'suggested', 'orderBy']}
        header={header}
        align={['start', 'start', 'end', 'end', 'end', 'end', 'end', 'end', 'end', 'end', 'start']}
        // Eleven columns in 186 mm: each number column as wide as its longest heading word at 8 pt, the name takes the rest.
        widths={['20mm', undefined, '18mm', '20mm', '14mm', '13mm', '12mm', '11mm', '16mm', '17mm', '19mm']}
        dense
        empty={t('vmi.noSkus')}
        rows={cells.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString(language) : (cell ?? ''))))}
      />
    </PrintPreview>
  );
}
