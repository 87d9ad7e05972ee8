// The ledger browser: every movement, manual and imported, filtered in the ledger worker and shown
// in a virtualized table (one DOM row per visible line, so a million lines scroll smoothly).
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { isoFromDay } from '../../../shared/dates';
import { MOVEMENT_TYPES } from '../../../shared/model';
import type { MovementType } from '../../../shared/model';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { db } from '../../db';
import type { ImportBatch } from '../../db';
import type { LedgerFilter, LedgerPage } from '../../db/ledgerQueries';
import { callLedger } from '../../db/ledgerClient';
import { useById, useLedgerState, useLocations, useSkus } from '../../app/hooks';
import { formatQty } from '../../app/format';
import { useT } from '../../i18n';

interface FilterDraft {
  skuCode: string;
  locationId: string;
  type: string;
  from: string;
  to: string;
  batchId: string;
}

const NO_FILTER: FilterDraft = { skuCode: '', locationId: '', type: '', from: '', to: '', batchId: '' };

function isMovementType(value: string): value is MovementType {
  return (MOVEMENT_TYPES as readonly string[]).includes(value);
}

export function LedgerBrowser() {
  const { t, language, describe } = useT();
  const skus = useSkus();
  const skuById = useById(skus);
  const locations = useLocations();
  const locationById = useById(locations);
  const state = useLedgerState();
  const batches = useLiveQuery(() => db.batches.orderBy('createdAt').reverse().toArray(), []);
  const [draft, setDraft] = useState<FilterDraft>(NO_FILTER);
  const [result, setResult] = useState<{ key: string; page: LedgerPage } | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const filter = useMemo((): LedgerFilter => {
    const skuId = skuIdForCode(skus ?? [], draft.skuCode);
    return {
      ...(draft.skuCode.trim() !== '' ? { skuId: skuId || -1 } : {}),
      ...(draft.locationId ? { locationId: Number(draft.locationId) } : {}),
      ...(isMovementType(draft.type) ? { type: draft.type } : {}),
      ...(draft.from ? { from: draft.from } : {}),
      ...(draft.to ? { to: draft.to } : {}),
      ...(draft.batchId ? { batchId: draft.batchId } : {}),
    };
  }, [draft, skus]);
  const key = `${JSON.stringify(filter)}@${state?.version ?? 0}`;

  const ready = state !== undefined && skus !== undefined;
  useEffect(() => {
    // Wait for the ledger version and the catalog, so the first query is also the last.
    if (!ready) return;
    let live = true;
    callLedger('query', { filter }).then(
      (page) => live && setResult({ key, page }),
      (error: unknown) => live && setStatus({ kind: 'error', text: describe(error) }),
    );
    return () => {
      live = false;
    };
  }, [key, ready]); // eslint-disable-line react-hooks/exhaustive-deps

  const page = result?.page;
  const rows = useMemo(() => (page ? Array.from({ length: page.length }, (_, i) => i) : []), [page]);
  const batchLabel = (id: string) => (id === 'manual' ? t('ledger.manual') : (batches?.find((b) => b.id === id)?.label ?? id));
  // Per-row text looked up once per distinct value: the CSV export writes up to a million rows.
  const typeLabels = MOVEMENT_TYPES.map((type) => t(`type.${type}`));
  const sourceLabels = page ? page.sources.map(batchLabel) : [];
  const dateOf = useMemo(() => {
    const dates = new Map<number, string>();
    return (day: number) => {
      let date = dates.get(day);
      if (date === undefined) dates.set(day, (date = isoFromDay(day)));
      return date;
    };
  }, []);

  const removeBatch = async (batch: ImportBatch) => {
    if (!window.confirm(t('ledger.removeConfirm', { label: batch.label, count: batch.movementCount }))) return;
    try {
      await callLedger('removeBatch', { batchId: batch.id });
      setStatus({ kind: 'ok', text: t('ledger.removed', { label: batch.label }) });
      setDraft((d) => (d.batchId === batch.id ? { ...d, batchId: '' } : d));
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const columns: Column<number>[] = page
    ? [
        { id: 'date', header: t('field.date'), width: '7rem', cell: (i) => dateOf(page.day[i]!), csv: (i) => dateOf(page.day[i]!) },
        { id: 'type', header: t('field.type'), width: '9rem', cell: (i) => typeLabels[page.type[i]!], csv: (i) => typeLabels[page.type[i]!] },
        { id: 'sku', header: t('field.sku'), width: 'minmax(8rem,1fr)', cell: (i) => skuById.get(page.skuId[i]!)?.code ?? '?', csv: (i) => skuById.get(page.skuId[i]!)?.code ?? '' },
        { id: 'location', header: t('field.location'), width: 'minmax(8rem,1fr)', cell: (i) => locationById.get(page.locationId[i]!)?.name ?? '?', csv: (i) => locationById.get(page.locationId[i]!)?.name ?? '' },
        { id: 'qty', header: t('field.qty'), width: '6rem', align: 'end', cell: (i) => formatQty(page.qty[i]!, language), csv: (i) => page.qty[i] },
        { id: 'ref', header: t('ledger.ref'), width: '10rem', cell: (i) => (page.ref[i]! >= 0 ? page.refs[page.ref[i]!] : ''), csv: (i) => (page.ref[i]! >= 0 ? page.refs[page.ref[i]!] : '') },
        { id: 'source', header: t('ledger.source'), width: 'minmax(8rem,1fr)', cell: (i) => sourceLabels[page.source[i]!], csv: (i) => sourceLabels[page.source[i]!] },
      ]
    : [];

  const input = (name: keyof FilterDraft, type = 'text') => (
    <label className="field">
      <span>{t(`ledger.filter.${name}`)}</span>
      <input type={type} name={name} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
    </label>
  );

  return (
    <section aria-labelledby="ledger-title">
      <h1 id="ledger-title">{t('ledger.title')}</h1>
      <div className="toolbar" role="search">
        <label className="field">
          <span>{t('ledger.filter.skuCode')}</span>
          <SkuPicker id="ledger-sku" name="skuCode" value={draft.skuCode} onChange={(v) => setDraft({ ...draft, skuCode: v })} skus={skus ?? []} />
        </label>
        <label className="field">
          <span>{t('ledger.filter.locationId')}</span>
          <select name="locationId" value={draft.locationId} onChange={(e) => setDraft({ ...draft, locationId: e.target.value })}>
            <option value="">{t('ledger.all')}</option>
            {(locations ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('ledger.filter.type')}</span>
          <select name="type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
            <option value="">{t('ledger.all')}</option>
            {MOVEMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {input('from', 'date')}
        {input('to', 'date')}
        <label className="field">
          <span>{t('ledger.filter.batchId')}</span>
          <select name="batchId" value={draft.batchId} onChange={(e) => setDraft({ ...draft, batchId: e.target.value })}>
            <option value="">{t('ledger.all')}</option>
            <option value="manual">{t('ledger.manual')}</option>
            {(batches ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => setDraft(NO_FILTER)}>
          {t('ledger.clear')}
        </button>
      </div>
      <p className="muted" data-testid="ledger-count">
        {page ? t('ledger.count', { shown: page.length.toLocaleString(language), total: page.totalCount.toLocaleString(language) }) : t('common.loading')}
      </p>
      <StatusLine status={status} />
      <DataTable label={t('ledger.title')} testId="ledger-browser" rows={rows} columns={columns} rowKey={(i) => i} emptyText={page ? t('common.none') : t('common.loading')} csv={{ fileStem: 'ledger', onError: (error) => setStatus({ kind: 'error', text: describe(error) }) }} />

      <h2>{t('ledger.batches')}</h2>
      {batches && batches.length > 0 ? (
        <ul className="panel" data-testid="batches">
          {batches.map((b) => (
            <li key={b.id} data-testid="batch" data-batch={b.id}>
              <strong>{b.label}</strong> · {t('ledger.batchInfo', { count: b.movementCount.toLocaleString(language), from: b.firstDate, to: b.lastDate })}{' '}
              <button type="button" className="btn btn--small" onClick={() => void removeBatch(b)}>
                {t('ledger.removeBatch')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('ledger.noBatches')}</p>
      )}
    </section>
  );
}
