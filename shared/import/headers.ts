// Which report a header line belongs to, and where each needed column is. Columns are found by
// normalised name, never by position: Amazon adds, renames and reorders columns without notice
// (REPORTS.md §0.4), localises them (§0.3) and repeats names (`Deprecated column` ×10).
import type { ImportProblem, ReportKind } from './records';

interface FieldSpec {
  /** Header names as Amazon writes them; the first is the one named in messages. */
  readonly names: readonly string[];
  readonly required?: true;
}

interface ReportSpec {
  /** What Seller Central calls the report, for messages. */
  readonly label: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** At least one field of each group must be present (alternatives Amazon has used). */
  readonly anyOf?: readonly (readonly string[])[];
}

const req = (...names: string[]): FieldSpec => ({ names, required: true });
const opt = (...names: string[]): FieldSpec => ({ names });

const MYI_FIELDS = {
  sku: req('sku'),
  fnsku: req('fnsku'),
  asin: req('asin'),
  title: opt('product-name'),
  condition: opt('condition'),
  mfnListingExists: opt('mfn-listing-exists'),
  afnListingExists: opt('afn-listing-exists'),
  fulfillable: req('afn-fulfillable-quantity'),
  unsellable: opt('afn-unsellable-quantity'),
  reserved: opt('afn-reserved-quantity'),
  inboundWorking: opt('afn-inbound-working-quantity'),
  inboundShipped: req('afn-inbound-shipped-quantity'),
  inboundReceiving: opt('afn-inbound-receiving-quantity'),
  researching: opt('afn-researching-quantity'),
  total: opt('afn-total-quantity'),
} satisfies Record<string, FieldSpec>;

