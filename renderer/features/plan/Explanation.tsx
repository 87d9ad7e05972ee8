// "Why this number": the inputs and the formula behind each figure of a plan line (PRODUCT §4.4).
import { isoFromDay } from '../../../shared/dates';
import { classOfPattern, DEMAND_CLASS_CANDIDATES } from '../../../shared/domain';
import type { BuyLine, ShipLine } from '../../../shared/planning/plan';
import { useT } from '../../i18n';
import type { Translate } from '../../i18n';
import { FigureTable } from '../../components/FigureTable';

const date = (day: number) => (Number.isFinite(day) ? isoFromDay(day) : '—');
const n = (value: number, language: string, digits = 1) => (Number.isFinite(value) ? value.toLocaleString(language, { maximumFractionDigits: digits }) : '—');

/**
 * A ship line's explanation. `weekdayIndex` is its marketplace's weekly season from the line's chart
 * data (PlanDetail; null: none); the row waits for it (undefined while it loads).
 */
export function ShipExplanation({ line, weekdayIndex, nearName }: { line: ShipLine; weekdayIndex?: readonly number[] | null; nearName?: string }) {
  const { t, language } = useT();
  const rated = Number.isFinite(line.rateOverride);
  // Home's sea and air are what is left after the 3PL near FBA: both rows say so.
  const lessNear = line.shipNear + line.nearCountedUnits > 0 ? ` ${t('plan.x.lessNear', { near: n(line.shipNear, language, 0), counted: n(line.nearCountedUnits, language, 0) })}` : '';
  const rows: [string, string, string][] = [
    ...(rated ? [rateRow(line, t, language)] : []),
    [t('plan.x.demand'), `${n(line.dailyDemand, language, 2)} ${t('plan.perDay')}`, rated ? t('plan.x.demandRateHow') : line.methodForced ? t('plan.x.demandForcedHow', { method: t(`plan.method.${line.method}`) }) : t('plan.x.demandHow', { method: t(`plan.method.${line.method}`), wape: n(line.wape * 100, language), mase: n(line.mase, language, 2) })],
    patternRow(line, t, language),
    [t('plan.x.season'), `× ${n(line.seasonFactor, language, 2)}`, line.seasonFactor === 1 ? t('plan.x.seasonNone') : t('plan.x.seasonHow')],
    [t('plan.x.skuSeason'), `× ${n(line.skuSeasonFactor, language, 2)}`, line.skuSeasonFactor === 1 ? t('plan.x.skuSeasonNone') : t('plan.x.skuSeasonHow')],
    ...(weekdayIndex === undefined ? [] : [weekdayRow(weekdayIndex, t, language)]),
    [t('plan.x.sd'), n(line.sdDaily, language, 2), rated ? t('plan.x.sdRateHow') : t('plan.x.sdHow')],
    [t('plan.x.z'), n(line.z, language, 3), t('plan.x.zHow', { abc: line.abc, level: n(line.serviceLevel * 100, language) })],
    [t('plan.x.lead'), `${n(line.seaLeadDays, language)} ± ${n(line.seaLeadSdDays, language)} ${t('plan.days')}`, t('plan.x.leadHow')],
    [t('plan.safetyStock'), n(line.safetyStock, language), `z · √(L · σd² + d² · σL²) = ${n(line.z, language, 3)} · √(${n(line.seaLeadDays, language)} · ${n(line.sdDaily, language, 2)}² + ${n(line.dailyDemand, language, 2)}² · ${n(line.seaLeadSdDays, language)}²)`],
    [t('plan.reorderPoint'), n(line.reorderPoint, language), t('plan.x.ropHow', { days: n(Math.max(0, Math.round(line.seaLeadDays)), language, 0), lead: n(line.leadDemand, language), ss: n(line.safetyStock, language) })],
    [t('plan.orderUpTo'), n(line.orderUpTo, language), t('plan.x.tHow', { cover: n(line.coverDemand, language), ss: n(line.safetyStock, language) })],
    [
      t('plan.position'),
      n(line.position, language),
      `${n(line.onHand, language)} + ${n(line.inboundUnits, language)} − ${n(line.reservedUnits, language)} (${t('plan.x.positionHow')})` + (Number.isFinite(line.reservedAsOfDay) ? ` ${t('plan.x.reservedAsOf', { date: date(line.reservedAsOfDay) })}` : ''),
    ],
    [t('plan.floor'), n(line.floorUnits, language), t('plan.x.floorHow', { days: n(line.floorDays, language, 0) })],
    [
      t('plan.shipSea'),
      n(line.shipSea, language, 0),
      line.lateInboundUnits > 0
        ? t('plan.x.seaLateHow', {
            late: n(line.lateInboundUnits, language, 0),
            cover: n(line.coverNeedUnits, language),
            positionAtLanding: n(line.position - line.lateInboundUnits, language),
            floor: n(line.floorUnits, language),
            lead: n(line.leadDemand, language),
            air: n(line.shipAir, language, 0),
            cut: n(line.cutByCapacity, language, 0),
            short: n(line.shortAtHome, language, 0),
          })
        : t('plan.x.seaHow', {
            t: n(line.orderUpTo, language),
            position: n(line.position, language),
            floor: n(line.floorUnits, language),
            lead: n(line.leadDemand, language),
            air: n(line.shipAir, language, 0),
            cut: n(line.cutByCapacity, language, 0),
            short: n(line.shortAtHome, language, 0),
          }) + (line.heldForOwnSales > 0 ? ` ${t('plan.x.heldForOwnHow', { held: n(line.heldForOwnSales, language, 0) })}` : '') + lessNear,
    ],
    [t('plan.shipAir'), n(line.shipAir, language, 0), t('plan.x.airHow', { air: n(line.airLeadDays, language) }) + lessNear],
    ...nearRows(line, nearName ?? '', t, language),
    [t('plan.stockout'), date(line.stockoutDay), Number.isFinite(line.stockoutDay) ? t('plan.x.stockoutHow') : t('plan.x.stockoutNone')],
    [t('plan.shipBy'), date(line.shipByDay), Number.isFinite(line.shipByDay) ? t('plan.x.shipByHow', { lead: n(line.seaLeadDays, language) }) : t('plan.x.shipByNone')],
    [t('plan.amazon'), line.amazonRecommendedUnits === null ? '—' : n(line.amazonRecommendedUnits, language, 0), line.amazonRecommendedUnits === null ? t('plan.x.amazonNone') : t('plan.x.amazonHow')],
  ];
  const capacity = capacityHow(line, t, language);
  if (capacity !== null) rows.push([t('plan.x.capacity'), n(line.cutByCapacity, language, 0), capacity]);
  return <FigureTable rows={rows.map(([label, value, how]) => [label, label, value, how])} testId="plan-explanation" />;
}

