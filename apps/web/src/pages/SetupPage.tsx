import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client';
import { LangSwitch } from '../app/Layout';
import { errorTitle } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { passwordProblem } from '../accounts/password-errors';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/time';

interface LinkInfo {
  username: string;
  name: string;
  purpose: 'setup' | 'reset';
  expiresAt: string;
  minLength: number;
}

/**
 * Where a one-time link lands (`/setup#<token>`): the person chooses their
 * own password. The token rides in the fragment, so it never reaches a server
 * log or another site's Referer.
 */
export function SetupPage() {
  const { t, lang } = useI18n();
  const token = typeof location !== 'undefined' ? location.hash.slice(1) : '';
  const [info, setInfo] = useState<LinkInfo | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(token ? null : t('setup.missing'));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (!token) return setInfo(null);
    api<LinkInfo>('/api/account/link', { body: { token } }).then(setInfo, (e: Error) => {
      setInfo(null);
      setProblem(e instanceof ApiError && e.status === 410 ? t('setup.invalid') : errorTitle(e, t));
    });
  }, [token]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== repeat) return setProblem(t('account.mismatch'));
    setBusy(true);
    setProblem(null);
    try {
      await api('/api/account/password/set', { body: { token, password } });
      setDone(true);
    } catch (err) {
      setProblem(passwordProblem(err, t, info?.minLength ?? 10) ?? (err instanceof ApiError && err.status === 410 ? t('setup.invalid') : errorTitle(err as Error, t)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <div className="login-panel">
        <div className="card login-card">
          <h1>{info?.purpose === 'reset' ? t('setup.reset') : t('setup.title')}</h1>
          {info === undefined && <Loading />}
          {problem && <Notice tone="error" title={problem} />}
          {done ? (
            <>
              <Notice tone="success" title={t('setup.done')} />
              <Link className="btn btn-primary btn-block" to={`/login?username=${encodeURIComponent(info?.username ?? '')}`}>
                {t('setup.toLogin')}
              </Link>
            </>
          ) : (
            info && (
              <form onSubmit={submit} noValidate>
                <p>{t('setup.for', { name: info.name, username: info.username })}</p>
                <p className="muted">{t('setup.until', { at: formatDateTime(info.expiresAt, lang) })}</p>
                <p className="muted" id="setup-rule">
                  {t('setup.rule', { min: info.minLength })}
                </p>
                <input type="text" name="username" autoComplete="username" value={info.username} readOnly hidden />
                <div className="field">
                  <label htmlFor="setup-password">{t('setup.password')}</label>
                  <input id="setup-password" type="password" autoComplete="new-password" aria-describedby="setup-rule" value={password} onChange={(e) => setPassword(e.target.value)} required />
                </div>
                <div className="field">
                  <label htmlFor="setup-repeat">{t('setup.repeat')}</label>
                  <input id="setup-repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
                </div>
                <button type="submit" className="btn btn-primary btn-block" disabled={busy || !password || !repeat}>
                  {t('setup.submit')}
                </button>
              </form>
            )
          )}
        </div>
      </div>
    </div>
  );
}