export const REPORT_SPECS = {
  GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA: { label: 'Manage FBA Inventory', fields: MYI_FIELDS },
  GET_FBA_MYI_ALL_INVENTORY_DATA: { label: 'Manage FBA Inventory (archived included)', fields: MYI_FIELDS },
  GET_FBA_INVENTORY_PLANNING_DATA: {
    label: 'FBA Inventory (planning)',
    fields: {
      snapshotDate: req('snapshot-date'),
      sku: req('sku'),
      fnsku: opt('fnsku'),
      asin: opt('asin'),
      title: opt('product-name'),
      condition: opt('condition'),
      available: req('available'),
      unitsShippedT30: opt('units-shipped-t30'),
      invAge0to90: opt('inv-age-0-to-90-days'),
      unsellable: opt('unfulfillable-quantity'),
      reserved: opt('Total Reserved Quantity', '预留总数量'),
      inboundWorking: opt('inbound-working', '入库-处理中'),
      inboundShipped: opt('inbound-shipped', '入库-已发出'),
      inboundReceiving: opt('inbound-received', '入库-已接收'),
      marketplace: opt('marketplace'),
    },
    anyOf: [['unitsShippedT30', 'invAge0to90']],
  },
  GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT: {
    label: 'Restock Inventory',
    fields: {
      country: opt('Country'),
      title: opt('Product Name'),
      fnsku: opt('FNSKU'),
      sku: req('Merchant SKU'),
      asin: opt('ASIN'),
      condition: opt('Condition'),
      supplier: opt('Supplier'),
      currency: opt('Currency code'),
      price: opt('Price'),
      unitsSoldLast30Days: opt('Units Sold Last 30 Days'),
      totalUnits: opt('Total Units'),
      inbound: opt('Inbound'),
      available: opt('Available'),
      fcTransfer: opt('FC transfer'),
      fcProcessing: opt('FC Processing'),
      customerOrder: opt('Customer Order'),
      unfulfillable: opt('Unfulfillable'),
      working: opt('Working'),
      shipped: opt('Shipped'),
      receiving: opt('Receiving'),
      fulfilledBy: opt('Fulfilled by'),
      daysOfSupply: opt('Total Days of Supply (including units from open shipments)'),
      daysOfSupplyAtAmazon: opt('Days of Supply at Amazon Fulfillment Network'),
      alert: opt('Alert'),
      recommendedReplenishmentQty: req('Recommended replenishment qty'),
      recommendedShipDate: opt('Recommended ship date'),
      recommendedAction: opt('Recommended action'),
    },
  },
  GET_LEDGER_DETAIL_VIEW_DATA: {
    label: 'Inventory Ledger (detailed view)',
    fields: {
      date: req('Date'),
      fnsku: req('FNSKU'),
      asin: opt('ASIN'),
      msku: opt('MSKU'),
      title: opt('Title'),
      eventType: req('Event Type'),
      referenceId: req('Reference ID'),
      quantity: req('Quantity'),
      fulfillmentCenter: opt('Fulfillment Center', 'Fulfilment Centre', 'Fulfilment Center'),
      disposition: opt('Disposition'),
      reason: opt('Reason'),
      country: opt('Country'),
      reconciledQuantity: opt('Reconciled Quantity'),
      unreconciledQuantity: opt('Unreconciled Quantity'),
      dateTime: opt('Date and Time'),
    },
  },
  GET_LEDGER_SUMMARY_VIEW_DATA: {
    label: 'Inventory Ledger (summary view)',
    fields: {
      date: req('Date'),
      fnsku: req('FNSKU'),
      asin: opt('ASIN'),
      msku: opt('MSKU'),
      title: opt('Title'),
      disposition: opt('Disposition'),
      startingBalance: req('Starting Warehouse Balance'),
      inTransitBetweenWarehouses: opt('In Transit Between Warehouses'),
      receipts: opt('Receipts'),
      customerShipments: opt('Customer Shipments'),
      customerReturns: opt('Customer Returns'),
      vendorReturns: opt('Vendor Returns'),
      warehouseTransfers: opt('Warehouse Transfer In/Out'),
      found: opt('Found'),
      lost: opt('Lost'),
      damaged: opt('Damaged'),
      disposed: opt('Disposed'),
      otherEvents: opt('Other Events'),
      endingBalance: req('Ending Warehouse Balance'),
      unknownEvents: opt('Unknown Events'),
      location: opt('Location'),
    },
  },
  GET_MERCHANT_LISTINGS_ALL_DATA: {
    label: 'All Listings',
    fields: {
      title: opt('item-name', '商品名称', '商品名'),
      listingId: opt('listing-id', '商品编码', '出品ID'),
      sellerSku: req('seller-sku', '卖家 SKU', '出品者SKU'),
      price: opt('price', '价格', '価格'),
      quantity: opt('quantity', '数量'),
      openDate: opt('open-date', '开售日期', '出品日'),
      asin: opt('asin1', 'ASIN1'),
      fulfillmentChannel: opt('fulfillment-channel', 'fulfilment-channel', '配送渠道', 'フルフィルメント・チャンネル'),
      status: opt('status', '状态', 'ステータス'),
    },
    anyOf: [['asin', 'listingId']],
  },
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: {
    label: 'All Orders',
    fields: {
      orderId: req('amazon-order-id'),
      purchaseDate: req('purchase-date'),
      status: req('order-status'),
      fulfillmentChannel: opt('fulfillment-channel'),
      salesChannel: req('sales-channel'),
      sku: opt('sku'),
      asin: opt('asin'),
      title: opt('product-name'),
      itemStatus: opt('item-status'),
      quantity: req('quantity'),
      currency: opt('currency'),
      itemPrice: opt('item-price'),
    },
  },
  GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: {
    label: 'Amazon Fulfilled Shipments',
    fields: {
      orderId: req('amazon-order-id'),
      shipmentId: req('shipment-id'),
      shipmentItemId: opt('shipment-item-id'),
      orderItemId: opt('amazon-order-item-id'),
      purchaseDate: opt('purchase-date'),
      shipmentDate: req('shipment-date'),
      sku: opt('sku'),
      quantityShipped: req('quantity-shipped'),
      fulfillmentCenter: req('fulfillment-center-id'),
      salesChannel: opt('sales-channel'),
    },
  },
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: {
    label: 'FBA Customer Returns',
    fields: {
      returnDate: req('return-date'),
      orderId: req('order-id'),
      sku: opt('sku'),
      asin: opt('asin'),
      fnsku: opt('fnsku'),
      quantity: opt('quantity'),
      fulfillmentCenter: opt('fulfillment-center-id'),
      disposition: req('detailed-disposition'),
      reason: opt('reason'),
      status: opt('status'),
      lpn: req('license-plate-number'),
    },
  },
  GET_RESERVED_INVENTORY_DATA: {
    label: 'Reserved Inventory',
    fields: {
      sku: opt('sku'),
      fnsku: opt('fnsku'),
      asin: opt('asin'),
      reserved: req('reserved_qty'),
      customerOrders: req('reserved_customerorders'),
      fcTransfers: opt('reserved_fc-transfers'),
      fcProcessing: opt('reserved_fc-processing'),
    },
  },
  BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM: {
    label: 'Business Report (Detail Page Sales and Traffic by Child Item)',
    fields: {
      parentAsin: opt('(Parent) ASIN', '（父）ASIN', '（親）ASIN', '(Übergeordnete) ASIN'),
      childAsin: req('(Child) ASIN', '（子）ASIN', '(Untergeordnete) ASIN'),
      title: opt('Title', '标题', 'タイトル', 'Titel'),
      sku: opt('SKU'),
      sessions: opt('Sessions - Total', 'Sessions', '会话数 - 总计', '会话次数 – 总计', 'セッション数 - 合計', 'セッション - 合計', 'Sitzungen – Summe'),
      pageViews: opt('Page Views - Total', 'Page Views', '页面浏览量 - 总计', 'ページビュー数 - 合計', 'ページビュー - 合計', 'Seitenaufrufe – Summe'),
      unitsOrdered: req('Units Ordered', '已订购商品数量', '注文された商品点数', '注文数', 'Bestellte Einheiten'),
      orderedProductSales: opt('Ordered Product Sales', '已订购商品销售额', '注文商品の売上額', '注文商品売上', 'Durch bestellte Produkte erzielter Umsatz'),
      totalOrderItems: opt('Total Order Items', '订单商品总数', '注文品目総数', 'Zahl der Bestellposten'),
    },
  },
} as const satisfies Record<ReportKind, ReportSpec>;

