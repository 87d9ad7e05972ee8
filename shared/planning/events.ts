// Seller events (PRODUCT §4.2): Prime Day, Black Friday, a promotion — "+N% for these dates". The
// forecast multiplies future demand by an event's factor, and divides past demand by it so a past
// promotion does not read as a lasting rise.
import { dayNumber } from '../dates';
import { DomainError, purchasingError } from '../errors';
import { parseDate, requiredText } from '../catalog/fields';
import { MARKETPLACES } from '../model';
import { typedText } from '../typedText';

export interface DemandEvent {
  id: number;
  name: string;
  /** First and last day of the event, inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
  /** +N% as a fraction, e.g. 0.3 = +30% */
  uplift: number;
  /** null = every SKU */
  skuIds: number[] | null;
  /** null = every marketplace */
  marketplace: string | null;
}

export interface DemandEventDraft {
  name: string;
  from: string;
  to: string;
  /** As typed: `30`, `+30`, `30%`, `-20`, `12,5`. */
  upliftPercent: string;
  skuIds: number[] | null;
  marketplace: string | null;
}

/** A signed percentage as typed: optional sign (`+`, `-`, `−`), digits with `.` or `,` decimals, optional `%`; null when not one. */
function percentOf(text: string): number | null {
  const match = /^([+\-\u2212]?)\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*%?$/.exec(typedText(text).trim());
  if (!match) return null;
  const magnitude = Number(match[2]!.replace(',', '.'));
  return match[1] === '' || match[1] === '+' ? magnitude : -magnitude;
}

function requiredDate(field: string, value: string): string {
  if (value.trim() === '') throw new DomainError('field.required', { field });
  return parseDate(field, value);
}

/**
 * Checks what the seller typed for an event. Name required; dates valid with `to` ≥ `from`; uplift a
 * percentage above −100% (−100% would mean no demand at all, and below it negative demand); SKU ids,
 * when given, a non-empty list of positive whole numbers; marketplace blank (every marketplace) or a
 * known one. Each refusal is a DomainError naming the field.
 */
export function parseDemandEventDraft(draft: DemandEventDraft): Omit<DemandEvent, 'id'> {
  const name = requiredText('name', draft.name, 100);
  const from = requiredDate('from', draft.from);
  const to = requiredDate('to', draft.to);
  if (dayNumber(to) < dayNumber(from)) throw purchasingError('field.dateTooEarly', { field: 'to', value: to, earliest: from });

  const upliftText = draft.upliftPercent.trim();
  if (upliftText === '') throw new DomainError('field.required', { field: 'uplift' });
  const percent = percentOf(upliftText);
  if (percent === null) throw new DomainError('field.notNumber', { field: 'uplift', value: draft.upliftPercent });
  if (percent <= -100) throw new DomainError('field.notAbove', { field: 'uplift', value: draft.upliftPercent, min: '−100%' });

  let skuIds: number[] | null = null;
  if (draft.skuIds !== null) {
    if (draft.skuIds.length === 0) throw new DomainError('field.required', { field: 'sku' });
    const bad = draft.skuIds.find((id) => !Number.isInteger(id) || id <= 0);
    if (bad !== undefined) throw new DomainError('field.notPositive', { field: 'sku', value: String(bad) });
    skuIds = [...new Set(draft.skuIds)].sort((a, b) => a - b);
  }

  let marketplace: string | null = null;
  const marketplaceText = (draft.marketplace ?? '').trim().toUpperCase();
  if (marketplaceText !== '') {
    if (!(MARKETPLACES as readonly string[]).includes(marketplaceText)) throw purchasingError('field.unknownChoice', { field: 'marketplace', value: draft.marketplace ?? '' });
    marketplace = marketplaceText;
  }

  return { name, from, to, uplift: percent / 100, skuIds, marketplace };
}

/**
 * Per-day multiplicative factors (1 = no event) for a SKU × marketplace over a window; overlapping
 * events multiply (+30% and +10% on one day give 1.3 × 1.1 = 1.43). An event applies when its SKU
 * list is null or holds the SKU and its marketplace is null or the same (any case).
 */
export function eventFactors(events: readonly DemandEvent[], skuId: number, marketplace: string, firstDay: number, days: number): Float32Array {
  return eventFactorsIfAny(events, skuId, marketplace, firstDay, days) ?? new Float32Array(days).fill(1);
}

/** eventFactors, or undefined when no event falls on a day of the window for this SKU × marketplace (every factor 1). */
export function eventFactorsIfAny(events: readonly DemandEvent[], skuId: number, marketplace: string, firstDay: number, days: number): Float32Array | undefined {
  let factors: Float32Array | undefined;
  const market = marketplace.trim().toUpperCase();
  for (const event of events) {
    if (event.skuIds !== null && !event.skuIds.includes(skuId)) continue;
    if (event.marketplace !== null && event.marketplace.trim().toUpperCase() !== market) continue;
    const from = Math.max(dayNumber(event.from) - firstDay, 0);
    const to = Math.min(dayNumber(event.to) - firstDay, days - 1);
    if (from > to) continue;
    factors ??= new Float32Array(days).fill(1);
    const factor = 1 + event.uplift;
    for (let d = from; d <= to; d++) factors[d]! *= factor;
  }
  return factors;
}
