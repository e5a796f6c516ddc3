import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { Page, Ticket } from '../api/types';
import { useLoad } from '../api/useApi';
import { useDeployment } from '../api/useDeployment';
import { useMe } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { EmptyState, Loading } from '../components/Loading';
import { OrgSelect } from '../components/OrgSelect';
import { useI18n } from '../i18n';
import { TicketCard } from '../tickets/TicketCard';

const views = ['all', 'mine', 'overdue'] as const;
type View = (typeof views)[number];
const pageSize = 20;

/** The list of tickets a person works through: everything in their scope, newest first, with filters kept in the URL. */
export function QueuePage() {
  const { t, pick } = useI18n();
  const dep = useDeployment();
  const me = useMe();
  // A resident's list holds their own requests, not an area they govern: say so.
  const ownOnly = me.roles.length > 0 && me.roles.every((r) => dep.roles.find((d) => d.id === r.role)?.ticketScope === 'own');
  const [params, setParams] = useSearchParams();
  const view: View = (views as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'all';
  const workflow = params.get('workflow') ?? '';
  const state = params.get('state') ?? '';
  const orgId = params.get('org') ?? '';
  const [filtersOpen, setFiltersOpen] = useState(false);

  const query = new URLSearchParams({ limit: String(pageSize) });
  if (view === 'mine') query.set('assignedToMe', 'true');
  if (view === 'overdue') query.set('overdue', 'true');
  if (workflow) query.set('workflow', workflow);
  if (state) query.set('state', state);
  if (orgId) query.set('orgId', orgId);
  const key = query.toString();

  const first = useLoad(key, (signal) => api<Page<Ticket>>(`/api/tickets?${key}`, { signal }));
  const [more, setMore] = useState<{ key: string; items: Ticket[]; cursor: string | null }>({ key, items: [], cursor: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  useEffect(() => setMore({ key, items: [], cursor: null }), [key]);

  const items = [...(first.data?.items ?? []), ...(more.key === key ? more.items : [])];
  const cursor = more.key === key && more.items.length ? more.cursor : (first.data?.nextCursor ?? null);

  async function loadMore() {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api<Page<Ticket>>(`/api/tickets?${key}&cursor=${encodeURIComponent(cursor)}`);
      setMore((m) => ({ key, items: [...(m.key === key ? m.items : []), ...page.items], cursor: page.nextCursor }));
    } catch (e) {
      setMoreError(e as Error);
    } finally {
      setLoadingMore(false);
    }
  }

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'workflow') next.delete('state');
    setParams(next, { replace: true });
  };
  const wf = dep.workflow(workflow);
  const activeFilters = [workflow, state, orgId].filter(Boolean).length;

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('queue.title')}</h1>
          <p className="page-sub">{t(ownOnly ? 'queue.subtitleOwn' : 'queue.subtitle')}</p>
        </div>
        <Link to="/new" className="btn btn-primary hide-sm">
          <Icon name="plus" size={18} />
          {t('nav.new')}
        </Link>
      </header>

      <div className="segmented" role="group" aria-label={t('queue.views')}>
        {views.map((v) => (
          <button key={v} type="button" className={view === v ? 'active' : ''} aria-pressed={view === v} onClick={() => set('view', v === 'all' ? '' : v)}>
            {t(`queue.view.${v}`)}
          </button>
        ))}
      </div>

      <div className="filters card">
        <button type="button" className="filters-toggle" aria-expanded={filtersOpen} aria-controls="queue-filters" onClick={() => setFiltersOpen((o) => !o)}>
          <Icon name="filter" size={18} />
          {t('queue.filters')}
          {activeFilters > 0 && <span className="count-pill">{activeFilters}</span>}
          <Icon name="chevronRight" size={16} className={`chev ${filtersOpen ? 'open' : ''}`} />
        </button>
        <div id="queue-filters" className={`filters-body ${filtersOpen ? 'open' : ''}`}>
          <div className="field">
            <label htmlFor="f-workflow">{t('queue.workflow')}</label>
            <select id="f-workflow" value={workflow} onChange={(e) => set('workflow', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {dep.workflows.map((w) => (
                <option key={w.id} value={w.id}>
                  {pick(w.title)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-state">{t('queue.state')}</label>
            <select id="f-state" value={state} onChange={(e) => set('state', e.target.value)} disabled={!wf}>
              <option value="">{wf ? t('common.all') : t('queue.pickWorkflowFirst')}</option>
              {wf?.states.map((s) => (
                <option key={s.id} value={s.id}>
                  {pick(s.title)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-org">{t('queue.org')}</label>
            <OrgSelect id="f-org" orgs={dep.orgs} value={orgId} onChange={(v) => set('org', v)} filter={(o) => o.kind === 'level'} emptyLabel={t('queue.allOrgs')} />
          </div>
        </div>
      </div>

      {first.error && <ErrorNotice error={first.error} onRetry={first.reload} />}
      {first.loading && <Loading />}
      {first.data && items.length === 0 && (
        <EmptyState title={t('queue.empty')}>
          <p>{t('queue.emptyHint')}</p>
        </EmptyState>
      )}
      {items.length > 0 && (
        <ul className="ticket-list" aria-label={t('queue.title')}>
          {items.map((ticket) => (
            <TicketCard key={ticket.id} ticket={ticket} workflow={dep.workflow(ticket.workflow)} org={dep.org(ticket.orgId)} />
          ))}
        </ul>
      )}
      {moreError && <ErrorNotice error={moreError} onRetry={() => void loadMore()} />}
      {cursor && (
        <div className="load-more">
          <button type="button" className="btn btn-secondary" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('queue.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