type Specs = typeof REPORT_SPECS;
export type FieldName<K extends ReportKind> = keyof Specs[K]['fields'] & string;

/** Column index of each field of report `K` in the file; -1 when the file lacks that (optional) column. */
export type ColumnMap<K extends ReportKind> = { readonly [F in FieldName<K>]: number };

export type IdentifiedReport = { [K in ReportKind]: { kind: K; columns: ColumnMap<K> } }[ReportKind];
export type Identification = IdentifiedReport | { kind: null; problem: ImportProblem };

export function reportLabel(kind: ReportKind): string {
  return REPORT_SPECS[kind].label;
}

/** The English header name used for `field` in messages. */
export function fieldLabel<K extends ReportKind>(kind: K, field: FieldName<K>): string {
  const fields: Readonly<Record<string, FieldSpec>> = REPORT_SPECS[kind].fields;
  return fields[field]?.names[0] ?? field;
}

const DASHES_AND_SPACES = /[\s\-_\u2010-\u2015\u2212\u00a0\u3000]+/g;

/**
 * The key a header name is matched by: NFKC (full-width brackets, NBSP), no BOM, no surrounding
 * quotes, case-folded, with spaces, dashes of every kind and underscores removed — so `Event Type`,
 * `EventType` and `event-type` match, while `Sessions - Total` and `Sessions - Total - B2B` stay apart.
 */
export function normaliseHeader(name: string): string {
  let s = name.normalize('NFKC').replace(/^\uFEFF/, '').trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).replaceAll('""', '"');
  return s.toLowerCase().replace(DASHES_AND_SPACES, '');
}

