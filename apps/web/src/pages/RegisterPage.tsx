import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client';
import { useLoad } from '../api/useApi';
import { passwordProblem } from '../accounts/password-errors';
import { errorTitle } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';

interface RegistrationInfo {
  enabled: boolean;
  confirm: boolean;
  places: { id: string; name: string; parentName: string | null }[];
}

/**
 * A resident registers with their mobile number: a one-time code by SMS,
 * their name, their compound and a password; the number becomes their
 * username. Where the city wants it, the community confirms the account
 * before they can log in.
 */
export function RegisterPage() {
  const { t } = useI18n();
  const info = useLoad('registration', (signal) => api<RegistrationInfo>('/api/registration', { signal }));
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [orgId, setOrgId] = useState('');
  const [password, setPassword] = useState('');
  const [wait, setWait] = useState(0);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success' | 'info'; text: string } | null>(null);
  const [done, setDone] = useState<{ username: string; status: 'pending' | 'confirmed' } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  if (!info.data) return info.error ? <div className="page page-narrow"><Notice tone="error" title={errorTitle(info.error, t)} /></div> : <Loading />;
  const validPhone = /^1[3-9]\d{9}$/.test(phone);

  async function sendCode() {
    setNotice(null);
    try {
      const r = await api<{ resendAfterSeconds: number }>('/api/registration/code', { body: { phone } });
      setWait(r.resendAfterSeconds);
      setNotice({ tone: 'info', text: t('register.codeSent') });
    } catch (err) {
      setNotice({ tone: 'error', text: errorTitle(err as Error, t) });
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      setDone(await api<{ username: string; status: 'pending' | 'confirmed' }>('/api/registration', { body: { phone, code, name: name.trim(), orgId, password } }));
    } catch (err) {
      const text = passwordProblem(err, t, 10) ?? (err instanceof ApiError ? err.message : null) ?? errorTitle(err as Error, t);
      setNotice({ tone: 'error', text });
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="page page-narrow">
        <section className="card">
          <h1>{t('register.title')}</h1>
          <Notice tone="success" title={done.status === 'pending' ? t('register.pending') : t('register.ready')} />
          <p>{t('register.username', { username: done.username })}</p>
          <Link className="btn btn-primary btn-block" to={`/login?username=${encodeURIComponent(done.username)}`}>
            {t('register.toLogin')}
          </Link>
        </section>
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="register-title">
        <h1 id="register-title">{t('register.title')}</h1>
        {!info.data.enabled ? (
          <Notice tone="info" title={t('register.closed')} />
        ) : (
          <>
            <p className="muted">{info.data.confirm ? t('register.hintConfirm') : t('register.hint')}</p>
            {notice && <Notice tone={notice.tone} title={notice.text} />}
            <div className="field">
              <label htmlFor="reg-phone">{t('register.phone')}</label>
              <input id="reg-phone" type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))} />
            </div>
            <div className="field">
              <label htmlFor="reg-code">{t('register.code')}</label>
              <div className="code-row">
                <input id="reg-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />
                <button type="button" className="btn btn-secondary" disabled={!validPhone || wait > 0} onClick={() => void sendCode()}>
                  {wait > 0 ? t('register.resendIn', { seconds: wait }) : t('register.sendCode')}
                </button>
              </div>
            </div>
            <div className="field">
              <label htmlFor="reg-name">{t('register.name')}</label>
              <input id="reg-name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="reg-place">{t('register.place')}</label>
              <select id="reg-place" value={orgId} onChange={(e) => setOrgId(e.target.value)}>
                <option value="">{t('common.choose')}</option>
                {info.data.places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.parentName ? `${p.name}（${p.parentName}）` : p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="reg-password">{t('register.password')}</label>
              <input id="reg-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </div>
            <button type="submit" className="btn btn-primary btn-block" disabled={busy || !validPhone || code.length !== 6 || !name.trim() || !orgId || !password}>
              {t('register.submit')}
            </button>
          </>
        )}
        <p className="muted">
          <Link to="/login">{t('register.haveAccount')}</Link>
        </p>
      </form>
    </div>
  );
}
