import { Link } from 'react-router';
import { api } from '../api/client';
import type { Page, Ticket } from '../api/types';
import { useLoad } from '../api/useApi';
import { useDeployment } from '../api/useDeployment';
import { useMe, useSession } from '../auth/session';
import { portalPages } from '../app/nav';
import { useNow } from '../components/Deadline';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { StateBadge } from '../components/StateBadge';
import { useI18n } from '../i18n';
import { formatRelative } from '../lib/time';

/** A resident's home: report a problem, and follow what they reported (only their own: the server decides). */
export function PortalPage() {
  const { t, lang, pick } = useI18n();
  const me = useMe();
  const { config } = useSession();
  const services = portalPages(config, me);
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

      {services.length > 0 && (
        <section aria-labelledby="portal-services">
          <h2 id="portal-services" className="section-title">
            {t('portal.services')}
          </h2>
          <ul className="menu-list card portal-services">
            {services.map((s) => (
              <li key={s.to}>
                <Link to={s.to} className="menu-link">
                  <Icon name={s.icon} />
                  <span className="menu-label">
                    {typeof s.label === 'string' ? t(s.label) : pick(s.label)}
                    {s.group && <span className="menu-group">{pick(s.group)}</span>}
                  </span>
                  <Icon name="chevronRight" size={18} className="menu-chevron" />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

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
