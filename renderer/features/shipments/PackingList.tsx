// The packing list of a shipment: cartons, SKU, FNSKU (as a barcode) and units, for the warehouse
// that packs it and the one that receives it.
import type { Shipment } from '../../../shared/model';
import { useLiveQuery } from 'dexie-react-hooks';
import { shipmentRef } from '../../../shared/ledger/postings';
import { db } from '../../db';
import { useById, useLocations, useSkus } from '../../app/hooks';
import { PrintHeader, PrintTable } from '../../components/print/PrintPreview';
import { Barcode } from '../../components/print/Barcode';
import { useT } from '../../i18n';

export function PackingList({ shipment }: { shipment: Shipment }) {
  const { t, language } = useT();
  const skus = useById(useSkus());
  const locations = useById(useLocations());
  const destination = locations.get(shipment.toLocationId);
  // The FNSKU of each SKU in the destination's marketplace, for FBA shipments.
  const fnskus = useLiveQuery(async () => {
    const map = new Map<number, string>();
    if (!destination?.marketplace) return map;
    for (const l of await db.listings.where('skuId').anyOf(shipment.lines.map((line) => line.skuId)).toArray()) {
      if (l.marketplace === destination.marketplace && l.fnsku && !map.has(l.skuId)) map.set(l.skuId, l.fnsku);
    }
    return map;
  }, [destination?.marketplace, shipment.id]);
  const totalUnits = shipment.lines.reduce((s, l) => s + l.qty, 0);
  const totalCartons = shipment.lines.reduce((s, l) => s + (l.cartons ?? 0), 0);
  return (
    <article data-testid="packing-list">
      <PrintHeader
        title={`${t('shipments.packingList')} ${shipmentRef(shipment.id)}`}
        meta={[
          [t('field.from'), locations.get(shipment.fromLocationId)?.name ?? ''],
          [t('field.to'), destination?.name ?? ''],
          [t('field.shipDate'), shipment.shipDate],
          [t('shipments.eta'), shipment.eta ?? ''],
          [t('shipments.mode'), shipment.mode ? t(`shipments.mode.${shipment.mode}`) : ''],
          [t('shipments.carrier'), shipment.carrier ?? ''],
          [t('shipments.tracking'), shipment.trackingNumber ?? ''],
          [t('shipments.fbaShipmentId'), shipment.fbaShipmentId ?? ''],
        ]}
      />
      <PrintTable
        testId="packing-list-lines"
        header={[t('shipments.cartons'), t('field.casePack'), t('field.sku'), t('field.name'), 'FNSKU', t('field.qty')]}
        align={['end', 'end', 'start', 'start', 'start', 'end']}
        // The FNSKU barcode needs room for 0.3 mm bars, which scanners read reliably.
        widths={['16mm', '18mm', undefined, undefined, '55mm', '18mm']}
        rows={shipment.lines.map((line) => {
          const fnsku = fnskus?.get(line.skuId) ?? '';
          return [
            (line.cartons ?? '').toLocaleString(),
            (line.casePack ?? '').toLocaleString(),
            skus.get(line.skuId)?.code ?? '',
            skus.get(line.skuId)?.name ?? '',
            fnsku ? <Barcode key="b" value={fnsku} height={28} /> : '',
            line.qty.toLocaleString(language),
          ];
        })}
        footer={[totalCartons.toLocaleString(language), '', t('po.total'), '', '', totalUnits.toLocaleString(language)]}
      />
    </article>
  );
}
