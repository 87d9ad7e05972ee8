// A new shipment: route, mode, carrier and tracking, dates, lines with cartons, weight and volume,
// and its freight, duties and fees with how they are spread over the units.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ALLOCATION_BASES, SHIPMENT_MODES } from '../../../shared/model';
import { addDays } from '../../../shared/dates';
import { db } from '../../db';
import { createShipment } from '../../db/purchasing';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { useLocations, useSettings, useSkus } from '../../app/hooks';
import { today } from '../../app/clock';
import { useT } from '../../i18n';

interface LineDraft {
  key: number;
  skuCode: string;
  qty: string;
  casePack: string;
  cartons: string;
  unitWeightKg: string;
  unitVolumeM3: string;
}

let nextLineKey = 1;
const emptyLine = (): LineDraft => ({ key: nextLineKey++, skuCode: '', qty: '', casePack: '', cartons: '', unitWeightKg: '', unitVolumeM3: '' });

export function ShipmentForm({ onDone, onCancel }: { onDone: (id: number) => void; onCancel: () => void }) {
  const { t, describe } = useT();
  const skus = useSkus() ?? [];
  const { baseCurrency } = useSettings();
  const locations = (useLocations() ?? []).filter((l) => !l.archived && l.kind !== 'transit');
  const [draft, setDraft] = useState({
    fromLocationId: 0,
    toLocationId: 0,
    shipDate: today(),
    eta: addDays(today(), 35),
    mode: 'sea',
    carrier: '',
    trackingNumber: '',
    fbaShipmentId: '',
    note: '',
  });
  const [costs, setCosts] = useState({ freight: '', duties: '', fees: '', basis: 'units' });
  const [lines, setLines] = useState<LineDraft[]>(() => [emptyLine()]);
  const [status, setStatus] = useState<Status>(null);
  const fromLocationId = draft.fromLocationId || locations.find((l) => l.kind === 'domestic')?.id || 0;
  const toLocationId = draft.toLocationId || locations.find((l) => l.kind === 'fba')?.id || 0;
  const setLine = (key: number, patch: Partial<LineDraft>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const id = await createShipment(db, {
        ...draft,
        fromLocationId,
        toLocationId,
        baseCurrency,
        costs,
        lines: lines
          .filter((l) => l.skuCode.trim() !== '' || l.qty.trim() !== '')
          .map((l) => ({ skuId: skuIdForCode(skus, l.skuCode), qty: l.qty, casePack: l.casePack, cartons: l.cartons, unitWeightKg: l.unitWeightKg, unitVolumeM3: l.unitVolumeM3 })),
      });
      setStatus(null);
      onDone(id);
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const locationSelect = (name: 'fromLocationId' | 'toLocationId', value: number) => (id: string) => (
    <select id={id} name={name === 'fromLocationId' ? 'from' : 'to'} value={value} onChange={(e) => setDraft({ ...draft, [name]: Number(e.target.value) })}>
      {locations.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </select>
  );
  const text = (name: keyof typeof draft, label: string, type = 'text') => (
    <Field label={label}>{(id) => <input id={id} name={name} type={type} value={String(draft[name])} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />}</Field>
  );

  return (
    <form className="panel" onSubmit={submit} aria-label={t('shipments.new')} data-testid="shipment-form">
      <div className="form-grid">
        <Field label={t('field.from')}>{locationSelect('fromLocationId', fromLocationId)}</Field>
        <Field label={t('field.to')}>{locationSelect('toLocationId', toLocationId)}</Field>
        <Field label={t('shipments.mode')}>
          {(id) => (
            <select id={id} name="mode" value={draft.mode} onChange={(e) => setDraft({ ...draft, mode: e.target.value })}>
              {SHIPMENT_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`shipments.mode.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('shipDate', t('field.shipDate'), 'date')}
        {text('eta', t('shipments.eta'), 'date')}
        {text('carrier', t('shipments.carrier'))}
        {text('trackingNumber', t('shipments.tracking'))}
        {text('fbaShipmentId', t('shipments.fbaShipmentId'))}
        {text('note', t('field.note'))}
      </div>
      <h2>{t('field.lines')}</h2>
      {lines.map((line, index) => (
        <div className="form-grid" key={line.key} data-testid="shipment-line">
          <Field label={`${t('field.sku')} ${index + 1}`}>{(id) => <SkuPicker id={id} name="lineSku" value={line.skuCode} onChange={(v) => setLine(line.key, { skuCode: v })} skus={skus} />}</Field>
          <Field label={`${t('field.qty')} ${index + 1}`}>{(id) => <input id={id} name="lineQty" inputMode="numeric" value={line.qty} onChange={(e) => setLine(line.key, { qty: e.target.value })} />}</Field>
          <Field label={t('field.casePack')}>{(id) => <input id={id} name="lineCasePack" inputMode="numeric" value={line.casePack} onChange={(e) => setLine(line.key, { casePack: e.target.value })} />}</Field>
          <Field label={t('shipments.cartons')}>{(id) => <input id={id} name="lineCartons" inputMode="numeric" value={line.cartons} onChange={(e) => setLine(line.key, { cartons: e.target.value })} />}</Field>
          <Field label={t('shipments.unitWeightKg')}>{(id) => <input id={id} name="lineWeight" inputMode="decimal" value={line.unitWeightKg} onChange={(e) => setLine(line.key, { unitWeightKg: e.target.value })} />}</Field>
          <Field label={t('shipments.unitVolumeM3')}>{(id) => <input id={id} name="lineVolume" inputMode="decimal" value={line.unitVolumeM3} onChange={(e) => setLine(line.key, { unitVolumeM3: e.target.value })} />}</Field>
          {lines.length > 1 ? (
            <button type="button" className="btn" onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}>
              {t('movements.removeLine')}
            </button>
          ) : null}
        </div>
      ))}
      <button type="button" className="btn" onClick={() => setLines((all) => [...all, emptyLine()])}>
        {t('movements.addLine')}
      </button>
      <h2>{t('shipments.costs', { currency: baseCurrency })}</h2>
      <div className="form-grid">
        <Field label={t('shipments.freight')}>{(id) => <input id={id} name="freight" inputMode="decimal" value={costs.freight} onChange={(e) => setCosts({ ...costs, freight: e.target.value })} />}</Field>
        <Field label={t('shipments.duties')}>{(id) => <input id={id} name="duties" inputMode="decimal" value={costs.duties} onChange={(e) => setCosts({ ...costs, duties: e.target.value })} />}</Field>
        <Field label={t('shipments.fees')}>{(id) => <input id={id} name="fees" inputMode="decimal" value={costs.fees} onChange={(e) => setCosts({ ...costs, fees: e.target.value })} />}</Field>
        <Field label={t('shipments.basis')}>
          {(id) => (
            <select id={id} name="basis" value={costs.basis} onChange={(e) => setCosts({ ...costs, basis: e.target.value })}>
              {ALLOCATION_BASES.map((b) => (
                <option key={b} value={b}>
                  {t(`shipments.basis.${b}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <StatusLine status={status} />
      <div className="toolbar">
        <button type="submit" className="btn btn--primary">
          {t('shipments.ship')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
