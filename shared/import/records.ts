// The typed rows the Amazon report importer produces. Quantities are numbers, or null when the
// cell was blank: a blank means "Amazon did not say", which is not the same as 0.

export const REPORT_KINDS = [
  'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA',
  'GET_FBA_MYI_ALL_INVENTORY_DATA',
  'GET_FBA_INVENTORY_PLANNING_DATA',
  'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT',
  'GET_LEDGER_DETAIL_VIEW_DATA',
  'GET_LEDGER_SUMMARY_VIEW_DATA',
  'GET_MERCHANT_LISTINGS_ALL_DATA',
  'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
  'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL',
  'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA',
  'GET_RESERVED_INVENTORY_DATA',
  'BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM',
] as const;

export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ImportProblem {
  /** 1-based data row (the header line is not counted); absent for file-level problems. */
  row?: number;
  /** The column's name as written in the file's header, when the problem is about one cell. */
  column?: string;
  /** The cell's text, when the problem is about what it says (a location that is none of the seller's). */
  value?: string;
  severity: 'error' | 'warning';
  /** Stable identifier so the app can translate; `message` is the English text. */
  code: ImportProblemCode;
  message: string;
}

export type ImportProblemCode =
  | 'empty-file'
  | 'binary-file'
  | 'unknown-report'
  | 'missing-column'
  | 'no-header'
  | 'truncated-quote'
  | 'truncated-row'
  | 'column-count'
  | 'bad-number'
  | 'bad-date'
  | 'missing-value'
  | 'unknown-location'
  | 'no-location'
  | 'scientific-id'
  | 'unknown-event-type'
  | 'encoding-loss';

export const LEDGER_EVENT_TYPES = ['Receipts', 'Shipments', 'CustomerReturns', 'WhseTransfers', 'VendorReturns', 'Adjustments'] as const;
export type LedgerEventType = (typeof LEDGER_EVENT_TYPES)[number];

export interface LedgerEventRecord {
  type: 'ledgerEvent';
  row: number;
  /** `YYYY-MM-DD` from the `Date` column (Amazon writes it as MM/DD/YYYY for every marketplace). */
  date: string;
  /** ISO 8601 with a `±HH:MM` offset, from `Date and Time` when the file has it. */
  dateTime?: string;
  fnsku: string;
  asin: string;
  msku: string;
  title: string;
  /** As written in the file; one of LEDGER_EVENT_TYPES unless Amazon adds a new one (then a warning). */
  eventType: string;
  referenceId: string;
  /** Signed: shipments, lost, damaged, disposed and vendor returns are negative. */
  quantity: number;
  fulfillmentCenter: string;
  disposition: string;
  reason: string;
  country: string;
  reconciledQuantity: number | null;
  unreconciledQuantity: number | null;
}

export interface LedgerSummaryRecord {
  type: 'ledgerSummary';
  row: number;
  /** `YYYY-MM-DD`; a monthly bucket written `MM/YYYY` becomes the first of that month. */
  date: string;
  fnsku: string;
  asin: string;
  msku: string;
  title: string;
  disposition: string;
  startingBalance: number | null;
  inTransitBetweenWarehouses: number | null;
  receipts: number | null;
  customerShipments: number | null;
  customerReturns: number | null;
  vendorReturns: number | null;
  warehouseTransfers: number | null;
  found: number | null;
  lost: number | null;
  damaged: number | null;
  disposed: number | null;
  otherEvents: number | null;
  endingBalance: number | null;
  unknownEvents: number | null;
  location: string;
}

