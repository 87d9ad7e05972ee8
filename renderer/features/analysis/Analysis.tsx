// PRODUCT §6 Analysis: ABC classes, inventory turnover and sell-through for a period, the
// mis-delivery rate, the age of the stock on hand, days of cover, and the slow movers' suggested
// actions with the overstock and understock lists. Every figure says how it was computed: the
// summary beside each number, a line above each table, and a SKU's figures when its row is opened.
import { useEffect, useMemo, useRef, useState } from 'react';
import { minorToAmountNumber } from '../../../shared/money';
import type { AbcBasis, AnalysisRow } from '../../../shared/analysis';
import { DataTable } from '../../components/DataTable';
import { FigureTable } from '../../components/FigureTable';
import { PeriodFields, usePeriodPicker } from '../../components/PeriodPicker';
import type { Column } from '../../components/DataTable';
import { StatusLine } from '../../components/Form';
import { Tabs } from '../../components/Tabs';
import { useById, usePlanInputsKey, useSettings, useSkus } from '../../app/hooks';
import { today } from '../../app/clock';
import { formatValue } from '../../app/format';
import { useT } from '../../i18n';
import type { MessageKey, Translate } from '../../i18n';
import { AnalysisSettingsForm } from './AnalysisSettingsForm';
import { useAnalysis } from './useAnalysis';
import type { AnalysisView } from './useAnalysis';

type Tab = 'abc' | 'turnover' | 'ageing' | 'overstock' | 'understock';
const TABS: readonly Tab[] = ['abc', 'turnover', 'ageing', 'overstock', 'understock'];
const AGE_KEYS: readonly MessageKey[] = ['analysis.age.0', 'analysis.age.1', 'analysis.age.2', 'analysis.age.3', 'analysis.age.4'];

/** Number formatting shared by the tables, the summary and the explanation. */
function formatters(t: Translate, language: string, currency: string) {
  const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString(language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }) : '—');
  return {
    currency,
    num,
    money: (minor: number) => formatValue(minor, currency, language === 'zh-CN' ? 'zh-CN' : 'en'),
    percent: (fraction: number) => (Number.isFinite(fraction) ? `${num(fraction * 100, 1)}%` : '—'),
    // Three decimals under 1: a slow catalog turns 0.05 to 0.5 times a month.
    rate: (rate: number) => (Number.isFinite(rate) ? num(rate, rate < 1 ? 3 : 2) : '—'),
    cover: (days: number | null) => (days === null ? t('analysis.noDemand') : num(days, 0)),
    // A long-tail SKU's forecast is a few hundredths of a unit a day: three decimals, so it never reads 0.
    demand: (units: number) => num(units, units < 0.1 ? 3 : 2),
  };
}
type Formatters = ReturnType<typeof formatters>;

