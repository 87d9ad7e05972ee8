// "Export CSV" for one table: builds the file from the rows handed in (in chunks, so a million
// ledger lines do not freeze the page) and saves it through the DesktopApi.
import { useRef, useState } from 'react';
import { desktop } from '../desktop';
import { today } from '../app/clock';
import { useT } from '../i18n';
import { StatusLine } from './Form';
import type { Status } from './Form';
import { csvFileName, tableCsvBytesInChunks } from './tableCsv';
import type { CsvColumn } from './tableCsv';

export interface CsvExport {
  /** The table's part of the file name: `stockpilot-<fileStem>-<date>.csv`. */
  fileStem: string;
  /** The file name's date; today when absent (a stock overview as of a day names that day). */
  date?: string;
  /** The screen's own status line; without it the error shows beside the button. */
  onError?: (error: unknown) => void;
}

interface ExportCsvButtonProps<Row> extends CsvExport {
  /** The table's name, so two export buttons on one screen say which table they write. */
  tableLabel: string;
  columns: readonly CsvColumn<Row>[];
  /** Read on click: the rows as shown then (filtered and sorted). */
  rows: () => readonly Row[];
  testId?: string;
}

/** Lets the page draw and take input between chunks (a message, unlike a nested timer, is not clamped to 4 ms). */
function pauseForPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function ExportCsvButton<Row>({ fileStem, date, onError, tableLabel, columns, rows, testId }: ExportCsvButtonProps<Row>) {
  const { t, describe } = useT();
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [status, setStatus] = useState<Status>(null);

  const run = async () => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setStatus(null);
    try {
      const contents = await tableCsvBytesInChunks(columns, rows(), pauseForPage);
      await desktop.saveFile({ suggestedName: csvFileName(fileStem, date ?? today()), contents, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    } catch (error) {
      if (onError) onError(error);
      else setStatus({ kind: 'error', text: describe(error) });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      {/* aria-disabled, not disabled, while busy: a disabled button would drop the keyboard focus. */}
      <button
        type="button"
        className="btn btn--small"
        data-testid={testId}
        aria-label={t('common.labelled', { label: busy ? t('common.exporting') : t('common.exportCsv'), value: tableLabel })}
        aria-disabled={busy}
        onClick={() => void run()}
      >
        {busy ? t('common.exporting') : t('common.exportCsv')}
      </button>
      {onError ? null : <StatusLine status={status} />}
    </>
  );
}