/** Shipping from a 3PL near the FBA location: what it ships, why, and by when; nothing without one. */
function nearRows(line: ShipLine, nearName: string, t: Translate, language: string): [string, string, string][] {
  if (Number.isNaN(line.nearLocationId)) return [];
  const lead = n(line.nearLeadDays, language);
  return [
    [
      t('plan.shipNear'),
      n(line.shipNear, language, 0),
      t('plan.x.nearHow', { origin: nearName, lead, need: n(line.nearNeedUnits, language, 0), counted: n(line.nearCountedUnits, language, 0) }) +
        (line.nearLeadDays <= line.airLeadDays ? ` ${t('plan.x.nearBeforeAir')}` : ` ${t('plan.x.nearAfterAir')}`),
    ],
    [t('plan.nearShipBy'), date(line.nearShipByDay), Number.isFinite(line.nearShipByDay) ? t('plan.x.nearShipByHow', { lead }) : t('plan.x.shipByNone')],
  ];
}

/** The seller's own forecast of the line: its rate and until when, in place of the computed forecast. */
function rateRow(line: ShipLine, t: ReturnType<typeof useT>['t'], language: string): [string, string, string] {
  const until = Number.isFinite(line.rateOverrideUntilDay) ? t('plan.x.rateUntil', { date: date(line.rateOverrideUntilDay) }) : t('plan.x.rateNoEnd');
  return [t('plan.x.rate'), `${n(line.rateOverride, language, 2)} ${t('plan.perDay')}`, t('plan.x.rateHow', { until, method: t(`plan.method.${line.method}`) })];
}

