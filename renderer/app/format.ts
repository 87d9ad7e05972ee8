import { formatMoney } from '../../shared/money';
import type { Language } from '../../shared/model';

export function formatQty(qty: number, language: Language): string {
  return new Intl.NumberFormat(language).format(qty);
}

export function formatValue(minor: number, currency: string, language: Language): string {
  return formatMoney(minor, currency, language);
}
