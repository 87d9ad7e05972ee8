import { useState } from 'react';
import type { FormEvent } from 'react';
import { LOCATION_KINDS, MARKETPLACES } from '../../../shared/model';
import type { Location } from '../../../shared/model';
import { createLocation, db, renameLocation } from '../../db';
import { DataTable } from '../../components/DataTable';
import type { Column } from '../../components/DataTable';
import { Field, StatusLine } from '../../components/Form';
import type { Status } from '../../components/Form';
import { useLocations } from '../../app/hooks';
import { useT } from '../../i18n';

export function Locations() {
  const { t, describe } = useT();
  const locations = useLocations();
  const [draft, setDraft] = useState({ name: '', kind: 'fba', marketplace: 'US' });
  const [status, setStatus] = useState<Status>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await createLocation(db, draft);
      setStatus({ kind: 'ok', text: t('locations.created', { name: draft.name.trim() }) });
      setDraft((d) => ({ ...d, name: '' }));
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const rename = async (location: Location) => {
    const name = window.prompt(t('locations.rename'), location.name);
    if (name === null) return;
    try {
      await renameLocation(db, location.id, name);
    } catch (error) {
      setStatus({ kind: 'error', text: describe(error) });
    }
  };

  const columns: Column<Location>[] = [
    { id: 'name', header: t('field.name'), width: 'minmax(12rem, 2fr)', cell: (l) => l.name, sortValue: (l) => l.name, csv: (l) => l.name },
    { id: 'kind', header: t('field.kind'), width: '12rem', cell: (l) => t(`locations.kind.${l.kind}`), sortValue: (l) => l.kind, csv: (l) => t(`locations.kind.${l.kind}`) },
    { id: 'marketplace', header: t('field.marketplace'), width: '8rem', cell: (l) => l.marketplace ?? '', csv: (l) => l.marketplace ?? '' },
    {
      id: 'actions',
      header: t('common.actions'),
      width: '8rem',
      cell: (l) => (
        <button type="button" className="btn btn--small" onClick={() => void rename(l)}>
          {t('locations.rename')}
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby="locations-title">
      <h1 id="locations-title">{t('locations.title')}</h1>
      <form className="panel" onSubmit={submit} aria-label={t('locations.new')}>
        <div className="form-grid">
          <Field label={t('field.name')}>{(id) => <input id={id} name="name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}</Field>
          <Field label={t('field.kind')}>
            {(id) => (
              <select id={id} name="kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
                {LOCATION_KINDS.filter((k) => k !== 'transit').map((k) => (
                  <option key={k} value={k}>
                    {t(`locations.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.kind === 'fba' ? (
            <Field label={t('field.marketplace')}>
              {(id) => (
                <select id={id} name="marketplace" value={draft.marketplace} onChange={(e) => setDraft({ ...draft, marketplace: e.target.value })}>
                  {MARKETPLACES.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <button type="submit" className="btn btn--primary">
            {t('locations.new')}
          </button>
        </div>
        <StatusLine status={status} />
      </form>
      <DataTable label={t('locations.title')} testId="locations" rows={locations ?? []} columns={columns} rowKey={(l) => l.id} emptyText={t('common.loading')} csv={{ fileStem: 'locations', onError: (error) => setStatus({ kind: 'error', text: describe(error) }) }} />
    </section>
  );
}
