// One row's cells → one typed record. Runs a million times for a ledger file, so the hot path
// reads cells by index, parses digits without regex, and allocates nothing but the record (a
// problem list only when something is wrong).
import type { ColumnMap, FieldName } from './headers';
import { fieldLabel } from './headers';
import type {
  BusinessReportRecord,
  CustomerReturnRecord,
  ImportProblem,
  ImportProblemCode,
  ImportRecord,
  InventorySnapshotRecord,
  LedgerEventRecord,
  LedgerSummaryRecord,
  ListingRecord,
  OrderLineRecord,
  ReportKind,
  ReservedInventoryRecord,
  RestockRecord,
  ShipmentLineRecord,
} from './records';
import { LEDGER_EVENT_TYPES } from './records';
import type { DateOrder } from './values';
import {
  looksLikeScientificNotation,
  marketplaceFromSalesChannel,
  parseDateOnly,
  parseDateText,
  parseDateTimeText,
  parseDaysOfSupply,
  parseDecimal,
  parseInteger,
  parseMoney,
  parseYesNo,
  toMinorUnits,
} from './values';

export interface MapResult {
  /** Absent when the row has an error and must not be imported. */
  record?: ImportRecord;
  problems: readonly ImportProblem[];
}

const NO_PROBLEMS: readonly ImportProblem[] = Object.freeze([]);
/**
 * The shared string of a known event type, so a million records hold a handful of strings and
 * later comparisons with them are identity checks; undefined for an unknown type. The last one
 * found is tried first (runs of one type are common); else a Map lookup.
 */
const EVENT_TYPES: ReadonlyMap<string, string> = new Map(LEDGER_EVENT_TYPES.map((type) => [type, type]));
let lastEventType: string = LEDGER_EVENT_TYPES[0];
function knownEventType(text: string): string | undefined {
  if (text === lastEventType) return lastEventType;
  const known = EVENT_TYPES.get(text);
  if (known !== undefined) lastEventType = known;
  return known;
}

/**
 * The row being mapped. Module state rather than a per-row object: mapRow is synchronous and not
 * re-entrant, and this keeps the million-row path free of helper allocations.
 */
let currentRow = 0;
let currentKind: ReportKind = 'GET_LEDGER_DETAIL_VIEW_DATA';
let problems: ImportProblem[] | null = null;
let failed = false;

function report(severity: 'error' | 'warning', code: ImportProblemCode, column: string, message: string): void {
  (problems ??= []).push({ row: currentRow, column, severity, code, message: `Data row ${currentRow}: ${message}` });
  if (severity === 'error') failed = true;
}

function label(field: string): string {
  // The caller passes a field of the current kind; fieldLabel falls back to the field name.
  return fieldLabel(currentKind, field as FieldName<typeof currentKind>);
}

function cell(cells: readonly string[], index: number): string {
  const value = cells[index];
  if (value === undefined) return '';
  // Most cells start and end with a printable ASCII character: nothing to trim, no call to make.
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return value;
  return value.length === 0 ? value : value.trim();
}

function optText(cells: readonly string[], index: number): string | null {
  const value = cell(cells, index);
  return value === '' ? null : value;
}

function reqText(cells: readonly string[], index: number, field: string): string {
  const value = cell(cells, index);
  if (value === '') report('error', 'missing-value', label(field), `the "${label(field)}" cell is empty, so the row cannot be imported.`);
  return value;
}

/** An identifier: kept as text (leading zeros matter); a spreadsheet's `1.23E+09` gets a warning. */
function id(cells: readonly string[], index: number, field: string): string {
  const value = cell(cells, index);
  if (looksLikeScientificNotation(value)) {
    report(
      'warning',
      'scientific-id',
      label(field),
      `the ${label(field)} "${value}" was turned into a number by a spreadsheet and its real value is lost. Download the report again as .txt and import it without opening it in Excel.`,
    );
  }
  return value;
}

