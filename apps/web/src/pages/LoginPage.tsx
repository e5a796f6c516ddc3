import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { LangSwitch } from '../app/Layout';
import { useSession } from '../auth/session';
import { errorTitle } from '../components/ErrorNotice';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';

/** Only same-app paths: a crafted ?next= must not send people to another site. `/` lands residents on their portal, staff on the queue. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { config, me, login } = useSession();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState(params.get('username') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('login.bad') : errorTitle(err as Error, t));
    } finally {
      setBusy(false);
    }
  }

  const demo = config?.demo;
  return (
    <div className="login">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <div className="login-hero">
        <span className="brand-mark brand-mark-lg" aria-hidden="true">
          邻
        </span>
        <h1>{pick(config?.title) || t('app.name')}</h1>
        <p>{t('login.tagline')}</p>
        <ul className="login-points">
          <li>{t('login.point1')}</li>
          <li>{t('login.point2')}</li>
          <li>{t('login.point3')}</li>
        </ul>
      </div>
      <div className="login-panel">
      <form className="card login-card" onSubmit={submit} noValidate>
        <h2>{t('login.title')}</h2>
        {error && <Notice tone="error" title={error} />}
        <div className="field">
          <label htmlFor="login-username">{t('login.username')}</label>
          <input id="login-username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input id="login-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !username || !password}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        {config?.sso && (
          <>
            <p className="login-or muted" aria-hidden="true">
              {t('login.or')}
            </p>
            {/* A full navigation, not a fetch: the browser goes to the identity service and comes back logged in. */}
            <a className="btn btn-secondary btn-block" href={`${config.sso.start}?next=${encodeURIComponent(next)}`}>
              {pick(config.sso.label)}
            </a>
          </>
        )}
        <p className="muted login-register">
          <Link to="/register">{t('register.link')}</Link>
        </p>
      </form>
      {demo && (
        <section className="card demo-card" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('login.demoTitle')}</h2>
          <p className="muted">{t('login.demoHint', { password: demo.password })}</p>
          <ul className="demo-list">
            {demo.usernames.map((u) => (
              <li key={u}>
                <button
                  type="button"
                  className="chip"
                  onClick={() => {
                    setUsername(u);
                    setPassword(demo.password);
                  }}
                >
                  {u}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="login-foot">
        <Link to="/board">{t('login.board')}</Link> · {t('login.foot')}
      </p>
      </div>
    </div>
  );
}
