// A virtualized, sortable, keyboard-navigable table: only the visible rows are in the DOM, so a
// million rows scroll smoothly. Arrow keys / PageUp / PageDown / Home / End move the active row;
// Enter activates it.
//
// Rows have one fixed height, so the window is plain arithmetic (no per-row measurement objects,
// which cost seconds at a million rows). Past the browser's maximum element height the scrollbar
// maps proportionally onto the rows.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { ROW_HEIGHT_PX, scrollTopShowing, windowFor } from './rowWindow';
import { ExportCsvButton } from './ExportCsvButton';
import type { CsvExport } from './ExportCsvButton';
import type { CsvCell, CsvColumn } from './tableCsv';

export interface Column<Row> {
  id: string;
  header: ReactNode;
  /** CSS grid track, e.g. '8rem' or 'minmax(10rem, 2fr)'. */
  width: string;
  cell: (row: Row) => ReactNode;
  /** Present when the column can be sorted. */
  sortValue?: (row: Row) => string | number;
  align?: 'start' | 'end';
  /** The cell's plain value for the table's CSV (numbers as numbers, money in the base currency, ISO dates); columns without it are not exported. */
  csv?: (row: Row) => CsvCell;
  /** The CSV header when `header` is not plain text or the file should say more (e.g. the currency). */
  csvHeader?: string;
  /** CSV-only columns written right after this one (e.g. the currency of an amount shown with it). */
  csvMore?: readonly CsvColumn<Row>[];
}

interface DataTableProps<Row> {
  label: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string | number;
  onActivate?: (row: Row) => void;
  footer?: ReactNode;
  emptyText?: ReactNode;
  height?: string;
  testId?: string;
  /** Present when the table exports to CSV: the rows as shown (filtered and sorted), all of them. */
  csv?: CsvExport;
  /** A class a row gets besides its own (e.g. a warning), from the row. */
  rowClassName?: (row: Row) => string | undefined;
}


/** One collator for every text sort: localeCompare with options builds one per comparison (~1.2 s for 10,000 codes). */
const TEXT_ORDER = new Intl.Collator(undefined, { numeric: true });

