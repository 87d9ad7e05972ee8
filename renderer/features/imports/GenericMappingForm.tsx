// A warehouse stock file StockPilot does not know: the seller says once which column holds what.
// The mapping is saved under the file's header on apply, so the same export maps itself next time.
import { useState } from 'react';
import type { ImportPreview } from '../../db/imports';
import type { GenericCodeType, GenericMapping } from '../../../shared/import/generic';
import { useLocations } from '../../app/hooks';
import { useT } from '../../i18n';

type Generic = NonNullable<ImportPreview['generic']>;

const CODE_TYPES: readonly GenericCodeType[] = ['sku', 'sellerSku', 'fnsku', 'asin'];

export function GenericMappingForm({ generic, busy, onMapping }: { generic: Generic; busy: boolean; onMapping: (mapping: GenericMapping, locationId: number | null) => void }) {
  const { t } = useT();
  const locations = (useLocations() ?? []).filter((l) => !l.archived && l.kind !== 'transit');
  const [draft, setDraft] = useState(generic.mapping);
  const [locationId, setLocationId] = useState<number | null>(generic.locationId);
  const column = (name: keyof Omit<Generic['mapping'], 'codeType'>, label: string, optional: boolean) => (
    <label className="field">
      <span>{label}</span>
      <select name={`map-${name}`} value={draft[name] ?? ''} onChange={(e) => setDraft({ ...draft, [name]: e.target.value === '' ? null : e.target.value })}>
        <option value="">{optional ? t('imports.mapNone') : t('imports.mapChoose')}</option>
        {generic.headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </label>
  );
  const complete = draft.codeColumn !== null && draft.quantityColumn !== null && (draft.locationColumn !== null || locationId !== null);
  const submit = () => {
    if (draft.codeColumn === null || draft.quantityColumn === null) return;
    onMapping({ ...draft, codeColumn: draft.codeColumn, quantityColumn: draft.quantityColumn }, draft.locationColumn === null ? locationId : null);
  };
  return (
    <form
      className="panel"
      data-testid="generic-mapping"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p>{generic.saved ? t('imports.mapSaved') : t('imports.mapHelp')}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {generic.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {generic.sampleRows.map((row, i) => (
              <tr key={i}>
                {generic.headers.map((h, j) => (
                  <td key={h}>{row[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-grid">
        {column('codeColumn', t('imports.mapCode'), false)}
        <label className="field">
          <span>{t('imports.mapCodeType')}</span>
          <select name="map-codeType" value={draft.codeType} onChange={(e) => setDraft({ ...draft, codeType: CODE_TYPES.find((c) => c === e.target.value) ?? 'sku' })}>
            {CODE_TYPES.map((c) => (
              <option key={c} value={c}>
                {t(`imports.codeType.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {column('quantityColumn', t('imports.mapQuantity'), false)}
        {column('dateColumn', t('imports.mapDate'), true)}
        {column('locationColumn', t('imports.mapLocation'), true)}
        {draft.locationColumn === null ? (
          <label className="field">
            <span>{t('imports.mapLocationFixed')}</span>
            <select name="map-locationId" value={locationId ?? ''} onChange={(e) => setLocationId(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{t('imports.mapChoose')}</option>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {column('costColumn', t('imports.mapCost'), true)}
      </div>
      <button type="submit" className="btn" disabled={busy || !complete}>
        {t('imports.mapPreview')}
      </button>
    </form>
  );
}
