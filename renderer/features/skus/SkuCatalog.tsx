import { useDeferredValue, useMemo, useState } from 'react';
import { minorToAmountNumber, minorToAmountText } from '../../../shared/money';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { db, setSkuArchived } from '../../db';
import type { SkuRecord } from '../../db';
import { useSettings, useSkus } from '../../app/hooks';
import { useUi } from '../../app/store';
import { nowIso } from '../../app/clock';
import { useT } from '../../i18n';
import { SkuForm } from './SkuForm';

export function SkuCatalog() {
  const { t, describe } = useT();
  const skus = useSkus();
  const settings = useSettings();
  const editing = useUi((s) => s.editingSku);
  const editSku = useUi((s) => s.editSku);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const deferredQuery = useDeferredValue(query);

  const visible = useMemo(() => {
    const q = deferredQuery.trim().toUpperCase();
    return (skus ?? []).filter(
      (s) => (showArchived || !s.archived) && (q === '' || s.codeKey.includes(q) || s.name.toUpperCase().includes(q) || s.barcode.includes(q)),
    );
  }, [skus, deferredQuery, showArchived]);

  const toggleArchive = async (sku: SkuRecord) => {
    try {
      await setSkuArchived(db, sku.id, !sku.archived, nowIso());
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const columns: Column<SkuRecord>[] = [
    { id: 'code', header: t('field.code'), width: 'minmax(8rem, 1fr)', cell: (s) => s.code, sortValue: (s) => s.codeKey, csv: (s) => s.code },
    { id: 'name', header: t('field.name'), width: 'minmax(12rem, 2fr)', cell: (s) => s.name, sortValue: (s) => s.name, csv: (s) => s.name },
    {
      id: 'cost',
      header: t('field.unitCost'),
      width: '8rem',
      align: 'end',
      cell: (s) => `${minorToAmountText(s.unitCostMinor, s.costCurrency)} ${s.costCurrency}`,
      sortValue: (s) => s.unitCostMinor,
      // In the SKU's own cost currency, as shown, with that currency in the next column.
      csv: (s) => minorToAmountNumber(s.unitCostMinor, s.costCurrency),
      csvMore: [{ header: t('field.costCurrency'), value: (s) => s.costCurrency }],
    },
    { id: 'casePack', header: t('field.casePack'), width: '7rem', align: 'end', cell: (s) => s.casePack, sortValue: (s) => s.casePack, csv: (s) => s.casePack },
    { id: 'moq', header: t('field.moq'), width: '6rem', align: 'end', cell: (s) => s.moq, sortValue: (s) => s.moq, csv: (s) => s.moq },
    { id: 'barcode', header: t('field.barcode'), width: '9rem', cell: (s) => s.barcode, csv: (s) => s.barcode },
    {
      id: 'actions',
      header: t('common.actions'),
      width: '11rem',
      cell: (s) => (
        <>
          <button type="button" className="btn btn--small" onClick={() => editSku(s.id)} aria-label={`${t('common.edit')} ${s.code}`}>
            {t('common.edit')}
          </button>{' '}
          <button type="button" className="btn btn--small" onClick={() => void toggleArchive(s)}>
            {s.archived ? t('skus.unarchive') : t('skus.archive')}
          </button>
        </>
      ),
    },
  ];

  const editingSku = typeof editing === 'number' ? skus?.find((s) => s.id === editing) : undefined;

  return (
    <section aria-labelledby="skus-title">
      <h1 id="skus-title">{t('skus.title')}</h1>
      {editing !== null && (editing === 'new' || editingSku) ? (
        <SkuForm
          key={String(editing)}
          sku={editingSku}
          baseCurrency={settings.baseCurrency}
          onDone={(result) => {
            editSku(null);
            setStatus(result);
          }}
        />
      ) : null}
      <div className="toolbar">
        <button type="button" className="btn btn--primary" onClick={() => editSku('new')}>
          {t('skus.new')}
        </button>
        <input type="search" aria-label={t('common.search')} placeholder={t('common.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <label>
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('skus.showArchived')}
        </label>
        <span className="muted">{t('skus.count', { count: visible.length })}</span>
      </div>
      <StatusLine status={status} />
      <DataTable
        label={t('skus.title')}
        testId="skus"
        rows={visible}
        columns={columns}
        rowKey={(s) => s.id}
        onActivate={(s) => editSku(s.id)}
        csv={{ fileStem: 'skus', onError: (error) => setStatus({ kind: 'error', text: describe(error) }) }}
        emptyText={skus === undefined ? t('common.loading') : t('stock.empty.body')}
      />
    </section>
  );
}