function int(cells: readonly string[], index: number, field: string, required = false): number | null {
  const value = parseInteger(cells[index] ?? '');
  if (value === null) {
    if (required) report('error', 'missing-value', label(field), `the "${label(field)}" cell is empty, so the row cannot be imported.`);
    return null;
  }
  if (Number.isNaN(value)) {
    report(
      required ? 'error' : 'warning',
      'bad-number',
      label(field),
      `"${label(field)}" is "${cell(cells, index)}", which is not a whole number${required ? ', so the row cannot be imported' : '; it is read as unknown'}.`,
    );
    return null;
  }
  return value;
}

function decimal(cells: readonly string[], index: number, field: string): number | null {
  const value = parseDecimal(cell(cells, index));
  if (value !== null && Number.isNaN(value)) {
    report('warning', 'bad-number', label(field), `"${label(field)}" is "${cell(cells, index)}", which is not a number; it is read as unknown.`);
    return null;
  }
  return value;
}

function date(cells: readonly string[], index: number, field: string, order: DateOrder, required: boolean): string | null {
  const text = cells[index] ?? '';
  const value = parseDateOnly(text, order) ?? (text.trim() === '' ? null : parseDateOnly(text.trim(), order));
  if (value === null) {
    const trimmed = text.trim();
    if (trimmed === '' && !required) return null;
    report(
      required ? 'error' : 'warning',
      trimmed === '' ? 'missing-value' : 'bad-date',
      label(field),
      trimmed === ''
        ? `the "${label(field)}" cell is empty, so the row cannot be imported.`
        : `"${label(field)}" is "${trimmed}", which is not a date StockPilot can read${required ? ', so the row cannot be imported' : '; it is read as unknown'}.`,
    );
  }
  return value;
}

function yesNo(cells: readonly string[], index: number): boolean | null {
  return index < 0 ? null : parseYesNo(cell(cells, index));
}

function begin(kind: ReportKind, row: number): void {
  currentKind = kind;
  currentRow = row;
  problems = null;
  failed = false;
}

function finish(record: ImportRecord): MapResult {
  const found = problems ?? NO_PROBLEMS;
  problems = null;
  return failed ? { problems: found } : { record, problems: found };
}

// ---------------------------------------------------------------------------------------------

type Mapper<K extends ReportKind> = (c: ColumnMap<K>, cells: readonly string[], row: number) => ImportRecord;

function mapLedgerDetail(c: ColumnMap<'GET_LEDGER_DETAIL_VIEW_DATA'>, cells: readonly string[], row: number): LedgerEventRecord {
  const eventTypeText = cell(cells, c.eventType);
  const known = knownEventType(eventTypeText);
  const eventType = known ?? eventTypeText;
  if (known === undefined) {
    if (eventType === '') report('error', 'missing-value', 'Event Type', 'the "Event Type" cell is empty, so the row cannot be imported.');
    else report('warning', 'unknown-event-type', 'Event Type', `the event type "${eventType}" is new to StockPilot; the row is kept as it is.`);
  }
  let dateTime: string | undefined;
  const dateTimeText = cell(cells, c.dateTime);
  if (dateTimeText !== '') {
    dateTime = parseDateTimeText(dateTimeText) ?? undefined;
    if (dateTime === undefined) report('warning', 'bad-date', 'Date and Time', `"Date and Time" is "${dateTimeText}", which is not a date and time StockPilot can read; the "Date" column is used.`);
  }
  return {
    type: 'ledgerEvent',
    row,
    date: date(cells, c.date, 'date', 'mdy', true) ?? '',
    dateTime,
    fnsku: id(cells, c.fnsku, 'fnsku'),
    asin: id(cells, c.asin, 'asin'),
    msku: cell(cells, c.msku),
    title: cell(cells, c.title),
    eventType,
    referenceId: cell(cells, c.referenceId),
    quantity: int(cells, c.quantity, 'quantity', true) ?? 0,
    fulfillmentCenter: cell(cells, c.fulfillmentCenter),
    disposition: cell(cells, c.disposition),
    reason: cell(cells, c.reason),
    country: cell(cells, c.country),
    reconciledQuantity: int(cells, c.reconciledQuantity, 'reconciledQuantity'),
    unreconciledQuantity: int(cells, c.unreconciledQuantity, 'unreconciledQuantity'),
  };
}

