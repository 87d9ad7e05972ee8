// Suppliers: who the seller buys from, in which currency, how long they take to produce, their MOQ.
// The stock status export (VMI) tells a supplier what is on hand, on the way and selling.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Supplier } from '../../../shared/model';
import { db } from '../../db';
import { saveSupplier } from '../../db/purchasing';
import type { SupplierDraft } from '../../db/purchasing';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { useSuppliers } from '../../app/hooks';
import { useT } from '../../i18n';
import { SupplierStockStatus } from './SupplierStockStatus';

const emptyDraft = (currency: string): SupplierDraft => ({ name: '', contact: '', currency, productionDaysMean: '30', productionDaysSd: '5', moq: '0', paymentTerms: '' });

export function Suppliers() {
  const { t, language, describe } = useT();
  const suppliers = useSuppliers();
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<SupplierDraft>(emptyDraft('CNY'));
  const [status, setStatus] = useState<Status>(null);
  const [statusFor, setStatusFor] = useState<Supplier | null>(null);

  const set = (key: keyof SupplierDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await saveSupplier(db, draft, editing ?? undefined);
      setStatus({ kind: 'ok', text: t('suppliers.saved', { name: draft.name.trim() }) });
      setEditing(null);
      setDraft(emptyDraft(draft.currency));
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const edit = (s: Supplier) => {
    setEditing(s.id);
    setDraft({ name: s.name, contact: s.contact, currency: s.currency, productionDaysMean: String(s.productionDaysMean), productionDaysSd: String(s.productionDaysSd), moq: String(s.moq), paymentTerms: s.paymentTerms });
  };

  const columns: Column<Supplier>[] = [
    { id: 'name', header: t('field.name'), width: 'minmax(12rem, 2fr)', cell: (s) => s.name, sortValue: (s) => s.name, csv: (s) => s.name },
    { id: 'contact', header: t('suppliers.contact'), width: 'minmax(10rem, 2fr)', cell: (s) => s.contact, csv: (s) => s.contact },
    { id: 'currency', header: t('field.currency'), width: '6rem', cell: (s) => s.currency, csv: (s) => s.currency },
    { id: 'lead', header: t('suppliers.productionDays'), width: '9rem', align: 'end',       cell: (s) => `${s.productionDaysMean.toLocaleString(language)} ± ${s.productionDaysSd.toLocaleString(language)}`,
      csv: (s) => s.productionDaysMean,
      csvHeader: t('suppliers.productionDaysMean'),
      csvMore: [{ header: t('suppliers.productionDaysSd'), value: (s) => s.productionDaysSd }],
    },
    { id: 'moq', header: t('field.moq'), width: '6rem', align: 'end', cell: (s) => s.moq.toLocaleString(language), csv: (s) => s.moq },
    {
      id: 'actions',
      header: t('common.actions'),
      width: '14rem',
      cell: (s) => (
        <>
          <button type="button" className="btn btn--small" onClick={() => edit(s)}>
            {t('common.edit')}
          </button>{' '}
          <button type="button" className="btn btn--small" onClick={() => setStatusFor(s)}>
            {t('suppliers.stockStatus')}
          </button>
        </>
      ),
    },
  ];

  const text = (key: keyof SupplierDraft, label: string, type = 'text') => (
    <Field label={label}>{(id) => <input id={id} name={key} type={type} value={draft[key]} onChange={(e) => set(key)(e.target.value)} />}</Field>
  );

  return (
    <section aria-labelledby="suppliers-title">
      <h1 id="suppliers-title">{t('suppliers.title')}</h1>
      <form className="panel" onSubmit={submit} aria-label={editing === null ? t('suppliers.new') : t('suppliers.edit')}>
        <div className="form-grid">
          {text('name', t('field.name'))}
          {text('contact', t('suppliers.contact'))}
          {text('currency', t('field.currency'))}
          {text('productionDaysMean', t('suppliers.productionDaysMean'))}
          {text('productionDaysSd', t('suppliers.productionDaysSd'))}
          {text('moq', t('field.moq'))}
          {text('paymentTerms', t('suppliers.paymentTerms'))}
          <button type="submit" className="btn btn--primary">
            {editing === null ? t('suppliers.new') : t('common.save')}
          </button>
          {editing !== null ? (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setEditing(null);
                setDraft(emptyDraft(draft.currency));
              }}
            >
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
        <StatusLine status={status} />
      </form>
      <DataTable label={t('suppliers.title')} testId="suppliers" rows={suppliers ?? []} columns={columns} rowKey={(s) => s.id} emptyText={t('suppliers.none')} height="40vh" csv={{ fileStem: 'suppliers', onError: (error) => setStatus({ kind: 'error', text: describe(error) }) }} />
      {statusFor ? <SupplierStockStatus supplier={statusFor} onClose={() => setStatusFor(null)} /> : null}
    </section>
  );
}
