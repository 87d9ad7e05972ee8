// A plan as typed-array columns, for its trip from the ledger worker to the page. At 10,000 SKUs a
// plan holds 16,000 ship lines of 30 fields and 10,000 buy lines of 17; structured-cloning those
// objects cost ~150 ms (worker and page together), while columns move without a copy and the page
// makes the line objects again in a few ms. Every number crosses as the same float64 (NaN included),
// null as a mask, texts as indexes into a small table, so unpackPlan(packPlan(plan)) equals plan.
import { FORECAST_METHODS } from '../domain';
import type { AbcClass, BuyLine, Plan, ShipLine } from './plan';

type NumberField<T> = { [K in keyof T]-?: T[K] extends number | null ? K : never }[keyof T];

// Every field of a line is in one of these lists or handled by name below; the checks after them
// fail to compile when a field is added to ShipLine or BuyLine and not here.
const SHIP_NUMBERS = [
  'skuId',
  'locationId',
  'wape',
  'mase',
  'dailyDemand',
  'sdDaily',
  'z',
  'serviceLevel',
  'seaLeadDays',
  'seaLeadSdDays',
  'airLeadDays',
  'onHand',
  'inboundUnits',
  'reservedUnits',
  'position',
  'safetyStock',
  'reorderPoint',
  'orderUpTo',
  'floorUnits',
  'shipSea',
  'shipAir',
  'cutByCapacity',
  'shortAtHome',
  'stockoutDay',
  'shipByDay',
  'amazonRecommendedUnits',
] as const satisfies readonly NumberField<ShipLine>[];
/** Ship-line fields packed by name: texts as indexes, the forced-method flag as 0 / 1. */
type ShipOthers = Extract<keyof ShipLine, 'marketplace' | 'abc' | 'method' | 'methodForced'>;

const BUY_NUMBERS = [
  'skuId',
  'supplierId',
  'dailyDemand',
  'sdDaily',
  'leadDays',
  'leadSdDays',
  'z',
  'networkPosition',
  'safetyStock',
  'reorderPoint',
  'orderUpTo',
  'rawQty',
  'buyQty',
  'casePack',
  'moq',
  'orderByDay',
] as const satisfies readonly NumberField<BuyLine>[];
type BuyOthers = Extract<keyof BuyLine, 'abc'>;

type Unlisted<T, Listed> = Exclude<keyof T, Listed>;
const shipComplete: [Unlisted<ShipLine, (typeof SHIP_NUMBERS)[number] | ShipOthers>] extends [never] ? true : false = true;
const buyComplete: [Unlisted<BuyLine, (typeof BUY_NUMBERS)[number] | BuyOthers>] extends [never] ? true : false = true;
void shipComplete;
void buyComplete;

const ABC: readonly AbcClass[] = ['A', 'B', 'C'];

export interface PackedShipLines {
  count: number;
  /** SHIP_NUMBERS.length × count, one field after the other; null is NaN here and 1 in `nulls`. */
  numbers: Float64Array;
  /** Per line: 1 where amazonRecommendedUnits is null. */
  nulls: Uint8Array;
  /** Per line: index into `marketplaces`. */
  marketplace: Uint16Array;
  marketplaces: string[];
  /** Per line: index into A, B, C and into FORECAST_METHODS; 1 where the method is the seller's. */
  abc: Uint8Array;
  method: Uint8Array;
  methodForced: Uint8Array;
}

export interface PackedBuyLines {
  count: number;
  /** BUY_NUMBERS.length × count, one field after the other; null is NaN here and 1 in `nulls`. */
  numbers: Float64Array;
  /** Per line: 1 where supplierId is null. */
  nulls: Uint8Array;
  abc: Uint8Array;
}

export interface PackedPlan {
  ship: PackedShipLines;
  buy: PackedBuyLines;
}

function packNumbers<T, K extends NumberField<T>>(lines: readonly T[], fields: readonly K[], nullable: K): { numbers: Float64Array; nulls: Uint8Array } {
  const count = lines.length;
  const numbers = new Float64Array(fields.length * count);
  const nulls = new Uint8Array(count);
  fields.forEach((field, f) => {
    for (let i = 0; i < count; i++) {
      const value = lines[i]![field] as number | null;
      if (value === null) {
        numbers[f * count + i] = Number.NaN;
        if (field === nullable) nulls[i] = 1;
      } else numbers[f * count + i] = value;
    }
  });
  return { numbers, nulls };
}

