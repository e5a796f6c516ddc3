import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { AllowedAction, TicketDetail, TicketEvent, Workflow } from '../api/types';
import { useLoad } from '../api/useApi';
import { CircleMarker } from 'react-leaflet';
import { useDeployment } from '../api/useDeployment';
import { useNow } from '../components/Deadline';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { StateBadge } from '../components/StateBadge';
import { SchemaForm } from '../forms/SchemaForm';
import { TextNote } from '../forms/TextNote';
import { useI18n } from '../i18n';
import { formatDateTime, formatRelative } from '../lib/time';
import { toTiles } from '../map/geo';
import { MapView, useTileCrs } from '../map/MapView';
import { ActionPanel } from '../tickets/ActionPanel';
import { FieldValues } from '../tickets/FieldValues';

/**
 * One of my requests, in plain words: what I reported, each step's public
 * reply (staff notes never reach this page: the server leaves them out), the
 * rating at closing and one reopen within the workflow's window, and any
 * other step the reporter may take (核实评价 or 退回物业 of a complaint).
 */
export function MyRequestPage() {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const dep = useDeployment();
  const detail = useLoad(`mine:${id}`, (signal) => api<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}`, { signal }));
  const [flash, setFlash] = useState<string | null>(null);

  if (detail.error && !detail.data) return <div className="page"><ErrorNotice error={detail.error} onRetry={detail.reload} /></div>;
  if (!detail.data) return <Loading />;
  const { ticket, events, allowedActions } = detail.data;
  const wf = dep.workflow(ticket.workflow);
  const def = (a: AllowedAction) => wf?.transitions.find((x) => x.name === a.name);
  const rate = allowedActions.find((a) => def(a)?.rating);
  const reopen = allowedActions.find((a) => def(a)?.reopen);
  // Closed where a rating step would have led, without one: staff closed it for the resident.
  const rates = wf?.transitions.some((x) => x.rating && x.to === ticket.state);
  const done = (text: string) => {
    setFlash(text);
    detail.reload();
  };

  return (
    <div className="page page-narrow portal">
      <nav className="crumbs" aria-label={t('nav.breadcrumb')}>
        <Link to="/me">
          <Icon name="chevronLeft" size={16} />
          {t('portal.back')}
        </Link>
      </nav>
      {flash && <Notice tone="success" title={flash} />}
      <header className="card ticket-head">
        <div className="ticket-head-top">
          <StateBadge workflow={wf} state={ticket.state} />
          <span className="muted">#{ticket.id}</span>
        </div>
        <h1 className="ticket-title">{ticket.title}</h1>
        {ticket.closedAt && ticket.rating != null && <p className="portal-rating">{t('portal.rated', { rating: ticket.rating })}</p>}
        {ticket.closedAt && ticket.rating == null && rates && <p className="muted">{t('portal.unrated')}</p>}
        {ticket.point && <PointMap lat={ticket.point.lat} lng={ticket.point.lng} label={t('portal.where')} />}
      </header>

      {rate && rate.form && (
        <section className="card action-card" aria-labelledby="rate-title">
          <h2 id="rate-title" className="card-title">
            {t('portal.rate')}
          </h2>
          <p className="field-hint">{t('portal.rateHint')}</p>
          <SchemaForm
            formId={rate.form}
            submitLabel={t('portal.rateSubmit')}
            onSubmit={async (data) => {
              await api(`/api/tickets/${ticket.id}/transitions`, { body: { action: rate.name, version: ticket.version, data } });
              done(t('portal.thanks'));
            }}
          />
        </section>
      )}

      {/* The reporter's other steps (核实评价 or 退回物业 of a complaint, withdrawing a wish…): the same generated forms staff use. */}
      <ActionPanel
        key={`${ticket.id}:${ticket.version}`}
        ticket={ticket}
        workflow={wf}
        actions={allowedActions.filter((a) => a !== rate && a !== reopen)}
        asReporter
        onDone={(a) => done(t('ticket.done', { action: lang === 'en' && a.titleEn ? a.titleEn : a.title }))}
        onConflict={() => {
          setFlash(t('ticket.conflict'));
          detail.reload();
        }}
      />

      {reopen && <ReopenPanel action={reopen} days={def(reopen)?.reopen?.withinDays ?? 7} ticketId={ticket.id} version={ticket.version} onDone={() => done(t('portal.reopened'))} />}

      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title" className="card-title">
          {t('portal.progress')}
        </h2>
        <PlainTimeline events={events} workflow={wf} pickTitle={pick} />
      </section>
    </div>
  );
}

/** A small map with the request's point (WGS-84 from the API, drawn in the tiles' system). */
function PointMap({ lat, lng, label }: { lat: number; lng: number; label: string }) {
  const crs = useTileCrs();
  const at = toTiles({ lat, lng }, crs);
  return (
    <MapView label={label} center={{ lat, lng }} zoom={17} className="map-small">
      <CircleMarker center={[at.lat, at.lng]} radius={9} pathOptions={{ color: '#dc2626', fillColor: '#ef4444', fillOpacity: 0.8 }} />
    </MapView>
  );
}

function ReopenPanel({ action, days, ticketId, version, onDone }: { action: AllowedAction; days: number; ticketId: string; version: number; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();

  async function submit() {
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await api(`/api/tickets/${ticketId}/transitions`, { body: { action: action.name, version, comment: reason.trim() } });
      onDone();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card action-card" aria-labelledby="reopen-title">
      <h2 id="reopen-title" className="card-title">
        {t('portal.reopen')}
      </h2>
      <p className="field-hint">{t('portal.reopenHint', { days })}</p>
      {!open ? (
        <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)}>
          {t('portal.reopen')}
        </button>
      ) : (
        <>
          <TextNote
            id={reasonId}
            label={t('portal.reopenReason')}
            required
            maxLength={2000}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setMissing(false);
            }}
            error={missing ? t('portal.reopenMissing') : undefined}
          />
          {problem && <Notice tone="error" title={problem} />}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={submit}>
            {t('portal.reopenSubmit')}
          </button>
        </>
      )}
    </section>
  );
}

/**
 * The history in plain words: what I filed, each public step with its reply,
 * and each internal step only as the state it reached. Reminders and
 * escalations are staff business and are left out.
 */
function PlainTimeline({ events, workflow, pickTitle }: { events: TicketEvent[]; workflow: Workflow | undefined; pickTitle: (x: Parameters<ReturnType<typeof useI18n>['pick']>[0]) => string }) {
  const { t, lang } = useI18n();
  const now = useNow();
  const state = (id: string) => pickTitle(workflow?.states.find((s) => s.id === id)?.title) || id;
  const shown = events.filter((e) => e.action === 'create' || workflow?.transitions.some((x) => x.name === e.action));
  return (
    <ol className="timeline plain-timeline">
      {[...shown].reverse().map((e) => {
        const tr = workflow?.transitions.find((x) => x.name === e.action);
        const open = e.visibility === 'public';
        const head = e.action === 'create' ? t('portal.filed') : open && tr ? pickTitle(tr.title) : state(e.toState);
        return (
          <li key={e.id} className="timeline-item">
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <p className="timeline-head">
                <strong className="timeline-action">{head}</strong>
                {e.action !== 'create' && e.fromState !== e.toState && <span className="timeline-states">{t('portal.now', { state: state(e.toState) })}</span>}
              </p>
              <p className="timeline-meta">
                <time dateTime={e.createdAt} title={formatDateTime(e.createdAt, lang)}>
                  {formatRelative(e.createdAt, now, lang)}
                </time>
              </p>
              {open && e.data && <FieldValues formId={e.action === 'create' ? workflow?.intakeForm : tr?.form} data={e.data} />}
              {open && e.comment && <blockquote className="timeline-comment">{e.comment}</blockquote>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
