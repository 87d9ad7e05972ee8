// A ledger import keeps the last day its file covers (file.periodEnd: its latest row over every row,
// those already imported and those held too), beside the batch's own dates, which are those of the
// new movements it posted. Today dates the report by it (shared/dashboard/attention.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { applyImport } from '../../renderer/db/imports';
import { saveListing } from '../../renderer/db/catalog';
import { attentionOf } from '../../shared/dashboard/attention';
import type { ImportBatch } from '../../renderer/db/schema';
import { addSku, disposeDatabases, freshDb, LATER, NOW } from './helpers';

const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA';
const ledgerLines = readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', `${LEDGER}.tsv`), 'utf8')
  .split('\n')
  .filter((line) => line !== '');
const encode = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\n') + '\n');

afterEach(disposeDatabases);

/** The earbuds' US listing carries the fixture's mapped FNSKU; the LED strip's FNSKU maps to nothing (held). */
async function seller() {
  const db = await freshDb();
  const earbud = await addSku(db, 'EARBUD-BLK', { unitCost: '8.00' });
  await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
  return db;
}

/** The freshness row Today shows for the ledger, from the stored batches as useToday reads them. */
function ledgerFreshness(batches: ImportBatch[], today: string) {
  const imports = batches.map((b) => ({ reportKind: b.file!.reportKind, lastDate: b.lastDate, periodEnd: b.file!.periodEnd, importedOn: b.createdAt.slice(0, 10) }));
  return attentionOf({ today, shipments: [], purchaseOrders: [], plan: null, countPlans: [], imports }).freshness[0];
}

describe('the period a ledger import covered', () => {
  test('a later file whose newest rows are already imported or held is dated by its newest row, not its last new movement', async () => {
    const db = await seller();
    const first = (await applyImport(db, 'first.tsv', encode(ledgerLines.slice(0, 9)), NOW)).batch!;
    // The first file's rows run to 6 May, all of them posted or held.
    expect(first).toMatchObject({ lastDate: '2026-05-06', file: { periodEnd: '2026-05-06' } });

    // The next download: the same rows again, one new sale on 8 May, and an unmapped code's rows to
    // 7 May and on 20 May (held, not posted). Nothing new was posted after 8 May.
    const [header, , sale] = ledgerLines as [string, string, string];
    const newSale = sale.replace('111-4829173-5520941', '112-5550001-0000001').replace('"05/02/2026"', '"05/08/2026"').replace('2026-05-02T18:41:55', '2026-05-08T10:00:00');
    const heldLast = ledgerLines[11]!.replace('RMV-20260501-3', 'RMV-20260519-1').replace('"05/07/2026"', '"05/20/2026"').replace('2026-05-07T16:58:09', '2026-05-20T08:00:00');
    const second = (await applyImport(db, 'second.tsv', encode([header, ...ledgerLines.slice(1), newSale, heldLast]), LATER)).batch!;
    expect(second).toMatchObject({ movementCount: 1, firstDate: '2026-05-08', lastDate: '2026-05-08', file: { periodEnd: '2026-05-20', held: 4 } });
    expect(await db.batches.get(second.id)).toEqual(second);

    // Today on 25 May: the ledger reaches 20 May (5 days: fresh), where its last new movement (8 May) would be 17 days old.
    expect(ledgerFreshness(await db.batches.toArray(), '2026-05-25')).toMatchObject({ reportKind: LEDGER, lastDataDate: '2026-05-20', daysOld: 5, stale: false });
  });

  test('an import stored before the period was kept (no periodEnd) is still dated by its last movement', async () => {
    const db = await seller();
    const batch = (await applyImport(db, 'first.tsv', encode(ledgerLines.slice(0, 9)), NOW)).batch!;
    const { periodEnd: _kept, ...oldFile } = batch.file!;
    await db.batches.put({ ...batch, file: oldFile });
    expect(ledgerFreshness(await db.batches.toArray(), '2026-05-25')).toMatchObject({ lastDataDate: '2026-05-06', daysOld: 19, stale: true });
  });
});
