import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { loadRoles } from '../api/cache';
import type { Org, RoleAssignment } from '../api/types';
import { useLoad } from '../api/useApi';
import { errorTitle, ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { ImportCard } from '../accounts/ImportCard';
import type { AdminGrid } from '../admin/admin-api';
import { PersonRoles } from '../admin/PersonRoles';
import { RoleAtFields, roleAtBody, roleAtComplete } from '../admin/RoleAtFields';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/time';

interface Account {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  roles: RoleAssignment[];
  disabled: boolean;
  passwordSet: boolean;
  manageable: boolean;
}

interface OneTimeLink {
  purpose: 'setup' | 'reset';
  url: string;
  expiresAt: string;
}

/** A one-time link as an administrator sees it once: to pass on, never to keep. */
function LinkCard({ link, name }: { link: OneTimeLink; name: string }) {
  const { t, lang } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="card" role="region" aria-label={t('people.link')}>
      <h2 className="card-title">{t('people.link')}</h2>
      <p className="muted">{t('people.linkHint', { name, until: formatDateTime(link.expiresAt, lang) })}</p>
      <input className="one-time-link" aria-label={t('people.link')} readOnly value={link.url} onFocus={(e) => e.target.select()} />
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() => void navigator.clipboard?.writeText(link.url).then(() => setCopied(true), () => undefined)}
      >
        {copied ? t('people.copied') : t('people.copy')}
      </button>
    </div>
  );
}

/** People within the subtrees I administer: search, invite with a first role, send a setup or reset link, disable and enable. */
export function PeoplePage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const people = useLoad(`admin-people:${search}`, () => api<{ items: Account[]; nextCursor: string | null }>(`/api/admin/people?limit=50${search ? `&q=${encodeURIComponent(search)}` : ''}`));
  const roles = useLoad('roles', loadRoles);
  // Roles are given only where the administrator administers: those orgs and grids are the places offered.
  const adminOrgs = useLoad('admin-orgs', () => api<{ items: Org[] }>('/api/admin/orgs'));
  const adminGrids = useLoad('admin-grids', () => api<{ items: AdminGrid[] }>('/api/admin/grids'));
  const [form, setForm] = useState({ username: '', name: '', phone: '', role: '', orgId: '', gridId: '' });
  const [issued, setIssued] = useState<{ link: OneTimeLink; name: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function invite(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const body = { username: form.username.trim(), name: form.name.trim(), ...(form.phone ? { phone: form.phone.trim() } : {}), ...roleAtBody(roles.data?.roles ?? [], form) };
      const res = await api<{ person: Account; link: OneTimeLink }>('/api/admin/people', { body });
      setIssued({ link: res.link, name: res.person.name });
      setForm({ username: '', name: '', phone: '', role: form.role, orgId: form.orgId, gridId: form.gridId });
      people.reload();
    } catch (err) {
      setProblem(errorTitle(err as Error, t));
    } finally {
      setBusy(false);
    }
  }

  async function act(p: Account, action: 'link' | 'disable' | 'enable') {
    setProblem(null);
    if (action === 'disable' && !window.confirm(t('people.confirmDisable', { name: p.name }))) return;
    try {
      const res = await api<OneTimeLink | Account>(`/api/admin/people/${p.id}/${action}`, { body: {} });
      if (action === 'link') setIssued({ link: res as OneTimeLink, name: p.name });
      people.reload();
    } catch (err) {
      setProblem(errorTitle(err as Error, t));
    }
  }

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <h1>{t('people.title')}</h1>
      </header>
      {problem && <Notice tone="error" title={problem} />}
      {issued && <LinkCard link={issued.link} name={issued.name} />}
      <details className="card">
        <summary className="card-title">{t('people.invite')}</summary>
        <form onSubmit={invite} noValidate>
          <div className="field">
            <label htmlFor="inv-name">{t('people.name')}</label>
            <input id="inv-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="inv-username">{t('people.username')}</label>
            <input id="inv-username" autoCapitalize="none" spellCheck={false} aria-describedby="inv-username-hint" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
            <p className="muted" id="inv-username-hint">
              {t('people.usernameHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="inv-phone">{t('people.phone')}</label>
            <input id="inv-phone" type="tel" inputMode="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
          </div>
          <RoleAtFields
            idPrefix="inv"
            roles={roles.data?.roles ?? []}
            orgs={adminOrgs.data?.items ?? []}
            grids={adminGrids.data?.items ?? []}
            value={form}
            onChange={(at) => setForm({ ...form, ...at })}
            labels={{ role: t('people.role'), grid: t('people.grid'), org: t('people.org') }}
          />
          <button type="submit" className="btn btn-primary" disabled={busy || !form.username || !form.name || !roleAtComplete(roles.data?.roles ?? [], form)}>
            {t('people.send')}
          </button>
        </form>
      </details>
      <ImportCard onImported={people.reload} />
      <form
        className="card"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(query.trim());
        }}
      >
        <input type="search" aria-label={t('people.search')} placeholder={t('people.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </form>
      {people.error && <ErrorNotice error={people.error} onRetry={people.reload} />}
      {people.loading && !people.data && <Loading />}
      {people.data?.items.length === 0 && <p className="muted">{t('people.empty')}</p>}
      <ul className="card menu-list" aria-label={t('people.title')}>
        {people.data?.items.map((p) => (
          <li key={p.id} className="person-row">
            <div className="menu-label">
              <strong>{p.name}</strong> <span className="muted">{p.username}</span>
              {p.disabled && <span className="chip">{t('people.disabled')}</span>}
              {!p.passwordSet && !p.disabled && <span className="chip">{t('people.noPassword')}</span>}
            </div>
            {p.manageable && (
              <div className="person-actions">
                {!p.disabled && (
                  <button type="button" className="btn btn-secondary btn-sm" onClick={() => void act(p, 'link')}>
                    {p.passwordSet ? t('people.reset') : t('people.setup')}
                  </button>
                )}
                <button type="button" className="btn btn-secondary btn-sm" onClick={() => void act(p, p.disabled ? 'enable' : 'disable')}>
                  {p.disabled ? t('people.enable') : t('people.disable')}
                </button>
              </div>
            )}
            <PersonRoles
              person={p}
              roles={roles.data?.roles ?? []}
              orgs={adminOrgs.data?.items ?? []}
              grids={adminGrids.data?.items ?? []}
              onChanged={() => {
                people.reload();
                adminGrids.reload();
              }}
              onProblem={setProblem}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