/** A week's days from Sunday, for naming them in the reader's language (2026-11-22 was a Sunday). */
const SUNDAY_UTC = Date.UTC(2026, 10, 22);
const DAY_MS = 86_400_000;

/** The marketplace's day-of-week index, Sunday first (as the index is), or why there is none. */
function weekdayRow(index: readonly number[] | null, t: ReturnType<typeof useT>['t'], language: string): [string, string, string] {
  if (index === null) return [t('plan.x.weekday'), '—', t('plan.x.weekdayNone')];
  const dayName = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  const value = index.map((factor, k) => `${dayName.format(new Date(SUNDAY_UTC + k * DAY_MS))} ${n(factor, language, 2)}`).join(' · ');
  return [t('plan.x.weekday'), value, t('plan.x.weekdayHow')];
}

/** The demand pattern the backtest's candidates came from (ADI, CV² and the class they make), or why there was none. */
function patternRow(line: ShipLine, t: ReturnType<typeof useT>['t'], language: string): [string, string, string] {
  if (Number.isNaN(line.demandInterval)) return [t('plan.x.pattern'), '—', t('plan.x.patternNone')];
  const demandClass = classOfPattern(line.demandInterval, line.demandCv2);
  const methods = DEMAND_CLASS_CANDIDATES[demandClass].map((m) => t(`plan.method.${m}`)).join(', ');
  return [t('plan.x.pattern'), t(`plan.pattern.${demandClass}`), t('plan.x.patternHow', { interval: n(line.demandInterval, language, 2), cv2: n(line.demandCv2, language, 2), methods })];
}

/**
 * Which FBA capacity limit applied to the line when its turn came, the room then and what it cut; a
 * SKU without a package size is named, so the seller knows to enter it. Null when no limit applied.
 */