export interface InventorySnapshotRecord {
  type: 'inventorySnapshot';
  row: number;
  /** Only the planning report carries a snapshot date; Manage FBA Inventory is "as downloaded". */
  snapshotDate: string | null;
  sku: string;
  fnsku: string;
  asin: string;
  title: string;
  condition: string;
  fulfillable: number | null;
  unsellable: number | null;
  reserved: number | null;
  inboundWorking: number | null;
  inboundShipped: number | null;
  inboundReceiving: number | null;
  researching: number | null;
  total: number | null;
  marketplace: string | null;
  /** `mfn-listing-exists` / `afn-listing-exists` (Manage FBA Inventory only). */
  mfnListingExists: boolean | null;
  afnListingExists: boolean | null;
}

export interface ReservedInventoryRecord {
  type: 'reservedInventory';
  row: number;
  sku: string;
  fnsku: string;
  asin: string;
  reserved: number | null;
  customerOrders: number | null;
  fcTransfers: number | null;
  fcProcessing: number | null;
}

export interface RestockRecord {
  type: 'restock';
  row: number;
  country: string;
  sku: string;
  fnsku: string;
  asin: string;
  title: string;
  condition: string;
  supplier: string;
  currency: string | null;
  price: number | null;
  unitsSoldLast30Days: number | null;
  totalUnits: number | null;
  inbound: number | null;
  available: number | null;
  fcTransfer: number | null;
  fcProcessing: number | null;
  customerOrder: number | null;
  unfulfillable: number | null;
  working: number | null;
  shipped: number | null;
  receiving: number | null;
  fulfilledBy: string;
  alert: string;
  recommendedReplenishmentQty: number | null;
  recommendedShipDate: string | null;
  recommendedAction: string;
  /** `Total Days of Supply (including units from open shipments)`. */
  daysOfSupply: number | null;
  /** True when Amazon wrote `365+`: the real cover is at least `daysOfSupply`. */
  daysOfSupplyAtLeast: boolean;
  daysOfSupplyAtAmazon: number | null;
}

export interface ListingRecord {
  type: 'listing';
  row: number;
  sellerSku: string;
  asin: string;
  title: string;
  /** `DEFAULT` = merchant-fulfilled; `AMAZON_NA` / `AMAZON_EU` / `AMAZON_JP` = FBA. */
  fulfillmentChannel: string;
  status: string;
  price: number | null;
  quantity: number | null;
  openDate: string | null;
}

export interface OrderLineRecord {
  type: 'orderLine';
  row: number;
  orderId: string;
  purchaseDate: string;
  purchaseDateTime: string;
  status: string;
  fulfillmentChannel: string;
  salesChannel: string;
  marketplace: string | null;
  sku: string;
  asin: string;
  title: string;
  itemStatus: string;
  quantity: number | null;
  currency: string;
  itemPrice: number | null;
}

export interface ShipmentLineRecord {
  type: 'shipmentLine';
  row: number;
  orderId: string;
  orderItemId: string;
  shipmentId: string;
  shipmentItemId: string;
  purchaseDate: string | null;
  shipmentDate: string;
  sku: string;
  quantityShipped: number | null;
  salesChannel: string;
  marketplace: string | null;
  fulfillmentCenter: string;
}

export interface CustomerReturnRecord {
  type: 'customerReturn';
  row: number;
  returnDate: string;
  orderId: string;
  sku: string;
  asin: string;
  fnsku: string;
  quantity: number | null;
  fulfillmentCenter: string;
  disposition: string;
  reason: string;
  status: string;
  lpn: string;
}

export interface BusinessReportRecord {
  type: 'businessReport';
  row: number;
  parentAsin: string;
  childAsin: string;
  title: string;
  sku: string | null;
  sessions: number | null;
  pageViews: number | null;
  unitsOrdered: number | null;
  orderedProductSalesMinor: number | null;
  currency: string | null;
  totalOrderItems: number | null;
}

export type ImportRecord =
  | LedgerEventRecord
  | LedgerSummaryRecord
  | InventorySnapshotRecord
  | ReservedInventoryRecord
  | RestockRecord
  | ListingRecord
  | OrderLineRecord
  | ShipmentLineRecord
  | CustomerReturnRecord
  | BusinessReportRecord;
