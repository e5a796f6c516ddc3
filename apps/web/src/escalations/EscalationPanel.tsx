import { useId, useState } from 'react';
import { api } from '../api/client';
import type { Ticket } from '../api/types';
import { useLoad } from '../api/useApi';
import { Deadline } from '../components/Deadline';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { SchemaForm } from '../forms/SchemaForm';
import { TextNote } from '../forms/TextNote';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/time';
import type { Escalation, TicketEscalations } from './types';

type Open = { kind: 'whistle' } | { kind: 'report'; escalation: Escalation } | null;

/**
 * 吹哨报到 on a ticket: who was called and whether each has reported; a
 * whistle button for the roles the city allows (the server says whether I
 * may), and a report button on each unit I act for that has not reported.
 */
export function EscalationPanel({ ticket, onChanged }: { ticket: Ticket; onChanged: (message: string) => void }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(`escalations:${ticket.id}:${ticket.version}`, (signal) => api<TicketEscalations>(`/api/tickets/${ticket.id}/escalations`, { signal }));
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const textId = useId();

  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  const data = loaded.data;
  if (!data || (!data.mayWhistle && data.items.length === 0)) return null;
  const mine = data.items.filter((e) => e.mayReport);

  async function send() {
    if (!open) return;
    if (open.kind === 'whistle' && text.trim().length < 2) {
      setMissing(true);
      document.getElementById(textId)?.focus();
      return;
    }
    if (open.kind === 'whistle') await api(`/api/tickets/${ticket.id}/whistle`, { body: { reason: text.trim() } });
    else await api(`/api/tickets/${ticket.id}/escalations/${open.escalation.id}/report`, { body: text.trim() ? { note: text.trim() } : {} });
    const message = open.kind === 'whistle' ? t('escalation.whistled') : t('escalation.reported', { org: open.escalation.orgName });
    setOpen(null);
    setText('');
    onChanged(message);
  }

  return (
    <section className="card escalation-card" aria-labelledby={`${textId}-title`}>
      <h2 id={`${textId}-title`} className="card-title">
        {t('escalation.title')}
        {data.items.length > 0 && <span className="count-pill">{data.items.length}</span>}
      </h2>
      {data.items.length > 0 && (
        <ul className="escalation-list">
          {data.items.map((e, i) => (
            <li key={e.id} className={`escalation-item ${e.reportedAt ? 'is-reported' : e.late ? 'is-late' : ''}`}>
              <div className="escalation-head">
                <strong>{e.orgName}</strong>
                {e.lead && <span className="badge badge-new">{t('escalation.lead')}</span>}
                <span className={`badge ${e.reportedAt ? 'badge-done' : e.late ? 'badge-late' : 'badge-progress'}`}>
                  {e.reportedAt ? t('escalation.statusReported') : e.late ? t('escalation.statusLate') : t('escalation.statusPending')}
                </span>
              </div>
              <p className="muted escalation-meta">
                {e.kind === 'whistle' ? t('escalation.kindWhistle') : t('escalation.kindOverdue')} · {formatDateTime(e.createdAt, lang)}
                {!e.reportedAt && e.reportDeadline && (
                  <>
                    {' · '}
                    <Deadline deadline={e.reportDeadline} />
                  </>
                )}
              </p>
              {/* One whistle calls several units with one reason: say it once. */}
              {e.reason && e.reason !== data.items[i - 1]?.reason && <p className="escalation-reason">{e.reason}</p>}
              {e.reportedAt && (
                <p className="escalation-report">
                  {t('escalation.reportedBy', { name: e.reportedByName ?? '', when: formatDateTime(e.reportedAt, lang) })}
                  {e.reportNote && <span className="escalation-note">{e.reportNote}</span>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {!open && (
        <div className="action-buttons">
          {mine.map((e) => (
            <button key={e.id} type="button" className="btn btn-primary" onClick={() => setOpen({ kind: 'report', escalation: e })}>
              {t('escalation.reportFor', { org: e.orgName })}
              <Icon name="chevronRight" size={16} />
            </button>
          ))}
          {data.mayWhistle && (
            <button type="button" className="btn btn-secondary btn-whistle" onClick={() => setOpen({ kind: 'whistle' })}>
              {t('escalation.whistle')}
              <Icon name="chevronRight" size={16} />
            </button>
          )}
        </div>
      )}
      {open && (
        <div className="action-form">
          <p className="action-form-title">{open.kind === 'whistle' ? t('escalation.whistle') : t('escalation.reportFor', { org: open.escalation.orgName })}</p>
          {open.kind === 'whistle' && <p className="muted">{t('escalation.whistleHint')}</p>}
          <SchemaForm formId={null} onSubmit={send} submitLabel={open.kind === 'whistle' ? t('escalation.whistleSubmit') : t('escalation.reportSubmit')} onCancel={() => setOpen(null)}>
            <TextNote
              id={textId}
              label={open.kind === 'whistle' ? t('escalation.reason') : t('escalation.note')}
              required={open.kind === 'whistle'}
              maxLength={2000}
              value={text}
              onChange={(v) => {
                setText(v);
                setMissing(false);
              }}
              placeholder={open.kind === 'whistle' ? t('escalation.reasonPlaceholder') : t('escalation.notePlaceholder')}
              error={missing ? t('escalation.reasonMissing') : undefined}
            />
          </SchemaForm>
        </div>
      )}
    </section>
  );
}
