// What happens to each split row — header identification, width check, mapping, lost-character
// count, kind refinement — shared by the whole-file parseReport and the streaming reader.
import { countEncodingLoss } from './encoding';
import { identifyReport } from './headers';
import type { IdentifiedReport } from './headers';
import { mapRowTo, refineKind, rowWidthProblem } from './mapRow';
import type { ImportProblem, ImportRecord, ReportKind } from './records';
import type { RawRow, TextEnding } from './splitter';

/**
 * A fast path for a report's rows, asked once its header is known: a function that takes a row as
 * offsets (RawRow) and returns true when it handled the row itself, or null to map every row as a
 * record. It may only take a row that the record path would read without any problem and hand to
 * `onRecord` to the same effect (see LedgerPlanBuilder.fastRows).
 */
export type FastRows = (report: IdentifiedReport) => ((raw: RawRow) => boolean) | null;

export class RowConsumer {
  kind: ReportKind | null = null;
  /** Data rows read (blank lines and the header not counted), rejected ones included. */
  rowCount = 0;
  /** Data rows refused with an error. */
  rejectedRows = 0;
  /**
   * Whether a row may hold a character lost before the file reached us (`?` or U+FFFD). The
   * streaming reader clears it for text that has neither, which spares the per-cell search.
   */
  lossPossible = true;
  private identified: IdentifiedReport | null = null;
  private headerCount = 0;
  private lostCharacters = 0;
  private firstLossRow = 0;
  /** The header was no known report: nothing more is read. */
  private refused = false;

  private fast: ((raw: RawRow) => boolean) | null = null;

  constructor(
    private readonly onRecord: (record: ImportRecord) => void,
    private readonly addProblem: (problem: ImportProblem) => void,
    private readonly fastRows: FastRows | null = null,
  ) {}

  /**
   * As consumeRow, for a row as offsets: the fast path takes it when it can (a full-width row with
   * no `?` or U+FFFD in it), else its cells are made and it is mapped as a record.
   */
  consumeRaw(raw: RawRow): boolean {
    if (this.fast !== null && raw.count === this.headerCount && !(this.lossPossible && hasLossMark(raw)) && this.fast(raw)) {
      this.rowCount++;
      return true;
    }
    return this.consumeRow(raw.cells(this.cells), false);
  }

  /** The row array consumeRaw fills again for every row (consumeRow reads cells only during the call). */
  private readonly cells: string[] = [];

  /**
   * Consumes rows in file order (the first one is the header). `final` marks the last batch, whose
   * last row may be cut short when the text `ending` is 'no-final-newline'. Returns false when the
   * header is no known report (the problem is added).
   */
  consume(rows: readonly (readonly string[])[], final: boolean, ending: TextEnding | null): boolean {
    for (let i = 0; i < rows.length; i++) {
      if (!this.consumeRow(rows[i]!, final && i === rows.length - 1 && ending === 'no-final-newline')) return false;
    }
    return true;
  }

  /**
   * Consumes one row; `cutShort` marks the last row of a text that ends without a newline. The
   * cells are only read during the call (a splitter may reuse the array). Returns false when the
   * header is no known report (the problem is added); every later row is then refused too.
   */
  consumeRow(cells: readonly string[], cutShort: boolean): boolean {
    if (this.identified === null) {
      if (this.refused) return false;
      const found = identifyReport(cells);
      if (found.kind === null) {
        this.addProblem(found.problem);
        this.refused = true;
        return false;
      }
      this.identified = found;
      this.kind = found.kind;
      this.headerCount = cells.length;
      this.fast = this.fastRows?.(found) ?? null;
      return true;
    }
    // A line of empty cells (`,,,,` from a spreadsheet) is not a row.
    if (isBlankRow(cells)) return true;
    this.rowCount++;
    const row = this.rowCount;
    const width = rowWidthProblem(cells.length, this.headerCount, row, cutShort);
    if (width !== null) {
      this.addProblem(width);
      if (width.severity === 'error') {
        this.rejectedRows++;
        return true;
      }
    }
    if (this.lossPossible) {
      const lost = countLoss(cells);
      if (lost > 0) {
        this.lostCharacters += lost;
        if (this.firstLossRow === 0) this.firstLossRow = row;
      }
    }
    const report: IdentifiedReport = this.identified;
    // No record means an error problem on the row (already added): the row is refused.
    const record = mapRowTo(report.kind, report.columns, cells, row, this.addProblem);
    if (record === undefined) this.rejectedRows++;
    else {
      this.onRecord(record);
      if (this.kind !== null) this.kind = refineKind(this.kind, record);
    }
    return true;
  }

  /** Whether a header was identified (false for a file with no rows at all). */
  get hasHeader(): boolean {
    return this.identified !== null;
  }

  /** File-level problems known only at the end: a cut-off quote, characters already lost. */
  finish(ending: TextEnding | null): void {
    if (ending === 'unterminated-quote') {
      this.addProblem({
        row: this.rowCount + 1,
        severity: 'error',
        code: 'truncated-quote',
        message: `The file ends inside a quoted value that starts on data row ${this.rowCount + 1}: it looks cut off (an interrupted download?). Download the report again.`,
      });
    }
    if (this.lostCharacters > 0) {
      const n = this.lostCharacters;
      this.addProblem({
        row: this.firstLossRow,
        severity: 'warning',
        code: 'encoding-loss',
        message: `${n} character${n === 1 ? ' was' : 's were'} already replaced by "?" or "\uFFFD" in this file (first on data row ${this.firstLossRow}), so some names may read wrongly. Amazon sends some reports in a Western encoding that cannot hold Polish, Chinese or Japanese letters; download the report from Seller Central as a UTF-8 .txt to keep them.`,
      });
    }
  }
}

/** True when every cell is empty or whitespace; most rows fail on their first cell. */
function isBlankRow(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const c = cell.charCodeAt(0);
    if ((c > 32 && c < 127) || cell.trim() !== '') return false;
  }
  return true;
}

/** Whether a raw row may hold a lost character: a `?` or U+FFFD in its text or in a cell made apart from it. */
function hasLossMark(raw: RawRow): boolean {
  const text = raw.text;
  for (let i = raw.from; i < raw.to; i++) {
    const c = text.charCodeAt(i);
    if (c === 63 || c === 0xfffd) return true;
  }
  for (let k = 0; k < raw.count; k++) {
    const value = raw.value[k];
    if (value !== undefined && (value.includes('?') || value.includes('\uFFFD'))) return true;
  }
  return false;
}

function countLoss(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.includes('?') || cell.includes('\uFFFD')) count += countEncodingLoss(cell);
  }
  return count;
}