export function DataTable<Row>({ label, rows, columns, rowKey, onActivate, footer, emptyText, height = '60vh', testId, csv, rowClassName }: DataTableProps<Row>) {
  const [sort, setSort] = useState<{ id: string; descending: boolean } | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);

  const sorted = useMemo(() => {
    if (!sort) return rows;
    const column = columns.find((c) => c.id === sort.id);
    if (!column?.sortValue) return rows;
    const value = column.sortValue;
    const direction = sort.descending ? -1 : 1;
    // Each row's sort value worked out once, not twice per comparison.
    const keys = rows.map((row) => value(row));
    const order = rows.map((_, i) => i);
    order.sort((i, j) => {
      const va = keys[i];
      const vb = keys[j];
      if (typeof va === 'number' && typeof vb === 'number') return (va - vb) * direction;
      return TEXT_ORDER.compare(String(va), String(vb)) * direction;
    });
    return order.map((i) => rows[i]!);
  }, [rows, columns, sort]);

  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(600);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewportPx(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const view = windowFor(sorted.length, scrollTop, viewportPx);

  const template = columns.map((c) => c.width).join(' ');
  const active = Math.min(activeIndex, Math.max(0, sorted.length - 1));

  const move = (index: number) => {
    const next = Math.max(0, Math.min(sorted.length - 1, index));
    setActiveIndex(next);
    const element = scrollRef.current;
    if (element) {
      const target = scrollTopShowing(next, sorted.length, element.scrollTop, element.clientHeight || viewportPx);
      if (target !== element.scrollTop) element.scrollTop = target;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT_PX) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(sorted.length - 1),
      Enter: () => {
        const row = sorted[active];
        if (row !== undefined && onActivate) onActivate(row);
      },
    };
    const action = keys[event.key];
    if (action && sorted.length > 0) {
      event.preventDefault();
      action();
    }
  };

  const csvColumns = columns.flatMap((c): readonly CsvColumn<Row>[] => (c.csv ? [{ header: c.csvHeader ?? (typeof c.header === 'string' ? c.header : c.id), value: c.csv }, ...(c.csvMore ?? [])] : []));

  const activeRow = sorted[active];
  const activeId = activeRow !== undefined ? `${testId ?? 'table'}-row-${rowKey(activeRow)}` : undefined;

  const grid = (
    // A grid (ARIA grid pattern): the grid is the tab stop for its rows, the active row named by
    // aria-activedescendant, so a screen reader reads the row the arrow keys reach, selected. Sort
    // buttons and buttons in rows stay tab stops of their own: keys on a sort button, typing in a
    // field and Enter on a row's button are theirs; arrows from a row's button still move the rows.
    <div
      ref={gridRef}
      className="data-table"
      role="grid"
      aria-label={label}
      aria-rowcount={sorted.length + (footer ? 2 : 1)}
      data-testid={testId}
      tabIndex={0}
      aria-activedescendant={activeId}
      onKeyDown={(event) => {
        const target = event.target;
        const fromGrid = target === event.currentTarget || target === scrollRef.current;
        if (!fromGrid && target instanceof Element && (event.key === 'Enter' || headRef.current?.contains(target) || target.closest('input, select, textarea') !== null)) return;
        // Arrows on a row's button move the rows, and the focus to the grid: the button may scroll away.
        if (!fromGrid) gridRef.current?.focus({ preventScroll: true });
        onKeyDown(event);
      }}
    >
      <div ref={headRef} className="data-table__head" role="rowgroup">
        <div className="data-table__row" role="row" style={{ gridTemplateColumns: template }}>
          {columns.map((column) => {
            const sorting = sort?.id === column.id;
            return (
              <div
                key={column.id}
                role="columnheader"
                className={`data-table__cell data-table__cell--${column.align ?? 'start'}`}
                aria-sort={sorting ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                {column.sortValue ? (
                  <button
                    type="button"
                    className="data-table__sort"
                    onClick={() => setSort(sorting && !sort.descending ? { id: column.id, descending: true } : { id: column.id, descending: false })}
                  >
                    {column.header}
                    <span aria-hidden="true">{sorting ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                ) : (
                  column.header
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="data-table__body"
        role="rowgroup"
        // Not a tab stop of its own (Chromium makes a scroller with nothing focusable in it one):
        // a click in it hands the focus to the grid, which holds the active row.
        tabIndex={-1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) gridRef.current?.focus({ preventScroll: true });
        }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        style={{ maxHeight: height }}
      >
        {sorted.length === 0 ? (
          <div className="data-table__empty">{emptyText}</div>
        ) : (
          <div style={{ height: view.totalPx, position: 'relative' }}>
            {view.indexes.map((index) => {
              const row = sorted[index]!;
              const key = rowKey(row);
              const item = { index, start: view.topOf(index) };
              return (
                <div
                  key={key}
                  id={`${testId ?? 'table'}-row-${key}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={item.index === active}
                  data-testid={`${testId ?? 'table'}-row`}
                  data-key={key}
                  className={`data-table__row${item.index === active ? ' data-table__row--active' : ''}${rowClassName?.(row) ? ` ${rowClassName(row)}` : ''}`}
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT_PX }}
                  onClick={() => setActiveIndex(item.index)}
                  onDoubleClick={() => onActivate?.(row)}
                >
                  {columns.map((column) => (
                    <div key={column.id} role="gridcell" data-col={column.id} className={`data-table__cell data-table__cell--${column.align ?? 'start'}`}>
                      {column.cell(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {footer ? (
        <div className="data-table__foot" role="rowgroup">
          <div className="data-table__row data-table__row--total" role="row" aria-rowindex={sorted.length + 2} style={{ gridTemplateColumns: template }} data-testid={`${testId ?? 'table'}-total`}>
            {footer}
          </div>
        </div>
      ) : null}
    </div>
  );
  if (!csv) return grid;
  return (
    <>
      {/* Before the grid, so Tab reaches it on the way in. */}
      <div className="toolbar">
        <ExportCsvButton {...csv} tableLabel={label} columns={csvColumns} rows={() => sorted} testId={`${testId ?? 'table'}-export`} />
      </div>
      {grid}
    </>
  );
}
