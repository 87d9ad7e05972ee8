// The seller's ABC thresholds, ABC basis and target days of cover (PRODUCT §6): checked by
// shared/analysis/settings.ts; a refusal names its field, marks and focuses it, and saves nothing.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { DomainError } from '../../../shared/errors';
import { ABC_BASES, analysisSettingsDraftOf } from '../../../shared/analysis';
import type { AnalysisSettings, AnalysisSettingsDraft } from '../../../shared/analysis';
import { db } from '../../db';
import { saveAnalysisSettings } from '../../db/analysis';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { useT } from '../../i18n';

export function AnalysisSettingsForm({ stored }: { stored: AnalysisSettings }) {
  const { t, describe } = useT();
  const [draft, setDraft] = useState<AnalysisSettingsDraft | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [badField, setBadField] = useState<string | null>(null);
  const shown = draft ?? analysisSettingsDraftOf(stored);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Kept before the await: React clears currentTarget once the handler returns.
    const form = event.currentTarget;
    try {
      await saveAnalysisSettings(db, shown);
      setDraft(null);
      setBadField(null);
      setStatus({ kind: 'ok', text: t('analysis.settings.saved') });
    } catch (error) {
      const field = error instanceof DomainError && typeof error.params.field === 'string' ? error.params.field : null;
      setBadField(field);
      setStatus({ kind: 'error', text: describe(error) });
      const input = field ? form.elements.namedItem(field) : null;
      if (input instanceof HTMLElement) input.focus();
    }
  };

  return (
    <section className="panel" aria-labelledby="analysis-settings-title">
      <h2 id="analysis-settings-title">{t('analysis.settings.title')}</h2>
      <form onSubmit={(e) => void save(e)} aria-label={t('analysis.settings.title')} data-testid="analysis-settings">
        <div className="form-grid">
          <Field label={t('field.abcCutoffA')}>
            {(id) => <input id={id} name="abcCutoffA" inputMode="decimal" aria-invalid={badField === 'abcCutoffA'} value={shown.abcCutoffAPercent} onChange={(e) => setDraft({ ...shown, abcCutoffAPercent: e.target.value })} />}
          </Field>
          <Field label={t('field.abcCutoffB')}>
            {(id) => <input id={id} name="abcCutoffB" inputMode="decimal" aria-invalid={badField === 'abcCutoffB'} value={shown.abcCutoffBPercent} onChange={(e) => setDraft({ ...shown, abcCutoffBPercent: e.target.value })} />}
          </Field>
          <Field label={t('field.abcBasis')} hint={t('analysis.settings.basisHint')}>
            {(id, hint) => (
              <select id={id} name="abcBasis" aria-describedby={hint} aria-invalid={badField === 'abcBasis'} value={shown.abcBasis} onChange={(e) => setDraft({ ...shown, abcBasis: e.target.value })}>
                {ABC_BASES.map((basis) => (
                  <option key={basis} value={basis}>
                    {t(`analysis.basis.${basis}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('field.targetCoverDays')}>
            {(id) => <input id={id} name="targetCoverDays" inputMode="numeric" aria-invalid={badField === 'targetCoverDays'} value={shown.targetCoverDays} onChange={(e) => setDraft({ ...shown, targetCoverDays: e.target.value })} />}
          </Field>
          <button type="submit" className="btn">
            {t('common.save')}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
    </section>
  );
}
