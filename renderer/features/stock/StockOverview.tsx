import { useDeferredValue, useMemo, useState } from 'react';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { useById, useLocations, useSettings, useSkuRank, useSkus } from '../../app/hooks';
import { useStockBalances } from '../../app/useStockBalances';
import { useUi } from '../../app/store';
import { nowIso, today } from '../../app/clock';
import { callLedger } from '../../db/ledgerClient';
import { StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { formatQty, formatValue } from '../../app/format';
import { minorToAmountNumber } from '../../../shared/money';
import { useT } from '../../i18n';
import { pivotStock } from './stockRows';
import type { StockRow } from './stockRows';

export function StockOverview() {
  const { t, language, describe } = useT();
  const skus = useSkus();
  const locations = useLocations();
  const settings = useSettings();
  const skuById = useById(skus);
  const skuRank = useSkuRank(skus);
  const go = useUi((s) => s.go);
  const editSku = useUi((s) => s.editSku);
  const [asOf, setAsOf] = useState(today);
  const [demo, setDemo] = useState<Status | { kind: 'loading' }>(null);

  const loadDemo = async () => {
    setDemo({ kind: 'loading' });
    try {
      const batch = await callLedger('loadDemo', { skuCount: 300, movementCount: 60_000, endDate: today(), seed: 20261126, now: nowIso() });
      setDemo({ kind: 'ok', text: t('stock.empty.demoLoaded', { count: batch.movementCount.toLocaleString(language) }) });
    } catch (error) {
      setDemo({ kind: 'error', text: describe(error) });
    }
  };
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);

  const { balances, stale } = useStockBalances(asOf);
  const transitIds = useMemo(() => new Set((locations ?? []).filter((l) => l.kind === 'transit').map((l) => l.id)), [locations]);
  const rows = useMemo(() => {
    if (!balances) return [];
    const rank = (id: number) => skuRank.get(id) ?? Number.MAX_SAFE_INTEGER;
    return pivotStock(balances, transitIds).sort((a, b) => rank(a.skuId) - rank(b.skuId));
  }, [balances, transitIds, skuRank]);
  const visible = useMemo(() => {
    const q = deferredQuery.trim().toUpperCase();
    if (q === '') return rows;
    return rows.filter((r) => {
      const sku = skuById.get(r.skuId);
      return sku !== undefined && (sku.codeKey.includes(q) || sku.name.toUpperCase().includes(q));
    });
  }, [rows, deferredQuery, skuById]);

  if (skus === undefined || locations === undefined) return <p>{t('common.loading')}</p>;

  if (skus.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="welcome-title">
        <h1 id="welcome-title">{t('stock.empty.title')}</h1>
        <p>{t('stock.empty.body')}</p>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => {
            editSku('new');
            go('skus');
          }}
        >
          {t('stock.empty.addSku')}
        </button>
        <button type="button" className="btn" disabled={demo?.kind === 'loading'} onClick={() => void loadDemo()}>
          {t('stock.empty.loadDemo')}
        </button>
        <p className="muted">{t('stock.empty.demoHelp')}</p>
        {demo?.kind === 'loading' ? <p role="status">{t('stock.empty.loadingDemo')}</p> : null}
        <StatusLine status={demo?.kind === 'loading' ? null : demo} />
      </section>
    );
  }

  const stockLocations = locations.filter((l) => l.kind !== 'transit' && (!l.archived || rows.some((r) => r.byLocation.has(l.id))));
  const money = (minor: number) => formatValue(minor, settings.baseCurrency, language);
  const qty = (n: number) => formatQty(n, language);
  const columns: Column<StockRow>[] = [
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem,1fr)', cell: (r) => skuById.get(r.skuId)?.code ?? '?', sortValue: (r) => skuById.get(r.skuId)?.codeKey ?? '', csv: (r) => skuById.get(r.skuId)?.code ?? '' },
    { id: 'name', header: t('field.name'), width: 'minmax(10rem,2fr)', cell: (r) => skuById.get(r.skuId)?.name ?? '', csv: (r) => skuById.get(r.skuId)?.name ?? '' },
    ...stockLocations.map(
      (location): Column<StockRow> => ({
        id: `loc-${location.id}`,
        header: location.name,
        width: '8rem',
        align: 'end',
        cell: (r) => qty(r.byLocation.get(location.id) ?? 0),
        sortValue: (r) => r.byLocation.get(location.id) ?? 0,
        csv: (r) => r.byLocation.get(location.id) ?? 0,
      }),
    ),
    { id: 'transit', header: t('stock.inTransit'), width: '7rem', align: 'end', cell: (r) => qty(r.inTransitQty), sortValue: (r) => r.inTransitQty, csv: (r) => r.inTransitQty },
    { id: 'total', header: t('stock.totalUnits'), width: '7rem', align: 'end', cell: (r) => qty(r.totalQty), sortValue: (r) => r.totalQty, csv: (r) => r.totalQty },
    { id: 'value', header: t('stock.value', { currency: settings.baseCurrency }), width: '10rem', align: 'end', cell: (r) => money(r.valueMinor), sortValue: (r) => r.valueMinor, csv: (r) => minorToAmountNumber(r.valueMinor, settings.baseCurrency) },
  ];
  const sum = (pick: (r: StockRow) => number) => visible.reduce((total, r) => total + pick(r), 0);
  const footer = (
    <>
      <div className="data-table__cell" role="rowheader">
        {t('common.total')}
      </div>
      <div className="data-table__cell" role="gridcell" />
      {stockLocations.map((l) => (
        <div key={l.id} className="data-table__cell data-table__cell--end" role="gridcell" data-col={`loc-${l.id}`}>
          {qty(sum((r) => r.byLocation.get(l.id) ?? 0))}
        </div>
      ))}
      <div className="data-table__cell data-table__cell--end" role="gridcell" data-col="transit">
        {qty(sum((r) => r.inTransitQty))}
      </div>
      <div className="data-table__cell data-table__cell--end" role="gridcell" data-col="total">
        {qty(sum((r) => r.totalQty))}
      </div>
      <div className="data-table__cell data-table__cell--end" role="gridcell" data-col="value">
        {money(sum((r) => r.valueMinor))}
      </div>
    </>
  );

  return (
    <section aria-labelledby="stock-title">
      <h1 id="stock-title">{t('stock.title')}</h1>
      <div className="toolbar">
        <label className="field">
          <span>{t('stock.asOf')}</span>
          <input type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        </label>
        <input type="search" aria-label={t('stock.filter')} placeholder={t('stock.filter')} value={query} onChange={(e) => setQuery(e.target.value)} />
        {stale ? (
          <span className="badge" role="status" data-testid="stock-updating">
            {t('common.updating')}
          </span>
        ) : null}
      </div>
      <DataTable
        label={t('stock.title')}
        testId="stock"
        rows={visible}
        columns={columns}
        rowKey={(r) => r.skuId}
        footer={footer}
        csv={{ fileStem: 'stock', date: asOf }}
        emptyText={balances === undefined ? t('common.loading') : t('stock.noStock')}
      />
    </section>
  );
}
