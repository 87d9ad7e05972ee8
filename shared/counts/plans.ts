// Count plans: which SKUs a plan counts, and when its next count is due (PRODUCT §5).
import { addDays, dayNumber, isIsoDate } from '../dates';
import type { AbcClass } from '../domain';
import type { IsoDate } from '../model';
import { DomainError } from '../errors';
import { optionalText, parseWholeNumber, requiredText } from '../catalog/fields';
import type { CountPlan, CountScope, StockCount } from './model';

/** `date` plus whole calendar months; a day past the end of the target month is that month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** A plan shows as due this many days before its due date, so a count can be scheduled. */
export const DUE_SOON_DAYS = 7;

export type DueStatus = 'notDue' | 'due' | 'overdue';

export interface CountDue {
  dueOn: IsoDate;
  status: DueStatus;
  /** Days past the due date (0 unless overdue). */
  daysOverdue: number;
}

/**
 * When a plan's next count is due: `frequencyMonths` after the cut-off of its last posted count, or
 * on the day the plan was made when it was never counted. Due from DUE_SOON_DAYS before that day,
 * overdue from the day after it.
 */
export function countDue(input: { lastCountedOn: IsoDate | null; createdOn: IsoDate; frequencyMonths: number; today: IsoDate }): CountDue {
  const dueOn = input.lastCountedOn === null ? input.createdOn : addMonths(input.lastCountedOn, input.frequencyMonths);
  const late = dayNumber(input.today) - dayNumber(dueOn);
  if (late > 0) return { dueOn, status: 'overdue', daysOverdue: late };
  return { dueOn, status: dayNumber(input.today) >= dayNumber(addDays(dueOn, -DUE_SOON_DAYS)) ? 'due' : 'notDue', daysOverdue: 0 };
}

/** A plan's last posted count (its cut-off; null: never counted) and when the next is due. */
export function planDue(plan: Pick<CountPlan, 'id' | 'createdOn' | 'frequencyMonths'>, counts: readonly Pick<StockCount, 'planId' | 'status' | 'cutoffDate'>[], today: IsoDate): { last: IsoDate | null; due: CountDue } {
  let last: IsoDate | null = null;
  for (const count of counts) if (count.planId === plan.id && count.status === 'posted' && (last === null || count.cutoffDate > last)) last = count.cutoffDate;
  return { last, due: countDue({ lastCountedOn: last, createdOn: plan.createdOn, frequencyMonths: plan.frequencyMonths, today }) };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural, case-insensitive order of bins and codes: A-2 before A-10, a-2 equal to A-2. */
export function compareCodes(a: string, b: string): number {
  return collator.compare(a, b);
}

function compareRaw(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function binInRange(bin: string, fromBin: string, toBin: string): boolean {
  if (bin.trim() === '') return false;
  const from = fromBin.trim();
  const to = toBin.trim();
  return (from === '' || compareCodes(bin, from) >= 0) && (to === '' || compareCodes(bin, to) <= 0);
}

/** A SKU a plan may pick at its location. */
export interface PlanCandidate {
  skuId: number;
  /** Bin at the plan's location ('' when none). */
  bin: string;
  abcClass: AbcClass;
  /** Units on hand at the location at the cut-off. */
  onHandQty: number;
  archived: boolean;
}

/**
 * The SKUs a plan counts. ABC and bin plans take the SKUs that are at the location — on hand at the
 * cut-off, or given a bin there — so an empty shelf that should hold stock is counted too; archived
 * SKUs only while they still have stock. An ad hoc list is counted as given.
 */
export function planSkuIds(scope: CountScope, candidates: readonly PlanCandidate[]): number[] {
  if (scope.kind === 'skus') return [...new Set(scope.skuIds)];
  const atLocation = candidates.filter((c) => c.onHandQty !== 0 || (c.bin.trim() !== '' && !c.archived));
  if (scope.kind === 'abc') return atLocation.filter((c) => c.abcClass === scope.abcClass).map((c) => c.skuId);
  return atLocation.filter((c) => binInRange(c.bin, scope.fromBin, scope.toBin)).map((c) => c.skuId);
}

/** Sheet order: by bin (SKUs without a bin last), then by SKU code. */
export function sortCountLines<T extends { bin: string; code: string }>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => {
    const aNoBin = a.bin.trim() === '';
    const bNoBin = b.bin.trim() === '';
    if (aNoBin !== bNoBin) return aNoBin ? 1 : -1;
    // Raw order last, so the sheet never depends on the order lines came in.
    return compareCodes(a.bin, b.bin) || compareCodes(a.code, b.code) || compareRaw(a.bin, b.bin) || compareRaw(a.code, b.code);
  });
}

/** A count plan as typed in its form. */
export interface CountPlanDraft {
  name: string;
  locationId: number;
  scopeKind: string;
  abcClass: string;
  fromBin: string;
  toBin: string;
  /** Ad hoc plans: SKU codes separated by commas, spaces or lines. */
  skuCodes: string;
  frequencyMonths: string;
}

/** Parses a plan draft; `skuOf` names the SKU of a code (null when there is none). */
export function parseCountPlanDraft(draft: CountPlanDraft, skuOf: (code: string) => number | null): Omit<CountPlan, 'id' | 'createdOn' | 'archived'> {
  const name = requiredText('planName', draft.name, 100);
  if (!(draft.locationId > 0)) throw new DomainError('field.required', { field: 'location' });
  const frequencyMonths = parseWholeNumber('frequencyMonths', draft.frequencyMonths, 1);
  let scope: CountScope;
  if (draft.scopeKind === 'abc') {
    if (draft.abcClass !== 'A' && draft.abcClass !== 'B' && draft.abcClass !== 'C') throw new DomainError('field.unknownChoice', { field: 'abcClass', value: draft.abcClass });
    scope = { kind: 'abc', abcClass: draft.abcClass };
  } else if (draft.scopeKind === 'bins') {
    scope = { kind: 'bins', fromBin: optionalText('fromBin', draft.fromBin, 40), toBin: optionalText('toBin', draft.toBin, 40) };
  } else if (draft.scopeKind === 'skus') {
    const codes = draft.skuCodes.split(/[\s,;]+/).filter((c) => c !== '');
    if (codes.length === 0) throw new DomainError('field.required', { field: 'skuCodes' });
    const skuIds = codes.map((code) => {
      const id = skuOf(code);
      if (id === null) throw new DomainError('field.unknownChoice', { field: 'skuCodes', value: code });
      return id;
    });
    scope = { kind: 'skus', skuIds: [...new Set(skuIds)] };
  } else {
    throw new DomainError('field.unknownChoice', { field: 'scopeKind', value: draft.scopeKind });
  }
  return { name, locationId: draft.locationId, scope, frequencyMonths };
}
