// Node side of `npm run bench`: the pure core's throughput at 1M movements, no browser involved.
import { generateDemo } from '../../shared/demo/generate';
import { packBlocks, summarizeByMonth, valueMovements, BLOCK_SEQ_BASE } from '../../shared/ledger';
import { decodeBackup, encodeBackup } from '../../shared/backup/format';
import { dayNumber } from '../../shared/dates';
import { demandHistoryFromLedger } from '../../shared/planning/demandHistory';
import { forecastAccuracy } from '../../shared/planning/accuracy';
import { skuLedgerFacts } from '../../shared/analysis';

/** The import bench's file, written by Node and handed to the page's file input. */
export { ledgerFile } from './ledger-file';

export interface NodeBenchEntry {
  name: string;
  value: number;
  unit: 'ms' | 'x';
  n: number;
}

export function runNodeBench(skuCount: number, movementCount: number): NodeBenchEntry[] {
  const time = <T>(work: () => T): [T, number] => {
    const started = performance.now();
    const result = work();
    return [result, performance.now() - started];
  };
  const [dataset, generateMs] = time(() => generateDemo({ seed: 1, skuCount, movementCount, endDate: '2026-11-26' }));
  const columns = dataset.movements;
  const transit = new Set([dataset.locations.findIndex((l) => l.kind === 'transit') + 1]);
  const [values, valuationMs] = time(() => valueMovements(columns, { transitLocationIds: transit }));
  const [, summaryMs] = time(() => summarizeByMonth(columns, values));
  // Analysis (PRODUCT §6): a month's figures, 12 months of ABC basis and today's FIFO age per SKU, one pass.
  const endDay = dayNumber('2026-11-26');
  const [, analysisMs] = time(() => skuLedgerFacts(columns, values, Int32Array.from(dataset.skus, (_, i) => i + 1), { fromDay: endDay - 29, toDay: endDay, abcFromDay: endDay - 364, asOfDay: endDay }));
  const blocks = packBlocks(columns, 'bench', BLOCK_SEQ_BASE);
  const snapshot = { schemaVersion: 2, createdAt: new Date().toISOString(), appVersion: 'bench', tables: {}, blocks };
  const [bytes, encodeMs] = time(() => encodeBackup(snapshot));
  const [, decodeMs] = time(() => decodeBackup(bytes, { maxSchemaVersion: 2 }));
  const n = columns.length;
  // Forecast accuracy on the demo's two years (with its stockouts): 13 origins 4 weeks apart (a year
  // of them, so every season is met once), each forecasting the 8 weeks after it (a sea leg and the
  // review period: the demand one replenishment decision covers).
  const fba = new Map<number, string>();
  dataset.locations.forEach((l, i) => {
    if (l.kind === 'fba' && l.marketplace) fba.set(i + 1, l.marketplace);
  });
  const todayDay = dayNumber('2026-11-26');
  const history = demandHistoryFromLedger(columns, fba, { firstDay: todayDay - 729, days: 730 });
  const [accuracy, accuracyMs] = time(() => forecastAccuracy(history, { historyWeeks: 90, holdoutWeeks: 8, origins: 13, originStepWeeks: 4 }));
  return [
    { name: 'forecast.wape_ratio_vs_ma30', value: accuracy.ratio, unit: 'x', n: accuracy.series },
    { name: 'forecast.wape_chosen', value: accuracy.wapeChosen, unit: 'x', n: accuracy.series },
    { name: 'forecast.wape_ma30', value: accuracy.wapeMovingAverage30, unit: 'x', n: accuracy.series },
    { name: 'forecast.weekly_wape_ratio_vs_ma30', value: accuracy.weekly.ratio, unit: 'x', n: accuracy.weeks },
    { name: 'forecast.weekly_wape_ratio_oracle', value: accuracy.weekly.oracleRatio, unit: 'x', n: accuracy.weeks },
    { name: 'forecast.accuracy_ms', value: accuracyMs, unit: 'ms', n: history.series.length },
    { name: 'node.generate_demo_ms', value: generateMs, unit: 'ms', n },
    { name: 'node.valuation_ms', value: valuationMs, unit: 'ms', n },
    { name: 'node.monthly_summary_ms', value: summaryMs, unit: 'ms', n },
    { name: 'node.analysis_facts_ms', value: analysisMs, unit: 'ms', n },
    { name: 'node.backup_encode_ms', value: encodeMs, unit: 'ms', n },
    { name: 'node.backup_decode_ms', value: decodeMs, unit: 'ms', n },
  ];
}
