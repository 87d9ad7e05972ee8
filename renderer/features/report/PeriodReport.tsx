import { useMemo, useState } from 'react';
import { rollUpByLocation, sumPeriodLines } from '../../../shared/ledger';
import type { PeriodLine } from '../../../shared/ledger';
import { minorToAmountNumber } from '../../../shared/money';
import { toCsv } from '../../../shared/csv';
import { DataTable } from '../../components/DataTable';
import { PeriodFields, usePeriodPicker } from '../../components/PeriodPicker';
import type { Column } from '../../components/DataTable';
import { StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { useById, useLocations, useSettings, useSkuRank, useSkus } from '../../app/hooks';
import { usePeriodLines } from './usePeriodLines';
import { formatQty, formatValue } from '../../app/format';
import { desktop } from '../../desktop';
import { useT } from '../../i18n';


const FIGURES = [
  ['beginningQty', 'beginningValueMinor', 'report.beginning'],
  ['incomingQty', 'incomingValueMinor', 'report.incoming'],
  ['outgoingQty', 'outgoingValueMinor', 'report.outgoing'],
  ['endingQty', 'endingValueMinor', 'report.ending'],
] as const;

export function PeriodReport() {
  const { t, language, describe } = useT();
  const skus = useSkus();
  const skuById = useById(skus);
  const skuRank = useSkuRank(skus);
  const locationById = useById(useLocations());
  const settings = useSettings();
  const period = usePeriodPicker();
  const [grouping, setGrouping] = useState<'sku' | 'location'>('sku');
  const [status, setStatus] = useState<Status>(null);

  const range = period.range;
  const { lines: loaded } = usePeriodLines(range);
  const lines = useMemo(() => loaded ?? [], [loaded]);
  const shown = useMemo(() => {
    if (grouping === 'location') return rollUpByLocation(lines);
    const rank = (l: PeriodLine) => skuRank.get(l.skuId) ?? Number.MAX_SAFE_INTEGER;
    return [...lines].sort((a, b) => rank(a) - rank(b) || a.locationId - b.locationId);
  }, [lines, grouping, skuRank]);
  const total = useMemo(() => sumPeriodLines(lines), [lines]);

  const skuCode = (l: PeriodLine) => (grouping === 'location' ? '' : (skuById.get(l.skuId)?.code ?? '?'));
  const locationName = (l: PeriodLine) => locationById.get(l.locationId)?.name ?? '?';
  const qty = (n: number) => formatQty(n, language);
  const money = (n: number) => formatValue(n, settings.baseCurrency, language);

  const columns: Column<PeriodLine>[] = [
    ...(grouping === 'sku' ? [{ id: 'sku', header: t('field.sku'), width: 'minmax(8rem,1fr)', cell: skuCode, sortValue: skuCode } satisfies Column<PeriodLine>] : []),
    { id: 'location', header: t('field.location'), width: 'minmax(8rem,1fr)', cell: locationName, sortValue: locationName },
    ...FIGURES.flatMap(([qtyKey, valueKey, label]): Column<PeriodLine>[] => [
      { id: qtyKey, header: `${t(label)} ${t('report.qty')}`, width: '6.5rem', align: 'end', cell: (l) => qty(l[qtyKey]), sortValue: (l) => l[qtyKey] },
      { id: valueKey, header: `${t(label)} ${t('report.value')}`, width: '9.5rem', align: 'end', cell: (l) => money(l[valueKey]), sortValue: (l) => l[valueKey] },
    ]),
  ];

  const footer = (
    <>
      <div className="data-table__cell" role="rowheader">
        {t('common.total')}
      </div>
      {grouping === 'sku' ? <div className="data-table__cell" role="gridcell" /> : null}
      {FIGURES.flatMap(([qtyKey, valueKey]) => [
        <div key={qtyKey} className="data-table__cell data-table__cell--end" role="gridcell" data-col={qtyKey}>
          {qty(total[qtyKey])}
        </div>,
        <div key={valueKey} className="data-table__cell data-table__cell--end" role="gridcell" data-col={valueKey}>
          {money(total[valueKey])}
        </div>,
      ])}
    </>
  );

  const exportCsv = async () => {
    if (!range) return;
    const currency = settings.baseCurrency;
    const header = [...(grouping === 'sku' ? [t('field.sku')] : []), t('field.location'), ...FIGURES.flatMap(([, , label]) => [`${t(label)} ${t('report.qty')}`, t('common.inCurrency', { label: `${t(label)} ${t('report.value')}`, currency })])];
    const row = (l: PeriodLine, first: string[]) => [...first, ...FIGURES.flatMap(([q, v]) => [l[q], minorToAmountNumber(l[v], currency)])];
    const rows = [...shown.map((l) => row(l, [...(grouping === 'sku' ? [skuCode(l)] : []), locationName(l)])), row(total, [...(grouping === 'sku' ? [t('common.total')] : []), grouping === 'sku' ? '' : t('common.total')])];
    try {
      await desktop.saveFile({ suggestedName: `stockpilot-period-${range.from}-${range.to}.csv`, contents: toCsv(header, rows), filters: [{ name: 'CSV', extensions: ['csv'] }] });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title">{t('report.title')}</h1>
      <div className="toolbar">
        <PeriodFields picker={period} />
        <label className="field">
          <span>{t('report.grouping')}</span>
          <select value={grouping} name="grouping" onChange={(e) => setGrouping(e.target.value === 'location' ? 'location' : 'sku')}>
            <option value="sku">{t('report.bySku')}</option>
            <option value="location">{t('report.byLocation')}</option>
          </select>
        </label>
        <button type="button" className="btn" onClick={() => void exportCsv()} disabled={!range}>
          {t('common.exportCsv')}
        </button>
      </div>
      <p className="muted" data-testid="report-range">
        {range ? `${range.from} – ${range.to}` : ''} · {t('report.equation', { currency: settings.baseCurrency })}
      </p>
      <StatusLine status={status} />
      <DataTable
        label={t('report.title')}
        testId="report"
        rows={shown}
        columns={columns}
        rowKey={(l) => `${l.skuId}-${l.locationId}`}
        footer={footer}
        emptyText={loaded === undefined ? t('common.loading') : t('report.empty')}
      />
    </section>
  );
}
