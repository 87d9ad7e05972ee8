// Stock counts (PRODUCT §5): count plans with what is due and overdue, counts with their accuracy
// over time, counts made from a 3PL file or an FBA snapshot, and each SKU's bin per location.
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_COUNT_FREQUENCY_MONTHS, planDue, pooledAccuracy } from '../../../shared/counts';
import type { CountPlan, StockCount } from '../../../shared/counts';
import { db } from '../../db';
import { saveCountPlan, setSkuBin } from '../../db/counts';
import { callLedger } from '../../db/ledgerClient';
import { latestRows } from '../../db/reports';
import { Field, StatusLine } from '../../components/Form';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { CsvColumn } from '../../components/tableCsv';
import type { Status } from '../../components/Form';
import { useById, useLocations, useSkus } from '../../app/hooks';
import { nowIso, today } from '../../app/clock';
import { reportKindLabel, useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { CountDetail, percent } from './CountDetail';
import { useCountPlans, useCounts } from './useCounts';

export function Counts() {
  const { t } = useT();
  const counts = useCounts();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = counts?.find((c) => c.id === selectedId) ?? null;
  return (
    <section aria-labelledby="counts-title">
      <h1 id="counts-title">{t('counts.title')}</h1>
      <p className="muted">{t('counts.help')}</p>
      <Plans counts={counts ?? []} onStarted={setSelectedId} />
      {selected ? <CountDetail key={selected.id} count={selected} onClose={() => setSelectedId(null)} /> : null}
      <History counts={counts ?? []} onOpen={setSelectedId} />
      <FromSnapshot onStarted={setSelectedId} />
      <Bins />
    </section>
  );
}

function scopeText(plan: CountPlan, t: ReturnType<typeof useT>['t']): string {
  switch (plan.scope.kind) {
    case 'abc':
      return t('counts.scopeAbc', { abcClass: plan.scope.abcClass });
    case 'bins':
      return t('counts.scopeBins', { from: plan.scope.fromBin || '…', to: plan.scope.toBin || '…' });
    case 'skus':
      return t('counts.scopeSkus', { count: plan.scope.skuIds.length });
  }
}

function Plans({ counts, onStarted }: { counts: readonly StockCount[]; onStarted: (id: number) => void }) {
  const { t, describe } = useT();
  const plans = useCountPlans();
  const locations = useById(useLocations());
  const [form, setForm] = useState<CountPlan | 'new' | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [cutoff, setCutoff] = useState(today());
  const [busy, setBusy] = useState(false);
  const now = today();
  const dueOf = (plan: CountPlan) => planDue(plan, counts, now);
  const dueText = ({ due }: ReturnType<typeof dueOf>) => (due.status === 'overdue' ? t('counts.due.overdue', { days: due.daysOverdue }) : t(`counts.due.${due.status}` satisfies MessageKey));
  const csvColumns: CsvColumn<CountPlan>[] = [
    { header: t('field.planName'), value: (plan) => plan.name },
    { header: t('field.location'), value: (plan) => locations.get(plan.locationId)?.name ?? '' },
    { header: t('field.scopeKind'), value: (plan) => scopeText(plan, t) },
    { header: t('field.frequencyMonths'), value: (plan) => plan.frequencyMonths },
    { header: t('counts.lastCounted'), value: (plan) => dueOf(plan).last },
    { header: t('counts.dueOn'), value: (plan) => dueOf(plan).due.dueOn },
    { header: t('field.status'), value: (plan) => dueText(dueOf(plan)) },
  ];

  const start = async (plan: CountPlan) => {
    setBusy(true);
    try {
      const id = await callLedger('createCount', { input: { planId: plan.id, cutoffDate: cutoff }, now: nowIso() });
      const count = await db.counts.get(id);
      setStatus({ kind: 'ok', text: t('counts.started', { number: count?.number ?? '', lines: count?.lines.length ?? 0 }) });
      onStarted(id);
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="count-plans-title">
      <h2 id="count-plans-title">{t('counts.plans')}</h2>
      <div className="toolbar">
        <button type="button" className="btn btn--primary" onClick={() => setForm('new')}>
          {t('counts.newPlan')}
        </button>
        <Field label={t('field.cutoffDate')}>{(id) => <input id={id} name="cutoffDate" type="date" value={cutoff} onChange={(e) => setCutoff(e.target.value)} />}</Field>
      </div>
      {form !== null ? (
        <PlanForm
          key={form === 'new' ? 'new' : form.id}
          editing={form === 'new' ? null : form}
          onDone={(text) => {
            setForm(null);
            setStatus({ kind: 'ok', text });
          }}
          onCancel={() => setForm(null)}
        />
      ) : null}
      <StatusLine status={status} />
      {plans && plans.length === 0 ? <p>{t('counts.noPlans')}</p> : null}
      {plans && plans.length > 0 ? (
        <div className="toolbar">
          <ExportCsvButton fileStem="count-plans" onError={(error) => setStatus({ kind: 'error', text: describe(error) })} tableLabel={t('counts.plans')} columns={csvColumns} rows={() => plans} testId="count-plans-export" />
        </div>
      ) : null}
      {plans && plans.length > 0 ? (
        <table className="data-table--plain" data-testid="count-plans">
          <thead>
            <tr>
              <th scope="col">{t('field.planName')}</th>
              <th scope="col">{t('field.location')}</th>
              <th scope="col">{t('field.scopeKind')}</th>
              <th scope="col">{t('field.frequencyMonths')}</th>
              <th scope="col">{t('counts.lastCounted')}</th>
              <th scope="col">{t('counts.dueOn')}</th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => {
              const { last, due } = dueOf(plan);
              return (
                <tr key={plan.id} data-testid="count-plan" data-plan={plan.name}>
                  <td data-col="name">{plan.name}</td>
                  <td data-col="location">{locations.get(plan.locationId)?.name ?? ''}</td>
                  <td data-col="scope">{scopeText(plan, t)}</td>
                  <td data-col="frequency">{t('counts.frequency', { months: plan.frequencyMonths })}</td>
                  <td data-col="last">{last ?? t('counts.never')}</td>
                  <td data-col="dueOn">{due.dueOn}</td>
                  <td data-col="due">
                    <span className={`badge${due.status === 'overdue' ? ' badge--warn' : ''}`}>{dueText({ last, due })}</span>
                  </td>
                  <td>
                    <button type="button" className="btn" disabled={busy} aria-label={t('common.labelled', { label: t('counts.start'), value: plan.name })} onClick={() => void start(plan)}>
                      {t('counts.start')}
                    </button>{' '}
                    <button type="button" className="btn" aria-label={t('common.labelled', { label: t('common.edit'), value: plan.name })} onClick={() => setForm(plan)}>
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function draftOf(plan: CountPlan | null, codeOf: (skuId: number) => string) {
  if (!plan) return { name: '', locationId: '', scopeKind: 'abc', abcClass: 'A', fromBin: '', toBin: '', skuCodes: '', frequencyMonths: String(DEFAULT_COUNT_FREQUENCY_MONTHS.A) };
  const { scope } = plan;
  return {
    name: plan.name,
    locationId: String(plan.locationId),
    scopeKind: scope.kind,
    abcClass: scope.kind === 'abc' ? scope.abcClass : 'A',
    fromBin: scope.kind === 'bins' ? scope.fromBin : '',
    toBin: scope.kind === 'bins' ? scope.toBin : '',
    skuCodes: scope.kind === 'skus' ? scope.skuIds.map(codeOf).join(' ') : '',
    frequencyMonths: String(plan.frequencyMonths),
  };
}

function PlanForm({ editing, onDone, onCancel }: { editing: CountPlan | null; onDone: (text: string) => void; onCancel: () => void }) {
  const { t, describe } = useT();
  const locations = (useLocations() ?? []).filter((l) => l.kind !== 'transit' && !l.archived);
  const skuById = useById(useSkus());
  const [draft, setDraft] = useState(() => draftOf(editing, (id) => skuById.get(id)?.code ?? ''));
  const [status, setStatus] = useState<Status>(null);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const locationId = draft.locationId || String(locations.find((l) => l.kind === 'domestic')?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await saveCountPlan(db, { ...draft, locationId: Number(locationId) }, today(), editing?.id);
      onDone(t('counts.planSaved', { name: draft.name.trim() }));
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <form className="panel" aria-label={editing ? t('common.labelled', { label: t('common.edit'), value: editing.name }) : t('counts.newPlan')} onSubmit={(e) => void submit(e)} data-testid="count-plan-form">
      <div className="form-grid">
        <Field label={t('field.planName')}>{(id) => <input id={id} name="planName" value={draft.name} onChange={(e) => set('name')(e.target.value)} />}</Field>
        <Field label={t('field.location')}>
          {(id) => (
            <select id={id} name="planLocation" value={locationId} onChange={(e) => set('locationId')(e.target.value)}>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.scopeKind')}>
          {(id) => (
            <select id={id} name="scopeKind" value={draft.scopeKind} onChange={(e) => set('scopeKind')(e.target.value)}>
              <option value="abc">{t('counts.scope.abc')}</option>
              <option value="bins">{t('counts.scope.bins')}</option>
              <option value="skus">{t('counts.scope.skus')}</option>
            </select>
          )}
        </Field>
        {draft.scopeKind === 'abc' ? (
          <Field label={t('field.abcClass')} hint={t('counts.frequencyHelp')}>
            {(id, hint) => (
              <select
                id={id}
                aria-describedby={hint}
                name="abcClass"
                value={draft.abcClass}
                onChange={(e) => {
                  const abcClass = e.target.value === 'B' ? 'B' : e.target.value === 'C' ? 'C' : 'A';
                  setDraft((d) => ({ ...d, abcClass, frequencyMonths: String(DEFAULT_COUNT_FREQUENCY_MONTHS[abcClass]) }));
                }}
              >
                <option value="A">A</option>
                <option value="B">B</option>
                <option value="C">C</option>
              </select>
            )}
          </Field>
        ) : null}
        {draft.scopeKind === 'bins' ? (
          <>
            <Field label={t('field.fromBin')}>{(id) => <input id={id} name="fromBin" value={draft.fromBin} onChange={(e) => set('fromBin')(e.target.value)} />}</Field>
            <Field label={t('field.toBin')}>{(id) => <input id={id} name="toBin" value={draft.toBin} onChange={(e) => set('toBin')(e.target.value)} />}</Field>
          </>
        ) : null}
        {draft.scopeKind === 'skus' ? (
          <Field label={t('field.skuCodes')} hint={t('counts.skuCodesHelp')}>
            {(id, hint) => <textarea id={id} aria-describedby={hint} name="skuCodes" rows={3} value={draft.skuCodes} onChange={(e) => set('skuCodes')(e.target.value)} />}
          </Field>
        ) : null}
        <Field label={t('field.frequencyMonths')}>{(id) => <input id={id} name="frequencyMonths" inputMode="numeric" value={draft.frequencyMonths} onChange={(e) => set('frequencyMonths')(e.target.value)} />}</Field>
      </div>
      <StatusLine status={status} />
      <div className="toolbar">
        <button type="submit" className="btn btn--primary">
          {t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function History({ counts, onOpen }: { counts: readonly StockCount[]; onOpen: (id: number) => void }) {
  const { t, language } = useT();
  const locations = useById(useLocations());
  const posted = counts.filter((c) => c.posted);
  // Accuracy over time: posted counts pooled per month of their cut-off, oldest first.
  const months = useMemo(() => {
    const byMonth = new Map<string, StockCount[]>();
    for (const c of posted) byMonth.set(c.cutoffDate.slice(0, 7), [...(byMonth.get(c.cutoffDate.slice(0, 7)) ?? []), c]);
    return [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, list]) => ({ month, counts: list.length, accuracy: pooledAccuracy(list.map((c) => c.posted!.accuracy)) }));
  }, [posted]);
  const overall = pooledAccuracy(posted.map((c) => c.posted!.accuracy));
  // Accuracy as a fraction (0.975), which a spreadsheet formats as a percentage.
  const csvColumns: CsvColumn<StockCount>[] = [
    { header: t('counts.number'), value: (c) => c.number },
    { header: t('field.location'), value: (c) => locations.get(c.locationId)?.name ?? '' },
    { header: t('field.cutoffDate'), value: (c) => c.cutoffDate },
    { header: t('field.type'), value: (c) => t(`counts.source.${c.source}`) },
    { header: t('field.status'), value: (c) => t(`counts.status.${c.status}`) },
    { header: t('counts.lines'), value: (c) => c.lines.length },
    { header: t('counts.lineAccuracy'), value: (c) => c.posted?.accuracy.lineAccuracy },
    { header: t('counts.valueAccuracy'), value: (c) => c.posted?.accuracy.valueAccuracy },
  ];
  return (
    <section className="panel" aria-labelledby="count-history-title">
      <h2 id="count-history-title">{t('counts.history')}</h2>
      {counts.length === 0 ? (
        <p>{t('counts.none')}</p>
      ) : (
        <>
          <div className="toolbar">
            <ExportCsvButton fileStem="count-history" tableLabel={t('counts.history')} columns={csvColumns} rows={() => counts} testId="count-history-export" />
          </div>
          <table className="data-table--plain" data-testid="count-history">
            <thead>
              <tr>
                <th scope="col">{t('counts.number')}</th>
                <th scope="col">{t('field.location')}</th>
                <th scope="col">{t('field.cutoffDate')}</th>
                <th scope="col">{t('field.type')}</th>
                <th scope="col">{t('field.status')}</th>
                <th scope="col">{t('counts.lines')}</th>
                <th scope="col">{t('counts.lineAccuracy')}</th>
                <th scope="col">{t('counts.valueAccuracy')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.id} data-testid="count-history-row" data-count={c.number}>
                  <td data-col="number">{c.number}</td>
                  <td data-col="location">{locations.get(c.locationId)?.name ?? ''}</td>
                  <td data-col="cutoff">{c.cutoffDate}</td>
                  <td data-col="source">{t(`counts.source.${c.source}`)}</td>
                  <td data-col="status">{t(`counts.status.${c.status}`)}</td>
                  <td data-col="lines" className="num">
                    {c.lines.length}
                  </td>
                  <td data-col="lineAccuracy" className="num">
                    {c.posted ? percent(c.posted.accuracy.lineAccuracy, language) : ''}
                  </td>
                  <td data-col="valueAccuracy" className="num">
                    {c.posted ? percent(c.posted.accuracy.valueAccuracy, language) : ''}
                  </td>
                  <td>
                    <button type="button" className="btn" aria-label={`${t('counts.open')} ${c.number}`} onClick={() => onOpen(c.id)}>
                      {t('counts.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {posted.length > 0 ? (
        <>
          <h3>{t('counts.overTime')}</h3>
          <ul data-testid="count-accuracy-trend">
            {months.map((m) => (
              <li key={m.month}>
                {t('counts.overTimeLine', { month: m.month, counts: m.counts, lines: m.accuracy.linesCounted, lineAccuracy: percent(m.accuracy.lineAccuracy, language), valueAccuracy: percent(m.accuracy.valueAccuracy, language) })}
              </li>
            ))}
          </ul>
          <p data-testid="count-accuracy-overall">{t('counts.overall', { lines: overall.linesCounted, lineAccuracy: percent(overall.lineAccuracy, language), valueAccuracy: percent(overall.valueAccuracy, language) })}</p>
        </>
      ) : null}
    </section>
  );
}

function FromSnapshot({ onStarted }: { onStarted: (id: number) => void }) {
  const { t, describe } = useT();
  const locations = useById(useLocations());
  const snapshots = useLiveQuery(async () => {
    const scopes = [...(await latestRows(db, 'snapshot')).values()];
    return scopes.filter((s) => s.locationId !== null && s.date !== null).map((s) => ({ scope: s.scope, locationId: s.locationId!, date: s.date!, reportKind: s.reportKind, rows: s.rows.size })).sort((a, b) => b.date.localeCompare(a.date));
  }, []);
  const [scope, setScope] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const chosen = scope || snapshots?.[0]?.scope || '';
  const reportName = (kind: string) => reportKindLabel(t, kind);
  // An ad hoc count of the SKUs the snapshot disagrees with (PRODUCT §1.4), at its location, cut off today.
  const countDifferences = async () => {
    try {
      const view = await callLedger('reconcile', { sourceId: chosen });
      const source = view.source;
      const skuIds = view.lines.filter((l) => l.status === 'difference' || l.status === 'onlyInSnapshot' || l.status === 'onlyInLedger').map((l) => l.skuId);
      if (!source || skuIds.length === 0) {
        setStatus({ kind: 'ok', text: t('counts.noDifferences') });
        return;
      }
      const id = await callLedger('createCount', { input: { planId: null, locationId: source.locationId, skuIds, cutoffDate: today() }, now: nowIso() });
      const count = await db.counts.get(id);
      setStatus({ kind: 'ok', text: t('counts.started', { number: count?.number ?? '', lines: count?.lines.length ?? 0 }) });
      onStarted(id);
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };
  const make = async () => {
    try {
      const id = await callLedger('createCountFromSnapshot', { scope: chosen, now: nowIso() });
      const count = await db.counts.get(id);
      setStatus({ kind: 'ok', text: t('counts.started', { number: count?.number ?? '', lines: count?.lines.length ?? 0 }) });
      onStarted(id);
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };
  return (
    <section className="panel" aria-labelledby="count-snapshot-title">
      <h2 id="count-snapshot-title">{t('counts.fromSnapshot')}</h2>
      <p className="muted">{t('counts.fromSnapshotHelp')}</p>
      {snapshots && snapshots.length === 0 ? (
        <p>{t('counts.noSnapshots')}</p>
      ) : (
        <div className="toolbar">
          <Field label={t('counts.snapshot')}>
            {(id) => (
              <select id={id} name="countSnapshot" value={chosen} onChange={(e) => setScope(e.target.value)}>
                {(snapshots ?? []).map((s) => (
                  <option key={s.scope} value={s.scope}>
                    {`${s.date} · ${locations.get(s.locationId)?.name ?? ''} · ${reportName(s.reportKind)} (${s.rows})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="btn" disabled={chosen === ''} onClick={() => void make()}>
            {t('counts.useSnapshot')}
          </button>
          <button type="button" className="btn" disabled={chosen === ''} onClick={() => void countDifferences()}>
            {t('counts.countDifferences')}
          </button>
        </div>
      )}
      <StatusLine status={status} />
    </section>
  );
}

function Bins() {
  const { t, describe } = useT();
  const locations = (useLocations() ?? []).filter((l) => l.kind !== 'transit' && !l.archived);
  const skus = useSkus();
  const skuById = useById(skus);
  const [locationId, setLocationId] = useState('');
  const [sku, setSku] = useState('');
  const [bin, setBin] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const chosen = Number(locationId || locations.find((l) => l.kind === 'domestic')?.id || 0);
  const bins = useLiveQuery(() => db.skuBins.where('locationId').equals(chosen).toArray(), [chosen]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const found = skus?.find((s) => s.codeKey === sku.trim().toUpperCase());
      if (!found) throw new Error(t('error.field.unknownChoice', { field: t('field.sku'), value: sku }));
      await setSkuBin(db, chosen, found.id, bin);
      setStatus({ kind: 'ok', text: t('counts.binSaved', { sku: found.code }) });
      setSku('');
      setBin('');
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error && !('code' in error) ? error.message : describe(error) });
    }
  };

  return (
    <section className="panel" aria-labelledby="count-bins-title">
      <h2 id="count-bins-title">{t('counts.bins')}</h2>
      <p className="muted">{t('counts.binsHelp')}</p>
      <form className="toolbar" aria-label={t('counts.bins')} onSubmit={(e) => void submit(e)}>
        <Field label={t('field.location')}>
          {(id) => (
            <select id={id} name="binLocation" value={chosen} onChange={(e) => setLocationId(e.target.value)}>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.sku')}>{(id) => <input id={id} name="binSku" value={sku} onChange={(e) => setSku(e.target.value)} />}</Field>
        <Field label={t('field.bin')}>{(id) => <input id={id} name="bin" value={bin} onChange={(e) => setBin(e.target.value)} />}</Field>
        <button type="submit" className="btn">
          {t('common.save')}
        </button>
      </form>
      <StatusLine status={status} />
      {bins && bins.length > 0 ? (
        <ul data-testid="count-bins">
          {[...bins]
            .sort((a, b) => a.bin.localeCompare(b.bin, undefined, { numeric: true }))
            .map((b) => (
              <li key={b.id}>
                {b.bin}: {skuById.get(b.skuId)?.code ?? ''}
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}
