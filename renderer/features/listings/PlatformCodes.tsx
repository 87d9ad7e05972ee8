import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { MARKETPLACES } from '../../../shared/model';
import { DomainError } from '../../../shared/errors';
import { db, deleteListing, saveListing } from '../../db';
import type { ListingRecord } from '../../db';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { SkuPicker, skuIdForCode } from '../../components/SkuPicker';
import { useById, useSkus } from '../../app/hooks';
import { useT } from '../../i18n';

const EMPTY = { skuCode: '', marketplace: 'US', sellerSku: '', asin: '', fnsku: '', unitsPerListing: '1' };

export function PlatformCodes() {
  const { t, describe } = useT();
  const skus = useSkus();
  const skuById = useById(skus);
  const listings = useLiveQuery(() => db.listings.toArray(), []);
  const [draft, setDraft] = useState(EMPTY);
  const [editingId, setEditingId] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<Status>(null);
  const set = (key: keyof typeof EMPTY) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const skuId = skuIdForCode(skus ?? [], draft.skuCode);
      if (!skuId) throw new DomainError('field.required', { field: 'sku' });
      await saveListing(db, { ...draft, skuId }, editingId);
      setDraft(EMPTY);
      setEditingId(undefined);
      setStatus({ kind: 'ok', text: t('listings.saved') });
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const edit = (listing: ListingRecord) => {
    setEditingId(listing.id);
    setDraft({
      skuCode: skuById.get(listing.skuId)?.code ?? '',
      marketplace: listing.marketplace,
      sellerSku: listing.sellerSku,
      asin: listing.asin,
      fnsku: listing.fnsku,
      unitsPerListing: String(listing.unitsPerListing),
    });
  };

  const columns: Column<ListingRecord>[] = [
    { id: 'sku', header: t('field.sku'), width: 'minmax(8rem,1fr)', cell: (l) => skuById.get(l.skuId)?.code ?? '?', sortValue: (l) => skuById.get(l.skuId)?.code ?? '' },
    { id: 'marketplace', header: t('field.marketplace'), width: '7rem', cell: (l) => l.marketplace, sortValue: (l) => l.marketplace },
    { id: 'sellerSku', header: t('field.sellerSku'), width: 'minmax(8rem,1fr)', cell: (l) => l.sellerSku, sortValue: (l) => l.sellerSku },
    { id: 'asin', header: t('field.asin'), width: '8rem', cell: (l) => l.asin, sortValue: (l) => l.asin },
    { id: 'fnsku', header: t('field.fnsku'), width: '8rem', cell: (l) => l.fnsku, sortValue: (l) => l.fnsku },
    { id: 'units', header: t('field.unitsPerListing'), width: '7rem', align: 'end', cell: (l) => l.unitsPerListing },
    {
      id: 'actions',
      header: t('common.actions'),
      width: '10rem',
      cell: (l) => (
        <>
          <button type="button" className="btn btn--small" onClick={() => edit(l)}>
            {t('common.edit')}
          </button>{' '}
          <button type="button" className="btn btn--small" onClick={() => void deleteListing(db, l.id).catch((e: unknown) => setStatus({ kind: 'error', text: describe(e) }))}>
            {t('common.delete')}
          </button>
        </>
      ),
    },
  ];

  return (
    <section aria-labelledby="listings-title">
      <h1 id="listings-title">{t('listings.title')}</h1>
      <p className="muted">{t('listings.help')}</p>
      <form className="panel" onSubmit={submit} aria-label={t('listings.new')}>
        <div className="form-grid">
          <Field label={t('field.sku')}>{(id) => <SkuPicker id={id} name="sku" value={draft.skuCode} onChange={set('skuCode')} skus={skus ?? []} />}</Field>
          <Field label={t('field.marketplace')}>
            {(id) => (
              <select id={id} name="marketplace" value={draft.marketplace} onChange={(e) => set('marketplace')(e.target.value)}>
                {MARKETPLACES.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('field.sellerSku')}>{(id) => <input id={id} name="sellerSku" value={draft.sellerSku} onChange={(e) => set('sellerSku')(e.target.value)} />}</Field>
          <Field label={t('field.asin')}>{(id) => <input id={id} name="asin" value={draft.asin} onChange={(e) => set('asin')(e.target.value)} />}</Field>
          <Field label={t('field.fnsku')}>{(id) => <input id={id} name="fnsku" value={draft.fnsku} onChange={(e) => set('fnsku')(e.target.value)} />}</Field>
          <Field label={t('field.unitsPerListing')}>
            {(id) => <input id={id} name="unitsPerListing" inputMode="numeric" value={draft.unitsPerListing} onChange={(e) => set('unitsPerListing')(e.target.value)} />}
          </Field>
        </div>
        <StatusLine status={status} />
        <div className="toolbar">
          <button type="submit" className="btn btn--primary">
            {t('common.save')}
          </button>
          {editingId !== undefined ? (
            <button type="button" className="btn" onClick={() => (setEditingId(undefined), setDraft(EMPTY))}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <DataTable label={t('listings.title')} testId="listings" rows={listings ?? []} columns={columns} rowKey={(l) => l.id} onActivate={edit} emptyText={t('common.none')} />
    </section>
  );
}
