import type { TicketEvent, Workflow } from '../api/types';
import { useNow } from '../components/Deadline';
import { useI18n } from '../i18n';
import { formatDateTime, formatRelative } from '../lib/time';
import { FieldValues } from './FieldValues';

/** Actions the server records that are not workflow transitions, named in the UI's words. */
const systemActions = ['create', 'deadline.remind', 'deadline.overdue', 'escalation.whistle', 'escalation.raise', 'escalation.report', 'escalation.report-overdue'];

/** Every step of a ticket, oldest first: who, when, what, the step's form data and comment. */
export function Timeline({ events, workflow }: { events: TicketEvent[]; workflow: Workflow | undefined }) {
  const { t, pick, lang } = useI18n();
  const now = useNow();
  const stateTitle = (id: string | null) => (id ? pick(workflow?.states.find((s) => s.id === id)?.title) || id : '');

  return (
    <ol className="timeline">
      {events.map((e) => {
        const transition = workflow?.transitions.find((tr) => tr.name === e.action);
        const title = transition ? pick(transition.title) : systemActions.includes(e.action) ? t(`timeline.action.${e.action}`) : e.action;
        const formId = e.action === 'create' ? workflow?.intakeForm : transition?.form;
        const system = e.actorId === null;
        return (
          <li key={e.id} className={`timeline-item ${e.action === 'deadline.overdue' ? 'timeline-alert' : ''} ${system ? 'timeline-system' : ''}`}>
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <p className="timeline-head">
                <strong className="timeline-action">{title}</strong>
                {e.fromState !== e.toState && (
                  <span className="timeline-states">
                    {e.fromState && `${stateTitle(e.fromState)} → `}
                    {stateTitle(e.toState)}
                  </span>
                )}
              </p>
              <p className="timeline-meta">
                <span className="timeline-actor">{e.actorName ?? t('timeline.system')}</span>
                {!system && e.action !== 'create' && !e.action.startsWith('escalation.') && (
                  <span className={`badge badge-${e.visibility === 'public' ? 'new' : 'muted'} timeline-visibility`}>{t(`visibility.${e.visibility}`)}</span>
                )}
                <time dateTime={e.createdAt} title={formatDateTime(e.createdAt, lang)}>
                  {formatRelative(e.createdAt, now, lang)}
                </time>
              </p>
              {e.data && e.action === 'create' && (
                <details className="timeline-details">
                  <summary>{t('timeline.showFiled')}</summary>
                  <FieldValues formId={formId} data={e.data} />
                </details>
              )}
              {e.action.startsWith('escalation.') && <p className="timeline-orgs">{calledUnits(e.data)}</p>}
              {e.data && e.action !== 'create' && !system && !e.action.startsWith('escalation.') && <FieldValues formId={formId} data={e.data} />}
              {e.comment && <blockquote className="timeline-comment">{e.comment}</blockquote>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The units an escalation step called (or the one that reported), by name. */
function calledUnits(data: TicketEvent['data']): string {
  const d = (data ?? {}) as { targets?: { orgName?: string }[]; orgName?: string };
  return d.targets?.map((x) => x.orgName).filter(Boolean).join('、') ?? d.orgName ?? '';
}
