import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useLoad } from '../api/useApi';
import { useNow } from '../components/Deadline';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { EmptyState, Loading } from '../components/Loading';
import { announceUnread } from '../escalations/useUnread';
import type { Notification, NotificationPage } from '../escalations/types';
import { useI18n } from '../i18n';
import { formatDateTime, formatRelative } from '../lib/time';

/** My in-app notices (reminders, overdue marks, whistles, reports), newest first; opening one marks it read and goes to its ticket. */
export function InboxPage() {
  const { t, pick, lang } = useI18n();
  const now = useNow();
  const navigate = useNavigate();
  const first = useLoad('notifications', (signal) => api<NotificationPage>('/api/notifications?limit=30', { signal }));
  const [more, setMore] = useState<Notification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [read, setRead] = useState<Set<string>>(new Set());
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (first.data) {
      setCursor(first.data.nextCursor);
      announceUnread(first.data.unread);
    }
  }, [first.data]);

  if (first.error) return <div className="page"><ErrorNotice error={first.error} onRetry={first.reload} /></div>;
  if (!first.data) return <Loading />;
  const items = [...first.data.items, ...more];
  const unread = Math.max(0, first.data.unread - items.filter((n) => !n.readAt && read.has(n.id)).length);

  async function open(n: Notification) {
    setError(null);
    try {
      if (!n.readAt && !read.has(n.id)) {
        await api(`/api/notifications/${n.id}/read`, { method: 'POST' });
        setRead((s) => new Set(s).add(n.id));
        announceUnread(Math.max(0, unread - 1));
      }
      if (n.ticketId) navigate(`/tickets/${n.ticketId}`);
    } catch (e) {
      setError(e as Error);
    }
  }

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await api<NotificationPage>(`/api/notifications?limit=30&cursor=${encodeURIComponent(cursor)}`);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e as Error);
    }
  }

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('inbox.title')}</h1>
          <p className="muted">{unread ? t('inbox.unread', { count: unread }) : t('inbox.allRead')}</p>
        </div>
        <Link to="/inbox/preferences" className="btn btn-secondary btn-sm">
          <Icon name="settings" size={16} /> {t('inbox.settings')}
        </Link>
      </header>
      {error && <ErrorNotice error={error} />}
      {items.length === 0 ? (
        <EmptyState icon="inbox" title={t('inbox.empty')} />
      ) : (
        <ul className="inbox-list card">
          {items.map((n) => {
            const isUnread = !n.readAt && !read.has(n.id);
            return (
              <li key={n.id}>
                <button type="button" className={`inbox-item ${isUnread ? 'is-unread' : ''}`} onClick={() => void open(n)}>
                  <span className="inbox-dot" aria-hidden="true" />
                  <span className="inbox-text">
                    <span className="inbox-title">
                      {isUnread && <span className="visually-hidden">{t('inbox.unreadMark')}</span>}
                      {pick(n.title)}
                    </span>
                    <span className="inbox-meta">
                      <span className="badge badge-muted">{t(`inbox.kind.${n.kind.replace('.', '_')}`, { defaultValue: (n.kindLabel && pick(n.kindLabel)) || n.kind })}</span>
                      <time dateTime={n.createdAt} title={formatDateTime(n.createdAt, lang)}>
                        {formatRelative(n.createdAt, now, lang)}
                      </time>
                    </span>
                  </span>
                  {n.ticketId && <Icon name="chevronRight" size={18} className="menu-chevron" />}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {cursor && (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => void loadMore()}>
          {t('queue.loadMore')}
        </button>
      )}
    </div>
  );
}
