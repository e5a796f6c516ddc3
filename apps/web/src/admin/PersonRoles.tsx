import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Org, RoleAssignment, RoleInfo } from '../api/types';
import { useI18n } from '../i18n';
import { refusalText, type AdminGrid } from './admin-api';
import { emptyRoleAt, RoleAtFields, roleAtBody, roleAtComplete, type RoleAt } from './RoleAtFields';

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
  const [form, setForm] = useState<RoleAt>(emptyRoleAt);
  const [busy, setBusy] = useState(false);
  const roleTitle = (id: string) => pick(roles.find((r) => r.id === id)?.title) || id;

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
      await api(`/api/people/${person.id}/roles`, { body: roleAtBody(roles, form) });
      setForm(emptyRoleAt);
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
          <RoleAtFields
            idPrefix={`roles-${person.id}`}
            roles={roles}
            orgs={orgs}
            grids={grids}
            value={form}
            onChange={setForm}
            labels={{ role: t('people.newRole'), grid: t('people.newRoleGrid'), org: t('people.newRoleOrg') }}
          />
          <button type="submit" className="btn btn-secondary btn-sm" disabled={busy || !roleAtComplete(roles, form)}>
            {t('people.grant')}
          </button>
        </form>
      </details>
    </div>
  );
}