function mapLedgerSummary(c: ColumnMap<'GET_LEDGER_SUMMARY_VIEW_DATA'>, cells: readonly string[], row: number): LedgerSummaryRecord {
  return {
    type: 'ledgerSummary',
    row,
    date: date(cells, c.date, 'date', 'mdy', true) ?? '',
    fnsku: id(cells, c.fnsku, 'fnsku'),
    asin: id(cells, c.asin, 'asin'),
    msku: cell(cells, c.msku),
    title: cell(cells, c.title),
    disposition: cell(cells, c.disposition),
    startingBalance: int(cells, c.startingBalance, 'startingBalance'),
    inTransitBetweenWarehouses: int(cells, c.inTransitBetweenWarehouses, 'inTransitBetweenWarehouses'),
    receipts: int(cells, c.receipts, 'receipts'),
    customerShipments: int(cells, c.customerShipments, 'customerShipments'),
    customerReturns: int(cells, c.customerReturns, 'customerReturns'),
    vendorReturns: int(cells, c.vendorReturns, 'vendorReturns'),
    warehouseTransfers: int(cells, c.warehouseTransfers, 'warehouseTransfers'),
    found: int(cells, c.found, 'found'),
    lost: int(cells, c.lost, 'lost'),
    damaged: int(cells, c.damaged, 'damaged'),
    disposed: int(cells, c.disposed, 'disposed'),
    otherEvents: int(cells, c.otherEvents, 'otherEvents'),
    endingBalance: int(cells, c.endingBalance, 'endingBalance'),
    unknownEvents: int(cells, c.unknownEvents, 'unknownEvents'),
    location: cell(cells, c.location),
  };
}

function mapMyi(c: ColumnMap<'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA'>, cells: readonly string[], row: number): InventorySnapshotRecord {
  return {
    type: 'inventorySnapshot',
    row,
    snapshotDate: null,
    sku: reqText(cells, c.sku, 'sku'),
    fnsku: id(cells, c.fnsku, 'fnsku'),
    asin: id(cells, c.asin, 'asin'),
    title: cell(cells, c.title),
    condition: cell(cells, c.condition),
    fulfillable: int(cells, c.fulfillable, 'fulfillable'),
    unsellable: int(cells, c.unsellable, 'unsellable'),
    reserved: int(cells, c.reserved, 'reserved'),
    inboundWorking: int(cells, c.inboundWorking, 'inboundWorking'),
    inboundShipped: int(cells, c.inboundShipped, 'inboundShipped'),
    inboundReceiving: int(cells, c.inboundReceiving, 'inboundReceiving'),
    researching: int(cells, c.researching, 'researching'),
    total: int(cells, c.total, 'total'),
    marketplace: null,
    mfnListingExists: yesNo(cells, c.mfnListingExists),
    afnListingExists: yesNo(cells, c.afnListingExists),
  };
}

function mapPlanning(c: ColumnMap<'GET_FBA_INVENTORY_PLANNING_DATA'>, cells: readonly string[], row: number): InventorySnapshotRecord {
  return {
    type: 'inventorySnapshot',
    row,
    snapshotDate: date(cells, c.snapshotDate, 'snapshotDate', 'mdy', false),
    sku: reqText(cells, c.sku, 'sku'),
    fnsku: id(cells, c.fnsku, 'fnsku'),
    asin: id(cells, c.asin, 'asin'),
    title: cell(cells, c.title),
    condition: cell(cells, c.condition),
    fulfillable: int(cells, c.available, 'available'),
    unsellable: int(cells, c.unsellable, 'unsellable'),
    reserved: int(cells, c.reserved, 'reserved'),
    inboundWorking: int(cells, c.inboundWorking, 'inboundWorking'),
    inboundShipped: int(cells, c.inboundShipped, 'inboundShipped'),
    inboundReceiving: int(cells, c.inboundReceiving, 'inboundReceiving'),
    researching: null,
    total: null,
    marketplace: optText(cells, c.marketplace),
    mfnListingExists: null,
    afnListingExists: null,
  };
}

