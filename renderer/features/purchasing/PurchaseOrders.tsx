// Purchase orders: draft → sent → partially received → received (or cancelled). Receiving posts
// receipts into the warehouse at the PO's cost in the base currency; a PO prints for the supplier.
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Language, PurchaseOrder, PurchaseOrderLine } from '../../../shared/model';
import { formatMoney, minorToAmountNumber } from '../../../shared/money';
import { openQty, poTotalMinor, receivedQty } from '../../../shared/purchasing/purchaseOrders';
import { convertMinor } from '../../../shared/purchasing/exchangeRates';
import { db } from '../../db';
import { cancelPurchaseOrder, closePurchaseOrderShort, receivePurchaseOrder, sendPurchaseOrder } from '../../db/purchasing';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { CsvColumn } from '../../components/tableCsv';
import { Field, StatusLine, wholeUnits } from '../../components/Form';
import type { Status } from '../../components/Form';
import { PrintPreview } from '../../components/print/PrintPreview';
import { useById, useLocations, usePurchaseOrders, useSettings, useSkus, useSuppliers } from '../../app/hooks';
import { today } from '../../app/clock';
import { useT } from '../../i18n';
import { PurchaseOrderForm } from './PurchaseOrderForm';
import { PurchaseOrderDocument } from './PurchaseOrderDocument';

export function PurchaseOrders() {
  const { t, language, describe } = useT();
  const orders = usePurchaseOrders();
  const [status, setStatus] = useState<Status>(null);
  const suppliers = useById(useSuppliers());
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [form, setForm] = useState<'new' | number | null>(null);
  const selected = orders?.find((po) => po.id === selectedId) ?? null;

  const columns: Column<PurchaseOrder>[] = [
    { id: 'number', header: t('po.number'), width: '9rem', cell: (po) => po.number, sortValue: (po) => po.number, csv: (po) => po.number },
    { id: 'supplier', header: t('po.supplier'), width: 'minmax(10rem, 2fr)', cell: (po) => suppliers.get(po.supplierId)?.name ?? '', sortValue: (po) => suppliers.get(po.supplierId)?.name ?? '', csv: (po) => suppliers.get(po.supplierId)?.name ?? '' },
    { id: 'status', header: t('po.status'), width: '10rem', cell: (po) => t(`po.status.${po.status}`), sortValue: (po) => po.status, csv: (po) => t(`po.status.${po.status}`) },
    { id: 'orderDate', header: t('po.orderDate'), width: '8rem', cell: (po) => po.orderDate, sortValue: (po) => po.orderDate, csv: (po) => po.orderDate },
    { id: 'expectedDate', header: t('po.expectedDate'), width: '8rem', cell: (po) => po.expectedDate, sortValue: (po) => po.expectedDate, csv: (po) => po.expectedDate },
    {
      id: 'units',
      header: t('po.receivedOfOrdered'),
      width: '9rem',
      align: 'end',
      cell: (po) => `${po.lines.reduce((s, l) => s + receivedQty(po, l.lineId), 0).toLocaleString(language)} / ${po.lines.reduce((s, l) => s + l.qty, 0).toLocaleString(language)}`,
      // Two numbers in the file, not "3 / 10" as text.
      csv: (po) => po.lines.reduce((s, l) => s + receivedQty(po, l.lineId), 0),
      csvHeader: t('po.received'),
      csvMore: [{ header: t('po.ordered'), value: (po) => po.lines.reduce((s, l) => s + l.qty, 0) }],
    },
    { id: 'total', header: t('po.total'), width: '9rem', align: 'end', cell: (po) => formatMoney(poTotalMinor(po), po.currency, language),
      sortValue: (po) => poTotalMinor(po),
      // In the PO's own currency, as shown (a base-currency figure would need a rate the table does not show).
      csv: (po) => minorToAmountNumber(poTotalMinor(po), po.currency),
      csvMore: [{ header: t('field.currency'), value: (po) => po.currency }],
    },
  ];

  return (
    <section aria-labelledby="po-title">
      <h1 id="po-title">{t('po.title')}</h1>
      <div className="toolbar">
        <button type="button" className="btn btn--primary" onClick={() => setForm('new')}>
          {t('po.new')}
        </button>
      </div>
      {form !== null ? (
        <PurchaseOrderForm
          key={String(form)}
          editing={form === 'new' ? null : (orders?.find((po) => po.id === form) ?? null)}
          onDone={(id) => {
            setForm(null);
            setSelectedId(id);
          }}
          onCancel={() => setForm(null)}
        />
      ) : null}
      <StatusLine status={status} />
      <DataTable
        label={t('po.title')}
        testId="pos"
        rows={orders ?? []}
        columns={columns}
        rowKey={(po) => po.id}
        onActivate={(po) => setSelectedId(po.id)}
        emptyText={t('po.none')}
        height="35vh"
        csv={{ fileStem: 'purchase-orders', onError: (error) => setStatus({ kind: 'error', text: describe(error) }) }}
      />
      {selected ? <PurchaseOrderDetail key={selected.id} po={selected} onEdit={() => setForm(selected.id)} /> : null}
    </section>
  );
}

