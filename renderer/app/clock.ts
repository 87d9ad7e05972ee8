// "Today" for the app. End-to-end tests set `stockpilot.today` in localStorage to move the clock.
import { isIsoDate } from '../../shared/dates';
import type { IsoDate } from '../../shared/model';

export function today(): IsoDate {
  const override = window.localStorage.getItem('stockpilot.today');
  if (isIsoDate(override)) return override;
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export function nowIso(): string {
  return new Date().toISOString();
}
