// Lead times (PRODUCT §3): the seller's defaults for every SKU — handling where goods leave (domestic
// warehouse, 3PL), transport per route and mode (learned from closed shipments once there are enough),
// receiving where they arrive (FBA check-in, a 3PL) — and per-SKU overrides. Each row shows the figure
// the replenishment plan uses, and where it comes from (shared/purchasing/routeLeadTimes).
import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { SHIPMENT_MODES } from '../../../shared/model';
import type { Location, ShipmentMode } from '../../../shared/model';
import { DomainError } from '../../../shared/errors';
import { learnTransportDays } from '../../../shared/purchasing/leadTimes';
import type { LearnedDays } from '../../../shared/purchasing/leadTimes';
import {
  HANDLING_LOCATION_KINDS,
  RECEIVING_LOCATION_KINDS,
  fallbackDays,
  legDefaultKey,
  legInUse,
  parseLegDaysDraft,
  nearRoutes,
  planReadsLegDefault,
  planShipOrigin,
  routeOfTransportKey,
  skuLegKey,
  transportKey,
} from '../../../shared/purchasing/routeLeadTimes';
import type { Days, LegDefaultTarget, LegInUse } from '../../../shared/purchasing/routeLeadTimes';
import { db } from '../../db';
import { setLeadTime, setLegDefault } from '../../db/purchasing';
import { Field, StatusLine } from '../../components/Form';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { CsvColumn } from '../../components/tableCsv';
import type { Status } from '../../components/Form';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { useById, useLocations, useShipments, useSkus } from '../../app/hooks';
import { useT } from '../../i18n';

const LEGS = ['production', 'handling', 'transport:sea', 'transport:air', 'transport:express', 'transport:rail', 'transport:truck', 'receiving'] as const;
type OverrideLeg = (typeof LEGS)[number];

type Draft = { mean: string; sd: string };
type DaysInput = 'mean' | 'sd';
type RefusedInput = DaysInput | 'from' | 'to' | 'mode';
/** The key a refusal in the new-route form is marked under. */
const NEW_ROUTE = 'new-route';

/** One default the seller can set: a location's handling or receiving, or a route by a mode. */
interface LegRow {
  key: string;
  target: LegDefaultTarget;
  /** What the row is about, as the seller reads it ("handling at Domestic warehouse"). */
  what: string;
  learned: LearnedDays | null;
  saved: Days | undefined;
  inUse: LegInUse;
  /** Whether the replenishment plan reads this default at all. */
  planned: boolean;
}

/** Which days input a refusal is about, from the field it names. */
const daysInputOf = (error: unknown): DaysInput | null => {
  const field = error instanceof DomainError ? error.params.field : undefined;
  return field === 'leadTimeMeanDays' ? 'mean' : field === 'leadTimeSdDays' ? 'sd' : null;
};