function PurchaseOrderDetail({ po, onEdit }: { po: PurchaseOrder; onEdit: () => void }) {
  const { t, language, describe } = useT();
  const skus = useById(useSkus());
  const suppliers = useById(useSuppliers());
  const locations = useById(useLocations());
  const [status, setStatus] = useState<Status>(null);
  const [receiving, setReceiving] = useState(false);
  const [printing, setPrinting] = useState<Language | null>(null);
  const { baseCurrency } = useSettings();
  // What a unit entered stock at, in the base currency, at the rate of the latest receipt.
  const lastRate = po.receipts[po.receipts.length - 1]?.exchangeRate;
  // The lines as shown: quantities as numbers, the price in the PO's currency (named beside it) and,
  // once received, in the base currency.
  const lineCsv: CsvColumn<PurchaseOrderLine>[] = [
    { header: t('field.sku'), value: (line) => skus.get(line.skuId)?.code ?? '' },
    { header: t('field.qty'), value: (line) => line.qty },
    { header: t('po.received'), value: (line) => receivedQty(po, line.lineId) },
    { header: t('po.open'), value: (line) => openQty(po, line.lineId) },
    { header: t('po.unitPrice'), value: (line) => minorToAmountNumber(line.unitCostMinor, po.currency) },
    { header: t('field.currency'), value: () => po.currency },
    ...(lastRate !== undefined
      ? [{ header: t('po.receivedAtBase', { currency: baseCurrency }), value: (line: PurchaseOrderLine) => minorToAmountNumber(convertMinor(line.unitCostMinor, po.currency, lastRate, baseCurrency), baseCurrency) }]
      : []),
  ];

  const run = async (action: () => Promise<void>, ok: string) => {
    try {
      await action();
      setStatus({ kind: 'ok', text: ok });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <article className="panel" aria-label={po.number} data-testid="po-detail">
      <h2>
        {po.number} · {suppliers.get(po.supplierId)?.name ?? ''} · <span data-testid="po-status">{t(`po.status.${po.status}`)}</span>
      </h2>
      <div className="toolbar">
        <ExportCsvButton fileStem={`po-lines-${po.number}`} onError={(error) => setStatus({ kind: 'error', text: describe(error) })} tableLabel={t('po.lines')} columns={lineCsv} rows={() => po.lines} testId="po-lines-export" />
      </div>
      <table className="data-table--plain" aria-label={t('po.lines')} data-testid="po-lines">
        <thead>
          <tr>
            <th scope="col">{t('field.sku')}</th>
            <th scope="col">{t('field.qty')}</th>
            <th scope="col">{t('po.received')}</th>
            <th scope="col">{t('po.open')}</th>
            <th scope="col">{t('po.unitPrice')}</th>
            {lastRate !== undefined ? <th scope="col">{t('po.receivedAtBase', { currency: baseCurrency })}</th> : null}
          </tr>
        </thead>
        <tbody>
          {po.lines.map((line) => (
            <tr key={line.lineId} data-sku={skus.get(line.skuId)?.code}>
              <td>{skus.get(line.skuId)?.code}</td>
              <td className="num">{line.qty.toLocaleString(language)}</td>
              <td className="num" data-testid="po-line-received">
                {receivedQty(po, line.lineId).toLocaleString(language)}
              </td>
              <td className="num">{openQty(po, line.lineId).toLocaleString(language)}</td>
              <td className="num">{formatMoney(line.unitCostMinor, po.currency, language)}</td>
              {lastRate !== undefined ? (
                <td className="num" data-testid="po-line-base-cost">
                  {formatMoney(convertMinor(line.unitCostMinor, po.currency, lastRate, baseCurrency), baseCurrency, language)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {po.receipts.length > 0 ? (
        <ul data-testid="po-receipts">
          {po.receipts.map((r, i) => (
            <li key={i}>
              {t('po.receiptLine', { date: r.date, units: r.lines.reduce((s, l) => s + l.qty, 0), rate: r.exchangeRate })}
            </li>
          ))}
        </ul>
      ) : null}
      {po.closedShort && po.closedShort.length > 0 ? <p data-testid="po-short">{t('po.closedShort', { units: po.closedShort.reduce((s, l) => s + l.qty, 0) })}</p> : null}
      <StatusLine status={status} />
      <div className="toolbar">
        {po.status === 'draft' ? (
          <>
            <button type="button" className="btn" onClick={onEdit}>
              {t('common.edit')}
            </button>
            <button type="button" className="btn btn--primary" onClick={() => void run(() => sendPurchaseOrder(db, po.id), t('po.sent', { number: po.number }))}>
              {t('po.send')}
            </button>
          </>
        ) : null}
        {po.status === 'sent' || po.status === 'partially_received' ? (
          <button type="button" className="btn btn--primary" onClick={() => setReceiving(true)}>
            {t('po.receive')}
          </button>
        ) : null}
        {po.status === 'partially_received' ? (
          <button type="button" className="btn" onClick={() => void run(() => closePurchaseOrderShort(db, po.id, today()), t('po.closedShortDone', { number: po.number }))}>
            {t('po.closeShort')}
          </button>
        ) : null}
        {po.status === 'draft' || po.status === 'sent' ? (
          <button type="button" className="btn" onClick={() => window.confirm(t('po.cancelConfirm', { number: po.number })) && void run(() => cancelPurchaseOrder(db, po.id), t('po.cancelled', { number: po.number }))}>
            {t('po.cancel')}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => setPrinting('en')}>
          {t('po.printEnglish')}
        </button>
        <button type="button" className="btn" onClick={() => setPrinting('zh-CN')}>
          {t('po.printChinese')}
        </button>
      </div>
      {receiving ? (
        <ReceiveForm
          po={po}
          onDone={(text) => {
            setReceiving(false);
            setStatus({ kind: 'ok', text });
          }}
          onCancel={() => setReceiving(false)}
        />
      ) : null}
      {printing ? (
        <PrintPreview title={po.number} fileName={`${po.number}.pdf`} language={printing} onClose={() => setPrinting(null)}>
          <PurchaseOrderDocument po={po} supplier={suppliers.get(po.supplierId)} skus={skus} language={printing} shipTo={locations.get(po.locationId)?.name ?? ''} />
        </PrintPreview>
      ) : null}
    </article>
  );
}

function ReceiveForm({ po, onDone, onCancel }: { po: PurchaseOrder; onDone: (text: string) => void; onCancel: () => void }) {
  const { t, describe } = useT();
  const skus = useById(useSkus());
  const [date, setDate] = useState(today());
  const [qty, setQty] = useState<Record<number, string>>(() => Object.fromEntries(po.lines.map((l) => [l.lineId, String(openQty(po, l.lineId))])));
  const [allowOver, setAllowOver] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const total = useMemo(() => Object.values(qty).reduce((s, q) => s + (Number(q) || 0), 0), [qty]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const lines = po.lines.map((l) => {
        const text = qty[l.lineId] ?? '';
        const n = wholeUnits(text);
        if (n === null) throw new Error(t('po.badReceiptQty', { sku: skus.get(l.skuId)?.code ?? '', value: text }));
        return { lineId: l.lineId, qty: n };
      });
      await receivePurchaseOrder(db, po.id, { date, lines }, allowOver);
      onDone(t('po.receivedDone', { units: total, number: po.number }));
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error && !('code' in error) ? error.message : describe(error) });
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={t('po.receive')} data-testid="po-receive">
      <div className="form-grid">
        <Field label={t('po.receivedOn')}>{(id) => <input id={id} name="receiptDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
        {po.lines.map((l) => (
          <Field key={l.lineId} label={`${skus.get(l.skuId)?.code ?? ''} (${t('po.open')} ${openQty(po, l.lineId)})`}>
            {(id) => <input id={id} name={`receive-${skus.get(l.skuId)?.code ?? l.lineId}`} inputMode="numeric" value={qty[l.lineId] ?? ''} onChange={(e) => setQty({ ...qty, [l.lineId]: e.target.value })} />}
          </Field>
        ))}
        <label className="checkbox">
          <input type="checkbox" name="allowOver" checked={allowOver} onChange={(e) => setAllowOver(e.target.checked)} /> {t('po.allowOver')}
        </label>
      </div>
      <StatusLine status={status} />
      <div className="toolbar">
        <button type="submit" className="btn btn--primary">
          {t('po.receiveUnits', { units: total })}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
