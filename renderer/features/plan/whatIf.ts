// The what-if form's input, read the way a seller types it, and what a what-if changes against the
// plan it was run on. Pure (no DOM), so both are tested in Node.
import type { IsoDate } from '../../../shared/model';
import type { ShipLine } from '../../../shared/planning/plan';

export interface WhatIfDraft {
  delayDays: string;
  percent: string;
  from: IsoDate;
  to: IsoDate;
}

export interface WhatIfRequest {
  delayDays: number;
  uplift?: { from: IsoDate; to: IsoDate; percent: number };
}

/** Which field is wrong; the page names it in the message. */
export type WhatIfProblem = { field: 'delayDays'; value: string } | { field: 'percent'; value: string } | { field: 'dates'; from: IsoDate; to: IsoDate };

/**
 * Reads the form: blank is 0 for both numbers; full-width digits (typed with a Chinese input method)
 * and a trailing % are accepted, as in the events form. Days are whole and not negative; demand may
 * fall, but not by 100% or more. The dates matter only with an uplift.
 */
export function parseWhatIf(draft: WhatIfDraft): { request: WhatIfRequest } | { problem: WhatIfProblem } {
  const delayText = draft.delayDays.normalize('NFKC').trim();
  const delayDays = delayText === '' ? 0 : Number(delayText);
  if (!Number.isInteger(delayDays) || delayDays < 0) return { problem: { field: 'delayDays', value: draft.delayDays } };
  const percentText = draft.percent.normalize('NFKC').trim().replace(/\s*%$/, '');
  const percent = percentText === '' ? 0 : Number(percentText);
  if (!Number.isFinite(percent) || percent <= -100) return { problem: { field: 'percent', value: draft.percent } };
  if (percent === 0) return { request: { delayDays } };
  if (!draft.from || !draft.to || draft.to < draft.from) return { problem: { field: 'dates', from: draft.from, to: draft.to } };
  return { request: { delayDays, uplift: { from: draft.from, to: draft.to, percent } } };
}

export interface WhatIfChanges {
  /** Per what-if ship line: the plan's own projected stockout day for the same SKU and destination (NaN: none). */
  planStockoutDay: Float64Array;
  /** What-if lines that stock out only because of the what-if: no stockout in the plan, or a later one. */
  caused: Set<number>;
  /** Of those, the lines whose bridge lands in time: air (shipAir) or a near 3PL's shipment (shipNear), by the stockout day (today + its lead time). */
  bridged: number;
}

/** Compares a what-if's ship lines with the plan's, matched by SKU and destination; `todayDay` is the plan's day. */
export function whatIfChanges(plan: readonly ShipLine[], whatIf: readonly ShipLine[], todayDay: number): WhatIfChanges {
  const planDay = new Map<string, number>();
  for (const line of plan) planDay.set(`${line.skuId}|${line.locationId}`, line.stockoutDay);
  const planStockoutDay = new Float64Array(whatIf.length);
  const caused = new Set<number>();
  let bridged = 0;
  whatIf.forEach((line, index) => {
    const before = planDay.get(`${line.skuId}|${line.locationId}`) ?? Number.NaN;
    planStockoutDay[index] = before;
    if (Number.isFinite(line.stockoutDay) && (!Number.isFinite(before) || line.stockoutDay < before)) {
      caused.add(index);
      // Air sent today lands after its lead time: a stockout before then is not prevented.
      if ((line.shipAir > 0 && line.stockoutDay - todayDay >= line.airLeadDays) || (line.shipNear > 0 && line.stockoutDay - todayDay >= line.nearLeadDays)) bridged++;
    }
  });
  return { planStockoutDay, caused, bridged };
}
