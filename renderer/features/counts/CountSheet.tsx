// The printed count sheet (PRODUCT §5): blind by default, sorted by bin then SKU, with the code as a
// Code 128 barcode (FNSKU where the SKU has one, else its barcode, else its code), a box to write
// the count, and a line for the counter's name and the date. "Page n of m" comes from PrintPreview.
import type { StockCount } from '../../../shared/counts';
import type { ReviewLine } from '../../../shared/counts';
import type { Location } from '../../../shared/model';
import type { SkuRecord } from '../../db';
import { Barcode, PrintHeader, PrintTable } from '../../components/print/PrintPreview';
import { useT } from '../../i18n';

export interface CountSheetProps {
  count: StockCount;
  location: Location | undefined;
  skus: ReadonlyMap<number, SkuRecord>;
  /** The code printed as a barcode per SKU. */
  barcodes: ReadonlyMap<number, string>;
  /** Expected quantities per SKU, when the seller chose to print them. */
  expected: ReadonlyMap<number, ReviewLine> | null;
}

export function CountSheet({ count, location, skus, barcodes, expected }: CountSheetProps) {
  const { t, language } = useT();
  const header = [t('field.bin'), t('field.sku'), t('field.name'), t('counts.barcode'), t('counts.unit'), ...(expected ? [t('counts.expected')] : []), t('counts.countBox')];
  return (
    <article data-testid="count-sheet">
      <PrintHeader
        title={`${t('counts.sheet')} ${count.number}`}
        meta={[
          [t('field.location'), location?.name ?? ''],
          [t('field.cutoffDate'), count.cutoffDate],
        ]}
      />
      {expected ? null : <p className="print-note">{t('counts.sheetBlind')}</p>}
      <PrintTable
        testId="count-sheet-lines"
        header={header}
        columnIds={['bin', 'sku', 'name', 'barcode', 'unit', ...(expected ? ['expected'] : []), 'count']}
        align={['start', 'start', 'start', 'start', 'start', ...(expected ? (['end'] as const) : []), 'end']}
        // The barcode needs about 50 mm at 0.3 mm bars; the count box room to write.
        widths={['16mm', '26mm', undefined, '56mm', '12mm', ...(expected ? ['20mm'] : []), '22mm']}
        rows={count.lines.map((line) => {
          const sku = skus.get(line.skuId);
          const code = barcodes.get(line.skuId) ?? sku?.code ?? '';
          return [
            line.bin,
            sku?.code ?? '',
            sku?.name ?? '',
            code ? <Barcode key="b" value={code} height={26} invalidMessage={t('print.barcodeInvalid')} /> : '',
            t('counts.unitEach'),
            ...(expected ? [(expected.get(line.skuId)?.expectedQty ?? 0).toLocaleString(language)] : []),
            <span key="box" className="count-box" aria-hidden="true" />,
          ];
        })}
      />
      <p className="count-sign">
        {t('common.labelled', { label: t('counts.countedBy'), value: '' })}<span className="count-sign__line" /> {t('common.labelled', { label: t('counts.signDate'), value: '' })}<span className="count-sign__line count-sign__line--short" />
      </p>
    </article>
  );
}
