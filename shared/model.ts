// The records StockPilot stores. Plain data only; ids are numbers assigned by the database.
import type { PlanPreferences } from './planning/planPreferences';
import type { AnalysisSettings } from './analysis/settings';

/** PRODUCT §1.1: the four kinds of inventory location. */
export const LOCATION_KINDS = ['domestic', 'fba', '3pl', 'transit'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Amazon marketplaces a seller sells on (FBA regions). */
export const MARKETPLACES = ['US', 'CA', 'MX', 'BR', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'EU', 'JP', 'AU', 'SG', 'AE', 'SA', 'IN', 'TR'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

/** Amazon FBA storage types: each has its own capacity limit in cubic feet (PRODUCT §4.4). */
export const STORAGE_TYPES = ['standard', 'oversize', 'apparel', 'footwear'] as const;
export type StorageType = (typeof STORAGE_TYPES)[number];

/** A packaged unit's outer size, always stored in centimetres (the form converts inches). */
export interface PackageSizeCm {
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

/** ISO 8601 calendar date, `YYYY-MM-DD`, in the seller's own calendar (no time zone). */
export type IsoDate = string;

export interface Sku {
  id: number;
  /** The seller's own unique code; unique case-insensitively. */
  code: string;
  name: string;
  /** Purchase cost per unit in `costCurrency`, in that currency's minor units (may be fractional). */
  unitCostMinor: number;
  costCurrency: string;
  /** Units per carton; orders and shipments round up to it. */
  casePack: number;
  /** Minimum order quantity from the supplier, in units. */
  moq: number;
  barcode: string;
  /** The packaged unit's size; null when not entered, absent on SKUs saved before it existed (read with packageSizeOf). */
  packageCm?: PackageSizeCm | null;
  /** Amazon storage type; absent on older SKUs, which are standard (read with storageTypeOf). */
  storageType?: StorageType;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One SKU a bundle listing consumes, and how many of its units one bundle holds. */
export interface BundleComponent {
  skuId: number;
  units: number;
}

export interface PlatformListing {
  id: number;
  /** The SKU; on a bundle, its first component's (kept for the `skuId` index and display). */
  skuId: number;
  marketplace: Marketplace;
  /** Seller SKU on the marketplace (MSKU). */
  sellerSku: string;
  asin: string;
  fnsku: string;
  /** How many units of the SKU one listing unit holds (a 2-pack is 2); 1 on a bundle. */
  unitsPerListing: number;
  /**
   * A bundle (PRODUCT §1.2): two or more distinct SKUs, each with its units per bundle. Its sales draw
   * down every component; it holds no stock of its own (Amazon's virtual bundles: FBA stores the
   * components), so it has no FNSKU. Absent on every other listing (a one-SKU multi-pack is
   * `unitsPerListing`). Not indexed.
   */
  components?: BundleComponent[];
}

export interface Location {
  id: number;
  name: string;
  kind: LocationKind;
  /** For `fba`: the marketplace region it serves. */
  marketplace?: Marketplace;
  archived: boolean;
}

export const MOVEMENT_TYPES = [
  'receipt',
  'transfer_out',
  'transfer_in',
  'sale',
  'customer_return',
  'vendor_return',
  'adjustment',
  'count_variance',
  'removal',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export const ADJUSTMENT_REASONS = ['found', 'lost', 'damaged', 'disposed', 'other'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** An immutable ledger line (PRODUCT §1.3). Corrections are new movements, never edits. */
export interface Movement {
  id: number;
  date: IsoDate;
  skuId: number;
  locationId: number;
  /** Signed quantity in units: positive in, negative out. */
  qty: number;
  type: MovementType;
  /**
   * Unit cost in base-currency minor units. Set on incoming movements that bring new cost
   * (receipts, found stock); outgoing movements take their cost from the ledger. On a transfer_in
   * paired with its transfer_out it is the landed cost per unit added on arrival (freight, duties,
   * fees), on top of the value the units carried.
   */
  unitCostMinor?: number;
  /** Groups movements that belong together: a shipment id for transfers, a PO, an order. */
  ref?: string;
  /** 'manual' or an import batch id. */
  source: string;
  reason?: AdjustmentReason;
  note?: string;
  /** If this movement reverses another, that movement's id. */
  reversesId?: number;
}

export type MovementInput = Omit<Movement, 'id'>;

export const SHIPMENT_MODES = ['sea', 'air', 'express', 'rail', 'truck'] as const;
export type ShipmentMode = (typeof SHIPMENT_MODES)[number];

export const ALLOCATION_BASES = ['units', 'weight', 'volume'] as const;
/** How a shipment's freight, duties and fees are spread over its lines (PRODUCT §3 landed cost). */
export type AllocationBasis = (typeof ALLOCATION_BASES)[number];

export interface ShipmentLine {
  skuId: number;
  /** Units shipped. */
  qty: number;
  /** Units per carton, and cartons, for the packing list (0 when not given). */
  casePack?: number;
  cartons?: number;
  /** Per unit, for landed-cost allocation by weight or volume (0 / absent when not given). */
  unitWeightKg?: number;
  unitVolumeM3?: number;
}

/** One arrival of (part of) a shipment at its destination. */
export interface ShipmentReceipt {
  date: IsoDate;
  /** Units received per SKU in this part; a SKU not on the shipment is a wrong-SKU receipt. */
  lines: { skuId: number; qty: number }[];
}

export const DISCREPANCY_KINDS = ['short', 'over', 'wrongSku'] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

/** A difference between what was shipped and what arrived, recorded when the shipment is closed. */
export interface Discrepancy {
  kind: DiscrepancyKind;
  skuId: number;
  /** Units short (kind short), over (over), or received although not shipped (wrongSku); always > 0. */
  qty: number;
  date: IsoDate;
}

/** Costs of a shipment in base-currency minor units, allocated to its units on receipt. */
export interface ShipmentCosts {
  freightMinor: number;
  dutiesMinor: number;
  feesMinor: number;
  basis: AllocationBasis;
}

/**
 * A stock transfer through transit (PRODUCT §3): domestic → FBA or 3PL, 3PL → FBA, between 3PLs.
 * Shipping posts transfer_out into the shipment's own transit balance; each receipt posts
 * transfer_in at the destination; closing it records discrepancies. Fields beyond the first
 * version's (from, to, ship date, lines, status) are optional: shipments saved before purchasing
 * existed have none of them.
 */
export interface Shipment {
  id: number;
  fromLocationId: number;
  toLocationId: number;
  shipDate: IsoDate;
  /** The day the shipment was closed (its last receipt). */
  receivedDate?: IsoDate;
  /** in_transit: shipped, nothing received; partially_received: some parts arrived; received: closed. */
  status: 'in_transit' | 'partially_received' | 'received';
  lines: ShipmentLine[];
  note?: string;
  mode?: ShipmentMode;
  carrier?: string;
  trackingNumber?: string;
  fbaShipmentId?: string;
  /** Expected arrival; past it and not received, the shipment is delayed. */
  eta?: IsoDate;
  costs?: ShipmentCosts;
  receipts?: ShipmentReceipt[];
  discrepancies?: Discrepancy[];
}

export interface Supplier {
  id: number;
  name: string;
  contact: string;
  /** ISO 4217 code the supplier invoices in. */
  currency: string;
  /** Production lead time from order to ready, in days: mean and standard deviation. */
  productionDaysMean: number;
  productionDaysSd: number;
  /** Minimum order quantity in units (0 = none). */
  moq: number;
  paymentTerms: string;
  archived: boolean;
}

export const PO_STATUSES = ['draft', 'sent', 'partially_received', 'received', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof PO_STATUSES)[number];

export interface PurchaseOrderLine {
  /** Stable within the PO, so receipts can name the line. */
  lineId: number;
  skuId: number;
  qty: number;
  /** Per unit, in the PO's currency, minor units (may be fractional). */
  unitCostMinor: number;
}

export interface PurchaseOrderReceipt {
  date: IsoDate;
  lines: { lineId: number; qty: number }[];
  /** The exchange rate used for this receipt: one unit of the PO currency in base-currency units. */
  exchangeRate: number;
}

export interface PurchaseOrder {
  id: number;
  /** The seller-facing number, e.g. PO-2026-0001. */
  number: string;
  supplierId: number;
  status: PurchaseOrderStatus;
  orderDate: IsoDate;
  expectedDate: IsoDate;
  currency: string;
  /** The domestic warehouse the goods are received into. */
  locationId: number;
  lines: PurchaseOrderLine[];
  receipts: PurchaseOrderReceipt[];
  note: string;
  /** Set when the PO is closed with units still open (received short) or over-received. */
  closedShort?: { lineId: number; qty: number }[];
  /** The date of the replenishment plan this PO was drafted from (absent: made by hand); not indexed, so no new schema version. */
  fromPlan?: IsoDate;
}

/** A dated exchange rate: one unit of `currency` is worth `rate` units of the base currency. */
export interface ExchangeRate {
  id: number;
  currency: string;
  date: IsoDate;
  rate: number;
}

export type Language = 'en' | 'zh-CN';

export interface AppSettings {
  language: Language;
  /** ISO 4217 code of the seller's base currency; all values are reported in it. */
  baseCurrency: string;
  /** The plan's service levels and FBA capacity (shared/planning/planPreferences.ts); absent: the defaults. Read with readPlanPreferences. */
  planPreferences?: PlanPreferences;
  /** The analysis thresholds and target cover (shared/analysis/settings.ts); absent: the defaults. Read with readAnalysisSettings. */
  analysisSettings?: AnalysisSettings;
}

export const DEFAULT_SETTINGS: AppSettings = { language: 'en', baseCurrency: 'USD' };