export function LeadTimesPanel() {
  const { t, language, describe } = useT();
  const shipments = useShipments();
  const locationList = useLocations();
  const locations = useById(locationList);
  const skus = useSkus() ?? [];
  const saved = useLiveQuery(() => db.leadTimes.toArray(), []);
  const savedByKey = useMemo(() => new Map((saved ?? []).map((r) => [r.key, { meanDays: r.meanDays, sdDays: r.sdDays }])), [saved]);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [bad, setBad] = useState<{ key: string; input: RefusedInput } | null>(null);
  const daysInputs = useRef(new Map<string, HTMLInputElement>());
  const [override, setOverride] = useState<{ skuCode: string; leg: OverrideLeg; mean: string; sd: string }>({ skuCode: '', leg: 'transport:sea', mean: '', sd: '' });
  const [newRoute, setNewRoute] = useState<{ fromLocationId: number; toLocationId: number; mode: ShipmentMode; mean: string; sd: string }>({ fromLocationId: 0, toLocationId: 0, mode: 'sea', mean: '', sd: '' });
  const [status, setStatus] = useState<Status>(null);
  const isBad = (key: string, input: RefusedInput) => bad?.key === key && bad.input === input;
  const fmt = (n: number) => n.toLocaleString(language, { maximumFractionDigits: 1 });
  const daysText = (d: Days) => t('leadTimes.daysPlain', { mean: fmt(d.meanDays), sd: fmt(d.sdDays) });
  const nameOf = (id: number) => locations.get(id)?.name ?? `#${id}`;
  const modeName = (mode: ShipmentMode) => t(`shipments.mode.${mode}`);

  const all = useMemo(() => locationList ?? [], [locationList]);
  const open = all.filter((l) => !l.archived && l.kind !== 'transit');
  const origin = planShipOrigin(all);
  // The 3PL → FBA routes the plan ships on (a shipment on it, or a default set here).
  const planRoutes = useMemo(() => nearRoutes(all, shipments ?? [], savedByKey.keys()), [all, shipments, savedByKey]);
  const whatOf = (target: LegDefaultTarget) =>
    target.leg === 'transport'
      ? t('leadTimes.what.route', { from: nameOf(target.fromLocationId), to: nameOf(target.toLocationId), mode: modeName(target.mode) })
      : t(`leadTimes.what.${target.leg}`, { location: nameOf(target.locationId) });
  const rowOf = (target: LegDefaultTarget, learned: LearnedDays | null): LegRow => {
    const key = legDefaultKey(target);
    const savedDays = savedByKey.get(key);
    const kind = locations.get(target.leg === 'transport' ? target.toLocationId : target.locationId)?.kind ?? 'fba';
    return { key, target, what: whatOf(target), learned, saved: savedDays, inUse: legInUse(learned, savedDays, fallbackDays(target, kind)), planned: planReadsLegDefault(target, all, planRoutes) };
  };

  /** Each location of these kinds, and any other that still has a default saved (an archived one, say), so it can be cleared. */
  const placeRows = (leg: 'handling' | 'receiving', kinds: readonly Location['kind'][]) =>
    all.filter((l) => (!l.archived && kinds.includes(l.kind)) || savedByKey.has(legDefaultKey({ leg, locationId: l.id }))).map((l) => rowOf({ leg, locationId: l.id }, null));
  const handlingRows = placeRows('handling', HANDLING_LOCATION_KINDS);
  const receivingRows = placeRows('receiving', RECEIVING_LOCATION_KINDS);

  // Every route with a shipment on it, and every route the seller set a default for, per mode.
  const routes = useMemo(() => {
    const seen = new Map<string, { fromLocationId: number; toLocationId: number; mode: ShipmentMode }>();
    for (const s of shipments ?? []) if (s.mode) seen.set(transportKey(s.fromLocationId, s.toLocationId, s.mode), { fromLocationId: s.fromLocationId, toLocationId: s.toLocationId, mode: s.mode });
    for (const key of savedByKey.keys()) {
      const route = routeOfTransportKey(key);
      if (route) seen.set(key, route);
    }
    return [...seen.values()].map((route) => ({ route, learned: learnTransportDays(shipments ?? [], route) }));
  }, [shipments, savedByKey]);
  const routeRows = routes
    .map(({ route, learned }) => rowOf({ leg: 'transport', ...route }, learned))
    .sort((a, b) => a.what.localeCompare(b.what, language) || (a.target.leg === 'transport' && b.target.leg === 'transport' ? SHIPMENT_MODES.indexOf(a.target.mode) - SHIPMENT_MODES.indexOf(b.target.mode) : 0));

  /** The input a refusal is about: a days field, or the route form's From, To or Mode. */
  const refusedInputOf = (error: unknown): RefusedInput | null => {
    const days = daysInputOf(error);
    if (days) return days;
    if (!(error instanceof DomainError)) return null;
    if (error.code === 'movement.sameLocation') return 'to';
    const field = error.params.field;
    return field === 'from' || field === 'to' || field === 'mode' ? field : null;
  };

  /** A refusal names the row's own field ("Average days, handling at Domestic warehouse") and marks it; the caller focuses it. */
  const refuse = (key: string, what: string, error: unknown): RefusedInput | null => {
    const input = refusedInputOf(error);
    setBad(input ? { key, input } : null);
    const label = input === 'mean' ? t('leadTimes.meanOf', { what }) : input === 'sd' ? t('leadTimes.sdOf', { what }) : null;
    setStatus({ kind: 'error', text: describe(label && error instanceof DomainError ? new DomainError(error.code, { ...error.params, field: label }) : error) });
    return input;
  };
  const dropDraft = (key: string) => setDrafts(({ [key]: _dropped, ...rest }) => rest);

  const saveRow = async (row: LegRow, draft: Draft) => {
    try {
      const days = parseLegDaysDraft(draft);
      await setLegDefault(db, row.target, days);
      dropDraft(row.key);
      setBad(null);
      setStatus({ kind: 'ok', text: t('leadTimes.savedWhat', { what: row.what, days: daysText(days) }) });
    } catch (error) {
      const input = refuse(row.key, row.what, error);
      if (input === 'mean' || input === 'sd') daysInputs.current.get(`${row.key}|${input}`)?.focus();
    }
  };

  const clearRow = async (row: LegRow) => {
    try {
      await setLegDefault(db, row.target, null);
      dropDraft(row.key);
      setBad(null);
      // The Clear button goes with the default it cleared: the focus moves to the row's days.
      daysInputs.current.get(`${row.key}|mean`)?.focus();
      setStatus({ kind: 'ok', text: t('leadTimes.clearedWhat', { what: row.what }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const newRouteFrom = newRoute.fromLocationId || origin?.id || open[0]?.id || 0;
  const newRouteTarget: LegDefaultTarget = {
    leg: 'transport',
    fromLocationId: newRouteFrom,
    // The select shows its first option when nothing is chosen: with no FBA location, the first place that is not the origin.
    toLocationId: newRoute.toLocationId || open.find((l) => l.kind === 'fba')?.id || open.find((l) => l.id !== newRouteFrom)?.id || 0,
    mode: newRoute.mode,
  };
  const newRouteWhat = whatOf(newRouteTarget);
  const locationOptions = open.map((l) => (
    <option key={l.id} value={l.id}>
      {l.name}
    </option>
  ));
  const newRouteInputs: Record<RefusedInput, string> = { mean: 'newRouteMean', sd: 'newRouteSd', from: 'newRouteFrom', to: 'newRouteTo', mode: 'newRouteMode' };
  const submitNewRoute = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Kept before the await: React clears currentTarget once the handler returns.
    const form = event.currentTarget;
    try {
      const days = parseLegDaysDraft({ mean: newRoute.mean, sd: newRoute.sd });
      await setLegDefault(db, newRouteTarget, days);
      setNewRoute({ ...newRoute, mean: '', sd: '' });
      setBad(null);
      setStatus({ kind: 'ok', text: t('leadTimes.savedWhat', { what: newRouteWhat, days: daysText(days) }) });
    } catch (error) {
      const input = refuse(NEW_ROUTE, newRouteWhat, error);
      const element = input ? form.elements.namedItem(newRouteInputs[input]) : null;
      if (element instanceof HTMLElement) element.focus();
    }
  };

  const submitOverride = async (event: FormEvent) => {
    event.preventDefault();
    const skuId = skuIdForCode(skus, override.skuCode);
    if (!skuId) {
      setStatus({ kind: 'error', text: t('shipments.unknownSku', { code: override.skuCode }) });
      return;
    }
    try {
      await setLeadTime(db, skuLegKey(skuId, override.leg), parseLegDaysDraft({ mean: override.mean, sd: override.sd }));
      setStatus({ kind: 'ok', text: t('leadTimes.overrideSaved', { sku: override.skuCode.trim().toUpperCase() }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const overrides = (saved ?? []).filter((r) => r.key.startsWith('sku:'));
  /** A leg as the seller reads it: "Transport · Sea", "Production". */
  const legLabel = (leg: OverrideLeg) => {
    if (leg === 'production' || leg === 'handling' || leg === 'receiving') return t(`leadTimes.leg.${leg}`);
    const mode = SHIPMENT_MODES.find((m) => `transport:${m}` === leg);
    return `${t('leadTimes.leg.transport')} · ${mode ? modeName(mode) : leg}`;
  };
  const sourceText = (inUse: LegInUse) =>
    inUse.source === 'learned' ? t('leadTimes.source.learned', { n: inUse.samples }) : inUse.source === 'saved' ? t('leadTimes.source.saved') : t('leadTimes.source.standard');
  const inUseText = (row: LegRow) => (row.planned ? t('leadTimes.inUse', { days: daysText(row.inUse), source: sourceText(row.inUse) }) : t('leadTimes.notInPlan'));

  /** The seller's days for a row: mean ± sd, Save and (when set) Clear, each named after the row. */
  const editorCells = (row: LegRow) => {
    const draft = drafts[row.key] ?? { mean: row.saved ? String(row.saved.meanDays) : '', sd: row.saved ? String(row.saved.sdDays) : '' };
    const fallback = row.inUse.source === 'learned' ? row.inUse : (row.saved ?? row.inUse);
    const input = (which: DaysInput) => (
      <input
        ref={(element) => {
          if (element) daysInputs.current.set(`${row.key}|${which}`, element);
          else daysInputs.current.delete(`${row.key}|${which}`);
        }}
        aria-label={t(which === 'mean' ? 'leadTimes.meanOf' : 'leadTimes.sdOf', { what: row.what })}
        aria-invalid={isBad(row.key, which)}
        name={which === 'mean' ? 'legMean' : 'legSd'}
        inputMode="decimal"
        size={4}
        placeholder={fmt(which === 'mean' ? fallback.meanDays : fallback.sdDays)}
        value={draft[which]}
        onChange={(e) => setDrafts({ ...drafts, [row.key]: { ...draft, [which]: e.target.value } })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void saveRow(row, draft);
        }}
      />
    );
    return (
      <>
        <td data-col="yours" className="num">
          {row.saved ? daysText(row.saved) : '—'}
        </td>
        <td data-col="planUses">{inUseText(row)}</td>
        <td data-col="edit">
          {input('mean')} ± {input('sd')}
        </td>
        <td data-col="actions">
          <button type="button" className="btn btn--small" aria-label={t('leadTimes.saveWhat', { what: row.what })} onClick={() => void saveRow(row, draft)}>
            {t('common.save')}
          </button>{' '}
          {row.saved ? (
            <button type="button" className="btn btn--small" aria-label={t('leadTimes.clearWhat', { what: row.what })} onClick={() => void clearRow(row)}>
              {t('leadTimes.clear')}
            </button>
          ) : null}
        </td>
      </>
    );
  };

  const header = (label: string, value: string) => t('common.labelled', { label, value });
  const yoursColumns = (): CsvColumn<LegRow>[] => [
    { header: header(t('leadTimes.yours'), t('leadTimes.meanDays')), value: (r) => r.saved?.meanDays },
    { header: header(t('leadTimes.yours'), t('leadTimes.sdDays')), value: (r) => r.saved?.sdDays },
    { header: header(t('leadTimes.planUses'), t('leadTimes.meanDays')), value: (r) => (r.planned ? r.inUse.meanDays : null) },
    { header: header(t('leadTimes.planUses'), t('leadTimes.sdDays')), value: (r) => (r.planned ? r.inUse.sdDays : null) },
    { header: t('leadTimes.source'), value: (r) => (r.planned ? sourceText(r.inUse) : t('leadTimes.notInPlan')) },
  ];
  const placeName = (r: LegRow) => (r.target.leg === 'transport' ? '' : nameOf(r.target.locationId));
  const placeColumns: CsvColumn<LegRow>[] = [{ header: t('field.location'), value: placeName }, ...yoursColumns()];
  const routeColumns: CsvColumn<LegRow>[] = [
    { header: t('shipments.route'), value: (r) => (r.target.leg === 'transport' ? `${nameOf(r.target.fromLocationId)} → ${nameOf(r.target.toLocationId)}` : '') },
    { header: t('shipments.mode'), value: (r) => (r.target.leg === 'transport' ? modeName(r.target.mode) : '') },
    { header: header(t('leadTimes.learned'), t('leadTimes.meanDays')), value: (r) => r.learned?.meanDays },
    { header: header(t('leadTimes.learned'), t('leadTimes.sdDays')), value: (r) => r.learned?.sdDays },
    { header: header(t('leadTimes.learned'), t('leadTimes.samples')), value: (r) => r.learned?.samples },
    ...yoursColumns(),
  ];
  const onCsvError = (error: unknown) => setStatus({ kind: 'error', text: describe(error) });

  const placeTable = (leg: 'handling' | 'receiving', rows: readonly LegRow[]) => (
    <>
      <h3 id={`lead-times-${leg}-title`}>{t(`leadTimes.${leg}.title`)}</h3>
      <p className="muted">{t(`leadTimes.${leg}.help`)}</p>
      <div className="toolbar">
        <ExportCsvButton fileStem={`lead-times-${leg}`} onError={onCsvError} tableLabel={t(`leadTimes.${leg}.title`)} columns={placeColumns} rows={() => rows} testId={`lead-times-${leg}-export`} />
      </div>
      <table className="data-table--plain" data-testid={`lead-times-${leg}`} aria-labelledby={`lead-times-${leg}-title`}>
        <thead>
          <tr>
            <th scope="col">{t('field.location')}</th>
            <th scope="col">{t('leadTimes.yours')}</th>
            <th scope="col">{t('leadTimes.planUses')}</th>
            <th scope="col">{t('leadTimes.default')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`lead-times-${leg}-row`}>
              <td data-col="location">{placeName(row)}</td>
              {editorCells(row)}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );

  return (
    <section className="panel" aria-labelledby="lead-times-title">
      <h2 id="lead-times-title">{t('leadTimes.title')}</h2>
      <p className="muted">{t('leadTimes.help')}</p>
      {origin ? <p className="muted">{t('leadTimes.planHelp', { origin: origin.name })}</p> : null}
      <StatusLine status={status} />
      {placeTable('handling', handlingRows)}

      <h3 id="lead-times-routes-title">{t('leadTimes.routes.title')}</h3>
      {routeRows.length > 0 ? (
        <>
          <div className="toolbar">
            <ExportCsvButton fileStem="lead-times" onError={onCsvError} tableLabel={t('leadTimes.routes.title')} columns={routeColumns} rows={() => routeRows} testId="lead-times-export" />
          </div>
          <table className="data-table--plain" data-testid="lead-times" aria-labelledby="lead-times-routes-title">
            <thead>
              <tr>
                <th scope="col">{t('shipments.route')}</th>
                <th scope="col">{t('shipments.mode')}</th>
                <th scope="col">{t('leadTimes.learned')}</th>
                <th scope="col">{t('leadTimes.yours')}</th>
                <th scope="col">{t('leadTimes.planUses')}</th>
                <th scope="col">{t('leadTimes.default')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {routeRows.map((row) =>
                row.target.leg === 'transport' ? (
                  <tr key={row.key} data-testid="lead-times-row">
                    <td data-col="route">
                      {nameOf(row.target.fromLocationId)} → {nameOf(row.target.toLocationId)}
                    </td>
                    <td data-col="mode">{modeName(row.target.mode)}</td>
                    <td data-col="learned" className="num">
                      {row.learned ? t('leadTimes.days', { mean: fmt(row.learned.meanDays), sd: fmt(row.learned.sdDays), n: row.learned.samples }) : '—'}
                    </td>
                    {editorCells(row)}
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted" data-testid="lead-times-none">
          {t('leadTimes.routes.none')}
        </p>
      )}
      <form onSubmit={(e) => void submitNewRoute(e)} aria-label={t('leadTimes.newRoute')} data-testid="lead-times-new-route">
        <h4>{t('leadTimes.newRoute')}</h4>
        <div className="form-grid">
          <Field label={t('field.from')}>
            {(id) => (
              <select id={id} name="newRouteFrom" aria-invalid={isBad(NEW_ROUTE, 'from')} value={newRouteTarget.fromLocationId} onChange={(e) => setNewRoute({ ...newRoute, fromLocationId: Number(e.target.value) })}>
                {locationOptions}
              </select>
            )}
          </Field>
          <Field label={t('field.to')}>
            {(id) => (
              <select id={id} name="newRouteTo" aria-invalid={isBad(NEW_ROUTE, 'to')} value={newRouteTarget.toLocationId} onChange={(e) => setNewRoute({ ...newRoute, toLocationId: Number(e.target.value) })}>
                {locationOptions}
              </select>
            )}
          </Field>
          <Field label={t('field.mode')}>
            {(id) => (
              <select id={id} name="newRouteMode" aria-invalid={isBad(NEW_ROUTE, 'mode')} value={newRoute.mode} onChange={(e) => setNewRoute({ ...newRoute, mode: SHIPMENT_MODES.find((m) => m === e.target.value) ?? 'sea' })}>
                {SHIPMENT_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {modeName(mode)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('leadTimes.meanDays')}>
            {(id) => <input id={id} name="newRouteMean" inputMode="decimal" aria-invalid={isBad(NEW_ROUTE, 'mean')} value={newRoute.mean} onChange={(e) => setNewRoute({ ...newRoute, mean: e.target.value })} />}
          </Field>
          <Field label={t('leadTimes.sdDays')}>
            {(id) => <input id={id} name="newRouteSd" inputMode="decimal" aria-invalid={isBad(NEW_ROUTE, 'sd')} value={newRoute.sd} onChange={(e) => setNewRoute({ ...newRoute, sd: e.target.value })} />}
          </Field>
          <button type="submit" className="btn" aria-label={t('leadTimes.saveWhat', { what: newRouteWhat })}>
            {t('common.save')}
          </button>
        </div>
      </form>

      {placeTable('receiving', receivingRows)}

      <form onSubmit={(e) => void submitOverride(e)} aria-label={t('leadTimes.override')}>
        <h3>{t('leadTimes.override')}</h3>
        <div className="form-grid">
          <Field label={t('field.sku')}>{(id) => <SkuPicker id={id} name="overrideSku" value={override.skuCode} onChange={(v) => setOverride({ ...override, skuCode: v })} skus={skus} />}</Field>
          <Field label={t('leadTimes.leg')}>
            {(id) => (
              <select id={id} name="overrideLeg" value={override.leg} onChange={(e) => setOverride({ ...override, leg: LEGS.find((l) => l === e.target.value) ?? 'production' })}>
                {LEGS.map((leg) => (
                  <option key={leg} value={leg}>
                    {legLabel(leg)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('leadTimes.meanDays')}>{(id) => <input id={id} name="overrideMean" value={override.mean} onChange={(e) => setOverride({ ...override, mean: e.target.value })} />}</Field>
          <Field label={t('leadTimes.sdDays')}>{(id) => <input id={id} name="overrideSd" value={override.sd} onChange={(e) => setOverride({ ...override, sd: e.target.value })} />}</Field>
          <button type="submit" className="btn" aria-label={t('leadTimes.saveWhat', { what: override.skuCode.trim() ? `${override.skuCode.trim().toUpperCase()} · ${legLabel(override.leg)}` : legLabel(override.leg) })}>
            {t('common.save')}
          </button>
        </div>
      </form>
      {overrides.length > 0 ? (
        <ul data-testid="lead-time-overrides">
          {overrides.map((o) => {
            const [, skuId, ...legParts] = o.key.split(':');
            const leg = LEGS.find((l) => l === legParts.join(':'));
            const label = `${skus.find((s) => s.id === Number(skuId))?.code ?? skuId} · ${leg ? legLabel(leg) : legParts.join(' ')}`;
            return (
              <li key={o.key}>
                {t('common.labelled', { label, value: daysText(o) })}{' '}
                <button type="button" className="btn btn--small" aria-label={t('common.labelled', { label: t('leadTimes.remove'), value: label })} onClick={() => void setLeadTime(db, o.key, null)}>
                  {t('leadTimes.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
