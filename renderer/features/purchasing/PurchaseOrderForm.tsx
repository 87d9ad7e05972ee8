// A purchase order draft: supplier, dates, currency, the warehouse it goes to, and its lines.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { PurchaseOrder } from '../../../shared/model';
import { addDays } from '../../../shared/dates';
import { minorToAmountText } from '../../../shared/money';
import { db } from '../../db';
import { savePurchaseOrder } from '../../db/purchasing';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { useLocations, useSkus, useSuppliers } from '../../app/hooks';
import { today } from '../../app/clock';
import { useT } from '../../i18n';

interface LineDraft {
  key: number;
  skuCode: string;
  qty: string;
  unitCost: string;
}

let nextLineKey = 1;

export function PurchaseOrderForm({ editing, onDone, onCancel }: { editing: PurchaseOrder | null; onDone: (id: number) => void; onCancel: () => void }) {
  const { t, describe } = useT();
  const skus = useSkus() ?? [];
  const suppliers = (useSuppliers() ?? []).filter((s) => !s.archived);
  const warehouses = (useLocations() ?? []).filter((l) => !l.archived && (l.kind === 'domestic' || l.kind === '3pl'));
  const codeOf = (skuId: number) => skus.find((s) => s.id === skuId)?.code ?? '';
  const [draft, setDraft] = useState(() => ({
    number: editing?.number ?? '',
    supplierId: editing?.supplierId ?? 0,
    orderDate: editing?.orderDate ?? today(),
    // Blank until a supplier is known: then the order date plus its production days.
    expectedDate: editing?.expectedDate ?? '',
    currency: editing?.currency ?? '',
    locationId: editing?.locationId ?? 0,
    note: editing?.note ?? '',
  }));
  const [lines, setLines] = useState<LineDraft[]>(() =>
    editing ? editing.lines.map((l) => ({ key: nextLineKey++, skuCode: codeOf(l.skuId), qty: String(l.qty), unitCost: minorToAmountText(l.unitCostMinor, editing.currency) })) : [{ key: nextLineKey++, skuCode: '', qty: '', unitCost: '' }],
  );
  const [status, setStatus] = useState<Status>(null);
  const supplierId = draft.supplierId || suppliers[0]?.id || 0;
  const supplier = suppliers.find((s) => s.id === supplierId);
  const currency = draft.currency || supplier?.currency || '';
  const expectedDate = draft.expectedDate || addDays(draft.orderDate, Math.round(supplier?.productionDaysMean ?? 30));
  const locationId = draft.locationId || warehouses.find((l) => l.kind === 'domestic')?.id || 0;

  const setLine = (key: number, patch: Partial<LineDraft>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const chooseSupplier = (id: number) => {
    const next = suppliers.find((s) => s.id === id);
    // A new supplier brings its currency and its production time as the expected date.
    setDraft((d) => ({ ...d, supplierId: id, currency: next?.currency ?? d.currency, expectedDate: next ? addDays(d.orderDate, Math.round(next.productionDaysMean)) : d.expectedDate }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const id = await savePurchaseOrder(
        db,
        {
          ...draft,
          supplierId,
          currency,
          locationId,
          expectedDate,
          // A line with a quantity but no known SKU is sent as SKU 0: the check names the line.
          lines: lines.filter((l) => l.skuCode.trim() !== '' || l.qty.trim() !== '' || l.unitCost.trim() !== '').map((l) => ({ skuId: skuIdForCode(skus, l.skuCode), qty: l.qty, unitCost: l.unitCost })),
        },
        editing?.id,
      );
      setStatus(null);
      onDone(id);
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={editing ? t('po.edit') : t('po.new')} data-testid="po-form">
      <div className="form-grid">
        <Field label={t('po.supplier')}>
          {(id) => (
            <select id={id} name="supplier" value={supplierId} onChange={(e) => chooseSupplier(Number(e.target.value))}>
              {suppliers.length === 0 ? <option value={0}>{t('po.noSuppliers')}</option> : null}
              {suppliers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('po.number')} hint={t('po.numberHint')}>
          {(id, hint) => <input id={id} aria-describedby={hint} name="number" value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} />}
        </Field>
        <Field label={t('po.orderDate')}>{(id) => <input id={id} name="orderDate" type="date" value={draft.orderDate} onChange={(e) => setDraft({ ...draft, orderDate: e.target.value })} />}</Field>
        <Field label={t('po.expectedDate')}>{(id) => <input id={id} name="expectedDate" type="date" value={expectedDate} onChange={(e) => setDraft({ ...draft, expectedDate: e.target.value })} />}</Field>
        <Field label={t('field.currency')}>{(id) => <input id={id} name="currency" value={currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() })} />}</Field>
        <Field label={t('po.receiveInto')}>
          {(id) => (
            <select id={id} name="location" value={locationId} onChange={(e) => setDraft({ ...draft, locationId: Number(e.target.value) })}>
              {warehouses.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.note')}>{(id) => <input id={id} name="note" value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />}</Field>
      </div>
      <h2>{t('field.lines')}</h2>
      {lines.map((line, index) => (
        <div className="form-grid" key={line.key} data-testid="po-line">
          <Field label={`${t('field.sku')} ${index + 1}`}>{(id) => <SkuPicker id={id} name="lineSku" value={line.skuCode} onChange={(v) => setLine(line.key, { skuCode: v })} skus={skus} />}</Field>
          <Field label={`${t('field.qty')} ${index + 1}`}>{(id) => <input id={id} name="lineQty" inputMode="numeric" value={line.qty} onChange={(e) => setLine(line.key, { qty: e.target.value })} />}</Field>
          <Field label={`${t('po.unitCost', { currency })} ${index + 1}`}>{(id) => <input id={id} name="lineCost" inputMode="decimal" value={line.unitCost} onChange={(e) => setLine(line.key, { unitCost: e.target.value })} />}</Field>
          {lines.length > 1 ? (
            <button type="button" className="btn" onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}>
              {t('movements.removeLine')}
            </button>
          ) : null}
        </div>
      ))}
      <StatusLine status={status} />
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => setLines((all) => [...all, { key: nextLineKey++, skuCode: '', qty: '', unitCost: '' }])}>
          {t('movements.addLine')}
        </button>
        <button type="submit" className="btn btn--primary">
          {t('po.saveDraft')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
