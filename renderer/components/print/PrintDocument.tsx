// The building blocks of a printed document (purchase order, packing list, count sheet), so every
// document has the same letterhead, facts block and tables. Styles: "print documents" in styles.css.
// No hooks, no database and no host access here: a feature passes translated text in.
import type { ReactNode } from 'react';

/**
 * The printed page: everything inside prints; the 186 mm width fits A4 and Letter at 12 mm margins.
 * `language` (a BCP 47 tag such as 'zh-CN') lets the browser pick the right CJK glyphs.
 */
export function PrintDocument({ language, children }: { language?: string; children: ReactNode }) {
  return (
    <article className="print-doc" lang={language} data-testid="print-document">
      {children}
    </article>
  );
}

/** One fact of the header: a label and its value, e.g. ['PO number', 'PO-0012']. */
export type PrintMetaItem = readonly [label: string, value: ReactNode];

export interface PrintHeaderProps {
  title: string;
  /** Sender lines above the title (business name, address, contact); there is no logo. */
  letterhead?: readonly string[];
  /** Facts beside the title as label/value pairs; pairs with an empty value ('' or null) are left out. */
  meta?: readonly PrintMetaItem[];
  /** Beside the facts, e.g. a <Barcode> of the document number. */
  aside?: ReactNode;
}

export function PrintHeader({ title, letterhead = [], meta = [], aside }: PrintHeaderProps) {
  const facts = meta.filter(([, value]) => value !== '' && value !== null && value !== undefined);
  return (
    <header className="print-header">
      {letterhead.length > 0 ? (
        <div className="print-header__letterhead">
          {letterhead.map((line, index) => (
            <div key={index}>{line}</div>
          ))}
        </div>
      ) : null}
      <div className="print-header__top">
        <h1 className="print-header__title">{title}</h1>
        {facts.length > 0 ? (
          <dl className="print-header__meta">
            {facts.map(([label, value], index) => (
              <div key={index} className="print-header__meta-item">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {aside ? <div className="print-header__aside">{aside}</div> : null}
      </div>
    </header>
  );
}

export type PrintAlign = 'start' | 'center' | 'end';

export interface PrintTableProps {
  /** Column headings; their number sets the number of columns. */
  header: readonly ReactNode[];
  /** One array of cells per row, in column order. */
  rows: readonly (readonly ReactNode[])[];
  /** Per column; 'end' for numbers: right-aligned with tabular figures. Default 'start'. */
  align?: readonly PrintAlign[];
  /**
   * Per column, a CSS width: a share ('30%') or a size ('22mm'); columns without one share the rest
   * equally. A barcode column needs room: an FNSKU at 0.3 mm modules is about 50 mm wide.
   */
  widths?: readonly (string | undefined)[];
  /** A closing row (totals) printed once after the last row, not repeated on every page. */
  footer?: readonly ReactNode[];
  /** Shown in place of the rows when there are none. */
  empty?: ReactNode;
  caption?: string;
  /** Rows get data-testid `${testId}-row` (the footer `${testId}-total`) and cells data-col, like DataTable. */
  testId?: string;
  /** data-col of each column (default: its index), so page objects can read cells by name. */
  columnIds?: readonly string[];
  /** 8 pt with tighter padding: for a sheet with many columns (the supplier stock status) that must fit 186 mm. */
  dense?: boolean;
}

function alignClass(align: PrintAlign | undefined): string | undefined {
  return align && align !== 'start' ? `print-table__cell--${align}` : undefined;
}

/**
 * A plain table for paper: fixed layout (columns keep their widths, long text wraps inside them), the
 * header row repeats on every printed page, and a row never splits across two pages.
 */
export function PrintTable({ header, rows, align = [], widths = [], footer, empty, caption, testId, columnIds = [], dense = false }: PrintTableProps) {
  const columns = header.map((heading, index) => ({ heading, id: columnIds[index] ?? String(index), className: alignClass(align[index]), width: widths[index] }));
  const cells = (values: readonly ReactNode[]) =>
    columns.map((column, index) => (
      <td key={column.id} data-col={column.id} className={column.className}>
        {values[index] ?? null}
      </td>
    ));
  return (
    <table className={dense ? 'print-table print-table--dense' : 'print-table'} data-testid={testId}>
      {caption ? <caption>{caption}</caption> : null}
      <colgroup>
        {columns.map((column) => (
          <col key={column.id} style={column.width ? { width: column.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.id} scope="col" className={column.className}>
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty ? (
          <tr>
            <td className="print-table__empty" colSpan={columns.length}>
              {empty}
            </td>
          </tr>
        ) : null}
        {rows.map((row, index) => (
          // Printed rows are never reordered or edited, so the position is a stable key.
          <tr key={index} data-testid={testId ? `${testId}-row` : undefined}>
            {cells(row)}
          </tr>
        ))}
        {footer ? (
          <tr className="print-table__total" data-testid={testId ? `${testId}-total` : undefined}>
            {cells(footer)}
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
