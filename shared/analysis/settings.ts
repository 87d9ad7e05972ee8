// The seller's analysis settings (PRODUCT §6): the ABC thresholds (cumulative shares), what ABC ranks
// by, and the target days of cover the suggested actions clear stock down to. One settings row,
// read back defensively (a restored backup may hold anything).
import { DomainError } from '../errors';
import { DEFAULT_ABC_CUTOFFS } from '../domain';
import { typedText } from '../typedText';

/**
 * What ABC ranks SKUs by (PRODUCT §6): 12-month COGS (the default), revenue (the item prices of
 * imported All Orders lines in the base currency, shared/analysis/revenue.ts) or units sold.
 */
export const ABC_BASES = ['cogs', 'revenue', 'units'] as const;
export type AbcBasis = (typeof ABC_BASES)[number];

/**
 * The bases a ranking made of ledger sales alone can take. The plan's service levels by class
 * (shared/planning/plan.ts) and the count plans by class rank on their own figures and read no
 * order prices: with revenue chosen they rank by COGS (ledgerAbcBasis).
 */
export type LedgerAbcBasis = Exclude<AbcBasis, 'revenue'>;

/** The basis a ledger-only ranking uses for the seller's choice: revenue falls back to COGS, the default. */
export function ledgerAbcBasis(basis: AbcBasis): LedgerAbcBasis {
  return basis === 'revenue' ? 'cogs' : basis;
}

export interface AnalysisSettings {
  /** Cumulative share (0–1) below which a SKU is A, and below which it is B; a ≤ b. */
  abcCutoffA: number;
  abcCutoffB: number;
  abcBasis: AbcBasis;
  /** Days of cover the slow movers' actions clear stock down to, a whole number 1–730. */
  targetCoverDays: number;
}

export const DEFAULT_ANALYSIS_SETTINGS: Readonly<AnalysisSettings> = Object.freeze({
  abcCutoffA: DEFAULT_ABC_CUTOFFS.a,
  abcCutoffB: DEFAULT_ABC_CUTOFFS.b,
  abcBasis: 'cogs',
  targetCoverDays: 90,
});

/** Class A's threshold at least 1%: below it no SKU could be A but the largest alone. */
export const MIN_CUTOFF_PERCENT = 1;

/** Two years: a longer target is a typo, and the plan looks no further ahead. */
export const MAX_TARGET_COVER_DAYS = 730;

/** What the seller typed: the thresholds in percent, the basis, the target in days. */
export interface AnalysisSettingsDraft {
  abcCutoffAPercent: string;
  abcCutoffBPercent: string;
  abcBasis: string;
  targetCoverDays: string;
}

export function isAbcBasis(value: unknown): value is AbcBasis {
  return typeof value === 'string' && (ABC_BASES as readonly string[]).includes(value);
}

/** A typed number: full-width digits (a Chinese input method, typedText) and a decimal comma read as digits and a point. */
function typedNumber(raw: string): { text: string; value: number } {
  const text = typedText(raw).trim().replace(/%$/, '').trim();
  return { text, value: /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN };
}

/**
 * Checks the draft. Class A's threshold is a percentage from 1 to 100; B's is at least A's
 * and at most 100 (B below A would leave no SKU in B and make A's rule meaningless); the target
 * cover is a whole number of days from 1 to 730. Each refusal is a DomainError naming the field and
 * the value, so the form marks that field.
 */
export function parseAnalysisSettingsDraft(draft: AnalysisSettingsDraft): AnalysisSettings {
  // In percent as typed, so a refusal quotes the seller's own numbers.
  const percent = (field: string, raw: string, min: number): number => {
    const { text, value } = typedNumber(raw);
    if (text === '') throw new DomainError('field.required', { field });
    if (!Number.isFinite(value)) throw new DomainError('field.notNumber', { field, value: raw });
    if (value < min || value > 100) throw new DomainError('field.outOfRange', { field, value: raw, min, max: 100 });
    return value;
  };
  const percentA = percent('abcCutoffA', draft.abcCutoffAPercent, MIN_CUTOFF_PERCENT);
  const percentB = percent('abcCutoffB', draft.abcCutoffBPercent, percentA);
  const abcCutoffA = percentA / 100;
  const abcCutoffB = percentB / 100;
  if (!isAbcBasis(draft.abcBasis)) throw new DomainError('field.unknownChoice', { field: 'abcBasis', value: draft.abcBasis });
  const { text, value: targetCoverDays } = typedNumber(draft.targetCoverDays);
  if (text === '') throw new DomainError('field.required', { field: 'targetCoverDays' });
  if (!Number.isFinite(targetCoverDays)) throw new DomainError('field.notNumber', { field: 'targetCoverDays', value: draft.targetCoverDays });
  if (!Number.isInteger(targetCoverDays)) throw new DomainError('field.notInteger', { field: 'targetCoverDays', value: draft.targetCoverDays });
  if (targetCoverDays < 1 || targetCoverDays > MAX_TARGET_COVER_DAYS) throw new DomainError('field.outOfRange', { field: 'targetCoverDays', value: draft.targetCoverDays, min: 1, max: MAX_TARGET_COVER_DAYS });
  return { abcCutoffA, abcCutoffB, abcBasis: draft.abcBasis, targetCoverDays };
}

/** The settings as the form shows them. */
export function analysisSettingsDraftOf(settings: AnalysisSettings): AnalysisSettingsDraft {
  // Rounded so 0.8 shows as 80, not 80.00000000000001.
  const percent = (share: number) => String(Math.round(share * 100_000) / 1000);
  return { abcCutoffAPercent: percent(settings.abcCutoffA), abcCutoffBPercent: percent(settings.abcCutoffB), abcBasis: settings.abcBasis, targetCoverDays: String(settings.targetCoverDays) };
}

/**
 * The stored settings as a ranking of ledger sales alone reads them (the plan's service levels,
 * renderer/db/planning.ts): as storedAnalysisSettings, with revenue ranked by COGS (ledgerAbcBasis).
 */
export function analysisSettingsFrom(stored: unknown): AnalysisSettings & { abcBasis: LedgerAbcBasis } {
  const settings = storedAnalysisSettings(stored);
  return { ...settings, abcBasis: ledgerAbcBasis(settings.abcBasis) };
}

/** A stored value as settings: a part missing or out of range falls back to its default (B below A: both do; an unknown basis: COGS). */
export function storedAnalysisSettings(stored: unknown): AnalysisSettings {
  const result: AnalysisSettings = { ...DEFAULT_ANALYSIS_SETTINGS };
  if (typeof stored !== 'object' || stored === null) return result;
  const fields = new Map<string, unknown>(Object.entries(stored));
  const a = fields.get('abcCutoffA');
  const b = fields.get('abcCutoffB');
  if (typeof a === 'number' && typeof b === 'number' && a >= MIN_CUTOFF_PERCENT / 100 && a <= b && b <= 1) {
    result.abcCutoffA = a;
    result.abcCutoffB = b;
  }
  const basis = fields.get('abcBasis');
  if (isAbcBasis(basis)) result.abcBasis = basis;
  const days = fields.get('targetCoverDays');
  if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_TARGET_COVER_DAYS) result.targetCoverDays = days;
  return result;
}