export function Analysis() {
  const { t, language, describe } = useT();
  const skus = useById(useSkus());
  const settings = useSettings();
  const period = usePeriodPicker();
  const [tab, setTab] = useState<Tab>('abc');
  const [openSku, setOpenSku] = useState<number | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const asOf = today();
  const range = period.range;
  const planInputsKey = usePlanInputsKey({ withAbc: false });
  const { view, error } = useAnalysis(range, asOf, planInputsKey);
  // The period's end as counted (a period still running ends today), once the figures are in.
  const countedTo = view?.facts.to ?? range?.to ?? '';
  const f = formatters(t, language, settings.baseCurrency);
  const code = (skuId: number) => skus.get(skuId)?.code ?? `#${skuId}`;

  const lists = useMemo(() => {
    const rows = view?.rows ?? [];
    return {
      abc: [...rows].sort((a, b) => a.abcRank - b.abcRank),
      turnover: rows.filter((r) => r.beginningQty !== 0 || r.endingQty !== 0 || r.soldUnits !== 0 || r.receivedUnits !== 0),
      ageing: rows.filter((r) => r.onHandQty !== 0),
      overstock: rows.filter((r) => r.status === 'overstock').sort((a, b) => b.clearUnits - a.clearUnits),
      understock: rows.filter((r) => r.status === 'understock').sort((a, b) => (a.coverDays ?? 0) - (b.coverDays ?? 0)),
    };
  }, [view]);
  const opened = openSku === null ? undefined : view?.rows.find((r) => r.skuId === openSku);

  const skuColumns: Column<AnalysisRow>[] = [
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem, 1fr)', cell: (r) => code(r.skuId), sortValue: (r) => code(r.skuId), csv: (r) => code(r.skuId) },
    { id: 'name', header: t('field.name'), width: 'minmax(8rem, 1.5fr)', cell: (r) => skus.get(r.skuId)?.name ?? '', csv: (r) => skus.get(r.skuId)?.name ?? '' },
  ];
  const classColumn: Column<AnalysisRow> = { id: 'abc', header: t('plan.abc'), width: '5rem', cell: (r) => r.abc, sortValue: (r) => r.abc, csv: (r) => r.abc };
  const currency = settings.baseCurrency;
  const moneyColumn = (id: string, header: string, value: (r: AnalysisRow) => number): Column<AnalysisRow> => ({
    id,
    header,
    width: '8.5rem',
    align: 'end',
    cell: (r) => f.money(value(r)),
    sortValue: value,
    csv: (r) => minorToAmountNumber(value(r), currency),
    csvHeader: t('common.inCurrency', { label: header, currency }),
  });
  const numberColumn = (id: string, header: string, value: (r: AnalysisRow) => number, digits = 0, width = '6.5rem'): Column<AnalysisRow> => ({
    id,
    header,
    width,
    align: 'end',
    cell: (r) => f.num(value(r), digits),
    sortValue: (r) => (Number.isFinite(value(r)) ? value(r) : Number.MAX_VALUE),
    csv: (r) => (Number.isFinite(value(r)) ? value(r) : null),
  });
  const basis = view?.settings.abcBasis ?? 'cogs';
  const coverColumn: Column<AnalysisRow> = { id: 'cover', header: t('analysis.col.cover'), width: '7rem', align: 'end', cell: (r) => f.cover(r.coverDays), sortValue: (r) => r.coverDays ?? Number.MAX_VALUE, csv: (r) => (r.coverDays === null ? null : Math.round(r.coverDays * 10) / 10) };

  const columns: Record<Tab, Column<AnalysisRow>[]> = {
    abc: [
      numberColumn('rank', t('analysis.col.rank'), (r) => r.abcRank, 0, '4.5rem'),
      ...skuColumns,
      classColumn,
      basis === 'units' ? numberColumn('basis', t('analysis.basis.units'), (r) => r.abcValue, 0, '8rem') : moneyColumn('basis', t(`analysis.basis.${basis}`), (r) => r.abcValue),
      { id: 'shareBefore', header: t('analysis.col.shareBefore'), width: '7rem', align: 'end', cell: (r) => f.percent(r.abcShareBefore), sortValue: (r) => r.abcShareBefore, csv: (r) => r.abcShareBefore },
    ],
    turnover: [
      ...skuColumns,
      classColumn,
      moneyColumn('beginningValue', t('analysis.col.beginningValue'), (r) => r.beginningValueMinor),
      moneyColumn('endingValue', t('analysis.col.endingValue'), (r) => r.endingValueMinor),
      moneyColumn('cogs', t('analysis.col.cogs'), (r) => r.cogsMinor),
      { ...numberColumn('turnoverRate', t('analysis.col.turnoverRate'), (r) => r.turnoverRate, 2), cell: (r) => f.rate(r.turnoverRate) },
      numberColumn('turnoverDays', t('analysis.col.turnoverDays'), (r) => r.turnoverDays, 0),
      numberColumn('beginningQty', t('analysis.col.beginningUnits'), (r) => r.beginningQty),
      numberColumn('received', t('analysis.col.received'), (r) => r.receivedUnits),
      numberColumn('sold', t('analysis.col.sold'), (r) => r.soldUnits),
      { id: 'sellThrough', header: t('analysis.col.sellThrough'), width: '6.5rem', align: 'end', cell: (r) => f.percent(r.sellThrough), sortValue: (r) => (Number.isFinite(r.sellThrough) ? r.sellThrough : Number.MAX_VALUE), csv: (r) => (Number.isFinite(r.sellThrough) ? r.sellThrough : null) },
    ],
    ageing: [
      ...skuColumns,
      numberColumn('onHand', t('analysis.col.onHand'), (r) => r.onHandQty),
      ...AGE_KEYS.map((key, k) => numberColumn(`age${k}`, t(key), (r) => r.ageUnits[k]!, 0, '6rem')),
      moneyColumn('value', t('analysis.col.value'), (r) => r.onHandValueMinor),
      moneyColumn('valueOver180', t('analysis.col.valueOver180'), (r) => r.ageValueMinor[2]! + r.ageValueMinor[3]! + r.ageValueMinor[4]!),
    ],
    overstock: [
      ...skuColumns,
      numberColumn('onHand', t('analysis.col.onHand'), (r) => r.onHandQty),
      { ...numberColumn('demand', t('analysis.col.demand'), (r) => r.dailyDemand, 3), cell: (r) => f.demand(r.dailyDemand) },
      coverColumn,
      numberColumn('clear', t('analysis.col.clear'), (r) => r.clearUnits),
      { id: 'action', header: t('analysis.col.action'), width: '7rem', cell: (r) => (r.action ? t(`analysis.action.${r.action}`) : ''), sortValue: (r) => r.action ?? '', csv: (r) => (r.action ? t(`analysis.action.${r.action}`) : '') },
      { id: 'why', header: t('analysis.col.why'), width: 'minmax(16rem, 3fr)', cell: (r) => whyOf(r, view, t, f), csv: (r) => whyOf(r, view, t, f) },
    ],
    understock: [
      ...skuColumns,
      classColumn,
      numberColumn('onHand', t('analysis.col.onHand'), (r) => r.onHandQty),
      { ...numberColumn('demand', t('analysis.col.demand'), (r) => r.dailyDemand, 3), cell: (r) => f.demand(r.dailyDemand) },
      coverColumn,
      numberColumn('understockDays', t('analysis.col.understockDays'), (r) => r.understockDays, 0, '8rem'),
    ],
  };

  const ageFooter =
    view && tab === 'ageing' ? (
      <>
        <div className="data-table__cell" role="rowheader">
          {t('common.total')}
        </div>
        <div className="data-table__cell" role="gridcell" />
        <div className="data-table__cell data-table__cell--end" role="gridcell" data-col="onHand">
          {f.num(view.totals.onHandQty)}
        </div>
        {view.totals.ageUnits.map((units, k) => (
          <div key={k} className="data-table__cell data-table__cell--end" role="gridcell" data-col={`age${k}`}>
            {f.num(units)}
          </div>
        ))}
        <div className="data-table__cell data-table__cell--end" role="gridcell" data-col="value">
          {f.money(view.totals.onHandValueMinor)}
        </div>
        <div className="data-table__cell data-table__cell--end" role="gridcell" data-col="valueOver180">
          {f.money(view.totals.ageValueMinor[2]! + view.totals.ageValueMinor[3]! + view.totals.ageValueMinor[4]!)}
        </div>
      </>
    ) : undefined;

  const target = view?.settings.targetCoverDays ?? 0;
  const howOfTab: Record<Tab, string> = {
    abc: abcHow(t, basis, { to: countedTo, currency, a: f.num((view?.settings.abcCutoffA ?? 0) * 100, 1), b: f.num((view?.settings.abcCutoffB ?? 0) * 100, 1) }),
    turnover: t('analysis.how.turnover'),
    ageing: t('analysis.how.ageing', { today: asOf }),
    overstock: t('analysis.how.overstock', { target }),
    understock: t('analysis.how.understock', { review: view?.facts.reviewDays ?? 0 }),
  };

  return (
    <section aria-labelledby="analysis-title">
      <h1 id="analysis-title">{t('analysis.title')}</h1>
      <div className="toolbar">
        <PeriodFields picker={period} />
      </div>
      <p className="muted" data-testid="analysis-range">
        {range ? t('analysis.range', { from: range.from, to: countedTo, days: view?.facts.periodDays ?? '…', today: asOf }) : ''}
      </p>
      <StatusLine status={error ? { kind: 'error', text: describe(error) } : null} />
      {view ? <Summary view={view} f={f} to={countedTo} /> : range && !error ? <p data-testid="analysis-loading">{t('common.loading')}</p> : null}
      {view?.settings.abcBasis === 'revenue' ? <RevenueNotes view={view} f={f} /> : null}
      {view ? <AnalysisSettingsForm stored={view.settings} /> : null}
      <Tabs label={t('analysis.tabs')} names={TABS} selected={tab} onSelect={setTab} text={(name) => t(`analysis.tab.${name}`)} idPrefix="analysis" />
      <div role="tabpanel" id={`analysis-panel-${tab}`} aria-labelledby={`analysis-tab-${tab}`} ref={panelRef}>
        <p className="muted" data-testid="analysis-how">
          {howOfTab[tab]} {t('analysis.explain.hint')}
        </p>
        <DataTable
          key={tab}
          label={t(`analysis.tab.${tab}`)}
          testId={`analysis-${tab}`}
          rows={lists[tab]}
          columns={columns[tab]}
          rowKey={(r) => r.skuId}
          onActivate={(r) => setOpenSku(r.skuId)}
          footer={ageFooter}
          emptyText={view || !range ? t('analysis.empty') : t('common.loading')}
          csv={range ? { fileStem: `analysis-${tab}`, date: range.to } : undefined}
        />
      </div>
      {/* The explanation opens below the table, where the focus is not: a screen reader is told. */}
      <div className="visually-hidden" aria-live="polite" data-testid="analysis-explain-announce">
        {opened ? t('analysis.explainShown', { sku: code(opened.skuId) }) : ''}
      </div>
      {opened && view ? (
        <SkuExplanation
          row={opened}
          view={view}
          f={f}
          code={code(opened.skuId)}
          to={countedTo}
          onClose={() => {
            setOpenSku(null);
            // Back to the table, on the row it was opened from (the grid keeps its active row).
            panelRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
          }}
        />
      ) : null}
    </section>
  );
}

