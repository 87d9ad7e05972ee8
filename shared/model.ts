// The records StockPilot stores. Plain data only; ids are numbers assigned by the database.

/** PRODUCT §1.1: the four kinds of inventory location. */
export const LOCATION_KINDS = ['domestic', 'fba', '3pl', 'transit'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Amazon marketplaces a seller sells on (FBA regions). */
export const MARKETPLACES = ['US', 'CA', 'MX', 'BR', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'EU', 'JP', 'AU', 'SG', 'AE', 'SA', 'IN', 'TR'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

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
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PlatformListing {
  id: number;
  skuId: number;
  marketplace: Marketplace;
  /** Seller SKU on the marketplace (MSKU). */
  sellerSku: string;
  asin: string;
  fnsku: string;
  /** How many units of the SKU one listing unit holds (a 2-pack is 2). */
  unitsPerListing: number;
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
   * (receipts, found stock); outgoing movements and transfers take their cost from the ledger.
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

/** A manual stock transfer through transit (the minimal shipment; purchasing extends it). */
export interface Shipment {
  id: number;
  fromLocationId: number;
  toLocationId: number;
  shipDate: IsoDate;
  receivedDate?: IsoDate;
  status: 'in_transit' | 'received';
  lines: { skuId: number; qty: number }[];
  note?: string;
}

export type Language = 'en' | 'zh-CN';

export interface AppSettings {
  language: Language;
  /** ISO 4217 code of the seller's base currency; all values are reported in it. */
  baseCurrency: string;
}

export const DEFAULT_SETTINGS: AppSettings = { language: 'en', baseCurrency: 'USD' };
