import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SkuDraft } from '../../../shared/catalog/catalog';
import { DIMENSION_UNITS, packageSizeOf, storageTypeOf } from '../../../shared/catalog/packageSize';
import { STORAGE_TYPES } from '../../../shared/model';
import { minorToAmountText } from '../../../shared/money';
import { createSku, db, updateSku } from '../../db';
import type { SkuRecord } from '../../db';
import { CurrencyOptions, Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { nowIso } from '../../app/clock';
import { useT } from '../../i18n';

function draftOf(sku: SkuRecord | undefined, baseCurrency: string): SkuDraft {
  const blankPackage = { packageLength: '', packageWidth: '', packageHeight: '', dimensionUnit: 'cm', storageType: 'standard' };
  if (!sku) return { code: '', name: '', unitCost: '', costCurrency: baseCurrency, casePack: '1', moq: '0', barcode: '', ...blankPackage };
  // Sizes are stored in cm, so an edit shows them in cm whatever unit they were typed in.
  const size = packageSizeOf(sku);
  return {
    code: sku.code,
    name: sku.name,
    unitCost: minorToAmountText(sku.unitCostMinor, sku.costCurrency),
    costCurrency: sku.costCurrency,
    casePack: String(sku.casePack),
    moq: String(sku.moq),
    barcode: sku.barcode,
    packageLength: size ? String(size.lengthCm) : '',
    packageWidth: size ? String(size.widthCm) : '',
    packageHeight: size ? String(size.heightCm) : '',
    dimensionUnit: 'cm',
    storageType: storageTypeOf(sku),
  };
}

export function SkuForm({ sku, baseCurrency, onDone }: { sku?: SkuRecord; baseCurrency: string; onDone: (status: Status) => void }) {
  const { t, describe } = useT();
  const [draft, setDraft] = useState<SkuDraft>(() => draftOf(sku, baseCurrency));
  const [status, setStatus] = useState<Status>(null);
  const set = (key: keyof SkuDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (sku) await updateSku(db, sku.id, draft, nowIso());
      else await createSku(db, draft, nowIso());
      onDone({ kind: 'ok', text: t(sku ? 'skus.updated' : 'skus.created', { code: draft.code.trim() }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const text = (key: keyof SkuDraft, label: string, extra: { inputMode?: 'decimal' | 'numeric'; autoFocus?: boolean } = {}) => (
    <Field label={label}>
      {(id) => <input id={id} name={key} value={draft[key] ?? ''} onChange={(e) => set(key)(e.target.value)} {...extra} />}
    </Field>
  );

  return (
    <form className="panel" onSubmit={submit} aria-label={sku ? t('skus.edit', { code: sku.code }) : t('skus.new')}>
      <h2>{sku ? t('skus.edit', { code: sku.code }) : t('skus.new')}</h2>
      <div className="form-grid">
        {text('code', t('field.code'), { autoFocus: true })}
        {text('name', t('field.name'))}
        {text('unitCost', t('field.unitCost'), { inputMode: 'decimal' })}
        <Field label={t('field.costCurrency')}>
          {(id) => (
            <select id={id} name="costCurrency" value={draft.costCurrency} onChange={(e) => set('costCurrency')(e.target.value)}>
              <CurrencyOptions current={draft.costCurrency} />
            </select>
          )}
        </Field>
        {text('casePack', t('field.casePack'), { inputMode: 'numeric' })}
        {text('moq', t('field.moq'), { inputMode: 'numeric' })}
        {text('barcode', t('field.barcode'))}
      </div>
      <fieldset className="form-section">
        <legend>{t('skus.package')}</legend>
        <p className="muted">{t('skus.packageHelp')}</p>
        <div className="form-grid">
          {text('packageLength', t('field.packageLength'), { inputMode: 'decimal' })}
          {text('packageWidth', t('field.packageWidth'), { inputMode: 'decimal' })}
          {text('packageHeight', t('field.packageHeight'), { inputMode: 'decimal' })}
          <Field label={t('field.dimensionUnit')}>
            {(id) => (
              <select id={id} name="dimensionUnit" value={draft.dimensionUnit ?? 'cm'} onChange={(e) => set('dimensionUnit')(e.target.value)}>
                {DIMENSION_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(`skus.unit.${unit}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('field.storageType')}>
            {(id) => (
              <select id={id} name="storageType" value={draft.storageType ?? 'standard'} onChange={(e) => set('storageType')(e.target.value)}>
                {STORAGE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`storageType.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <StatusLine status={status} />
      <div className="toolbar">
        <button type="submit" className="btn btn--primary">
          {t('common.save')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
