import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { loadOrgs } from '../api/cache';
import { useLoad } from '../api/useApi';
import { errorTitle, ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { OrgSelect } from '../components/OrgSelect';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/time';

interface Client {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Open311 client applications, for administrators: issue an api_key (shown
 * once, here only), see the clients where one administers, revoke one.
 */
export function Open311Page() {
  const { t, lang } = useI18n();
  const clients = useLoad('open311-clients', () => api<{ items: Client[] }>('/api/admin/open311/clients'));
  const orgs = useLoad('orgs', loadOrgs);
  const [form, setForm] = useState({ name: '', orgId: '' });
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function issue(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const res = await api<{ id: string; name: string; apiKey: string }>('/api/admin/open311/clients', { body: { name: form.name.trim(), orgId: form.orgId } });
      setIssued({ name: res.name, apiKey: res.apiKey });
      setForm({ name: '', orgId: form.orgId });
      clients.reload();
    } catch (err) {
      setProblem(errorTitle(err as Error, t));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(c: Client) {
    if (!window.confirm(t('open311.confirmRevoke', { name: c.name }))) return;
    try {
      await api(`/api/admin/open311/clients/${c.id}/revoke`, { method: 'POST', body: {} });
      clients.reload();
    } catch (err) {
      setProblem(errorTitle(err as Error, t));
    }
  }

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <div>
          <h1>{t('open311.title')}</h1>
          <p className="page-sub">{t('open311.sub')}</p>
        </div>
      </header>
      <form className="card" onSubmit={(e) => void issue(e)} aria-labelledby="open311-issue">
        <h2 id="open311-issue" className="card-title">
          {t('open311.issue')}
        </h2>
        {issued && (
          <Notice tone="success" title={t('open311.issued', { name: issued.name })}>
            <p>{t('open311.once')}</p>
            <code className="secret" aria-label={t('open311.key')}>
              {issued.apiKey}
            </code>
          </Notice>
        )}
        {problem && <Notice tone="error" title={problem} />}
        <div className="field">
          <label htmlFor="open311-name">{t('open311.name')}</label>
          <input id="open311-name" value={form.name} maxLength={100} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="open311-org">{t('open311.org')}</label>
          <OrgSelect id="open311-org" orgs={orgs.data ?? []} value={form.orgId} onChange={(orgId) => setForm({ ...form, orgId })} filter={(o) => o.kind === 'level'} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy || !form.name.trim() || !form.orgId}>
          {t('open311.submit')}
        </button>
      </form>
      <section className="card" aria-labelledby="open311-list">
        <h2 id="open311-list" className="card-title">
          {t('open311.list')}
        </h2>
        {clients.loading && <Loading />}
        {clients.error && <ErrorNotice error={clients.error} onRetry={clients.reload} />}
        {clients.data && clients.data.items.length === 0 && <p className="page-sub">{t('open311.none')}</p>}
        <ul className="board-items">
          {clients.data?.items.map((c) => (
            <li key={c.id} className="board-item">
              <h3 className="board-item-title">{c.name}</h3>
              <dl className="board-fields">
                <div className="board-field">
                  <dt>{t('open311.org')}</dt>
                  <dd>{c.orgName}</dd>
                </div>
                <div className="board-field">
                  <dt>{t('open311.created')}</dt>
                  <dd>{formatDateTime(c.createdAt, lang)}</dd>
                </div>
                <div className="board-field">
                  <dt>{t('open311.state')}</dt>
                  <dd>{c.revokedAt ? <span className="badge badge-muted">{t('open311.revoked')}</span> : <span className="badge badge-done">{t('open311.active')}</span>}</dd>
                </div>
              </dl>
              {!c.revokedAt && (
                <button type="button" className="btn btn-secondary" onClick={() => void revoke(c)}>
                  {t('open311.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
