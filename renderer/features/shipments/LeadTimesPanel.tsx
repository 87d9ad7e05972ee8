// Lead times per route and mode: what the closed shipments teach (mean ± standard deviation of the
// days from shipping to arrival), the default the seller sets where there is too little history,
// and per-SKU overrides. The replenishment plan reads the same legs (shared/purchasing/routeLeadTimes).
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { SHIPMENT_MODES } from '../../../shared/model';
import type { ShipmentMode } from '../../../shared/model';
import { learnTransportDays } from '../../../shared/purchasing/leadTimes';
import { FALLBACK_DAYS, parseLegDaysDraft, skuLegKey, transportKey } from '../../../shared/purchasing/routeLeadTimes';
import { db } from '../../db';
import { setLeadTime } from '../../db/purchasing';
import { Field, StatusLine } from '../../components/Form';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { CsvColumn } from '../../components/tableCsv';
import type { Status } from '../../components/Form';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { useById, useLocations, useShipments, useSkus } from '../../app/hooks';
import { useT } from '../../i18n';

const LEGS = ['production', 'handling', 'transport:sea', 'transport:air', 'transport:express', 'transport:rail', 'transport:truck', 'receiving'] as const;
type OverrideLeg = (typeof LEGS)[number];

export function LeadTimesPanel() {
  const { t, language, describe } = useT();
  const shipments = useShipments();
  const locations = useById(useLocations());
  const skus = useSkus() ?? [];
  const saved = useLiveQuery(() => db.leadTimes.toArray(), []);
  const savedByKey = useMemo(() => new Map((saved ?? []).map((r) => [r.key, r])), [saved]);
  const [drafts, setDrafts] = useState<Record<string, { mean: string; sd: string }>>({});
  const [override, setOverride] = useState<{ skuCode: string; leg: OverrideLeg; mean: string; sd: string }>({ skuCode: '', leg: 'transport:sea', mean: '', sd: '' });
  const [status, setStatus] = useState<Status>(null);

  // Every route with a shipment on it, per mode.
  const routes = useMemo(() => {
    const seen = new Map<string, { fromLocationId: number; toLocationId: number; mode: ShipmentMode }>();
    for (const s of shipments ?? []) if (s.mode) seen.set(transportKey(s.fromLocationId, s.toLocationId, s.mode), { fromLocationId: s.fromLocationId, toLocationId: s.toLocationId, mode: s.mode });
    return [...seen].map(([key, route]) => ({ key, ...route, learned: learnTransportDays(shipments ?? [], route) }));
  }, [shipments]);
  const fmt = (n: number) => n.toLocaleString(language, { maximumFractionDigits: 1 });

  const save = async (key: string, mean: string, sd: string, ok: string) => {
    try {
      await setLeadTime(db, key, parseLegDaysDraft({ mean, sd }));
      setStatus({ kind: 'ok', text: ok });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const submitOverride = async (event: FormEvent) => {
    event.preventDefault();
    const skuId = skuIdForCode(skus, override.skuCode);
    if (!skuId) {
      setStatus({ kind: 'error', text: t('shipments.unknownSku', { code: override.skuCode }) });
      return;
    }
    await save(skuLegKey(skuId, override.leg), override.mean, override.sd, t('leadTimes.overrideSaved', { sku: override.skuCode.trim().toUpperCase() }));
  };

  const overrides = (saved ?? []).filter((r) => r.key.startsWith('sku:'));
  /** A leg as the seller reads it: "Transport · Sea", "Production". */
  const legLabel = (leg: OverrideLeg) => {
    if (leg === 'production' || leg === 'handling' || leg === 'receiving') return t(`leadTimes.leg.${leg}`);
    const mode = SHIPMENT_MODES.find((m) => `transport:${m}` === leg);
    return `${t('leadTimes.leg.transport')} · ${mode ? t(`shipments.mode.${mode}`) : leg}`;
  };
  type RouteRow = (typeof routes)[number];
  const currentOf = (r: RouteRow) => savedByKey.get(r.key) ?? FALLBACK_DAYS.transport[r.mode];
  const learnedHeader = (value: string) => t('common.labelled', { label: t('leadTimes.learned'), value });
  const defaultHeader = (value: string) => t('common.labelled', { label: t('leadTimes.defaultShort'), value });
  // The saved default, not a draft still being typed.
  const csvColumns: CsvColumn<RouteRow>[] = [
    { header: t('shipments.route'), value: (r) => `${locations.get(r.fromLocationId)?.name ?? ''} → ${locations.get(r.toLocationId)?.name ?? ''}` },
    { header: t('shipments.mode'), value: (r) => t(`shipments.mode.${r.mode}`) },
    { header: learnedHeader(t('leadTimes.meanDays')), value: (r) => r.learned?.meanDays },
    { header: learnedHeader(t('leadTimes.sdDays')), value: (r) => r.learned?.sdDays },
    { header: learnedHeader(t('leadTimes.samples')), value: (r) => r.learned?.samples },
    { header: defaultHeader(t('leadTimes.meanDays')), value: (r) => currentOf(r).meanDays },
    { header: defaultHeader(t('leadTimes.sdDays')), value: (r) => currentOf(r).sdDays },
  ];
  return (
    <section className="panel" aria-labelledby="lead-times-title">
      <h2 id="lead-times-title">{t('leadTimes.title')}</h2>
      <p className="muted">{t('leadTimes.help')}</p>
      <StatusLine status={status} />
      {routes.length > 0 ? (
        <div className="toolbar">
          <ExportCsvButton fileStem="lead-times" onError={(error) => setStatus({ kind: 'error', text: describe(error) })} tableLabel={t('leadTimes.title')} columns={csvColumns} rows={() => routes} testId="lead-times-export" />
        </div>
      ) : null}
      {routes.length > 0 ? (
        <table className="data-table--plain" data-testid="lead-times">
          <thead>
            <tr>
              <th scope="col">{t('shipments.route')}</th>
              <th scope="col">{t('shipments.mode')}</th>
              <th scope="col">{t('leadTimes.learned')}</th>
              <th scope="col">{t('leadTimes.default')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {routes.map((r) => {
              const current = currentOf(r);
              const draft = drafts[r.key] ?? { mean: String(current.meanDays), sd: String(current.sdDays) };
              return (
                <tr key={r.key}>
                  <td>
                    {locations.get(r.fromLocationId)?.name} → {locations.get(r.toLocationId)?.name}
                  </td>
                  <td>{t(`shipments.mode.${r.mode}`)}</td>
                  <td className="num">{r.learned ? t('leadTimes.days', { mean: fmt(r.learned.meanDays), sd: fmt(r.learned.sdDays), n: r.learned.samples }) : '—'}</td>
                  <td>
                    <input aria-label={t('leadTimes.meanDays')} name="routeMean" size={4} value={draft.mean} onChange={(e) => setDrafts({ ...drafts, [r.key]: { ...draft, mean: e.target.value } })} /> ±{' '}
                    <input aria-label={t('leadTimes.sdDays')} name="routeSd" size={4} value={draft.sd} onChange={(e) => setDrafts({ ...drafts, [r.key]: { ...draft, sd: e.target.value } })} />
                  </td>
                  <td>
                    <button type="button" className="btn btn--small" onClick={() => void save(r.key, draft.mean, draft.sd, t('leadTimes.saved'))}>
                      {t('common.save')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <form onSubmit={submitOverride} aria-label={t('leadTimes.override')}>
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
          <button type="submit" className="btn">
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
                {t('common.labelled', { label, value: t('leadTimes.daysPlain', { mean: fmt(o.meanDays), sd: fmt(o.sdDays) }) })}{' '}
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
