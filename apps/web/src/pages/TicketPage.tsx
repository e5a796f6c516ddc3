import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../api/client';
import type { AllowedAction, TicketDetail } from '../api/types';
import { useLoad } from '../api/useApi';
import { useDeployment } from '../api/useDeployment';
import { useMe } from '../auth/session';
import { Deadline } from '../components/Deadline';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { StateBadge } from '../components/StateBadge';
import { useI18n } from '../i18n';
import { orgName, stillInReach } from '../lib/orgs';
import { formatDateTime } from '../lib/time';
import { EscalationPanel } from '../escalations/EscalationPanel';
import { ActionPanel, type StepDraft } from '../tickets/ActionPanel';
import { FieldValues } from '../tickets/FieldValues';
import { Timeline } from '../tickets/Timeline';

type Flash = { tone: 'success' | 'warning'; text: string } | null;

/** One ticket: what was reported, where it stands, its whole history, and the steps I may take. */
export function TicketPage() {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const dep = useDeployment();
  const detail = useLoad(`ticket:${id}`, (signal) => api<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}`, { signal }));
  const location = useLocation();
  const me = useMe();
  const [draft, setDraft] = useState<StepDraft | null>(null);
  // A step that handed the ticket out of my reach (退回 by a unit): what was done, and the way back to my queue.
  const [handedOver, setHandedOver] = useState<string | null>(null);
  // Just filed from the intake page: its workflow's own words (`intake.success`).
  const [flash, setFlash] = useState<Flash>(() => {
    const created = (location.state as { created?: string | boolean } | null)?.created;
    return created ? { tone: 'success', text: typeof created === 'string' ? created : t('new.success') } : null;
  });

  if (handedOver) {
    return (
      <div className="page page-narrow">
        <Notice tone="success" title={handedOver}>
          {t('ticket.handedOver')}
        </Notice>
        <Link to="/queue" className="btn btn-primary">
          {t('nav.queue')}
        </Link>
      </div>
    );
  }
  if (detail.error && !detail.data) return <div className="page"><ErrorNotice error={detail.error} onRetry={detail.reload} /></div>;
  if (!detail.data) return <Loading />;
  const { ticket, events, allowedActions } = detail.data;
  const wf = dep.workflow(ticket.workflow);
  const reporter = events.find((e) => e.action === 'create')?.actorName;
  const actionTitle = (a: AllowedAction) => (lang === 'en' && a.titleEn ? a.titleEn : a.title);

  return (
    <div className="page ticket-page">
      <nav className="crumbs" aria-label={t('nav.breadcrumb')}>
        <Link to="/queue">
          <Icon name="chevronLeft" size={16} />
          {t('nav.queue')}
        </Link>
      </nav>

      <header className="card ticket-head">
        <div className="ticket-head-top">
          <StateBadge workflow={wf} state={ticket.state} />
          <span className="muted">
            {wf ? pick(wf.title) : ticket.workflow} · #{ticket.id}
          </span>
        </div>
        <h1 className="ticket-title">{ticket.title}</h1>
        <dl className="facts">
          <div>
            <dt>{t('ticket.org')}</dt>
            <dd>{orgName(dep.org(ticket.orgId), lang) || '—'}</dd>
          </div>
          {ticket.assigneeOrgId && (
            <div>
              <dt>{t('ticket.assignee')}</dt>
              <dd>{orgName(dep.org(ticket.assigneeOrgId), lang)}</dd>
            </div>
          )}
          <div>
            <dt>{t('ticket.reporter')}</dt>
            <dd>{reporter ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('ticket.filedAt')}</dt>
            <dd>{formatDateTime(ticket.createdAt, lang)}</dd>
          </div>
          <div>
            <dt>{ticket.closedAt ? t('ticket.closedAt') : t('ticket.deadline')}</dt>
            <dd>{ticket.closedAt ? formatDateTime(ticket.closedAt, lang) : ticket.deadline ? <Deadline deadline={ticket.deadline} long /> : t('ticket.noDeadline')}</dd>
          </div>
        </dl>
      </header>

      {flash && (
        <Notice
          tone={flash.tone}
          title={flash.text}
          action={
            <button type="button" className="icon-btn" onClick={() => setFlash(null)} aria-label={t('common.dismiss')}>
              <Icon name="close" size={16} />
            </button>
          }
        />
      )}
      {detail.error && <ErrorNotice error={detail.error} onRetry={detail.reload} />}

      <div className="ticket-grid">
        <div className="ticket-main">
          <ActionPanel
            key={`${ticket.id}:${ticket.version}`}
            ticket={ticket}
            workflow={wf}
            actions={allowedActions}
            draft={draft}
            onDone={(a, updated) => {
              setDraft(null);
              const text = t('ticket.done', { action: actionTitle(a) });
              if (!stillInReach(updated, me, dep.orgs, dep.roles)) return setHandedOver(text);
              setFlash({ tone: 'success', text });
              detail.reload();
            }}
            onConflict={(d) => {
              setDraft(d);
              setFlash({ tone: 'warning', text: t('ticket.conflict') });
              detail.reload();
            }}
          />
          <EscalationPanel
            ticket={ticket}
            onChanged={(text) => {
              setFlash({ tone: 'success', text });
              detail.reload();
            }}
          />
          <section className="card" aria-labelledby="details-title">
            <h2 id="details-title" className="card-title">
              {t('ticket.details')}
            </h2>
            <FieldValues formId={wf?.intakeForm} data={ticket.data} />
          </section>
        </div>
        <section className="card ticket-side" aria-labelledby="history-title">
          <h2 id="history-title" className="card-title">
            {t('ticket.history')}
            <span className="count-pill">{events.length}</span>
          </h2>
          <Timeline events={events} workflow={wf} />
        </section>
      </div>
    </div>
  );
}
