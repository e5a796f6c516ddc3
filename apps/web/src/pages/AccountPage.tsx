import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useLoad } from '../api/useApi';
import { errorTitle, ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { passwordProblem } from '../accounts/password-errors';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/time';

interface SessionRow {
  id: string;
  createdAt: string;
  expiresAt: string;
  current: boolean;
}

/** My own account: a new password (the current one required) and the devices I am logged in on. */
export function AccountPage() {
  const { t, lang } = useI18n();
  const sessions = useLoad('my-sessions', () => api<{ items: SessionRow[] }>('/api/account/sessions'));
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) return setNotice({ tone: 'error', text: t('account.mismatch') });
    setBusy(true);
    setNotice(null);
    try {
      await api('/api/account/password', { body: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setRepeat('');
      setNotice({ tone: 'success', text: t('account.saved') });
      sessions.reload();
    } catch (err) {
      // A wrong current password is a 403 of its own: say so in the server's words, not "your roles do not allow this".
      const wrong = err instanceof ApiError && err.code === 'LINLI_ERR_WRONG_PASSWORD' ? err.message : null;
      setNotice({ tone: 'error', text: passwordProblem(err, t, 10) ?? wrong ?? errorTitle(err as Error, t) });
    } finally {
      setBusy(false);
    }
  }

  async function end(id: string) {
    await api(`/api/account/sessions/${id}`, { method: 'DELETE' });
    sessions.reload();
  }

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <h1>{t('account.title')}</h1>
      </header>
      <form className="card" onSubmit={change} noValidate aria-labelledby="change-title">
        <h2 id="change-title" className="card-title">
          {t('account.change')}
        </h2>
        {notice && <Notice tone={notice.tone} title={notice.text} />}
        <div className="field">
          <label htmlFor="acc-current">{t('account.current')}</label>
          <input id="acc-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="acc-next">{t('account.next')}</label>
          <input id="acc-next" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="acc-repeat">{t('account.repeat')}</label>
          <input id="acc-repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy || !current || !next || !repeat}>
          {t('account.save')}
        </button>
      </form>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="card-title">
          {t('account.sessions')}
        </h2>
        {sessions.error && <ErrorNotice error={sessions.error} onRetry={sessions.reload} />}
        {sessions.loading && !sessions.data && <Loading />}
        <ul className="menu-list">
          {sessions.data?.items.map((s) => (
            <li key={s.id} className="menu-link">
              <span className="menu-label">
                {s.current ? t('account.thisDevice') : t('account.since', { at: formatDateTime(s.createdAt, lang) })}
                {s.current && <span className="menu-group">{t('account.since', { at: formatDateTime(s.createdAt, lang) })}</span>}
              </span>
              {!s.current && (
                <button type="button" className="btn btn-secondary btn-sm" onClick={() => void end(s.id)}>
                  {t('account.end')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
