// A print preview dialog: the document on screen at its paper width, a page-size choice (A4 / Letter),
// Print, Save as PDF and Close. While it is open, printing (from its buttons, Ctrl+P or the desktop
// menu) prints only the document — the app, the navigation and the dialog chrome are hidden by the
// "print documents" rules in styles.css — with the title and "Page n of m" in the footer of every page.
//
// How a feature uses it (e.g. a purchase order):
//
//   const [printing, setPrinting] = useState(false);
//   …
//   <button type="button" className="btn" onClick={() => setPrinting(true)}>{t('common.print')}</button>
//   {printing ? (
//     <PrintPreview title={`${t('po.document')} ${po.number}`} fileName={`${po.number}.pdf`} onClose={() => setPrinting(false)}>
//       <PrintHeader
//         title={`${t('po.document')} ${po.number}`}
//         letterhead={[business.name, business.address]}
//         meta={[[t('po.supplier'), supplier.name], [t('po.orderDate'), po.orderDate]]}
//         aside={<Barcode value={po.number} height={36} invalidMessage={t('print.barcodeInvalid')} />}
//       />
//       <PrintTable
//         testId="po-lines"
//         header={[t('field.sku'), t('field.name'), t('field.qty')]}
//         align={['start', 'start', 'end']}
//         widths={['24%', undefined, '16%']}
//         rows={po.lines.map((line) => [line.skuCode, line.name, line.qty.toLocaleString(language)])}
//         footer={['', t('common.total'), totalQty.toLocaleString(language)]}
//       />
//     </PrintPreview>
//   ) : null}
//
// Everything inside the dialog's children prints; text passed in must already be translated.
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { safeFileName } from '../../../shared/bridge';
import type { PrintRequest } from '../../../shared/bridge';
import type { Language } from '../../../shared/model';
import { desktop } from '../../desktop';
import { translate, useT } from '../../i18n';
import { Field, StatusLine } from '../Form';
import type { Status } from '../Form';
import { PrintDocument } from './PrintDocument';
import { pageFooterCss } from './pageFooter';

export { Barcode } from './Barcode';
export type { BarcodeProps } from './Barcode';
export { PrintDocument, PrintHeader, PrintTable } from './PrintDocument';
export type { PrintAlign, PrintHeaderProps, PrintMetaItem, PrintTableProps } from './PrintDocument';

export type PageSize = PrintRequest['pageSize'];

/** Where the last page-size choice is kept, so the next preview opens with it. */
export const PAGE_SIZE_STORAGE_KEY = 'stockpilot.pageSize';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function initialPageSize(): PageSize {
  try {
    const saved = window.localStorage.getItem(PAGE_SIZE_STORAGE_KEY);
    if (saved === 'A4' || saved === 'Letter') return saved;
  } catch {
    // Storage can be unavailable (private mode); fall back to the locale's paper.
  }
  // North America and a few others use Letter; the rest of the world A4.
  return /-(US|CA|MX|PH)$/i.test(navigator.language) ? 'Letter' : 'A4';
}

function rememberPageSize(size: PageSize): void {
  try {
    window.localStorage.setItem(PAGE_SIZE_STORAGE_KEY, size);
  } catch {
    // Not remembering is fine: the choice still applies to this print.
  }
}

/** A file name the save dialog accepts (shared/bridge isSafeFileName), ".pdf" at the end. */
function pdfFileName(fileName: string): string {
  return safeFileName(fileName.replace(/\.pdf$/i, ''), 'pdf');
}

export interface PrintPreviewProps {
  /** The dialog's heading and the footer of every printed page. */
  title: string;
  /** Suggested file name for "Save as PDF", with or without ".pdf". */
  fileName: string;
  onClose: () => void;
  /** The document's language when it is not the app's (a PO in the supplier's language): the page footer follows it. */
  language?: Language;
  /** Extra buttons for the dialog's bar (e.g. Export CSV); they do not print. */
  actions?: ReactNode;
  /** The document: usually <PrintHeader> and one or more <PrintTable>. */
  children: ReactNode;
}

export function PrintPreview({ title, fileName, onClose, language, actions, children }: PrintPreviewProps) {
  const { t, describe, language: appLanguage } = useT();
  const documentLanguage = language ?? appLanguage;
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const firstControlRef = useRef<HTMLSelectElement>(null);
  const [pageSize, setPageSize] = useState<PageSize>(initialPageSize);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  // Modal: the rest of the page is inert (no focus, no clicks, hidden from screen readers) while the
  // dialog is open; focus returns to where it was when it closes.
  useEffect(() => {
    const root = rootRef.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const made = Array.from(document.body.children).filter((el): el is HTMLElement => el instanceof HTMLElement && el !== root && !el.inert);
    for (const el of made) el.inert = true;
    firstControlRef.current?.focus();
    return () => {
      for (const el of made) el.inert = false;
      previous?.focus();
    };
  }, []);

  // Escape closes from anywhere, before any screen's own Escape handling sees it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  // Tab and Shift+Tab wrap around inside the dialog.
  const trapFocus = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const items = Array.from(dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length > 0);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const choosePageSize = (size: PageSize) => {
    setPageSize(size);
    rememberPageSize(size);
  };

  const print = async (target: PrintRequest['target']) => {
    setBusy(true);
    setStatus(null);
    const suggestedName = pdfFileName(fileName);
    // A browser's "Save as PDF" suggests the page title as the file name.
    const appTitle = document.title;
    document.title = suggestedName.slice(0, -'.pdf'.length);
    try {
      const result = await desktop.print({ target, pageSize, suggestedName });
      if (result.done && result.name) setStatus({ kind: 'ok', text: t('print.saved', { name: result.name }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    } finally {
      document.title = appTitle;
      setBusy(false);
    }
  };

  return createPortal(
    <div className="print-preview" ref={rootRef} data-testid="print-preview">
      <style>{pageFooterCss(title, translate(documentLanguage, 'print.pageOf'))}</style>
      <div className="print-preview__backdrop" />
      <div ref={dialogRef} className="print-preview__dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={trapFocus}>
        <div className="print-preview__bar">
          <h2 id={titleId} className="print-preview__title">
            {title}
          </h2>
          <Field label={t('print.pageSize')}>
            {(id) => (
              <select ref={firstControlRef} id={id} name="pageSize" value={pageSize} onChange={(event) => choosePageSize(event.target.value === 'Letter' ? 'Letter' : 'A4')}>
                <option value="A4">{t('print.pageSize.A4')}</option>
                <option value="Letter">{t('print.pageSize.Letter')}</option>
              </select>
            )}
          </Field>
          <div className="print-preview__actions">
            {actions}
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void print('printer')}>
              {t('common.print')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void print('pdf')}>
              {t('print.savePdf')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('print.close')}
            </button>
          </div>
          <StatusLine status={status} />
        </div>
        <div className="print-preview__viewport" role="region" aria-label={t('print.preview')} tabIndex={0}>
          <div className="print-preview__sheet" data-page-size={pageSize}>
            <PrintDocument language={documentLanguage}>{children}</PrintDocument>
          </div>
        </div>
      </div>
    </div>,
    document.body,
  );
}
