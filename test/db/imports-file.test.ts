// A dropped or picked File reaches the import as a handle, read a slice at a time (never whole):
// it previews and applies exactly as the same bytes would, gets the same content hash, and a file
// that changed or is too large to read whole is refused by name with nothing written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { applyImport, previewImport } from '../../renderer/db/imports';
import { saveListing } from '../../renderer/db/catalog';
import { contentHashOf } from '../../renderer/db/contentHash';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { NOW, addSku, disposeDatabases, expectRefusedUnchanged, freshDb, snapshot } from './helpers';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', name)));
const TABLES = ['skus', 'listings', 'locations', 'movementBlocks', 'batches', 'ledgerState', 'heldEvents', 'reportRows'];

afterEach(async () => {
  await disposeDatabases();
});

async function seller(): Promise<StockPilotDatabase> {
  const db = await freshDb();
  const earbud = await addSku(db, 'EARBUD-BLK', { name: 'Earbuds black', unitCost: '8.00' });
  await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
  return db;
}

/** A ledger file of about 1.5 MB (several 256 KB slices): the fixture's rows over and over (each copy is an event of its own). */
function bigLedger(): Uint8Array {
  const text = new TextDecoder().decode(fixture('GET_LEDGER_DETAIL_VIEW_DATA.tsv'));
  const [header, ...rows] = text.split('\n').filter((line) => line.trim() !== '');
  const body = rows.join('\n');
  return new TextEncoder().encode(`${header}\n${Array.from({ length: Math.ceil(1_500_000 / body.length) }, () => body).join('\n')}\n`);
}

/** A Blob whose reads fail, as Chromium's do once the file behind a dropped File changed on disk. */
class ChangedFile extends Blob {
  override slice(): Blob {
    return new (class extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError'));
      }
    })();
  }
}

/** A file cut shorter on disk after it was chosen: it still says its old size. */
class ShrunkFile extends Blob {
  constructor(private readonly held: Uint8Array, private readonly claimedSize: number) {
    super([held.slice()]);
  }
  override get size(): number {
    return this.claimedSize;
  }
  override slice(start?: number, end?: number): Blob {
    return new Blob([this.held.slice(start, end)]);
  }
}

/** A report of 600 MB: its real head, then blank lines. */
class HugeOrders extends Blob {
  constructor(private readonly head: Uint8Array) {
    super([head.slice()]);
  }
  override get size(): number {
    return 600 * 1024 * 1024;
  }
  override slice(start = 0, end = this.size): Blob {
    const bytes = new Uint8Array(end - start).fill(10);
    bytes.set(this.head.subarray(start, Math.min(end, this.head.length)));
    return new Blob([bytes]);
  }
}

describe('importing a File read in slices', () => {
  test('previews like the same bytes, with the same content hash, and applies the same movements', async () => {
    const bytes = bigLedger();
    expect(bytes.length).toBeGreaterThan(1_000_000);
    const fromBytes = await previewImport(await seller(), 'ledger.txt', bytes);
    const db = await seller();
    const file = new Blob([bytes.slice()]);
    const fromFile = await previewImport(db, 'ledger.txt', file);
    expect(fromFile).toEqual(fromBytes);
    expect(fromFile.newMovements).toBeGreaterThan(0);
    const applied = await applyImport(db, 'ledger.txt', file, NOW);
    expect(applied.batch?.movementCount).toBe(fromBytes.newMovements);
    // The hash is made on Apply, from the File's slices: the same as of the bytes whole.
    expect(applied.batch?.file?.sha256).toBe(await contentHashOf(bytes));
    // The same File again: nothing new.
    expect((await previewImport(db, 'ledger.txt', file)).newMovements).toBe(0);
  }, 30_000);

  test('a small report given as a File is read whole and previews like its bytes', async () => {
    const bytes = fixture('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv');
    const options = { asOf: '2026-05-10' as const };
    expect(await previewImport(await seller(), 'myi.txt', new Blob([bytes.slice()]), {}, options)).toEqual(await previewImport(await seller(), 'myi.txt', bytes, {}, options));
  });

  test('a file that changed after it was chosen is refused by name, nothing written', async () => {
    const db = await seller();
    await expectRefusedUnchanged(db, TABLES, () => previewImport(db, 'ledger-may.txt', new ChangedFile([bigLedger().slice()])), 'import.fileChanged', { file: 'ledger-may.txt' });
    await expectRefusedUnchanged(db, TABLES, () => applyImport(db, 'ledger-may.txt', new ChangedFile([bigLedger().slice()]), NOW), 'import.fileChanged', { file: 'ledger-may.txt' });
  });

  test('Cancel during Apply stops it with nothing written, not even the FBA location it made; Apply again then posts it', async () => {
    const db = await seller();
    const file = new Blob([bigLedger().slice()]);
    const preview = await previewImport(db, 'ledger.txt', file);
    expect(preview.newLocations).toEqual(['US']);
    // The preview's plan is kept: Apply reads the file once to hash it (Cancel asked per 4 MiB block,
    // once here), makes the new FBA location and plans again with its id, where Cancel stops it.
    let asked = 0;
    await expectRefusedUnchanged(db, TABLES, () => applyImport(db, 'ledger.txt', file, NOW, { cancelled: () => ++asked > 1 }), 'import.cancelled', { file: 'ledger.txt' });
    expect(asked).toBe(2);
    const applied = await applyImport(db, 'ledger.txt', file, NOW);
    expect(applied.batch?.movementCount).toBe(preview.newMovements);
  }, 30_000);

  test('a file cut shorter after it was chosen is refused by name, nothing written', async () => {
    const db = await seller();
    const bytes = bigLedger();
    await expectRefusedUnchanged(db, TABLES, () => previewImport(db, 'ledger-may.txt', new ShrunkFile(bytes.subarray(0, 700_000), bytes.length)), 'import.fileChanged', { file: 'ledger-may.txt' });
  });

  test('a report other than the ledger too large to read whole is refused with its size, nothing written', async () => {
    const db = await seller();
    const before = await snapshot(db, ...TABLES);
    const orders = new HugeOrders(fixture('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv'));
    await expectRefusedUnchanged(db, TABLES, () => previewImport(db, 'orders.txt', orders), 'import.tooLarge', { file: 'orders.txt', size: '600 MB', max: '512 MB' });
    expect(await snapshot(db, ...TABLES)).toEqual(before);
  });
});
