import { Link } from 'react-router';
import { api } from '../api/client';
import type { Page, Ticket } from '../api/types';
import { useLoad } from '../api/useApi';
import { useDeployment } from '../api/useDeployment';
import { useMe } from '../auth/session';
import { useNow } from '../components/Deadline';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { StateBadge } from '../components/StateBadge';
import { useI18n } from '../i18n';
import { formatRelative } from '../lib/time';

/** A resident's home: report a problem, and follow what they reported (only their own: the server decides). */
export function PortalPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const dep = useDeployment();
  const now = useNow();
  const mine = useLoad('portal:mine', (signal) => api<Page<Ticket>>('/api/tickets?limit=50', { signal }));
  const own = mine.data?.items.filter((x) => x.reporterId === me.id) ?? [];

  return (
    <div className="page page-narrow portal">
      <header className="portal-hero">
        <h1>{t('portal.hello', { name: me.name })}</h1>
        <p>{t('portal.intro')}</p>
        <Link to="/me/report" className="btn btn-primary btn-big portal-cta">
          <Icon name="plus" size={22} />
          <span>
            {t('portal.report')}
            <small>{t('portal.reportHint')}</small>
          </span>
        </Link>
      </header>

      <section aria-labelledby="portal-mine">
        <h2 id="portal-mine" className="section-title">
          {t('portal.mine')}
        </h2>
        {mine.error && <ErrorNotice error={mine.error} onRetry={mine.reload} />}
        {!mine.data && !mine.error && <Loading />}
        {mine.data && !own.length && <p className="muted empty">{t('portal.mineEmpty')}</p>}
        <ul className="ticket-list">
          {own.map((x) => (
            <li key={x.id}>
              <Link to={`/me/requests/${x.id}`} className="ticket-card">
                <div className="ticket-card-top">
                  <StateBadge workflow={dep.workflow(x.workflow)} state={x.state} />
                  <span className="ticket-card-id">#{x.id}</span>
                </div>
                <p className="ticket-card-title">{x.title}</p>
                <div className="ticket-card-meta">
                  <span title={x.createdAt}>{t('queue.filed', { when: formatRelative(x.createdAt, now, lang) })}</span>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
