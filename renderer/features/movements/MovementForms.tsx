import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ADJUSTMENT_REASONS } from '../../../shared/model';
import type { Location, LocationKind } from '../../../shared/model';
import { DomainError } from '../../../shared/errors';
import { SALE_RETURN_LOCATION_KINDS, shipmentRef } from '../../../shared/ledger/postings';
import type { SaleOrReturnType } from '../../../shared/ledger/postings';
import { db, postAdjustment, postReceipt, postSaleOrReturn, shipTransfer } from '../../db';
import type { SkuRecord } from '../../db';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { today } from '../../app/clock';
import { useT } from '../../i18n';

interface FormProps {
  skus: readonly SkuRecord[];
  locations: readonly Location[];
  baseCurrency: string;
}

function LocationSelect({
  id,
  name,
  value,
  onChange,
  locations,
  kinds,
  describedBy,
}: {
  id: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  locations: readonly Location[];
  /** The kinds offered; every kind but transit when not given. */
  kinds?: readonly LocationKind[];
  describedBy?: string | undefined;
}) {
  const { t } = useT();
  return (
    <select id={id} name={name} value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('common.choose')}</option>
      {locations
        .filter((l) => (kinds ? kinds.includes(l.kind) : l.kind !== 'transit') && !l.archived)
        .map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
    </select>
  );
}

function requireSku(skus: readonly SkuRecord[], code: string): number {
  const id = skuIdForCode(skus, code);
  if (!id) throw new DomainError('field.required', { field: 'sku' });
  return id;
}

function requireLocation(value: string, field = 'location'): number {
  const id = Number(value);
  if (!value || !Number.isInteger(id)) throw new DomainError('field.required', { field });
  return id;
}

export function ReceiptForm({ skus, locations, baseCurrency }: FormProps) {
  const { t, describe } = useT();
  const [draft, setDraft] = useState({ date: today(), skuCode: '', locationId: String(locations.find((l) => l.kind === 'domestic')?.id ?? ''), qty: '', unitCost: '', note: '' });
  const [status, setStatus] = useState<Status>(null);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await postReceipt(db, { ...draft, skuId: requireSku(skus, draft.skuCode), locationId: requireLocation(draft.locationId) }, baseCurrency);
      setDraft((d) => ({ ...d, skuCode: '', qty: '', unitCost: '', note: '' }));
      setStatus({ kind: 'ok', text: t('movements.posted') });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={t('movements.receipt')}>
      <p className="muted">{t('movements.receiptHelp', { currency: baseCurrency })}</p>
      <div className="form-grid">
        <Field label={t('field.date')}>{(id) => <input id={id} name="date" type="date" value={draft.date} onChange={(e) => set('date')(e.target.value)} />}</Field>
        <Field label={t('field.sku')}>{(id) => <SkuPicker id={id} name="sku" value={draft.skuCode} onChange={set('skuCode')} skus={skus} />}</Field>
        <Field label={t('field.location')}>{(id) => <LocationSelect id={id} name="location" value={draft.locationId} onChange={set('locationId')} locations={locations} />}</Field>
        <Field label={t('field.qty')}>{(id) => <input id={id} name="qty" inputMode="numeric" value={draft.qty} onChange={(e) => set('qty')(e.target.value)} />}</Field>
        <Field label={t('common.inCurrency', { label: t('field.unitCost'), currency: baseCurrency })}>{(id) => <input id={id} name="unitCost" inputMode="decimal" value={draft.unitCost} onChange={(e) => set('unitCost')(e.target.value)} />}</Field>
        <Field label={t('field.note')}>{(id) => <input id={id} name="note" value={draft.note} onChange={(e) => set('note')(e.target.value)} />}</Field>
      </div>
      <StatusLine status={status} />
      <button type="submit" className="btn btn--primary">
        {t('movements.post')}
      </button>
    </form>
  );
}

