// One shipment: its lines with what arrived and the landed cost per unit, receiving a part (or the
// rest, closing it), its discrepancies, and its packing list.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Discrepancy, Shipment, ShipmentLine } from '../../../shared/model';
import { formatMoney, minorToAmountNumber } from '../../../shared/money';
import { shipmentRef } from '../../../shared/ledger/postings';
import { allocateLandedCost } from '../../../shared/purchasing/landedCost';
import { delayDays, inTransitBySku, receivedBySku } from '../../../shared/purchasing/shipments';
import { db } from '../../db';
import { receiveShipment } from '../../db/purchasing';
import { Field, StatusLine, wholeUnits } from '../../components/Form';
import type { Status } from '../../components/Form';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { CsvColumn } from '../../components/tableCsv';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { PrintPreview } from '../../components/print/PrintPreview';
import { useById, useLocations, useSettings, useSkus } from '../../app/hooks';
import { today } from '../../app/clock';
import { useT } from '../../i18n';
import { PackingList } from './PackingList';

/** Landed cost per unit of each line, or null when the shipment has no costs (or no basis for them). */
function landedPerUnit(shipment: Shipment): number[] | null {
  if (!shipment.costs) return null;
  try {
    return allocateLandedCost(shipment.lines, shipment.costs).perUnitMinor;
  } catch {
    return null;
  }
}

