// Full backup to one file and restore into the profile. A restore decodes and checks the whole file
// first; only then does one transaction replace the data, so a bad file changes nothing.
import { DomainError, isDomainError } from '../../shared/errors';
import { decodeBackup, encodeBackup } from '../../shared/backup/format';
import type { BackupSnapshot } from '../../shared/backup/format';
import type { PackedBlock } from '../../shared/ledger';
import { CURRENT_SCHEMA_VERSION } from './schema';
import type { LedgerVersionRecord, StockPilotDatabase } from './schema';
import { blockCacheFor, bumpLedgerVersion, readLedgerVersion, refreshSummaries } from './ledgerStore';
import { withStorageErrors } from './errors';

/** Per-row tables a backup carries; summaries are left out because they are rebuilt from the ledger. */
const ROW_TABLES = ['skus', 'listings', 'locations', 'movements', 'shipments', 'settings', 'batches', 'heldEvents', 'reportRows', 'sourceMappings', 'suppliers', 'purchaseOrders', 'exchangeRates', 'leadTimes', 'skuSourcing', 'demandEvents', 'forecastOverrides', 'forecastRates', 'countPlans', 'counts', 'countEntries', 'skuBins'] as const;

type Row = Record<string, unknown>;

export async function createBackup(db: StockPilotDatabase, appVersion: string, createdAt: string): Promise<Uint8Array> {
  const snapshot = await withStorageErrors(() =>
    db.transaction('r', [...ROW_TABLES.map((name) => db.table(name)), db.movementBlocks, db.ledgerState], async () => {
      const tables: Record<string, Row[]> = {};
      for (const name of ROW_TABLES) tables[name] = (await db.table(name).toArray()) as Row[];
      const version = await readLedgerVersion(db);
      tables.ledgerState = [{ ...version }];
      const blocks: PackedBlock[] = await db.movementBlocks.toArray();
      return { schemaVersion: CURRENT_SCHEMA_VERSION, createdAt, appVersion, tables, blocks } satisfies BackupSnapshot;
    }),
  );
  return encodeBackup(snapshot);
}

function decodeNamed(bytes: Uint8Array, fileName: string): BackupSnapshot {
  try {
    return decodeBackup(bytes, { maxSchemaVersion: CURRENT_SCHEMA_VERSION });
  } catch (error) {
    if (isDomainError(error)) throw new DomainError(error.code, { ...error.params, file: fileName });
    throw new DomainError('backup.corrupt', { file: fileName });
  }
}

export interface RestoreSummary {
  skuCount: number;
  movementCount: number;
  createdAt: string;
}

/** Replaces every table with the backup's content (all or nothing), then rebuilds the summaries. */
export async function restoreBackup(db: StockPilotDatabase, bytes: Uint8Array, fileName: string): Promise<RestoreSummary> {
  const snapshot = decodeNamed(bytes, fileName);
  const rows = (name: string): Row[] => snapshot.tables[name] ?? [];
  const savedVersion = rows('ledgerState').find((r) => r.key === 'version');
  await withStorageErrors(() =>
    db.transaction('rw', [...ROW_TABLES.map((name) => db.table(name)), db.movementBlocks, db.ledgerState], async () => {
      const current = await readLedgerVersion(db);
      for (const name of ROW_TABLES) {
        await db.table(name).clear();
        await db.table(name).bulkAdd(rows(name));
      }
      await db.movementBlocks.clear();
      // New keys: other connections cache blocks by key and rely on a key never changing content.
      await db.movementBlocks.bulkAdd(snapshot.blocks.map(({ id: _id, ...block }) => block));
      await db.ledgerState.clear();
      // Keep the version moving forward (stale summaries elsewhere must not look fresh) and keep the
      // backup's posting counter, so new blocks sort after the restored ones.
      const nextBlockSeq = typeof savedVersion?.nextBlockSeq === 'number' ? savedVersion.nextBlockSeq : snapshot.blocks.reduce((n, b) => n + b.count, 0);
      await db.ledgerState.put({ key: 'version', version: current.version, nextBlockSeq } satisfies LedgerVersionRecord);
      await bumpLedgerVersion(db);
    }),
  );
  blockCacheFor(db).clear();
  await refreshSummaries(db);
  return {
    skuCount: rows('skus').length,
    movementCount: rows('movements').length + snapshot.blocks.reduce((n, b) => n + b.count, 0),
    createdAt: snapshot.createdAt,
  };
}

/**
 * Whether the profile holds anything a seller made or imported (the location a new profile starts
 * with does not count): an empty profile needs no automatic backup and no safety copy.
 */
export async function hasSellerData(db: StockPilotDatabase): Promise<boolean> {
  // Every table a backup holds, but the two a fresh profile fills itself (its default locations, its
  // language): held events alone, or only exchange rates and lead times, are still the seller's work.
  const tables = [db.movementBlocks, ...ROW_TABLES.filter((name) => name !== 'locations' && name !== 'settings').map((name) => db.table(name))];
  for (const table of tables) if ((await withStorageErrors(() => table.count())) > 0) return true;
  return false;
}