export function packPlan(plan: Plan): PackedPlan {
  const ship = plan.ship;
  const marketplaces: string[] = [];
  const marketplaceIndex = new Map<string, number>();
  const marketplace = new Uint16Array(ship.length);
  const abc = new Uint8Array(ship.length);
  const method = new Uint8Array(ship.length);
  const methodForced = new Uint8Array(ship.length);
  ship.forEach((line, i) => {
    let index = marketplaceIndex.get(line.marketplace);
    if (index === undefined) {
      index = marketplaces.length;
      if (index > 0xffff) throw new RangeError('A plan crosses to the page with at most 65,536 marketplaces');
      marketplaces.push(line.marketplace);
      marketplaceIndex.set(line.marketplace, index);
    }
    marketplace[i] = index;
    abc[i] = ABC.indexOf(line.abc);
    method[i] = FORECAST_METHODS.indexOf(line.method);
    methodForced[i] = line.methodForced ? 1 : 0;
  });
  const buyAbc = Uint8Array.from(plan.buy, (line) => ABC.indexOf(line.abc));
  return {
    ship: { count: ship.length, ...packNumbers(ship, SHIP_NUMBERS, 'amazonRecommendedUnits'), marketplace, marketplaces, abc, method, methodForced },
    buy: { count: plan.buy.length, ...packNumbers(plan.buy, BUY_NUMBERS, 'supplierId'), abc: buyAbc },
  };
}

/** The buffers of a packed plan, to move (transfer) rather than copy. */
export function packedPlanBuffers(packed: PackedPlan): ArrayBuffer[] {
  const { ship, buy } = packed;
  return [ship.numbers, ship.nulls, ship.marketplace, ship.abc, ship.method, ship.methodForced, buy.numbers, buy.nulls, buy.abc].flatMap((a) => (a.buffer instanceof ArrayBuffer ? [a.buffer] : []));
}

/** Position of each field's column in `numbers` (Object.fromEntries cannot type its keys, hence the cast). */
function columnsOf<K extends string>(fields: readonly K[]): Record<K, number> {
  return Object.fromEntries(fields.map((field, f) => [field, f])) as Record<K, number>;
}
const S = columnsOf(SHIP_NUMBERS);
const B = columnsOf(BUY_NUMBERS);

export function unpackPlan(packed: PackedPlan): Plan {
  // Object literals in buildPlan's field order: each line gets the same shape, made in one step.
  const s = packed.ship;
  const n = s.count;
  const v = s.numbers;
  const ship = new Array<ShipLine>(n);
  for (let i = 0; i < n; i++) {
    ship[i] = {
      skuId: v[S.skuId * n + i]!,
      locationId: v[S.locationId * n + i]!,
      marketplace: s.marketplaces[s.marketplace[i]!]!,
      abc: ABC[s.abc[i]!]!,
      method: FORECAST_METHODS[s.method[i]!]!,
      methodForced: s.methodForced[i] === 1,
      wape: v[S.wape * n + i]!,
      mase: v[S.mase * n + i]!,
      dailyDemand: v[S.dailyDemand * n + i]!,
      sdDaily: v[S.sdDaily * n + i]!,
      z: v[S.z * n + i]!,
      serviceLevel: v[S.serviceLevel * n + i]!,
      seaLeadDays: v[S.seaLeadDays * n + i]!,
      seaLeadSdDays: v[S.seaLeadSdDays * n + i]!,
      airLeadDays: v[S.airLeadDays * n + i]!,
      onHand: v[S.onHand * n + i]!,
      inboundUnits: v[S.inboundUnits * n + i]!,
      reservedUnits: v[S.reservedUnits * n + i]!,
      position: v[S.position * n + i]!,
      safetyStock: v[S.safetyStock * n + i]!,
      reorderPoint: v[S.reorderPoint * n + i]!,
      orderUpTo: v[S.orderUpTo * n + i]!,
      floorUnits: v[S.floorUnits * n + i]!,
      shipSea: v[S.shipSea * n + i]!,
      shipAir: v[S.shipAir * n + i]!,
      cutByCapacity: v[S.cutByCapacity * n + i]!,
      shortAtHome: v[S.shortAtHome * n + i]!,
      stockoutDay: v[S.stockoutDay * n + i]!,
      shipByDay: v[S.shipByDay * n + i]!,
      amazonRecommendedUnits: s.nulls[i] === 1 ? null : v[S.amazonRecommendedUnits * n + i]!,
    };
  }
  const b = packed.buy;
  const m = b.count;
  const w = b.numbers;
  const buy = new Array<BuyLine>(m);
  for (let i = 0; i < m; i++) {
    buy[i] = {
      skuId: w[B.skuId * m + i]!,
      supplierId: b.nulls[i] === 1 ? null : w[B.supplierId * m + i]!,
      abc: ABC[b.abc[i]!]!,
      dailyDemand: w[B.dailyDemand * m + i]!,
      sdDaily: w[B.sdDaily * m + i]!,
      leadDays: w[B.leadDays * m + i]!,
      leadSdDays: w[B.leadSdDays * m + i]!,
      z: w[B.z * m + i]!,
      networkPosition: w[B.networkPosition * m + i]!,
      safetyStock: w[B.safetyStock * m + i]!,
      reorderPoint: w[B.reorderPoint * m + i]!,
      orderUpTo: w[B.orderUpTo * m + i]!,
      rawQty: w[B.rawQty * m + i]!,
      buyQty: w[B.buyQty * m + i]!,
      casePack: w[B.casePack * m + i]!,
      moq: w[B.moq * m + i]!,
      orderByDay: w[B.orderByDay * m + i]!,
    };
  }
  return { ship, buy };
}
