import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { useLoad } from '../api/useApi';
import { Deadline } from '../components/Deadline';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { EmptyState, Loading } from '../components/Loading';
import type { Escalation } from '../escalations/types';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/time';

/** 待报到: tickets my units were called onto by a whistle or an overdue step, the ones still to report first. */
export function ReportsPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const all = params.get('view') === 'all';
  const key = all ? 'limit=50' : 'pending=true&limit=50';
  const list = useLoad(`escalations:${key}`, (signal) => api<Page<Escalation>>(`/api/escalations?${key}`, { signal }));

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('reports.title')}</h1>
          <p className="muted">{t('reports.subtitle')}</p>
        </div>
      </header>
      <div className="segmented" role="group" aria-label={t('queue.views')}>
        {(['pending', 'all'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={(v === 'all') === all} className={(v === 'all') === all ? 'active' : ''} onClick={() => setParams(v === 'all' ? { view: 'all' } : {})}>
            {t(`reports.view.${v}`)}
          </button>
        ))}
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <EmptyState icon="check" title={all ? t('reports.emptyAll') : t('reports.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <ul className="ticket-list">
          {list.data.items.map((e) => (
            <li key={e.id}>
              <Link to={`/tickets/${e.ticketId}`} className={`ticket-card ${e.late && !e.reportedAt ? 'is-overdue' : ''}`}>
                <div className="ticket-card-top">
                  <span className={`badge ${e.reportedAt ? 'badge-done' : e.late ? 'badge-late' : 'badge-progress'}`}>
                    {e.reportedAt ? t('escalation.statusReported') : e.late ? t('escalation.statusLate') : t('escalation.statusPending')}
                  </span>
                  <span className="ticket-card-wf">{e.kind === 'whistle' ? t('escalation.kindWhistle') : t('escalation.kindOverdue')}</span>
                  <span className="ticket-card-id">#{e.ticketId}</span>
                </div>
                <p className="ticket-card-title">{e.ticketTitle}</p>
                <div className="ticket-card-meta">
                  <span>
                    <Icon name="user" size={14} />
                    {e.orgName}
                    {e.lead ? ` · ${t('escalation.lead')}` : ''}
                  </span>
                  <span>{formatDateTime(e.createdAt, lang)}</span>
                  {!e.reportedAt && <Deadline deadline={e.reportDeadline} closed={e.ticketClosed} />}
                </div>
                {e.reason && <p className="escalation-reason">{e.reason}</p>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
