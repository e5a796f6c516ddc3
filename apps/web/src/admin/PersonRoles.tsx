import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Org, RoleAssignment, RoleInfo } from '../api/types';
import { OrgSelect } from '../components/OrgSelect';
import { useI18n } from '../i18n';
import { refusalText, type AdminGrid } from './admin-api';

interface Props {
  person: { id: string; name: string; roles: RoleAssignment[] };
  roles: readonly RoleInfo[];
  /** The orgs and grids the administrator administers: the only places offered. */
  orgs: readonly Org[];
  grids: readonly AdminGrid[];
  onChanged: () => void;
  onProblem: (text: string | null) => void;
}

/**
 * A person's roles with their scope (role · org or grid) as an administrator
 * changes them: take one away, give another at an org or grid of their
 * subtree. The server holds both to the grant guard: nobody gives or takes a
 * role above their own (LINLI_ERR_GRANT_ABOVE_OWN), and the city keeps an
 * administrator (LINLI_ERR_LAST_ADMIN); its refusal is shown as it reads.
 */
export function PersonRoles({ person, roles, orgs, grids, onChanged, onProblem }: Props) {
  const { t, pick } = useI18n();
  const [form, setForm] = useState({ role: '', orgId: '', gridId: '' });
  const [busy, setBusy] = useState(false);
  const role = roles.find((r) => r.id === form.role);
  const roleTitle = (id: string) => pick(roles.find((r) => r.id === id)?.title) || id;
  const prefix = `roles-${person.id}`;

  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    onProblem(null);
    try {
      await call();
      onChanged();
    } catch (err) {
      onProblem(refusalText(err as Error, t));
    } finally {
      setBusy(false);
    }
  }

  const grant = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api(`/api/people/${person.id}/roles`, { body: { role: form.role, ...(role?.heldAt === 'grid' ? { gridId: form.gridId } : { orgId: form.orgId }) } });
      setForm({ role: '', orgId: '', gridId: '' });
    });
  };

  return (
    <div className="person-roles">
      <ul className="chip-list" aria-label={t('people.rolesOf', { name: person.name })}>
        {person.roles.map((r) => (
          <li key={r.id}>
            <span className="chip">
              {roleTitle(r.role)} · {r.gridName ?? r.orgName}
              <button
                type="button"
                className="link-btn"
                aria-label={t('people.revoke', { name: person.name, role: roleTitle(r.role), place: r.gridName ?? r.orgName })}
                disabled={busy}
                onClick={() => {
                  if (window.confirm(t('people.confirmRevoke', { name: person.name, role: roleTitle(r.role), place: r.gridName ?? r.orgName }))) void run(() => api(`/api/people/${person.id}/roles/${r.id}`, { method: 'DELETE' }));
                }}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
      <details>
        <summary className="link-btn">{t('people.addRole')}</summary>
        <form onSubmit={grant} noValidate>
          <div className="field">
            <label htmlFor={`${prefix}-role`}>{t('people.newRole')}</label>
            <select id={`${prefix}-role`} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              <option value="">{t('common.choose')}</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {pick(r.title)}
                </option>
              ))}
            </select>
          </div>
          {role?.heldAt === 'grid' ? (
            <div className="field">
              <label htmlFor={`${prefix}-grid`}>{t('people.newRoleGrid')}</label>
              <select id={`${prefix}-grid`} value={form.gridId} onChange={(e) => setForm({ ...form, gridId: e.target.value })}>
                <option value="">{t('common.choose')}</option>
                {grids.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${prefix}-org`}>{t('people.newRoleOrg')}</label>
              <OrgSelect id={`${prefix}-org`} orgs={orgs} value={form.orgId} onChange={(orgId) => setForm({ ...form, orgId })} />
            </div>
          )}
          <button type="submit" className="btn btn-secondary btn-sm" disabled={busy || !form.role || (role?.heldAt === 'grid' ? !form.gridId : !form.orgId)}>
            {t('people.grant')}
          </button>
        </form>
      </details>
    </div>
  );
}
