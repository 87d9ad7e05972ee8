// Node side of `npm run bench`: the pure core's throughput at 1M movements, no browser involved.
import { generateDemo } from '../../shared/demo/generate';
import { packBlocks, summarizeByMonth, valueMovements, BLOCK_SEQ_BASE } from '../../shared/ledger';
import { decodeBackup, encodeBackup } from '../../shared/backup/format';

/** The import bench's file, written by Node and handed to the page's file input. */
export { ledgerFile } from './ledger-file';

export interface NodeBenchEntry {
  name: string;
  value: number;
  unit: 'ms';
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
  const blocks = packBlocks(columns, 'bench', BLOCK_SEQ_BASE);
  const snapshot = { schemaVersion: 2, createdAt: new Date().toISOString(), appVersion: 'bench', tables: {}, blocks };
  const [bytes, encodeMs] = time(() => encodeBackup(snapshot));
  const [, decodeMs] = time(() => decodeBackup(bytes, { maxSchemaVersion: 2 }));
  const n = columns.length;
  return [
    { name: 'node.generate_demo_ms', value: generateMs, unit: 'ms', n },
    { name: 'node.valuation_ms', value: valuationMs, unit: 'ms', n },
    { name: 'node.monthly_summary_ms', value: summaryMs, unit: 'ms', n },
    { name: 'node.backup_encode_ms', value: encodeMs, unit: 'ms', n },
    { name: 'node.backup_decode_ms', value: decodeMs, unit: 'ms', n },
  ];
}
