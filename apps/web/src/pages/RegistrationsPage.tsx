import { useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/useApi';
import { errorTitle, ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/time';

type Status = 'pending' | 'confirmed' | 'rejected';

interface Registration {
  personId: string;
  name: string;
  /** Masked by the server (139****0001): enough to match a call, not to copy. */
  phone: string;
  orgId: string;
  orgName: string;
  status: Status;
  createdAt: string;
}

/**
 * 注册审核, for administrators: residents who registered themselves where the
 * city asks a community to confirm them (`registration.confirm`). The server
 * lists only registrations at places the person administers.
 */
export function RegistrationsPage() {
  const { t, lang } = useI18n();
  const list = useLoad('registrations', () => api<{ items: Registration[] }>('/api/registrations'));
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function decide(r: Registration, decision: 'confirm' | 'reject') {
    if (decision === 'reject' && !window.confirm(t('registrations.confirmReject', { name: r.name }))) return;
    setBusy(r.personId);
    setResult(null);
    try {
      await api(`/api/registrations/${r.personId}/${decision}`, { method: 'POST', body: {} });
      setResult({ tone: 'success', text: t(decision === 'confirm' ? 'registrations.confirmed' : 'registrations.rejected', { name: r.name }) });
      list.reload();
    } catch (err) {
      setResult({ tone: 'error', text: errorTitle(err as Error, t) });
    } finally {
      setBusy(null);
    }
  }

  const items = list.data?.items ?? [];
  const pending = items.filter((r) => r.status === 'pending');
  const decided = items.filter((r) => r.status !== 'pending');

  const card = (r: Registration) => (
    <li key={r.personId} className="board-item">
      <h3 className="board-item-title">{r.name}</h3>
      <dl className="board-fields">
        <div className="board-field">
          <dt>{t('registrations.place')}</dt>
          <dd>{r.orgName}</dd>
        </div>
        <div className="board-field">
          <dt>{t('registrations.phone')}</dt>
          <dd>{r.phone}</dd>
        </div>
        <div className="board-field">
          <dt>{t('registrations.created')}</dt>
          <dd>{formatDateTime(r.createdAt, lang)}</dd>
        </div>
        {r.status !== 'pending' && (
          <div className="board-field">
            <dt>{t('registrations.state')}</dt>
            <dd>
              <span className={r.status === 'confirmed' ? 'badge badge-done' : 'badge badge-muted'}>{t(`registrations.status.${r.status}`)}</span>
            </dd>
          </div>
        )}
      </dl>
      {r.status === 'pending' && (
        <div className="row-actions">
          <button type="button" className="btn btn-primary" disabled={busy !== null} aria-label={`${t('registrations.confirm')} ${r.name}`} onClick={() => void decide(r, 'confirm')}>
            {t('registrations.confirm')}
          </button>
          <button type="button" className="btn btn-secondary" disabled={busy !== null} aria-label={`${t('registrations.reject')} ${r.name}`} onClick={() => void decide(r, 'reject')}>
            {t('registrations.reject')}
          </button>
        </div>
      )}
    </li>
  );

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <div>
          <h1>{t('registrations.title')}</h1>
          <p className="page-sub">{t('registrations.sub')}</p>
        </div>
      </header>
      {result && <Notice tone={result.tone} title={result.text} />}
      <section className="card" aria-labelledby="registrations-pending">
        <h2 id="registrations-pending" className="card-title">
          {t('registrations.pending')}
        </h2>
        {list.loading && <Loading />}
        {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
        {list.data && pending.length === 0 && <p className="page-sub">{t('registrations.none')}</p>}
        <ul className="board-items">{pending.map(card)}</ul>
      </section>
      {decided.length > 0 && (
        <section className="card" aria-labelledby="registrations-decided">
          <h2 id="registrations-decided" className="card-title">
            {t('registrations.decided')}
          </h2>
          <ul className="board-items">{decided.map(card)}</ul>
        </section>
      )}
    </div>
  );
}
