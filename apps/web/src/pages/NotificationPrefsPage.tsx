import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useLoad } from '../api/useApi';
import type { LocalizedText } from '../api/types';
import { errorTitle, ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';

type Channel = 'email' | 'sms' | 'wecom';
interface Prefs {
  kinds: { id: string; label: LocalizedText; channels: Channel[]; chosen: boolean }[];
  available: Channel[];
  configured: Channel[];
  quietHours: { start: string; end: string } | null;
  cityQuietHours: { start: string; end: string } | null;
  email: string | null;
  phone: string | null;
  locale: 'zh-CN' | 'en';
}

/**
 * Which notices reach me on which channel (the inbox always gets them), quiet
 * hours (deliveries wait until they end), my e-mail and the language messages
 * come in. Only the channels the city has set up are offered.
 */
export function NotificationPrefsPage() {
  const { t, pick } = useI18n();
  const loaded = useLoad('notification-preferences', (signal) => api<Prefs>('/api/me/notification-preferences', { signal }));
  const [channels, setChannels] = useState<Record<string, Channel[]>>({});
  const [quiet, setQuiet] = useState<{ start: string; end: string } | null>(null);
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<'zh-CN' | 'en'>('zh-CN');
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The form shows only once the saved choices are in its state: rendering the
  // loaded page before the effect below copies them in would flash every box
  // unchecked (and a quick tap there would save that).
  const [applied, setApplied] = useState(false);

  const apply = (p: Prefs) => {
    setChannels(Object.fromEntries(p.kinds.map((k) => [k.id, k.channels])));
    setQuiet(p.quietHours);
    setEmail(p.email ?? '');
    setLocale(p.locale);
    setApplied(true);
  };
  useEffect(() => {
    if (loaded.data) apply(loaded.data);
  }, [loaded.data]);

  if (loaded.error) return <div className="page"><ErrorNotice error={loaded.error} onRetry={loaded.reload} /></div>;
  if (!loaded.data || !applied) return <Loading />;
  const p = loaded.data;

  const toggle = (kind: string, c: Channel) =>
    setChannels((all) => {
      const now = all[kind] ?? [];
      return { ...all, [kind]: now.includes(c) ? now.filter((x) => x !== c) : [...now, c] };
    });

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const saved = await api<Prefs>('/api/me/notification-preferences', { method: 'PUT', body: { channels, quietHours: quiet, email: email.trim() || null, locale } });
      apply(saved);
      setNotice({ tone: 'success', text: t('notifyPrefs.saved') });
    } catch (err) {
      setNotice({ tone: 'error', text: errorTitle(err as Error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <div>
          <h1>{t('notifyPrefs.title')}</h1>
          <p className="muted">{t('notifyPrefs.subtitle')}</p>
        </div>
      </header>
      <form onSubmit={save} noValidate>
        {notice && <Notice tone={notice.tone} title={notice.text} />}
        <section className="card" aria-labelledby="np-kinds">
          <h2 id="np-kinds" className="card-title">{t('notifyPrefs.kinds')}</h2>
          {p.configured.length === 0 ? (
            <p className="muted">{t('notifyPrefs.inAppOnly')}</p>
          ) : (
            <ul className="menu-list">
              {p.kinds.map((k) => (
                <li key={k.id} className="menu-link prefs-row">
                  <span className="menu-label">{pick(k.label)}</span>
                  <span className="prefs-channels" role="group" aria-label={pick(k.label)}>
                    {p.configured.map((c) => (
                      <label key={c} className={`chip ${p.available.includes(c) ? '' : 'is-disabled'}`}>
                        <input type="checkbox" checked={(channels[k.id] ?? []).includes(c)} disabled={!p.available.includes(c)} onChange={() => toggle(k.id, c)} />
                        {t(`notifyPrefs.channel.${c}`)}
                      </label>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {p.configured.some((c) => !p.available.includes(c)) && <p className="muted">{t('notifyPrefs.noAddress')}</p>}
        </section>
        <section className="card" aria-labelledby="np-quiet">
          <h2 id="np-quiet" className="card-title">{t('notifyPrefs.quiet')}</h2>
          <label className="check">
            <input type="checkbox" checked={quiet !== null} onChange={(e) => setQuiet(e.target.checked ? (p.cityQuietHours ?? { start: '22:00', end: '07:00' }) : null)} />
            {t('notifyPrefs.quietOn')}
          </label>
          {quiet && (
            <div className="field-row">
              <div className="field">
                <label htmlFor="np-start">{t('notifyPrefs.from')}</label>
                <input id="np-start" type="time" value={quiet.start} onChange={(e) => setQuiet({ ...quiet, start: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="np-end">{t('notifyPrefs.to')}</label>
                <input id="np-end" type="time" value={quiet.end} onChange={(e) => setQuiet({ ...quiet, end: e.target.value })} />
              </div>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="np-contact">
          <h2 id="np-contact" className="card-title">{t('notifyPrefs.contact')}</h2>
          <div className="field">
            <label htmlFor="np-email">{t('notifyPrefs.email')}</label>
            <input id="np-email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <p className="muted">{t('notifyPrefs.phone', { phone: p.phone ?? t('common.none') })}</p>
          <div className="field">
            <label htmlFor="np-locale">{t('notifyPrefs.locale')}</label>
            <select id="np-locale" value={locale} onChange={(e) => setLocale(e.target.value as 'zh-CN' | 'en')}>
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
          </div>
        </section>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('notifyPrefs.save')}
        </button>
      </form>
      <p className="muted">
        <Link to="/inbox">{t('notifyPrefs.back')}</Link>
      </p>
    </div>
  );
}
