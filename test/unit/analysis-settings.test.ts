// The seller's analysis settings (shared/analysis/settings.ts): a draft is checked field by field and a
// refusal names the field and the value; a stored value is read back with defaults for what is off.
import { describe, expect, test } from 'vitest';
import { ABC_BASES, analysisSettingsDraftOf, analysisSettingsFrom, DEFAULT_ANALYSIS_SETTINGS, ledgerAbcBasis, parseAnalysisSettingsDraft, storedAnalysisSettings } from '../../shared/analysis';
import type { AnalysisSettingsDraft } from '../../shared/analysis';
import { errorOf } from './domainErrorKit';

const draft: AnalysisSettingsDraft = { abcCutoffAPercent: '80', abcCutoffBPercent: '95', abcBasis: 'cogs', targetCoverDays: '90' };

describe('parseAnalysisSettingsDraft', () => {
  test('percentages become shares; full-width digits, a % sign and a decimal comma are read', () => {
    expect(parseAnalysisSettingsDraft(draft)).toEqual({ abcCutoffA: 0.8, abcCutoffB: 0.95, abcBasis: 'cogs', targetCoverDays: 90 });
    expect(parseAnalysisSettingsDraft({ abcCutoffAPercent: '７０', abcCutoffBPercent: '92,5 ％', abcBasis: 'units', targetCoverDays: ' 60 ' })).toEqual({ abcCutoffA: 0.7, abcCutoffB: 0.925, abcBasis: 'units', targetCoverDays: 60 });
    // PRODUCT §6: revenue is a basis the seller may choose.
    expect(parseAnalysisSettingsDraft({ ...draft, abcBasis: 'revenue' })).toEqual({ abcCutoffA: 0.8, abcCutoffB: 0.95, abcBasis: 'revenue', targetCoverDays: 90 });
    expect(ABC_BASES).toEqual(['cogs', 'revenue', 'units']);
    // B may equal A (no class B), and either may be 100.
    expect(parseAnalysisSettingsDraft({ ...draft, abcCutoffAPercent: '100', abcCutoffBPercent: '100' })).toMatchObject({ abcCutoffA: 1, abcCutoffB: 1 });
  });

  test.each([
    { change: { abcCutoffAPercent: '' }, code: 'field.required', params: { field: 'abcCutoffA' } },
    { change: { abcCutoffAPercent: 'eighty' }, code: 'field.notNumber', params: { field: 'abcCutoffA', value: 'eighty' } },
    { change: { abcCutoffAPercent: '0.5' }, code: 'field.outOfRange', params: { field: 'abcCutoffA', value: '0.5', min: 1, max: 100 } },
    { change: { abcCutoffAPercent: '120' }, code: 'field.outOfRange', params: { field: 'abcCutoffA', value: '120', min: 1, max: 100 } },
    // B below A is B's fault: it must be at least A's 80.
    { change: { abcCutoffBPercent: '70' }, code: 'field.outOfRange', params: { field: 'abcCutoffB', value: '70', min: 80, max: 100 } },
    { change: { abcCutoffBPercent: ' ' }, code: 'field.required', params: { field: 'abcCutoffB' } },
    { change: { abcBasis: 'margin' }, code: 'field.unknownChoice', params: { field: 'abcBasis', value: 'margin' } },
    { change: { abcBasis: 'Revenue' }, code: 'field.unknownChoice', params: { field: 'abcBasis', value: 'Revenue' } },
    { change: { targetCoverDays: '' }, code: 'field.required', params: { field: 'targetCoverDays' } },
    { change: { targetCoverDays: '12.5' }, code: 'field.notInteger', params: { field: 'targetCoverDays', value: '12.5' } },
    { change: { targetCoverDays: '0' }, code: 'field.outOfRange', params: { field: 'targetCoverDays', value: '0', min: 1, max: 730 } },
    { change: { targetCoverDays: '1000' }, code: 'field.outOfRange', params: { field: 'targetCoverDays', value: '1000', min: 1, max: 730 } },
    { change: { targetCoverDays: '3 months' }, code: 'field.notNumber', params: { field: 'targetCoverDays', value: '3 months' } },
    // Only the full-width block reads as digits: a superscript is no 2.
    { change: { targetCoverDays: '9²' }, code: 'field.notNumber', params: { field: 'targetCoverDays', value: '9²' } },
  ])('refuses $change', ({ change, code, params }) => {
    expect(errorOf(() => parseAnalysisSettingsDraft({ ...draft, ...change }))).toEqual({ code, params });
  });

  test('the form shows the settings as percentages and days, and they read back the same', () => {
    const shown = analysisSettingsDraftOf({ abcCutoffA: 0.7, abcCutoffB: 0.925, abcBasis: 'units', targetCoverDays: 45 });
    expect(shown).toEqual({ abcCutoffAPercent: '70', abcCutoffBPercent: '92.5', abcBasis: 'units', targetCoverDays: '45' });
    expect(parseAnalysisSettingsDraft(shown)).toEqual({ abcCutoffA: 0.7, abcCutoffB: 0.925, abcBasis: 'units', targetCoverDays: 45 });
  });
});

describe('storedAnalysisSettings and analysisSettingsFrom', () => {
  test.each([
    { stored: undefined, expected: DEFAULT_ANALYSIS_SETTINGS },
    { stored: 'junk', expected: DEFAULT_ANALYSIS_SETTINGS },
    { stored: { abcCutoffA: 0.6, abcCutoffB: 0.9, abcBasis: 'units', targetCoverDays: 60 }, expected: { abcCutoffA: 0.6, abcCutoffB: 0.9, abcBasis: 'units', targetCoverDays: 60 } },
    // B below A: both thresholds fall back together; the rest stays.
    { stored: { abcCutoffA: 0.9, abcCutoffB: 0.6, abcBasis: 'units', targetCoverDays: 60 }, expected: { abcCutoffA: 0.8, abcCutoffB: 0.95, abcBasis: 'units', targetCoverDays: 60 } },
    // An unknown basis (a later version's, or a typo in a restored backup) falls back to the default, COGS.
    { stored: { abcCutoffA: 0.8, abcCutoffB: 1.5, abcBasis: 'margin', targetCoverDays: 12.5 }, expected: DEFAULT_ANALYSIS_SETTINGS },
    { stored: { abcCutoffA: 0.6, abcCutoffB: 0.9, abcBasis: 42, targetCoverDays: 60 }, expected: { abcCutoffA: 0.6, abcCutoffB: 0.9, abcBasis: 'cogs', targetCoverDays: 60 } },
  ])('reads $stored', ({ stored, expected }) => {
    expect(storedAnalysisSettings(stored)).toEqual(expected);
    expect(analysisSettingsFrom(stored)).toEqual(expected);
  });

  test('revenue is kept as chosen; a ranking of the ledger alone (the plan) reads it as COGS', () => {
    const stored = { abcCutoffA: 0.7, abcCutoffB: 0.9, abcBasis: 'revenue', targetCoverDays: 60 };
    expect(storedAnalysisSettings(stored)).toEqual({ abcCutoffA: 0.7, abcCutoffB: 0.9, abcBasis: 'revenue', targetCoverDays: 60 });
    expect(analysisSettingsFrom(stored)).toEqual({ abcCutoffA: 0.7, abcCutoffB: 0.9, abcBasis: 'cogs', targetCoverDays: 60 });
    expect(ABC_BASES.map(ledgerAbcBasis)).toEqual(['cogs', 'cogs', 'units']);
  });
});