export function AdjustmentForm({ skus, locations }: FormProps) {
  const { t, describe } = useT();
  const [draft, setDraft] = useState({ date: today(), skuCode: '', locationId: '', qty: '', reason: 'damaged', note: '' });
  const [status, setStatus] = useState<Status>(null);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await postAdjustment(db, { ...draft, skuId: requireSku(skus, draft.skuCode), locationId: requireLocation(draft.locationId) });
      setDraft((d) => ({ ...d, skuCode: '', qty: '', note: '' }));
      setStatus({ kind: 'ok', text: t('movements.posted') });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={t('movements.adjustment')}>
      <p className="muted">{t('movements.adjustmentHelp')}</p>
      <div className="form-grid">
        <Field label={t('field.date')}>{(id) => <input id={id} name="date" type="date" value={draft.date} onChange={(e) => set('date')(e.target.value)} />}</Field>
        <Field label={t('field.sku')}>{(id) => <SkuPicker id={id} name="sku" value={draft.skuCode} onChange={set('skuCode')} skus={skus} />}</Field>
        <Field label={t('field.location')}>{(id) => <LocationSelect id={id} name="location" value={draft.locationId} onChange={set('locationId')} locations={locations} />}</Field>
        <Field label={t('field.qty')}>{(id) => <input id={id} name="qty" value={draft.qty} onChange={(e) => set('qty')(e.target.value)} />}</Field>
        <Field label={t('field.reason')}>
          {(id) => (
            <select id={id} name="reason" value={draft.reason} onChange={(e) => set('reason')(e.target.value)}>
              {ADJUSTMENT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`reason.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.note')}>{(id) => <input id={id} name="note" value={draft.note} onChange={(e) => set('note')(e.target.value)} />}</Field>
      </div>
      <StatusLine status={status} />
      <button type="submit" className="btn btn--primary">
        {t('movements.post')}
      </button>
    </form>
  );
}

interface LineDraft {
  key: number;
  skuCode: string;
  qty: string;
}

export function TransferForm({ skus, locations }: FormProps) {
  const { t, describe } = useT();
  const [draft, setDraft] = useState({ shipDate: today(), fromLocationId: String(locations.find((l) => l.kind === 'domestic')?.id ?? ''), toLocationId: '', note: '' });
  const [lines, setLines] = useState<LineDraft[]>([{ key: 1, skuCode: '', qty: '' }]);
  const [status, setStatus] = useState<Status>(null);

  const setLine = (key: number, patch: Partial<LineDraft>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const id = await shipTransfer(db, {
        shipDate: draft.shipDate,
        fromLocationId: requireLocation(draft.fromLocationId, 'from'),
        toLocationId: requireLocation(draft.toLocationId, 'to'),
        note: draft.note,
        lines: lines.filter((l) => l.skuCode.trim() !== '' || l.qty.trim() !== '').map((l) => ({ skuId: requireSku(skus, l.skuCode), qty: l.qty })),
      });
      setLines([{ key: Date.now(), skuCode: '', qty: '' }]);
      setStatus({ kind: 'ok', text: t('movements.shipped', { ref: shipmentRef(id) }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={t('movements.transfer')}>
      <p className="muted">{t('movements.transferHelp')}</p>
      <div className="form-grid">
        <Field label={t('field.shipDate')}>{(id) => <input id={id} name="shipDate" type="date" value={draft.shipDate} onChange={(e) => setDraft({ ...draft, shipDate: e.target.value })} />}</Field>
        <Field label={t('field.from')}>{(id) => <LocationSelect id={id} name="from" value={draft.fromLocationId} onChange={(v) => setDraft({ ...draft, fromLocationId: v })} locations={locations} />}</Field>
        <Field label={t('field.to')}>{(id) => <LocationSelect id={id} name="to" value={draft.toLocationId} onChange={(v) => setDraft({ ...draft, toLocationId: v })} locations={locations} />}</Field>
        <Field label={t('field.note')}>{(id) => <input id={id} name="note" value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />}</Field>
      </div>
      <h2>{t('field.lines')}</h2>
      {lines.map((line, index) => (
        <div className="form-grid" key={line.key} data-testid="transfer-line">
          <Field label={`${t('field.sku')} ${index + 1}`}>{(id) => <SkuPicker id={id} name="lineSku" value={line.skuCode} onChange={(v) => setLine(line.key, { skuCode: v })} skus={skus} />}</Field>
          <Field label={`${t('field.qty')} ${index + 1}`}>{(id) => <input id={id} name="lineQty" inputMode="numeric" value={line.qty} onChange={(e) => setLine(line.key, { qty: e.target.value })} />}</Field>
          {lines.length > 1 ? (
            <button type="button" className="btn" onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}>
              {t('movements.removeLine')}
            </button>
          ) : null}
        </div>
      ))}
      <StatusLine status={status} />
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => setLines((all) => [...all, { key: Date.now(), skuCode: '', qty: '' }])}>
          {t('movements.addLine')}
        </button>
        <button type="submit" className="btn btn--primary">
          {t('movements.ship')}
        </button>
      </div>
    </form>
  );
}

/** Text keys of each sale or return form: its help, what its reference holds, and its location's hint. */
const SALE_RETURN_TEXT = {
  sale: { title: 'movements.sale', help: 'movements.saleHelp', ref: 'movements.saleRef', location: 'movements.ownStockLocationHint' },
  customer_return: { title: 'movements.customerReturn', help: 'movements.customerReturnHelp', ref: 'movements.customerReturnRef', location: 'movements.ownStockLocationHint' },
  vendor_return: { title: 'movements.vendorReturn', help: 'movements.vendorReturnHelp', ref: 'movements.vendorReturnRef', location: 'movements.domesticLocationHint' },
} as const;

/** Common channels for a sale shipped by the seller's warehouse or a 3PL; the seller may type any other. */
const OTHER_CHANNELS = ['Shopify', 'eBay', 'Walmart', 'TikTok Shop', 'Temu'];

/** A sale, customer return or return to a supplier at the seller's own warehouse or a 3PL (FBA's come from Amazon's reports). */
export function SaleOrReturnForm({ type, skus, locations }: FormProps & { type: SaleOrReturnType }) {
  const { t, describe } = useT();
  const kinds = SALE_RETURN_LOCATION_KINDS[type];
  const text = SALE_RETURN_TEXT[type];
  const firstLocation = locations.find((l) => kinds.includes(l.kind) && !l.archived);
  const [draft, setDraft] = useState({ date: today(), skuCode: '', locationId: String(firstLocation?.id ?? ''), qty: '', ref: '', channel: '', note: '' });
  const [status, setStatus] = useState<Status>(null);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const channelListId = useId();
  const channels = [...new Set(locations.flatMap((l) => (l.kind === 'fba' && l.marketplace ? [`Amazon ${l.marketplace}`] : [])))].sort().concat(OTHER_CHANNELS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await postSaleOrReturn(db, type, { ...draft, skuId: requireSku(skus, draft.skuCode), locationId: requireLocation(draft.locationId) });
      setDraft((d) => ({ ...d, skuCode: '', qty: '', ref: '', note: '' }));
      setStatus({ kind: 'ok', text: t('movements.posted') });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={t(text.title)}>
      <p className="muted">{t(text.help)}</p>
      <div className="form-grid">
        <Field label={t('field.date')}>{(id) => <input id={id} name="date" type="date" value={draft.date} onChange={(e) => set('date')(e.target.value)} />}</Field>
        <Field label={t('field.sku')}>{(id) => <SkuPicker id={id} name="sku" value={draft.skuCode} onChange={set('skuCode')} skus={skus} />}</Field>
        <Field label={t('field.location')} hint={t(text.location)}>
          {(id, hint) => <LocationSelect id={id} name="location" value={draft.locationId} onChange={set('locationId')} locations={locations} kinds={kinds} describedBy={hint} />}
        </Field>
        <Field label={t('field.qty')}>{(id) => <input id={id} name="qty" inputMode="numeric" value={draft.qty} onChange={(e) => set('qty')(e.target.value)} />}</Field>
        <Field label={t(text.ref)}>{(id) => <input id={id} name="ref" value={draft.ref} onChange={(e) => set('ref')(e.target.value)} />}</Field>
        {type === 'sale' ? (
          <Field label={t('movements.channelOptional')}>
            {(id) => (
              <>
                <input id={id} name="channel" list={channelListId} autoComplete="off" value={draft.channel} onChange={(e) => set('channel')(e.target.value)} />
                <datalist id={channelListId}>
                  {channels.map((c) => (
                    <option key={c} value={c} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        ) : null}
        <Field label={t('field.note')}>{(id) => <input id={id} name="note" value={draft.note} onChange={(e) => set('note')(e.target.value)} />}</Field>
      </div>
      <StatusLine status={status} />
      <button type="submit" className="btn btn--primary">
        {t('movements.post')}
      </button>
    </form>
  );
}
