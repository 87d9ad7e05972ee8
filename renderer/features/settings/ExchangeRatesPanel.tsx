// Dated exchange rates: a purchase order in a supplier's currency is received at the rate in force
// on the receipt date (the latest rate dated on or before it).
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ExchangeRate } from '../../../shared/model';
import { db } from '../../db';
import { saveExchangeRate } from '../../db/purchasing';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { CsvColumn } from '../../components/tableCsv';
import { useExchangeRates, useSettings } from '../../app/hooks';
import { today } from '../../app/clock';
import { useT } from '../../i18n';

export function ExchangeRatesPanel() {
  const { t, language, describe } = useT();
  const rates = useExchangeRates();
  const { baseCurrency } = useSettings();
  const [draft, setDraft] = useState({ currency: 'CNY', date: today(), rate: '' });
  const [status, setStatus] = useState<Status>(null);

  const csvColumns: CsvColumn<ExchangeRate>[] = [
    { header: t('field.currency'), value: (r) => r.currency },
    { header: t('rates.date'), value: (r) => r.date },
    { header: t('rates.rate', { base: baseCurrency }), value: (r) => r.rate },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await saveExchangeRate(db, draft);
      setStatus({ kind: 'ok', text: t('rates.saved', { currency: draft.currency.toUpperCase(), date: draft.date }) });
      setDraft({ ...draft, rate: '' });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  return (
    <section className="panel" aria-labelledby="rates-title">
      <h2 id="rates-title">{t('rates.title')}</h2>
      <p className="muted">{t('rates.help', { base: baseCurrency })}</p>
      <form onSubmit={submit} aria-label={t('rates.title')}>
        <div className="form-grid">
          <Field label={t('field.currency')}>{(id) => <input id={id} name="rateCurrency" value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() })} />}</Field>
          <Field label={t('rates.date')}>{(id) => <input id={id} name="rateDate" type="date" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />}</Field>
          <Field label={t('rates.rate', { base: baseCurrency })}>{(id) => <input id={id} name="rate" inputMode="decimal" value={draft.rate} onChange={(e) => setDraft({ ...draft, rate: e.target.value })} />}</Field>
          <button type="submit" className="btn">
            {t('common.save')}
          </button>
        </div>
        <StatusLine status={status} />
      </form>
      {rates && rates.length > 0 ? (
        <div className="toolbar">
          <ExportCsvButton fileStem="exchange-rates" onError={(error) => setStatus({ kind: 'error', text: describe(error) })} tableLabel={t('rates.title')} columns={csvColumns} rows={() => rates} testId="rates-export" />
        </div>
      ) : null}
      {rates && rates.length > 0 ? (
        <table className="data-table--plain" aria-label={t('rates.title')} data-testid="rates">
          <thead>
            <tr>
              <th scope="col">{t('field.currency')}</th>
              <th scope="col">{t('rates.date')}</th>
              <th scope="col">{t('rates.rate', { base: baseCurrency })}</th>
            </tr>
          </thead>
          <tbody>
            {rates.map((r) => (
              <tr key={r.id}>
                <td>{r.currency}</td>
                <td>{r.date}</td>
                <td className="num">{r.rate.toLocaleString(language, { maximumFractionDigits: 8 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
