// What the seller adds to the plan: demand events (Prime Day, a promotion: +N% over dates, for every
// SKU or one, in every marketplace or one); for one SKU, a forecast method that replaces the
// backtest's choice; their own forecast (units per day) for a SKU in a marketplace, a launch
// included; the service level per ABC class and the FBA capacity per FBA location. All are stored
// (renderer/db/planInputs.ts) and the plan reruns on a change.
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { DomainError } from '../../../shared/errors';
import { FORECAST_METHODS } from '../../../shared/domain';
import type { ForecastMethod } from '../../../shared/domain';
import type { DemandEvent } from '../../../shared/planning/events';
import { MARKETPLACES, STORAGE_TYPES } from '../../../shared/model';
import { isStorageType } from '../../../shared/catalog/packageSize';
import { db } from '../../db';
import { addDemandEvent, deleteDemandEvent, deleteForecastRate, importForecastRates, savePlanPreferences, setForecastOverride, setForecastRate } from '../../db/planInputs';
import { desktop } from '../../desktop';
import { toCsv } from '../../../shared/csv';
import { planPreferencesFrom } from '../../../shared/planning/planPreferences';
import type { PlanPreferencesDraft } from '../../../shared/planning/planPreferences';
import { rateHasEnded } from '../../../shared/planning/forecastRates';
import type { ForecastRateDraft } from '../../../shared/planning/forecastRates';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { CsvColumn } from '../../components/tableCsv';
import { useById, useLocations, useSkus } from '../../app/hooks';
import { today } from '../../app/clock';
import { useT } from '../../i18n';

const isMethod = (value: string): value is ForecastMethod => (FORECAST_METHODS as readonly string[]).includes(value);

