// Shipments and what is in transit: every shipment with its route, mode and ETA, flagged delayed
// once past its ETA and not received; receiving in parts, closing with discrepancies, landed cost
// per unit, and the packing list.
import { useMemo, useState } from 'react';
import type { Shipment } from '../../../shared/model';
import { shipmentRef } from '../../../shared/ledger/postings';
import { delayDays, inTransitBySku } from '../../../shared/purchasing/shipments';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { useById, useLocations, useShipments, useSkus } from '../../app/hooks';
import { today } from '../../app/clock';
import { useT } from '../../i18n';
import { ShipmentForm } from './ShipmentForm';
import { ShipmentDetail } from './ShipmentDetail';
import { LeadTimesPanel } from './LeadTimesPanel';

interface TransitRow {
  key: string;
  skuId: number;
  toLocationId: number;
  units: number;
  eta: string;
  delayedDays: number;
  refs: string[];
}

export function Shipments() {
  const { t, language } = useT();
  const shipments = useShipments();
  const skus = useById(useSkus());
  const locations = useById(useLocations());
  const [creating, setCreating] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const now = today();
  const selected = shipments?.find((s) => s.id === selectedId) ?? null;

  // What is on the water or in the air, per SKU and destination, with the earliest ETA.
  const transit = useMemo(() => {
    const rows = new Map<string, TransitRow>();
    for (const s of shipments ?? []) {
      if (s.status === 'received') continue;
      for (const [skuId, units] of inTransitBySku(s)) {
        if (units <= 0) continue;
        const key = `${skuId}|${s.toLocationId}`;
        const row = rows.get(key) ?? { key, skuId, toLocationId: s.toLocationId, units: 0, eta: '', delayedDays: 0, refs: [] };
        row.units += units;
        if (s.eta && (row.eta === '' || s.eta < row.eta)) row.eta = s.eta;
        row.delayedDays = Math.max(row.delayedDays, delayDays(s, now));
        row.refs.push(shipmentRef(s.id));
        rows.set(key, row);
      }
    }
    return [...rows.values()];
  }, [shipments, now]);

  const delayed = (days: number) => (days <= 0 ? '' : days === 1 ? t('shipments.delayedOne') : t('shipments.delayed', { days }));
  const route = (s: Shipment) => `${locations.get(s.fromLocationId)?.name ?? ''} → ${locations.get(s.toLocationId)?.name ?? ''}`;
  const units = (s: Shipment) => s.lines.reduce((sum, l) => sum + l.qty, 0);
  // Days late as a number in the file; blank when on time.
  const delayCsv = { csvHeader: t('shipments.delayDays') };
  const columns: Column<Shipment>[] = [
    { id: 'ref', header: t('shipments.ref'), width: '7rem', cell: (s) => shipmentRef(s.id), sortValue: (s) => s.id, csv: (s) => shipmentRef(s.id) },
    { id: 'route', header: t('shipments.route'), width: 'minmax(12rem, 2fr)', cell: route, csv: route },
    { id: 'mode', header: t('shipments.mode'), width: '6rem', cell: (s) => (s.mode ? t(`shipments.mode.${s.mode}`) : ''), csv: (s) => (s.mode ? t(`shipments.mode.${s.mode}`) : '') },
    { id: 'shipDate', header: t('field.shipDate'), width: '7.5rem', cell: (s) => s.shipDate, sortValue: (s) => s.shipDate, csv: (s) => s.shipDate },
    { id: 'eta', header: t('shipments.eta'), width: '7.5rem', cell: (s) => s.eta ?? '', sortValue: (s) => s.eta ?? '', csv: (s) => s.eta ?? '' },
    { id: 'status', header: t('po.status'), width: '10rem', cell: (s) => t(`shipments.status.${s.status}`), sortValue: (s) => s.status, csv: (s) => t(`shipments.status.${s.status}`) },
    { id: 'delay', header: t('shipments.delay'), width: '9rem', cell: (s) => <span className={delayDays(s, now) > 0 ? 'status--error' : ''}>{delayed(delayDays(s, now))}</span>, sortValue: (s) => delayDays(s, now), csv: (s) => (delayDays(s, now) > 0 ? delayDays(s, now) : null), ...delayCsv },
    { id: 'units', header: t('field.qty'), width: '6rem', align: 'end', cell: (s) => units(s).toLocaleString(language), csv: units },
  ];
  const transitColumns: Column<TransitRow>[] = [
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem, 1fr)', cell: (r) => skus.get(r.skuId)?.code ?? '', sortValue: (r) => skus.get(r.skuId)?.codeKey ?? '', csv: (r) => skus.get(r.skuId)?.code ?? '' },
    { id: 'to', header: t('field.to'), width: 'minmax(8rem, 1fr)', cell: (r) => locations.get(r.toLocationId)?.name ?? '', sortValue: (r) => locations.get(r.toLocationId)?.name ?? '', csv: (r) => locations.get(r.toLocationId)?.name ?? '' },
    { id: 'units', header: t('shipments.inTransitUnits'), width: '8rem', align: 'end', cell: (r) => r.units.toLocaleString(language), sortValue: (r) => r.units, csv: (r) => r.units },
    { id: 'eta', header: t('shipments.eta'), width: '8rem', cell: (r) => r.eta, sortValue: (r) => r.eta, csv: (r) => r.eta },
    { id: 'delay', header: t('shipments.delay'), width: '9rem', cell: (r) => <span className={r.delayedDays > 0 ? 'status--error' : ''}>{delayed(r.delayedDays)}</span>, sortValue: (r) => r.delayedDays, csv: (r) => (r.delayedDays > 0 ? r.delayedDays : null), ...delayCsv },
    { id: 'refs', header: t('shipments.ref'), width: 'minmax(8rem, 1fr)', cell: (r) => r.refs.join(', '), csv: (r) => r.refs.join(', ') },
  ];

  return (
    <section aria-labelledby="shipments-title">
      <h1 id="shipments-title">{t('shipments.title')}</h1>
      <div className="toolbar">
        <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
          {t('shipments.new')}
        </button>
      </div>
      {creating ? (
        <ShipmentForm
          onDone={(id) => {
            setCreating(false);
            setSelectedId(id);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      <h2>{t('shipments.inTransit')}</h2>
      <DataTable label={t('shipments.inTransit')} testId="in-transit" rows={transit} columns={transitColumns} rowKey={(r) => r.key} emptyText={t('shipments.nothingInTransit')} height="25vh" csv={{ fileStem: 'in-transit' }} />
      <h2>{t('shipments.all')}</h2>
      <DataTable label={t('shipments.all')} testId="shipments" rows={shipments ?? []} columns={columns} rowKey={(s) => s.id} onActivate={(s) => setSelectedId(s.id)} emptyText={t('shipments.none')} height="30vh" csv={{ fileStem: 'shipments' }} />
      {selected ? <ShipmentDetail key={selected.id} shipment={selected} /> : null}
      <LeadTimesPanel />
    </section>
  );
}