export function ShipmentDetail({ shipment }: { shipment: Shipment }) {
  const { t, language, describe } = useT();
  const skus = useById(useSkus());
  const locations = useById(useLocations());
  const { baseCurrency } = useSettings();
  const [status, setStatus] = useState<Status>(null);
  const [receiving, setReceiving] = useState(false);
  const [printing, setPrinting] = useState(false);
  const ref = shipmentRef(shipment.id);
  const received = receivedBySku(shipment);
  const landed = landedPerUnit(shipment);
  const delay = delayDays(shipment, today());
  const onError = (error: unknown) => setStatus({ kind: 'error', text: describe(error) });
  const skuCode = (skuId: number) => skus.get(skuId)?.code ?? '';

  // The lines as shown; the landed cost as an amount in the base currency, blank without costs.
  type LineRow = { line: ShipmentLine; index: number };
  const lineRows: LineRow[] = shipment.lines.map((line, index) => ({ line, index }));
  const lineCsv: CsvColumn<LineRow>[] = [
    { header: t('field.sku'), value: (r) => skuCode(r.line.skuId) },
    { header: t('shipments.shipped'), value: (r) => r.line.qty },
    { header: t('po.received'), value: (r) => received.get(r.line.skuId) ?? 0 },
    { header: t('shipments.cartons'), value: (r) => r.line.cartons },
    { header: t('common.inCurrency', { label: t('shipments.landedPerUnit'), currency: baseCurrency }), value: (r) => (landed ? minorToAmountNumber(landed[r.index]!, baseCurrency) : null) },
  ];
  const discrepancyCsv: CsvColumn<Discrepancy>[] = [
    { header: t('field.date'), value: (d) => d.date },
    { header: t('shipments.discrepancyKind'), value: (d) => t(`shipments.discrepancyKind.${d.kind}`) },
    { header: t('field.sku'), value: (d) => skuCode(d.skuId) },
    { header: t('field.qty'), value: (d) => d.qty },
  ];

  return (
    <article className="panel" aria-label={ref} data-testid="shipment-detail">
      <h2>
        {ref} · {locations.get(shipment.fromLocationId)?.name} → {locations.get(shipment.toLocationId)?.name} · <span data-testid="shipment-status">{t(`shipments.status.${shipment.status}`)}</span>
        {delay > 0 ? (
          <>
            {' '}
            · <span className="status--error" data-testid="shipment-delayed">{delay === 1 ? t('shipments.delayedOne') : t('shipments.delayed', { days: delay })}</span>
          </>
        ) : null}
      </h2>
      <dl className="facts">
        {shipment.mode ? (
          <>
            <dt>{t('shipments.mode')}</dt>
            <dd>{t(`shipments.mode.${shipment.mode}`)}</dd>
          </>
        ) : null}
        {shipment.carrier ? (
          <>
            <dt>{t('shipments.carrier')}</dt>
            <dd>{shipment.carrier}</dd>
          </>
        ) : null}
        {shipment.trackingNumber ? (
          <>
            <dt>{t('shipments.tracking')}</dt>
            <dd>{shipment.trackingNumber}</dd>
          </>
        ) : null}
        {shipment.fbaShipmentId ? (
          <>
            <dt>{t('shipments.fbaShipmentId')}</dt>
            <dd>{shipment.fbaShipmentId}</dd>
          </>
        ) : null}
        <dt>{t('field.shipDate')}</dt>
        <dd>{shipment.shipDate}</dd>
        {shipment.eta ? (
          <>
            <dt>{t('shipments.eta')}</dt>
            <dd>{shipment.eta}</dd>
          </>
        ) : null}
        {shipment.costs ? (
          <>
            <dt>{t('shipments.landedTotal')}</dt>
            <dd>
              {formatMoney(shipment.costs.freightMinor + shipment.costs.dutiesMinor + shipment.costs.feesMinor, baseCurrency, language)} ({t(`shipments.basis.${shipment.costs.basis}`)})
            </dd>
          </>
        ) : null}
      </dl>
      <div className="toolbar">
        <ExportCsvButton fileStem={`shipment-lines-${ref}`} onError={onError} tableLabel={t('shipments.lines')} columns={lineCsv} rows={() => lineRows} testId="shipment-lines-export" />
      </div>
      <table className="data-table--plain" aria-label={t('shipments.lines')} data-testid="shipment-lines">
        <thead>
          <tr>
            <th scope="col">{t('field.sku')}</th>
            <th scope="col">{t('shipments.shipped')}</th>
            <th scope="col">{t('po.received')}</th>
            <th scope="col">{t('shipments.cartons')}</th>
            <th scope="col">{t('shipments.landedPerUnit')}</th>
          </tr>
        </thead>
        <tbody>
          {shipment.lines.map((line, i) => (
            <tr key={i} data-sku={skus.get(line.skuId)?.code}>
              <td>{skus.get(line.skuId)?.code}</td>
              <td className="num">{line.qty.toLocaleString(language)}</td>
              <td className="num">{(received.get(line.skuId) ?? 0).toLocaleString(language)}</td>
              <td className="num">{line.cartons ?? ''}</td>
              <td className="num" data-testid="landed-per-unit">
                {landed ? formatMoney(landed[i]!, baseCurrency, language) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shipment.discrepancies && shipment.discrepancies.length > 0 ? (
        <>
          <h3>{t('shipments.discrepancies')}</h3>
          <div className="toolbar">
            <ExportCsvButton fileStem={`shipment-discrepancies-${ref}`} onError={onError} tableLabel={t('shipments.discrepancies')} columns={discrepancyCsv} rows={() => shipment.discrepancies ?? []} testId="discrepancies-export" />
          </div>
          <ul data-testid="discrepancies">
            {shipment.discrepancies.map((d, i) => (
              <li key={i} data-testid="discrepancy">
                {t(`shipments.discrepancy.${d.kind}`, { sku: skus.get(d.skuId)?.code ?? '', units: d.qty, date: d.date })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <StatusLine status={status} />
      <div className="toolbar">
        {shipment.status !== 'received' ? (
          <button type="button" className="btn btn--primary" onClick={() => setReceiving(true)}>
            {t('shipments.receive')}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => setPrinting(true)}>
          {t('shipments.packingList')}
        </button>
      </div>
      {receiving ? (
        <ReceiveShipmentForm
          shipment={shipment}
          onDone={(text) => {
            setReceiving(false);
            setStatus({ kind: 'ok', text });
          }}
          onCancel={() => setReceiving(false)}
        />
      ) : null}
      {printing ? (
        <PrintPreview title={`${t('shipments.packingList')} ${ref}`} fileName={`packing-list-${ref}.pdf`} onClose={() => setPrinting(false)}>
          <PackingList shipment={shipment} />
        </PrintPreview>
      ) : null}
    </article>
  );
}

function ReceiveShipmentForm({ shipment, onDone, onCancel }: { shipment: Shipment; onDone: (text: string) => void; onCancel: () => void }) {
  const { t, describe } = useT();
  const skuList = useSkus() ?? [];
  const skus = useById(skuList);
  const open = inTransitBySku(shipment);
  const [date, setDate] = useState(today());
  const [qty, setQty] = useState<Record<number, string>>(() => Object.fromEntries([...open].map(([skuId, units]) => [skuId, String(units)])));
  const [extra, setExtra] = useState({ skuCode: '', qty: '' });
  const [allowOver, setAllowOver] = useState(false);
  // A full receipt closes the shipment by itself; closing early (writing off the rest) is a choice.
  const [close, setClose] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const lines: { skuId: number; qty: number }[] = [];
      const wholeNumber = (code: string, text: string): number => {
        const n = wholeUnits(text);
        if (n === null) throw new Error(t('po.badReceiptQty', { sku: code, value: text }));
        return n;
      };
      for (const [skuId] of open) lines.push({ skuId, qty: wholeNumber(skus.get(skuId)?.code ?? '', qty[skuId] ?? '') });
      if (extra.skuCode.trim() !== '' || extra.qty.trim() !== '') {
        const skuId = skuIdForCode(skuList, extra.skuCode);
        if (!skuId) throw new Error(t('shipments.unknownSku', { code: extra.skuCode }));
        lines.push({ skuId, qty: wholeNumber(extra.skuCode, extra.qty) });
      }
      const after = await receiveShipment(db, shipment.id, { date, lines: lines.filter((l) => l.qty > 0) }, { allowOver, close });
      const units = lines.reduce((s, l) => s + l.qty, 0);
      const ref = shipmentRef(shipment.id);
      const count = after.discrepancies?.length ?? 0;
      onDone(
        after.status !== 'received'
          ? t('shipments.receivedPart', { units, ref })
          : count === 0
          ? t('shipments.receivedClosedNone', { units, ref })
          : count === 1
          ? t('shipments.receivedClosedOne', { units, ref })
          : t('shipments.receivedClosed', { units, ref, discrepancies: count }),
      );
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error && !('code' in error) ? error.message : describe(error) });
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={t('shipments.receive')} data-testid="shipment-receive">
      <div className="form-grid">
        <Field label={t('po.receivedOn')}>{(id) => <input id={id} name="receiptDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
        {[...open].map(([skuId, units]) => (
          <Field key={skuId} label={t('shipments.receiveLineLabel', { sku: skus.get(skuId)?.code ?? '', units })}>
            {(id) => <input id={id} name={`receive-${skus.get(skuId)?.code ?? skuId}`} inputMode="numeric" value={qty[skuId] ?? ''} onChange={(e) => setQty({ ...qty, [skuId]: e.target.value })} />}
          </Field>
        ))}
        <Field label={t('shipments.otherSku')}>{(id) => <SkuPicker id={id} name="extraSku" value={extra.skuCode} onChange={(v) => setExtra({ ...extra, skuCode: v })} skus={skuList} />}</Field>
        <Field label={t('field.qty')}>{(id) => <input id={id} name="extraQty" inputMode="numeric" value={extra.qty} onChange={(e) => setExtra({ ...extra, qty: e.target.value })} />}</Field>
        <label className="checkbox">
          <input type="checkbox" name="close" checked={close} onChange={(e) => setClose(e.target.checked)} /> {t('shipments.closeAfter')}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="allowOver" checked={allowOver} onChange={(e) => setAllowOver(e.target.checked)} /> {t('shipments.allowOver')}
        </label>
      </div>
      <StatusLine status={status} />
      <div className="toolbar">
        <button type="submit" className="btn btn--primary">
          {t('shipments.receive')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