// Kinds that a header alone identifies. MYI "all" has the same header as "unsuppressed"; parseReport
// tells them apart from the rows (see refineKind).
const IDENTIFIABLE: readonly ReportKind[] = (Object.keys(REPORT_SPECS) as ReportKind[]).filter((k) => k !== 'GET_FBA_MYI_ALL_INVENTORY_DATA');

interface Candidate {
  kind: ReportKind;
  columns: Record<string, number>;
  missing: string[];
  presentRequired: number;
  totalRequired: number;
  matched: number;
}

function locate(kind: ReportKind, headerKeys: readonly string[]): Candidate {
  const spec: ReportSpec = REPORT_SPECS[kind];
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  let presentRequired = 0;
  let totalRequired = 0;
  let matched = 0;
  for (const [field, fieldSpec] of Object.entries(spec.fields)) {
    let index = -1;
    // First matching header wins: `商品编码` is listing-id first and product-id second.
    for (const name of fieldSpec.names) {
      const at = headerKeys.indexOf(normaliseHeader(name));
      if (at >= 0 && (index < 0 || at < index)) index = at;
    }
    columns[field] = index;
    if (index >= 0) matched++;
    if (fieldSpec.required) {
      totalRequired++;
      if (index >= 0) presentRequired++;
      else missing.push(fieldSpec.names[0] ?? field);
    }
  }
  for (const group of spec.anyOf ?? []) {
    totalRequired++;
    if (group.some((field) => (columns[field] ?? -1) >= 0)) presentRequired++;
    else missing.push(group.map((field) => spec.fields[field]?.names[0] ?? field).join('" or "'));
  }
  return { kind, columns, missing, presentRequired, totalRequired, matched };
}

/** The report a header line belongs to and where its columns are, or why it cannot be read. */
export function identifyReport(headers: readonly string[]): Identification {
  const keys = headers.map(normaliseHeader);
  if (keys.every((k) => k === '')) {
    return { kind: null, problem: { severity: 'error', code: 'no-header', message: 'The first line of the file is empty, so it has no column headers. Download the report again from Seller Central.' } };
  }
  let best: Candidate | null = null;
  for (const kind of IDENTIFIABLE) {
    const c = locate(kind, keys);
    if (best === null) {
      best = c;
      continue;
    }
    const score = c.presentRequired / c.totalRequired;
    const bestScore = best.presentRequired / best.totalRequired;
    if (score > bestScore || (score === bestScore && c.matched > best.matched)) best = c;
  }
  if (best !== null && best.missing.length === 0) {
    // `locate` filled one entry per field of `best.kind`'s spec, which is what ColumnMap<kind> lists.
    return { kind: best.kind, columns: best.columns } as IdentifiedReport;
  }
  if (best !== null && best.presentRequired >= 2 && best.presentRequired / best.totalRequired >= 0.5) {
    const names = best.missing.map((m) => `"${m}"`).join(', ');
    const plural = best.missing.length > 1;
    return {
      kind: null,
      problem: {
        severity: 'error',
        code: 'missing-column',
        column: best.missing[0] ?? '',
        message: `This looks like the ${REPORT_SPECS[best.kind].label} report, but ${plural ? 'the columns' : 'the column'} ${names} ${plural ? 'are' : 'is'} missing. Download the report again from Seller Central without removing columns.`,
      },
    };
  }
  const preview = headers.slice(0, 4).map((h) => h.trim()).join(', ');
  return {
    kind: null,
    problem: {
      severity: 'error',
      code: 'unknown-report',
      message: `StockPilot does not recognise this report (its first columns are "${preview.slice(0, 120)}"). Supported: Manage FBA Inventory, FBA Inventory, Restock Inventory, Inventory Ledger, All Listings, All Orders, Amazon Fulfilled Shipments, FBA Customer Returns, Reserved Inventory and the Business Report by child item.`,
    },
  };
}