function mapRestock(c: ColumnMap<'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT'>, cells: readonly string[], row: number): RestockRecord {
  const country = cell(cells, c.country);
  // API files give ISO dates; a UI CSV writes local dates, and only US Seller Central puts the month first.
  const order: DateOrder = country === '' || country === 'US' || country === 'United States' ? 'mdy' : 'dmy';
  const supplyText = cell(cells, c.daysOfSupply);
  const supply = parseDaysOfSupply(supplyText);
  if (supply !== null && Number.isNaN(supply.days)) {
    report('warning', 'bad-number', label('daysOfSupply'), `"${label('daysOfSupply')}" is "${supplyText}", which is not a number of days; it is read as unknown.`);
  }
  const atAmazonText = cell(cells, c.daysOfSupplyAtAmazon);
  const atAmazon = parseDaysOfSupply(atAmazonText);
  return {
    type: 'restock',
    row,
    country,
    sku: reqText(cells, c.sku, 'sku'),
    fnsku: id(cells, c.fnsku, 'fnsku'),
    asin: id(cells, c.asin, 'asin'),
    title: cell(cells, c.title),
    condition: cell(cells, c.condition),
    supplier: cell(cells, c.supplier),
    currency: optText(cells, c.currency),
    price: decimal(cells, c.price, 'price'),
    unitsSoldLast30Days: int(cells, c.unitsSoldLast30Days, 'unitsSoldLast30Days'),
    totalUnits: int(cells, c.totalUnits, 'totalUnits'),
    inbound: int(cells, c.inbound, 'inbound'),
    available: int(cells, c.available, 'available'),
    fcTransfer: int(cells, c.fcTransfer, 'fcTransfer'),
    fcProcessing: int(cells, c.fcProcessing, 'fcProcessing'),
    customerOrder: int(cells, c.customerOrder, 'customerOrder'),
    unfulfillable: int(cells, c.unfulfillable, 'unfulfillable'),
    working: int(cells, c.working, 'working'),
    shipped: int(cells, c.shipped, 'shipped'),
    receiving: int(cells, c.receiving, 'receiving'),
    fulfilledBy: cell(cells, c.fulfilledBy),
    alert: cell(cells, c.alert),
    recommendedReplenishmentQty: int(cells, c.recommendedReplenishmentQty, 'recommendedReplenishmentQty'),
    recommendedShipDate: date(cells, c.recommendedShipDate, 'recommendedShipDate', order, false),
    recommendedAction: cell(cells, c.recommendedAction),
    daysOfSupply: supply === null || Number.isNaN(supply.days) ? null : supply.days,
    daysOfSupplyAtLeast: supply?.atLeast === true,
    daysOfSupplyAtAmazon: atAmazon === null || Number.isNaN(atAmazon.days) ? null : atAmazon.days,
  };
}

function mapListing(c: ColumnMap<'GET_MERCHANT_LISTINGS_ALL_DATA'>, cells: readonly string[], row: number): ListingRecord {
  const openDateText = cell(cells, c.openDate);
  let openDate: string | null = null;
  if (openDateText !== '') {
    openDate = parseDateText(openDateText)?.date ?? null;
    if (openDate === null) report('warning', 'bad-date', label('openDate'), `"${label('openDate')}" is "${openDateText}", which is not a date StockPilot can read; it is read as unknown.`);
  }
  return {
    type: 'listing',
    row,
    sellerSku: reqText(cells, c.sellerSku, 'sellerSku'),
    asin: id(cells, c.asin, 'asin'),
    title: cell(cells, c.title),
    fulfillmentChannel: cell(cells, c.fulfillmentChannel),
    status: cell(cells, c.status),
    price: decimal(cells, c.price, 'price'),
    quantity: int(cells, c.quantity, 'quantity'),
    openDate,
  };
}

