// The charts of one SKU at one FBA location. Projected stock: on hand with no new shipment, the
// forecast, the arrivals of open shipments, the safety stock and the stockout point; long horizons
// are decimated. Demand: weeks sold before today against the forecast by week after it, with the
// chosen method and its backtest error. The series come from planChartSeries (tested in Node); each
// chart has a text description beside it for screen readers.
import { useEffect, useId, useMemo, useRef } from 'react';
import { BarController, BarElement, Chart, Decimation, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { Plugin } from 'chart.js';
import type { ShipLine } from '../../../shared/planning/plan';
import type { PlanDetail } from '../../db/planning';
import { useT } from '../../i18n';
import { chartDate, planChartSeries } from './chartSeries';
import type { DemandWeek } from './chartSeries';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, Legend, Tooltip, Decimation);

// Chart.js decimates only above `threshold` points (4 × the width by default, so never at 180 days):
// a horizon longer than `threshold` days is drawn as `samples` points chosen by LTTB.
const DECIMATION = { enabled: true, algorithm: 'lttb', samples: 200, threshold: 400 } as const;

/** A dashed line between today and tomorrow (x = 0.5), labelled. */
function todayLine(label: string): Plugin<'bar'> {
  return {
    id: 'todayLine',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x?.getPixelForValue(0.5);
      if (x === undefined || x < chartArea.left || x > chartArea.right) return;
      ctx.save();
      ctx.strokeStyle = '#57606a';
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.fillStyle = '#57606a';
      ctx.textAlign = 'left';
      ctx.fillText(label, x + 4, chartArea.top + 10);
      ctx.restore();
    },
  };
}

/**
 * What both charts share: drawn at once from parsed points, sized by their box, and a tooltip for the
 * nearest x, not the same index (decimated datasets keep different points at the same index).
 */
const SHARED_OPTIONS = {
  animation: false,
  parsing: false,
  responsive: true,
  maintainAspectRatio: false,
  interaction: { mode: 'nearest', axis: 'x', intersect: false },
} as const;

