// The plan in typed-array columns: what buildPlanColumns writes, what crosses from the ledger worker
// to the page (moved, not copied) and what the worker keeps for a line's chart. At 10,000 SKUs a plan
// holds 16,000 ship lines of 30 fields and 10,000 buy lines of 17: as objects they cost the compute
// their allocation and garbage collection, and the trip to the page a structured clone of each
// (~150 ms together). Every number is the same float64 it would be in a line object (NaN included),
// null is a mask, texts are indexes into small tables, so unpackPlan(packPlan(plan)) equals plan.
import { FORECAST_METHODS } from '../domain';
import type { ForecastMethod } from '../domain';
import type { AbcClass, BuyLine, Plan, ShipLine } from './plan';
import { STORAGE_TYPES } from '../model';
import type { StorageType } from '../model';

type NumberField<T> = { [K in keyof T]-?: T[K] extends number | null ? K : never }[keyof T];
export type ShipNumber = (typeof SHIP_NUMBERS)[number];
export type BuyNumber = (typeof BUY_NUMBERS)[number];

// Every field of a line is in one of these lists or handled by name below; the checks after them
// fail to compile when a field is added to ShipLine or BuyLine and not here.
const SHIP_NUMBERS = [
  'skuId',
  'locationId',
  'wape',
  'mase',
  'demandInterval',
  'demandCv2',
  'seasonFactor',
  'skuSeasonFactor',
  'rateOverride',
  'rateOverrideUntilDay',
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
  'reservedAsOfDay',
  'position',
  'leadDemand',
  'coverDemand',
  'safetyStock',
  'reorderPoint',
  'orderUpTo',
  'floorUnits',
  'floorDays',
  'lateInboundUnits',
  'coverNeedUnits',
  'shipSea',
  'shipAir',
  'cutByCapacity',
  'cutByCubicFeet',
  'unitVolumeCubicFeet',
  'capacityRoomUnits',
  'capacityRoomCubicFeet',
  'shortAtHome',
  'nearLocationId',
  'nearLeadDays',
  'nearNeedUnits',
  'shipNear',
  'nearCountedUnits',
  'nearShipByDay',
  'stockoutDay',
  'shipByDay',
  'amazonRecommendedUnits',
  'heldForOwnSales',
] as const satisfies readonly NumberField<ShipLine>[];
/** Ship-line fields packed by name: texts as indexes, the forced-method flag as 0 / 1. */
type ShipOthers = Extract<keyof ShipLine, 'marketplace' | 'abc' | 'method' | 'methodForced' | 'storageType'>;

const BUY_NUMBERS = [
  'skuId',
  'supplierId',
  'dailyDemand',
  'sdDaily',
  'leadDays',
  'leadSdDays',
  'z',
  'networkPosition',
  'otherInboundUnits',
  'leadDemand',
  'coverDemand',
  'safetyStock',
  'reorderPoint',
  'orderUpTo',
  'rawQty',
  'buyQty',
  'casePack',
  'moq',
  'orderByDay',
  'stockoutDay',
  'networkOnHand',
  'stockoutArrivals',
  'stockoutDemand',
  'forecast30Units',
  'ownDailyDemand',
  'productionDays',
] as const satisfies readonly NumberField<BuyLine>[];
type BuyOthers = Extract<keyof BuyLine, 'abc'>;

type Unlisted<T, Listed> = Exclude<keyof T, Listed>;
const shipComplete: [Unlisted<ShipLine, (typeof SHIP_NUMBERS)[number] | ShipOthers>] extends [never] ? true : false = true;
const buyComplete: [Unlisted<BuyLine, (typeof BUY_NUMBERS)[number] | BuyOthers>] extends [never] ? true : false = true;
void shipComplete;
void buyComplete;

/** ABC classes by their index in the columns. */
export const ABC_CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];
const ABC = ABC_CLASSES;

export interface ShipColumns {
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
  /** Per line: index into STORAGE_TYPES. */
  storageType: Uint8Array;
}

export interface BuyColumns {
  count: number;
  /** BUY_NUMBERS.length × count, one field after the other; null is NaN here and 1 in `nulls`. */
  numbers: Float64Array;
  /** Per line: 1 where supplierId is null. */
  nulls: Uint8Array;
  abc: Uint8Array;
}

export interface PlanColumns {
  ship: ShipColumns;
  buy: BuyColumns;
}

