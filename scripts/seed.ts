// `npm run seed -- --skus 10000 --movements 1000000 [--seed 1] [--end 2026-11-26] [--out file]`
// Generates a deterministic demo seller and writes it as a StockPilot backup file, which the app
// restores in Settings → Backup and restore (the data lives in the app's IndexedDB, not on disk).
import { writeFileSync } from 'node:fs';
import { generateDemo } from '../shared/demo/generate';
import { demoCatalogRows } from '../shared/demo/rows';
import { encodeBackup } from '../shared/backup/format';
import { BLOCK_SEQ_BASE, packBlocks } from '../shared/ledger';
import { isIsoDate, isoFromDay } from '../shared/dates';
import { CURRENT_SCHEMA_VERSION } from '../renderer/db/schema';

interface SeedArgs {
  skus: number;
  movements: number;
  seed: number;
  end: string;
  out: string;
}

export function parseSeedArgs(args: readonly string[], today: string): SeedArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (!flag.startsWith('--')) throw new Error(`unexpected argument ${flag}`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    values.set(flag.slice(2), value);
    i++;
  }
  for (const key of values.keys()) if (!['skus', 'movements', 'seed', 'end', 'out'].includes(key)) throw new Error(`unknown option --${key}`);
  const whole = (key: string, fallback: number, min: number) => {
    const text = values.get(key);
    if (text === undefined) return fallback;
    const n = Number(text.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${key} must be a whole number of at least ${min}, not ${text}`);
    return n;
  };
  const end = values.get('end') ?? today;
  if (!isIsoDate(end)) throw new Error(`--end must be a date like 2026-11-26, not ${end}`);
  const skus = whole('skus', 500, 1);
  const movements = whole('movements', 100_000, 0);
  return { skus, movements, seed: whole('seed', 1, 0), end, out: values.get('out') ?? `stockpilot-demo-${skus}x${movements}.stockpilot` };
}

export async function main(args: string[]): Promise<number> {
  let options: SeedArgs;
  try {
    options = parseSeedArgs(args, new Date().toISOString().slice(0, 10));
  } catch (error) {
    console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
    console.error('usage: npm run seed -- --skus 10000 --movements 1000000 [--seed 1] [--end 2026-11-26] [--out demo.stockpilot]');
    return 2;
  }
  const started = Date.now();
  const now = new Date().toISOString();
  const dataset = generateDemo({ seed: options.seed, skuCount: options.skus, movementCount: options.movements, endDate: options.end });
  const rows = demoCatalogRows(dataset, now);
  const columns = dataset.movements;
  const blocks = packBlocks(columns, 'demo', BLOCK_SEQ_BASE);
  const bytes = encodeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: now,
    appVersion: 'seed',
    tables: {
      skus: rows.skus.map((row) => ({ ...row })),
      locations: rows.locations.map((row) => ({ ...row })),
      listings: rows.listings.map((row) => ({ ...row })),
      movements: [],
      shipments: [],
      settings: [{ key: 'baseCurrency', value: 'USD' }],
      batches: [
        {
          id: 'demo',
          kind: 'demo',
          label: 'Demo data',
          createdAt: now,
          movementCount: columns.length,
          blockCount: blocks.length,
          firstDate: columns.length ? isoFromDay(columns.day[0]!) : options.end,
          lastDate: columns.length ? isoFromDay(columns.day[columns.length - 1]!) : options.end,
        },
      ],
      ledgerState: [{ key: 'version', version: 1, nextBlockSeq: columns.length }],
    },
    blocks,
  });
  writeFileSync(options.out, bytes);
  console.log(
    `Wrote ${options.out}: ${options.skus.toLocaleString('en')} SKUs, ${columns.length.toLocaleString('en')} movements, ` +
      `${(bytes.byteLength / 1048576).toFixed(1)} MiB in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
      'Restore it in StockPilot: Settings → Backup and restore → Restore from a backup.',
  );
  return 0;
}
