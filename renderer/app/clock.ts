// "Today" for the app. End-to-end tests set `stockpilot.today` in localStorage to move the clock.
import { isIsoDate } from '../../shared/dates';
import type { IsoDate } from '../../shared/model';

export function today(): IsoDate {
  const override = window.localStorage.getItem('stockpilot.today');
  if (isIsoDate(override)) return override;
  return localDate(new Date());
}

/** The seller's calendar day of a moment (an ISO timestamp is UTC: 07:00 in Shanghai is the day before in UTC). */
export function localDate(moment: Date): IsoDate {
  const local = new Date(moment.getTime() - moment.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export function nowIso(): string {
  return new Date().toISOString();
}