/** Columns for `shipCount` ship lines and `buyCount` buy lines, all zero, to be written. */
export function emptyPlanColumns(shipCount: number, buyCount: number): PlanColumns {
  return {
    ship: {
      count: shipCount,
      numbers: new Float64Array(SHIP_NUMBERS.length * shipCount),
      nulls: new Uint8Array(shipCount),
      marketplace: new Uint16Array(shipCount),
      marketplaces: [],
      abc: new Uint8Array(shipCount),
      method: new Uint8Array(shipCount),
      methodForced: new Uint8Array(shipCount),
      storageType: new Uint8Array(shipCount),
    },
    buy: { count: buyCount, numbers: new Float64Array(BUY_NUMBERS.length * buyCount), nulls: new Uint8Array(buyCount), abc: new Uint8Array(buyCount) },
  };
}

/** One view per numeric field of the ship lines (over `numbers`, so writing a view writes the columns). */
export function shipNumberViews(ship: ShipColumns): Record<ShipNumber, Float64Array> {
  return viewsOf(SHIP_NUMBERS, ship.numbers, ship.count);
}

export function buyNumberViews(buy: BuyColumns): Record<BuyNumber, Float64Array> {
  return viewsOf(BUY_NUMBERS, buy.numbers, buy.count);
}

/** Views by field (Object.fromEntries cannot type its keys, hence the cast). */
function viewsOf<K extends string>(fields: readonly K[], numbers: Float64Array, count: number): Record<K, Float64Array> {
  return Object.fromEntries(fields.map((field, f) => [field, numbers.subarray(f * count, (f + 1) * count)])) as Record<K, Float64Array>;
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

/** A marketplace's index in `marketplaces` (the ship columns' table), added when new. */
export function marketplaceIndexer(marketplaces: string[]): (marketplace: string) => number {
  const index = new Map(marketplaces.map((m, i) => [m, i]));
  return (marketplace) => {
    let at = index.get(marketplace);
    if (at === undefined) {
      at = marketplaces.length;
      if (at > 0xffff) throw new RangeError('A plan holds at most 65,536 marketplaces');
      marketplaces.push(marketplace);
      index.set(marketplace, at);
    }
    return at;
  };
}

/** Line objects into columns (buildPlanColumns writes columns directly; this is for a plan made by hand). */
export function packPlan(plan: Plan): PlanColumns {
  const ship = plan.ship;
  const marketplaces: string[] = [];
  const marketplace = new Uint16Array(ship.length);
  const abc = new Uint8Array(ship.length);
  const method = new Uint8Array(ship.length);
  const methodForced = new Uint8Array(ship.length);
  const storageType = new Uint8Array(ship.length);
  const indexOf = marketplaceIndexer(marketplaces);
  ship.forEach((line, i) => {
    marketplace[i] = indexOf(line.marketplace);
    abc[i] = ABC.indexOf(line.abc);
    method[i] = FORECAST_METHODS.indexOf(line.method);
    methodForced[i] = line.methodForced ? 1 : 0;
    storageType[i] = STORAGE_TYPES.indexOf(line.storageType);
  });
  const buyAbc = Uint8Array.from(plan.buy, (line) => ABC.indexOf(line.abc));
  return {
    ship: { count: ship.length, ...packNumbers(ship, SHIP_NUMBERS, 'amazonRecommendedUnits'), marketplace, marketplaces, abc, method, methodForced, storageType },
    buy: { count: plan.buy.length, ...packNumbers(plan.buy, BUY_NUMBERS, 'supplierId'), abc: buyAbc },
  };
}

/** The buffers of a plan's columns, to move (transfer) rather than copy. */
export function planColumnBuffers(packed: PlanColumns): ArrayBuffer[] {
  const { ship, buy } = packed;
  return [ship.numbers, ship.nulls, ship.marketplace, ship.abc, ship.method, ship.methodForced, ship.storageType, buy.numbers, buy.nulls, buy.abc].flatMap((a) => (a.buffer instanceof ArrayBuffer ? [a.buffer] : []));
}

/** A copy of the columns (the worker keeps one while the other moves to the page). */
export function copyPlanColumns(packed: PlanColumns): PlanColumns {
  const { ship, buy } = packed;
  return {
    ship: {
      count: ship.count,
      numbers: ship.numbers.slice(),
      nulls: ship.nulls.slice(),
      marketplace: ship.marketplace.slice(),
      marketplaces: [...ship.marketplaces],
      abc: ship.abc.slice(),
      method: ship.method.slice(),
      methodForced: ship.methodForced.slice(),
      storageType: ship.storageType.slice(),
    },
    buy: { count: buy.count, numbers: buy.numbers.slice(), nulls: buy.nulls.slice(), abc: buy.abc.slice() },
  };
}

/** Line objects from columns. */
export function unpackPlan(packed: PlanColumns): Plan {
  // Object literals in the interfaces' field order: each line gets the same shape, made in one step.
  const s = packed.ship;
  const n = s.count;
  const S = shipNumberViews(s);
  const ship = new Array<ShipLine>(n);
  for (let i = 0; i < n; i++) {
    ship[i] = {
      skuId: S.skuId[i]!,
      locationId: S.locationId[i]!,
      marketplace: s.marketplaces[s.marketplace[i]!]!,
      abc: ABC[s.abc[i]!]!,
      method: FORECAST_METHODS[s.method[i]!]!,
      methodForced: s.methodForced[i] === 1,
      wape: S.wape[i]!,
      mase: S.mase[i]!,
      demandInterval: S.demandInterval[i]!,
      demandCv2: S.demandCv2[i]!,
      seasonFactor: S.seasonFactor[i]!,
      skuSeasonFactor: S.skuSeasonFactor[i]!,
      rateOverride: S.rateOverride[i]!,
      rateOverrideUntilDay: S.rateOverrideUntilDay[i]!,
      dailyDemand: S.dailyDemand[i]!,
      sdDaily: S.sdDaily[i]!,
      z: S.z[i]!,
      serviceLevel: S.serviceLevel[i]!,
      seaLeadDays: S.seaLeadDays[i]!,
      seaLeadSdDays: S.seaLeadSdDays[i]!,
      airLeadDays: S.airLeadDays[i]!,
      onHand: S.onHand[i]!,
      inboundUnits: S.inboundUnits[i]!,
      reservedUnits: S.reservedUnits[i]!,
      reservedAsOfDay: S.reservedAsOfDay[i]!,
      position: S.position[i]!,
      leadDemand: S.leadDemand[i]!,
      coverDemand: S.coverDemand[i]!,
      safetyStock: S.safetyStock[i]!,
      reorderPoint: S.reorderPoint[i]!,
      orderUpTo: S.orderUpTo[i]!,
      floorUnits: S.floorUnits[i]!,
      floorDays: S.floorDays[i]!,
      lateInboundUnits: S.lateInboundUnits[i]!,
      coverNeedUnits: S.coverNeedUnits[i]!,
      shipSea: S.shipSea[i]!,
      shipAir: S.shipAir[i]!,
      cutByCapacity: S.cutByCapacity[i]!,
      cutByCubicFeet: S.cutByCubicFeet[i]!,
      storageType: STORAGE_TYPES[s.storageType[i]!]!,
      unitVolumeCubicFeet: S.unitVolumeCubicFeet[i]!,
      capacityRoomUnits: S.capacityRoomUnits[i]!,
      capacityRoomCubicFeet: S.capacityRoomCubicFeet[i]!,
      shortAtHome: S.shortAtHome[i]!,
      nearLocationId: S.nearLocationId[i]!,
      nearLeadDays: S.nearLeadDays[i]!,
      nearNeedUnits: S.nearNeedUnits[i]!,
      shipNear: S.shipNear[i]!,
      nearCountedUnits: S.nearCountedUnits[i]!,
      nearShipByDay: S.nearShipByDay[i]!,
      heldForOwnSales: S.heldForOwnSales[i]!,
      stockoutDay: S.stockoutDay[i]!,
      shipByDay: S.shipByDay[i]!,
      amazonRecommendedUnits: s.nulls[i] === 1 ? null : S.amazonRecommendedUnits[i]!,
    };
  }
  const b = packed.buy;
  const m = b.count;
  const B = buyNumberViews(b);
  const buy = new Array<BuyLine>(m);
  for (let i = 0; i < m; i++) {
    buy[i] = {
      skuId: B.skuId[i]!,
      supplierId: b.nulls[i] === 1 ? null : B.supplierId[i]!,
      abc: ABC[b.abc[i]!]!,
      dailyDemand: B.dailyDemand[i]!,
      sdDaily: B.sdDaily[i]!,
      ownDailyDemand: B.ownDailyDemand[i]!,
      productionDays: B.productionDays[i]!,
      leadDays: B.leadDays[i]!,
      leadSdDays: B.leadSdDays[i]!,
      z: B.z[i]!,
      networkPosition: B.networkPosition[i]!,
      otherInboundUnits: B.otherInboundUnits[i]!,
      leadDemand: B.leadDemand[i]!,
      coverDemand: B.coverDemand[i]!,
      safetyStock: B.safetyStock[i]!,
      reorderPoint: B.reorderPoint[i]!,
      orderUpTo: B.orderUpTo[i]!,
      rawQty: B.rawQty[i]!,
      buyQty: B.buyQty[i]!,
      casePack: B.casePack[i]!,
      moq: B.moq[i]!,
      orderByDay: B.orderByDay[i]!,
      stockoutDay: B.stockoutDay[i]!,
      networkOnHand: B.networkOnHand[i]!,
      stockoutArrivals: B.stockoutArrivals[i]!,
      stockoutDemand: B.stockoutDemand[i]!,
      forecast30Units: B.forecast30Units[i]!,
    };
  }
  return { ship, buy };
}

/**
 * The plan as line objects that read their fields from the columns when asked: the page shows a
 * few hundred of 16,000 lines at a time, so it makes 26,000 small objects instead of copying every
 * number into them (unpackPlan made the page wait ~70 ms). Fields read as unpackPlan's would; the
 * objects are read-only, and spreading one copies none of its fields (nothing on the page does).
 */
export function planViews(packed: PlanColumns): Plan {
  const shipNumbers = shipNumberViews(packed.ship);
  const buyNumbers = buyNumberViews(packed.buy);
  const ship = new Array<ShipLine>(packed.ship.count);
  for (let i = 0; i < ship.length; i++) ship[i] = new ShipLineView(packed.ship, shipNumbers, i);
  const buy = new Array<BuyLine>(packed.buy.count);
  for (let i = 0; i < buy.length; i++) buy[i] = new BuyLineView(packed.buy, buyNumbers, i);
  return { ship, buy };
}

class ShipLineView implements ShipLine {
  constructor(
    private readonly packed: ShipColumns,
    private readonly c: Record<ShipNumber, Float64Array>,
    private readonly i: number,
  ) {}
  get marketplace(): string {
    return this.packed.marketplaces[this.packed.marketplace[this.i]!]!;
  }
  get abc(): AbcClass {
    return ABC[this.packed.abc[this.i]!]!;
  }
  get method(): ForecastMethod {
    return FORECAST_METHODS[this.packed.method[this.i]!]!;
  }
  get methodForced(): boolean {
    return this.packed.methodForced[this.i] === 1;
  }
  get skuId(): number {
    return this.c.skuId[this.i]!;
  }
  get locationId(): number {
    return this.c.locationId[this.i]!;
  }
  get wape(): number {
    return this.c.wape[this.i]!;
  }
  get mase(): number {
    return this.c.mase[this.i]!;
  }
  get demandInterval(): number {
    return this.c.demandInterval[this.i]!;
  }
  get demandCv2(): number {
    return this.c.demandCv2[this.i]!;
  }
  get seasonFactor(): number {
    return this.c.seasonFactor[this.i]!;
  }
  get skuSeasonFactor(): number {
    return this.c.skuSeasonFactor[this.i]!;
  }
  get rateOverride(): number {
    return this.c.rateOverride[this.i]!;
  }
  get rateOverrideUntilDay(): number {
    return this.c.rateOverrideUntilDay[this.i]!;
  }
  get dailyDemand(): number {
    return this.c.dailyDemand[this.i]!;
  }
  get sdDaily(): number {
    return this.c.sdDaily[this.i]!;
  }
  get z(): number {
    return this.c.z[this.i]!;
  }
  get serviceLevel(): number {
    return this.c.serviceLevel[this.i]!;
  }
  get seaLeadDays(): number {
    return this.c.seaLeadDays[this.i]!;
  }
  get seaLeadSdDays(): number {
    return this.c.seaLeadSdDays[this.i]!;
  }
  get airLeadDays(): number {
    return this.c.airLeadDays[this.i]!;
  }
  get onHand(): number {
    return this.c.onHand[this.i]!;
  }
  get inboundUnits(): number {
    return this.c.inboundUnits[this.i]!;
  }
  get reservedAsOfDay(): number {
    return this.c.reservedAsOfDay[this.i]!;
  }

  get reservedUnits(): number {
    return this.c.reservedUnits[this.i]!;
  }
  get position(): number {
    return this.c.position[this.i]!;
  }
  get leadDemand(): number {
    return this.c.leadDemand[this.i]!;
  }
  get coverDemand(): number {
    return this.c.coverDemand[this.i]!;
  }
  get safetyStock(): number {
    return this.c.safetyStock[this.i]!;
  }
  get reorderPoint(): number {
    return this.c.reorderPoint[this.i]!;
  }
  get orderUpTo(): number {
    return this.c.orderUpTo[this.i]!;
  }
  get floorUnits(): number {
    return this.c.floorUnits[this.i]!;
  }
  get floorDays(): number {
    return this.c.floorDays[this.i]!;
  }
  get lateInboundUnits(): number {
    return this.c.lateInboundUnits[this.i]!;
  }
  get coverNeedUnits(): number {
    return this.c.coverNeedUnits[this.i]!;
  }
  get shipSea(): number {
    return this.c.shipSea[this.i]!;
  }
  get shipAir(): number {
    return this.c.shipAir[this.i]!;
  }
  get cutByCapacity(): number {
    return this.c.cutByCapacity[this.i]!;
  }
  get cutByCubicFeet(): number {
    return this.c.cutByCubicFeet[this.i]!;
  }
  get storageType(): StorageType {
    return STORAGE_TYPES[this.packed.storageType[this.i]!]!;
  }
  get unitVolumeCubicFeet(): number {
    return this.c.unitVolumeCubicFeet[this.i]!;
  }
  get capacityRoomUnits(): number {
    return this.c.capacityRoomUnits[this.i]!;
  }
  get capacityRoomCubicFeet(): number {
    return this.c.capacityRoomCubicFeet[this.i]!;
  }
  get shortAtHome(): number {
    return this.c.shortAtHome[this.i]!;
  }
  get nearLocationId(): number {
    return this.c.nearLocationId[this.i]!;
  }
  get nearLeadDays(): number {
    return this.c.nearLeadDays[this.i]!;
  }
  get nearNeedUnits(): number {
    return this.c.nearNeedUnits[this.i]!;
  }
  get shipNear(): number {
    return this.c.shipNear[this.i]!;
  }
  get nearCountedUnits(): number {
    return this.c.nearCountedUnits[this.i]!;
  }
  get nearShipByDay(): number {
    return this.c.nearShipByDay[this.i]!;
  }
  get heldForOwnSales(): number {
    return this.c.heldForOwnSales[this.i]!;
  }
  get stockoutDay(): number {
    return this.c.stockoutDay[this.i]!;
  }
  get shipByDay(): number {
    return this.c.shipByDay[this.i]!;
  }
  get amazonRecommendedUnits(): number | null {
    return this.packed.nulls[this.i] === 1 ? null : this.c.amazonRecommendedUnits[this.i]!;
  }
}

class BuyLineView implements BuyLine {
  constructor(
    private readonly packed: BuyColumns,
    private readonly c: Record<BuyNumber, Float64Array>,
    private readonly i: number,
  ) {}
  get abc(): AbcClass {
    return ABC[this.packed.abc[this.i]!]!;
  }
  get skuId(): number {
    return this.c.skuId[this.i]!;
  }
  get supplierId(): number | null {
    return this.packed.nulls[this.i] === 1 ? null : this.c.supplierId[this.i]!;
  }
  get dailyDemand(): number {
    return this.c.dailyDemand[this.i]!;
  }
  get sdDaily(): number {
    return this.c.sdDaily[this.i]!;
  }
  get ownDailyDemand(): number {
    return this.c.ownDailyDemand[this.i]!;
  }
  get productionDays(): number {
    return this.c.productionDays[this.i]!;
  }
  get leadDays(): number {
    return this.c.leadDays[this.i]!;
  }
  get leadSdDays(): number {
    return this.c.leadSdDays[this.i]!;
  }
  get z(): number {
    return this.c.z[this.i]!;
  }
  get networkPosition(): number {
    return this.c.networkPosition[this.i]!;
  }
  get otherInboundUnits(): number {
    return this.c.otherInboundUnits[this.i]!;
  }
  get leadDemand(): number {
    return this.c.leadDemand[this.i]!;
  }
  get coverDemand(): number {
    return this.c.coverDemand[this.i]!;
  }
  get safetyStock(): number {
    return this.c.safetyStock[this.i]!;
  }
  get reorderPoint(): number {
    return this.c.reorderPoint[this.i]!;
  }
  get orderUpTo(): number {
    return this.c.orderUpTo[this.i]!;
  }
  get rawQty(): number {
    return this.c.rawQty[this.i]!;
  }
  get buyQty(): number {
    return this.c.buyQty[this.i]!;
  }
  get casePack(): number {
    return this.c.casePack[this.i]!;
  }
  get moq(): number {
    return this.c.moq[this.i]!;
  }
  get orderByDay(): number {
    return this.c.orderByDay[this.i]!;
  }
  get stockoutDay(): number {
    return this.c.stockoutDay[this.i]!;
  }
  get networkOnHand(): number {
    return this.c.networkOnHand[this.i]!;
  }
  get stockoutArrivals(): number {
    return this.c.stockoutArrivals[this.i]!;
  }
  get stockoutDemand(): number {
    return this.c.stockoutDemand[this.i]!;
  }
  get forecast30Units(): number {
    return this.c.forecast30Units[this.i]!;
  }
}
