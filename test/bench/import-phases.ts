// Where the time of a ledger re-import goes, phase by phase, over the bench's synthetic file. The
// phases mirror renderer/db/imports.ts prepare(): sha256, sniff, the streaming read (decode → split
// → map rows → plan builder), then deduplication against the stored blocks (block columns, concat,
// event keys). Runs in Node (test/bench/import-profile.ts) and in Chromium (`npm run bench --
// --profile-import`), as the two engines' costs differ. A profiling aid: no timing is asserted.
import { createChunkDecoder, sniffReport } from '../../shared/import';
import { RowConsumer } from '../../shared/import/rows';
import { readReportStream } from '../../shared/import/stream';
import { createRowSplitter } from '../../shared/import/splitter';
import { BLOCK_SEQ_BASE, blockColumns, concatColumns, packBlocks, sortColumnsByDay } from '../../shared/ledger';
import { LedgerPlanBuilder, newMovementsOnly } from '../../shared/ledger/amazonLedger';
import type { CodeTarget } from '../../shared/ledger/amazonLedger';

const CHUNK = 4 * 1024 * 1024;

/** The file's text in chunks of about CHUNK bytes, each ending after a line feed (as readReportStream cuts them). */
function eachChunk(bytes: Uint8Array, onText: (text: string) => void): void {
  const decoder = createChunkDecoder('utf-8');
  for (let at = 0, end = 0; at < bytes.length; at = end) {
    end = Math.min(bytes.length, at + CHUNK);
    if (end < bytes.length) end = Math.max(bytes.lastIndexOf(10, end - 1) + 1, at + 1);
    onText(decoder.decode(bytes.subarray(at, end), true));
  }
}


export interface PhaseTiming {
  phase: string;
  ms: number;
}

/** Times each phase of reading `bytes` (a ledger file of `fnskus`) and deduplicating it against itself. */
export async function importPhases(bytes: Uint8Array, fnskus: readonly string[], digest: (bytes: Uint8Array) => Promise<unknown>): Promise<PhaseTiming[]> {
  const timings: PhaseTiming[] = [];
  const time = async <T>(phase: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push({ phase, ms: performance.now() - started });
    return result;
  };
  const byFnsku = new Map<string, CodeTarget>(fnskus.map((f, i) => [f, { skuId: i + 1, unitsPerListing: 1 }]));
  const lookup = { byFnsku, bySellerSku: new Map<string, CodeTarget>() };
  const locations = new Map([['US', 3]]);

  await time('sha256', () => digest(bytes));
  await time('sniff', () => sniffReport(bytes));
  await time('decode', () => {
    let chars = 0;
    eachChunk(bytes, (text) => (chars += text.length));
    return chars;
  });
  await time('decode + split', () => {
    const splitter = createRowSplitter('\t', 'rfc4180');
    let n = 0;
    const count = () => {
      n++;
    };
    eachChunk(bytes, (text) => splitter.pushEach(text, count));
    return n + splitter.end().length;
  });
  await time('decode + split + map rows', () => {
    const splitter = createRowSplitter('\t', 'rfc4180');
    const consumer = new RowConsumer(
      () => {},
      () => {},
    );
    const row = (cells: readonly string[]) => consumer.consumeRow(cells, false);
    eachChunk(bytes, (text) => splitter.pushEach(text, row));
    consumer.consume(splitter.end(), true, splitter.ending);
    return consumer.rowCount;
  });
  const builder = new LedgerPlanBuilder(lookup, (m) => locations.get(m));
  await time('stream read + plan builder', () => readReportStream(bytes, { onRecord: (r) => r.type === 'ledgerEvent' && builder.add(r) }));
  const plan = await time('builder.finish', () => builder.finish());
  // The stored ledger after the first import: the plan sorted by day and packed into blocks.
  const blocks = packBlocks(sortColumnsByDay(plan.columns), 'import', BLOCK_SEQ_BASE);
  const locationIds = new Set(plan.columns.locationId);
  const parts = await time('blockColumns + location check', () => blocks.map((b) => blockColumns(b)).filter((p) => p.locationId.every((id) => locationIds.has(id))));
  const existing = await time('concatColumns', () => concatColumns(parts));
  const deduped = await time('newMovementsOnly (concatenated)', () => newMovementsOnly(plan.columns, existing));
  const dedupedParts = await time('newMovementsOnly (parts)', () => newMovementsOnly(plan.columns, parts));
  if (deduped.columns.length !== 0 || dedupedParts.columns.length !== 0 || deduped.duplicates !== plan.columns.length) {
    throw new Error(`dedup found ${deduped.columns.length} / ${dedupedParts.columns.length} new of ${plan.columns.length}`);
  }
  return timings;
}