function mapOrder(c: ColumnMap<'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL'>, cells: readonly string[], row: number): OrderLineRecord {
  const purchaseText = cell(cells, c.purchaseDate);
  const purchase = parseDateText(purchaseText);
  if (purchase === null) {
    report(
      'error',
      purchaseText === '' ? 'missing-value' : 'bad-date',
      'purchase-date',
      purchaseText === '' ? 'the "purchase-date" cell is empty, so the row cannot be imported.' : `"purchase-date" is "${purchaseText}", which is not a date StockPilot can read, so the row cannot be imported.`,
    );
  }
  const salesChannel = cell(cells, c.salesChannel);
  return {
    type: 'orderLine',
    row,
    orderId: reqText(cells, c.orderId, 'orderId'),
    purchaseDate: purchase?.date ?? '',
    purchaseDateTime: purchase?.dateTime ?? purchase?.date ?? '',
    status: cell(cells, c.status),
    fulfillmentChannel: cell(cells, c.fulfillmentChannel),
    salesChannel,
    marketplace: marketplaceFromSalesChannel(salesChannel),
    sku: cell(cells, c.sku),
    asin: id(cells, c.asin, 'asin'),
    title: cell(cells, c.title),
    itemStatus: cell(cells, c.itemStatus),
    quantity: int(cells, c.quantity, 'quantity'),
    currency: cell(cells, c.currency),
    itemPrice: decimal(cells, c.itemPrice, 'itemPrice'),
  };
}

function mapShipment(c: ColumnMap<'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL'>, cells: readonly string[], row: number): ShipmentLineRecord {
  const salesChannel = cell(cells, c.salesChannel);
  return {
    type: 'shipmentLine',
    row,
    orderId: reqText(cells, c.orderId, 'orderId'),
    orderItemId: cell(cells, c.orderItemId),
    shipmentId: cell(cells, c.shipmentId),
    shipmentItemId: cell(cells, c.shipmentItemId),
    purchaseDate: date(cells, c.purchaseDate, 'purchaseDate', 'mdy', false),
    shipmentDate: date(cells, c.shipmentDate, 'shipmentDate', 'mdy', true) ?? '',
    sku: cell(cells, c.sku),
    quantityShipped: int(cells, c.quantityShipped, 'quantityShipped', true),
    salesChannel,
    marketplace: marketplaceFromSalesChannel(salesChannel),
    fulfillmentCenter: cell(cells, c.fulfillmentCenter),
  };
}

function mapReturn(c: ColumnMap<'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA'>, cells: readonly string[], row: number): CustomerReturnRecord {
  return {
    type: 'customerReturn',
    row,
    returnDate: date(cells, c.returnDate, 'returnDate', 'mdy', true) ?? '',
    orderId: cell(cells, c.orderId),
    sku: cell(cells, c.sku),
    asin: id(cells, c.asin, 'asin'),
    fnsku: id(cells, c.fnsku, 'fnsku'),
    quantity: int(cells, c.quantity, 'quantity'),
    fulfillmentCenter: cell(cells, c.fulfillmentCenter),
    disposition: cell(cells, c.disposition),
    reason: cell(cells, c.reason),
    status: cell(cells, c.status),
    lpn: cell(cells, c.lpn),
  };
}

function mapReserved(c: ColumnMap<'GET_RESERVED_INVENTORY_DATA'>, cells: readonly string[], row: number): ReservedInventoryRecord {
  return {
    type: 'reservedInventory',
    row,
    sku: cell(cells, c.sku),
    fnsku: id(cells, c.fnsku, 'fnsku'),
    asin: id(cells, c.asin, 'asin'),
    reserved: int(cells, c.reserved, 'reserved'),
    customerOrders: int(cells, c.customerOrders, 'customerOrders'),
    fcTransfers: int(cells, c.fcTransfers, 'fcTransfers'),
    fcProcessing: int(cells, c.fcProcessing, 'fcProcessing'),
  };
}