function capacityHow(line: ShipLine, t: ReturnType<typeof useT>['t'], language: string): string | null {
  const parts: string[] = [];
  if (!Number.isNaN(line.capacityRoomUnits)) parts.push(t('plan.x.capacityUnitsHow', { room: n(line.capacityRoomUnits, language, 0), cut: n(line.cutByCapacity - line.cutByCubicFeet, language, 0) }));
  if (!Number.isNaN(line.capacityRoomCubicFeet)) {
    const type = t(`storageType.${line.storageType}`);
    parts.push(
      Number.isNaN(line.unitVolumeCubicFeet)
        ? t('plan.x.volumeUnknown', { type })
        : t('plan.x.capacityCubicFeetHow', { type, room: n(line.capacityRoomCubicFeet, language, 2), volume: n(line.unitVolumeCubicFeet, language, 3), cut: n(line.cutByCubicFeet, language, 0) }),
    );
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

export function BuyExplanation({ line }: { line: BuyLine }) {
  const { t, language } = useT();
  // Sales at the seller's own warehouses (domestic, 3PL) are part of the demand: the rows say how much.
  const own = line.ownDailyDemand > 0;
  const ownShare = line.dailyDemand > 0 ? `${n((line.ownDailyDemand / line.dailyDemand) * 100, language, 0)}%` : '—';
  const rows: [string, string, string][] = [
    [
      t('plan.x.demand'),
      `${n(line.dailyDemand, language, 2)} ${t('plan.perDay')}`,
      own ? t('plan.x.networkDemandOwn', { fba: n(line.dailyDemand - line.ownDailyDemand, language, 2), own: n(line.ownDailyDemand, language, 2), share: ownShare }) : t('plan.x.networkDemand'),
    ],
    [t('plan.x.lead'), `${n(line.leadDays, language)} ± ${n(line.leadSdDays, language)} ${t('plan.days')}`, own ? t('plan.x.buyLeadOwnHow', { share: ownShare }) : t('plan.x.buyLeadHow')],
    [t('plan.x.z'), n(line.z, language, 3), t('plan.x.buyZHow', { abc: line.abc })],
    [t('plan.safetyStock'), n(line.safetyStock, language), `z · √(L · σd² + d² · σL²), z = ${n(line.z, language, 3)}`],
    [t('plan.reorderPoint'), n(line.reorderPoint, language), t('plan.x.buyRopHow', { days: n(Math.max(0, Math.round(line.leadDays)), language, 0), lead: n(line.leadDemand, language), ss: n(line.safetyStock, language) })],
    [t('plan.orderUpTo'), n(line.orderUpTo, language), t('plan.x.buyTHow', { cover: n(line.coverDemand, language), ss: n(line.safetyStock, language) })],
    [t('plan.position'), n(line.networkPosition, language), t('plan.x.networkPositionHow', { other: n(line.otherInboundUnits, language, 0) })],
    [t('plan.buyQty'), n(line.buyQty, language, 0), t('plan.x.buyQtyHow', { raw: n(line.rawQty, language), moq: line.moq, pack: line.casePack })],
    [t('plan.stockout'), date(line.stockoutDay), buyStockoutHow(line, t, language) + (own && line.stockoutDemand > 0 ? ` ${t('plan.x.buyStockoutOwn', { own: n(line.ownDailyDemand, language, 2) })}` : '')],
    [t('plan.orderBy'), date(line.orderByDay), Number.isFinite(line.orderByDay) ? [t('plan.x.orderByHow'), ...orderByLanding(line, t, language)].join(' ') : t('plan.x.orderByNone')],
  ];
  return <FigureTable rows={rows.map(([label, value, how]) => [label, label, value, how])} testId="plan-explanation" />;
}

/** How the buy line's projected stockout was found: the network's stock now, what arrives and the forecast until then. */
export function buyStockoutHow(line: BuyLine, t: Translate, language: string): string {
  const figures = { onHand: n(line.networkOnHand, language), arrivals: n(line.stockoutArrivals, language), demand: n(line.stockoutDemand, language) };
  if (Number.isFinite(line.stockoutDay)) return t('plan.x.buyStockoutHow', figures);
  return line.stockoutDemand > 0 ? t('plan.x.buyStockoutNone', figures) : t('plan.x.buyStockoutNoDemand');
}

/**
 * When an order placed on the order-by day reaches the network (the domestic warehouse, after
 * production), against the network's projected stockout, which counts open POs on the same terms;
 * and when it can be at FBA (after the whole buy lead time), which the network's stock hides: the
 * ship lines say when each FBA shelf runs out. Nothing without a stockout.
 */
export function orderByLanding(line: BuyLine, t: Translate, language: string): string[] {
  if (!Number.isFinite(line.stockoutDay)) return [];
  const lead = Math.max(0, Math.round(line.productionDays));
  const landing = line.orderByDay + lead;
  const fbaLead = Math.max(lead, Math.round(line.leadDays));
  const params = { lead: n(lead, language, 0), landing: date(landing), stockout: date(line.stockoutDay), days: n(Math.abs(line.stockoutDay - landing), language, 0), fbaLead: n(fbaLead, language, 0), fba: date(line.orderByDay + fbaLead) };
  if (landing < line.stockoutDay) return [t('plan.x.orderByBeforeStockout', params)];
  return [landing === line.stockoutDay ? t('plan.x.orderByAtStockout', params) : t('plan.x.orderByAfterStockout', params)];
}

