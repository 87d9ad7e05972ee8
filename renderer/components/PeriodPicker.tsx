// The period a report covers: a week (Monday to Sunday, as shared/dates and the automatic backups
// count weeks), month, quarter or year around a date, or a custom range. One picker for the period
// report and the analysis, so both read periods the same way.
import { useState } from 'react';
import { isIsoDate, periodContaining } from '../../shared/dates';
import type { DateRange } from '../../shared/dates';
import { today } from '../app/clock';
import { useT } from '../i18n';

const PERIOD_CHOICES = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

function isPeriodChoice(value: string): value is PeriodChoice {
  return (PERIOD_CHOICES as readonly string[]).includes(value);
}

export interface PeriodPickerState {
  choice: PeriodChoice;
  setChoice: (choice: PeriodChoice) => void;
  anchor: string;
  setAnchor: (date: string) => void;
  custom: DateRange;
  setCustom: (range: DateRange) => void;
  /** The period chosen; null while a date typed is not yet a date, or a custom range ends before it starts. */
  range: DateRange | null;
}

/** This month by default; a custom range starts as this month too. */
export function usePeriodPicker(): PeriodPickerState {
  const [choice, setChoice] = useState<PeriodChoice>('month');
  const [anchor, setAnchor] = useState(today);
  const [custom, setCustom] = useState<DateRange>(() => periodContaining('month', today()));
  const range: DateRange | null = choice === 'custom' ? (isIsoDate(custom.from) && isIsoDate(custom.to) && custom.from <= custom.to ? custom : null) : isIsoDate(anchor) ? periodContaining(choice, anchor) : null;
  return { choice, setChoice, anchor, setAnchor, custom, setCustom, range };
}

/** The picker's fields, for a screen's toolbar. */
export function PeriodFields({ picker }: { picker: PeriodPickerState }) {
  const { t } = useT();
  const { choice, setChoice, anchor, setAnchor, custom, setCustom } = picker;
  return (
    <>
      <label className="field">
        <span>{t('report.period')}</span>
        <select value={choice} onChange={(e) => isPeriodChoice(e.target.value) && setChoice(e.target.value)} name="period">
          {PERIOD_CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(`report.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {choice === 'custom' ? (
        <>
          <label className="field">
            <span>{t('field.from')}</span>
            <input type="date" name="from" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('field.to')}</span>
            <input type="date" name="to" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          </label>
        </>
      ) : (
        <label className="field">
          <span>{t('field.date')}</span>
          <input type="date" name="anchor" value={anchor} onChange={(e) => setAnchor(e.target.value)} />
        </label>
      )}
    </>
  );
}