function mapBusinessReport(c: ColumnMap<'BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM'>, cells: readonly string[], row: number): BusinessReportRecord {
  const salesText = cell(cells, c.orderedProductSales);
  const sales = parseMoney(salesText);
  if (sales === null && salesText !== '') {
    report('warning', 'bad-number', label('orderedProductSales'), `"${label('orderedProductSales')}" is "${salesText}", which is not an amount; it is read as unknown.`);
  }
  const currency = sales?.currency ?? null;
  return {
    type: 'businessReport',
    row,
    parentAsin: id(cells, c.parentAsin, 'parentAsin'),
    childAsin: id(cells, c.childAsin, 'childAsin'),
    title: cell(cells, c.title),
    sku: optText(cells, c.sku),
    sessions: int(cells, c.sessions, 'sessions'),
    pageViews: int(cells, c.pageViews, 'pageViews'),
    unitsOrdered: int(cells, c.unitsOrdered, 'unitsOrdered'),
    orderedProductSalesMinor: sales === null ? null : toMinorUnits(sales.amount, currency ?? 'USD'),
    currency,
    totalOrderItems: int(cells, c.totalOrderItems, 'totalOrderItems'),
  };
}

const MAPPERS: { readonly [K in ReportKind]: Mapper<K> } = {
  GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA: mapMyi,
  GET_FBA_MYI_ALL_INVENTORY_DATA: mapMyi,
  GET_FBA_INVENTORY_PLANNING_DATA: mapPlanning,
  GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT: mapRestock,
  GET_LEDGER_DETAIL_VIEW_DATA: mapLedgerDetail,
  GET_LEDGER_SUMMARY_VIEW_DATA: mapLedgerSummary,
  GET_MERCHANT_LISTINGS_ALL_DATA: mapListing,
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: mapOrder,
  GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: mapShipment,
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: mapReturn,
  GET_RESERVED_INVENTORY_DATA: mapReserved,
  BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM: mapBusinessReport,
};

/**
 * Maps one data row (`row` is 1-based, the header not counted) to a record. A row with an error
 * comes back without a record and with problems that say which cell and why.
 */
export function mapRow<K extends ReportKind>(kind: K, columns: ColumnMap<K>, cells: readonly string[], row: number): MapResult {
  begin(kind, row);
  const mapper: Mapper<K> = MAPPERS[kind];
  return finish(mapper(columns, cells, row));
}

/**
 * mapRow for the million-row path, without a result object per row: the row's problems go to
 * `addProblem` in order, and the record comes back, or undefined when the row has an error.
 */
export function mapRowTo<K extends ReportKind>(kind: K, columns: ColumnMap<K>, cells: readonly string[], row: number, addProblem: (problem: ImportProblem) => void): ImportRecord | undefined {
  begin(kind, row);
  const mapper: Mapper<K> = MAPPERS[kind];
  const record = mapper(columns, cells, row);
  const found = problems;
  problems = null;
  if (found !== null) for (const problem of found) addProblem(problem);
  return failed ? undefined : record;
}

/**
 * Manage FBA Inventory "all" and "unsuppressed" share one header. Only the "all" download lists
 * archived listings — rows with neither a merchant nor an Amazon-fulfilled listing — so such a
 * row tells them apart.
 */
export function refineKind(kind: ReportKind, record: ImportRecord): ReportKind {
  if (kind === 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA' && record.type === 'inventorySnapshot' && record.mfnListingExists === false && record.afnListingExists === false) {
    return 'GET_FBA_MYI_ALL_INVENTORY_DATA';
  }
  return kind;
}

/** A row whose cell count differs from the header's; null when it matches. */
export function rowWidthProblem(cellCount: number, headerCount: number, row: number, lastRowOfTruncatedFile: boolean): ImportProblem | null {
  if (cellCount === headerCount) return null;
  if (cellCount < headerCount && lastRowOfTruncatedFile) {
    return {
      row,
      severity: 'error',
      code: 'truncated-row',
      message: `Data row ${row} has only ${cellCount} of ${headerCount} columns and the file ends there: the file looks cut off (an interrupted download?). Download the report again.`,
    };
  }
  return {
    row,
    severity: 'warning',
    code: 'column-count',
    message:
      cellCount < headerCount
        ? `Data row ${row} has ${cellCount} columns but the header has ${headerCount}; the missing cells are read as blank.`
        : `Data row ${row} has ${cellCount} columns but the header has ${headerCount} (a tab or comma inside a value?); the extra cells are ignored.`,
  };
}
