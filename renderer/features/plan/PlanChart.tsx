// Projected stock of one SKU at one FBA location: on hand with no new shipment, the forecast, the
// arrivals of open shipments, the safety stock and the stockout point. Long horizons are decimated.
import { useEffect, useRef } from 'react';
import { BarController, BarElement, Chart, Decimation, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { PlanDetail } from '../../db/planning';
import { useT } from '../../i18n';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, Legend, Tooltip, Decimation);

export function PlanChart({ detail, safetyStock }: { detail: PlanDetail; safetyStock: number }) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const points = (values: number[]) => values.map((y, x) => ({ x, y }));
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        datasets: [
          { type: 'line', label: t('plan.chart.projected'), data: points(detail.projected), borderColor: '#1f6feb', pointRadius: 0, borderWidth: 2 },
          { type: 'line', label: t('plan.chart.forecast'), data: points(detail.forecast), borderColor: '#8250df', pointRadius: 0, borderWidth: 1, yAxisID: 'y' },
          { type: 'line', label: t('plan.chart.safetyStock'), data: points(detail.days.map(() => safetyStock)), borderColor: '#d29922', borderDash: [6, 4], pointRadius: 0, borderWidth: 1 },
          { type: 'bar', label: t('plan.chart.arrivals'), data: points(detail.arrivals), backgroundColor: '#2da44e' },
        ],
      },
      options: {
        animation: false,
        parsing: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          decimation: { enabled: true, algorithm: 'lttb', samples: 120 },
          tooltip: { callbacks: { title: (items) => detail.days[items[0]?.parsed.x ?? 0] ?? '' } },
        },
        scales: {
          x: { type: 'linear', ticks: { callback: (value) => detail.days[Number(value)] ?? '' } },
          y: { type: 'linear', beginAtZero: true },
        },
      },
    });
    return () => chart.destroy();
  }, [detail, safetyStock, t]);

  return (
    <div className="plan-chart" style={{ height: 260 }}>
      <canvas ref={canvas} role="img" aria-label={t('plan.chart.label')} data-testid="plan-chart" />
    </div>
  );
}
