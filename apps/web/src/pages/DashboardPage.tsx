import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { Dashboard } from '../api/types';
import { useLoad } from '../api/useApi';
import { useDeployment } from '../api/useDeployment';
import { useMe, useSession } from '../auth/session';
import { DashboardTable } from '../dashboard/DashboardTable';
import { Kpis } from '../dashboard/Kpis';
import { SatisfactionTable } from '../dashboard/SatisfactionTable';
import { StateChart } from '../dashboard/StateChart';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { OrgSelect } from '../components/OrgSelect';
import { useI18n } from '../i18n';
import { homeOrgId } from '../lib/orgs';
import { formatDateTime } from '../lib/time';
import { PluginWidget } from '../plugins/PluginWidget';
import { visibleTo } from '../app/nav';
import { useMenuHints } from '../app/useMenu';

/** Figures for an org subtree I choose (my own org at first): counts by state, overdue, speed, punctuality; CSV for Excel. */
export function DashboardPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { config } = useSession();
  const { staff } = useMenuHints();
  const dep = useDeployment();
  const [params, setParams] = useSearchParams();
  const orgFieldId = useId();
  const orgId = params.get('org') ?? homeOrgId(me, dep.orgs) ?? '';
  const query = new URLSearchParams({ ...(orgId ? { orgId } : {}), lang }).toString();
  const report = useLoad(dep.ready ? `dash?${query}` : null, (signal) => api<Dashboard>(`/api/dashboard?${query}`, { signal }));
  const widgets = (config?.plugins ?? []).flatMap((p) => (p.web?.widgets ?? []).filter((w) => visibleTo(me, w, staff)).map((w) => ({ plugin: p.name, widget: w })));

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="page-sub">{report.data ? t('dashboard.asOf', { when: formatDateTime(report.data.generatedAt, lang) }) : t('dashboard.subtitle')}</p>
        </div>
        <div className="head-actions">
          <button type="button" className="icon-btn" onClick={report.reload} aria-label={t('common.refresh')}>
            <Icon name="refresh" size={18} />
          </button>
          <a className="btn btn-secondary" href={`/api/dashboard.csv?${query}`} download>
            <Icon name="download" size={18} />
            {t('dashboard.csv')}
          </a>
        </div>
      </header>

      <div className="card toolbar">
        <div className="field field-inline">
          <label htmlFor={orgFieldId}>{t('dashboard.org')}</label>
          <OrgSelect
            id={orgFieldId}
            orgs={dep.orgs}
            value={orgId}
            onChange={(v) => setParams(v ? { org: v } : {}, { replace: true })}
            filter={(o) => o.kind === 'level'}
            emptyLabel={t('dashboard.allVisible')}
          />
        </div>
      </div>

      {(report.error ?? dep.error) && <ErrorNotice error={(report.error ?? dep.error)!} onRetry={report.reload} />}
      {!report.data && !report.error && <Loading />}
      {report.data && (
        <>
          <Kpis figures={report.data.totals} />
          <div className="chart-grid">
            {report.data.workflows.map((w) => (
              <section key={w.id} className="card" aria-labelledby={`wf-${w.id}`}>
                <h2 id={`wf-${w.id}`} className="card-title">
                  {lang === 'en' ? w.titleEn : w.title}
                  <span className="card-title-note">{t('dashboard.wfSummary', { total: w.total, open: w.open, overdue: w.overdue, inTime: w.closedInTimePct === null ? '—' : `${w.closedInTimePct}%` })}</span>
                </h2>
                <StateChart figures={w} workflow={dep.workflow(w.id)} />
              </section>
            ))}
            {widgets.map(({ plugin, widget }) => (
              <PluginWidget key={`${plugin}:${widget.id}`} plugin={plugin} widget={widget} orgId={orgId} />
            ))}
          </div>
          <section className="card" aria-labelledby="table-title">
            <h2 id="table-title" className="card-title">
              {t('dashboard.table')}
            </h2>
            <DashboardTable data={report.data} />
          </section>
          <SatisfactionTable orgId={orgId} />
        </>
      )}
    </div>
  );
}
