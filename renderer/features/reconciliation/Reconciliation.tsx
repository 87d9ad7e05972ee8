// Reconciliation: what a warehouse says it holds (an imported snapshot) against StockPilot's ledger
// at the same location and date, each difference with the events that explain it, and the lost or
// damaged units at Amazon still to claim.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { callLedger } from '../../db/ledgerClient';
import type { ReconciliationView } from '../../db/reconciliation';
import type { ReconcileLine } from '../../../shared/reconcile';
import { DataTable } from '../../components/DataTable';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { CsvColumn } from '../../components/tableCsv';
import type { Column } from '../../components/DataTable';
import { StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { useById, useLedgerState, useLocations, useSkus } from '../../app/hooks';
import { reportKindLabel, useT } from '../../i18n';
import type { MessageKey } from '../../i18n/en';

export function Reconciliation() {
  const { t, language, describe } = useT();
  const skus = useSkus();
  const skuById = useById(skus);
  const locationById = useById(useLocations());
  const state = useLedgerState();
  // Report rows and mappings change with imports: any batch or listing change re-runs the comparison.
  const changes = useLiveQuery(async () => `${await db.batches.count()}|${await db.listings.count()}|${await db.reportRows.count()}`, []);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [view, setView] = useState<ReconciliationView | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  const key = `${sourceId}|${state?.version ?? 0}|${changes ?? ''}|${skus?.length ?? 0}`;

  useEffect(() => {
    if (state === undefined || changes === undefined) return;
    let live = true;
    callLedger('reconcile', { sourceId }).then(
      (result) => live && setView(result),
      (error: unknown) => live && setStatus({ kind: 'error', text: describe(error) }),
    );
    return () => {
      live = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const lines = useMemo(() => (view?.lines ?? []).filter((l) => !onlyDifferences || l.status !== 'match'), [view, onlyDifferences]);
  const num = (n: number | null) => (n === null ? '—' : n.toLocaleString(language));
  const explained = (l: ReconcileLine) =>
    l.explainedBy.length === 0
      ? l.status === 'difference'
        ? t('reconcile.unexplained')
        : ''
      : l.explainedBy.map((e) => `${e.day} ${t(`type.${e.type}` as MessageKey)} ${e.quantity > 0 ? '+' : ''}${e.quantity}${e.reference ? ` (${e.reference})` : ''}`).join('; ');
  const columns: Column<ReconcileLine>[] = [
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem, 1fr)', cell: (l) => skuById.get(l.skuId)?.code ?? `#${l.skuId}`, sortValue: (l) => skuById.get(l.skuId)?.code ?? '', csv: (l) => skuById.get(l.skuId)?.code ?? `#${l.skuId}` },
    { id: 'name', header: t('field.name'), width: 'minmax(10rem, 2fr)', cell: (l) => skuById.get(l.skuId)?.name ?? '', csv: (l) => skuById.get(l.skuId)?.name ?? '' },
    { id: 'snapshot', header: t('reconcile.snapshot'), width: '7rem', align: 'end', cell: (l) => num(l.snapshotUnits), sortValue: (l) => l.snapshotUnits ?? -Infinity, csv: (l) => l.snapshotUnits },
    { id: 'ledger', header: t('reconcile.ledger'), width: '7rem', align: 'end', cell: (l) => num(l.ledgerUnits), sortValue: (l) => l.ledgerUnits, csv: (l) => l.ledgerUnits },
    { id: 'difference', header: t('reconcile.difference'), width: '7rem', align: 'end', cell: (l) => (l.differenceUnits === null ? '—' : `${l.differenceUnits > 0 ? '+' : ''}${num(l.differenceUnits)}`), sortValue: (l) => l.differenceUnits ?? 0, csv: (l) => l.differenceUnits },
    { id: 'status', header: t('reconcile.status'), width: '9rem', cell: (l) => t(`reconcile.status.${l.status}` satisfies MessageKey), csv: (l) => t(`reconcile.status.${l.status}` satisfies MessageKey) },
    {
      id: 'explained',
      header: t('reconcile.explainedBy'),
      width: 'minmax(14rem, 3fr)',
      cell: explained,
      csv: explained,
    },
  ];

  type ClaimRow = ReconciliationView['claims'][number];
  const claimColumns: CsvColumn<ClaimRow>[] = [
    { header: t('field.sku'), value: (c) => (c.skuId !== null ? (skuById.get(c.skuId)?.code ?? c.msku) : c.msku) },
    { header: 'FNSKU', value: (c) => c.fnsku },
    { header: t('field.from'), value: (c) => c.firstDate },
    { header: t('field.to'), value: (c) => c.lastDate },
    { header: t('reconcile.lost'), value: (c) => c.lostUnits },
    { header: t('reconcile.damaged'), value: (c) => c.damagedUnits },
    { header: t('reconcile.found'), value: (c) => c.foundUnits },
    { header: t('reconcile.claimable'), value: (c) => c.claimableUnits },
  ];
  const onError = (error: unknown) => setStatus({ kind: 'error', text: describe(error) });

  const source = view?.source ?? null;
  const sourceLabel = (s: NonNullable<ReconciliationView['source']>) => `${s.date} · ${locationById.get(s.locationId)?.name ?? `#${s.locationId}`} · ${reportKindLabel(t, s.reportKind)} (${s.lineCount})`;
  const differences = (view?.lines ?? []).filter((l) => l.status !== 'match' && l.status !== 'unknown').length;

  return (
    <section aria-labelledby="reconcile-title">
      <h1 id="reconcile-title">{t('reconcile.title')}</h1>
      <p className="muted">{t('reconcile.help')}</p>
      <StatusLine status={status} />
      {view && view.sources.length === 0 ? <p data-testid="reconcile-empty">{t('reconcile.noSnapshots')}</p> : null}
      {source ? (
        <>
          <div className="toolbar">
            <label className="field">
              <span>{t('reconcile.source')}</span>
              <select name="snapshot" value={source.id} onChange={(e) => setSourceId(e.target.value)}>
                {view!.sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {sourceLabel(s)}
                  </option>
                ))}
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} /> {t('reconcile.onlyDifferences')}
            </label>
          </div>
          <p data-testid="reconcile-summary">{t('reconcile.summary', { lines: view!.lines.length, differences })}</p>
          <DataTable label={t('reconcile.title')} rows={lines} columns={columns} rowKey={(l) => l.skuId} emptyText={t('reconcile.allMatch')} testId="reconcile-table" height="50vh" csv={{ fileStem: 'reconciliation', date: source.date, onError }} />
          {view!.unmapped.length > 0 ? (
            <details>
              <summary>{t('reconcile.unmapped', { count: view!.unmapped.length })}</summary>
              <ul data-testid="reconcile-unmapped">
                {view!.unmapped.slice(0, 200).map((u) => (
                  <li key={u.code}>
                    {u.code}: {num(u.units)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <h2>{t('reconcile.claims')}</h2>
          <p className="muted">{t('reconcile.claimsHelp')}</p>
          {view!.claims.length === 0 ? (
            <p data-testid="claims-empty">{t('reconcile.noClaims')}</p>
          ) : (
            <>
              <div className="toolbar">
                <ExportCsvButton fileStem="claims" date={source.date} onError={onError} tableLabel={t('reconcile.claims')} columns={claimColumns} rows={() => view!.claims} testId="claims-export" />
              </div>
              <table className="data-table" data-testid="claims">
                <thead>
                  <tr>
                    <th scope="col">{t('field.sku')}</th>
                    <th scope="col">FNSKU</th>
                    <th scope="col">{t('reconcile.claimDates')}</th>
                    <th scope="col">{t('reconcile.lost')}</th>
                    <th scope="col">{t('reconcile.damaged')}</th>
                    <th scope="col">{t('reconcile.found')}</th>
                    <th scope="col">{t('reconcile.claimable')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view!.claims.map((c) => (
                    <tr key={`${c.marketplace}|${c.fnsku}|${c.msku}`} data-testid="claim">
                      <td>{c.skuId !== null ? (skuById.get(c.skuId)?.code ?? c.msku) : c.msku}</td>
                      <td>{c.fnsku}</td>
                      <td>
                        {c.firstDate} – {c.lastDate}
                      </td>
                      <td className="num">{c.lostUnits}</td>
                      <td className="num">{c.damagedUnits}</td>
                      <td className="num">{c.foundUnits}</td>
                      <td className="num" data-testid="claimable">
                        {c.claimableUnits}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
