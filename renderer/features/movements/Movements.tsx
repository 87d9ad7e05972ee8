import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Movement, Shipment } from '../../../shared/model';
import { shipmentRef } from '../../../shared/ledger/postings';
import { db, isReversible, receiveTransfer, reverseMovement } from '../../db';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { useById, useLocations, useSettings, useSkus } from '../../app/hooks';
import { today } from '../../app/clock';
import { formatQty } from '../../app/format';
import { useT } from '../../i18n';
import { AdjustmentForm, ReceiptForm, SaleOrReturnForm, TransferForm } from './MovementForms';
import { Tabs } from '../../components/Tabs';

type Tab = 'receipt' | 'sale' | 'customerReturn' | 'vendorReturn' | 'adjustment' | 'transfer';
const TABS: Tab[] = ['receipt', 'sale', 'customerReturn', 'vendorReturn', 'adjustment', 'transfer'];

export function Movements() {
  const { t, language, describe } = useT();
  const skus = useSkus();
  const locations = useLocations();
  const settings = useSettings();
  const skuById = useById(skus);
  const locationById = useById(locations);
  const [tab, setTab] = useState<Tab>('receipt');
  const [status, setStatus] = useState<Status>(null);
  const [receiveDates, setReceiveDates] = useState<Record<number, string>>({});
  const open = useLiveQuery(() => db.shipments.where('status').equals('in_transit').toArray(), []);
  const movements = useLiveQuery(() => db.movements.reverse().toArray(), []);

  if (!skus || !locations) return <p>{t('common.loading')}</p>;

  const receive = async (shipment: Shipment) => {
    try {
      await receiveTransfer(db, shipment.id, receiveDates[shipment.id] ?? today());
      setStatus({ kind: 'ok', text: t('movements.received', { ref: shipmentRef(shipment.id) }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const reversedIds = new Set((movements ?? []).flatMap((m) => (m.reversesId !== undefined ? [m.reversesId] : [])));
  const reverse = async (movement: Movement) => {
    const sku = skuById.get(movement.skuId)?.code ?? '?';
    if (!window.confirm(t('movements.reverseConfirm', { id: movement.id, qty: movement.qty, sku }))) return;
    try {
      await reverseMovement(db, movement.id, today());
      setStatus({ kind: 'ok', text: t('movements.reversed', { id: movement.id }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const noteText = (m: Movement) => [m.reason ? t(`reason.${m.reason}`) : '', m.reversesId !== undefined ? t('movements.reversal', { id: m.reversesId }) : '', m.note ?? ''].filter(Boolean).join(' · ');
  const columns: Column<Movement>[] = [
    { id: 'id', header: '#', width: '4rem', align: 'end', cell: (m) => m.id, sortValue: (m) => m.id, csv: (m) => m.id },
    { id: 'date', header: t('field.date'), width: '7rem', cell: (m) => m.date, sortValue: (m) => m.date, csv: (m) => m.date },
    { id: 'type', header: t('field.type'), width: '9rem', cell: (m) => t(`type.${m.type}`), sortValue: (m) => m.type, csv: (m) => t(`type.${m.type}`) },
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem,1fr)', cell: (m) => skuById.get(m.skuId)?.code ?? '?', sortValue: (m) => skuById.get(m.skuId)?.code ?? '', csv: (m) => skuById.get(m.skuId)?.code ?? '' },
    { id: 'location', header: t('field.location'), width: 'minmax(8rem,1fr)', cell: (m) => locationById.get(m.locationId)?.name ?? '?', csv: (m) => locationById.get(m.locationId)?.name ?? '' },
    { id: 'qty', header: t('field.qty'), width: '6rem', align: 'end', cell: (m) => formatQty(m.qty, language), sortValue: (m) => m.qty, csv: (m) => m.qty },
    { id: 'ref', header: 'Ref', width: '7rem', cell: (m) => m.ref ?? '', csv: (m) => m.ref ?? '', csvHeader: t('ledger.ref') },
    {
      id: 'note',
      header: t('field.note'),
      width: 'minmax(8rem,1fr)',
      cell: noteText,
      csv: noteText,
    },
    {
      id: 'actions',
      header: t('common.actions'),
      width: '7rem',
      cell: (m) =>
        isReversible(m) && !reversedIds.has(m.id) ? (
          <button type="button" className="btn btn--small" onClick={() => void reverse(m)} aria-label={`${t('movements.reverse')} #${m.id}`}>
            {t('movements.reverse')}
          </button>
        ) : null,
    },
  ];

  const formProps = { skus, locations, baseCurrency: settings.baseCurrency };
  return (
    <section aria-labelledby="movements-title">
      <h1 id="movements-title">{t('movements.title')}</h1>
      <Tabs label={t('movements.title')} names={TABS} selected={tab} onSelect={setTab} text={(name) => t(`movements.${name}`)} idPrefix="movements" />
      <div role="tabpanel" id={`movements-panel-${tab}`} aria-labelledby={`movements-tab-${tab}`}>
        {tab === 'receipt' ? (
          <ReceiptForm {...formProps} />
        ) : tab === 'sale' ? (
          <SaleOrReturnForm key="sale" type="sale" {...formProps} />
        ) : tab === 'customerReturn' ? (
          <SaleOrReturnForm key="customer_return" type="customer_return" {...formProps} />
        ) : tab === 'vendorReturn' ? (
          <SaleOrReturnForm key="vendor_return" type="vendor_return" {...formProps} />
        ) : tab === 'adjustment' ? (
          <AdjustmentForm {...formProps} />
        ) : (
          <TransferForm {...formProps} />
        )}
      </div>

      <h2>{t('movements.openShipments')}</h2>
      <StatusLine status={status} />
      {open && open.length > 0 ? (
        <ul className="panel" data-testid="open-shipments">
          {open.map((s) => (
            <li key={s.id} data-testid="open-shipment" data-ref={shipmentRef(s.id)}>
              <strong>{shipmentRef(s.id)}</strong> {locationById.get(s.fromLocationId)?.name} → {locationById.get(s.toLocationId)?.name} · {s.shipDate} ·{' '}
              {s.lines.map((l) => `${skuById.get(l.skuId)?.code ?? '?'} × ${l.qty}`).join(', ')}{' '}
              <label>
                {t('field.receivedDate')}{' '}
                <input type="date" value={receiveDates[s.id] ?? today()} onChange={(e) => setReceiveDates({ ...receiveDates, [s.id]: e.target.value })} />
              </label>{' '}
              <button type="button" className="btn btn--primary btn--small" onClick={() => void receive(s)}>
                {t('movements.receive')} {shipmentRef(s.id)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('movements.noOpenShipments')}</p>
      )}

      <h2>{t('movements.ledger')}</h2>
      <DataTable label={t('movements.ledger')} testId="ledger" rows={movements ?? []} columns={columns} rowKey={(m) => m.id} emptyText={t('common.none')} height="40vh" csv={{ fileStem: 'movements', onError: (error) => setStatus({ kind: 'error', text: describe(error) }) }} />
    </section>
  );
}
