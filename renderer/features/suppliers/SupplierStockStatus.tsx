// The stock status sheet for one supplier (VMI): their SKUs with stock by kind of location, in
// transit, units sold in the last 30 days and units still on order. Printable and as CSV.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Supplier } from '../../../shared/model';
import { supplierStockStatus } from '../../../shared/purchasing/supplierStatus';
import { toCsv } from '../../../shared/csv';
import { addDays } from '../../../shared/dates';
import { db } from '../../db';
import { callLedger } from '../../db/ledgerClient';
import { desktop } from '../../desktop';
import { useLedgerState, useLocations, usePurchaseOrders, useShipments, useSkus } from '../../app/hooks';
import { useStockBalances } from '../../app/useStockBalances';
import { today } from '../../app/clock';
import { PrintHeader, PrintPreview, PrintTable } from '../../components/print/PrintPreview';
import { useT } from '../../i18n';

const RECENT_DAYS = 30;

export function SupplierStockStatus({ supplier, onClose }: { supplier: Supplier; onClose: () => void }) {
  const { t, language } = useT();
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
  const rows = useMemo(() => {
    // The supplier's SKUs: those set to be bought from it, and those on its purchase orders.
    const ids = new Set<number>([...(sourcing ?? []), ...supplierOrders.flatMap((po) => po.lines.map((l) => l.skuId))]);
    return supplierStockStatus({
      skus: (skus ?? []).filter((s) => ids.has(s.id)),
      balances: balances ?? [],
      locationKind: new Map((locations ?? []).map((l) => [l.id, l.kind])),
      shipments: shipments ?? [],
      soldUnits: sold ?? new Map(),
      purchaseOrders: supplierOrders,
    });
  }, [sourcing, supplierOrders, skus, balances, locations, shipments, sold]);

  const header = [t('field.sku'), t('field.name'), t('vmi.domestic'), t('vmi.overseas'), t('vmi.fba'), t('vmi.inTransit'), t('vmi.sold', { days: RECENT_DAYS }), t('vmi.onOrder')];
  const cells = rows.map((r) => [r.code, r.name, r.domesticUnits, r.overseasUnits, r.fbaUnits, r.inTransitUnits, r.soldUnits, r.onOrderUnits]);
  const fileName = `stock-status-${supplier.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-${asOf}`;
  const exportCsv = async () => {
    await desktop.saveFile({ suggestedName: `${fileName}.csv`, contents: toCsv(header, cells), filters: [{ name: 'CSV', extensions: ['csv'] }] });
  };

  return (
    <PrintPreview title={t('vmi.title', { supplier: supplier.name })} fileName={`${fileName}.pdf`} onClose={onClose} actions={
      <button type="button" className="btn" onClick={() => void exportCsv()} disabled={sold === null}>
        {t('common.exportCsv')}
      </button>
    }>
      <PrintHeader title={t('vmi.title', { supplier: supplier.name })} meta={[[t('vmi.asOf'), asOf], [t('suppliers.contact'), supplier.contact]]} />
      <PrintTable
        testId="vmi"
        columnIds={['sku', 'name', 'domestic', 'overseas', 'fba', 'inTransit', 'sold', 'onOrder']}
        header={header}
        align={['start', 'start', 'end', 'end', 'end', 'end', 'end', 'end']}
        rows={cells.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString(language) : cell)))}
      />
    </PrintPreview>
  );
}
