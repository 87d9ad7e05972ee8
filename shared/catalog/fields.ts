// Parsing of what a seller types. Each failure names the field and the value, so the message can say
// exactly what to fix; nothing is written until every field parses.
import { DomainError } from '../errors';
import { isIsoDate } from '../dates';
import { isCurrencyCode, parseAmountToMinor } from '../money';
import { typedText } from '../typedText';

export function requiredText(field: string, value: string, maxLength = 200): string {
  const text = value.trim();
  if (text === '') throw new DomainError('field.required', { field });
  if (text.length > maxLength) throw new DomainError('field.tooLong', { field, max: maxLength });
  return text;
}

export function optionalText(field: string, value: string | undefined, maxLength = 200): string {
  const text = (value ?? '').trim();
  if (text.length > maxLength) throw new DomainError('field.tooLong', { field, max: maxLength });
  return text;
}

/** A whole number of units, at least `min`. Accepts `1,200` as twelve hundred. */
export function parseWholeNumber(field: string, value: string | number, min: number): number {
  const text = typedText(value).trim().replace(/,(?=\d{3}\b)/g, '');
  if (text === '') throw new DomainError('field.required', { field });
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) throw new DomainError('field.notNumber', { field, value: String(value) });
  const number = Number(text);
  if (!Number.isInteger(number)) throw new DomainError('field.notInteger', { field, value: String(value) });
  if (number < min) {
    throw new DomainError(min > 0 ? 'field.notPositive' : 'field.negative', { field, value: String(value) });
  }
  return number;
}

/** A signed whole number that is not zero (an adjustment). */
export function parseNonZeroWholeNumber(field: string, value: string | number): number {
  const text = typedText(value).trim();
  if (text === '') throw new DomainError('field.required', { field });
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) throw new DomainError('field.notNumber', { field, value: text });
  const number = Number(text);
  if (!Number.isInteger(number)) throw new DomainError('field.notInteger', { field, value: text });
  if (number === 0) throw new DomainError('field.notPositive', { field, value: text });
  return number;
}

export function parseAmount(field: string, value: string, currency: string): number {
  if (value.trim() === '') throw new DomainError('field.required', { field });
  const minor = parseAmountToMinor(value, currency);
  if (minor === null) throw new DomainError('field.notNumber', { field, value });
  return minor;
}

export function parseCurrency(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code)) throw new DomainError('field.badCurrency', { field, value });
  return code;
}

export function parseDate(field: string, value: string): string {
  const text = typedText(value).trim();
  if (!isIsoDate(text)) throw new DomainError('field.badDate', { field, value });
  return text;
}