const ABC_HOW: Record<AbcBasis, MessageKey> = { cogs: 'analysis.how.abc.cogs', revenue: 'analysis.how.abc.revenue', units: 'analysis.how.abc.units' };

/** How the classes were found, naming the basis they rank by. */
function abcHow(t: Translate, basis: AbcBasis, params: { to: string; currency: string; a: string; b: string }): string {
  return t(ABC_HOW[basis], params);
}

/**
 * Ranked by revenue: the order lines of the 12 months the revenue leaves out, and why (no SKU, no
 * price, no exchange rate, per currency), or that no order with a price was imported at all.
 */
function RevenueNotes({ view, f }: { view: AnalysisView; f: Formatters }) {
  const { t } = useT();
  const gaps = view.facts.revenueGaps;
  const notes: string[] = [];
  if (!gaps.anyPrice) notes.push(t('analysis.revenue.noOrders'));
  else {
    if (gaps.noPriceLines > 0) notes.push(t('analysis.revenue.noPrice', { lines: f.num(gaps.noPriceLines) }));
    if (gaps.storedBeforePricesLines > 0) notes.push(t('analysis.revenue.storedBeforePrices', { lines: f.num(gaps.storedBeforePricesLines) }));
    for (const { currency, lines } of gaps.noRate) notes.push(currency === '' ? t('analysis.revenue.noCurrency', { lines: f.num(lines) }) : t('analysis.revenue.noRate', { lines: f.num(lines), currency }));
    if (gaps.unmappedLines > 0) notes.push(t('analysis.revenue.unmapped', { lines: f.num(gaps.unmappedLines) }));
  }
  if (notes.length === 0) return null;
  return (
    <div className="panel" role="status" data-testid="analysis-revenue-notes">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}

/** Why an overstocked SKU gets its action, with its numbers. */
function whyOf(r: AnalysisRow, view: AnalysisView | undefined, t: Translate, f: Formatters): string {
  if (r.status !== 'overstock') return '';
  if (r.coverDays === null) return t('analysis.why.noDemand', { units: f.num(r.clearUnits) });
  const oldest = r.ageUnits.findLastIndex((units) => units > 0);
  return t('analysis.why.over', {
    cover: f.num(r.coverDays, 0),
    target: view?.settings.targetCoverDays ?? 0,
    keep: f.num(r.targetUnits),
    demand: f.demand(r.dailyDemand),
    clear: f.num(r.clearUnits),
    onHand: f.num(r.onHandQty),
    age: oldest >= 0 ? t(AGE_KEYS[oldest]!) : '—',
  });
}

function Summary({ view, f, to }: { view: AnalysisView; f: Formatters; to: string }) {
  const { t } = useT();
  const { totals, facts, settings } = view;
  const aged = totals.ageUnits[2]! + totals.ageUnits[3]! + totals.ageUnits[4]!;
  const agedValue = totals.ageValueMinor[2]! + totals.ageValueMinor[3]! + totals.ageValueMinor[4]!;
  const { errorRate } = facts;
  const rows: [string, string, string, string][] = [
    [
      'turnoverRate',
      t('analysis.turnoverRate'),
      f.rate(totals.turnoverRate),
      totals.turnoverRate === 0
        ? t('analysis.turnoverNone')
        : t('analysis.turnoverRateHow', { cogs: f.money(totals.cogsMinor), beginning: f.money(totals.beginningValueMinor), ending: f.money(totals.endingValueMinor), average: f.money(Math.round((totals.beginningValueMinor + totals.endingValueMinor) / 2)) }),
    ],
    ['turnoverDays', t('analysis.turnoverDays'), f.num(totals.turnoverDays, 1), Number.isFinite(totals.turnoverDays) ? t('analysis.turnoverDaysHow', { days: facts.periodDays, rate: f.rate(totals.turnoverRate) }) : t('analysis.turnoverNone')],
    [
      'sellThrough',
      t('analysis.sellThrough'),
      f.percent(totals.sellThrough),
      Number.isFinite(totals.sellThrough) ? t('analysis.sellThroughHow', { sold: f.num(totals.soldUnits), beginning: f.num(totals.beginningQty), received: f.num(totals.receivedUnits) }) : t('analysis.sellThroughGap'),
    ],
    ['errorRate', t('analysis.errorRate'), errorRate.lines === 0 ? '—' : f.percent(errorRate.rate), errorRate.lines === 0 ? t('analysis.errorRateNone') : t('analysis.errorRateHow', { wrong: f.num(errorRate.linesWithDiscrepancy), lines: f.num(errorRate.lines) })],
    ['onHand', t('analysis.onHand'), `${t('analysis.units', { units: f.num(totals.onHandQty) })} · ${f.money(totals.onHandValueMinor)}`, t('analysis.onHandHow', { today: facts.today })],
    ['aged', t('analysis.aged'), `${t('analysis.units', { units: f.num(aged) })} · ${f.money(agedValue)}`, t('analysis.agedHow')],
    [
      'abc',
      t('analysis.abcCounts'),
      t('analysis.abcCountsValue', { a: f.num(totals.classCounts.A), b: f.num(totals.classCounts.B), c: f.num(totals.classCounts.C) }),
      abcHow(t, settings.abcBasis, { to, currency: f.currency, a: f.num(settings.abcCutoffA * 100, 1), b: f.num(settings.abcCutoffB * 100, 1) }),
    ],
    ['overstock', t('analysis.overstock'), t('analysis.overstockValue', { count: f.num(totals.overstockCount), units: f.num(totals.overstockClearUnits) }), t('analysis.overstockHow', { target: settings.targetCoverDays })],
    ['understock', t('analysis.understock'), t('analysis.understockValue', { count: f.num(totals.understockCount) }), t('analysis.understockHow', { review: facts.reviewDays })],
  ];
  return (
    <section className="panel" aria-labelledby="analysis-summary-title">
      <h2 id="analysis-summary-title">{t('analysis.summary')}</h2>
      <FigureTable rows={rows} testId="analysis-summary" />
    </section>
  );
}

function SkuExplanation({ row, view, f, code, to, onClose }: { row: AnalysisRow; view: AnalysisView; f: Formatters; code: string; to: string; onClose: () => void }) {
  const { t } = useT();
  const ref = useRef<HTMLElement>(null);
  // Below a tall table it would open out of sight: brought into view (the focus stays on the table).
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [row.skuId]);
  const { settings, facts } = view;
  const basisValue = settings.abcBasis === 'units' ? f.num(row.abcValue) : f.money(row.abcValue);
  const status =
    row.status === 'understock'
      ? t('analysis.x.understockHow', { cover: f.cover(row.coverDays), lead: f.num(row.seaLeadDays, 0), review: facts.reviewDays, low: f.num(row.understockDays, 0) })
      : row.status === 'overstock'
        ? whyOf(row, view, t, f)
        : row.status === 'ok'
          ? t('analysis.x.okHow', { low: f.num(row.understockDays, 0), target: settings.targetCoverDays })
          : t('analysis.x.noneHow');
  const rows: [string, string, string, string][] = [
    ['abc', t('analysis.abcCounts'), row.abc, t('analysis.x.abcHow', { rank: f.num(row.abcRank), count: f.num(view.rows.length), basis: t(`analysis.basis.${settings.abcBasis}`), to, value: basisValue, share: f.num(row.abcShareBefore * 100, 1), a: f.num(settings.abcCutoffA * 100, 1), b: f.num(settings.abcCutoffB * 100, 1) })],
    [
      'turnoverRate',
      t('analysis.turnoverRate'),
      f.rate(row.turnoverRate),
      row.turnoverRate === 0
        ? t('analysis.turnoverNone')
        : t('analysis.turnoverRateHow', { cogs: f.money(row.cogsMinor), beginning: f.money(row.beginningValueMinor), ending: f.money(row.endingValueMinor), average: f.money(Math.round((row.beginningValueMinor + row.endingValueMinor) / 2)) }),
    ],
    ['turnoverDays', t('analysis.turnoverDays'), f.num(row.turnoverDays, 1), Number.isFinite(row.turnoverDays) ? t('analysis.turnoverDaysHow', { days: facts.periodDays, rate: f.rate(row.turnoverRate) }) : t('analysis.turnoverNone')],
    ['sellThrough', t('analysis.sellThrough'), f.percent(row.sellThrough), Number.isFinite(row.sellThrough) ? t('analysis.sellThroughHow', { sold: f.num(row.soldUnits), beginning: f.num(row.beginningQty), received: f.num(row.receivedUnits) }) : t('analysis.sellThroughGap')],
    ['onHand', t('analysis.onHand'), `${t('analysis.units', { units: f.num(row.onHandQty) })} · ${f.money(row.onHandValueMinor)}`, t('analysis.onHandHow', { today: facts.today })],
    ...AGE_KEYS.map((key, k): [string, string, string, string] => [`age${k}`, t(key), `${t('analysis.units', { units: f.num(row.ageUnits[k]!) })} · ${f.money(row.ageValueMinor[k]!)}`, t('analysis.x.ageHow')]),
    ['demand', t('analysis.col.demand'), f.demand(row.dailyDemand), row.dailyDemand > 0 ? t('analysis.x.demandHow') : t('analysis.x.demandNone')],
    ['cover', t('analysis.col.cover'), f.cover(row.coverDays), row.coverDays === null ? t('analysis.x.demandNone') : t('analysis.x.coverHow', { onHand: f.num(Math.max(0, row.onHandQty)), demand: f.demand(row.dailyDemand) })],
    ['status', t('analysis.x.status'), `${t(`analysis.status.${row.status}`)}${row.action ? ` · ${t(`analysis.action.${row.action}`)} ${f.num(row.clearUnits)}` : ''}`, status],
  ];
  return (
    <section className="panel" aria-labelledby="analysis-explain-title" ref={ref}>
      <h2 id="analysis-explain-title">{t('analysis.explain.title', { sku: code })}</h2>
      <FigureTable rows={rows} testId="analysis-explanation" />
      <button type="button" className="btn" onClick={onClose}>
        {t('analysis.explain.close')}
      </button>
    </section>
  );
}

