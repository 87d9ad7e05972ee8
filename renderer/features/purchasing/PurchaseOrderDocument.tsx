// A purchase order as the supplier receives it: in English or Chinese, whatever the app's language.
import type { Language, PurchaseOrder, Supplier } from '../../../shared/model';
import { formatMoney } from '../../../shared/money';
import { poTotalMinor } from '../../../shared/purchasing/purchaseOrders';
import type { SkuRecord } from '../../db';
import { PrintHeader, PrintTable } from '../../components/print/PrintPreview';
import { translate } from '../../i18n';
import type { MessageKey } from '../../i18n';

export function PurchaseOrderDocument({ po, supplier, skus, language, shipTo }: { po: PurchaseOrder; supplier: Supplier | undefined; skus: ReadonlyMap<number, SkuRecord>; language: Language; shipTo: string }) {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const locale = language === 'zh-CN' ? 'zh-CN' : 'en-US';
  const money = (minor: number) => formatMoney(minor, po.currency, locale);
  return (
    <article lang={language} data-testid="po-document">
      <PrintHeader
        title={`${t('po.document')} ${po.number}`}
        meta={[
          [t('po.supplier'), supplier?.name ?? ''],
          [t('suppliers.contact'), supplier?.contact ?? ''],
          [t('po.orderDate'), po.orderDate],
          [t('po.expectedDate'), po.expectedDate],
          [t('po.shipTo'), shipTo],
          [t('field.currency'), po.currency],
          ...(supplier?.paymentTerms ? ([[t('suppliers.paymentTerms'), supplier.paymentTerms]] as [string, string][]) : []),
          ...(po.note ? ([[t('field.note'), po.note]] as [string, string][]) : []),
        ]}
      />
      <PrintTable
        testId="po-document-lines"
        header={['#', t('field.sku'), t('field.name'), t('field.barcode'), t('field.qty'), t('po.unitPrice'), t('po.amount')]}
        align={['end', 'start', 'start', 'start', 'end', 'end', 'end']}
        // The line number needs a few millimetres; the name takes what the others leave (56 mm of 186).
        widths={['8mm', '28mm', undefined, '30mm', '16mm', '22mm', '26mm']}
        rows={po.lines.map((line, i) => {
          const sku = skus.get(line.skuId);
          return [String(i + 1), sku?.code ?? '', sku?.name ?? '', sku?.barcode ?? '', line.qty.toLocaleString(locale), money(line.unitCostMinor), money(Math.round(line.qty * line.unitCostMinor))];
        })}
        footer={['', '', t('po.total'), '', po.lines.reduce((sum, l) => sum + l.qty, 0).toLocaleString(locale), '', money(poTotalMinor(po))]}
      />
    </article>
  );
}