export function DemandEvents() {
  const { t, language, describe } = useT();
  const events = useLiveQuery(() => db.demandEvents.toArray(), []);
  const skus = useSkus();
  const [draft, setDraft] = useState({ name: '', from: today(), to: today(), percent: '', marketplace: '', sku: '' });
  const [status, setStatus] = useState<Status>(null);
  // The field a refusal named, marked for assistive technology.
  const [badField, setBadField] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const codeOf = (skuId: number) => skus?.find((s) => s.id === skuId)?.code ?? `#${skuId}`;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const code = draft.sku.trim().toUpperCase();
    const sku = code === '' ? undefined : skus?.find((s) => s.code.toUpperCase() === code);
    if (code !== '' && !sku) {
      setBadField('sku');
      setStatus({ kind: 'error', text: t('plan.event.unknownSku', { code: draft.sku.trim() }) });
      return;
    }
    try {
      await addDemandEvent(db, { name: draft.name, from: draft.from, to: draft.to, upliftPercent: draft.percent, skuIds: sku ? [sku.id] : null, marketplace: draft.marketplace === '' ? null : draft.marketplace });
      setBadField(null);
      setStatus({ kind: 'ok', text: t('plan.event.added', { name: draft.name.trim() }) });
      setDraft({ ...draft, name: '', percent: '', sku: '' });
    } catch (error) {
      setBadField(error instanceof DomainError && typeof error.params.field === 'string' ? error.params.field : null);
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const percentText = (uplift: number) => `${uplift >= 0 ? '+' : ''}${(uplift * 100).toLocaleString(language, { maximumFractionDigits: 2 })}%`;
  const marketplaceText = (e: DemandEvent) => e.marketplace ?? t('plan.event.allMarketplaces');
  const skusText = (e: DemandEvent) => (e.skuIds === null ? t('plan.event.allSkus') : e.skuIds.map(codeOf).join(', '));
  // The change as a number of percent (30 for +30%, −20 for −20%), without the float noise of × 100.
  const csvColumns: CsvColumn<DemandEvent>[] = [
    { header: t('field.name'), value: (e) => e.name },
    { header: t('report.from'), value: (e) => e.from },
    { header: t('report.to'), value: (e) => e.to },
    { header: t('plan.event.uplift'), value: (e) => Math.round(e.uplift * 1e8) / 1e6 },
    { header: t('field.marketplace'), value: marketplaceText },
    { header: t('field.sku'), value: skusText },
  ];

  return (
    <section className="panel" aria-labelledby="plan-events-title">
      <h2 id="plan-events-title">{t('plan.event.title')}</h2>
      <p className="muted">{t('plan.event.help')}</p>
      <form onSubmit={(e) => void add(e)} aria-label={t('plan.event.add')}>
        <div className="form-grid">
          <Field label={t('field.name')}>{(id) => <input id={id} ref={nameInput} name="eventName" aria-invalid={badField === 'name'} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}</Field>
          <Field label={t('report.from')}>{(id) => <input id={id} name="eventFrom" type="date" aria-invalid={badField === 'from'} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}</Field>
          <Field label={t('report.to')}>{(id) => <input id={id} name="eventTo" type="date" aria-invalid={badField === 'to'} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}</Field>
          <Field label={t('plan.event.uplift')}>{(id) => <input id={id} name="eventUplift" inputMode="decimal" aria-invalid={badField === 'uplift'} value={draft.percent} onChange={(e) => setDraft({ ...draft, percent: e.target.value })} />}</Field>
          <Field label={t('field.marketplace')}>
            {(id) => (
              <select id={id} name="eventMarketplace" aria-invalid={badField === 'marketplace'} value={draft.marketplace} onChange={(e) => setDraft({ ...draft, marketplace: e.target.value })}>
                <option value="">{t('plan.event.allMarketplaces')}</option>
                {MARKETPLACES.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('field.sku')} hint={t('plan.event.skuHint')}>
            {(id, hint) => <input id={id} aria-describedby={hint} name="eventSku" aria-invalid={badField === 'sku'} value={draft.sku} onChange={(e) => setDraft({ ...draft, sku: e.target.value })} />}
          </Field>
          <button type="submit" className="btn">
            {t('plan.event.add')}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
      {events && events.length > 0 ? (
        <div className="toolbar">
          <ExportCsvButton fileStem="demand-events" onError={(error) => setStatus({ kind: 'error', text: describe(error) })} tableLabel={t('plan.event.title')} columns={csvColumns} rows={() => events} testId="plan-events-export" />
        </div>
      ) : null}
      {events && events.length > 0 ? (
        <table className="data-table--plain" aria-label={t('plan.event.title')} data-testid="plan-events">
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('report.from')}</th>
              <th scope="col">{t('report.to')}</th>
              <th scope="col">{t('plan.event.uplift')}</th>
              <th scope="col">{t('field.marketplace')}</th>
              <th scope="col">{t('field.sku')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td>{e.from}</td>
                <td>{e.to}</td>
                <td>{percentText(e.uplift)}</td>
                <td>{marketplaceText(e)}</td>
                <td>{skusText(e)}</td>
                <td>
                  <button type="button" className="btn btn--small" aria-label={t('plan.event.delete', { name: e.name })} onClick={() =>
                      void deleteDemandEvent(db, e.id).then(
                        () => {
                          setStatus({ kind: 'ok', text: t('plan.event.deleted', { name: e.name }) });
                          // The button is gone with its row: the form takes the focus.
                          nameInput.current?.focus();
                        },
                        (error: unknown) => setStatus({ kind: 'error', text: describe(error) }),
                      )
                    }
                  >
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The forecast method of one SKU: the backtest's choice (automatic) or one the seller forces. */
export function ForecastOverride({ skuId }: { skuId: number }) {
  const { t, describe } = useT();
  const override = useLiveQuery(() => db.forecastOverrides.get(skuId), [skuId]);
  const [status, setStatus] = useState<Status>(null);
  const change = async (value: string) => {
    try {
      await setForecastOverride(db, skuId, isMethod(value) ? value : null);
      setStatus({ kind: 'ok', text: isMethod(value) ? t('plan.override.set', { method: t(`plan.method.${value}`) }) : t('plan.override.cleared') });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };
  return (
    <div data-testid="plan-override">
      <Field label={t('plan.override.label')} hint={t('plan.override.help')}>
        {(id, hint) => (
          <select id={id} aria-describedby={hint} name="forecastOverride" value={override?.method ?? ''} onChange={(e) => void change(e.target.value)}>
            <option value="">{t('plan.override.auto')}</option>
            {FORECAST_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`plan.method.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <StatusLine status={status} />
    </div>
  );
}

/** Saves the seller's forecast; the status to show, and the field a refusal named. */
async function saveRate(draft: ForecastRateDraft, code: string, t: ReturnType<typeof useT>['t'], describe: ReturnType<typeof useT>['describe']): Promise<{ saved: boolean; status: Status; badField: string | null }> {
  try {
    const rate = await setForecastRate(db, draft, today());
    return { saved: true, status: { kind: 'ok', text: t('plan.rate.saved', { sku: code, marketplace: rate.marketplace }) }, badField: null };
  } catch (error) {
    return { saved: false, status: { kind: 'error', text: describe(error) }, badField: error instanceof DomainError && typeof error.params.field === 'string' ? error.params.field : null };
  }
}

/**
 * The seller's own forecast for one ship line's SKU × marketplace, beside its explanation: the rate
 * and end date stored (or blank), to change or remove there, without typing the SKU again.
 */
export function LineForecastRate({ skuId, code, marketplace, planPerDay }: { skuId: number; code: string; marketplace: string; planPerDay: number }) {
  const { t, language, describe } = useT();
  const stored = useLiveQuery(async () => (await db.forecastRates.get([skuId, marketplace])) ?? null, [skuId, marketplace]);
  const [draft, setDraft] = useState<{ unitsPerDay: string; until: string } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [badField, setBadField] = useState<string | null>(null);
  const unitsInput = useRef<HTMLInputElement>(null);
  if (stored === undefined) return null;
  const shown = draft ?? { unitsPerDay: stored ? String(stored.unitsPerDay) : '', until: stored?.until ?? '' };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await saveRate({ skuId, marketplace, ...shown }, code, t, describe);
    setBadField(outcome.badField);
    setStatus(outcome.status);
    if (outcome.saved) setDraft(null);
  };
  const remove = () =>
    void deleteForecastRate(db, skuId, marketplace)
      .then(() => {
        setDraft(null);
        setStatus({ kind: 'ok', text: t('plan.rate.deleted', { sku: code, marketplace }) });
        // The button is gone: the rate's field takes the focus.
        unitsInput.current?.focus();
      })
      .catch((error: unknown) => setStatus({ kind: 'error', text: describe(error) }));
  return (
    <div data-testid="plan-line-rate">
      <form onSubmit={(e) => void save(e)} aria-label={t('plan.rate.lineTitle', { marketplace })}>
        <div className="form-grid">
          <Field label={t('plan.rate.lineUnits', { marketplace })} hint={t('plan.rate.lineHint', { perDay: planPerDay.toLocaleString(language, { maximumFractionDigits: 2 }) })}>
            {(id, hint) => <input id={id} aria-describedby={hint} ref={unitsInput} name="lineRateUnitsPerDay" inputMode="decimal" aria-invalid={badField === 'unitsPerDay'} value={shown.unitsPerDay} onChange={(e) => setDraft({ ...shown, unitsPerDay: e.target.value })} />}
          </Field>
          <Field label={t('field.until')} hint={t('plan.rate.untilHint')}>
            {(id, hint) => <input id={id} aria-describedby={hint} name="lineRateUntil" type="date" aria-invalid={badField === 'until'} value={shown.until} onChange={(e) => setDraft({ ...shown, until: e.target.value })} />}
          </Field>
          <button type="submit" className="btn">
            {t('plan.rate.save')}
          </button>
          {stored ? (
            <button type="button" className="btn" onClick={remove}>
              {t('plan.rate.backToComputed')}
            </button>
          ) : null}
        </div>
      </form>
      <StatusLine status={status} />
    </div>
  );
}

/**
 * The seller's own forecasts: units per day for a SKU in a marketplace, until a date or with no end.
 * Where the SKU has not sold in the marketplace yet (a launch), the plan adds a line at the
 * marketplace's FBA location; without one there, the rate has nowhere to apply, and the list says so.
 */
export function ForecastRates() {
  const { t, language, describe } = useT();
  const rates = useLiveQuery(() => db.forecastRates.toArray(), []);
  const skus = useSkus();
  const skuById = useById(skus);
  const locations = useLocations();
  const [draft, setDraft] = useState({ sku: '', marketplace: 'US', unitsPerDay: '', until: '' });
  const [status, setStatus] = useState<Status>(null);
  const [badField, setBadField] = useState<string | null>(null);
  const skuInput = useRef<HTMLInputElement>(null);
  const fbaMarketplaces = new Set<string>((locations ?? []).filter((l) => l.kind === 'fba' && !l.archived && l.marketplace).map((l) => l.marketplace!));
  const codeOf = (skuId: number) => skuById.get(skuId)?.code ?? `#${skuId}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const code = draft.sku.trim().toUpperCase();
    const sku = skus?.find((s) => s.code.toUpperCase() === code);
    if (!sku) {
      setBadField('sku');
      setStatus({ kind: 'error', text: code === '' ? describe(new DomainError('field.required', { field: 'sku' })) : t('plan.rate.unknownSku', { code: draft.sku.trim() }) });
      return;
    }
    const outcome = await saveRate({ skuId: sku.id, marketplace: draft.marketplace, unitsPerDay: draft.unitsPerDay, until: draft.until }, sku.code, t, describe);
    setBadField(outcome.badField);
    setStatus(outcome.status);
    if (outcome.saved) setDraft({ ...draft, sku: '', unitsPerDay: '', until: '' });
  };
  const remove = (skuId: number, marketplace: string) =>
    void deleteForecastRate(db, skuId, marketplace)
      .then(() => {
        setStatus({ kind: 'ok', text: t('plan.rate.deleted', { sku: codeOf(skuId), marketplace }) });
        // The button is gone with its row: the form takes the focus.
        skuInput.current?.focus();
      })
      .catch((error: unknown) => setStatus({ kind: 'error', text: describe(error) }));
  // The list as a spreadsheet, in the labels of the app's language, which the import reads back.
  const exportCsv = async () => {
    const header = [t('field.sku'), t('field.marketplace'), t('field.unitsPerDay'), t('field.until')];
    const rows = (rates ?? []).map((r) => [codeOf(r.skuId), r.marketplace, r.unitsPerDay, r.until ?? '']);
    await desktop.saveFile({ suggestedName: `stockpilot-forecasts-${today()}.csv`, contents: toCsv(header, rows), filters: [{ name: 'CSV', extensions: ['csv'] }] });
  };
  const importCsv = async () => {
    try {
      const [file] = await desktop.openFiles({ multiple: false, filters: [{ name: 'CSV', extensions: ['csv', 'txt', 'tsv'] }] });
      if (!file) return;
      setBadField(null);
      const count = await importForecastRates(db, file.bytes, file.name, today());
      setStatus({ kind: 'ok', text: t('plan.rate.imported', { count, file: file.name }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };
  const stateOf = (until: string | null, marketplace: string) => (rateHasEnded({ until }, today()) ? t('plan.rate.ended') : fbaMarketplaces.has(marketplace) ? t('plan.rate.applies') : t('plan.rate.noFba', { marketplace }));

  return (
    <section className="panel" aria-labelledby="plan-rates-title">
      <h2 id="plan-rates-title">{t('plan.rate.title')}</h2>
      <p className="muted">{t('plan.rate.help')}</p>
      <form onSubmit={(e) => void save(e)} aria-label={t('plan.rate.save')}>
        <div className="form-grid">
          <Field label={t('field.sku')}>{(id) => <input id={id} ref={skuInput} name="rateSku" aria-invalid={badField === 'sku'} value={draft.sku} onChange={(e) => setDraft({ ...draft, sku: e.target.value })} />}</Field>
          <Field label={t('field.marketplace')}>
            {(id) => (
              <select id={id} name="rateMarketplace" aria-invalid={badField === 'marketplace'} value={draft.marketplace} onChange={(e) => setDraft({ ...draft, marketplace: e.target.value })}>
                {MARKETPLACES.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('field.unitsPerDay')}>
            {(id) => <input id={id} name="rateUnitsPerDay" inputMode="decimal" aria-invalid={badField === 'unitsPerDay'} value={draft.unitsPerDay} onChange={(e) => setDraft({ ...draft, unitsPerDay: e.target.value })} />}
          </Field>
          <Field label={t('field.until')} hint={t('plan.rate.untilHint')}>
            {(id, hint) => <input id={id} aria-describedby={hint} name="rateUntil" type="date" aria-invalid={badField === 'until'} value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.target.value })} />}
          </Field>
          <button type="submit" className="btn">
            {t('plan.rate.save')}
          </button>
        </div>
      </form>
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => void importCsv()}>
          {t('plan.rate.importCsv')}
        </button>
        <button type="button" className="btn" onClick={() => void exportCsv()} disabled={!rates || rates.length === 0}>
          {t('plan.rate.exportCsv')}
        </button>
      </div>
      <StatusLine status={status} />
      {rates && rates.length > 0 ? (
        <table className="data-table--plain" data-testid="plan-rates">
          <thead>
            <tr>
              <th scope="col">{t('field.sku')}</th>
              <th scope="col">{t('field.marketplace')}</th>
              <th scope="col">{t('field.unitsPerDay')}</th>
              <th scope="col">{t('field.until')}</th>
              <th scope="col">{t('plan.rate.state')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rates.map((r) => (
              <tr key={`${r.skuId}|${r.marketplace}`}>
                <td>{codeOf(r.skuId)}</td>
                <td>{r.marketplace}</td>
                <td>{r.unitsPerDay.toLocaleString(language, { maximumFractionDigits: 2 })}</td>
                <td>{r.until ?? t('plan.rate.noEnd')}</td>
                <td>{stateOf(r.until, r.marketplace)}</td>
                <td>
                  <button type="button" className="btn btn--small" aria-label={t('plan.rate.delete', { sku: codeOf(r.skuId), marketplace: r.marketplace })} onClick={() => remove(r.skuId, r.marketplace)}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

const percentOf = (fraction: number) => String(Math.round(fraction * 1000) / 10);

/** Service level per ABC class (PRODUCT §4.3), the FBA floor in days of supply and the FBA capacity limits per FBA location, in units and in cubic feet per storage type (§4.4). */
export function PlanSettingsPanel() {
  const { t, describe } = useT();
  const stored = useLiveQuery(async () => planPreferencesFrom((await db.settings.get('planPreferences'))?.value), []);
  const fbaLocations = (useLocations() ?? []).filter((l) => l.kind === 'fba' && !l.archived);
  const [draft, setDraft] = useState<PlanPreferencesDraft | null>(null);
  const [status, setStatus] = useState<Status>(null);
  // The field a refusal named, marked for assistive technology.
  const [badField, setBadField] = useState<string | null>(null);
  if (!stored) return null;
  const shown: PlanPreferencesDraft = draft ?? {
    serviceLevelPercent: { A: percentOf(stored.serviceLevel.A), B: percentOf(stored.serviceLevel.B), C: percentOf(stored.serviceLevel.C) },
    fbaFloorDays: String(stored.fbaFloorDays),
    capacityUnits: Object.fromEntries(fbaLocations.map((l) => [l.id, stored.fbaCapacityUnits[l.id] === undefined ? '' : String(stored.fbaCapacityUnits[l.id])])),
    capacityCubicFeet: Object.fromEntries(fbaLocations.map((l) => [l.id, Object.fromEntries(STORAGE_TYPES.map((type) => [type, String(stored.fbaCapacityCubicFeet[l.id]?.[type] ?? '')]))])),
  };
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Kept before the await: React clears currentTarget once the handler returns.
    const form = event.currentTarget;
    try {
      await savePlanPreferences(db, shown);
      setDraft(null);
      setBadField(null);
      setStatus({ kind: 'ok', text: t('plan.settings.saved') });
    } catch (error) {
      // The input the refusal is about (a capacity names its warehouse and storage type), marked and focused.
      const { field, locationId, storageType } = error instanceof DomainError ? error.params : {};
      const location = fbaLocations.find((l) => l.id === locationId);
      const name =
        field === 'fbaCapacity' && location ? `capacity${location.id}` : field === 'fbaCapacityCubicFeet' && location ? `capacityCubicFeet${location.id}-${String(storageType)}` : typeof field === 'string' ? field : null;
      setBadField(name);
      // A capacity's refusal is told with the field's own label, which names the warehouse (and type).
      const label =
        location && field === 'fbaCapacityCubicFeet' && typeof storageType === 'string' && isStorageType(storageType)
          ? t('plan.settings.capacityCubicFeet', { location: location.name, type: t(`storageType.${storageType}`) })
          : location && field === 'fbaCapacity'
            ? t('plan.settings.capacity', { location: location.name })
            : null;
      setStatus({ kind: 'error', text: describe(label !== null && error instanceof DomainError ? new DomainError(error.code, { ...error.params, field: label }) : error) });
      if (name) {
        const input = form.elements.namedItem(name);
        if (input instanceof HTMLElement) input.focus();
      }
    }
  };
  return (
    <section className="panel" aria-labelledby="plan-settings-title">
      <h2 id="plan-settings-title">{t('plan.settings.title')}</h2>
      <p className="muted">{t('plan.settings.help')}</p>
      <form onSubmit={(e) => void save(e)} aria-label={t('plan.settings.title')}>
        <div className="form-grid">
          {(['A', 'B', 'C'] as const).map((abc) => (
            <Field key={abc} label={t('plan.settings.serviceLevel', { abc })}>
              {(id) => (
                <input id={id} name={`serviceLevel${abc}`} inputMode="decimal" aria-invalid={badField === `serviceLevel${abc}`} value={shown.serviceLevelPercent[abc]} onChange={(e) => setDraft({ ...shown, serviceLevelPercent: { ...shown.serviceLevelPercent, [abc]: e.target.value } })} />
              )}
            </Field>
          ))}
          <Field label={t('plan.settings.floorDays')} hint={t('plan.settings.floorDaysHint')}>
            {(id, hint) => <input id={id} aria-describedby={hint} name="fbaFloorDays" inputMode="numeric" aria-invalid={badField === 'fbaFloorDays'} value={shown.fbaFloorDays} onChange={(e) => setDraft({ ...shown, fbaFloorDays: e.target.value })} />}
          </Field>
          {fbaLocations.map((l) => (
            <Field key={l.id} label={t('plan.settings.capacity', { location: l.name })} hint={t('plan.settings.capacityHint')}>
              {(id, hint) => <input id={id} aria-describedby={hint} name={`capacity${l.id}`} inputMode="numeric" aria-invalid={badField === `capacity${l.id}`} value={shown.capacityUnits[l.id] ?? ''} onChange={(e) => setDraft({ ...shown, capacityUnits: { ...shown.capacityUnits, [l.id]: e.target.value } })} />}
            </Field>
          ))}
          {fbaLocations.flatMap((l) =>
            STORAGE_TYPES.map((type) => (
              <Field key={`${l.id}-${type}`} label={t('plan.settings.capacityCubicFeet', { location: l.name, type: t(`storageType.${type}`) })} hint={t('plan.settings.capacityHint')}>
                {(id, hint) => (
                  <input
                    id={id}
                    aria-describedby={hint}
                    name={`capacityCubicFeet${l.id}-${type}`}
                    inputMode="decimal"
                    aria-invalid={badField === `capacityCubicFeet${l.id}-${type}`}
                    value={shown.capacityCubicFeet[l.id]?.[type] ?? ''}
                    onChange={(e) => setDraft({ ...shown, capacityCubicFeet: { ...shown.capacityCubicFeet, [l.id]: { ...shown.capacityCubicFeet[l.id], [type]: e.target.value } } })}
                  />
                )}
              </Field>
            )),
          )}
          <button type="submit" className="btn">
            {t('common.save')}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
    </section>
  );
}
