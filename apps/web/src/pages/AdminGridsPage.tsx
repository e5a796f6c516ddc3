import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { loadRoles } from '../api/cache';
import type { Org } from '../api/types';
import { useLoad } from '../api/useApi';
import { ErrorNotice } from '../components/ErrorNotice';
import { EmptyState, Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { OrgSelect } from '../components/OrgSelect';
import { useI18n } from '../i18n';
import { refusalText, structureChanged, type AdminGrid } from '../admin/admin-api';
import { GridCard } from '../admin/GridCard';

/**
 * The grids (网格) of the subtrees an administrator administers: create one
 * at a community, and for each the compounds and buildings it covers and the
 * grid leaders and workers who work it. Members are role grants at the grid,
 * so the grant guard of every other role applies.
 */
export function AdminGridsPage() {
  const { t } = useI18n();
  const grids = useLoad('admin-grids', () => api<{ items: AdminGrid[] }>('/api/admin/grids'));
  const orgs = useLoad('admin-orgs', () => api<{ items: Org[] }>('/api/admin/orgs'));
  const roles = useLoad('roles', loadRoles);
  const [form, setForm] = useState({ name: '', orgId: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api<AdminGrid>('/api/admin/grids', { body: { name: form.name.trim(), orgId: form.orgId } });
      setForm({ name: '', orgId: form.orgId });
      structureChanged();
      grids.reload();
    } catch (err) {
      setProblem(refusalText(err as Error, t));
    } finally {
      setBusy(false);
    }
  }

  const error = grids.error ?? orgs.error ?? roles.error;
  if (error) return <div className="page"><ErrorNotice error={error} onRetry={grids.reload} /></div>;
  if (!grids.data || !orgs.data || !roles.data) return <Loading />;
  const gridRoles = roles.data.roles.filter((r) => r.heldAt === 'grid');
  const administered = orgs.data.items;

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <div>
          <h1>{t('gridAdmin.title')}</h1>
          <p className="page-sub">{t('gridAdmin.subtitle', { count: grids.data.items.length })}</p>
        </div>
      </header>
      <details className="card">
        <summary className="card-title">{t('gridAdmin.create')}</summary>
        {problem && <Notice tone="error" title={problem} />}
        <form onSubmit={create} noValidate>
          <div className="field">
            <label htmlFor="grid-org">{t('gridAdmin.org')}</label>
            <OrgSelect id="grid-org" orgs={administered} value={form.orgId} onChange={(orgId) => setForm({ ...form, orgId })} filter={(o) => o.kind === 'level'} />
          </div>
          <div className="field">
            <label htmlFor="grid-name">{t('gridAdmin.name')}</label>
            <input id="grid-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy || !form.name.trim() || !form.orgId}>
            {t('gridAdmin.createButton')}
          </button>
        </form>
      </details>
      {grids.data.items.length === 0 && <EmptyState icon="grid" title={t('gridAdmin.none')} />}
      {grids.data.items.map((g) => (
        <GridCard key={g.id} grid={g} orgs={administered} gridRoles={gridRoles} onChanged={grids.reload} />
      ))}
    </div>
  );
}