export function PlanChart({ detail, line }: { detail: PlanDetail; line: Pick<ShipLine, 'method' | 'methodForced' | 'wape' | 'safetyStock' | 'rateOverride'> }) {
  const { t, language } = useT();
  const stockCanvas = useRef<HTMLCanvasElement>(null);
  const demandCanvas = useRef<HTMLCanvasElement>(null);
  const stockSummaryId = useId();
  const demandSummaryId = useId();
  const series = useMemo(() => planChartSeries(detail, line.safetyStock), [detail, line.safetyStock]);
  const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString(language, { maximumFractionDigits: digits }) : '—');

  useEffect(() => {
    if (!stockCanvas.current) return;
    const { stockout } = series;
    const dateOf = (x: number) => chartDate(series.todayDay, x);
    const chart = new Chart(stockCanvas.current, {
      type: 'line',
      data: {
        datasets: [
          { type: 'line', label: t('plan.chart.projected'), data: series.projected, borderColor: '#1f6feb', pointRadius: 0, borderWidth: 2 },
          { type: 'line', label: t('plan.chart.forecast'), data: series.forecast, borderColor: '#8250df', pointRadius: 0, borderWidth: 1 },
          { type: 'line', label: t('plan.chart.safetyStock'), data: series.safetyStock, borderColor: '#d29922', borderDash: [6, 4], pointRadius: 0, borderWidth: 1 },
          { type: 'bar', label: t('plan.chart.arrivals'), data: series.arrivals, backgroundColor: '#2da44e', maxBarThickness: 8 },
          // One point, never decimated (fewer points than the threshold); none when on hand stays above 0.
          ...(stockout
            ? [{ type: 'line' as const, label: t('plan.chart.stockoutOn', { date: stockout.date }), data: [stockout], showLine: false, pointStyle: 'crossRot' as const, pointRadius: 8, pointHoverRadius: 10, borderWidth: 3, borderColor: '#cf222e', backgroundColor: '#cf222e' }]
            : []),
        ],
      },
      options: {
        ...SHARED_OPTIONS,
        plugins: {
          decimation: DECIMATION,
          tooltip: { callbacks: { title: (items) => (items[0] ? dateOf(items[0].parsed.x ?? 0) : '') } },
        },
        scales: {
          x: { type: 'linear', ticks: { precision: 0, callback: (value) => dateOf(Number(value)) } },
          y: { type: 'linear', beginAtZero: true },
        },
      },
    });
    return () => chart.destroy();
  }, [series, t]);

  useEffect(() => {
    if (!demandCanvas.current) return;
    const dateOf = (x: number) => chartDate(series.todayDay, x);
    const weeks = [...series.history, ...series.forecastWeeks];
    const first = weeks[0];
    const last = weeks.at(-1);
    const bar = { type: 'bar' as const, grouped: false, barPercentage: 1, categoryPercentage: 0.85 };
    const chart = new Chart<'bar', DemandWeek[]>(demandCanvas.current, {
      type: 'bar',
      data: {
        datasets: [
          { ...bar, label: t('plan.chart.soldWeekly'), data: series.history.filter((w) => w.stockoutDays === 0), backgroundColor: '#57606a' },
          // Sales cut short by stockout days: lighter and outlined, so the eye does not read them as low demand.
          { ...bar, label: t('plan.chart.soldWeeklyShort'), data: series.history.filter((w) => w.stockoutDays > 0), backgroundColor: 'rgba(207, 34, 46, 0.25)', borderColor: '#cf222e', borderWidth: 1 },
          { ...bar, label: t('plan.chart.forecastWeekly'), data: series.forecastWeeks, backgroundColor: '#8250df' },
        ],
      },
      options: {
        ...SHARED_OPTIONS,
        plugins: {
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? t('plan.chart.weekOf', { date: (items[0].raw as DemandWeek).weekStart }) : ''),
              afterLabel: (item) => {
                const week = item.raw as DemandWeek;
                if (week.stockoutDays > 0) return t('plan.chart.stockoutDays', { days: week.stockoutDays });
                return week.days < 7 ? t('plan.chart.partialWeek', { days: week.days }) : '';
              },
            },
          },
        },
        scales: {
          // Half a week of margin so the first and last bars are whole.
          x: { type: 'linear', ...(first && last ? { min: first.x - 3.5, max: last.x + 3.5 } : {}), ticks: { precision: 0, callback: (value) => dateOf(Number(value)) } },
          y: { type: 'linear', beginAtZero: true },
        },
      },
      plugins: [todayLine(t('plan.chart.today'))],
    });
    return () => chart.destroy();
  }, [series, t]);

  const { summary, stockout } = series;
  const end = summary.horizonEnd ?? '—';
  const arrivals = summary.arrivalDays > 0 ? t('plan.chart.arrivalsSome', { units: num(summary.arrivalUnits), days: summary.arrivalDays }) : t('plan.chart.arrivalsNone');
  const arrivalsAndSafety = { arrivals, safetyStock: num(line.safetyStock, 1) };
  const stockSummary = stockout
    ? t('plan.chart.summaryStockout', { date: stockout.date, ...arrivalsAndSafety })
    : t('plan.chart.summaryNoStockout', { end, lowest: num(summary.lowest?.units ?? Number.NaN), lowestDate: summary.lowest?.date ?? '—', ...arrivalsAndSafety });
  const method = t(`plan.method.${line.method}`);
  const methodText = Number.isFinite(line.rateOverride) ? t('plan.chart.methodYours', { rate: num(line.rateOverride, 2) }) : line.methodForced ? t('plan.chart.methodForced', { method }) : Number.isFinite(line.wape) ? t('plan.chart.methodWape', { method, wape: num(line.wape * 100) }) : t('plan.chart.methodNoBacktest', { method });
  const demandSummary =
    summary.historyWeeks > 0
      ? t('plan.chart.demandSummary', { weeks: summary.historyWeeks, units: num(summary.historyUnits), short: summary.historyWeeksWithStockout, inStock: num(summary.inStockUnitsPerWeek, 1), forecast: num(summary.forecastUnitsPerWeek, 1), end })
      : t('plan.chart.demandSummaryNoHistory', { forecast: num(summary.forecastUnitsPerWeek, 1), end });

  return (
    <>
      <figure className="plan-chart">
        <figcaption>
          <strong>{t('plan.chart.label')}</strong>
        </figcaption>
        <div style={{ height: 260 }}>
          <canvas ref={stockCanvas} role="img" aria-label={t('plan.chart.label')} aria-describedby={stockSummaryId} data-testid="plan-chart" />
        </div>
        <p id={stockSummaryId} className="muted">
          {stockSummary}
        </p>
      </figure>
      <figure className="plan-chart">
        <figcaption>
          <strong>{t('plan.chart.demandLabel')}</strong> · {methodText}
        </figcaption>
        <div style={{ height: 220 }}>
          <canvas ref={demandCanvas} role="img" aria-label={`${t('plan.chart.demandLabel')}: ${methodText}`} aria-describedby={demandSummaryId} data-testid="plan-demand-chart" />
        </div>
        <p id={demandSummaryId} className="muted">
          {demandSummary}
        </p>
      </figure>
    </>
  );
}
