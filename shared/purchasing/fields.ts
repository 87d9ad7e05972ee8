// Parsers for the purchasing drafts that shared/catalog/fields.ts does not already have: decimals
// (days, kilograms, rates), whole-minor-unit costs, choices, and errors that name the draft line.
import { DomainError, isDomainError, purchasingError } from '../errors';
import { dayNumber } from '../dates';
import type { IsoDate } from '../model';
import { currencyMinorDigits, parseAmountToMinor } from '../money';
import { parseAmount } from '../catalog/fields';
import { typedText } from '../typedText';

/** Plain decimal as typed: `12.5`, `12,5`, `0,138`, `1,234.5`; null when it is not one. Sign allowed. */
function decimalOf(text: string): number | null {
  let cleaned = typedText(text).trim().replace(/[\s\u00a0]/g, '');
  if (/^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  else if (/^[+-]?\d+,\d+$/.test(cleaned)) cleaned = cleaned.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}

/**
 * A decimal ≥ 0 (days, kilograms, cubic metres). Empty text is `emptyValue` when one is given,
 * else a required-field error.
 */
export function parseNonNegativeDecimal(field: string, value: string, emptyValue?: number): number {
  if (value.trim() === '') {
    if (emptyValue === undefined) throw new DomainError('field.required', { field });
    return emptyValue;
  }
  const number = decimalOf(value);
  if (number === null) throw new DomainError('field.notNumber', { field, value });
  if (number < 0) throw new DomainError('field.negative', { field, value });
  return number + 0;
}

/** A decimal > 0 (an exchange rate). */
export function parsePositiveDecimal(field: string, value: string): number {
  const number = parseNonNegativeDecimal(field, value);
  if (number === 0) throw new DomainError('field.notPositive', { field, value });
  return number;
}

/**
 * An amount of money in whole minor units of `currency` (freight, duties, fees): empty is 0, a
 * negative amount or more decimals than the currency has are refused rather than rounded.
 */
export function parseWholeMinor(field: string, value: string, currency: string): number {
  const text = typedText(value).trim();
  if (text === '') return 0;
  if (/^-/.test(text)) throw new DomainError('field.negative', { field, value });
  const minor = parseAmountToMinor(text, currency);
  if (minor === null) throw new DomainError('field.notNumber', { field, value });
  if (!Number.isInteger(minor)) throw purchasingError('field.tooPrecise', { field, value, digits: currencyMinorDigits(currency) });
  return minor;
}

/** A unit cost ≥ 0 in minor units of `currency` (fractions allowed), as parseAmount, naming a negative one as such. */
export function parseUnitCost(field: string, value: string, currency: string): number {
  if (/^\s*-/.test(typedText(value))) throw new DomainError('field.negative', { field, value });
  return parseAmount(field, value, currency);
}

/** One of `choices` (lower-case codes such as 'sea'), as typed, trimmed, any case; empty is `emptyValue` when given. */
export function parseChoice<T extends string>(field: string, value: string, choices: readonly T[], emptyValue?: T): T {
  const text = value.trim();
  if (text === '' && emptyValue !== undefined) return emptyValue;
  if (text === '') throw new DomainError('field.required', { field });
  const choice = choices.find((candidate) => candidate === text.toLowerCase());
  if (choice === undefined) throw purchasingError('field.unknownChoice', { field, value: text });
  return choice;
}

/** Refuses `date` before `earliest`, naming the field. */
export function requireNotBefore(field: string, date: IsoDate, earliest: IsoDate): void {
  if (dayNumber(date) < dayNumber(earliest)) throw purchasingError('field.dateTooEarly', { field, value: date, earliest });
}

/** Runs a line's parsing; a field error it throws gets the 1-based `line` added to its params. */
export function onLine<T>(line: number, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isDomainError(error) && !('line' in error.params)) throw new DomainError(error.code, { ...error.params, line });
    throw error;
  }
}

/** Whether a number is a whole number of units ≥ `min`. */
export function isWholeAtLeast(value: number, min: number): boolean {
  return Number.isInteger(value) && value >= min;
}
