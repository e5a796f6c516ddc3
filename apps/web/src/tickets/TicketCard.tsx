import { Link } from 'react-router';
import type { Org, Ticket, Workflow } from '../api/types';
import { Deadline, useNow } from '../components/Deadline';
import { Icon } from '../components/Icon';
import { StateBadge } from '../components/StateBadge';
import { useI18n } from '../i18n';
import { orgName } from '../lib/orgs';
import { formatRelative } from '../lib/time';

export function TicketCard({ ticket, workflow, org }: { ticket: Ticket; workflow: Workflow | undefined; org: Org | undefined }) {
  const { pick, lang, t } = useI18n();
  const now = useNow();
  return (
    <li>
      <Link to={`/tickets/${ticket.id}`} className={`ticket-card ${ticket.overdue ? 'is-overdue' : ''}`}>
        <div className="ticket-card-top">
          <StateBadge workflow={workflow} state={ticket.state} />
          <span className="ticket-card-wf">{workflow ? pick(workflow.title) : ticket.workflow}</span>
          <span className="ticket-card-id">#{ticket.id}</span>
        </div>
        <p className="ticket-card-title">{ticket.title}</p>
        <div className="ticket-card-meta">
          {org && (
            <span>
              <Icon name="pin" size={14} />
              {orgName(org, lang)}
            </span>
          )}
          <span title={ticket.createdAt}>{t('queue.filed', { when: formatRelative(ticket.createdAt, now, lang) })}</span>
          <Deadline deadline={ticket.deadline} closed={ticket.closedAt !== null} />
        </div>
      </Link>
    </li>
  );
}
